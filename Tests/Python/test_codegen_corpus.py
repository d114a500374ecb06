"""Every valid corpus schema generates Swift models that compile without warnings, are `swift format` clean, and
round-trip with fastavro.

The test writes a Swift package under .build/corpus-models: one directory of generated models per corpus entry
(each entry gets its own type prefix, `C017_`, so the entries share one module), and a harness executable that
decodes bytes with a generated model (directly, or from another writer schema through schema resolution) and
encodes the model again. Then, for every entry fastavro accepts (a named root through its type, any other root — a
union of event types, a primitive — through the model generated for the top-level schema):

- fastavro encodes seeded random values → the generated model decodes them → its encoding decodes in fastavro to
  the same values (fastavro → Swift → fastavro);
- with a newer writer schema (a field added) and an older one (a field with a default removed), fastavro encodes
  with the writer schema, the model decodes through resolution, and fastavro reads the model's encoding as it
  reads the original bytes with the writer and reader schemas.

Logical types are stripped for fastavro (it would convert values to datetime/Decimal/UUID); the models convert
them to their exact Swift types and back, so byte-level round trips prove those conversions lossless.
"""
import io
import json
import math
import os
import re
import shutil
import subprocess
import time

import fastavro
import fastavro.schema
import pytest

from helpers import CORPUS, ROOT, corpus_schema, fastavro_write, imports, manifest, strip_logical_types, swift_avro

ENTRIES = [entry for entry in manifest() if entry["expected_invalid"] is False]
LOGICAL = "LOGICAL"
LOGICAL_SCHEMA = ROOT / "Tests" / "Fixtures" / "Interop" / "logical.avsc"
PACKAGE = ROOT / ".build" / "corpus-models"
COUNT = 8


def prefix(index):
    return f"C{index:03}"


@pytest.fixture(scope="session")
def corpus_models():
    """Generates every entry into the package, builds the harness; returns (failures, seconds, harness path)."""
    sources = PACKAGE / "Sources" / "corpus-roundtrip"
    shutil.rmtree(sources, ignore_errors=True)
    sources.mkdir(parents=True)
    failures, seconds, registry, roots = {}, 0.0, [], []
    for index, entry in enumerate(ENTRIES):
        name = prefix(index)
        directory = sources / name
        config = PACKAGE / f"{name}.json"
        config.write_text(json.dumps({"typePrefix": name + "_"}))
        inputs = [CORPUS / file for file in entry["depends_on"] + [entry["file"]]]
        start = time.perf_counter()
        result = swift_avro("generate", "--config", config, "--output", directory, *inputs, check=False)
        seconds += time.perf_counter() - start
        if result.returncode != 0:
            failures[entry["file"]] = result.stderr
            continue
        types = []
        for path in sorted(directory.glob("*.swift")):
            # One module: file names must be unique.
            renamed = path.with_name(f"{name}_{path.name}")
            path.rename(renamed)
            text = renamed.read_text()
            types += re.findall(r"^(?:struct|enum) (\w+): [^{]*Avro\.AvroModel", text, re.MULTILINE)
            # The model of a top-level schema that is no named type (a union, a primitive, an array…).
            root = re.search(r"- Remark: Generated from the top-level schema of .*\n(?:struct|enum|typealias) (\w+)", text)
            if root and path.name == swift_file_name(entry["file"]):
                roots.append(f'    "{name}": {root.group(1)}.self,')
        registry.append(f'    "{name}": [{", ".join(t + ".self" for t in types)}],')
    # The logical-type schema of test_interop_logical_types, so fastavro's own logical values meet the models too.
    logical = sources / LOGICAL
    config = PACKAGE / f"{LOGICAL}.json"
    config.write_text(json.dumps({"typePrefix": LOGICAL + "_"}))
    result = swift_avro("generate", "--config", config, "--output", logical, LOGICAL_SCHEMA, check=False)
    assert result.returncode == 0, result.stderr
    for path in sorted(logical.glob("*.swift")):
        path.rename(path.with_name(f"{LOGICAL}_{path.name}"))
    registry.append(f'    "{LOGICAL}": [{LOGICAL}_Logical.self],')
    (sources / "main.swift").write_text(HARNESS.replace("REGISTRY", "\n".join(registry)).replace("ROOTS", "\n".join(roots) or ":"))
    (PACKAGE / "Package.swift").write_text(PACKAGE_SWIFT.replace("ROOT", str(ROOT)))
    build = subprocess.run(
        ["swift", "build", "--package-path", str(PACKAGE), "--scratch-path", str(PACKAGE / ".build")],
        capture_output=True, text=True)
    assert build.returncode == 0, "the generated corpus models do not compile:\n" + build.stdout[-20000:] + build.stderr[-5000:]
    assert "warning:" not in build.stdout, "the generated corpus models compile with warnings:\n" + "\n".join(
        line for line in build.stdout.splitlines() if "warning:" in line)[:20000]
    return failures, seconds, PACKAGE / ".build" / "debug" / "corpus-roundtrip"


def test_every_valid_corpus_schema_generates_and_compiles(corpus_models):
    failures, seconds, _ = corpus_models
    assert failures == {}
    print(f"generated {len(ENTRIES)} corpus entries in {seconds:.2f} s (one CLI process each)")


def test_generated_corpus_models_are_swift_format_clean(corpus_models):
    directories = sorted(str(path) for path in (PACKAGE / "Sources" / "corpus-roundtrip").iterdir() if path.is_dir())
    lint = subprocess.run(
        ["swift", "format", "lint", "--strict", "--configuration", str(ROOT / ".swift-format"), "-r", *directories],
        capture_output=True, text=True)
    assert lint.returncode == 0 and lint.stderr == "", lint.stderr[-5000:]


def run_harness(harness, requests):
    text = "\n".join(json.dumps(request) for request in requests) + "\n"
    result = subprocess.run([str(harness)], input=text, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert len(lines) == len(requests)
    return lines


def same(a, b):
    """Equality with NaN equal to itself (random floats include NaN), and a fixed default that fastavro fills in
    as its JSON text (a str of code points 0-255) equal to the bytes."""
    if isinstance(a, float) and isinstance(b, float):
        return a == b or (math.isnan(a) and math.isnan(b))
    if isinstance(a, bytes) and isinstance(b, str):
        return a == b.encode("latin-1")
    if isinstance(a, dict) and isinstance(b, dict):
        return a.keys() == b.keys() and all(same(a[key], b[key]) for key in a)
    if isinstance(a, (list, tuple)) and isinstance(b, (list, tuple)):
        return len(a) == len(b) and all(same(x, y) for x, y in zip(a, b))
    return a == b



def swift_file_name(schema_file):
    """The generator's Swift file name of a schema file: `path/orders-value.avsc` → `OrdersValue.swift`."""
    stem = schema_file.split("/")[-1].removesuffix(".avsc")
    return "".join(part[:1].upper() + part[1:] for part in re.split(r"[-. ]", stem) if part) + ".swift"


def fastavro_read(writer, data, reader=None):
    # Records of unions as (name, record) pairs: fastavro's writer cannot always tell dicts of a union apart.
    return fastavro.schemaless_reader(io.BytesIO(data), writer, reader, return_record_name=True)


def top_level(entry):
    """The entry's self-contained schema without logical types, if fastavro can expand it."""
    try:
        return strip_logical_types(corpus_schema(entry))
    except Exception:  # noqa: BLE001 - fastavro's expand_schema cannot combine some dependency sets
        return None


@pytest.mark.parametrize("index,entry", [(i, e) for i, e in enumerate(ENTRIES) if e["valid_fastavro"]],
                         ids=[e["file"] for e in ENTRIES if e["valid_fastavro"]])
def test_generated_models_round_trip_with_fastavro(corpus_models, index, entry):
    _, _, harness = corpus_models
    schema = top_level(entry)
    if schema is None:
        pytest.skip("fastavro cannot expand the schema with its dependencies")
    named = isinstance(schema, dict) and schema.get("type") in ("record", "error", "enum", "fixed")
    # A named root is found by its full name, any other root (a union of event types, a primitive) as the root.
    if named:
        full_name = schema["name"] if "." in schema["name"] or not schema.get("namespace") else f'{schema["namespace"]}.{schema["name"]}'
        target = {"type": full_name}
    else:
        target = {"root": "yes"}
    try:
        parsed = fastavro.parse_schema(schema, {})
    except fastavro.schema.SchemaParseException as error:
        pytest.skip(f"fastavro cannot parse the expanded schema: {error}")
    lines = swift_avro("random", "--schema", CORPUS / entry["file"], *imports(entry), "--count", COUNT, "--seed", 5).stdout
    ours = swift_avro("encode", "--hex", "--schema", CORPUS / entry["file"], *imports(entry), input=lines).stdout.split()
    records = [fastavro_read(parsed, bytes.fromhex(data)) for data in ours]
    blobs = []
    for record, data in zip(records, ours):
        try:
            blobs.append(fastavro_write(parsed, record))
        except ValueError:
            # fastavro's writer cannot match some unions of maps/arrays of records against the values its reader
            # gave; swift-avro's generic bytes (equal to fastavro's wherever it writes, see test_interop_values_*)
            # stand in for them.
            blobs.append(bytes.fromhex(data))
    requests = [{"model": prefix(index), **target, "hex": blob.hex()} for blob in blobs]

    # Schema evolution, for records: a newer writer adds a field, an older one lacks a field that has a default.
    evolved = []
    if named and schema["type"] in ("record", "error"):
        # (With a default, so that fastavro writes it in nested records of recursive schemas too.)
        newer = dict(schema, fields=schema["fields"] + [{"name": "zzAddedByWriter", "type": "string", "default": "new"}])
        evolved.append((newer, records))
        if schema["fields"] and "default" in schema["fields"][-1]:
            older = dict(schema, fields=schema["fields"][:-1])
            evolved.append((older, records))
    for writer_schema, writer_records in evolved:
        writer_parsed = fastavro.parse_schema(writer_schema, {})
        for record in writer_records:
            try:
                blob = fastavro_write(writer_parsed, record)
            except ValueError:
                continue  # the same writer limitation as above
            requests.append({"model": prefix(index), **target, "hex": blob.hex(), "writer": json.dumps(writer_schema)})

    answers = run_harness(harness, requests)
    for request, answer in zip(requests, answers):
        assert not answer.startswith("!"), f"{request}: {answer}"
        data = bytes.fromhex(request["hex"])
        if "writer" in request:
            writer_parsed = fastavro.parse_schema(json.loads(request["writer"]), {})
            expected = fastavro_read(writer_parsed, data, parsed)
        else:
            expected = fastavro_read(parsed, data)
        assert same(fastavro_read(parsed, bytes.fromhex(answer)), expected), request


def test_generated_models_read_and_write_fastavro_logical_values(corpus_models):
    """fastavro writes Python's uuid.UUID, Decimal, date, time and datetime values; the generated model (UUID,
    AvroDecimal, AvroDate, AvroTimeOfDay, AvroTimestamp, AvroLocalTimestamp) decodes them and encodes the same
    bytes, which fastavro reads as the same logical values."""
    from test_interop_logical_types import values

    _, _, harness = corpus_models
    schema = json.loads(LOGICAL_SCHEMA.read_text())
    parsed = fastavro.parse_schema(schema)
    records = list(values(200, seed=21))
    blobs = [fastavro_write(parsed, record) for record in records]
    requests = [{"model": LOGICAL, "type": "interop.Logical", "hex": blob.hex()} for blob in blobs]
    answers = run_harness(harness, requests)
    assert [answer for answer in answers if answer.startswith("!")] == []
    assert answers == [blob.hex() for blob in blobs]
    assert [fastavro.schemaless_reader(io.BytesIO(bytes.fromhex(a)), parsed) for a in answers] == records


PACKAGE_SWIFT = """// swift-tools-version: 6.1
// Written by Tests/Python/test_codegen_corpus.py: generated models of every valid corpus schema.
import PackageDescription

let package = Package(
    name: "corpus-models",
    dependencies: [.package(name: "swift-avro", path: "ROOT")],
    targets: [
        .executableTarget(name: "corpus-roundtrip", dependencies: [.product(name: "Avro", package: "swift-avro")])
    ],
    swiftLanguageModes: [.v6]
)
"""

HARNESS = """// Written by Tests/Python/test_codegen_corpus.py. Reads JSON lines {"model", "type", "hex", "writer"?}; decodes
// the bytes with the generated model of that full name (through resolution when a writer schema is given) and
// prints the model's own encoding as hex, or "!" and the error.
import Avro
import Foundation

let registry: [String: [any AvroModel.Type]] = [
REGISTRY
]

/// The model of each entry's top-level schema when that is no named type.
let roots: [String: any AvroModel.Type] = [
ROOTS
]

/// Lowercase hex text of bytes, and back (the harness needs only the core, which has no hex helpers).
func hex(_ bytes: [UInt8]) -> String { bytes.map { ($0 < 0x10 ? "0" : "") + String($0, radix: 16) }.joined() }
func bytes(hex text: String) -> [UInt8] {
    let digits = Array(text.utf8)
    return stride(from: 0, to: digits.count, by: 2).map {
        UInt8(String(decoding: digits[$0..<min($0 + 2, digits.count)], as: UTF8.self), radix: 16)!
    }
}

func roundTrip<Model: AvroModel>(_: Model.Type, _ bytes: [UInt8], writer: Schema?) throws -> [UInt8] {
    let model = try writer.map { try Model(avroEncoded: bytes, writerSchema: $0) } ?? Model(avroEncoded: bytes)
    return try model.avroEncoded()
}

while let line = readLine() {
    do {
        let request = try JSONSerialization.jsonObject(with: Data(line.utf8)) as! [String: String]
        let named = registry[request["model"]!]?.first(where: { $0.avroSchema.namedType?.name.fullName == request["type"] })
        guard let type = request["root"] != nil ? roots[request["model"]!] : named
        else { throw AvroCodingError(.schemaMismatch, "no generated model for \\(request)") }
        let writer = try request["writer"].map { try Schema(parsing: $0) }
        print(hex(try roundTrip(type, bytes(hex: request["hex"]!), writer: writer)))
    } catch {
        print("!\\(error)")
    }
}
"""
