"""`swift-avro registry` client commands against the embedded server: output, exit codes, auth and failover."""
import json
import os
import re
import subprocess

import bcrypt
import pytest

from fault_server import closed_port
from helpers import BINARY, ROOT, self_signed_certificate
from registry_server import RegistryServer

SCHEMAS = ROOT / "schemas"
SUBJECTS = [f"{topic}-{role}" for topic in ("customers", "orders", "payments") for role in ("key", "value")]
LINE = re.compile(r"^(?P<file>\S+): (?P<subject>\S+) id (?P<id>\d+) version (?P<version>\d+)$")


def cli(*args, url=None, env=None):
    """Runs `swift-avro registry ARGS...` (with `--url URL` when given), without any SCHEMA_REGISTRY_URL of the
    caller's environment unless `env` sets it."""
    environment = {key: value for key, value in os.environ.items() if key != "SCHEMA_REGISTRY_URL"}
    environment.update(env or {})
    command = [str(BINARY), "registry", *map(str, args)]
    if url is not None:
        command += ["--url", url]
    return subprocess.run(command, capture_output=True, text=True, env=environment, timeout=60)


def ok(*args, url):
    result = cli(*args, url=url)
    assert result.returncode == 0, f"{args}: exit {result.returncode}\n{result.stdout}\n{result.stderr}"
    return result.stdout


def register_all(url):
    """Registers schemas/ and returns {subject: (id, version)}."""
    lines = ok("register", SCHEMAS, url=url).splitlines()
    assert len(lines) == 6, lines
    found = {}
    for line in lines:
        match = LINE.match(line)
        assert match, line
        assert match["file"].endswith(f"/{match['subject']}.avsc")
        found[match["subject"]] = (int(match["id"]), int(match["version"]))
    return found


def latest_schema(registry, subject):
    status, body, _ = registry.request("GET", f"/subjects/{subject}/versions/latest")
    assert status == 200, body
    return json.loads(body["schema"])


def evolve(tmp_path, name, schema, *fields, file="orders-value.avsc"):
    """Writes `schema` with `fields` appended as tmp_path/name/file (a self-contained schema)."""
    schema = dict(schema, fields=schema["fields"] + list(fields))
    directory = tmp_path / name
    directory.mkdir()
    path = directory / file
    path.write_text(json.dumps(schema))
    return path


RETURN = {"type": "record", "name": "Return", "namespace": "com.example.shop.returns",
          "fields": [{"name": "id", "type": "string"}]}
OPTIONAL_NOTE = {"name": "note", "type": ["null", "string"], "default": None}
REQUIRED_PRIORITY = {"name": "priority", "type": "int"}


def test_register_is_idempotent_and_reads_back(registry):
    first = register_all(registry.url)
    assert sorted(first) == SUBJECTS
    assert all(version == 1 for _, version in first.values())
    assert len({schema_id for schema_id, _ in first.values()}) == 6
    assert register_all(registry.url) == first

    assert ok("subjects", url=registry.url).splitlines() == SUBJECTS
    assert ok("subjects", "--prefix", "orders-", url=registry.url).splitlines() == ["orders-key", "orders-value"]
    assert ok("versions", "orders-value", url=registry.url).splitlines() == ["1"]

    orders_id = first["orders-value"][0]
    status, by_id, _ = registry.request("GET", f"/schemas/ids/{orders_id}")
    assert status == 200
    assert ok("get", "--id", orders_id, url=registry.url) == by_id["schema"] + "\n"
    # Self-contained: Address (defined in customers-value.avsc) is inlined.
    assert "com.example.shop.common" in by_id["schema"]
    assert json.loads(ok("get", "--id", orders_id, "--json", url=registry.url)) == by_id

    latest = ok("get", "--subject", "orders-value", "--version", "latest", url=registry.url)
    assert latest == by_id["schema"] + "\n"
    assert ok("get", "--subject", "orders-value", url=registry.url) == latest
    assert ok("get", "--subject", "orders-value", "--version", "1", url=registry.url) == latest
    whole = json.loads(ok("get", "--subject", "orders-value", "--json", url=registry.url))
    assert whole == {"subject": "orders-value", "version": 1, "id": orders_id, "schema": by_id["schema"]}


def test_get_errors(registry):
    register_all(registry.url)
    result = cli("get", "--id", 999, url=registry.url)
    assert result.returncode == 1 and "40403" in result.stderr and result.stderr.startswith("error: ")
    result = cli("get", "--subject", "orders-value", "--version", 7, url=registry.url)
    assert result.returncode == 1 and "40402" in result.stderr
    result = cli("get", "--subject", "nope-value", url=registry.url)
    assert result.returncode == 1 and "40401" in result.stderr
    assert cli("get", url=registry.url).returncode == 2
    assert cli("get", "--id", 1, "--subject", "orders-value", url=registry.url).returncode == 2
    assert cli("get", "--id", 1, "--version", 1, url=registry.url).returncode == 2
    assert cli("get", "--subject", "orders-value", "--version", "first", url=registry.url).returncode == 2


def test_config(registry):
    register_all(registry.url)
    assert ok("config", url=registry.url) == "BACKWARD\n"
    assert ok("config", "--subject", "orders-key", url=registry.url) == "BACKWARD\n"
    assert ok("config", "--set", "FULL_TRANSITIVE", "--subject", "orders-key", url=registry.url) == "FULL_TRANSITIVE\n"
    assert ok("config", "--subject", "orders-key", url=registry.url) == "FULL_TRANSITIVE\n"
    assert ok("config", url=registry.url) == "BACKWARD\n"
    assert registry.request("GET", "/config/orders-key")[1] == {"compatibilityLevel": "FULL_TRANSITIVE"}
    assert ok("config", "--set", "forward", url=registry.url) == "FORWARD\n"
    assert ok("config", "--subject", "orders-value", url=registry.url) == "FORWARD\n"
    result = cli("config", "--set", "SIDEWAYS", url=registry.url)
    assert result.returncode == 2 and "SIDEWAYS" in result.stderr


def test_check(registry, tmp_path):
    register_all(registry.url)
    orders = latest_schema(registry, "orders-value")
    compatible = evolve(tmp_path, "compatible", orders, OPTIONAL_NOTE)
    result = cli("check", compatible, url=registry.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"{compatible}: orders-value compatible\n"

    incompatible = evolve(tmp_path, "incompatible", orders, REQUIRED_PRIORITY)
    result = cli("check", incompatible, url=registry.url)
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    assert lines[0] == f"{incompatible}: orders-value incompatible"
    assert len(lines) > 1 and all(line.startswith("    ") for line in lines[1:]), lines
    assert "priority" in result.stdout and "READER_FIELD_MISSING_DEFAULT_VALUE" in result.stdout
    # Confluent's verbose reasons, less the whole earlier schema.
    assert "{oldSchemaVersion: 1}" in result.stdout and "{oldSchema:" not in result.stdout
    assert ok("versions", "orders-value", url=registry.url).splitlines() == ["1"]

    # NONE lets it through.
    ok("config", "--subject", "orders-value", "--set", "NONE", url=registry.url)
    assert cli("check", incompatible, url=registry.url).returncode == 0

    fresh = evolve(tmp_path, "fresh", RETURN, file="returns-value.avsc")
    assert ok("check", fresh, url=registry.url) == f"{fresh}: returns-value compatible (new subject)\n"
    # The whole directory at once: every file, all compatible with themselves.
    assert len(ok("check", SCHEMAS, url=registry.url).splitlines()) == 6


def test_register_dry_run_registers_nothing(registry, tmp_path):
    ids = register_all(registry.url)
    orders = latest_schema(registry, "orders-value")
    compatible = evolve(tmp_path, "compatible", orders, OPTIONAL_NOTE)
    incompatible = evolve(tmp_path, "incompatible", orders, REQUIRED_PRIORITY)
    fresh = evolve(tmp_path, "fresh", RETURN, file="returns-value.avsc")

    result = cli("register", "--dry-run", compatible, fresh, SCHEMAS / "orders-key.avsc", url=registry.url)
    assert result.returncode == 0, result.stderr
    orders_key_id = ids["orders-key"][0]
    assert result.stdout.splitlines() == [
        f"{compatible}: orders-value new version, compatible",
        f"{fresh}: returns-value new subject",
        f"{SCHEMAS / 'orders-key.avsc'}: orders-key already registered as version 1 id {orders_key_id}",
    ]
    result = cli("register", "--dry-run", incompatible, url=registry.url)
    assert result.returncode == 1
    assert result.stdout.startswith(f"{incompatible}: orders-value new version, incompatible: ")
    assert "priority" in result.stdout

    assert ok("versions", "orders-value", url=registry.url).splitlines() == ["1"]
    assert ok("subjects", url=registry.url).splitlines() == SUBJECTS


def test_register_refused_and_evolved(registry, tmp_path):
    register_all(registry.url)
    orders = latest_schema(registry, "orders-value")
    incompatible = evolve(tmp_path, "incompatible", orders, REQUIRED_PRIORITY)
    result = cli("register", incompatible, url=registry.url)
    assert result.returncode == 1
    assert "409" in result.stderr and "incompatible" in result.stderr, result.stderr
    assert str(incompatible) in result.stderr

    compatible = evolve(tmp_path, "compatible", orders, OPTIONAL_NOTE)
    line = ok("register", compatible, url=registry.url).strip()
    match = LINE.match(line)
    assert match and match["subject"] == "orders-value" and match["version"] == "2", line
    assert ok("register", "--normalize", compatible, url=registry.url).strip() == line


def test_verify_detects_drift(registry, tmp_path):
    result = cli("verify", SCHEMAS / "orders-value.avsc", "--import", SCHEMAS, url=registry.url)
    assert result.returncode == 1
    assert result.stdout == f"{SCHEMAS / 'orders-value.avsc'}: orders-value drifted: subject missing\n"
    assert "orders-value.avsc" in result.stderr

    register_all(registry.url)
    result = cli("verify", SCHEMAS, url=registry.url)
    assert result.returncode == 0, result.stderr
    assert [line.split(": ", 1)[1] for line in result.stdout.splitlines()] == [
        f"{subject} ok (version 1)" for subject in SUBJECTS]

    # Another file registers version 2: the checked-in schema is no longer the latest.
    orders = latest_schema(registry, "orders-value")
    ok("register", evolve(tmp_path, "v2", orders, OPTIONAL_NOTE), url=registry.url)
    result = cli("verify", SCHEMAS, url=registry.url)
    assert result.returncode == 1
    assert (f"{SCHEMAS / 'orders-value.avsc'}: orders-value drifted: registered as version 1 but latest is 2"
            in result.stdout.splitlines()), result.stdout
    assert result.stdout.count(" ok (version 1)") == 5
    assert "orders-value.avsc" in result.stderr and "customers" not in result.stderr
    assert cli("verify", "--registered", SCHEMAS, url=registry.url).returncode == 0

    unregistered = evolve(tmp_path, "v3", orders, {"name": "other", "type": ["null", "int"], "default": None})
    result = cli("verify", "--registered", unregistered, url=registry.url)
    assert result.returncode == 1
    assert result.stdout == f"{unregistered}: orders-value drifted: not registered (latest is version 2)\n"


def test_delete_soft_then_permanent(registry, tmp_path):
    register_all(registry.url)
    orders = latest_schema(registry, "orders-value")
    ok("register", evolve(tmp_path, "v2", orders, OPTIONAL_NOTE), url=registry.url)
    assert ok("versions", "orders-value", url=registry.url).splitlines() == ["1", "2"]

    assert ok("delete", "orders-value", "--version", "2", url=registry.url) == "2\n"
    assert ok("versions", "orders-value", url=registry.url).splitlines() == ["1"]
    assert ok("versions", "orders-value", "--deleted", url=registry.url).splitlines() == ["1", "2"]
    assert ok("delete", "orders-value", "--version", "2", "--permanent", url=registry.url) == "2\n"
    assert ok("versions", "orders-value", "--deleted", url=registry.url).splitlines() == ["1"]

    result = cli("delete", "orders-value", "--permanent", url=registry.url)
    assert result.returncode == 1 and "40405" in result.stderr, result.stderr
    assert ok("delete", "orders-value", url=registry.url) == "1\n"
    assert "orders-value" not in ok("subjects", url=registry.url).splitlines()
    assert "orders-value" in ok("subjects", "--deleted", url=registry.url).splitlines()
    assert ok("delete", "orders-value", "--permanent", url=registry.url) == "1\n"
    assert "orders-value" not in ok("subjects", "--deleted", url=registry.url).splitlines()

    result = cli("delete", "orders-value", url=registry.url)
    assert result.returncode == 1 and "40401" in result.stderr
    assert cli("delete", "orders-value", "--version", "zero", url=registry.url).returncode == 2


def test_url_from_the_environment_or_missing(registry):
    result = cli("subjects", env={"SCHEMA_REGISTRY_URL": registry.url})
    assert result.returncode == 0 and result.stdout == "", result.stderr
    register_all(registry.url)
    result = cli("subjects", env={"SCHEMA_REGISTRY_URL": registry.url})
    assert result.stdout.splitlines() == SUBJECTS
    # --url wins over the environment.
    result = cli("subjects", url=registry.url, env={"SCHEMA_REGISTRY_URL": f"http://127.0.0.1:{closed_port()}"})
    assert result.returncode == 0 and result.stdout.splitlines() == SUBJECTS

    for command in (["subjects"], ["versions", "orders-value"], ["config"], ["register", SCHEMAS]):
        result = cli(*command)
        assert result.returncode == 2, command
        assert "SCHEMA_REGISTRY_URL" in result.stderr
    assert cli("subjects", url="ftp://127.0.0.1:1").returncode == 2
    assert cli("subjects", "--timeout", "0", url=registry.url).returncode == 2
    assert cli("subjects", "--timeout", "0.0001", url=registry.url).returncode == 2
    assert cli("subjects", "--max-retries", "-1", url=registry.url).returncode == 2
    assert cli("subjects", "--retry-wait-ms", str(2**62), url=registry.url).returncode == 2
    assert cli("subjects", "--timeout", "0.5", url=registry.url).returncode == 0
    assert cli("subjects", "--cert", SCHEMAS / "orders-key.avsc", url=registry.url).returncode == 2


def test_unreachable_registry_exits_1_naming_the_url():
    url = f"http://127.0.0.1:{closed_port()}"
    result = cli("subjects", "--max-retries", "0", url=url)
    assert result.returncode == 1
    assert result.stderr.startswith("error: ") and url in result.stderr, result.stderr


def test_failover_past_a_dead_url(registry):
    register_all(registry.url)
    dead = f"http://127.0.0.1:{closed_port()}"
    assert ok("subjects", "--retry-wait-ms", "10", url=f"{dead},{registry.url}").splitlines() == SUBJECTS
    assert ok("versions", "orders-key", url=f"{dead}, {registry.url}").splitlines() == ["1"]


def test_basic_auth(tmp_path):
    users = tmp_path / "users"
    users.write_text("ci:" + bcrypt.hashpw(b"s3cret-pass", bcrypt.gensalt(4)).decode() + "\n")
    server = RegistryServer(tmp_path / "auth.db", "--users", users)
    try:
        result = cli("subjects", url=server.url)
        assert result.returncode == 1 and "40101" in result.stderr, result.stderr

        assert ok("subjects", "--user", "ci:s3cret-pass", url=server.url) == ""
        assert ok("register", "--user", "ci:s3cret-pass", SCHEMAS / "orders-key.avsc", url=server.url) \
            == f"{SCHEMAS / 'orders-key.avsc'}: orders-key id 1 version 1\n"
        userinfo = server.url.replace("://", "://ci:s3cret-pass@")
        assert ok("subjects", url=userinfo).splitlines() == ["orders-key"]

        for args in (["--user", "ci:wr0ng-guess"], ["--url", server.url.replace("://", "://ci:wr0ng-guess@")]):
            result = cli("subjects", *args) if args[0] == "--url" else cli("subjects", *args, url=server.url)
            assert result.returncode == 1
            assert "40101" in result.stderr, result.stderr
            assert "wr0ng-guess" not in result.stdout + result.stderr
        result = cli("subjects", "--user", "no-colon", url=server.url)
        assert result.returncode == 2 and "no-colon" not in result.stderr
        assert cli("subjects", "--user", "ci:x", "--token", "t", url=server.url).returncode == 2
        # A bearer token is not basic auth: refused, and not echoed.
        result = cli("subjects", "--token", "t0ken-value", url=server.url)
        assert result.returncode == 1 and "t0ken-value" not in result.stdout + result.stderr
    finally:
        assert server.stop() == 0
    assert "s3cret-pass" not in server.log_text() and "wr0ng-guess" not in server.log_text()


def test_subjects_come_from_file_names(registry, tmp_path):
    plain = tmp_path / "order.avsc"
    plain.write_text((SCHEMAS / "orders-key.avsc").read_text())
    result = cli("register", plain, url=registry.url)
    assert result.returncode == 2
    assert str(plain) in result.stderr and "--subject" in result.stderr
    assert cli("check", plain, url=registry.url).returncode == 2
    assert cli("verify", plain, url=registry.url).returncode == 2
    assert ok("subjects", url=registry.url) == ""

    assert ok("register", "--subject", "legacy-orders", plain, url=registry.url) \
        == f"{plain}: legacy-orders id 1 version 1\n"
    result = cli("register", "--subject", "x", plain, SCHEMAS / "orders-key.avsc", url=registry.url)
    assert result.returncode == 2 and "exactly one" in result.stderr
    assert cli("register", "--subject", "x", SCHEMAS, url=registry.url).returncode == 2
    # "-value.avsc" alone has no topic.
    bare = tmp_path / "-value.avsc"
    bare.write_text((SCHEMAS / "orders-key.avsc").read_text())
    assert cli("register", bare, url=registry.url).returncode == 2


def test_import_files_define_types_without_being_sent(registry):
    # orders-value uses com.example.shop.common.Address, defined by another file of schemas/.
    alone = cli("register", SCHEMAS / "orders-value.avsc", url=registry.url)
    assert alone.returncode == 1 and "Address" in alone.stderr
    result = cli("register", SCHEMAS / "orders-value.avsc", "--import", SCHEMAS, url=registry.url)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [f"{SCHEMAS / 'orders-value.avsc'}: orders-value id 1 version 1"]
    assert ok("subjects", url=registry.url).splitlines() == ["orders-value"]


@pytest.mark.parametrize("command", ["subjects", "versions", "get", "register", "check", "verify", "config", "delete"])
def test_help_lists_the_connection_options(command):
    result = subprocess.run([str(BINARY), "registry", command, "--help"], capture_output=True, text=True)
    assert result.returncode == 0
    for option in ("--url", "--user", "--token", "--ca", "--cert", "--key", "--timeout", "--max-retries",
                   "--retry-wait-ms", "--retry-max-wait-ms"):
        assert option in result.stdout, (command, option)


def test_tls_with_a_custom_ca(tmp_path):
    cert, key = self_signed_certificate(tmp_path)
    server = RegistryServer(tmp_path / "tls.db", "--tls-cert", cert, "--tls-key", key)
    try:
        assert server.url.startswith("https://")
        assert ok("register", "--ca", cert, SCHEMAS / "orders-key.avsc", url=server.url) \
            == f"{SCHEMAS / 'orders-key.avsc'}: orders-key id 1 version 1\n"
        assert ok("subjects", "--ca", cert, url=server.url) == "orders-key\n"
        # The system's CAs do not trust the self-signed certificate: not retried into success, exit 1.
        result = cli("subjects", "--max-retries", "0", url=server.url)
        assert result.returncode == 1 and server.url in result.stderr, result.stderr
        assert cli("subjects", "--ca", tmp_path / "missing.pem", url=server.url).returncode == 2
    finally:
        assert server.stop() == 0
