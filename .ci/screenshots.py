#!/usr/bin/env python3
"""Screenshots of the web app on the demo book, for docs/screenshots/ (and for looking at the design).

Starts `kontor serve --db TMP --demo --port P` itself, opens Heute, a customer, an invoice and Auswertungen in
headless Chromium at 1280×800 and 390×844, saves PNGs, and stops the server.

Usage: .ci/screenshots.py [path/to/kontor] [output folder]   (defaults: .build/release/kontor, docs/screenshots)
"""
import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else os.path.join(ROOT, ".build/release/kontor")
OUT = os.path.abspath(sys.argv[2]) if len(sys.argv) > 2 else os.path.join(ROOT, "docs/screenshots")
TODAY = "2026-11-26"
SIZES = {"desktop": (1280, 800, False), "phone": (390, 844, True)}


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(url, seconds=60):
    deadline = time.time() + seconds
    while time.time() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return
        except (urllib.error.URLError, ConnectionError, OSError):
            time.sleep(0.3)
    raise RuntimeError(f"server did not answer at {url}")


def main():
    os.makedirs(OUT, exist_ok=True)
    workdir = tempfile.mkdtemp(prefix="kontor-shots-")
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    server = subprocess.Popen(
        [BINARY, "serve", "--db", os.path.join(workdir, "demo.sqlite"), "--demo", "--port", str(port), "--today", TODAY],
        stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    options = webdriver.ChromeOptions()
    options.binary_location = "/usr/bin/chromium"
    for flag in ("--headless=new", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--lang=de-DE", "--log-level=3"):
        options.add_argument(flag)
    options.add_experimental_option("prefs", {"intl.accept_languages": "de-DE,de"})
    driver = None
    saved = []
    try:
        wait_for(base + "/static/app.css")
        driver = webdriver.Chrome(service=Service("/usr/bin/chromedriver"), options=options)
        # The customer with the most open money, and the first overdue invoice: pages with something to show.
        driver.get(base + "/reports")
        customer = driver.find_element(By.CSS_SELECTOR, "a[href^='/customers/']").get_attribute("href")
        driver.get(base + "/invoices?filter=overdue")
        invoice = driver.find_element(By.CSS_SELECTOR, "table a[href^='/invoices/']").get_attribute("href")
        pages = {"today": base + "/", "customer": customer, "invoice": invoice, "reports": base + "/reports"}
        for size, (width, height, mobile) in SIZES.items():
            driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
                "width": width, "height": height, "deviceScaleFactor": 1, "mobile": mobile})
            for name, url in pages.items():
                driver.get(url)
                path = os.path.join(OUT, f"{name}-{size}.png")
                driver.save_screenshot(path)
                saved.append(path)
    finally:
        if driver is not None:
            driver.quit()
        server.terminate()
        server.wait(timeout=10)
    for path in saved:
        print(os.path.relpath(path, ROOT))
    print(f"{len(saved)} passed, {8 - len(saved)} failed")
    return 0 if len(saved) == 8 else 1


if __name__ == "__main__":
    sys.exit(main())
