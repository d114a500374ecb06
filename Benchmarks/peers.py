"""The Python peers on the benchmark workload: fastavro, Apache Avro (Python) and Confluent's Python serializers
(confluent-kafka, fastavro inside) run the operations they support on the same records avro-bench dumped (one hex
datum per line: DUMP for the current schema, DUMP.older for the older writer, whose schema is DUMP.older.avsc), as
an application would: each record decoded from its own bytes into a value that is kept, each kept value encoded into
a fresh buffer, best of several rounds (the cyclic garbage collector paused while timing). The schemas' logical types are stripped, so that every implementation
handles the same generic values (strings, longs, bytes). Prints JSON rows like avro-bench --json.

usage: peers.py SHARED DUMP [--rounds N] [--slow-rounds N]
"""
import gc
import io
import json
import sys
import time

import avro.datafile
import avro.io
import avro.schema
import fastavro
import fastavro.schema
from confluent_kafka.schema_registry import SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

shared, dump_path = sys.argv[1], sys.argv[2]
options = dict(zip(sys.argv[3::2], sys.argv[4::2]))
ROUNDS = int(options.get("--rounds", 5))
# avro-python and Confluent's serializer take seconds per pass over 100,000 records.
SLOW_ROUNDS = int(options.get("--slow-rounds", 2))
BLOCK = 64 * 1024  # container block size, as avro-bench's


def strip(node):
    if isinstance(node, list):
        return [strip(item) for item in node]
    if isinstance(node, dict):
        return {key: strip(value) for key, value in node.items() if key != "logicalType"}
    return node


def hex_lines(path):
    return [bytes.fromhex(line) for line in open(path).read().split()]


schema = strip(json.load(open(f"{shared}/bench/order.avsc")))
older_schema = strip(json.load(open(dump_path + ".older.avsc")))
blobs, older_blobs = hex_lines(dump_path), hex_lines(dump_path + ".older")
total, older_total = sum(map(len, blobs)), sum(map(len, older_blobs))
count = len(blobs)
parsed = fastavro.parse_schema(schema)
older_parsed = fastavro.parse_schema(older_schema)
records = [fastavro.schemaless_reader(io.BytesIO(blob), parsed, None) for blob in blobs]

rows = []


def measure(operation, implementation, items, size, body, rounds=ROUNDS, warm_up=True):
    """Best of `rounds` passes; each pass's result is kept until the next one has been timed. The cyclic garbage
    collector is paused during a pass, as timeit does: keeping 100,000 decoded records would otherwise trigger
    collections that slow the peers down."""
    kept = body() if warm_up else None
    best = float("inf")
    for _ in range(rounds):
        gc.collect()
        gc.disable()
        try:
            start = time.perf_counter()
            result = body()
            best = min(best, time.perf_counter() - start)
        finally:
            gc.enable()
        kept = result
    del kept
    gc.collect()
    rows.append({"operation": operation, "implementation": implementation, "seconds": best, "items": items,
                 "bytes": size})
    print(f"peers: {operation}, {implementation}: {items / best:,.0f} records/s", file=sys.stderr)


# fastavro
def fastavro_encode():
    encoded = []
    for record in records:
        buffer = io.BytesIO()
        fastavro.schemaless_writer(buffer, parsed, record)
        encoded.append(buffer.getvalue())
    return encoded


assert fastavro_encode() == blobs, "fastavro encodes the workload differently"
measure("encode", "fastavro", count, total, fastavro_encode)
measure("decode", "fastavro", count, total,
        lambda: [fastavro.schemaless_reader(io.BytesIO(blob), parsed, None) for blob in blobs])
resolved = [fastavro.schemaless_reader(io.BytesIO(blob), older_parsed, parsed) for blob in older_blobs[:1]]
assert resolved[0] == records[0], "fastavro resolves differently"
measure("resolving decode (older writer)", "fastavro", count, older_total,
        lambda: [fastavro.schemaless_reader(io.BytesIO(blob), older_parsed, parsed) for blob in older_blobs])
for codec in ("deflate", "zstandard"):
    def fastavro_write(codec=codec):
        buffer = io.BytesIO()
        fastavro.writer(buffer, parsed, records, codec=codec, sync_interval=BLOCK)
        return buffer.getvalue()

    measure(f"container write ({codec})", "fastavro", count, total, fastavro_write)
    data = fastavro_write()
    assert list(fastavro.reader(io.BytesIO(data))) == records
    measure(f"container read ({codec})", "fastavro", count, total,
            lambda data=data: list(fastavro.reader(io.BytesIO(data))))

large = open(f"{shared}/corpus/apache__avro/lang/c++/jsonschemas/large_schema.avsc").read()
large_size = len(large.encode())
measure("parse largest schema", "fastavro", 1, large_size,
        lambda: fastavro.parse_schema(json.loads(large)), rounds=max(ROUNDS, 10))
measure("parse largest schema + canonical form", "fastavro", 1, large_size,
        lambda: fastavro.schema.to_parsing_canonical_form(fastavro.parse_schema(json.loads(large))),
        rounds=max(ROUNDS, 10))

# Apache Avro (Python)
avro_schema = avro.schema.parse(json.dumps(schema))
avro_older = avro.schema.parse(json.dumps(older_schema))
datum_writer = avro.io.DatumWriter(avro_schema)
datum_reader = avro.io.DatumReader(avro_schema)
resolving_reader = avro.io.DatumReader(avro_older, avro_schema)


def avro_encode():
    encoded = []
    for record in records:
        buffer = io.BytesIO()
        datum_writer.write(record, avro.io.BinaryEncoder(buffer))
        encoded.append(buffer.getvalue())
    return encoded


assert avro_encode()[:100] == blobs[:100], "avro-python encodes the workload differently"
measure("encode", "avro-python", count, total, avro_encode, rounds=SLOW_ROUNDS, warm_up=False)
measure("decode", "avro-python", count, total,
        lambda: [datum_reader.read(avro.io.BinaryDecoder(io.BytesIO(blob))) for blob in blobs],
        rounds=SLOW_ROUNDS, warm_up=False)
assert resolving_reader.read(avro.io.BinaryDecoder(io.BytesIO(older_blobs[0]))) == records[0]
measure("resolving decode (older writer)", "avro-python", count, older_total,
        lambda: [resolving_reader.read(avro.io.BinaryDecoder(io.BytesIO(blob))) for blob in older_blobs],
        rounds=SLOW_ROUNDS, warm_up=False)
avro.datafile.SYNC_INTERVAL = BLOCK
for codec in ("deflate", "zstandard"):
    def avro_write(codec=codec):
        buffer = io.BytesIO()
        writer = avro.datafile.DataFileWriter(buffer, avro.io.DatumWriter(), avro_schema, codec=codec)
        for record in records:
            writer.append(record)
        writer.flush()
        return buffer.getvalue()

    def avro_read(data):
        return list(avro.datafile.DataFileReader(io.BytesIO(data), avro.io.DatumReader()))

    measure(f"container write ({codec})", "avro-python", count, total, avro_write, rounds=SLOW_ROUNDS,
            warm_up=False)
    data = avro_write()
    assert avro_read(data)[:100] == records[:100]
    measure(f"container read ({codec})", "avro-python", count, total, lambda data=data: avro_read(data),
            rounds=SLOW_ROUNDS, warm_up=False)
measure("parse largest schema", "avro-python", 1, large_size, lambda: avro.schema.parse(large),
        rounds=max(ROUNDS, 10))
measure("parse largest schema + canonical form", "avro-python", 1, large_size,
        lambda: avro.schema.parse(large).canonical_form, rounds=max(ROUNDS, 10))

# Confluent's serializer and deserializer (fastavro inside) on its in-memory registry, caches warmed.
client = SchemaRegistryClient.new_client({"url": "mock://avro-bench"})
context = SerializationContext("orders", MessageField.VALUE)
serializer = AvroSerializer(client, json.dumps(schema), conf={"auto.register.schemas": True})
framed_total = total + 5 * count


def confluent_serialize(serializer=serializer, records=records):
    return [serializer(record, context) for record in records]


messages = confluent_serialize()
assert messages[0][5:] == blobs[0]
measure("registry serialize", "confluent-kafka", count, framed_total, confluent_serialize, rounds=SLOW_ROUNDS)
deserializer = AvroDeserializer(client)
assert deserializer(messages[0], context) == records[0]
measure("registry deserialize", "confluent-kafka", count, framed_total,
        lambda: [deserializer(message, context) for message in messages], rounds=SLOW_ROUNDS)
# A newer writer (v2: a new optional field first, the last field moved to the front), read as the current schema.
newer_schema = dict(schema)
fields = list(schema["fields"])
fields.insert(0, fields.pop())
newer_schema["fields"] = [{"name": "channel", "type": ["null", "string"], "default": None}] + fields
newer_serializer = AvroSerializer(client, json.dumps(newer_schema), conf={"auto.register.schemas": True})
newer_messages = confluent_serialize(newer_serializer, [dict(record, channel=None) for record in records])
newer_total = sum(map(len, newer_messages))
resolving_deserializer = AvroDeserializer(client, json.dumps(schema))
assert resolving_deserializer(newer_messages[0], context) == records[0]
measure("registry deserialize (newer writer)", "confluent-kafka", count, newer_total,
        lambda: [resolving_deserializer(message, context) for message in newer_messages], rounds=SLOW_ROUNDS)

print(json.dumps(rows))
