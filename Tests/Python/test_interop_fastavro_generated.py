"""Values from a generator we did not write: fastavro.utils.generate_many for every corpus schema fastavro parses,
with its logical types kept. The generator ignores logical domains (uuids without dashes, decimals beyond their
precision, out-of-range times), so this asserts exactly how swift-avro treats such bytes: the generic decoder keeps
a logical value's underlying type (a uuid stays a string, a decimal its unscaled bytes), so every datum decodes and
re-encodes to the same bytes; nothing crashes."""
import io
import itertools

import fastavro
import fastavro.utils
import pytest

from helpers import CORPUS, corpus_schema, imports, manifest, swift_avro

ENTRIES = [e for e in manifest() if e["expected_invalid"] is False and e["valid_fastavro"]]


@pytest.mark.parametrize("entry", ENTRIES, ids=[e["file"] for e in ENTRIES])
def test_generated_values_decode_and_reencode(entry):
    try:
        parsed = fastavro.parse_schema(corpus_schema(entry))
    except Exception as error:  # fastavro cannot combine some dependency sets; the other tests say which
        pytest.skip(f"fastavro cannot expand the schema: {error}")
    try:
        generated = list(itertools.islice(fastavro.utils.generate_many(parsed, 8), 8))
    except RecursionError:
        pytest.skip("fastavro's generator recurses without end on recursive schemas")
    blobs = []
    for value in generated:
        buffer = io.BytesIO()
        try:
            fastavro.schemaless_writer(buffer, parsed, value)
        except Exception:
            continue  # the generator made a value its own writer refuses
        blobs.append(buffer.getvalue())
    if not blobs:
        pytest.skip("fastavro's writer refused every generated value")
    schema = ["--schema", CORPUS / entry["file"], *imports(entry)]
    decoded = swift_avro("decode", *schema, "--hex", input="\n".join(b.hex() for b in blobs), check=False)
    assert decoded.returncode == 0, decoded.stderr
    lines = [line for line in decoded.stdout.split("\n") if line]
    assert len(lines) == len(blobs)
    again = swift_avro("encode", *schema, "--hex", input="\n".join(lines), check=False)
    assert again.returncode == 0, again.stderr
    assert again.stdout.split() == [b.hex() for b in blobs]
