"""skillgap past one machine: `skillgap.analyze` over folders of resumes with Dask.

Writes the JSON Lines that `skillgap analyze DIR... --format jsonl` writes, byte for byte:
one record per resume, in the CLI's order (`skillgap.resume_files`: files as given,
directories searched recursively and sorted by path), each the report with its `path`
first, or `{"path", "error": {"kind", "message"}}` for a file that cannot be read.

    python dask_batch.py DIR... [--role ID] [--hours-per-week H] [--related-threshold F]
                         [--out FILE] [--scheduler ADDRESS] [--workers N] [--threads N]

How it runs: the driver lists the resumes, a `dask.bag` of their paths is cut into
partitions of 64, each worker task analyses its partition (reading the files itself, so
only paths travel) and writes it as one part file (`Bag.to_textfiles`), and the driver
joins the parts in partition order into `--out` (default: stdout). Without `--scheduler`
the bag runs on a `dask.distributed.LocalCluster` started here: `--workers` processes
(default 1) of `--threads` threads (default: all cores). skillgap releases the GIL while it
works, so threads in one process use every core; no process per core is needed.

The same code on a cluster: start a scheduler and workers on the machines
(`dask scheduler` on one, `dask worker tcp://SCHEDULER:8786 --nthreads N` on each, or
dask-kubernetes / dask-jobqueue / a cloud's Dask service), install the skillgap wheel in
every worker's environment (`pip install skillgap-*.whl`), and give the scheduler's address:

    python dask_batch.py /mnt/resumes --scheduler tcp://SCHEDULER:8786 --out gaps.jsonl

Only `Client(LocalCluster(...))` becomes `Client(address)`. The paths must mean the same on
every machine (a shared file system, mounted at the same place; give absolute paths, since
`path` in each record is the path as given), and the part files are written to a folder
beside `--out`, which the workers must reach too. For resumes in object storage, map over
the object names instead and pass each file's bytes:
`skillgap.analyze(fs.cat(name), filename=name)` with an `fsspec` file system.

Exit status as the CLI's: 0 when every resume was analysed, 1 when some could not be read,
2 when none could be.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path

import skillgap

# Resumes per task, as the CLI's batch processes them in chunks of 64.
PARTITION = 64


def record_line(path: str, options: dict) -> str:
    """One record of the CLI's JSON Lines for `path`, without the line break.

    The report is the CLI's (`skillgap.analyze` on the path, read as the CLI reads it), so
    the record is `{"path": path, **report}`; `json.dumps` with compact separators and
    `ensure_ascii=False` writes JSON as serde_json does (UTF-8, the same escapes, the
    shortest float forms).
    """
    try:
        record = {"path": path, **skillgap.analyze(Path(path), **options)}
    except skillgap.SkillgapError as e:
        record = {"path": path, "error": {"kind": e.kind, "message": e.message}}
    return json.dumps(record, ensure_ascii=False, separators=(",", ":"))


def run(paths: list[str], options: dict, parts: Path) -> None:
    """Analyses `paths` on the current Dask client's cluster, writing one part file per
    partition into `parts` (`00000000.jsonl`, ...: their names sort in partition order)."""
    import dask.bag as db

    bag = db.from_sequence(paths, partition_size=PARTITION)
    bag.map(record_line, options).to_textfiles(
        str(parts / "*.jsonl"),
        name_function=lambda i: f"{i:08d}",
        encoding="utf-8",
        last_endline=True,
    )


def is_error(line: bytes) -> bool:
    """True for an error record, `{"path", "error"}` (a report has no `error` key)."""
    return b'"error":{"kind":' in line and list(json.loads(line)) == ["path", "error"]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="resume files and folders")
    parser.add_argument("--role")
    parser.add_argument("--hours-per-week", type=float)
    parser.add_argument("--related-threshold", type=float)
    parser.add_argument("--out", help="the JSON Lines file (default: stdout)")
    parser.add_argument("--scheduler", help="a Dask scheduler's address, tcp://HOST:8786")
    parser.add_argument("--workers", type=int, default=1, help="local worker processes")
    parser.add_argument(
        "--threads", type=int, default=os.cpu_count() or 1, help="threads per local worker"
    )
    args = parser.parse_args(argv)
    options = {
        k: v
        for k, v in [
            ("role", args.role),
            ("hours_per_week", args.hours_per_week),
            ("related_threshold", args.related_threshold),
        ]
        if v is not None
    }
    paths = skillgap.resume_files(*args.inputs)
    if not paths:
        print(f"error: no resume files in {', '.join(args.inputs)}", file=sys.stderr)
        return 2

    from dask.distributed import Client, LocalCluster

    # The part files go beside the output (a cluster's workers must reach them), or to a
    # temporary folder when the output is stdout or the cluster is local.
    where = Path(args.out).resolve().parent if args.out else None
    parts = Path(tempfile.mkdtemp(prefix=".skillgap-parts-", dir=where))
    try:
        if args.scheduler:
            with Client(args.scheduler):
                run(paths, options, parts)
        else:
            cluster = LocalCluster(
                n_workers=args.workers,
                threads_per_worker=args.threads,
                processes=True,
                dashboard_address=None,
            )
            with cluster, Client(cluster):
                run(paths, options, parts)
        with contextlib.ExitStack() as stack:
            out = stack.enter_context(open(args.out, "wb")) if args.out else sys.stdout.buffer
            failed = 0
            for part in sorted(parts.glob("*.jsonl")):
                with part.open("rb") as f:
                    for line in f:
                        failed += is_error(line)
                        out.write(line)
            out.flush()
    finally:
        shutil.rmtree(parts, ignore_errors=True)
    reported = len(paths) - failed
    print(f"{reported} analysed, {failed} failed", file=sys.stderr)
    return 0 if failed == 0 else (2 if reported == 0 else 1)


if __name__ == "__main__":
    sys.exit(main())
