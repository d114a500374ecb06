"""deploy/: the Kubernetes manifest validates (kubernetes-validate, strict, offline) and agrees with the server and
the Dockerfile: its probe and metrics paths answer on a running `swift-avro registry serve`, its port is the
server's default and the image's, its volume is mounted where the image keeps the database, one replica."""
import json
import re
import shlex
import shutil
import subprocess

import pytest
import yaml
import kubernetes_validate
from kubernetes_validate.utils import latest_version

from helpers import BINARY, ROOT, swift_avro

DEPLOY = ROOT / "deploy"
MANIFEST = DEPLOY / "kubernetes" / "registry.yaml"
DOCKERFILE = DEPLOY / "Dockerfile"


def resources():
    with open(MANIFEST, encoding="utf-8") as handle:
        return [document for document in yaml.safe_load_all(handle) if document]


def resource(kind):
    found = [document for document in resources() if document["kind"] == kind]
    assert len(found) == 1, f"expected one {kind} in {MANIFEST}, found {len(found)}"
    return found[0]


def container():
    containers = resource("Deployment")["spec"]["template"]["spec"]["containers"]
    assert len(containers) == 1
    return containers[0]


def named_port(name):
    ports = [port for port in container()["ports"] if port["name"] == name]
    assert len(ports) == 1, f"no container port named {name!r}"
    return ports[0]["containerPort"]


def probe_port(probe):
    """The port of an httpGet probe: a number, or the name of a container port."""
    port = probe["httpGet"]["port"]
    return named_port(port) if isinstance(port, str) else port


def dockerfile_stages():
    """The Dockerfile's stages, each a list of (INSTRUCTION, arguments) with continuation lines joined."""
    text = DOCKERFILE.read_text(encoding="utf-8")
    lines, current = [], ""
    for raw in text.splitlines():
        stripped = raw.strip()
        if not current and (not stripped or stripped.startswith("#")):
            continue
        if current and stripped.startswith("#"):
            continue  # a comment inside a continued instruction
        if stripped.endswith("\\"):
            current += stripped[:-1] + " "
            continue
        lines.append(current + stripped)
        current = ""
    assert not current, "the Dockerfile ends in a continuation"
    stages = []
    for line in lines:
        instruction, _, arguments = line.partition(" ")
        instruction = instruction.upper()
        if instruction == "FROM":
            stages.append([])
        assert stages, f"an instruction before FROM: {line}"
        stages[-1].append((instruction, arguments.strip()))
    return stages


def instruction(stage, name):
    found = [arguments for instruction_name, arguments in stage if instruction_name == name]
    assert len(found) == 1, f"expected one {name} in the stage, found {found}"
    return found[0]


def exec_form(arguments):
    """ENTRYPOINT/CMD in exec (JSON) form, so the server is PID 1 and gets SIGTERM."""
    value = json.loads(arguments)
    assert isinstance(value, list) and all(isinstance(item, str) for item in value), arguments
    return value


def option(arguments, name):
    assert arguments.count(name) == 1, f"{name} not given once in {arguments}"
    return arguments[arguments.index(name) + 1]


def apt_installs(stage):
    """The packages of the stage's `apt-get install` commands."""
    packages = set()
    for instruction_name, arguments in stage:
        if instruction_name != "RUN":
            continue
        for command in re.split(r"&&|;", arguments):
            words = shlex.split(command)
            if "apt-get" in words and "install" in words:
                packages.update(word for word in words[words.index("install") + 1:] if not word.startswith("-"))
    return packages


def server_default(help_text, flag):
    match = re.search(rf"^\s*{re.escape(flag)} <[^>]+>\s+.*?\(default: ([^)]+)\)", help_text, re.M | re.S)
    assert match, f"no default for {flag} in:\n{help_text}"
    return match.group(1)


@pytest.fixture(scope="module")
def serve_help():
    return swift_avro("registry", "serve", "--help").stdout


@pytest.mark.parametrize("version", ["1.30.0", latest_version() + ".0"])
def test_manifest_validates_strictly_against_kubernetes_schemas(version):
    kinds = []
    for document in resources():
        # Raises on an unknown field (strict), a wrong type, or a kind without a schema.
        kubernetes_validate.validate(document, version, strict=True)
        kinds.append(document["kind"])
    assert sorted(kinds) == ["Deployment", "PersistentVolumeClaim", "Service"]


def test_manifest_validates_with_the_cli():
    cli = shutil.which("kubernetes-validate", path=str(ROOT / ".venv" / "bin")) or shutil.which("kubernetes-validate")
    if cli is None:
        pytest.skip("the kubernetes-validate command is not installed")
    result = subprocess.run([cli, "--strict", "--kubernetes-version", "1.30.0", str(MANIFEST)],
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("passed for resource") == 3, result.stdout
    assert "WARN" not in result.stdout and "ERROR" not in result.stdout, result.stdout


def test_manifest_is_namespace_agnostic_and_labelled_consistently():
    for document in resources():
        assert "namespace" not in document["metadata"], document["metadata"]
        assert document["metadata"]["labels"]["app.kubernetes.io/name"] == "schema-registry"
    deployment = resource("Deployment")
    pod_labels = deployment["spec"]["template"]["metadata"]["labels"]
    selector = deployment["spec"]["selector"]["matchLabels"]
    assert selector.items() <= pod_labels.items()
    assert resource("Service")["spec"]["selector"].items() <= pod_labels.items()


def test_one_replica_recreated_on_a_claimed_volume():
    deployment = resource("Deployment")
    claim = resource("PersistentVolumeClaim")
    # SQLite has one writer: never two pods at once, not even during a rollout.
    assert deployment["spec"]["replicas"] == 1
    assert deployment["spec"]["strategy"]["type"] == "Recreate"
    assert claim["spec"]["accessModes"] == ["ReadWriteOnce"]
    volumes = {volume["name"]: volume for volume in deployment["spec"]["template"]["spec"]["volumes"]}
    mounts = {mount["name"]: mount["mountPath"] for mount in container()["volumeMounts"]}
    claimed = [name for name, volume in volumes.items() if "persistentVolumeClaim" in volume]
    assert len(claimed) == 1
    assert volumes[claimed[0]]["persistentVolumeClaim"]["claimName"] == claim["metadata"]["name"]
    assert mounts[claimed[0]] == "/var/lib/swift-avro"
    assert set(mounts) <= set(volumes)


def test_service_targets_the_named_container_port():
    service = resource("Service")
    assert service["metadata"]["name"] == "schema-registry"
    assert service["spec"]["type"] == "ClusterIP"
    [port] = service["spec"]["ports"]
    assert port["port"] == 8081
    assert isinstance(port["targetPort"], str) and named_port(port["targetPort"]) == 8081


def test_security_context_runs_as_the_images_user():
    pod = resource("Deployment")["spec"]["template"]["spec"]
    security = container()["securityContext"]
    assert pod["securityContext"]["runAsNonRoot"] is True
    assert pod["securityContext"]["runAsUser"] == 10001 and pod["securityContext"]["fsGroup"] == 10001
    assert security["readOnlyRootFilesystem"] is True
    assert security["allowPrivilegeEscalation"] is False
    assert security["capabilities"]["drop"] == ["ALL"]
    runtime = dockerfile_stages()[-1]
    assert instruction(runtime, "USER").split(":")[0] == str(pod["securityContext"]["runAsUser"])
    assert set(container()["resources"]) == {"requests", "limits"}


def test_ports_are_the_servers_default_and_the_images(serve_help):
    default_port = int(server_default(serve_help, "--port"))
    assert default_port == 8081
    assert named_port("http") == default_port
    annotations = resource("Deployment")["spec"]["template"]["metadata"]["annotations"]
    assert annotations["prometheus.io/scrape"] == "true"
    assert int(annotations["prometheus.io/port"]) == default_port
    runtime = dockerfile_stages()[-1]
    assert instruction(runtime, "EXPOSE") == str(default_port)
    command = exec_form(instruction(runtime, "CMD"))
    assert int(option(command, "--port")) == default_port
    assert option(command, "--host") == "0.0.0.0"  # the default, 127.0.0.1, is unreachable from outside the pod


def test_dockerfile_runs_the_server_on_the_mounted_data_directory(serve_help):
    stages = dockerfile_stages()
    assert len(stages) == 2, "multi-stage: a Swift build stage and a slim runtime stage"
    build, runtime = stages
    assert instruction(build, "FROM").startswith("swift:6.3.1-")
    assert instruction(runtime, "FROM") == "debian:bookworm-slim"
    assert exec_form(instruction(runtime, "ENTRYPOINT")) == ["swift-avro", "registry", "serve"]
    command = exec_form(instruction(runtime, "CMD"))
    data_file = option(command, "--data")
    data_directory = data_file.rsplit("/", 1)[0]
    mounts = {mount["name"]: mount["mountPath"] for mount in container()["volumeMounts"]}
    claimed = [volume["name"] for volume in resource("Deployment")["spec"]["template"]["spec"]["volumes"]
               if "persistentVolumeClaim" in volume]
    assert mounts[claimed[0]] == data_directory
    assert data_directory in instruction(runtime, "VOLUME")
    # The manifest's args, when given, are the image's CMD.
    assert container().get("args", command) == command
    # Every option the image and the manifest pass is one `registry serve` knows.
    for flag in [word for word in command if word.startswith("--")]:
        assert re.search(rf"^\s*{re.escape(flag)}\b", serve_help, re.M), flag
    build_commands = " ".join(arguments for name, arguments in build if name == "RUN")
    assert "swift build -c release --product swift-avro --static-swift-stdlib" in build_commands


def test_build_stage_installs_the_system_libraries_of_the_product():
    build, _ = dockerfile_stages()
    package = (ROOT / "Package.swift").read_text(encoding="utf-8")
    providers = {name: apt for name, apt in re.findall(
        r'\.systemLibrary\(name: "(\w+)".*?providers: \[\.apt\(\["([^"]+)"\]\)\]', package)}
    assert providers["CAvro"] == "libavro-dev"
    # CAvro is for the interop tests; swift-avro does not depend on it. GRDB links the system SQLite.
    wanted = {apt for name, apt in providers.items() if name != "CAvro"} | {"libsqlite3-dev"}
    installed = apt_installs(build)
    assert wanted <= installed, wanted - installed
    assert "libavro-dev" not in installed


def test_runtime_stage_installs_the_shared_libraries_the_binary_loads():
    if not (shutil.which("readelf") and shutil.which("dpkg")):
        pytest.skip("needs readelf and dpkg")
    needed = re.findall(r"\(NEEDED\)\s+Shared library: \[([^\]]+)\]",
                        subprocess.run(["readelf", "-d", str(BINARY)], capture_output=True, text=True,
                                       check=True).stdout)
    # The Swift runtime, Foundation and Dispatch are linked in statically by --static-swift-stdlib.
    system = [name for name in needed if not re.match(r"lib(swift|_?Foundation|dispatch|BlocksRuntime)", name)
              and not name.startswith("ld-linux")]
    packages = set()
    for name in system:
        owner = subprocess.run(["dpkg", "-S", f"*/{name}"], capture_output=True, text=True)
        assert owner.returncode == 0, owner.stderr
        packages.add(owner.stdout.split(":", 1)[0])
    # libc6 and libgcc-s1 are in every Debian image.
    packages -= {"libc6", "libgcc-s1"}
    installed = apt_installs(dockerfile_stages()[-1])
    assert packages <= installed, packages - installed
    assert "ca-certificates" in installed  # libcurl's TLS, for the registry client commands
    assert not {package for package in installed if package.endswith("-dev")}


def test_probe_and_metrics_paths_are_served(registry):
    liveness = container()["livenessProbe"]
    readiness = container()["readinessProbe"]
    assert probe_port(liveness) == probe_port(readiness) == named_port("http")
    assert liveness["httpGet"]["path"] != readiness["httpGet"]["path"]
    assert registry.request("GET", liveness["httpGet"]["path"])[:2] == (200, {"status": "UP"})
    assert registry.request("GET", readiness["httpGet"]["path"])[:2] == (200, {"status": "UP"})
    annotations = resource("Deployment")["spec"]["template"]["metadata"]["annotations"]
    status, text, headers = registry.request("GET", annotations["prometheus.io/path"])
    assert status == 200 and headers["Content-Type"].startswith("text/plain")
    assert "# TYPE schema_registry_" in text, text
    # A path the server does not serve is a 404: the checks above are not vacuous.
    assert registry.request("GET", "/health/nope")[0] == 404
