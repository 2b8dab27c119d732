#!/usr/bin/env python3
"""A real SMTP server for tests (SmtpServerFixture), built on aiosmtpd.

Every accepted message is saved as <folder>/<sequence>-<uuid>.eml, with X-Envelope-From and X-Envelope-To
headers prepended (like a delivery agent's Return-Path/Delivered-To). Files are written under a temporary
name and renamed, so a reader never sees half a message.

Recipients whose local part starts with "reject5" are refused with 550, "reject4" with 451, so tests can
provoke permanent and transient refusals.

Prints "READY <port>" once listening; exits when its standard input is closed, which is how the fixture
stops it and also why it never outlives a test run that died.
"""
import argparse
import itertools
import os
import sys
import threading
import uuid

try:
    from aiosmtpd.controller import Controller
except ImportError:
    print("aiosmtpd is missing: install python3-aiosmtpd (run scripts/install-test-deps.sh)", file=sys.stderr, flush=True)
    sys.exit(3)


class Sink:
    def __init__(self, folder):
        self.folder = folder
        existing = [name for name in os.listdir(folder) if name.endswith(".eml")]
        # Continue the sequence across a stop and start on the same folder, so file order stays arrival order.
        self.sequence = itertools.count(len(existing) + 1)
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        local = address.split("@", 1)[0].lower()
        if local.startswith("reject5"):
            return "550 5.1.1 <%s>: Recipient address rejected: mailbox unavailable" % address
        if local.startswith("reject4"):
            return "451 4.3.0 <%s>: Temporary local problem, try again later" % address
        envelope.rcpt_tos.append(address)
        return "250 2.1.5 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            number = next(self.sequence)
        name = "%06d-%s.eml" % (number, uuid.uuid4().hex)
        envelope_headers = "X-Envelope-From: %s\r\nX-Envelope-To: %s\r\n" % (envelope.mail_from, ", ".join(envelope.rcpt_tos))
        temporary = os.path.join(self.folder, name + ".tmp")
        with open(temporary, "wb") as file:
            file.write(envelope_headers.encode("utf-8"))
            file.write(envelope.original_content or envelope.content)
        os.replace(temporary, os.path.join(self.folder, name))
        return "250 2.0.0 Ok: queued as %s" % name


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--folder", required=True)
    args = parser.parse_args()

    controller = Controller(Sink(args.folder), hostname=args.host, port=args.port, enable_SMTPUTF8=True)
    controller.start()
    print("READY %d" % args.port, flush=True)
    try:
        sys.stdin.read()
    finally:
        controller.stop()


if __name__ == "__main__":
    main()
