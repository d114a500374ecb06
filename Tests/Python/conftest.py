"""Python tests: the CLI contract and interop with the peers (fastavro, avro-python, libavro)."""
import pytest

from helpers import BINARY


@pytest.fixture(scope="session", autouse=True)
def binary_exists():
    assert BINARY.exists(), f"build swift-avro first ({BINARY} is missing)"
