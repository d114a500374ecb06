"""The CLI contract of validate, canonical and fingerprint: output, exit codes and error format."""
import re

import pytest

from helpers import swift_avro


@pytest.fixture
def schemas(tmp_path):
    (tmp_path / "a.avsc").write_text('{"type": "record", "name": "A", "namespace": "n", "fields": [{"name": "b", "type": "B"}]}')
    (tmp_path / "b.avsc").write_text('{"type": "fixed", "name": "B", "namespace": "n", "size": 4}')
    (tmp_path / "bad.avsc").write_text('{"type": "record", "name": "R",\n "fields": [{"name": "x", "type": "nope"}]}')
    (tmp_path / "int.avsc").write_text('"int"')
    return tmp_path


def test_validate_accepts_a_set_in_any_order(schemas):
    assert swift_avro("validate", schemas / "a.avsc", schemas / "b.avsc").returncode == 0
    assert swift_avro("validate", schemas / "b.avsc", schemas / "a.avsc").returncode == 0


def test_validate_reports_file_line_column_and_exits_1(schemas):
    result = swift_avro("validate", schemas / "int.avsc", schemas / "bad.avsc", check=False)
    assert result.returncode == 1
    column = ' "fields": [{"name": "x", "type": "nope"}]}'.index('"nope"') + 1
    assert f'bad.avsc:2:{column}: unknown type "nope" (at fields[0].type)' in result.stderr, result.stderr


def test_validate_rejects_a_file_missing_its_dependency(schemas):
    result = swift_avro("validate", schemas / "a.avsc", check=False)
    assert result.returncode == 1
    column = (schemas / "a.avsc").read_text().index('"B"') + 1
    assert f'a.avsc:1:{column}: unknown type "B"' in result.stderr, result.stderr


def test_usage_errors_are_not_exit_1(schemas):
    assert swift_avro("validate", check=False).returncode not in (0, 1)
    assert swift_avro("validate", schemas / "missing.avsc", check=False).returncode == 2
    assert swift_avro("fingerprint", "--algorithm", "crc32", schemas / "int.avsc", check=False).returncode not in (0, 1)


def test_canonical_inlines_imported_types(schemas):
    result = swift_avro("canonical", "--import", schemas / "b.avsc", schemas / "a.avsc")
    assert result.stdout.strip() == (
        '{"name":"n.A","type":"record","fields":[{"name":"b","type":{"name":"n.B","type":"fixed","size":4}}]}'
    )


@pytest.mark.parametrize(
    "algorithm,expected",
    [
        ("rabin", "8f5c393f1ad57572"),
        ("md5", "ef524ea1b91e73173d938ade36c1db32"),
        ("sha256", "3f2b87a9fe7cc9b13835598c3981cd45e3e355309e5090aa0933d7becb6fba45"),
    ],
)
def test_fingerprint_of_int(schemas, algorithm, expected):
    assert swift_avro("fingerprint", "--algorithm", algorithm, schemas / "int.avsc").stdout.strip() == expected


def test_rabin_is_the_default(schemas):
    assert swift_avro("fingerprint", schemas / "int.avsc").stdout.strip() == "8f5c393f1ad57572"


@pytest.mark.parametrize("command", ["validate", "canonical", "fingerprint"])
def test_every_command_has_help(command):
    assert "USAGE" in swift_avro(command, "--help").stdout


def test_version():
    assert re.fullmatch(r"\d+\.\d+\.\d+", swift_avro("--version").stdout.strip())
