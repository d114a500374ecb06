"""The embedded registry's REST API with raw HTTP: every endpoint and error code, shaped as Confluent's."""
import json

ORDER_V1 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"}]}
ORDER_V2 = {"type": "record", "name": "Order", "namespace": "shop",
            "fields": [{"name": "id", "type": "string"},
                       {"name": "note", "type": ["null", "string"], "default": None}]}
ORDER_REQUIRED = {"type": "record", "name": "Order", "namespace": "shop",
                  "fields": [{"name": "id", "type": "string"}, {"name": "total", "type": "long"}]}


def schema_body(schema, **extra):
    return {"schema": json.dumps(schema), **extra}


def register(registry, subject, schema, **extra):
    return registry.request("POST", f"/subjects/{subject}/versions", schema_body(schema, **extra))


def assert_error(response, status, code):
    got_status, body, headers = response
    assert got_status == status, body
    assert set(body) == {"error_code", "message"}, body
    assert body["error_code"] == code, body
    assert isinstance(body["message"], str) and body["message"]
    assert headers["Content-Type"] == "application/vnd.schemaregistry.v1+json"


def test_register_read_and_list(registry):
    status, body, headers = register(registry, "orders-value", ORDER_V1)
    assert (status, body) == (200, {"id": 1})
    assert headers["Content-Type"] == "application/vnd.schemaregistry.v1+json"
    # Same schema, other whitespace: same id, no new version; under another subject: same id.
    assert registry.request("POST", "/subjects/orders-value/versions",
                            {"schema": json.dumps(ORDER_V1, indent=2)})[1] == {"id": 1}
    assert register(registry, "archive-value", ORDER_V1)[1] == {"id": 1}
    assert register(registry, "orders-value", ORDER_V2)[1] == {"id": 2}

    status, body, _ = registry.request("GET", "/schemas/ids/1")
    assert status == 200 and set(body) == {"schema"}
    assert json.loads(body["schema"]) == ORDER_V1
    assert registry.request("GET", "/schemas/ids/1/schema")[1] == ORDER_V1
    assert registry.request("GET", "/schemas/ids/1/versions")[1] == [
        {"subject": "archive-value", "version": 1}, {"subject": "orders-value", "version": 1}]
    assert registry.request("GET", "/schemas/ids/1/subjects")[1] == ["archive-value", "orders-value"]
    assert registry.request("GET", "/schemas/types")[1] == ["AVRO"]
    assert registry.request("GET", "/contexts")[1] == ["."]
    assert registry.request("GET", "/")[1] == {}
    assert_error(registry.request("GET", "/schemas/ids/99"), 404, 40403)

    assert registry.request("GET", "/subjects")[1] == ["archive-value", "orders-value"]
    assert registry.request("GET", "/subjects?subjectPrefix=ord")[1] == ["orders-value"]
    assert registry.request("GET", "/subjects/orders-value/versions")[1] == [1, 2]
    for version in ("2", "latest", "-1"):
        status, body, _ = registry.request("GET", f"/subjects/orders-value/versions/{version}")
        assert status == 200
        assert {k: body[k] for k in ("subject", "version", "id")} == {"subject": "orders-value", "version": 2, "id": 2}
        assert set(body) == {"subject", "version", "id", "schema"}
        assert json.loads(body["schema"]) == ORDER_V2
    assert registry.request("GET", "/subjects/orders-value/versions/1/schema")[1] == ORDER_V1
    assert registry.request("GET", "/subjects/orders-value/versions/1/referencedby")[1] == []
    all_schemas = registry.request("GET", "/schemas")[1]
    assert [(s["subject"], s["version"], s["id"]) for s in all_schemas] == [
        ("archive-value", 1, 1), ("orders-value", 1, 1), ("orders-value", 2, 2)]
    latest = registry.request("GET", "/schemas?latestOnly=true&subjectPrefix=orders")[1]
    assert [(s["subject"], s["version"]) for s in latest] == [("orders-value", 2)]

    assert_error(registry.request("GET", "/subjects/nobody/versions"), 404, 40401)
    assert_error(registry.request("GET", "/subjects/orders-value/versions/9"), 404, 40402)
    for bad in ("0", "x", "-2", "2147483648"):
        assert_error(registry.request("GET", f"/subjects/orders-value/versions/{bad}"), 422, 42202)


def test_lookup(registry):
    register(registry, "orders-value", ORDER_V1)
    status, body, _ = registry.request("POST", "/subjects/orders-value", schema_body(ORDER_V1))
    assert status == 200
    assert (body["subject"], body["version"], body["id"]) == ("orders-value", 1, 1)
    assert json.loads(body["schema"]) == ORDER_V1
    assert_error(registry.request("POST", "/subjects/orders-value", schema_body(ORDER_V2)), 404, 40403)
    assert_error(registry.request("POST", "/subjects/nobody", schema_body(ORDER_V1)), 404, 40401)
    registry.request("DELETE", "/subjects/orders-value")
    assert_error(registry.request("POST", "/subjects/orders-value", schema_body(ORDER_V1)), 404, 40401)
    assert registry.request("POST", "/subjects/orders-value?deleted=true", schema_body(ORDER_V1))[1]["id"] == 1


def test_compatibility_on_register_and_on_request(registry):
    register(registry, "orders-value", ORDER_V1)
    response = register(registry, "orders-value", ORDER_REQUIRED)
    assert_error(response, 409, 409)
    assert "READER_FIELD_MISSING_DEFAULT_VALUE" in response[1]["message"]

    path = "/compatibility/subjects/orders-value/versions"
    assert registry.request("POST", path + "/latest", schema_body(ORDER_V2))[1] == {"is_compatible": True}
    assert registry.request("POST", path, schema_body(ORDER_V2))[1] == {"is_compatible": True}
    assert registry.request("POST", path + "/1", schema_body(ORDER_REQUIRED))[1] == {"is_compatible": False}
    status, body, _ = registry.request("POST", path + "?verbose=true", schema_body(ORDER_REQUIRED))
    assert status == 200 and body["is_compatible"] is False
    assert any("READER_FIELD_MISSING_DEFAULT_VALUE" in m for m in body["messages"])
    assert "{oldSchemaVersion: 1}" in body["messages"]
    assert body["messages"][-1] == "{validateFields: 'false', compatibility: 'BACKWARD'}"
    assert registry.request("POST", path + "?verbose=true", schema_body(ORDER_V2))[1] == {
        "is_compatible": True, "messages": []}
    assert_error(registry.request("POST", path + "/7", schema_body(ORDER_V2)), 404, 40402)
    # As Confluent's registry: a numbered version of an unknown subject is 40402; `latest` of one is compatible.
    assert_error(registry.request("POST", "/compatibility/subjects/nobody/versions/1", schema_body(ORDER_V2)),
                 404, 40402)
    assert registry.request("POST", "/compatibility/subjects/nobody/versions/latest", schema_body(ORDER_V2))[1] == {
        "is_compatible": True}
    assert_error(registry.request("POST", path + "/latest", {"schema": "{\"type\": \"nope\"}"}), 422, 42201)
    status, body, _ = registry.request("POST", path + "/latest?verbose=true", {"schema": "{\"type\": \"nope\"}"})
    assert status == 200 and body["is_compatible"] is False and body["messages"][0].startswith("Invalid schema")

    registry.request("PUT", "/config/orders-value", {"compatibility": "NONE"})
    assert register(registry, "orders-value", ORDER_REQUIRED)[1] == {"id": 2}


def test_invalid_schemas_and_bodies(registry):
    status, body, _ = registry.request(
        "POST", "/subjects/s/versions",
        {"schema": '{"type": "record", "name": "R",\n "fields": [{"name": "a", "type": "nope"}]}'})
    assert_error((status, body, _), 422, 42201)
    # The parser's location, without a file name.
    assert body["message"].startswith("Invalid schema 2:"), body
    assert ".avsc" not in body["message"]
    # As Confluent's registry: malformed JSON and wrong types are 400, an empty body 422, a missing schema with
    # no earlier version "Empty schema".
    assert_error(registry.request("POST", "/subjects/s/versions", raw=b"{not json"), 400, 400)
    assert_error(registry.request("POST", "/subjects/s/versions", {"schema": 5}), 400, 400)
    assert_error(registry.request("POST", "/subjects/s/versions", raw=b""), 422, 422)
    status, body, headers = registry.request("POST", "/subjects/s/versions", {"schemaa": "x"})
    assert_error((status, body, headers), 422, 42201)
    assert body["message"] == "Empty schema"
    assert_error(registry.request("POST", "/subjects/s/versions", schema_body(ORDER_V1, schemaType="PROTOBUF")),
                 422, 42201)
    # Unknown request fields are tolerated.
    assert register(registry, "s", ORDER_V1, somethingNew=[1, 2])[1] == {"id": 1}
    assert_error(registry.request("GET", "/no/such/route"), 404, 404)


def test_deletes(registry):
    register(registry, "orders-value", ORDER_V1)
    register(registry, "orders-value", ORDER_V2)
    assert_error(registry.request("DELETE", "/subjects/orders-value/versions/1?permanent=true"), 404, 40407)
    assert registry.request("DELETE", "/subjects/orders-value/versions/1")[1] == 1
    assert_error(registry.request("DELETE", "/subjects/orders-value/versions/1"), 404, 40406)
    assert_error(registry.request("DELETE", "/subjects/orders-value/versions/7"), 404, 40402)
    assert registry.request("GET", "/subjects/orders-value/versions?deleted=true")[1] == [1, 2]
    assert registry.request("GET", "/subjects/orders-value/versions/1?deleted=true")[1]["id"] == 1
    assert registry.request("DELETE", "/subjects/orders-value/versions/1?permanent=true")[1] == 1
    assert_error(registry.request("DELETE", "/subjects/orders-value?permanent=true"), 404, 40405)
    assert registry.request("DELETE", "/subjects/orders-value")[1] == [2]
    assert_error(registry.request("DELETE", "/subjects/orders-value"), 404, 40404)
    assert registry.request("GET", "/subjects")[1] == []
    assert registry.request("GET", "/subjects?deleted=true")[1] == ["orders-value"]
    assert registry.request("DELETE", "/subjects/orders-value?permanent=true")[1] == [2]
    assert_error(registry.request("DELETE", "/subjects/orders-value"), 404, 40401)
    assert_error(registry.request("GET", "/schemas/ids/1"), 404, 40403)
    # Versions keep counting after a soft delete.
    register(registry, "x-value", ORDER_V1)
    registry.request("DELETE", "/subjects/x-value/versions/1")
    register(registry, "x-value", ORDER_V1)
    assert registry.request("GET", "/subjects/x-value/versions")[1] == [2]


def test_references(registry):
    address = {"type": "record", "name": "Address", "namespace": "shop",
               "fields": [{"name": "city", "type": "string"}]}
    customer = {"type": "record", "name": "Customer", "namespace": "shop",
                "fields": [{"name": "home", "type": "shop.Address"}]}
    assert register(registry, "address", address)[1] == {"id": 1}
    reference = {"name": "shop.Address", "subject": "address", "version": 1}
    assert register(registry, "customers-value", customer, references=[reference])[1] == {"id": 2}
    status, body, _ = registry.request("GET", "/schemas/ids/2")
    assert body["references"] == [reference]
    assert "city" not in body["schema"]
    assert registry.request("GET", "/subjects/customers-value/versions/1")[1]["references"] == [reference]
    assert registry.request("GET", "/subjects/address/versions/1/referencedby")[1] == [2]
    assert_error(registry.request("DELETE", "/subjects/address/versions/1"), 422, 42206)
    assert_error(registry.request("DELETE", "/subjects/address"), 422, 42206)
    assert_error(register(registry, "customers-value", customer), 422, 42201)
    missing = {"name": "shop.Address", "subject": "address", "version": 5}
    assert_error(register(registry, "other-value", customer, references=[missing]), 422, 42201)


def test_config(registry):
    assert registry.request("GET", "/config")[1] == {"compatibilityLevel": "BACKWARD"}
    assert_error(registry.request("GET", "/config/s"), 404, 40408)
    assert registry.request("GET", "/config/s?defaultToGlobal=true")[1] == {"compatibilityLevel": "BACKWARD"}
    assert registry.request("PUT", "/config/s", {"compatibility": "FULL_TRANSITIVE"})[1] == {
        "compatibility": "FULL_TRANSITIVE"}
    assert registry.request("GET", "/config/s")[1] == {"compatibilityLevel": "FULL_TRANSITIVE"}
    assert registry.request("PUT", "/config", {"compatibility": "forward"})[1] == {"compatibility": "FORWARD"}
    assert registry.request("GET", "/config")[1] == {"compatibilityLevel": "FORWARD"}
    assert_error(registry.request("PUT", "/config", {"compatibility": "SIDEWAYS"}), 422, 42203)
    assert registry.request("DELETE", "/config/s")[1] == {"compatibilityLevel": "FULL_TRANSITIVE"}
    # As Confluent's registry: deleting a level that is not set is "subject not found".
    assert_error(registry.request("DELETE", "/config/s"), 404, 40401)
    assert registry.request("DELETE", "/config")[1] == {"compatibilityLevel": "FORWARD"}
    assert registry.request("GET", "/config")[1] == {"compatibilityLevel": "BACKWARD"}


def test_mode(registry):
    assert registry.request("GET", "/mode")[1] == {"mode": "READWRITE"}
    assert_error(registry.request("GET", "/mode/s"), 404, 40409)
    assert registry.request("GET", "/mode/s?defaultToGlobal=true")[1] == {"mode": "READWRITE"}
    assert registry.request("PUT", "/mode/s", {"mode": "READONLY"})[1] == {"mode": "READONLY"}
    assert_error(register(registry, "s", ORDER_V1), 422, 42205)
    assert_error(registry.request("PUT", "/mode", {"mode": "SIDEWAYS"}), 422, 42204)
    assert registry.request("DELETE", "/mode/s")[1] == {"mode": "READONLY"}
    assert_error(registry.request("DELETE", "/mode/s"), 404, 40401)
    # IMPORT: only while empty (unless forced); registrations carry their id and version.
    assert_error(register(registry, "s", ORDER_V1, id=42), 422, 42205)
    assert registry.request("PUT", "/mode", {"mode": "IMPORT"})[1] == {"mode": "IMPORT"}
    assert register(registry, "s", ORDER_V1, id=42, version=3)[1] == {"id": 42}
    assert registry.request("GET", "/subjects/s/versions")[1] == [3]
    assert registry.request("GET", "/schemas/ids/42")[0] == 200
    assert_error(register(registry, "t", ORDER_V2, id=42, version=1), 422, 42205)
    assert registry.request("PUT", "/mode", {"mode": "READWRITE"})[1] == {"mode": "READWRITE"}
    assert_error(registry.request("PUT", "/mode", {"mode": "IMPORT"}), 422, 42205)
    assert registry.request("PUT", "/mode?force=true", {"mode": "IMPORT"})[1] == {"mode": "IMPORT"}


def test_subjects_are_percent_decoded(registry):
    assert register(registry, "a%2Fb%20c", ORDER_V1)[1] == {"id": 1}
    assert registry.request("GET", "/subjects")[1] == ["a/b c"]
    assert registry.request("GET", "/subjects/a%2Fb%20c/versions")[1] == [1]
    # Context-qualified subjects pass through as names.
    assert register(registry, ":.ctx:orders-value", ORDER_V1)[1] == {"id": 1}
    assert ":.ctx:orders-value" in registry.request("GET", "/subjects")[1]


def test_accepts_each_content_type(registry):
    for content_type in ("application/vnd.schemaregistry.v1+json", "application/vnd.schemaregistry+json",
                         "application/json"):
        status, body, _ = registry.request(
            "POST", "/subjects/s/versions", raw=json.dumps(schema_body(ORDER_V1)).encode(),
            headers={"Content-Type": content_type, "Accept": content_type})
        assert (status, body) == (200, {"id": 1})
