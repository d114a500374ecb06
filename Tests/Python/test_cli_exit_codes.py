"""Every command follows the README's exit codes (issue 12): 0 success, 1 invalid input or findings, 2 usage and
configuration errors (bad flags, missing files, bad configuration files)."""
import subprocess

import pytest

from helpers import BINARY

SCHEMA = '{"type": "record", "name": "R", "namespace": "n", "fields": [{"name": "id", "type": "long"}]}'
OTHER = '{"type": "record", "name": "S", "namespace": "n", "fields": [{"name": "id", "type": "long"}]}'


@pytest.fixture
def files(tmp_path):
    (tmp_path / "r.avsc").write_text(SCHEMA)
    (tmp_path / "s.avsc").write_text(OTHER)
    (tmp_path / "bad.json").write_text('{\n  "codabel": true\n}')
    (tmp_path / "clash.json").write_text('{"types": {"n.R": "Same", "n.S": "Same"}}')
    (tmp_path / "lint-bad.json").write_text('{"severity": {"NO_SUCH_RULE": "error"}, "bogus": 1}')
    (tmp_path / "a-file").write_text("not a directory")
    return tmp_path


def run(*args):
    return subprocess.run([str(BINARY), *map(str, args)], capture_output=True, text=True, timeout=60)


@pytest.mark.parametrize(
    "args",
    [
        ["generate", "--config", "{d}/bad.json", "--output", "{d}/out", "{d}/r.avsc"],
        ["generate", "--config", "{d}/clash.json", "--output", "{d}/out", "{d}/r.avsc", "{d}/s.avsc"],
        ["generate", "--config", "{d}/missing.json", "--output", "{d}/out", "{d}/r.avsc"],
        ["generate", "--output", "{d}/a-file/out", "{d}/r.avsc"],
        ["lint", "--config", "{d}/lint-bad.json", "{d}/r.avsc"],
        ["lint", "--config", "{d}/missing.json", "{d}/r.avsc"],
        ["validate", "{d}/missing.avsc"],
        ["cat", "{d}/missing.avro"],
        ["decode", "--schema", "{d}/missing.avsc"],
        ["random", "--schema", "{d}/r.avsc", "--count=-3"],
        ["compat", "{d}/r.avsc", "--against", "{d}/missing.avsc"],
    ],
)
def test_usage_and_configuration_errors_exit_2(files, args):
    result = run(*[arg.format(d=files) for arg in args])
    assert result.returncode == 2, (args, result.returncode, result.stderr)
    assert result.stderr.strip()


def test_invalid_input_exits_1(files):
    (files / "broken.avsc").write_text('{"type": "record"}')
    assert run("validate", files / "broken.avsc").returncode == 1
    (files / "not.avro").write_text("not a container")
    assert run("cat", files / "not.avro").returncode == 1
