"""The CLI contract of encode, decode, cat and write: framings, resolution, and errors that name the line and
the path inside the value."""
import pytest

from helpers import swift_avro

SCHEMA = '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "int"}, {"name": "tags", "type": {"type": "array", "items": "string"}}]}'
READER = '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "long"}, {"name": "note", "type": "string", "default": "-"}]}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "r.avsc").write_text(SCHEMA)
    (tmp_path / "reader.avsc").write_text(READER)
    return tmp_path


def test_encode_hex_and_binary(files):
    lines = '{"id": 1, "tags": ["a"]}\n{"id": -1, "tags": []}\n'
    assert swift_avro("encode", "--schema", files / "r.avsc", "--hex", input=lines).stdout == "0202026100\n0100\n"


@pytest.mark.parametrize(
    "framing,extra,prefix",
    [("single-object", [], "c301"), ("confluent", ["--schema-id", "7"], "0000000007")],
)
def test_framings_round_trip(files, framing, extra, prefix):
    line = '{"id": 5, "tags": []}\n'
    encoded = swift_avro("encode", "--schema", files / "r.avsc", "--hex", "--framing", framing, *extra, input=line).stdout
    assert encoded.startswith(prefix)
    decoded = swift_avro("decode", "--schema", files / "r.avsc", "--hex", "--framing", framing, *extra, input=encoded)
    assert decoded.stdout == '{"id":5,"tags":[]}\n'


def test_single_object_with_another_schema_is_an_unknown_fingerprint(files):
    encoded = swift_avro("encode", "--schema", files / "r.avsc", "--hex", "--framing", "single-object", input='{"id": 5, "tags": []}').stdout
    result = swift_avro("decode", "--schema", files / "reader.avsc", "--hex", "--framing", "single-object", input=encoded, check=False)
    assert result.returncode == 1 and "line 1" in result.stderr and "fingerprint" in result.stderr


def test_decode_resolves_with_a_writer_schema(files):
    result = swift_avro("decode", "--schema", files / "reader.avsc", "--writer-schema", files / "r.avsc", "--hex", input="0202026100\n")
    assert result.stdout == '{"id":1,"note":"-"}\n'


def test_binary_stream_of_datums(files):
    result = swift_avro("decode", "--schema", files / "r.avsc", input="")
    assert result.stdout == ""
    import subprocess
    from helpers import BINARY
    data = bytes.fromhex("0202026100" + "0100")
    out = subprocess.run([str(BINARY), "decode", "--schema", str(files / "r.avsc")], input=data, capture_output=True)
    assert out.stdout.decode() == '{"id":1,"tags":["a"]}\n{"id":-1,"tags":[]}\n'


def test_encode_errors_name_line_and_path(files):
    lines = '{"id": 1, "tags": []}\n{"id": 2, "tags": ["a", 3]}\n'
    result = swift_avro("encode", "--schema", files / "r.avsc", "--hex", input=lines, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert "line 2" in result.stderr and "tags[1]" in result.stderr


def test_decode_errors_name_line(files):
    result = swift_avro("decode", "--schema", files / "r.avsc", "--hex", input="0100\n0202\n", check=False)
    assert result.returncode == 1 and "line 2" in result.stderr and "tags" in result.stderr


def test_write_and_cat(files):
    path = files / "out.avro"
    lines = '{"id": 1, "tags": ["x"]}\n{"id": 2, "tags": []}\n'
    swift_avro("write", "--schema", files / "r.avsc", "--codec", "zstandard", path, input=lines)
    assert swift_avro("cat", path).stdout == '{"id":1,"tags":["x"]}\n{"id":2,"tags":[]}\n'
    assert swift_avro("cat", path, "--schema", files / "reader.avsc").stdout == '{"id":1,"note":"-"}\n{"id":2,"note":"-"}\n'


def test_write_leaves_no_file_on_bad_input(files):
    path = files / "bad.avro"
    result = swift_avro("write", "--schema", files / "r.avsc", path, input='{"id": 1, "tags": []}\n{"id": "x"}\n', check=False)
    assert result.returncode == 1 and "line 2" in result.stderr
    assert not path.exists()
    assert list(files.glob("bad.avro*")) == []


@pytest.mark.parametrize("command", ["encode", "decode", "cat", "write", "random"])
def test_help(command):
    assert "USAGE" in swift_avro(command, "--help").stdout
