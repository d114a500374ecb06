"""The embedded registry as operators run it: start-up, health, metrics, signals, durability under kill -9,
concurrent registrations, migrations, foreign files, auth, TLS, body limits and the lint gate."""
import json
import os
import re
import signal
import sqlite3
import ssl
import subprocess
import threading

import bcrypt
import pytest

from helpers import BINARY, self_signed_certificate
from registry_server import RegistryServer


def record(name, *fields):
    return {"type": "record", "name": name, "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}, *fields]}


def register(server, subject, schema, **extra):
    return server.request("POST", f"/subjects/{subject}/versions", {"schema": json.dumps(schema), **extra})


def test_starts_within_a_second_and_stops_cleanly_on_sigterm_and_sigint(tmp_path):
    for sig in (signal.SIGTERM, signal.SIGINT):
        server = RegistryServer(tmp_path / f"{sig}.db")
        assert server.startup_seconds < 1.0, server.startup_seconds
        assert register(server, "s", record("A"))[0] == 200
        assert server.stop(sig) == 0
        log = server.log_text()
        assert "database closed" in log, log
        # Each request is logged.
        assert "/subjects/s/versions" in log


def test_health_and_readiness(registry, tmp_path):
    assert registry.request("GET", "/health/live")[:2] == (200, {"status": "UP"})
    assert registry.request("GET", "/health/ready")[:2] == (200, {"status": "UP"})
    # Another process holding the write lock: the database cannot take a write, so not ready.
    holder = sqlite3.connect(registry.data, timeout=1)
    holder.execute("BEGIN EXCLUSIVE")
    try:
        assert registry.request("GET", "/health/ready")[:2] == (503, {"status": "DOWN"})
        assert registry.request("GET", "/health/live")[0] == 200
    finally:
        holder.rollback()
        holder.close()
    assert registry.request("GET", "/health/ready")[0] == 200


def parse_metrics(text):
    samples = {}
    for line in text.splitlines():
        if not line or line.startswith("#"):
            continue
        name, value = line.rsplit(" ", 1)
        samples[name] = float(value)
    return samples


def test_metrics_in_prometheus_text_format(registry):
    register(registry, "orders-value", record("Order"))
    register(registry, "orders-value", record("Order", {"name": "n", "type": "int"}))  # refused: 409
    for _ in range(3):
        registry.request("GET", "/schemas/ids/1")
    status, text, headers = registry.request("GET", "/metrics")
    assert status == 200 and headers["Content-Type"].startswith("text/plain; version=0.0.4")
    samples = parse_metrics(text)
    assert samples['schema_registry_http_requests_total{route="/schemas/ids/{id}",method="GET",status="200"}'] == 3
    assert samples[
        'schema_registry_http_requests_total{route="/subjects/{subject}/versions",method="POST",status="409"}'] == 1
    assert samples["schema_registry_compatibility_rejections_total"] == 1
    assert samples["schema_registry_schemas"] == 1
    assert samples["schema_registry_subjects"] == 1
    assert samples["schema_registry_versions"] == 1
    buckets = [k for k in samples if k.startswith('schema_registry_http_request_duration_seconds_bucket{route="/schemas/ids/{id}"')]
    assert len(buckets) > 5
    assert samples['schema_registry_http_request_duration_seconds_count{route="/schemas/ids/{id}"}'] == 3
    assert "# TYPE schema_registry_http_request_duration_seconds histogram" in text


def test_acknowledged_registrations_survive_kill_9(tmp_path):
    data = tmp_path / "crash.db"
    server = RegistryServer(data)
    acknowledged = {}
    stop = threading.Event()

    def produce():
        index = 0
        while not stop.is_set():
            subject = f"topic{index}-value"
            try:
                status, body, _ = register(server, subject, record(f"R{index}"))
            except Exception:
                return
            if status == 200:
                acknowledged[subject] = body["id"]
            index += 1

    thread = threading.Thread(target=produce)
    thread.start()
    while len(acknowledged) < 150:
        pass
    os.kill(server.process.pid, signal.SIGKILL)
    stop.set()
    thread.join()
    server.stop()
    restarted = RegistryServer(data)
    try:
        assert len(acknowledged) >= 150
        for subject, schema_id in acknowledged.items():
            status, body, _ = restarted.request("GET", f"/subjects/{subject}/versions/1")
            assert status == 200, (subject, body)
            assert body["id"] == schema_id
    finally:
        assert restarted.stop() == 0


def test_concurrent_registrations(registry):
    results = []

    def same():
        results.append(register(registry, "same-value", record("Same"))[1])

    threads = [threading.Thread(target=same) for _ in range(32)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results == [{"id": 1}] * 32
    assert registry.request("GET", "/subjects/same-value/versions")[1] == [1]

    registry.request("PUT", "/config/many-value", {"compatibility": "NONE"})
    ids = []

    def different(index):
        ids.append(register(registry, "many-value", record(f"Many{index}"))[1]["id"])

    threads = [threading.Thread(target=different, args=(i,)) for i in range(24)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(set(ids)) == 24
    assert registry.request("GET", "/subjects/many-value/versions")[1] == list(range(1, 25))
    versions = [registry.request("GET", f"/subjects/many-value/versions/{v}")[1]["id"] for v in range(1, 25)]
    assert sorted(versions) == sorted(ids)


def test_a_database_of_the_first_release_opens_and_migrates(tmp_path):
    """A file as release v1 of the schema left it (no reference index, no registration time)."""
    data = tmp_path / "old.db"
    db = sqlite3.connect(data)
    db.executescript("""
        PRAGMA application_id = 1096176199;
        CREATE TABLE grdb_migrations (identifier TEXT NOT NULL PRIMARY KEY);
        INSERT INTO grdb_migrations VALUES ('v1: schemas, versions, settings');
        CREATE TABLE schemas (id INTEGER PRIMARY KEY, text TEXT NOT NULL, refs TEXT NOT NULL,
                              identity TEXT NOT NULL UNIQUE);
        CREATE TABLE versions (subject TEXT NOT NULL, version INTEGER NOT NULL,
                               schema_id INTEGER NOT NULL REFERENCES schemas(id),
                               deleted INTEGER NOT NULL DEFAULT 0, PRIMARY KEY (subject, version));
        CREATE INDEX versions_by_schema ON versions(schema_id);
        CREATE TABLE settings (scope TEXT NOT NULL, kind TEXT NOT NULL, value TEXT NOT NULL,
                               PRIMARY KEY (scope, kind));
    """)
    address = '{"type":"record","name":"Address","namespace":"shop","fields":[{"name":"city","type":"string"}]}'
    customer = '{"type":"record","name":"Customer","namespace":"shop","fields":[{"name":"home","type":"Address"}]}'
    refs = '[{"name":"shop.Address","subject":"address","version":1}]'
    db.execute("INSERT INTO schemas VALUES (1, ?, '[]', 'a')", (address,))
    db.execute("INSERT INTO schemas VALUES (2, ?, ?, 'b')", (customer, refs))
    db.execute("INSERT INTO versions VALUES ('address', 1, 1, 0)")
    db.execute("INSERT INTO versions VALUES ('customers-value', 1, 2, 0)")
    db.execute("INSERT INTO settings VALUES ('', 'compatibility', 'FULL')")
    db.commit()
    db.close()
    server = RegistryServer(data)
    try:
        assert server.request("GET", "/subjects")[1] == ["address", "customers-value"]
        assert server.request("GET", "/config")[1] == {"compatibilityLevel": "FULL"}
        # The reference index added by the migration was filled from the stored references.
        assert server.request("GET", "/subjects/address/versions/1/referencedby")[1] == [2]
        assert register(server, "orders-value", record("Order"))[1] == {"id": 3}
    finally:
        assert server.stop() == 0


@pytest.mark.parametrize("kind", ["corrupt", "foreign"])
def test_a_corrupt_or_foreign_file_is_refused_and_left_alone(tmp_path, kind):
    data = tmp_path / f"{kind}.db"
    if kind == "corrupt":
        data.write_bytes(b"this is not a database at all" * 100)
    else:
        db = sqlite3.connect(data)
        db.execute("CREATE TABLE users (name TEXT)")
        db.execute("INSERT INTO users VALUES ('ada')")
        db.commit()
        db.close()
    before = data.read_bytes()
    result = subprocess.run([str(BINARY), "registry", "serve", "--port", "0", "--data", str(data)],
                            capture_output=True, text=True, timeout=30)
    assert result.returncode == 2
    assert str(data) in result.stderr and "refusing" in result.stderr, result.stderr
    assert data.read_bytes() == before


def test_basic_auth(tmp_path):
    users = tmp_path / "users"
    users.write_text("# registry users\nci:" + bcrypt.hashpw(b"s3cret-pass", bcrypt.gensalt(4)).decode() + "\n")
    server = RegistryServer(tmp_path / "auth.db", "--users", users)
    try:
        import base64

        def auth(user, password):
            return {"Authorization": "Basic " + base64.b64encode(f"{user}:{password}".encode()).decode()}

        status, body, headers = server.request("GET", "/subjects")
        assert (status, body["error_code"]) == (401, 40101)
        assert headers["WWW-Authenticate"].startswith("Basic")
        assert server.request("GET", "/subjects", headers=auth("ci", "wrong"))[0] == 401
        assert server.request("GET", "/subjects", headers=auth("nobody", "s3cret-pass"))[0] == 401
        assert server.request("GET", "/subjects", headers=auth("ci", "s3cret-pass"))[:2] == (200, [])
        assert server.request("GET", "/health/ready")[0] == 200
    finally:
        assert server.stop() == 0
    assert "s3cret-pass" not in server.log_text()


def test_tls(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    server = RegistryServer(tmp_path / "tls.db", "--tls-cert", cert, "--tls-key", key)
    try:
        assert server.url.startswith("https://")
        context = ssl.create_default_context(cafile=str(cert))
        assert server.request("GET", "/subjects", context=context)[:2] == (200, [])
        with pytest.raises(Exception):
            server.request("GET", "/subjects", context=ssl.create_default_context())
    finally:
        assert server.stop() == 0


def test_request_body_limit(tmp_path):
    server = RegistryServer(tmp_path / "limit.db", "--max-body-bytes", "2000")
    try:
        big = record("Big", *[{"name": f"f{i}", "type": "string", "default": ""} for i in range(100)])
        status, body, _ = register(server, "big-value", big)
        assert (status, body["error_code"]) == (413, 413)
        assert register(server, "small-value", record("Small"))[1] == {"id": 1}
    finally:
        assert server.stop() == 0


def test_lint_gate_refuses_what_breaks_the_kafka_rules(tmp_path):
    server = RegistryServer(tmp_path / "lint.db", "--lint")
    try:
        nullable_key = {"type": "record", "name": "OrderKey", "namespace": "shop",
                        "fields": [{"name": "id", "type": ["null", "string"], "default": None}]}
        status, body, _ = register(server, "orders-key", nullable_key)
        assert (status, body["error_code"]) == (422, 42201)
        assert "KEY_NO_OPTIONAL_FIELDS" in body["message"], body
        no_id = {"type": "record", "name": "Order", "namespace": "shop", "doc": "An order.",
                 "fields": [{"name": "total", "type": ["null", "long"], "default": None}]}
        status, body, _ = register(server, "orders-value", no_id)
        assert status == 422 and "VALUE_REQUIRED_ID" in body["message"], body
        good_key = {"type": "record", "name": "OrderKey", "namespace": "shop",
                    "fields": [{"name": "id", "type": "string"}]}
        assert register(server, "orders-key", good_key)[0] == 200
        # Subjects without a topic role are not linted.
        assert register(server, "shared-types", nullable_key)[0] == 200
        samples = parse_metrics(server.request("GET", "/metrics")[1])
        assert samples["schema_registry_lint_rejections_total"] == 2
    finally:
        assert server.stop() == 0
