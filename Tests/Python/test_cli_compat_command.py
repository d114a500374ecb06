"""The CLI contract of compat: levels, exit codes, text and JSON output, --against-git."""
import json
import subprocess

import pytest

from helpers import swift_avro

V1 = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}'
V2_OK = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "long"}, {"name": "b", "type": "string", "default": ""}]}'
V2_BAD = '{"type": "record", "name": "R",\n "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "string"}]}'


@pytest.fixture
def files(tmp_path):
    for name, text in (("v1.avsc", V1), ("ok.avsc", V2_OK), ("bad.avsc", V2_BAD)):
        (tmp_path / name).write_text(text)
    return tmp_path


def test_backward_by_default(files):
    assert swift_avro("compat", files / "ok.avsc", "--against", files / "v1.avsc").returncode == 0
    result = swift_avro("compat", files / "bad.avsc", "--against", files / "v1.avsc", check=False)
    assert result.returncode == 1
    assert "bad.avsc:2:43: READER_FIELD_MISSING_DEFAULT_VALUE" in result.stdout


def test_forward_and_full(files):
    # v1 cannot read the long that ok.avsc writes.
    assert swift_avro("compat", "--level", "FORWARD", files / "ok.avsc", "--against", files / "v1.avsc", check=False).returncode == 1
    assert swift_avro("compat", "--level", "FULL", files / "ok.avsc", "--against", files / "v1.avsc", check=False).returncode == 1
    assert swift_avro("compat", "--level", "NONE", files / "bad.avsc", "--against", files / "v1.avsc").returncode == 0


def test_json_output(files):
    result = swift_avro("compat", "--format", "json", files / "bad.avsc", "--against", files / "v1.avsc", check=False)
    document = json.loads(result.stdout)
    assert document["compatible"] is False and document["level"] == "BACKWARD"
    (item,) = document["incompatibilities"]
    assert item["kind"] == "READER_FIELD_MISSING_DEFAULT_VALUE"
    assert item["reader"]["line"] == 2 and item["reader"]["path"] == "fields[1]"


def test_strict_flags_any_key_change(files):
    (files / "orders-key.avsc").write_text(V2_OK)
    assert swift_avro("compat", "--level", "FORWARD_TRANSITIVE", files / "orders-key.avsc", "--against", files / "ok.avsc").returncode == 0
    (files / "orders-key.avsc").write_text(V2_OK.replace('"default": ""', '"default": "x"'))
    # Even a change that leaves the binary encoding alone registers a new schema id, and the id is in the key bytes.
    result = swift_avro("compat", "--strict", files / "orders-key.avsc", "--against", files / "ok.avsc", check=False)
    assert result.returncode == 1 and "KEY_SCHEMA_CHANGED" in result.stdout
    (files / "orders-key.avsc").write_text(" " + V2_OK + "\n")
    assert swift_avro("compat", "--strict", files / "orders-key.avsc", "--against", files / "ok.avsc").returncode == 0
    (files / "orders-key.avsc").write_text(V2_OK.replace('"long"', '"int"'))
    result = swift_avro("compat", "--strict", "--level", "FORWARD", files / "orders-key.avsc", "--against", files / "ok.avsc", check=False)
    assert result.returncode == 1 and "KEY_SCHEMA_CHANGED" in result.stdout


def test_against_git(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "ci@example.com")
    git("config", "user.name", "CI")
    (tmp_path / "s.avsc").write_text(V1)
    git("add", "s.avsc")
    git("commit", "-qm", "v1")
    (tmp_path / "s.avsc").write_text(V2_BAD)
    (tmp_path / "new.avsc").write_text(V1)
    import os
    from helpers import BINARY

    run = lambda *files: subprocess.run([str(BINARY), "compat", *files, "--against-git", "HEAD"], cwd=tmp_path, capture_output=True, text=True)
    result = run("s.avsc", "new.avsc")
    assert result.returncode == 1 and "s.avsc:2:43" in result.stdout
    (tmp_path / "s.avsc").write_text(V2_OK)
    assert run("s.avsc", "new.avsc").returncode == 0


def test_usage_errors(files):
    assert swift_avro("compat", files / "ok.avsc", check=False).returncode not in (0, 1)
    assert swift_avro("compat", "--level", "SIDEWAYS", files / "ok.avsc", "--against", files / "v1.avsc", check=False).returncode not in (0, 1)
