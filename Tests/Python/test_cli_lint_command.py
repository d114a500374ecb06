"""The CLI contract of lint: output formats, fail severity and exit codes."""
import json

import pytest

from helpers import swift_avro

KEY = '{"type": "record", "name": "OrderKey", "namespace": "shop",\n "fields": [{"name": "id", "type": ["null", "string"]}]}'
VALUE = '{"type": "record", "name": "Order", "namespace": "shop", "fields": [{"name": "id", "type": "string"}, {"name": "timestamp", "type": "long"}]}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "orders-key.avsc").write_text(KEY)
    (tmp_path / "orders-value.avsc").write_text(VALUE)
    return tmp_path


def test_text_findings_and_exit_1(files):
    result = swift_avro("lint", files, check=False)
    assert result.returncode == 1
    column = KEY.splitlines()[1].index('["null"') + 1
    assert f"orders-key.avsc:2:{column}: error: key schemas must not have optional (nullable) parts [KEY_NO_OPTIONAL_FIELDS]" in result.stdout
    assert "[VALUE_TIMESTAMP_LOGICAL_TYPE]" in result.stdout


def test_fail_severity(files):
    (files / "orders-key.avsc").write_text(KEY.replace('["null", "string"]', '"string"'))
    assert swift_avro("lint", files).returncode == 0  # only a warning is left
    assert swift_avro("lint", "--fail-severity", "warning", files, check=False).returncode == 1


def test_json_shape(files):
    document = json.loads(swift_avro("lint", "--format", "json", files, check=False).stdout)
    finding = next(f for f in document["findings"] if f["rule"] == "KEY_NO_OPTIONAL_FIELDS")
    assert set(finding) == {"rule", "severity", "message", "file", "line", "column", "path", "pointer"}
    assert finding["severity"] == "error" and finding["line"] == 2 and finding["pointer"] == "/fields/0/type"


def test_github_annotations(files):
    output = swift_avro("lint", "--format", "github", files, check=False).stdout
    assert any(line.startswith("::error file=") and "title=KEY_NO_OPTIONAL_FIELDS::" in line for line in output.splitlines())


def test_unparseable_schema_is_a_finding(tmp_path):
    (tmp_path / "x-value.avsc").write_text('{"type": "record"')
    result = swift_avro("lint", tmp_path, check=False)
    assert result.returncode == 1 and "[SCHEMA_INVALID]" in result.stdout


def test_usage_errors_exit_2(files):
    assert swift_avro("lint", files / "missing.avsc", check=False).returncode == 2
    assert swift_avro("lint", "--format", "xml", files, check=False).returncode == 2


def test_rules_are_listed():
    rules = swift_avro("lint", "--list-rules").stdout
    assert "KEY_NO_OPTIONAL_FIELDS\terror\tkey\t" in rules and "VALUE_REQUIRED_ID" in rules
