"""compat --against-git never gives a false green (issue 12): an unknown ref or a git failure is a usage error
(exit 2, git's message), a file absent at the ref is reported as new, a ref starting with '-' is a ref, and the
transitive levels check every version of the file in the ref's history, across renames."""
import json
import subprocess

import pytest

from helpers import BINARY

V1 = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}]}'
V2 = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "b", "type": "int", "default": 0}]}'
# Drops "a" (no default in V1 and V2): BACKWARD-compatible with both, not FORWARD-compatible with either.
V3 = '{"type": "record", "name": "R", "fields": [{"name": "b", "type": "int", "default": 0}]}'
# Adds "c" without a default: not BACKWARD-compatible with anything before.
V3_BAD = '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "int"}, {"name": "c", "type": "int"}]}'


@pytest.fixture
def repo(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "ci@example.com")
    git("config", "user.name", "CI")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "old.avsc").write_text(V1)
    git("add", ".")
    git("commit", "-qm", "v1")
    (tmp_path / "schemas" / "old.avsc").write_text(V2)
    git("commit", "-qam", "v2")
    git("mv", "schemas/old.avsc", "schemas/s.avsc")
    git("commit", "-qm", "rename")
    return tmp_path


def compat(repo, *args, cwd=None):
    return subprocess.run(
        [str(BINARY), "compat", *map(str, args)], cwd=cwd or repo, capture_output=True, text=True, timeout=60
    )


def test_an_unknown_ref_is_an_error_not_a_green(repo):
    (repo / "schemas" / "s.avsc").write_text(V3)
    result = compat(repo, "schemas/s.avsc", "--against-git", "no-such-ref")
    assert result.returncode == 2
    assert "git" in result.stderr and "compatible" not in result.stdout


def test_outside_a_repository_is_an_error(tmp_path):
    (tmp_path / "s.avsc").write_text(V1)
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "s.avsc").write_text(V1)
    result = subprocess.run(
        [str(BINARY), "compat", "s.avsc", "--against-git", "HEAD"],
        cwd=outside, capture_output=True, text=True, env={"GIT_CEILING_DIRECTORIES": str(tmp_path), "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 2 and "compatible" not in result.stdout


def test_a_ref_starting_with_a_dash_is_a_ref(repo):
    (repo / "schemas" / "s.avsc").write_text(V3)
    # Read as an option, "--help" would make git print help or fail, which once looked like "no earlier version".
    result = compat(repo, "--against-git=--help", "schemas/s.avsc")
    assert result.returncode == 2 and "compatible" not in result.stdout


def test_a_file_absent_at_the_ref_is_new(repo):
    (repo / "schemas" / "fresh.avsc").write_text(V1)
    result = compat(repo, "schemas/fresh.avsc", "--against-git", "HEAD")
    assert result.returncode == 0
    assert "schemas/fresh.avsc: new, no earlier version at HEAD" in result.stdout
    assert "0 schema(s) checked, 1 new" in result.stdout
    result = compat(repo, "--format", "json", "schemas/fresh.avsc", "--against-git", "HEAD")
    assert json.loads(result.stdout)["new"] == ["schemas/fresh.avsc"]


def test_the_latest_version_is_read_from_the_repository_root_whatever_the_directory(repo):
    (repo / "schemas" / "s.avsc").write_text(V3_BAD)
    assert compat(repo, "schemas/s.avsc", "--against-git", "HEAD").returncode == 1
    assert compat(repo, "s.avsc", "--against-git", "HEAD", cwd=repo / "schemas").returncode == 1
    (repo / "schemas" / "s.avsc").write_text(V3)
    assert compat(repo, "schemas/s.avsc", "--against-git", "HEAD").returncode == 0


def test_transitive_levels_check_every_version_across_renames(repo):
    (repo / "schemas" / "s.avsc").write_text(V3)
    # FORWARD: only HEAD's version (V2); FORWARD_TRANSITIVE: V1 (as old.avsc) and V2, each one finding.
    forward = compat(repo, "--level", "FORWARD", "schemas/s.avsc", "--against-git", "HEAD")
    assert forward.returncode == 1 and forward.stdout.count("READER_FIELD_MISSING_DEFAULT_VALUE") == 1
    transitive = compat(repo, "--level", "FORWARD_TRANSITIVE", "--format", "json", "schemas/s.avsc", "--against-git", "HEAD")
    assert transitive.returncode == 1
    against = [item["reader"]["file"] for item in json.loads(transitive.stdout)["incompatibilities"]]
    assert len(against) == 2 and any("schemas/old.avsc" in name for name in against)


def test_transitive_finds_a_break_with_an_old_version_only(tmp_path):
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    def record(a_type):
        return '{"type": "record", "name": "R", "fields": [{"name": "a", "type": "%s"}]}' % a_type

    git("init", "-q")
    git("config", "user.email", "ci@example.com")
    git("config", "user.name", "CI")
    for version in ("string", "int"):
        (tmp_path / "s.avsc").write_text(record(version))
        git("add", "s.avsc")
        git("commit", "-qm", version)
    # A long reads the latest (int) data, not the first (string) data.
    (tmp_path / "s.avsc").write_text(record("long"))
    assert compat(tmp_path, "--level", "BACKWARD", "s.avsc", "--against-git", "HEAD").returncode == 0
    result = compat(tmp_path, "--level", "BACKWARD_TRANSITIVE", "s.avsc", "--against-git", "HEAD")
    assert result.returncode == 1 and "TYPE_MISMATCH" in result.stdout


ADDRESS = '{"type": "record", "name": "Address", "namespace": "shop", "fields": [{"name": "city", "type": "string"}]}'
# Address gains a required field: data written with the old Address cannot be read.
ADDRESS_BAD = ('{"type": "record", "name": "Address", "namespace": "shop", "fields": '
               '[{"name": "city", "type": "string"}, {"name": "zip", "type": "string"}]}')
ORDER = '{"type": "record", "name": "Order", "namespace": "shop", "fields": [{"name": "to", "type": "Address"}]}'


@pytest.fixture
def set_repo(tmp_path):
    """Two files of one schema set: orders.avsc uses the Address that address.avsc defines."""
    def git(*args):
        subprocess.run(["git", *args], cwd=tmp_path, check=True, capture_output=True)

    git("init", "-q")
    git("config", "user.email", "ci@example.com")
    git("config", "user.name", "CI")
    (tmp_path / "schemas").mkdir()
    (tmp_path / "schemas" / "address.avsc").write_text(ADDRESS)
    (tmp_path / "schemas" / "orders.avsc").write_text(ORDER)
    git("add", ".")
    git("commit", "-qm", "v1")
    return tmp_path


@pytest.mark.parametrize("args", [
    ["schemas/address.avsc", "schemas/orders.avsc"],  # the new files form one set
    ["--import", "schemas", "schemas/orders.avsc"],  # the import directory holds the file itself
])
def test_files_of_one_set_are_checked_against_the_set_at_the_ref(set_repo, args):
    result = compat(set_repo, *args, "--against-git", "HEAD")
    assert result.returncode == 0, result.stdout + result.stderr
    assert "compatible" in result.stdout
    # The earlier orders.avsc is read with the earlier Address: a breaking change to it is found through Order.
    (set_repo / "schemas" / "address.avsc").write_text(ADDRESS_BAD)
    result = compat(set_repo, *args, "--against-git", "HEAD")
    assert result.returncode == 1, result.stdout + result.stderr
    assert "zip" in result.stdout
