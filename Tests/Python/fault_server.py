"""A scripted HTTP server on a free loopback port, for the registry client's fault handling: each request gets the
next scripted answer (the last one repeats), and the server records when each request arrived."""
import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

HANG = "hang"


def answer(status, body=None, headers=None):
    """A scripted answer: `status` with `body` as JSON and extra `headers`."""
    return {"status": status, "body": body, "headers": headers or {}}


def closed_port():
    """A loopback port nothing listens on (bound once, then closed): connections to it are refused."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class FaultServer:
    """Answers requests from `script`: answers made by `answer(...)`, or `HANG` (accept the request, never answer).
    Use as a context manager; `.url`, `.requests` (method, path) and `.times` (time.monotonic() of each arrival)."""

    def __init__(self, *script):
        assert script, "give at least one answer"
        self.script = list(script)
        self.requests = []
        self.times = []
        self.lock = threading.Lock()
        self.stopping = threading.Event()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def _handle(self):
                length = int(self.headers.get("Content-Length") or 0)
                if length:
                    self.rfile.read(length)
                with server.lock:
                    index = len(server.requests)
                    server.requests.append((self.command, self.path))
                    server.times.append(time.monotonic())
                    step = server.script[min(index, len(server.script) - 1)]
                if step == HANG:
                    server.stopping.wait(30)
                    self.close_connection = True
                    return
                payload = json.dumps(step["body"]).encode() if step["body"] is not None else b""
                self.send_response(step["status"])
                self.send_header("Content-Type", "application/vnd.schemaregistry.v1+json")
                self.send_header("Content-Length", str(len(payload)))
                for name, value in step["headers"].items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(payload)

            do_GET = do_POST = do_PUT = do_DELETE = _handle

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.httpd.daemon_threads = True
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.stopping.set()
        self.httpd.shutdown()
        self.httpd.server_close()
        self.thread.join(5)

    @property
    def count(self):
        with self.lock:
            return len(self.requests)
