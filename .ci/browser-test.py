#!/usr/bin/env python3
"""Drives the built binary's web app in headless Chromium the way a person would.

Starts `kontor serve --db TMP --port P` itself (and stops it) with a real SMTP server (aiosmtpd, the test server of
Tests/KontorTestTools) on 127.0.0.1, then walks one job from a new customer to a paid invoice (correcting a quote
line, issuing after the confirmation, sending it by e-mail and deleting a spare draft on the way), sends an approved
reminder weeks later, and checks escaping, CSRF and the refusal to serve the network without a password.

Usage: .ci/browser-test.py [path/to/kontor]   (default: .build/debug/kontor)
Needs: Debian's chromium and chromium-driver, and selenium from PyPI. Prints `N passed, M failed` last and exits
non-zero on any failure.
"""
import os
import socket
import subprocess
import sys
import tempfile
import time
import traceback
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.common.exceptions import NoAlertPresentException, StaleElementReferenceException, WebDriverException
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.support.ui import Select, WebDriverWait

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/debug/kontor")
TODAY = "2026-03-02"
results = []


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2) as response:
                if response.status == 200:
                    return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}")


def step(name):
    """Runs a check; records pass or fail with the reason, and goes on."""
    def wrap(function):
        try:
            function()
            results.append((name, None))
            print(f"PASS {name}", flush=True)
        except Exception as error:  # noqa: BLE001 - every failure is reported
            results.append((name, error))
            where = [f"{frame.lineno}:{frame.name}" for frame in traceback.extract_tb(error.__traceback__)]
            print(f"FAIL {name} (at {' < '.join(reversed(where))}): {type(error).__name__}: {error}", flush=True)
        return function
    return wrap


def steady(action, attempts=3):
    """Runs a page interaction again when Chromium reports its element as gone: a known chromedriver race just
    after a page load ("Node with given id does not belong to the document"). Only idempotent actions go here."""
    for attempt in range(attempts):
        try:
            return action()
        except WebDriverException as error:
            transient = isinstance(error, StaleElementReferenceException) or "does not belong to the document" in str(error)
            if not transient or attempt == attempts - 1:
                raise
            time.sleep(0.5)


def gone(element):
    """Waits for a page to be replaced. Chromium sometimes reports the old page's node as "does not belong to the
    document" instead of stale; both mean the next page is there."""
    def predicate(_):
        try:
            element.is_enabled()
            return False
        except StaleElementReferenceException:
            return True
        except WebDriverException as error:
            if "does not belong to the document" in str(error):
                return True
            raise
    return predicate


def check(condition, message):
    if not condition:
        raise AssertionError(message)


def start_smtp(spool):
    """The test SMTP server (Debian's python3-aiosmtpd); returns the process and its port."""
    script = os.path.join(ROOT, "Tests/KontorTestTools/Server/smtp-server.py")
    process = subprocess.Popen(["/usr/bin/python3", script, "--spool", spool], stdout=subprocess.PIPE, text=True)
    line = process.stdout.readline()
    if not line.startswith("PORT "):
        process.kill()
        raise RuntimeError("the test SMTP server did not start: apt-get install -y python3-aiosmtpd")
    return process, int(line.split()[1])


def delivered(spool, count, seconds=30):
    """The messages the SMTP server stored, once there are `count` of them."""
    deadline = time.time() + seconds
    while time.time() < deadline:
        names = sorted(n for n in os.listdir(spool) if n.endswith(".eml")) if os.path.isdir(spool) else []
        if len(names) >= count:
            return [open(os.path.join(spool, n), "rb").read().decode("utf-8", "replace") for n in names]
        time.sleep(0.3)
    raise AssertionError(f"the SMTP server has not received {count} message(s) within {seconds} s")


def make_driver():
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--lang=de-DE",
                 "--window-size=1280,900", "--log-level=3"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    return webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)


def main():
    workdir = tempfile.mkdtemp(prefix="kontor-browser-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    log = open(os.path.join(workdir, "serve.log"), "w")
    spool = os.path.join(workdir, "spool")
    smtp, smtp_port = start_smtp(spool)
    servers = []

    def serve(today):
        """(Re)starts the web app on the same book, as of `today`."""
        for running in servers:
            running.terminate()
            running.wait(timeout=10)
        servers[:] = [subprocess.Popen(
            [BINARY, "serve", "--db", os.path.join(workdir, "book.sqlite"), "--port", str(port), "--today", today,
             "--mail-interval", "1"], stdout=log, stderr=subprocess.STDOUT)]
        wait_for(base + "/static/app.css")

    serve(TODAY)
    driver = None
    try:
        driver = make_driver()
        driver.implicitly_wait(3)

        def settle():
            WebDriverWait(driver, 20).until(lambda d: d.execute_script("return document.readyState") == "complete")

        def go(path):
            goto(base + path)

        def goto(url):
            driver.get(url)
            settle()

        def fill(element_id, text):
            def action():
                field = driver.find_element(By.ID, element_id)
                field.clear()
                field.send_keys(text)
            steady(action)

        def choose(element_id, text=None, value=None):
            def action():
                menu = Select(driver.find_element(By.ID, element_id))
                if text is not None:
                    menu.select_by_visible_text(text)
                else:
                    menu.select_by_value(value)
            steady(action)

        def click(element):
            """Clicks and waits until the next page has replaced this one."""
            page = driver.find_element(By.TAG_NAME, "html")
            element.click()
            WebDriverWait(driver, 20).until(gone(page))
            settle()

        def press(selector):
            click(driver.find_element(By.CSS_SELECTOR, selector))

        def submit(action):
            press(f"form[action='{action}'] button[type=submit]")

        def flash():
            flashes = driver.find_elements(By.CSS_SELECTOR, ".flash")
            return flashes[0].text if flashes else ""

        state = {}

        @step("the business profile is created in Einstellungen")
        def _():
            go("/settings")
            check("Profil anlegen" in driver.page_source, "no profile form")
            fill("profile-f-name", "Schreibbüro Lena Schmidt")
            fill("profile-f-street", "Am Bach 3")
            fill("profile-f-postalCode", "50667")
            fill("profile-f-city", "Köln")
            fill("profile-f-iban", "DE89 3704 0044 0532 0130 00")
            fill("profile-f-taxNumber", "214/5678/0123")
            submit("/settings/profile")
            check("Profil angelegt" in flash(), f"flash was {flash()!r}")

        @step("a customer is created")
        def _():
            go("/customers/new")
            fill("f-name", "Verlag Morgenrot GmbH")
            fill("f-email", "lektorat@morgenrot.example")
            fill("f-street", "Hafenstraße 12")
            fill("f-postalCode", "20457")
            fill("f-city", "Hamburg")
            submit("/customers")
            check("Verlag Morgenrot GmbH" in driver.find_element(By.TAG_NAME, "h1").text, "customer page not shown")
            check(driver.find_element(By.ID, "customer-status").text == "Interessent", "not a prospect")
            state["customer"] = driver.current_url

        @step("an e-mail inquiry is recorded")
        def _():
            go("/inquiries/new")
            choose("f-customer", text="Verlag Morgenrot GmbH")
            choose("f-channel", value="email")
            fill("f-subject", "Klappentexte Frühjahrsprogramm")
            submit("/inquiries")
            check("Klappentexte Frühjahrsprogramm" in driver.find_element(By.CSS_SELECTOR, ".board").text, "not on the board")

        @step("a quote is written from the inquiry, with a line")
        def _():
            press("a[href^='/quotes/new?inquiry=']")
            check(driver.find_element(By.ID, "f-title").get_attribute("value") == "Klappentexte Frühjahrsprogramm",
                  "title not taken from the inquiry")
            submit("/quotes")
            state["quote"] = driver.current_url
            fill("line-f-description", "Klappentexte, 12 Titel")
            fill("line-f-quantity", "12")
            choose("line-f-unit", value="flat")
            fill("line-f-price", "95")
            press("form[action$='/lines'] button[type=submit]")
            check("1.140,00 €" in driver.page_source, "net sum not shown")

        @step("a wrong line on the quote is fixed, moved and removed again")
        def _():
            goto(state["quote"])
            fill("line-f-description", "Autorenporträts, 3 Stück")
            fill("line-f-quantity", "3")
            choose("line-f-unit", value="flat")
            fill("line-f-price", "400")
            press("form[action$='/lines'] button[type=submit]")
            check("2.340,00 €" in driver.page_source, "the wrong line is not in the sum")
            press("#line-2-edit")
            check(driver.find_element(By.ID, "line-f-price").get_attribute("value") == "400,00",
                  "the line's price is not prefilled")
            fill("line-f-price", "40")
            press("#save-edit")
            check("Position gespeichert" in flash(), f"flash was {flash()!r}")
            check("1.260,00 €" in driver.page_source, "the fixed price is not in the sum")
            press("#line-2-up")
            first = driver.find_element(By.CSS_SELECTOR, "table.lines tbody tr td").text
            check(first == "Autorenporträts, 3 Stück", f"first line is {first!r}")
            press("#line-1-remove")
            check("Position entfernt" in flash(), f"flash was {flash()!r}")
            check("1.140,00 €" in driver.page_source and "Autorenporträts" not in driver.page_source,
                  "the line was not removed")

        @step("the quote is accepted and the job delivered")
        def _():
            goto(state["quote"])
            press("form[action$='/accept'] button[type=submit]")
            check("/jobs/" in driver.current_url, f"not on the job page: {driver.current_url}")
            press("form[action$='/deliver'] button[type=submit]")
            press("form[action$='/accept'] button[type=submit]")
            check(driver.find_element(By.ID, "job-status").text == "abgenommen", "job not accepted")

        @step("the invoice is drafted from the job and issued")
        def _():
            press("form[action='/invoices'] button[type=submit]")
            check("Entwurf" in driver.find_element(By.TAG_NAME, "h1").text, "no draft")
            press("#issue-invoice")
            heading = driver.find_element(By.TAG_NAME, "h1").text
            check(heading == "Rechnung 2026-0001 ausstellen?", f"no confirmation first: {heading!r}")
            check("nicht mehr geändert werden, nur storniert" in driver.page_source, "no warning that it is final")
            check("1.356,60 €" in driver.page_source, "totals not on the confirmation")
            press("#confirm-issue")
            errors = " ".join(e.text for e in driver.find_elements(By.CSS_SELECTOR, ".form-error"))
            check("2026-0001" in driver.find_element(By.TAG_NAME, "h1").text, f"not issued: {errors}")
            check("1.356,60 €" in flash(), f"flash was {flash()!r}")
            state["invoice"] = driver.current_url

        @step("the invoice PDF downloads")
        def _():
            href = driver.find_element(By.ID, "download-pdf").get_attribute("href")
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
            request = urllib.request.Request(href, headers={"Cookie": cookie})
            with urllib.request.urlopen(request, timeout=20) as response:
                data = response.read()
                check(response.headers.get("Content-Type") == "application/pdf", "wrong content type")
            check(data.startswith(b"%PDF"), f"not a PDF: {data[:8]!r}")

        def timeline_shows(text, seconds=30):
            """Reloads the customer's page until its timeline has `text` (the sender works in the background)."""
            deadline = time.time() + seconds
            while time.time() < deadline:
                goto(state["customer"])
                if text in driver.page_source:
                    return
                time.sleep(1)
            raise AssertionError(f"the timeline does not show {text!r}")

        @step("the mail server is set up and the invoice is sent by e-mail into the timeline")
        def _():
            go("/mail/settings")
            fill("smtp-f-host", "127.0.0.1")
            fill("smtp-f-port", str(smtp_port))
            choose("smtp-f-security", value="none")
            fill("smtp-f-from", "post@schmidt.example")
            submit("/mail/settings")
            check("gespeichert" in flash(), f"flash was {flash()!r}")
            goto(state["invoice"])
            press("#mail-invoice")
            check("lektorat@morgenrot.example" in driver.page_source, "the preview does not name the recipient")
            check("Rechnung-2026-0001.pdf" in driver.page_source, "the preview does not list the PDF")
            press("#send-mail")
            check("Postausgang" in flash(), f"flash was {flash()!r}")
            message = delivered(spool, 1)[0]
            check("Subject: Rechnung 2026-0001" in message, "the server received another subject")
            timeline_shows("E-Mail „Rechnung 2026-0001“ an lektorat@morgenrot.example gesendet")

        @step("a second draft is deleted after confirming")
        def _():
            go("/invoices/new")
            choose("f-customer", text="Verlag Morgenrot GmbH")
            press("section[aria-labelledby='h-free'] button[type=submit]")
            check("Entwurf" in driver.find_element(By.TAG_NAME, "h1").text, "no draft")
            press("#delete-draft")
            check("wirklich löschen?" in driver.find_element(By.TAG_NAME, "h1").text, "no confirmation step")
            press("#confirm-delete")
            check("gelöscht" in flash(), f"flash was {flash()!r}")
            check("filter=drafts" in driver.current_url, f"on {driver.current_url}")
            check("Keine Entwürfe" in driver.page_source, "the deleted draft is still listed")

        @step("a payment is recorded and the customer becomes regular")
        def _():
            goto(state["invoice"])
            amount = driver.find_element(By.ID, "pay-f-amount").get_attribute("value")
            check(amount == "1356,60", f"open amount prefilled as {amount!r}")
            press("#record-payment")
            check("Bestandskunde" in flash(), f"flash was {flash()!r}")
            check(driver.find_element(By.ID, "invoice-status").text == "bezahlt", "invoice not paid")
            goto(state["customer"])
            check(driver.find_element(By.ID, "customer-status").text == "Bestandskunde", "customer not regular")

        @step("a payment is reversed with a reason, then recorded again")
        def _():
            goto(state["invoice"])
            steady(lambda: driver.find_element(By.CSS_SELECTOR, "details.inline-action summary").click())
            reason = driver.find_element(By.CSS_SELECTOR, "details.inline-action input[name=reason]")
            reason.send_keys("Rücklastschrift")
            click(driver.find_element(By.CSS_SELECTOR, "details.inline-action button[type=submit]"))
            check("storniert" in flash(), f"flash was {flash()!r}")
            check(driver.find_element(By.ID, "invoice-status").text != "bezahlt", "invoice still paid")
            check("Rücklastschrift" in driver.page_source, "the reason is not shown")
            press("#record-payment")
            check(driver.find_element(By.ID, "invoice-status").text == "bezahlt", "invoice not paid again")

        @step("a bank statement is uploaded and its unknown credit waits for review")
        def _():
            statement = os.path.join(workdir, "auszug.xml")
            with open(statement, "w", encoding="utf-8") as out:
                out.write(
                    '<?xml version="1.0" encoding="UTF-8"?>'
                    '<Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.08"><BkToCstmrStmt>'
                    "<GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-03-02T08:00:00</CreDtTm></GrpHdr>"
                    "<Stmt><Id>S1</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id></Acct>"
                    '<Ntry><Amt Ccy="EUR">47.11</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts>'
                    "<BookgDt><Dt>2026-03-02</Dt></BookgDt><ValDt><Dt>2026-03-02</Dt></ValDt><AcctSvcrRef>R1</AcctSvcrRef>"
                    "<NtryDtls><TxDtls><RltdPties><Dbtr><Pty><Nm>Finanzamt Köln</Nm></Pty></Dbtr></RltdPties>"
                    "<RmtInf><Ustrd>Erstattung</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>"
                    "</Stmt></BkToCstmrStmt></Document>")
            go("/payments")
            driver.find_element(By.ID, "import-f-statement").send_keys(statement)
            press("#import-statement")
            check("1 zur Prüfung" in flash(), f"flash was {flash()!r}")
            check("Finanzamt Köln" in driver.find_element(By.ID, "review").text, "not in the review queue")

        @step("writing hours and a vacation set in Einstellungen move the agenda")
        def _():
            def hours(path, day):
                go(path)
                return driver.find_element(By.CSS_SELECTOR, f"[data-day='{day}']").get_attribute("data-hours")

            def pick_date(element_id, iso):
                # A date input takes its value in ISO form whatever the browser's locale shows.
                driver.execute_script("document.getElementById(arguments[0]).value = arguments[1]", element_id, iso)

            go("/jobs/new")
            choose("f-customer", text="Verlag Morgenrot GmbH")
            fill("f-title", "Lektorat Frühjahrsprogramm")
            fill("f-effort", "20")
            pick_date("f-deadline", "2026-03-20")
            submit("/jobs")
            check(hours("/agenda", "2026-03-03") == "6", "the default six hours are not planned on Tuesday")
            go("/settings")
            for day in ["mon", "tue", "wed", "thu", "fri"]:
                fill(f"hours-f-{day}", "3")
            submit("/settings/hours")
            check("gespeichert" in flash(), f"flash was {flash()!r}")
            check(hours("/agenda", "2026-03-03") == "3", "the agenda did not take the new writing hours")
            go("/settings")
            pick_date("vacation-f-first", "2026-03-03")
            pick_date("vacation-f-last", "2026-03-04")
            submit("/settings/vacations")
            check("03.03.2026" in driver.find_element(By.ID, "vacation-list").text, "vacation not listed")
            check(hours("/agenda", "2026-03-03") == "0", "work planned on a vacation day")
            check(hours("/agenda", "2026-03-05") == "3", "the work did not move on after the vacation")
            check(hours("/jobs", "2026-03-03") == "0" and hours("/jobs", "2026-03-05") == "3",
                  "the /jobs week differs from the agenda")

        @step("the interest calculator answers, and an e-invoice is read back")
        def _():
            go("/dunning/calculator?amount=1.190,00&due=2026-01-15&agreed=on&paid=2026-03-02&debtor=business")
            result = driver.find_element(By.ID, "interest-result").text
            check("Im Verzug seit 16.01.2026" in result, f"result was {result!r}")
            check(driver.find_element(By.ID, "interest-total").text.endswith("€"), "no interest amount")
            xml = os.path.join(workdir, "rechnung.xml")
            with urllib.request.urlopen(urllib.request.Request(
                    state["invoice"] + "/xml",
                    headers={"Cookie": "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())}),
                    timeout=30) as response:
                open(xml, "wb").write(response.read())
            go("/received-invoices")
            driver.find_element(By.ID, "f-einvoice").send_keys(xml)
            press("#read-einvoice")
            check("1.356,60 €" in driver.find_element(By.ID, "einvoice").text, "e-invoice not read back")

        @step("a customer named <script>alert(1)</script> renders as text")
        def _():
            go("/customers/new")
            fill("f-name", "<script>alert(1)</script>")
            page = driver.find_element(By.TAG_NAME, "html")
            driver.find_element(By.CSS_SELECTOR, "form[action='/customers'] button[type=submit]").click()
            try:
                WebDriverWait(driver, 20).until(gone(page))
            except Exception:  # noqa: BLE001 - an alert would block the wait; it is checked next
                pass
            try:
                alert = driver.switch_to.alert
                text = alert.text
                alert.dismiss()
                raise AssertionError(f"an alert opened: {text}")
            except NoAlertPresentException:
                pass
            check("<script>alert(1)</script>" in driver.find_element(By.TAG_NAME, "h1").text, "name not shown as text")
            go("/customers")
            check("<script>alert(1)</script>" in driver.find_element(By.TAG_NAME, "table").text, "not in the list")

        @step("a POST without CSRF token gets 403")
        def _():
            cookie = "; ".join(f"{c['name']}={c['value']}" for c in driver.get_cookies())
            request = urllib.request.Request(
                base + "/customers", data=b"name=Eve", method="POST",
                headers={"Cookie": cookie, "Content-Type": "application/x-www-form-urlencoded"})
            try:
                urllib.request.urlopen(request, timeout=10)
                raise AssertionError("the POST was accepted")
            except urllib.error.HTTPError as error:
                check(error.code == 403, f"status {error.code}")
            go("/customers?q=Eve")
            check("Keine Kunden gefunden" in driver.page_source, "Eve was created")

        @step("weeks later an approved reminder is sent by e-mail and shows in the timeline")
        def _():
            go("/invoices/new")
            choose("f-customer", text="Verlag Morgenrot GmbH")
            press("section[aria-labelledby='h-free'] button[type=submit]")
            fill("line-f-description", "Nachtrag Klappentext")
            fill("line-f-quantity", "1")
            choose("line-f-unit", value="flat")
            fill("line-f-price", "100")
            press("form[action$='/lines'] button[type=submit]")
            press("#issue-invoice")
            press("#confirm-issue")
            number = driver.find_element(By.TAG_NAME, "h1").text.split()[1]
            serve("2026-04-20")
            go("/dunning")
            submit("/dunning/run")
            press("a[id^='mail-reminder-']")
            check("Freigeben und senden" in driver.page_source, "the preview does not say it approves")
            press("#send-mail")
            check("Postausgang" in flash(), f"flash was {flash()!r}")
            message = delivered(spool, 2)[1]
            check(number in message, f"the reminder does not name invoice {number}")
            timeline_shows(f"Kurze Nachfrage zu meiner Rechnung {number}")

        @step("--host 0.0.0.0 without a password refuses to start")
        def _():
            other = subprocess.run(
                [BINARY, "serve", "--db", os.path.join(workdir, "other.sqlite"), "--host", "0.0.0.0",
                 "--port", str(free_port())], capture_output=True, text=True, timeout=60)
            check(other.returncode != 0, "it started")
            check("set-password" in other.stderr, f"message was {other.stderr!r}")
    finally:
        if driver is not None:
            driver.quit()
        for process in servers + [smtp]:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        log.close()

    failed = [name for name, error in results if error is not None]
    if failed:
        print(open(os.path.join(workdir, "serve.log")).read()[-3000:])
    print(f"{len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed or not results else 0


if __name__ == "__main__":
    sys.exit(main())
