"""Helpers of the Python tests: the swift-avro binary, the corpus manifest, and test certificates."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("AVRO_CORPUS", ROOT.parent / "shared" / "corpus"))
BINARY = pathlib.Path(os.environ.get("SWIFT_AVRO_BIN", ROOT / ".build" / "debug" / "swift-avro")).resolve()


def manifest():
    with open(CORPUS / "MANIFEST.json", encoding="utf-8") as handle:
        return json.load(handle)


def swift_avro(*args, check=True, input=None):
    """Runs the swift-avro CLI and returns its completed process."""
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, input=input)
    if check and result.returncode != 0:
        raise AssertionError(f"swift-avro {' '.join(map(str, args))} failed: {result.stderr}")
    return result


def corpus_schema(entry):
    """The corpus entry's schema as one JSON document, with the types of the files it depends on inlined."""
    import fastavro.schema

    documents = [json.loads((CORPUS / name).read_text()) for name in entry["depends_on"] + [entry["file"]]]
    if entry["depends_on"]:
        return fastavro.schema.expand_schema(documents)[-1]
    return documents[0]


def strip_logical_types(schema):
    """The schema without logical types: the binary encoding is the underlying type's, which is what generic
    values carry; the peers would otherwise convert values (datetime, Decimal, UUID)."""
    if isinstance(schema, list):
        return [strip_logical_types(branch) for branch in schema]
    if isinstance(schema, dict):
        return {key: strip_logical_types(value) for key, value in schema.items() if key != "logicalType"}
    return schema


def imports(entry):
    return [arg for name in entry["depends_on"] for arg in ("--import", CORPUS / name)]



def fastavro_write(parsed, record):
    """fastavro's schemaless binary encoding of `record`."""
    import io

    import fastavro

    buffer = io.BytesIO()
    fastavro.schemaless_writer(buffer, parsed, record)
    return buffer.getvalue()


def openssl(*args):
    """Runs openssl with `args` (paths allowed); fails the test if it fails."""
    subprocess.run(["openssl", *map(str, args)], check=True, capture_output=True)


def self_signed_certificate(directory, name="cert"):
    """A self-signed certificate for 127.0.0.1 and its key, as `directory/NAME.pem` and `directory/NAME-key.pem`."""
    cert, key = directory / f"{name}.pem", directory / f"{name}-key.pem"
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", cert, "-days", "1",
            "-subj", "/CN=127.0.0.1", "-addext", "subjectAltName=IP:127.0.0.1")
    return cert, key
