"""Interop through a schema registry with a peer no one here wrote: Confluent's Python client (confluent-kafka's
SchemaRegistryClient, AvroSerializer, AvroDeserializer) on one side, `swift-avro encode|decode --framing confluent
--registry` and `swift-avro registry` on the other, the embedded registry in between. The values are random
(fastavro's generator on Confluent's side, `swift-avro random` on ours) over a record with every kind of field."""
import io
import json
import math
import random
import subprocess

import fastavro
import fastavro.schema
import fastavro.utils
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.serialization import MessageField, SerializationContext

from helpers import BINARY, ROOT, swift_avro

COUNT = 150

STOP = {"type": "record", "name": "Stop", "fields": [
    {"name": "city", "type": "string"},
    {"name": "eta", "type": ["null", "long"], "default": None}]}
SHIPMENT_V1 = {"type": "record", "name": "Shipment", "namespace": "com.example.logistics", "fields": [
    {"name": "id", "type": "string"},
    {"name": "timestamp", "type": "long"},
    {"name": "pieces", "type": "int"},
    {"name": "weightKg", "type": "double"},
    {"name": "fragile", "type": "boolean"},
    {"name": "label", "type": "bytes"},
    {"name": "checksum", "type": {"type": "fixed", "name": "Checksum", "size": 4}},
    {"name": "note", "type": ["null", "string"], "default": None},
    {"name": "status", "type": {"type": "enum", "name": "ShipmentStatus",
                                "symbols": ["CREATED", "IN_TRANSIT", "DELIVERED", "LOST"], "default": "CREATED"}},
    {"name": "stops", "type": {"type": "array", "items": STOP}},
    {"name": "tags", "type": {"type": "map", "values": "string"}},
    {"name": "insurance", "type": ["null", {"type": "record", "name": "Insurance", "fields": [
        {"name": "insurer", "type": "string"}, {"name": "amountCents", "type": "long"}]}], "default": None},
]}
# v2 adds optional fields with defaults: v1 readers skip them, v2 readers of v1 data get the defaults.
SHIPMENT_V2 = dict(SHIPMENT_V1, fields=SHIPMENT_V1["fields"] + [
    {"name": "carrier", "type": ["null", "string"], "default": None},
    {"name": "priority", "type": "int", "default": 0}])
V2_ONLY = {"carrier", "priority"}


def same(a, b):
    """Equality, floats compared to a relative 1e-12 (fastavro's Avro JSON reader parses a double's shortest
    text, which is exact; the tolerance only guards against printing differences)."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or math.isclose(a, b, rel_tol=1e-12) or (math.isnan(a) and math.isnan(b))
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, list) and isinstance(b, list):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b


def from_avro_json(lines, schema):
    """Native values of Avro JSON lines (as `swift-avro decode` prints them) read as `schema`."""
    return list(fastavro.json_reader(io.StringIO("\n".join(lines)), fastavro.parse_schema(schema)))


def generated(schema, count, seed):
    random.seed(seed)
    return list(fastavro.utils.generate_many(schema, count))


def decode_binary(registry, stream, *args):
    result = subprocess.run(
        [str(BINARY), "decode", "--framing", "confluent", "--registry", registry.url, *map(str, args)],
        input=stream, capture_output=True)
    assert result.returncode == 0, result.stderr.decode()
    return result.stdout.decode().splitlines()


def avro(schema):
    return Schema(json.dumps(schema), "AVRO")


def test_confluent_bytes_decode_in_swift_as_written_and_into_an_older_reader(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    context = SerializationContext("shipments", MessageField.VALUE)
    # v1 through Confluent's serializer first (it registers the schema itself), then v2.
    v1_values = generated(SHIPMENT_V1, COUNT, seed=1)
    v1_framed = [AvroSerializer(client, json.dumps(SHIPMENT_V1))(value, context) for value in v1_values]
    v2_values = generated(SHIPMENT_V2, COUNT, seed=2)
    v2_framed = [AvroSerializer(client, json.dumps(SHIPMENT_V2))(value, context) for value in v2_values]
    assert client.get_versions("shipments-value") == [1, 2]
    v1_id = client.get_version("shipments-value", 1).schema_id
    v2_id = client.get_version("shipments-value", 2).schema_id
    assert {m[1:5] for m in v1_framed} == {v1_id.to_bytes(4, "big")}
    assert {m[1:5] for m in v2_framed} == {v2_id.to_bytes(4, "big")}
    v1_file, v2_file = tmp_path / "v1.avsc", tmp_path / "v2.avsc"
    v1_file.write_text(json.dumps(SHIPMENT_V1))
    v2_file.write_text(json.dumps(SHIPMENT_V2))
    hex_lines = "".join(message.hex() + "\n" for message in v1_framed + v2_framed)
    stream = b"".join(v1_framed + v2_framed)

    # Without a reader schema: each datum as its writer wrote it, hex lines and a binary stream alike.
    printed = swift_avro("decode", "--framing", "confluent", "--registry", registry.url, "--hex",
                         input=hex_lines).stdout.splitlines()
    assert len(printed) == 2 * COUNT
    assert decode_binary(registry, stream) == printed
    assert same(from_avro_json(printed[:COUNT], SHIPMENT_V1), v1_values)
    assert same(from_avro_json(printed[COUNT:], SHIPMENT_V2), v2_values)

    # Into the older reader file: v2's new fields are dropped.
    older = swift_avro("decode", "--framing", "confluent", "--registry", registry.url, "--hex", "--schema", v1_file,
                       input=hex_lines).stdout.splitlines()
    assert decode_binary(registry, stream, "--schema", v1_file) == older
    dropped = [{k: v for k, v in value.items() if k not in V2_ONLY} for value in v2_values]
    assert same(from_avro_json(older, SHIPMENT_V1), v1_values + dropped)

    # Into v2: v1 data gets the defaults.
    newer = swift_avro("decode", "--framing", "confluent", "--registry", registry.url, "--hex", "--schema", v2_file,
                       input=hex_lines).stdout.splitlines()
    defaulted = [dict(value, carrier=None, priority=0) for value in v1_values]
    assert same(from_avro_json(newer, SHIPMENT_V2), defaulted + v2_values)


def test_swift_bytes_decode_in_confluent(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    context = SerializationContext("shipments", MessageField.VALUE)
    v1_file, v2_file = tmp_path / "v1.avsc", tmp_path / "v2.avsc"
    v1_file.write_text(json.dumps(SHIPMENT_V1))
    v2_file.write_text(json.dumps(SHIPMENT_V2))
    results = {}
    for name, file, schema, seed in (("v1", v1_file, SHIPMENT_V1, 3), ("v2", v2_file, SHIPMENT_V2, 4)):
        lines = swift_avro("random", "--schema", file, "--count", COUNT, "--seed", seed).stdout.splitlines()
        assert len(lines) == COUNT
        encoded = swift_avro("encode", "--schema", file, "--framing", "confluent", "--registry", registry.url,
                             "--topic", "shipments", "--hex", input="\n".join(lines) + "\n").stdout.split()
        results[name] = (from_avro_json(lines, schema), [bytes.fromhex(line) for line in encoded])
    latest = client.get_latest_version("shipments-value")
    assert latest.version == 2
    assert {m[1:5] for m in results["v2"][1]} == {latest.schema_id.to_bytes(4, "big")}

    # Confluent's deserializer finds our ids in the registry and reads the values we wrote.
    deserialize = AvroDeserializer(client)
    for name in ("v1", "v2"):
        values, messages = results[name]
        assert same([deserialize(message, context) for message in messages], values), name
    # …and into a reader schema of its own: v2 data read as v1.
    as_v1 = AvroDeserializer(client, json.dumps(SHIPMENT_V1))
    values, messages = results["v2"]
    dropped = [{k: v for k, v in value.items() if k not in V2_ONLY} for value in values]
    assert same([as_v1(message, context) for message in messages], dropped)


def test_swift_key_bytes_decode_in_confluent(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    key = {"type": "record", "name": "ShipmentKey", "namespace": "com.example.logistics",
           "fields": [{"name": "id", "type": "string"}, {"name": "region", "type": "int"}]}
    file = tmp_path / "shipments-key.avsc"
    file.write_text(json.dumps(key))
    values = [{"id": f"s-{n}", "region": n % 7} for n in range(COUNT)]
    encoded = swift_avro("encode", "--schema", file, "--framing", "confluent", "--registry", registry.url,
                         "--topic", "shipments", "--key", "--hex",
                         input="".join(json.dumps(v) + "\n" for v in values)).stdout.split()
    assert client.get_subjects() == ["shipments-key"]
    context = SerializationContext("shipments", MessageField.KEY)
    assert [AvroDeserializer(client)(bytes.fromhex(m), context) for m in encoded] == values


def test_schemas_registered_by_one_are_found_by_the_other(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    orders, customers = ROOT / "schemas" / "orders-value.avsc", ROOT / "schemas" / "customers-value.avsc"
    # Swift registers orders-value, whose Address comes from customers-value (sent inlined, self-contained).
    registered = swift_avro("registry", "register", "--url", registry.url, "--import", customers, orders)
    swift_id = int(registered.stdout.split(" id ")[1].split()[0])
    latest = client.get_latest_version("orders-value")
    assert (latest.schema_id, latest.version) == (swift_id, 1)
    # Confluent finds it by the same schema expanded on its side (fastavro inlines Address where first used).
    expanded = fastavro.schema.expand_schema([json.loads(customers.read_text()), json.loads(orders.read_text())])[1]
    assert fastavro.parse_schema(json.loads(latest.schema.schema_str)) == fastavro.parse_schema(expanded)
    found = client.lookup_schema("orders-value", Schema(latest.schema.schema_str, "AVRO"))
    assert (found.schema_id, found.version) == (swift_id, 1)
    assert client.get_schema(swift_id).schema_str == latest.schema.schema_str

    # Confluent registers; Swift finds it by subject and by id, and its compat check sees the live version.
    shipment_id = client.register_schema("shipments-value", avro(SHIPMENT_V1))
    by_subject = json.loads(swift_avro("registry", "get", "--url", registry.url, "--subject", "shipments-value",
                                       "--json").stdout)
    assert (by_subject["id"], by_subject["version"], by_subject["subject"]) == (shipment_id, 1, "shipments-value")
    assert json.loads(by_subject["schema"]) == SHIPMENT_V1
    by_id = swift_avro("registry", "get", "--url", registry.url, "--id", shipment_id).stdout
    assert json.loads(by_id) == SHIPMENT_V1
    v2_file = tmp_path / "v2.avsc"
    v2_file.write_text(json.dumps(SHIPMENT_V2))
    compat = swift_avro("compat", "--registry", registry.url, "--subject", "shipments-value", v2_file)
    assert compat.stdout == "compatible (BACKWARD, 1 schema(s) checked)\n"
    # Swift's register of the same schema is idempotent with Confluent's.
    v1_file = tmp_path / "shipments-value.avsc"
    v1_file.write_text(json.dumps(SHIPMENT_V1))
    again = swift_avro("registry", "register", "--url", registry.url, v1_file).stdout
    assert f"id {shipment_id} version 1" in again

    # Data framed by Confluent with its id decodes in Swift with a reader from Swift's own file.
    context = SerializationContext("shipments", MessageField.VALUE)
    values = generated(SHIPMENT_V1, 20, seed=5)
    framed = [AvroSerializer(client, json.dumps(SHIPMENT_V1), conf={"auto.register.schemas": False,
                                                                     "use.latest.version": True})(v, context)
              for v in values]
    printed = swift_avro("decode", "--framing", "confluent", "--registry", registry.url, "--hex", "--schema", v1_file,
                         input="".join(m.hex() + "\n" for m in framed)).stdout.splitlines()
    assert same(from_avro_json(printed, SHIPMENT_V1), values)
