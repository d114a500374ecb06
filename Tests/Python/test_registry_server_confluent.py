"""Interop with a client no one here wrote: Confluent's Python client (confluent-kafka from PyPI) against the
embedded registry — register, look up, evolve, check compatibility, delete, configure, and serialize and
deserialize through the registry, with the bytes crossing to and from the swift-avro CLI."""
import json

import pytest
from confluent_kafka.schema_registry import Schema, SchemaRegistryClient
from confluent_kafka.schema_registry.avro import AvroDeserializer, AvroSerializer
from confluent_kafka.schema_registry.error import SchemaRegistryError
from confluent_kafka.serialization import MessageField, SerializationContext

from helpers import swift_avro

ORDER_V1 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"}]}
ORDER_V2 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"},
                       {"name": "note", "type": ["null", "string"], "default": None}]}
ORDER_BAD = {"type": "record", "name": "Order", "namespace": "shop",
             "fields": [{"name": "id", "type": "string"}, {"name": "currency", "type": "string"}]}


def avro(schema):
    return Schema(json.dumps(schema), "AVRO")


def test_schema_registry_client(registry):
    client = SchemaRegistryClient({"url": registry.url})
    first = client.register_schema("orders-value", avro(ORDER_V1))
    assert first == 1
    assert json.loads(client.get_schema(first).schema_str) == ORDER_V1
    assert client.get_subjects() == ["orders-value"]
    assert client.test_compatibility("orders-value", avro(ORDER_V2)) is True
    assert client.test_compatibility("orders-value", avro(ORDER_BAD)) is False
    second = client.register_schema("orders-value", avro(ORDER_V2))
    assert second == 2
    latest = client.get_latest_version("orders-value")
    assert (latest.schema_id, latest.subject, latest.version) == (2, "orders-value", 2)
    assert client.get_version("orders-value", 1).schema_id == 1
    assert client.get_versions("orders-value") == [1, 2]
    found = client.lookup_schema("orders-value", avro(ORDER_V1))
    assert (found.schema_id, found.version) == (1, 1)
    with pytest.raises(SchemaRegistryError) as refused:
        client.register_schema("orders-value", avro(ORDER_BAD))
    assert refused.value.http_status_code == 409
    assert refused.value.error_code == 409

    assert client.set_compatibility("orders-value", "FULL")["compatibility"] == "FULL"
    assert client.get_compatibility("orders-value") == "FULL"
    assert client.set_compatibility(level="FORWARD")["compatibility"] == "FORWARD"
    assert client.get_compatibility() == "FORWARD"

    assert client.delete_version("orders-value", 1) == 1
    assert client.get_versions("orders-value") == [2]
    assert client.delete_subject("orders-value") == [2]
    assert client.delete_subject("orders-value", permanent=True) == [1, 2]
    # (The client caches what it read; the server's answer now:)
    assert registry.request("GET", "/subjects/orders-value/versions/latest")[1]["error_code"] == 40401


def test_serializer_and_deserializer_across_to_swift(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    context = SerializationContext("orders", MessageField.VALUE)
    serializer = AvroSerializer(client, json.dumps(ORDER_V1))
    order = {"id": "o-1", "total": 1250}
    framed = serializer(order, context)
    assert framed[0] == 0
    schema_id = int.from_bytes(framed[1:5], "big")
    assert registry.request("GET", "/subjects/orders-value/versions/latest")[1]["id"] == schema_id

    # Confluent's bytes decode in Swift with the writer schema served by the embedded registry.
    writer = tmp_path / "writer.avsc"
    writer.write_text(registry.request("GET", f"/schemas/ids/{schema_id}")[1]["schema"])
    decoded = swift_avro("decode", "--schema", writer, "--framing", "confluent", "--schema-id", schema_id, "--hex",
                         input=framed.hex() + "\n")
    assert json.loads(decoded.stdout) == order

    # Swift's bytes, framed with the id the registry gave v2, decode with Confluent's deserializer into v1 and v2.
    v2_id = client.register_schema("orders-value", avro(ORDER_V2))
    v2_file = tmp_path / "v2.avsc"
    v2_file.write_text(json.dumps(ORDER_V2))
    value = {"id": "o-2", "total": 99, "note": {"string": "gift"}}
    encoded = swift_avro("encode", "--schema", v2_file, "--framing", "confluent", "--schema-id", v2_id, "--hex",
                         input=json.dumps(value) + "\n")
    swift_bytes = bytes.fromhex(encoded.stdout.strip())
    assert swift_bytes[:5] == b"\x00" + v2_id.to_bytes(4, "big")
    assert AvroDeserializer(client)(swift_bytes, context) == {"id": "o-2", "total": 99, "note": "gift"}
    assert AvroDeserializer(client, json.dumps(ORDER_V1))(swift_bytes, context) == {"id": "o-2", "total": 99}


def test_registered_by_one_found_by_the_other(registry, tmp_path):
    client = SchemaRegistryClient({"url": registry.url})
    # Registered over raw HTTP (as the swift-avro side does), found by Confluent's client…
    registry.request("POST", "/subjects/payments-value/versions", {"schema": json.dumps(ORDER_V1)})
    assert client.lookup_schema("payments-value", avro(ORDER_V1)).schema_id == 1
    # …and registered by Confluent's client, found over raw HTTP.
    schema_id = client.register_schema("refunds-value", avro(ORDER_V2))
    status, body, _ = registry.request("POST", "/subjects/refunds-value", {"schema": json.dumps(ORDER_V2)})
    assert status == 200 and body["id"] == schema_id
