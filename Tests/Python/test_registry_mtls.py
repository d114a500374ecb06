"""Mutual TLS between the registry client (`swift-avro registry … --ca --cert --key`) and the embedded server
(`registry serve --tls-cert --tls-key --tls-client-ca`): certificates made with openssl for each test."""
import os
import subprocess

from helpers import BINARY, openssl, self_signed_certificate
from registry_server import RegistryServer


def certificates(directory):
    """A self-signed server certificate for 127.0.0.1, a client CA, and a client certificate that CA signed."""
    files = {name: directory / f"{name}.pem" for name in
             ("server", "server-key", "ca", "ca-key", "client", "client-key", "stranger", "stranger-key")}
    self_signed_certificate(directory, "server")
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files["ca-key"], "-out", files["ca"],
            "-days", "1", "-subj", "/CN=swift-avro test client CA")
    request = directory / "client.csr"
    openssl("req", "-newkey", "rsa:2048", "-nodes", "-keyout", files["client-key"], "-out", request,
            "-subj", "/CN=orders-service")
    openssl("x509", "-req", "-in", request, "-CA", files["ca"], "-CAkey", files["ca-key"], "-CAcreateserial",
            "-out", files["client"], "-days", "1")
    # A client certificate no trusted CA signed.
    openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", files["stranger-key"], "-out",
            files["stranger"], "-days", "1", "-subj", "/CN=stranger")
    return files


def subjects(url, *options):
    env = {key: value for key, value in os.environ.items() if key != "SCHEMA_REGISTRY_URL"}
    return subprocess.run([str(BINARY), "registry", "subjects", "--url", url, "--max-retries", "0",
                           *map(str, options)], capture_output=True, text=True, env=env, timeout=60)


def test_a_client_certificate_signed_by_the_client_ca_is_required(tmp_path):
    files = certificates(tmp_path)
    server = RegistryServer(tmp_path / "mtls.db", "--tls-cert", files["server"], "--tls-key", files["server-key"],
                            "--tls-client-ca", files["ca"])
    try:
        trusted = subjects(server.url, "--ca", files["server"], "--cert", files["client"], "--key",
                           files["client-key"])
        assert trusted.returncode == 0 and trusted.stdout == "", trusted.stderr
        # No client certificate, or one the client CA did not sign: the handshake fails, exit 1.
        for options in ((), ("--cert", files["stranger"], "--key", files["stranger-key"])):
            refused = subjects(server.url, "--ca", files["server"], *options)
            assert refused.returncode == 1, refused.stdout
            assert "cannot reach" in refused.stderr or "TLS" in refused.stderr or "SSL" in refused.stderr, \
                refused.stderr
    finally:
        assert server.stop() == 0


def test_the_client_ca_option_needs_tls(tmp_path):
    result = subprocess.run([str(BINARY), "registry", "serve", "--port", "0", "--data", tmp_path / "x.db",
                             "--tls-client-ca", tmp_path / "ca.pem"], capture_output=True, text=True, timeout=30)
    assert result.returncode == 2 and "--tls-client-ca needs --tls-cert" in result.stderr
