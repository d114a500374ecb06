"""Object container files both ways with fastavro (null, deflate, snappy, zstandard) and avro-python (null,
deflate, zstandard): files swift-avro writes read in the peers as the values they read from our binary, and
files the peers write read in swift-avro back to the same values."""
import io
import json

import avro.datafile
import avro.io
import avro.schema
import fastavro
import pytest

from helpers import CORPUS, swift_avro

SCHEMA = CORPUS / "apache__avro/share/test/schemas/interop.avsc"
CODECS = ["null", "deflate", "snappy", "zstandard"]
AVRO_PYTHON_CODECS = ["null", "deflate", "zstandard"]


@pytest.fixture(scope="module")
def values():
    lines = swift_avro("random", "--schema", SCHEMA, "--count", 300, "--seed", 5).stdout
    hex_lines = swift_avro("encode", "--schema", SCHEMA, "--hex", input=lines).stdout.split()
    parsed = fastavro.parse_schema(json.loads(SCHEMA.read_text()))
    records = [fastavro.schemaless_reader(io.BytesIO(bytes.fromhex(h)), parsed, None) for h in hex_lines]
    return lines, records, parsed


@pytest.mark.parametrize("codec", CODECS)
def test_fastavro_reads_swift_files(tmp_path, values, codec):
    lines, records, _ = values
    path = tmp_path / f"swift-{codec}.avro"
    swift_avro("write", "--schema", SCHEMA, "--codec", codec, "--block-size", 4096, path, input=lines)
    with open(path, "rb") as handle:
        reader = fastavro.reader(handle)
        assert reader.codec == codec
        assert list(reader) == records


@pytest.mark.parametrize("codec", AVRO_PYTHON_CODECS)
def test_avro_python_reads_swift_files(tmp_path, values, codec):
    lines, records, _ = values
    path = tmp_path / f"swift-{codec}.avro"
    swift_avro("write", "--schema", SCHEMA, "--codec", codec, path, input=lines)
    with avro.datafile.DataFileReader(open(path, "rb"), avro.io.DatumReader()) as reader:
        assert list(reader) == records


@pytest.mark.parametrize("codec", CODECS)
def test_swift_reads_fastavro_files(tmp_path, values, codec):
    lines, records, parsed = values
    path = tmp_path / f"fastavro-{codec}.avro"
    with open(path, "wb") as handle:
        fastavro.writer(handle, parsed, records, codec=codec, sync_interval=2000)
    assert swift_avro("cat", path).stdout == lines


@pytest.mark.parametrize("codec", AVRO_PYTHON_CODECS)
def test_swift_reads_avro_python_files(tmp_path, values, codec):
    lines, records, _ = values
    path = tmp_path / f"avro-python-{codec}.avro"
    schema = avro.schema.parse(SCHEMA.read_text())
    with avro.datafile.DataFileWriter(open(path, "wb"), avro.io.DatumWriter(), schema, codec=codec) as writer:
        for record in records:
            writer.append(record)
    # avro-python may pick another branch of an ambiguous union than the values carried; compare what
    # avro-python reads back from its own file with what we read.
    with avro.datafile.DataFileReader(open(path, "rb"), avro.io.DatumReader()) as reader:
        expected = list(reader)
    ours = swift_avro("cat", path).stdout
    again = swift_avro("encode", "--schema", SCHEMA, "--hex", input=ours).stdout.split()
    parsed = fastavro.parse_schema(json.loads(SCHEMA.read_text()))
    assert [fastavro.schemaless_reader(io.BytesIO(bytes.fromhex(h)), parsed, None) for h in again] == expected


def test_appending_keeps_one_readable_file(tmp_path, values):
    lines, records, _ = values
    path = tmp_path / "appended.avro"
    first, second = "".join(lines.splitlines(True)[:100]), "".join(lines.splitlines(True)[100:])
    swift_avro("write", "--schema", SCHEMA, "--codec", "deflate", path, input=first)
    swift_avro("write", "--schema", SCHEMA, "--append", path, input=second)
    with open(path, "rb") as handle:
        assert list(fastavro.reader(handle)) == records
