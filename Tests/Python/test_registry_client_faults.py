"""The registry client's retries, timeouts and failover, through `swift-avro registry subjects` against a scripted
HTTP server (fault_server.py) that counts the requests it receives."""
import os
import subprocess
import time

import pytest

from fault_server import HANG, FaultServer, answer, closed_port
from helpers import BINARY

SUBJECTS = ["a", "b"]
OK = answer(200, SUBJECTS)


def subjects(url, *options, timeout=20):
    """Runs `swift-avro registry subjects --url URL` with quick retries; (process, seconds taken)."""
    env = {key: value for key, value in os.environ.items() if key != "SCHEMA_REGISTRY_URL"}
    started = time.monotonic()
    result = subprocess.run(
        [str(BINARY), "registry", "subjects", "--url", url, "--retry-wait-ms", "20", "--retry-max-wait-ms", "50",
         *map(str, options)],
        capture_output=True, text=True, env=env, timeout=timeout)
    return result, time.monotonic() - started


def test_a_500_then_200_succeeds_on_the_retry():
    with FaultServer(answer(500, {"error_code": 50001, "message": "Error while storing"}), OK) as server:
        result, _ = subjects(server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == SUBJECTS
    assert server.count == 2
    assert server.requests[0] == ("GET", "/subjects")


def test_a_429_waits_for_retry_after_before_the_retry():
    with FaultServer(answer(429, {"error_code": 429, "message": "Too Many Requests"}, {"Retry-After": "1"}),
                     OK) as server:
        result, seconds = subjects(server.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == SUBJECTS
    assert server.count == 2
    # --retry-wait-ms 20 alone would retry at once; Retry-After: 1 asks for a second.
    assert server.times[1] - server.times[0] >= 0.95, server.times
    assert seconds < 5


def test_a_404_is_not_retried():
    body = {"error_code": 40401, "message": "Subject 'x' not found."}
    with FaultServer(answer(404, body)) as server:
        result, _ = subjects(server.url)
    assert result.returncode == 1
    assert server.count == 1
    assert "40401" in result.stderr and "Subject 'x' not found." in result.stderr, result.stderr
    assert result.stderr.startswith("error: ")
    assert result.stdout == ""


def test_a_hanging_registry_times_out_after_each_attempt():
    with FaultServer(HANG) as server:
        result, seconds = subjects(server.url, "--timeout", "1", "--max-retries", "1")
        count = server.count
    assert result.returncode == 1
    assert count == 2
    assert seconds < 5, seconds
    assert "timed out" in result.stderr and server.url in result.stderr, result.stderr


def test_always_500_makes_max_retries_plus_one_requests():
    with FaultServer(answer(503, {"error_code": 50003, "message": "Error while forwarding"})) as server:
        result, seconds = subjects(server.url, "--max-retries", "2")
    assert result.returncode == 1
    assert server.count == 3
    assert "50003" in result.stderr and "503" in result.stderr, result.stderr
    assert seconds < 5


def test_a_408_is_retried():
    with FaultServer(answer(408, {"error_code": 408, "message": "Request Timeout"}), OK) as server:
        result, _ = subjects(server.url)
    assert result.returncode == 0, result.stderr
    assert server.count == 2


def test_zero_retries_makes_one_request():
    with FaultServer(answer(500, {"error_code": 50001, "message": "Error while storing"}), OK) as server:
        result, _ = subjects(server.url, "--max-retries", "0")
    assert result.returncode == 1
    assert server.count == 1


def test_a_refused_url_fails_over_to_the_next():
    dead = f"http://127.0.0.1:{closed_port()}"
    with FaultServer(OK) as server:
        result, seconds = subjects(f"{dead},{server.url}")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == SUBJECTS
    assert server.count == 1
    assert seconds < 5


def test_every_url_refused_names_them_without_credentials():
    first, second = closed_port(), closed_port()
    result, seconds = subjects(f"http://ci:hunter22@127.0.0.1:{first},http://127.0.0.1:{second}",
                               "--max-retries", "1")
    assert result.returncode == 1
    assert f"127.0.0.1:{first}" in result.stderr and f"127.0.0.1:{second}" in result.stderr, result.stderr
    assert "hunter22" not in result.stderr + result.stdout
    assert seconds < 5


def test_a_body_that_is_not_the_expected_answer_is_an_error():
    with FaultServer(answer(200, {"not": "a list"})) as server:
        result, _ = subjects(server.url)
    assert result.returncode == 1
    assert server.count == 1
    assert "50005" in result.stderr, result.stderr


def test_an_absurd_retry_after_does_not_crash_the_client():
    with FaultServer(answer(429, {"error_code": 429, "message": "Too Many Requests"}, {"Retry-After": "1e20"}),
                     OK) as server:
        result, _ = subjects(server.url, timeout=10)
    assert result.returncode == 0, result.stderr[-500:]
    assert result.stdout.splitlines() == SUBJECTS
