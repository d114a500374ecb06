"""Python tests: the CLI contract and interop with the peers (fastavro, avro-python, libavro)."""
import pytest

from helpers import BINARY


@pytest.fixture(scope="session", autouse=True)
def binary_exists():
    assert BINARY.exists(), f"build swift-avro first ({BINARY} is missing)"


@pytest.fixture
def registry(tmp_path):
    """A registry server on a free loopback port with a fresh database; stopped (SIGTERM) after the test."""
    from registry_server import RegistryServer

    server = RegistryServer(tmp_path / "registry.db")
    yield server
    assert server.stop() == 0, server.log_text()
