"""Logical types with the peer's own values: fastavro writes Python's uuid.UUID, decimal.Decimal, date, time and
datetime values (each inside its type's domain), swift-avro decodes and re-encodes them byte for byte, and
fastavro reads the same logical values back. Nothing is stripped from the schema the peer sees."""
import datetime
import decimal
import io
import json
import random
import uuid

import fastavro

from helpers import ROOT, swift_avro

# Every logical type on every underlying type it has (also read by the corpus codegen test's generated models).
SCHEMA = json.loads((ROOT / "Tests" / "Fixtures" / "Interop" / "logical.avsc").read_text())


def values(count, seed):
    rng = random.Random(seed)
    utc = datetime.timezone.utc
    for index in range(count):
        instant = datetime.datetime(1900, 1, 1, tzinfo=utc) + datetime.timedelta(
            microseconds=rng.randrange(0, 300 * 365 * 86400 * 10**6))
        local = instant.replace(tzinfo=None)
        yield {
            "uuid": uuid.UUID(int=rng.getrandbits(128)),
            "amount": decimal.Decimal(rng.randrange(-10**12 + 1, 10**12)).scaleb(-3),
            "fixedAmount": decimal.Decimal(rng.randrange(-10**18 + 1, 10**18)).scaleb(-2),
            "date": (instant + datetime.timedelta(days=rng.randrange(0, 200 * 365))).date(),
            "timeMillis": datetime.time(rng.randrange(24), rng.randrange(60), rng.randrange(60),
                                        rng.randrange(1000) * 1000),
            "timeMicros": datetime.time(rng.randrange(24), rng.randrange(60), rng.randrange(60), rng.randrange(10**6)),
            "timestampMillis": instant.replace(microsecond=instant.microsecond // 1000 * 1000),
            "timestampMicros": instant,
            "localMillis": local.replace(microsecond=local.microsecond // 1000 * 1000),
            "localMicros": local,
            "maybe": None if index % 2 else uuid.UUID(int=rng.getrandbits(128)),
        }


def test_fastavro_logical_values_round_trip_through_swift(tmp_path):
    schema_file = tmp_path / "logical.avsc"
    schema_file.write_text(json.dumps(SCHEMA))
    parsed = fastavro.parse_schema(SCHEMA)
    records = list(values(300, seed=5))
    blobs = []
    for record in records:
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, parsed, record)
        blobs.append(buffer.getvalue())
    decoded = swift_avro("decode", "--schema", schema_file, "--hex", input="\n".join(b.hex() for b in blobs))
    lines = decoded.stdout.splitlines()
    assert len(lines) == len(records)
    encoded = swift_avro("encode", "--schema", schema_file, "--hex", input="\n".join(lines))
    again = [bytes.fromhex(h) for h in encoded.stdout.split()]
    assert again == blobs
    assert [fastavro.schemaless_reader(io.BytesIO(b), parsed) for b in again] == records


def test_swift_values_read_as_logical_values_by_fastavro_and_back(tmp_path):
    """Swift's bytes for values made from fastavro's logical values, read by fastavro as those values."""
    schema_file = tmp_path / "logical.avsc"
    schema_file.write_text(json.dumps(SCHEMA))
    parsed = fastavro.parse_schema(SCHEMA)
    records = list(values(200, seed=9))
    # The Avro JSON encoding fastavro's json_writer produces (logical values as their underlying types).
    text = io.StringIO()
    fastavro.json_writer(text, parsed, records)
    encoded = swift_avro("encode", "--schema", schema_file, "--hex", input=text.getvalue())
    ours = [bytes.fromhex(h) for h in encoded.stdout.split()]
    assert [fastavro.schemaless_reader(io.BytesIO(b), parsed) for b in ours] == records
