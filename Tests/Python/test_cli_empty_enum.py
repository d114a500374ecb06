"""An enum without symbols (Apache Avro Java accepts it, so swift-avro does): every command handles it without
trapping (issue 12). No value of it exists: random and encode say so, decode rejects every index, generate
writes a type that cannot be created."""
import subprocess

import pytest

from helpers import BINARY, swift_avro

EMPTY = '{"type": "enum", "name": "E", "namespace": "n", "symbols": []}'
HOLDER = '{"type": "record", "name": "R", "namespace": "n", "fields": [{"name": "e", "type": ["null", "E"], "default": null}, {"name": "all", "type": {"type": "array", "items": "E"}}]}'
REQUIRED = '{"type": "record", "name": "Q", "namespace": "n", "fields": [{"name": "e", "type": "E"}]}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "e.avsc").write_text(EMPTY)
    (tmp_path / "r.avsc").write_text(HOLDER)
    (tmp_path / "q.avsc").write_text(REQUIRED)
    (tmp_path / "one.avsc").write_text('{"type": "enum", "name": "E", "namespace": "n", "symbols": ["A"]}')
    return tmp_path


def run(*args, input=None):
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, input=input, timeout=60)
    assert result.returncode >= 0, f"swift-avro {' '.join(map(str, args))} crashed: {result.stderr}"
    return result


def test_an_empty_enum_is_a_valid_schema(files):
    assert run("validate", files / "e.avsc").returncode == 0
    assert run("canonical", files / "e.avsc").stdout == '{"name":"n.E","type":"enum","symbols":[]}\n'
    assert run("fingerprint", files / "e.avsc").returncode == 0
    assert run("lint", files / "e.avsc").returncode in (0, 1)


def test_random_of_an_empty_enum_is_an_error(files):
    result = run("random", "--schema", files / "e.avsc")
    assert result.returncode == 1 and "no symbols" in result.stderr
    result = run("random", "--schema", files / "q.avsc", "--import", files / "e.avsc")
    assert result.returncode == 1 and "no symbols" in result.stderr and "at e" in result.stderr


def test_random_avoids_an_empty_enum_where_it_can(files):
    result = run("random", "--schema", files / "r.avsc", "--import", files / "e.avsc", "--count", "20")
    assert result.returncode == 0
    assert result.stdout.splitlines() == ['{"e":null,"all":[]}'] * 20


def test_encode_and_decode_reject_values_of_an_empty_enum(files):
    result = run("encode", "--schema", files / "e.avsc", "--hex", input='"A"\n')
    assert result.returncode == 1
    result = run("decode", "--schema", files / "e.avsc", "--hex", input="00\n")
    assert result.returncode == 1 and "out of range" in result.stderr


def test_compat_with_an_empty_enum(files):
    # Reading data of an enum with symbols as one without them fails on every datum.
    assert run("compat", files / "e.avsc", "--against", files / "one.avsc").returncode == 1
    assert run("compat", files / "one.avsc", "--against", files / "e.avsc").returncode == 0


def test_generate_writes_a_type_without_values(files, tmp_path):
    out = tmp_path / "out"
    result = run("generate", "--output", out, files / "e.avsc", files / "r.avsc")
    assert result.returncode == 0, result.stderr
    text = (out / "E.swift").read_text()
    assert "struct E:" in text and "private init() {}" in text and "static var allCases: [E] { [] }" in text


def test_random_rejects_a_negative_count(files):
    result = run("random", "--schema", files / "one.avsc", "--count=-1")
    assert result.returncode == 2 and "--count" in result.stderr
