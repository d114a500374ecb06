"""Starts `swift-avro registry serve` on a free loopback port for a test, and stops it after."""
import json
import os
import re
import signal
import subprocess
import time
import urllib.error
import urllib.request

from helpers import BINARY

CONTENT_TYPE = "application/vnd.schemaregistry.v1+json"


class RegistryServer:
    """A running server: its base URL, its process and its log."""

    def __init__(self, data, *extra, env=None):
        self.data = str(data)
        self.log_path = str(data) + ".log"
        self.log = open(self.log_path, "w")
        started = time.monotonic()
        self.process = subprocess.Popen(
            [str(BINARY), "registry", "serve", "--port", "0", "--data", self.data, *map(str, extra)],
            stdout=subprocess.PIPE, stderr=self.log, text=True, env=env)
        line = self.process.stdout.readline()
        match = re.search(r"listening on (https?)://127\.0\.0\.1:(\d+)", line)
        if not match:
            self.process.kill()
            self.process.wait()
            self.log.close()
            raise AssertionError(f"server did not start: {line!r}\n{open(self.log_path).read()}")
        self.startup_seconds = time.monotonic() - started
        self.port = int(match.group(2))
        self.url = f"{match.group(1)}://127.0.0.1:{self.port}"

    def request(self, method, path, body=None, headers=None, raw=None, context=None):
        """(status, parsed JSON or text, headers) of one request; never raises on HTTP errors."""
        data = raw if raw is not None else (json.dumps(body).encode() if body is not None else None)
        request = urllib.request.Request(self.url + path, data=data, method=method)
        if data is not None:
            request.add_header("Content-Type", CONTENT_TYPE)
        for key, value in (headers or {}).items():
            request.add_header(key, value)
        try:
            with urllib.request.urlopen(request, timeout=30, context=context) as response:
                return response.status, _parse(response.read()), response.headers
        except urllib.error.HTTPError as error:
            return error.code, _parse(error.read()), error.headers

    def stop(self, sig=signal.SIGTERM):
        """Stops the server with `sig` and returns its exit code."""
        if self.process.poll() is None:
            self.process.send_signal(sig)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()
        self.process.stdout.close()
        self.log.close()
        return self.process.returncode

    def log_text(self):
        with open(self.log_path) as handle:
            return handle.read()


def _parse(payload):
    text = payload.decode()
    try:
        return json.loads(text)
    except ValueError:
        return text
