"""decode reads its input as a stream: datums of zero bytes end (issue 12), every byte is consumed by a datum or
reported, and values come out while the input is still being written (the stream is not read whole first)."""
import select
import subprocess

import pytest

from helpers import BINARY

RECORD = '{"type": "record", "name": "R", "fields": [{"name": "id", "type": "int"}, {"name": "s", "type": "string"}]}'
EMPTY_RECORD = '{"type": "record", "name": "Empty", "fields": []}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "null.avsc").write_text('"null"')
    (tmp_path / "empty.avsc").write_text(EMPTY_RECORD)
    (tmp_path / "r.avsc").write_text(RECORD)
    return tmp_path


def decode(files, schema, data, *extra):
    return subprocess.run(
        [str(BINARY), "decode", "--schema", str(files / schema), *extra],
        input=data, capture_output=True, timeout=20,
    )


@pytest.mark.parametrize("schema", ["null.avsc", "empty.avsc"])
def test_zero_byte_datums_with_bytes_left_end_with_an_error(files, schema):
    result = decode(files, schema, b"x")
    assert result.returncode == 1
    assert "no datum consumes" in result.stderr.decode()


@pytest.mark.parametrize("schema", ["null.avsc", "empty.avsc"])
def test_zero_byte_datums_and_no_input_is_no_value(files, schema):
    result = decode(files, schema, b"")
    assert result.returncode == 0 and result.stdout == b""


def test_framed_zero_byte_datums_are_counted_by_their_headers(files):
    header = bytes.fromhex("0000000007")
    result = decode(files, "null.avsc", header * 3, "--framing", "confluent")
    assert result.returncode == 0 and result.stdout == b"null\nnull\nnull\n"


def test_hex_empty_line_is_a_zero_byte_datum(files):
    result = decode(files, "null.avsc", b"\n\r\n\n", "--hex")
    assert result.returncode == 0 and result.stdout == b"null\nnull\nnull\n"
    result = decode(files, "empty.avsc", b"\n", "--hex")
    assert result.returncode == 0 and result.stdout == b"{}\n"


def test_hex_empty_line_is_not_a_record_with_fields(files):
    result = decode(files, "r.avsc", b"0200\n\n", "--hex")
    assert result.returncode == 1 and "line 2" in result.stderr.decode()


def test_a_cut_last_datum_is_reported_after_the_good_ones(files):
    # "0200": id 1, s "". "020a61": id 1, then a string of 5 bytes of which one comes.
    result = decode(files, "r.avsc", bytes.fromhex("0200" + "020a61"))
    assert result.returncode == 1
    assert result.stdout == b'{"id":1,"s":""}\n'
    assert "line 2" in result.stderr.decode()


def test_values_come_out_while_the_input_is_still_open(files):
    process = subprocess.Popen(
        [str(BINARY), "decode", "--schema", str(files / "r.avsc")],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )
    try:
        # The first datum, and the first byte of the second: decode must print the first without waiting for EOF.
        process.stdin.write(bytes.fromhex("0204" + "6869" + "04"))
        process.stdin.flush()
        ready, _, _ = select.select([process.stdout], [], [], 10)
        assert ready, "no value printed before the end of the input: the stream is read whole first"
        assert process.stdout.readline() == b'{"id":1,"s":"hi"}\n'
        process.stdin.write(bytes.fromhex("00"))
        process.stdin.close()
        assert process.stdout.read() == b'{"id":2,"s":""}\n'
        assert process.wait(timeout=10) == 0
    finally:
        process.kill()
        process.wait()


def test_a_datum_larger_than_the_read_chunk_decodes(files):
    text = "é" * 200_000  # 400,000 bytes: several reads of standard input for one datum
    encoded = text.encode()
    length = len(encoded) * 2
    varint = bytearray()
    while True:
        byte = length & 0x7F
        length >>= 7
        varint.append(byte | (0x80 if length else 0))
        if not length:
            break
    datum = bytes([0x02]) + bytes(varint) + encoded
    result = decode(files, "r.avsc", datum * 3)
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().splitlines() == ['{"id":1,"s":"' + text + '"}'] * 3
