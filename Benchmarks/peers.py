"""The Python peers on the benchmark workload: fastavro and Apache Avro (Python) encode and decode the same
records swift-avro's benchmark dumped (one hex datum per line), with the schema's logical types stripped so
that every implementation handles the same generic values. Prints JSON rows like avro-bench --json."""
import io
import json
import statistics
import sys
import time

import avro.io
import avro.schema
import fastavro

schema_path, dump_path = sys.argv[1], sys.argv[2]


def strip(node):
    if isinstance(node, list):
        return [strip(item) for item in node]
    if isinstance(node, dict):
        return {key: strip(value) for key, value in node.items() if key != "logicalType"}
    return node


schema = strip(json.load(open(schema_path)))
blobs = [bytes.fromhex(line) for line in open(dump_path).read().split()]
parsed = fastavro.parse_schema(schema)
records = [fastavro.schemaless_reader(io.BytesIO(blob), parsed, None) for blob in blobs]
total = sum(map(len, blobs))


def measure(name, items, size, body, samples=5):
    body()  # warm up
    times = []
    for _ in range(samples):
        start = time.perf_counter()
        body()
        times.append(time.perf_counter() - start)
    return {"name": name, "seconds": statistics.median(times), "items": items, "bytes": size}


def fastavro_encode():
    buffer = io.BytesIO()
    for record in records:
        buffer.seek(0)
        buffer.truncate()
        fastavro.schemaless_writer(buffer, parsed, record)


def fastavro_decode():
    for blob in blobs:
        fastavro.schemaless_reader(io.BytesIO(blob), parsed, None)


avro_schema = avro.schema.parse(json.dumps(schema))
subset = max(1, len(records) // 10)
writer, reader = avro.io.DatumWriter(avro_schema), avro.io.DatumReader(avro_schema)
subset_bytes = sum(map(len, blobs[:subset]))


def avro_encode():
    for record in records[:subset]:
        writer.write(record, avro.io.BinaryEncoder(io.BytesIO()))


def avro_decode():
    for blob in blobs[:subset]:
        reader.read(avro.io.BinaryDecoder(io.BytesIO(blob)))


rows = [
    measure("fastavro encode", len(records), total, fastavro_encode),
    measure("fastavro decode", len(records), total, fastavro_decode),
    measure("avro-python encode", subset, subset_bytes, avro_encode, samples=3),
    measure("avro-python decode", subset, subset_bytes, avro_decode, samples=3),
]
print(json.dumps(rows))
