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


def test_sarif_validates_as_sarif_2_1_0(files):
    from sarif_pydantic import Sarif

    text = swift_avro("lint", "--format", "sarif", files, check=False).stdout
    document = json.loads(text)
    sarif = Sarif.model_validate(document)
    assert sarif.version == "2.1.0"
    run = document["runs"][0]
    rule_ids = [rule["id"] for rule in run["tool"]["driver"]["rules"]]
    assert "KEY_NO_OPTIONAL_FIELDS" in rule_ids
    for result in run["results"]:
        assert rule_ids[result["ruleIndex"]] == result["ruleId"]
        region = result["locations"][0]["physicalLocation"]["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert result["partialFingerprints"]["jsonPointer/v1"]
        assert not result["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].startswith("./")


def write_config(path, settings):
    path.write_text(json.dumps(settings))
    return path


def test_config_use_except_severity_and_ignore(files, tmp_path):
    config = write_config(tmp_path / "lint.json", {"except": ["key"]})
    assert "[KEY_" not in swift_avro("lint", "--config", config, files, check=False).stdout
    config = write_config(tmp_path / "lint.json", {"use": ["VALUE_TIMESTAMP_LOGICAL_TYPE"]})
    output = swift_avro("lint", "--config", config, files).stdout
    assert output.count("[") == 1 and "[VALUE_TIMESTAMP_LOGICAL_TYPE]" in output
    config = write_config(tmp_path / "lint.json", {"severity": {"KEY_NO_OPTIONAL_FIELDS": "off", "VALUE_TIMESTAMP_LOGICAL_TYPE": "error"}})
    result = swift_avro("lint", "--config", config, files, check=False)
    assert "KEY_NO_OPTIONAL_FIELDS" not in result.stdout and "error: the value field" in result.stdout
    config = write_config(tmp_path / "lint.json", {"ignore": [{"path": "orders-key.avsc", "rules": ["KEY_NO_OPTIONAL_FIELDS"]}]})
    assert "KEY_NO_OPTIONAL_FIELDS" not in swift_avro("lint", "--config", config, files, check=False).stdout


def test_config_topics_give_roles(tmp_path):
    (tmp_path / "k.avsc").write_text(KEY)
    config = write_config(tmp_path / "lint.json", {"topics": {"orders": {"key": "k.avsc"}}})
    assert "[KEY_NO_OPTIONAL_FIELDS]" in swift_avro("lint", "--config", config, tmp_path / "k.avsc", check=False).stdout


def test_inline_suppression_in_values_but_not_keys(files):
    value = json.loads(VALUE)
    value["fields"][1]["lint.ignore"] = ["VALUE_TIMESTAMP_LOGICAL_TYPE"]
    (files / "orders-value.avsc").write_text(json.dumps(value))
    assert "VALUE_TIMESTAMP_LOGICAL_TYPE" not in swift_avro("lint", files, check=False).stdout
    key = json.loads(KEY)
    key["fields"][0]["lint.ignore"] = ["KEY_NO_OPTIONAL_FIELDS"]
    (files / "orders-key.avsc").write_text(json.dumps(key))
    assert "KEY_NO_OPTIONAL_FIELDS" in swift_avro("lint", files, check=False).stdout


@pytest.mark.parametrize(
    "settings,message",
    [({"use": ["NOPE"]}, "unknown rule"), ({"severity": {"EMPTY_RECORD": "loud"}}, "severity must be"), ({"colour": 1}, "unknown setting")],
)
def test_bad_config_exits_2_with_its_location(files, tmp_path, settings, message):
    config = write_config(tmp_path / "lint.json", settings)
    result = swift_avro("lint", "--config", config, files, check=False)
    assert result.returncode == 2
    assert "lint.json:1:" in result.stderr and message in result.stderr


def test_topic_rules_from_the_config(files, tmp_path):
    other_key = KEY.replace('["null", "string"]', '"long"').replace("OrderKey", "PaymentKey")
    (files / "payments-key.avsc").write_text(other_key)
    (files / "audit-value.avsc").write_text(VALUE.replace('"Order"', '"Audit"'))
    config = write_config(
        tmp_path / "lint.json",
        {
            "topics": {
                "orders": {"key": "orders-key.avsc", "partitions": 12, "copartition": "checkout"},
                "payments": {"key": "payments-key.avsc", "partitions": 6, "copartition": "checkout"},
                "audit": {"value": "audit-value.avsc", "cleanupPolicy": "compact"},
            }
        },
    )
    output = swift_avro("lint", "--config", config, files, check=False).stdout
    assert "differs from the key of payments" in output and "has 12 partitions but payments" in output
    assert "audit is compacted but has no key schema" in output


def test_docs_are_opt_in(files, tmp_path):
    assert "[DOC_PRESENT]" not in swift_avro("lint", files, check=False).stdout
    config = write_config(tmp_path / "lint.json", {"severity": {"DOC_PRESENT": "warning"}})
    assert "warning: field id has no doc [DOC_PRESENT]" in swift_avro("lint", "--config", config, files, check=False).stdout
