"""Helpers of the Python tests: the swift-avro binary and the corpus manifest."""
import json
import os
import pathlib
import subprocess

ROOT = pathlib.Path(__file__).resolve().parents[2]
CORPUS = pathlib.Path(os.environ.get("AVRO_CORPUS", ROOT.parent / "shared" / "corpus"))
BINARY = pathlib.Path(os.environ.get("SWIFT_AVRO_BIN", ROOT / ".build" / "debug" / "swift-avro"))


def manifest():
    with open(CORPUS / "MANIFEST.json", encoding="utf-8") as handle:
        return json.load(handle)


def swift_avro(*args, check=True):
    """Runs the swift-avro CLI and returns its completed process."""
    result = subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True)
    if check and result.returncode != 0:
        raise AssertionError(f"swift-avro {' '.join(map(str, args))} failed: {result.stderr}")
    return result
