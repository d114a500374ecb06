"""Interop with fastavro: Parsing Canonical Form and CRC-64-AVRO fingerprints of every valid corpus schema.

avro-python is not the oracle here: its canonical form keeps logical types and mishandles the "" namespace.
"""
import json

import fastavro.schema
import pytest

from helpers import CORPUS, manifest, swift_avro

VALID = [entry for entry in manifest() if entry["expected_invalid"] is False]


def fastavro_canonical(entry):
    """fastavro's canonical form, with the files a schema depends on expanded into it."""
    documents = [json.loads((CORPUS / name).read_text()) for name in entry["depends_on"] + [entry["file"]]]
    if entry["depends_on"]:
        # Expanding the dependencies with the file lets fastavro inline types from other files, as Java does.
        parsed = fastavro.schema.expand_schema(documents)[-1]
    else:
        parsed = fastavro.schema.parse_schema(documents[0])
    return fastavro.schema.to_parsing_canonical_form(parsed)


def imports(entry):
    return [arg for name in entry["depends_on"] for arg in ("--import", CORPUS / name)]


@pytest.mark.parametrize("entry", VALID, ids=[entry["file"] for entry in VALID])
def test_canonical_form_and_rabin_match_fastavro(entry):
    if not entry["valid_fastavro"]:
        pytest.skip(f"fastavro rejects this valid schema: {entry['fastavro_error']}")
    try:
        expected = fastavro_canonical(entry)
    except fastavro.schema.SchemaParseException as error:
        # fastavro's expand_schema defines a type twice when two dependencies share it.
        pytest.skip(f"fastavro cannot expand this file set: {error}")
    ours = swift_avro("canonical", *imports(entry), CORPUS / entry["file"]).stdout.strip()
    assert ours == expected
    fingerprint = swift_avro("fingerprint", "--algorithm", "rabin", *imports(entry), CORPUS / entry["file"])
    assert fingerprint.stdout.strip() == fastavro.schema.fingerprint(expected, "CRC-64-AVRO")


@pytest.mark.parametrize("algorithm,name", [("md5", "MD5"), ("sha256", "SHA-256")])
def test_digests_match_fastavro(algorithm, name):
    path = CORPUS / "apache__avro/share/test/schemas/interop.avsc"
    expected = fastavro.schema.fingerprint(fastavro_canonical({"file": str(path), "depends_on": []}), name)
    assert swift_avro("fingerprint", "--algorithm", algorithm, path).stdout.strip() == expected
