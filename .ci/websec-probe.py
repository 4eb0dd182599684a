#!/usr/bin/env python3
"""Web security probe of `kontor serve` (OWASP ASVS level 1 where it applies), standard library only.

Starts `kontor serve --demo` on 127.0.0.1 (and a second server with a login), then probes from outside:
CSRF on every POST form the crawl finds (no token, a wrong token, no session), stored and reflected XSS
through fields, header injection (Location, mail headers), oversized bodies, path traversal on static files,
Host and Origin (DNS rebinding), malformed chunked encoding, slow headers, login throttling, security headers.
Prints its counts and exits non-zero on any finding. Bounded: about 20-40 s, at most 60 s (the crawl stops at
PAGE_LIMIT pages).

Usage: websec-probe.py PATH/TO/kontor
"""
import html
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse

BINARY = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else ".build/debug/kontor"
TODAY = "2026-03-02"
PAGE_LIMIT = 120
DEADLINE = time.time() + 55
XSS = ['<script>kontorxss(1)</script>', '"><img src=x onerror=kontorxss(2)>', "'><svg onload=kontorxss(3)>"]

checks = 0
findings = []


def check(condition, what):
    global checks
    checks += 1
    if not condition:
        findings.append(what)
        print(f"FINDING {what}", flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Client:
    """A tiny browser: keeps the session cookie and the latest CSRF token."""

    def __init__(self, port, host_header=None):
        self.port = port
        self.host_header = host_header or f"127.0.0.1:{port}"
        self.cookies = {}
        self.csrf = ""

    def request(self, method, path, body=None, headers=None, cookies=True):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=15)
        all_headers = {"Host": self.host_header, "Accept-Language": "de"}
        if cookies and self.cookies:
            all_headers["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        all_headers.update(headers or {})
        connection.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        for key, value in all_headers.items():
            connection.putheader(key, value)
        if body is not None and "Content-Length" not in all_headers:
            connection.putheader("Content-Length", str(len(body)))
        connection.endheaders()
        try:
            if body is not None:
                connection.send(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the server answered before taking the whole body: read what it said
        try:
            response = connection.getresponse()
            data = response.read()
        except (ConnectionError, http.client.HTTPException, OSError):
            connection.close()
            return 0, http.client.HTTPMessage(), "(closed before answering)"
        connection.close()
        for value in response.headers.get_all("Set-Cookie") or []:
            name, _, rest = value.partition("=")
            self.cookies[name.strip()] = rest.split(";")[0]
        text = data.decode("utf-8", "replace")
        match = re.search(r'name="_csrf" value="([0-9a-f]+)"', text)
        if match:
            self.csrf = match.group(1)
        return response.status, response.headers, text

    def get(self, path, **kwargs):
        return self.request("GET", path, **kwargs)

    def post(self, path, fields, token=True, **kwargs):
        fields = dict(fields)
        if token is True:
            fields["_csrf"] = self.csrf
        elif token:
            fields["_csrf"] = token
        body = urllib.parse.urlencode(fields).encode()
        headers = {"Content-Type": "application/x-www-form-urlencoded"}
        headers.update(kwargs.pop("headers", {}))
        return self.request("POST", path, body=body, headers=headers, **kwargs)


def start(workdir, name, extra=(), password=None):
    database = os.path.join(workdir, f"{name}.sqlite")
    if password:
        subprocess.run([BINARY, "init", "--db", database, "--name", "Probe"], check=True, capture_output=True)
        subprocess.run([BINARY, "user", "set-password", "--db", database, "--password-stdin"], input=password + "\n",
                       text=True, check=True, capture_output=True)
    port = free_port()
    log = open(os.path.join(workdir, f"{name}.log"), "w")
    process = subprocess.Popen([BINARY, "serve", "--db", database, "--port", str(port), "--today", TODAY, *extra],
                               stdout=log, stderr=subprocess.STDOUT)
    deadline = time.time() + 30
    while time.time() < deadline:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=1):
                return process, port
        except OSError:
            time.sleep(0.2)
    process.kill()
    raise RuntimeError(f"{name} server did not start; see {log.name}")


def crawl(client):
    """Every same-site page reachable from / (up to PAGE_LIMIT) and every POST form action on them."""
    # The mail pages sit deeper than the page limit reaches breadth-first; they are where a probe starts too.
    seen, queue, forms, pages = set(), ["/", "/mail", "/mail/settings", "/mail/import"], set(), {}
    while queue and len(seen) < PAGE_LIMIT and time.time() < DEADLINE - 25:
        path = queue.pop(0)
        if path in seen:
            continue
        seen.add(path)
        status, headers, text = client.get(path)
        pages[path] = (status, headers, text)
        if "text/html" not in (headers.get("Content-Type") or ""):
            continue
        for form in re.finditer(r'<form[^>]*method="post"[^>]*action="([^"]+)"', text):
            forms.add(html.unescape(form.group(1)))
        for link in re.finditer(r'href="(/[^"#]*)"', text):
            target = html.unescape(link.group(1))
            if target.startswith("/static/") or target.endswith((".pdf", ".xml", ".vcf", ".ics", ".eml", ".csv", ".zip")):
                continue
            if target not in seen and len(seen) + len(queue) < PAGE_LIMIT * 3:
                queue.append(target)
    return pages, forms


def probe_csrf(client, forms):
    client.get("/")
    for action in sorted(forms):
        for label, token, cookies in [("no token", None, True), ("wrong token", "0" * 64, True),
                                      ("no session", True, False)]:
            status, _, _ = client.post(action, {"name": "CSRF"}, token=token, cookies=cookies)
            check(status == 403, f"CSRF ({label}) on POST {action}: {status}")


def probe_xss(client, pages):
    client.get("/customers/new")
    for index, payload in enumerate(XSS):
        status, headers, _ = client.post("/customers", {
            "name": f"XSS {index} {payload}", "contact": payload, "notes": payload, "city": payload,
            "street": payload, "postalCode": "50667", "kind": "business", "language": "de", "status": "prospect"})
        check(status in (303, 422), f"stored XSS setup: customer form answered {status}")
        client.get("/inquiries/new")
        status, _, _ = client.post("/customers", {"name": f"XSS only {index} {payload}", "kind": "business"})
        check(status == 303, f"stored XSS setup: a customer named {payload!r} answered {status}")
        client.get("/inquiries/new")
        status, _, _ = client.post("/inquiries", {"subject": payload, "name": f"XSS Anfrage {index} {payload}",
                                                  "note": payload, "channel": "email", "received": TODAY})
        check(status == 303, f"stored XSS setup: an inquiry answered {status}")
    # Every crawled page again, now with the payloads in the book, plus reflected payloads in the query.
    fresh, _ = crawl(client)
    for path, (status, headers, text) in list(fresh.items()):
        for payload in XSS:
            check(payload not in text, f"stored XSS on {path}")
    for path in list(fresh)[:40]:
        for payload in XSS:
            separator = "&" if "?" in path else "?"
            target = f"{path}{separator}q={urllib.parse.quote(payload)}&next={urllib.parse.quote(payload)}"
            _, _, text = client.get(target)
            check(payload not in text, f"reflected XSS on {target}")


def probe_headers(client, pages):
    for path, (status, headers, _) in pages.items():
        if status != 200:
            continue
        csp = headers.get("Content-Security-Policy") or ""
        check("script-src 'self'" in csp and "frame-ancestors 'none'" in csp, f"CSP missing on {path}")
        check(headers.get("X-Content-Type-Options") == "nosniff", f"nosniff missing on {path}")
    fresh = Client(client.port)
    _, headers, _ = fresh.get("/")
    cookie = next((c for c in headers.get_all("Set-Cookie") or [] if c.startswith("kontor_session=")), "")
    check("HttpOnly" in cookie and "SameSite=Strict" in cookie, f"session cookie flags: {cookie}")
    _, headers, _ = Client(client.port).get("/", headers={"X-Forwarded-Proto": "https"})
    cookie = next((c for c in headers.get_all("Set-Cookie") or [] if c.startswith("kontor_session=")), "")
    check("Secure" not in cookie, "any client's X-Forwarded-Proto made the cookie Secure")


def probe_injection(client):
    client.get("/")
    for target in ["/\r\nSet-Cookie: evil=1", "//evil.example/", "https://evil.example/", "/\\evil.example"]:
        status, headers, _ = client.post("/language", {"lang": "de", "return": target})
        location = headers.get("Location") or ""
        check(status == 303 and location == "/", f"redirect to {target!r} went to {location!r}")
        check("evil" not in " ".join(headers.get_all("Set-Cookie") or []), f"header injected through {target!r}")
    client.get("/customers/new")
    status, _, _ = client.post("/customers", {"name": "Bcc Probe", "email": "x@y.de>\r\nBcc: attacker@evil.example",
                                              "kind": "business"})
    check(status == 422, f"customer e-mail with CR/LF answered {status}")
    status, _, _ = client.post("/customers", {"name": "Bcc Probe\r\nBcc: attacker@evil.example", "kind": "business"})
    check(status == 422, f"customer name with CR/LF answered {status}")
    _, _, text = client.get("/customers?q=Bcc+Probe")
    check(re.search(r">\s*Bcc Probe", text) is None, "a customer with CR/LF in a mail header value was stored")


def probe_sizes(client):
    client.get("/")
    status, _, _ = client.post("/customers", {"name": "x" * (1024 * 1024 + 10)})
    check(status == 413, f"1 MB form answered {status}")
    boundary = "probe"
    big = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n{client.csrf}\r\n"
           f"--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"a.xml\"\r\n\r\n").encode()
    big += b"A" * (51 * 1024 * 1024) + f"\r\n--{boundary}--\r\n".encode()
    status, _, _ = client.request("POST", "/payments/import", body=big,
                                  headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    check(status == 413, f"51 MB upload answered {status}")
    # Without the token nothing past the first 64 KB is read: a stranger's upload is refused as forged.
    stranger = (f"--{boundary}\r\nContent-Disposition: form-data; name=\"statement\"; filename=\"a.xml\"\r\n\r\n"
                ).encode() + b"A" * (8 * 1024 * 1024) + f"\r\n--{boundary}--\r\n".encode()
    try:
        status, _, _ = client.request("POST", "/payments/import", body=stranger,
                                      headers={"Content-Type": f"multipart/form-data; boundary={boundary}"})
    except (ConnectionError, OSError):
        status = 403  # the server answered and closed before taking the rest
    check(status == 403, f"upload without token answered {status}")


def probe_traversal(client):
    for path in ["/static/../../Package.swift", "/static/%2e%2e/%2e%2e/Package.swift", "/static/..%2f..%2fPackage.swift",
                 "/static/%2e%2e%2f%2e%2e%2fetc%2fpasswd", "/static/....//....//etc/passwd", "/static//etc/passwd"]:
        status, _, text = client.get(path)
        check(status != 200 or ("swift-tools-version" not in text and "root:" not in text), f"path traversal {path}")


def probe_hosts(port):
    for host in ["evil.example", f"evil.example:{port}", "127.evil.invalid", "localhost.evil.example"]:
        status, _, text = Client(port, host_header=host).get("/customers")
        check(status == 421 and "Kunden" not in text, f"Host {host} answered {status}")
    client = Client(port)
    client.get("/customers/new")
    for origin in ["http://evil.example", "null", f"http://127.0.0.1.evil.example:{port}"]:
        status, _, _ = client.post("/customers", {"name": "Origin Probe"}, headers={"Origin": origin})
        check(status == 403, f"Origin {origin} answered {status}")
    status, _, _ = client.post("/customers", {"name": "Origin Probe"}, headers={"Sec-Fetch-Site": "cross-site"})
    check(status == 403, f"Sec-Fetch-Site cross-site answered {status}")


def raw(port, data, wait=5.0):
    with socket.create_connection(("127.0.0.1", port), timeout=wait) as connection:
        connection.sendall(data)
        answer = b""
        try:
            while b"\r\n\r\n" not in answer:
                chunk = connection.recv(4096)
                if not chunk:
                    break
                answer += chunk
        except socket.timeout:
            pass
        return answer


def probe_protocol(client, port, idle):
    client.get("/customers/new")
    cookie = "; ".join(f"{k}={v}" for k, v in client.cookies.items())
    for body in [b"zz\r\nname=x\r\n0\r\n\r\n", b"5\r\nname=\r\nzz\r\n0\r\n\r\n", b"-1\r\n\r\n"]:
        answer = raw(port, (f"POST /customers HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nCookie: {cookie}\r\n"
                            f"X-CSRF-Token: {client.csrf}\r\n"
                            "Content-Type: application/x-www-form-urlencoded\r\nTransfer-Encoding: chunked\r\n\r\n"
                            ).encode() + body)
        status = answer.split(b" ", 2)[1] if answer.startswith(b"HTTP/") else b"(closed)"
        check(status == b"400", f"malformed chunked body answered {status.decode()}")
    # A client that sends its headers byte by byte is cut off after the idle timeout.
    start = time.time()
    with socket.create_connection(("127.0.0.1", port), timeout=idle + 5) as connection:
        connection.sendall(b"GET / HTTP/1.1\r\nHost: 127.0.0.1\r\n")
        closed = False
        try:
            for _ in range(int(idle * 4) + 8):
                time.sleep(0.5)
                connection.sendall(b"X-Slow: 1\r\n")
        except OSError:
            closed = True
        if not closed:
            try:
                closed = connection.recv(1) == b""
            except OSError:
                closed = True
    check(closed and time.time() - start < idle + 6, "a slow header kept the connection open")


def probe_login(workdir):
    process, port = start(workdir, "login", ["--require-login"], password="richtig-geheim-123")
    try:
        client = Client(port)
        client.get("/login")
        statuses = [client.post("/login", {"user": "kontor", "password": f"falsch-{i}"})[0] for i in range(5)]
        check(statuses == [401] * 5, f"wrong passwords answered {statuses}")
        status, headers, text = client.post("/login", {"user": "kontor", "password": "richtig-geheim-123"})
        check(status == 429 and "Zu viele fehlgeschlagene Anmeldungen" in text and headers.get("Retry-After"),
              f"the 6th attempt answered {status}")
        status, _, _ = client.get("/customers")
        check(status == 303, "signed in despite the throttle")
        # A stranger's POST to any page without a session is refused before anything is read.
        status, _, _ = Client(port).post("/customers", {"name": "x"}, token="0" * 64)
        check(status == 403, f"POST without login answered {status}")
    finally:
        process.terminate()
        process.wait(timeout=10)


def main():
    started = time.time()
    with tempfile.TemporaryDirectory(prefix="kontor-websec-") as workdir:
        idle = 2
        process, port = start(workdir, "demo", ["--demo", "--idle-timeout", str(idle)])
        try:
            client = Client(port)
            pages, forms = crawl(client)
            check(len(forms) >= 10, f"the crawl found only {len(forms)} POST forms")
            probe_headers(client, pages)
            probe_csrf(client, forms)
            probe_hosts(port)
            probe_injection(client)
            probe_traversal(client)
            probe_sizes(client)
            probe_protocol(client, port, idle)
            probe_xss(client, pages)
            check(process.poll() is None, "the server died during the probe")
        finally:
            process.terminate()
            try:
                process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                process.kill()
        probe_login(workdir)
        print(f"websec probe: {len(pages)} pages, {len(forms)} POST forms, {checks} checks, "
              f"{len(findings)} findings, {time.time() - started:.1f} s", flush=True)
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
