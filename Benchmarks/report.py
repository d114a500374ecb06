"""Turns the rows of avro-bench --json and peers.py into the benchmark report: how it was measured, one table of
records/s and MB/s with each peer's ratio to ours, and the compact ratio block the README quotes.

usage: report.py SWIFT_JSON PEERS_JSON --records N --rounds N --slow-rounds N --command "..." [--results FILE]
"""
import json
import os
import platform
import subprocess
import sys
from datetime import datetime, timezone

swift_rows, peer_rows = json.load(open(sys.argv[1])), json.load(open(sys.argv[2]))
options = dict(zip(sys.argv[3::2], sys.argv[4::2]))
records, rounds, slow_rounds = int(options["--records"]), int(options["--rounds"]), int(options["--slow-rounds"])
rows = swift_rows + peer_rows
rate = {(row["operation"], row["implementation"]): row["items"] / row["seconds"] for row in rows}

PEERS = ["libavro", "fastavro", "avro-python", "confluent-kafka"]
OURS = ["swift-avro generated", "swift-avro generic", "swift-avro"]
# Why a peer has no figure for an operation.
NA = {
    "framing": "libavro, fastavro and Apache Avro Python have no single-object or Confluent framing API (Confluent's "
    "framing in Python comes with confluent-kafka's registry serializer: see the registry rows)",
    "registry": "libavro, fastavro and Apache Avro Python have no registry serializer; confluent-kafka's "
    "AvroSerializer/AvroDeserializer (fastavro inside, `mock://` registry) is the peer",
    "zstandard": "Debian's libavro 1.11 has no zstandard codec (null, deflate, snappy, lzma)",
    "libavro-resolution": "resolving decode, libavro: its resolver (avro_resolved_writer_new, 1.11) refuses this "
    "older writer, \"Reader field email doesn't appear in writer\": it cannot fill a reader field from its default",
    "canonical": "libavro has no Parsing Canonical Form",
    "tools": "no peer generates Swift or lints schemas",
}


def ratio(ours, peer, operation):
    if (operation, ours) not in rate or (operation, peer) not in rate:
        return "n/a"
    return f"{rate[(operation, ours)] / rate[(operation, peer)]:.2f}×"


def table():
    lines = ["| operation | implementation | records/s | MB/s | " + " | ".join(f"÷ {p}" for p in PEERS) + " |",
             "| --- | --- | ---: | ---: | " + " | ".join("---:" for _ in PEERS) + " |"]
    for row in rows:
        if row["implementation"] not in OURS:
            continue
        lines.append(format_row(row, [ratio(row["implementation"], peer, row["operation"]) for peer in PEERS]))
    for row in rows:
        if row["implementation"] in OURS:
            continue
        lines.append(format_row(row, ["" for _ in PEERS]))
    return lines


def format_row(row, ratios):
    per_second = row["items"] / row["seconds"]
    throughput = row["bytes"] / row["seconds"] / 1e6
    return (f"| {row['operation']} | {row['implementation']} | {per_second:,.0f} | {throughput:,.1f} | "
            + " | ".join(ratios) + " |")


def ratio_block():
    """One line per (operation, ours): ours ÷ each peer, records/s."""
    operations = list(dict.fromkeys(row["operation"] for row in rows))
    lines = ["| operation (ours) | " + " | ".join(f"vs {p}" for p in PEERS) + " |",
             "| --- | " + " | ".join("---:" for _ in PEERS) + " |"]
    for operation in operations:
        for ours in OURS:
            if (operation, ours) not in rate:
                continue
            ratios = [ratio(ours, peer, operation) for peer in PEERS]
            if all(text == "n/a" for text in ratios):
                continue
            label = operation if ours == "swift-avro" else f"{operation} ({ours.split()[-1]})"
            lines.append(f"| {label} | " + " | ".join(ratios) + " |")
    alone = [operation for operation in operations
             if not any((operation, peer) in rate for peer in PEERS)]
    if alone:
        lines += ["", "Ours only (no peer has the feature; figures in the table): " + ", ".join(alone) + "."]
    return lines


def overheads():
    lines = []
    for label, serde, bare in (("serialize (framing + cached id)", "registry serialize", "encode"),
                               ("deserialize, same schema", "registry deserialize", "decode"),
                               ("deserialize, newer writer resolved", "registry deserialize (newer writer)",
                                "decode")):
        key, base = (serde, "swift-avro generated"), (bare, "swift-avro generated")
        if key in rate and base in rate:
            lines.append(f"- {label}: {rate[base] / rate[key] - 1:+.0%} per message over the bare generated {bare}")
    return lines


def how():
    average = next((r["bytes"] / r["items"] for r in rows if r["operation"] == "decode"), 0)
    return [
        f"{records:,} records of `../shared/bench/order.avsc` (`gen.py {records} 42`, {average:.0f} bytes of Avro "
        "binary each on average), every implementation on the same records in one run, release build.",
        "",
        "- Decode: each record from its own bytes into a model (or generic value) that is kept: an array of "
        f"{records:,} per round. Encode: each kept model into a fresh buffer, the buffers kept. A round's results "
        "are released only after its clock stops, so nothing is optimised away.",
        f"- Best of {rounds} rounds after a warm-up round (avro-python and confluent-kafka: best of {slow_rounds}, "
        "no warm-up; a pass takes them seconds), the Python peers with the cyclic garbage collector paused while "
        "timing (as `timeit` does). Schema parsing: best of 10 or more; codegen: best of 3.",
        "- Ours: generated models (`Order`, from the build plugin: `UUID`, `AvroTimestampMillis`, "
        "`AvroDecimal`, maps) and generic values (`AvroValue`). libavro 1.11 (Debian) through its generic value API, in process "
        "(encode writes into one scratch buffer, then copies into a fresh array). fastavro, Apache Avro Python and "
        "confluent-kafka on the schema with its logical types stripped (the same generic values: strings, longs, "
        "bytes).",
        "- Resolving decode: data of an older writer (`Customer.email` and `note` not yet added) read as the "
        "current schema, defaults filled. Registry: an in-memory registry (`mock://`) with warm caches; the "
        "newer-writer case reads a v2 (a new first field, a moved field) as the current schema.",
        "- Containers: every record in one file, 64 KiB blocks, zstandard level 3; ours and the Python peers in "
        "memory, libavro through a file in /dev/shm (its writer takes a path). MB/s counts uncompressed datum "
        "bytes; framing and registry rows count the framed messages.",
        "- Schemas: parsing `large_schema.avsc`, the corpus's largest (377 KiB, 441 named types), from its text "
        "(fastavro: `json.loads` + `parse_schema`); codegen: Swift for every valid corpus entry, each entry's files "
        "parsed as one set, in process (records/s counts entries); lint: every corpus schema file as one set, "
        "parse included (records/s counts files).",
        "- Ratios: ours ÷ peer in records/s; > 1 means swift-avro is faster.",
    ]


def not_available():
    return [f"- {text}" for text in NA.values()]


def machine():
    cpu = "unknown CPU"
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    swift = subprocess.run(["swift", "--version"], capture_output=True, text=True).stdout.splitlines()
    swift = swift[0] if swift else "unknown"
    from importlib.metadata import version
    load = open("/proc/loadavg").read().split()[:3] if os.path.exists("/proc/loadavg") else ["?"] * 3
    return [f"- Machine: {cpu}, {os.cpu_count()} cores, {platform.system()} {platform.release()}; load average at "
            f"the end of the run {' / '.join(load)} (1 / 5 / 15 min: other work on a shared machine skews figures)",
            f"- Date: {datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}",
            f"- Swift: {swift}",
            f"- Peers: libavro {libavro_version()}, fastavro {version('fastavro')}, avro (Python) {version('avro')}, "
            f"confluent-kafka {version('confluent-kafka')}, Python {platform.python_version()}",
            f"- Command: `{options['--command']}`"]


def libavro_version():
    result = subprocess.run(["dpkg-query", "-W", "-f=${Version}", "libavro-dev"], capture_output=True, text=True)
    return result.stdout.strip() or "unknown"


output = ["How it is measured: " + how()[0], *how()[1:], "", *table(), "",
          "Ratios (ours ÷ peer, records/s; > 1 means swift-avro is faster):", "", *ratio_block(), "",
          "Registry serde overhead (ours, generated models):", *overheads(), "", "n/a:", *not_available()]
print("\n".join(output))
if "--results" in options:
    document = ["# Benchmark results", "", "The last full run of `bash scripts/bench --results`. Rerun it to refresh "
                "this file; the README quotes the ratios, not the absolute numbers.", "", *machine(), "",
                "## How it is measured", "", how()[0], *how()[1:], "", "## Results", "", *table(), "",
                "## Ratios", "", "ours ÷ peer, records/s; > 1 means swift-avro is faster.", "", *ratio_block(), "",
                "Registry serde overhead (ours, generated models):", "", *overheads(), "", "## n/a", "",
                *not_available(), ""]
    open(options["--results"], "w").write("\n".join(document))
    print(f"\nwrote {options['--results']}")
