"""The data commands on a schema registry (the embedded server): `encode`/`decode --framing confluent --registry`,
`compat --registry --subject` and `lint --registry`, with their usage errors."""
import json

import pytest

from helpers import swift_avro

ORDER_V1 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"}]}
ORDER_V2 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"},
                       {"name": "note", "type": ["null", "string"], "default": None}]}
# Not readable by v1/v2 nor able to read their data: `total` changes type.
ORDER_BAD = {"type": "record", "name": "Order", "namespace": "shop",
             "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "string"}]}
# v1 and v2 read its data (FORWARD), but it cannot read theirs (`note` is required, without a default).
ORDER_NEEDS_NOTE = {"type": "record", "name": "Order", "namespace": "shop",
                    "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"},
                               {"name": "note", "type": "string"}]}
KEY_OPTIONAL = {"type": "record", "name": "XKey", "namespace": "shop",
                "fields": [{"name": "id", "type": ["null", "string"], "default": None}]}

V1_VALUES = [{"id": "o-1", "total": 1250}, {"id": "o-2", "total": -3}, {"id": "", "total": 0}]
V2_VALUES = [{"id": "o-3", "total": 7, "note": {"string": "gift"}}, {"id": "o-4", "total": 8, "note": None}]


@pytest.fixture
def files(tmp_path):
    paths = {}
    for name, schema in (("v1", ORDER_V1), ("v2", ORDER_V2), ("bad", ORDER_BAD), ("needs-note", ORDER_NEEDS_NOTE),
                         ("x-key", KEY_OPTIONAL)):
        paths[name] = tmp_path / f"{name}.avsc"
        paths[name].write_text(json.dumps(schema))
    return paths


def lines(values):
    return "".join(json.dumps(value) + "\n" for value in values)


def encode(registry, schema, values, *args, check=True):
    return swift_avro("encode", "--schema", schema, "--framing", "confluent", "--registry", registry.url, "--hex",
                      *args, input=lines(values), check=check)


def decode(registry, hex_lines, *args, check=True):
    return swift_avro("decode", "--framing", "confluent", "--registry", registry.url, *args,
                      input=hex_lines, check=check)


def ids(hex_text):
    return [int(line[2:10], 16) for line in hex_text.split()]


def test_encode_registers_and_decode_finds_the_writer(registry, files):
    first = encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    status, latest, _ = registry.request("GET", "/subjects/orders-value/versions/latest")
    assert status == 200 and latest["version"] == 1
    assert ids(first.stdout) == [latest["id"]] * 3
    assert all(line.startswith("00") for line in first.stdout.split())
    # The registry holds the schema as it was sent: the same schema, parsed.
    assert json.loads(latest["schema"]) == ORDER_V1

    # Decoding reads the writer from the registry: no schema file needed.
    decoded = decode(registry, first.stdout, "--hex")
    assert [json.loads(line) for line in decoded.stdout.splitlines()] == V1_VALUES
    # …and, as a binary stream, the same.
    stream = bytes.fromhex("".join(first.stdout.split()))
    import subprocess
    from helpers import BINARY
    result = subprocess.run([str(BINARY), "decode", "--framing", "confluent", "--registry", registry.url],
                            input=stream, capture_output=True)
    assert result.returncode == 0, result.stderr
    assert [json.loads(line) for line in result.stdout.decode().splitlines()] == V1_VALUES

    # A second encode of the same schema reuses the id: no new version.
    again = encode(registry, files["v1"], V1_VALUES[:1], "--subject", "orders-value")
    assert ids(again.stdout) == [latest["id"]]
    assert registry.request("GET", "/subjects/orders-value/versions")[1] == [1]
    # So does a lookup without registering.
    looked_up = encode(registry, files["v1"], V1_VALUES[:1], "--subject", "orders-value", "--no-auto-register")
    assert looked_up.stdout == again.stdout


def test_encode_with_topic_names_the_subject(registry, files):
    value = encode(registry, files["v2"], V2_VALUES, "--topic", "orders")
    key = encode(registry, files["v1"], V1_VALUES[:1], "--topic", "orders", "--key")
    assert registry.request("GET", "/subjects")[1] == ["orders-key", "orders-value"]
    assert ids(value.stdout) == [registry.request("GET", "/subjects/orders-value/versions/1")[1]["id"]] * 2
    assert ids(key.stdout) == [registry.request("GET", "/subjects/orders-key/versions/1")[1]["id"]]


def test_encode_no_auto_register_on_a_missing_subject_fails(registry, files):
    result = encode(registry, files["v1"], V1_VALUES, "--subject", "nowhere-value", "--no-auto-register",
                    check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "nowhere-value" in result.stderr and "not found" in result.stderr.lower()
    assert registry.request("GET", "/subjects")[1] == []
    # A subject that exists but lacks the schema: the registry's "schema not found".
    encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    other = encode(registry, files["v2"], V2_VALUES, "--subject", "orders-value", "--no-auto-register", check=False)
    assert other.returncode == 1 and "not found" in other.stderr.lower()


def test_encode_refused_by_the_registry_fails_with_its_message(registry, files):
    encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    result = encode(registry, files["bad"], [{"id": "x", "total": "y"}], "--subject", "orders-value", check=False)
    assert result.returncode == 1 and result.stdout == ""
    assert "error:" in result.stderr and "409" in result.stderr


def test_encode_bad_line_names_it_before_touching_the_registry(registry, files):
    result = encode(registry, files["v1"], [{"id": "a", "total": 1}, {"id": 5}], "--subject", "orders-value",
                    check=False)
    assert result.returncode == 1 and result.stderr.startswith("line 2:")
    assert registry.request("GET", "/subjects")[1] == []


def test_decode_into_an_older_reader_schema(registry, files):
    encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    v2 = encode(registry, files["v2"], V2_VALUES, "--subject", "orders-value")
    assert registry.request("GET", "/subjects/orders-value/versions")[1] == [1, 2]
    v1 = encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    mixed = v1.stdout + v2.stdout
    decoded = decode(registry, mixed, "--hex", "--schema", files["v1"])
    assert [json.loads(line) for line in decoded.stdout.splitlines()] == V1_VALUES + [
        {"id": "o-3", "total": 7}, {"id": "o-4", "total": 8}]
    # Into v2: v1 data gets the default.
    decoded = decode(registry, mixed, "--hex", "--schema", files["v2"])
    assert [json.loads(line) for line in decoded.stdout.splitlines()] == [
        dict(value, note=None) for value in V1_VALUES] + V2_VALUES
    # Without --schema, each datum as its writer wrote it.
    decoded = decode(registry, mixed, "--hex")
    assert [json.loads(line) for line in decoded.stdout.splitlines()] == V1_VALUES + V2_VALUES


def test_decode_a_reader_that_cannot_read_the_writer(registry, files):
    written = encode(registry, files["v1"], V1_VALUES[:1], "--subject", "orders-value")
    result = decode(registry, written.stdout, "--hex", "--schema", files["needs-note"], check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("line 1: ") and "cannot be read" in result.stderr


@pytest.mark.parametrize("hex_mode", [True, False])
def test_decode_an_unknown_id(registry, files, hex_mode):
    written = encode(registry, files["v1"], V1_VALUES[:2], "--subject", "orders-value")
    known = written.stdout.split()
    unknown = "00" + (4242).to_bytes(4, "big").hex() + known[1][10:]
    data = "\n".join([known[0], unknown]) + "\n"
    if hex_mode:
        result = decode(registry, data, "--hex", check=False)
    else:
        import subprocess
        from helpers import BINARY
        process = subprocess.run([str(BINARY), "decode", "--framing", "confluent", "--registry", registry.url],
                                 input=bytes.fromhex("".join(data.split())), capture_output=True, text=False)
        result = type("R", (), {"returncode": process.returncode, "stdout": process.stdout.decode(),
                                "stderr": process.stderr.decode()})
    assert result.returncode == 1
    assert [json.loads(line) for line in result.stdout.splitlines()] == V1_VALUES[:1]
    assert result.stderr.strip() == "line 2: no schema known for id 4242"


def test_decode_wrong_magic_and_unreachable_registry(registry, files):
    result = decode(registry, "0100000001020304\n", "--hex", check=False)
    assert result.returncode == 1 and result.stderr.startswith("line 1: wrong magic")
    written = encode(registry, files["v1"], V1_VALUES[:1], "--subject", "orders-value")
    result = swift_avro("decode", "--framing", "confluent", "--registry", "http://user:secret@127.0.0.1:1",
                        "--max-retries", "0", "--hex", input=written.stdout, check=False)
    assert result.returncode == 1
    assert result.stderr.startswith("line 1: cannot reach the schema registry at http://127.0.0.1:1")
    assert "secret" not in result.stderr


@pytest.mark.parametrize("args", [
    ["decode", "--framing", "confluent", "--registry", "URL", "--schema-id", "1"],
    ["decode", "--registry", "URL", "--schema", "v1"],
    ["decode", "--framing", "confluent", "--registry", "URL", "--writer-schema", "v1"],
    ["decode", "--framing", "confluent", "--schema-id", "1"],
    ["decode", "--schema", "v1", "--user", "a:b"],
    ["decode", "--framing", "confluent", "--registry", "ftp://x", "--schema", "v1"],
    ["encode", "--schema", "v1", "--framing", "confluent", "--registry", "URL", "--subject", "s", "--schema-id", "1"],
    ["encode", "--schema", "v1", "--framing", "confluent", "--registry", "URL"],
    ["encode", "--schema", "v1", "--framing", "confluent", "--registry", "URL", "--subject", "s", "--topic", "t"],
    ["encode", "--schema", "v1", "--framing", "confluent", "--registry", "URL", "--subject", "s", "--key"],
    ["encode", "--schema", "v1", "--registry", "URL", "--subject", "s"],
    ["encode", "--schema", "v1", "--subject", "s"],
    ["encode", "--schema", "v1", "--framing", "confluent"],
    ["compat", "--registry", "URL", "v1"],
    ["compat", "--registry", "URL", "--subject", "s", "v1", "--against", "v2"],
    ["compat", "--subject", "s", "v1", "--against", "v2"],
    ["lint", "--registry", "URL", "v1"],
    ["lint", "--subject-prefix", "x", "v1"],
    ["decode", "--framing", "confluent", "--registry", "URL", "--cert", "v1"],
    ["decode", "--framing", "confluent", "--registry", "URL", "--user", "a:b", "--token", "t"],
    ["lint", "--registry", "", "--subject-prefix", "x"],
])
def test_usage_errors_exit_2(registry, files, args):
    args = [registry.url if arg == "URL" else files[arg] if arg in files else arg for arg in args]
    result = swift_avro(*args, check=False, input="")
    assert result.returncode == 2, (args, result.stderr)
    assert result.stdout == ""


def test_compat_against_the_live_versions(registry, files):
    # A subject with no version: compatible, and said so.
    fresh = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["v1"])
    assert fresh.stdout.splitlines() == [
        f"{files['v1']}: new, subject orders-value has no version in the registry",
        "compatible (BACKWARD, 0 schema(s) checked, 1 new)"]
    fresh_json = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["v1"],
                            "--format", "json")
    assert json.loads(fresh_json.stdout) == {"compatible": True, "level": "BACKWARD", "incompatibilities": [],
                                             "new": [str(files["v1"])]}

    encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    encode(registry, files["v2"], V2_VALUES, "--subject", "orders-value")
    ok = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["v2"])
    assert ok.stdout == "compatible (BACKWARD, 1 schema(s) checked)\n"

    bad = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["bad"], check=False)
    assert bad.returncode == 1
    [line] = bad.stdout.splitlines()
    assert line.startswith(f"{files['bad']}:1:")
    assert "TYPE_MISMATCH" in line and "[new reads old data; against orders-value (version 2):1:" in line

    report = json.loads(swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["bad"],
                                   "--format", "json", check=False).stdout)
    assert report["compatible"] is False and report["level"] == "BACKWARD" and report["new"] == []
    [item] = report["incompatibilities"]
    assert item["kind"] == "TYPE_MISMATCH" and item["direction"] == "backward"
    assert item["reader"]["file"] == str(files["bad"]) and item["writer"]["file"] == "orders-value (version 2)"
    assert item["reader"]["path"] == "fields[1].type"


def test_compat_level_from_the_subject_and_override(registry, files):
    encode(registry, files["v1"], V1_VALUES, "--subject", "orders-value")
    encode(registry, files["v2"], V2_VALUES, "--subject", "orders-value")
    # needs-note cannot read v1 or v2 data (note has no default) but v1 and v2 read its data: FORWARD passes.
    assert registry.request("PUT", "/config/orders-value", {"compatibility": "FORWARD_TRANSITIVE"})[0] == 200
    forward = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["needs-note"])
    assert forward.stdout == "compatible (FORWARD_TRANSITIVE, 1 schema(s) checked)\n"
    # --level overrides the subject's level; a transitive level checks every version.
    full = swift_avro("compat", "--registry", registry.url, "--subject", "orders-value", files["needs-note"],
                      "--level", "full-transitive", check=False)
    assert full.returncode == 1
    against = sorted({line.split("against ")[1].split(":")[0] for line in full.stdout.splitlines()})
    assert against == ["orders-value (version 1)", "orders-value (version 2)"]
    backward = json.loads(swift_avro("compat", "--registry", registry.url, "--subject", "orders-value",
                                     files["needs-note"], "--level", "BACKWARD", "--format", "json",
                                     check=False).stdout)
    assert backward["level"] == "BACKWARD" and backward["compatible"] is False
    assert {item["writer"]["file"] for item in backward["incompatibilities"]} == {"orders-value (version 2)"}
    # The global level applies to a subject without its own.
    assert registry.request("PUT", "/config", {"compatibility": "NONE"})[0] == 200
    encode(registry, files["v1"], V1_VALUES, "--subject", "other-value")
    none = swift_avro("compat", "--registry", registry.url, "--subject", "other-value", files["bad"])
    assert none.stdout == "compatible (NONE, 1 schema(s) checked)\n"


def test_compat_strict_flags_a_changed_key_subject(registry, files):
    encode(registry, files["v1"], V1_VALUES, "--topic", "orders", "--key")
    result = swift_avro("compat", "--registry", registry.url, "--subject", "orders-key", files["v2"], "--strict",
                        check=False)
    assert result.returncode == 1 and "KEY_SCHEMA_CHANGED" in result.stdout
    assert "against orders-key (version 1)" in result.stdout


def test_compat_unreachable_registry_exits_1(files):
    result = swift_avro("compat", "--registry", "http://127.0.0.1:1", "--max-retries", "0", "--subject", "s",
                        files["v1"], check=False)
    assert result.returncode == 1 and "cannot reach the schema registry" in result.stderr


def register(registry, subject, schema):
    status, body, _ = registry.request("POST", f"/subjects/{subject}/versions", {"schema": json.dumps(schema)})
    assert status == 200, body
    return body["id"]


def test_lint_what_is_registered(registry):
    register(registry, "x-key", KEY_OPTIONAL)
    register(registry, "orders-value", ORDER_V1)
    register(registry, "orders-value", ORDER_V2)
    register(registry, "shop.Order", ORDER_V1)
    result = swift_avro("lint", "--registry", registry.url, check=False)
    assert result.returncode == 1
    rules = {}
    for line in result.stdout.splitlines():
        file = line.split(":")[0]
        rules.setdefault(file, set()).add(line.rsplit("[", 1)[1].rstrip("]"))
    assert set(rules) == {"x-key (version 1)", "orders-value (version 2)", "shop.Order (version 1)"}
    assert "KEY_NO_OPTIONAL_FIELDS" in rules["x-key (version 1)"]
    assert "VALUE_REQUIRED_TIMESTAMP" in rules["orders-value (version 2)"]
    # A subject that names no topic role: schema rules only, and said so.
    assert "ROLE_UNKNOWN" in rules["shop.Order (version 1)"]
    assert not any(rule.startswith(("KEY_", "VALUE_")) for rule in rules["shop.Order (version 1)"])
    assert "subject not named <topic>-key or <topic>-value" in result.stdout

    report = json.loads(swift_avro("lint", "--registry", registry.url, "--format", "json", check=False).stdout)
    key_findings = [f for f in report["findings"] if f["file"] == "x-key (version 1)"]
    optional = [f for f in key_findings if f["rule"] == "KEY_NO_OPTIONAL_FIELDS"]
    assert optional and optional[0]["severity"] == "error" and optional[0]["pointer"].startswith("/fields/0")

    prefixed = swift_avro("lint", "--registry", registry.url, "--subject-prefix", "x-", "--format", "json",
                          check=False)
    assert {f["file"] for f in json.loads(prefixed.stdout)["findings"]} == {"x-key (version 1)"}
    none = swift_avro("lint", "--registry", registry.url, "--subject-prefix", "nothing")
    assert none.returncode == 0

    sarif = json.loads(swift_avro("lint", "--registry", registry.url, "--format", "sarif", check=False).stdout)
    uris = {r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] for r in sarif["runs"][0]["results"]}
    assert uris == {"x-key (version 1)", "orders-value (version 2)", "shop.Order (version 1)"}
    github = swift_avro("lint", "--registry", registry.url, "--format", "github", check=False).stdout
    assert "::error file=x-key (version 1),line=1," in github

    # --fail-severity still decides the exit code.
    info_only = swift_avro("lint", "--registry", registry.url, "--subject-prefix", "shop.", "--fail-severity",
                           "error")
    assert info_only.returncode == 0


def test_lint_pairs_a_topic_key_with_its_value_and_survives_shared_names(registry):
    # The key's record is also defined inside the value (each subject holds a whole schema): the subjects cannot
    # form one schema set, so each is linted on its own and both still get their findings.
    key = {"type": "record", "name": "OrderKey", "namespace": "shop",
           "fields": [{"name": "id", "type": "string"}, {"name": "amount", "type": "double"}]}
    value = {"type": "record", "name": "Order", "namespace": "shop",
             "fields": [{"name": "key", "type": key}, {"name": "price", "type": "double"}]}
    register(registry, "orders-key", key)
    register(registry, "orders-value", value)
    result = swift_avro("lint", "--registry", registry.url, check=False)
    assert "SCHEMA_INVALID" not in result.stdout
    files = {line.split(":")[0] for line in result.stdout.splitlines()}
    assert files == {"orders-key (version 1)", "orders-value (version 1)"}
    assert "orders-key (version 1):" in result.stdout and "KEY_NO_FLOATING_POINT" in result.stdout
    # A key and value that parse together are paired: the key's field missing from the value is reported.
    register(registry, "users-key", {"type": "record", "name": "UserKey", "namespace": "users",
                                     "fields": [{"name": "userId", "type": "string"}]})
    register(registry, "users-value", {"type": "record", "name": "User", "namespace": "users",
                                       "fields": [{"name": "id", "type": "string"}]})
    paired = swift_avro("lint", "--registry", registry.url, "--subject-prefix", "users-", check=False)
    assert any("KEY_VALUE_CONSISTENT" in line and line.startswith("users-key (version 1)")
               for line in paired.stdout.splitlines()), paired.stdout


def test_lint_with_references(registry):
    address = {"type": "record", "name": "Address", "namespace": "common",
               "fields": [{"name": "city", "type": ["string", "null"]}]}
    register(registry, "address", address)
    status, body, _ = registry.request("POST", "/subjects/customers-value/versions", {
        "schema": json.dumps({"type": "record", "name": "Customer", "namespace": "shop",
                              "fields": [{"name": "id", "type": "string"}, {"name": "home", "type": "common.Address"}]}),
        "references": [{"name": "common.Address", "subject": "address", "version": 1}]})
    assert status == 200, body
    result = swift_avro("lint", "--registry", registry.url, "--subject-prefix", "customers", check=False)
    assert "SCHEMA_INVALID" not in result.stdout
    assert any(line.startswith("customers-value (version 1)") for line in result.stdout.splitlines())
    # The referenced schema's own findings are named after its subject and version, without a role finding.
    assert any(line.startswith("address (version 1):1:") and "NULLABLE_UNION_NULL_FIRST" in line
               for line in result.stdout.splitlines()), result.stdout
    assert "ROLE_UNKNOWN" not in result.stdout


@pytest.mark.parametrize("command", ["encode", "decode", "compat", "lint"])
def test_help_lists_the_registry_options(command):
    result = swift_avro(command, "--help")
    for option in ("--registry", "--user", "--token", "--ca", "--cert", "--cert-key", "--timeout", "--max-retries",
                   "--retry-wait-ms", "--retry-max-wait-ms"):
        assert option in result.stdout, (command, option)
    assert "--url" not in result.stdout


def test_basic_auth_and_tokens_reach_the_registry(tmp_path, files):
    import bcrypt
    from registry_server import RegistryServer

    users = tmp_path / "users"
    users.write_text("ci:" + bcrypt.hashpw(b"s3cret-pass", bcrypt.gensalt(4)).decode() + "\n")
    server = RegistryServer(tmp_path / "auth.db", "--users", users)
    try:
        refused = encode(server, files["v1"], V1_VALUES, "--subject", "orders-value", check=False)
        assert refused.returncode == 1 and "40101" in refused.stderr
        written = encode(server, files["v1"], V1_VALUES, "--subject", "orders-value", "--user", "ci:s3cret-pass")
        decoded = decode(server, written.stdout, "--hex", "--user", "ci:s3cret-pass")
        assert [json.loads(line) for line in decoded.stdout.splitlines()] == V1_VALUES
        wrong = decode(server, written.stdout, "--hex", "--user", "ci:wr0ng-guess", check=False)
        assert wrong.returncode == 1 and wrong.stderr.startswith("line 1: ") and "40101" in wrong.stderr
        assert "wr0ng-guess" not in wrong.stderr
        compat = swift_avro("compat", "--registry", server.url.replace("://", "://ci:s3cret-pass@"), "--subject",
                            "orders-value", files["v2"])
        assert compat.stdout == "compatible (BACKWARD, 1 schema(s) checked)\n"
        lint = swift_avro("lint", "--registry", server.url, "--user", "ci:s3cret-pass", "--format", "json",
                          check=False)
        assert {f["file"] for f in json.loads(lint.stdout)["findings"]} == {"orders-value (version 1)"}
        token = swift_avro("lint", "--registry", server.url, "--token", "t0ken-value", check=False)
        assert token.returncode == 1 and "t0ken-value" not in token.stdout + token.stderr
    finally:
        assert server.stop() == 0
    assert "s3cret-pass" not in server.log_text()
