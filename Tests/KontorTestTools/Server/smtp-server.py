"""A real SMTP server on 127.0.0.1 for KontorMail's tests (aiosmtpd, Debian's python3-aiosmtpd).

Every accepted message is written to SPOOL/NNNN.eml with its envelope in SPOOL/NNNN.json, so a test reads back
what the server received. Faults a test needs are switched on by flags:
  --tls none|starttls|implicit   transport security (needs --cert and --key unless none)
  --auth USER:PASSWORD           offer AUTH PLAIN and LOGIN and require it
  --tempfail CODE:N              answer the first N DATA commands with CODE (e.g. 451), then accept
  --reject-recipients            answer every RCPT with 550
  --cut-after-data               store the message, then close the connection without the final reply
  --silent                       accept connections and never say anything (timeouts)
The first line on stdout is "PORT n" once the server listens.
"""
import argparse
import json
import os
import signal
import socket
import ssl
import threading
import time

parser = argparse.ArgumentParser()
parser.add_argument("--spool", required=True)
parser.add_argument("--tls", default="none", choices=["none", "starttls", "implicit"])
parser.add_argument("--cert")
parser.add_argument("--key")
parser.add_argument("--auth")
parser.add_argument("--tempfail")
parser.add_argument("--reject-recipients", action="store_true")
parser.add_argument("--cut-after-data", action="store_true")
parser.add_argument("--silent", action="store_true")
args = parser.parse_args()
# The test process may start us with signals blocked; stopping must always work.
signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGTERM, signal.SIGINT})
signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
os.makedirs(args.spool, exist_ok=True)


def free_port():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


if args.silent:
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)
    print(f"PORT {listener.getsockname()[1]}", flush=True)
    held = []
    while True:
        connection, _ = listener.accept()
        held.append(connection)

from aiosmtpd.controller import Controller  # noqa: E402 - only needed for the real server
from aiosmtpd.smtp import AuthResult, LoginPassword  # noqa: E402

tempfail_code, tempfail_left = (None, 0)
if args.tempfail:
    code, count = args.tempfail.split(":")
    tempfail_code, tempfail_left = int(code), int(count)
delivered = 0
lock = threading.Lock()


class Handler:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if args.reject_recipients:
            return "550 5.1.1 Mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        global tempfail_left, delivered
        with lock:
            if tempfail_left > 0:
                tempfail_left -= 1
                return f"{tempfail_code} 4.3.0 Try again later"
            delivered += 1
            number = delivered
        name = os.path.join(args.spool, f"{number:04d}")
        with open(name + ".eml", "wb") as out:
            out.write(envelope.original_content)
        with open(name + ".json", "w") as out:
            json.dump({"from": envelope.mail_from, "to": envelope.rcpt_tos,
                       "mail_options": envelope.mail_options, "tls": server.transport.get_extra_info("ssl_object") is not None,
                       "auth": session.authenticated}, out)
        if args.cut_after_data:
            server.transport.close()
        return f"250 2.0.0 Ok: queued as K{number:04d}"


def authenticator(server, session, envelope, mechanism, auth_data):
    user, password = args.auth.split(":", 1)
    ok = isinstance(auth_data, LoginPassword) and auth_data.login.decode() == user \
        and auth_data.password.decode() == password
    return AuthResult(success=ok, handled=False)  # handled=False: aiosmtpd then answers 535 itself


context = None
if args.tls != "none":
    context = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
    context.load_cert_chain(args.cert, args.key)

options = dict(enable_SMTPUTF8=True)
if args.auth:
    options.update(authenticator=authenticator, auth_required=True, auth_require_tls=args.tls != "none")
if args.tls == "starttls":
    options.update(tls_context=context, require_starttls=True)
port = free_port()
controller = Controller(Handler(), hostname="127.0.0.1", port=port,
                        ssl_context=context if args.tls == "implicit" else None,
                        server_hostname="localhost", **options)
if args.tls == "implicit":
    # The controller's readiness probe wraps its socket with the server's context; probe as a client instead.
    def probe_as_client():
        client = ssl.create_default_context(cafile=args.cert)
        with socket.create_connection(("127.0.0.1", port), 1.0) as raw:
            with client.wrap_socket(raw, server_hostname="localhost") as wrapped:
                wrapped.recv(1024)

    controller._trigger_server = probe_as_client
controller.start()
print(f"PORT {port}", flush=True)
while True:
    time.sleep(3600)
