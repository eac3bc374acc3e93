"""Run the benchmarks and print a table of ratios measured within this one run: `python3 tests/benchmarks/run.py`."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import bench_long  # noqa: E402
import bench_overhead  # noqa: E402
import bench_parallel  # noqa: E402
import bench_startup  # noqa: E402
from common import Row  # noqa: E402

BENCHMARKS = {
    "overhead": bench_overhead.run,  # (a)
    "startup": bench_startup.run,  # (b)
    "parallel": bench_parallel.run,  # (c), minutes
    "noop": bench_parallel.run_noop,  # (d), after (c)
    "long": bench_long.run,  # (e)
}


def table(rows: list[Row]) -> str:
    """The rows as a Markdown table."""
    lines = ["| | benchmark | measured | target | holds | how |", "|---|---|---|---|---|---|"]
    lines += [f"| {r.key} | {r.name} | {r.figure} | {r.target} | {'yes' if r.holds else 'NO'} | {r.detail} |"
              for r in rows]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("only", nargs="*", help=f"run only these, of: {', '.join(BENCHMARKS)} (default: all)")
    parser.add_argument("--keep", type=Path, help="make the articles and outputs in this folder, and keep them")
    args = parser.parse_args(argv)
    unknown = set(args.only) - set(BENCHMARKS)
    if unknown:
        parser.error(f"unknown benchmark {', '.join(sorted(unknown))}")
    if args.keep:
        args.keep.mkdir(parents=True, exist_ok=True)
        return report(args.keep, args.only)
    with tempfile.TemporaryDirectory(prefix="layout-bench-") as workspace:
        return report(Path(workspace), args.only)


def report(workspace: Path, only: list[str]) -> int:
    """Run the chosen benchmarks in `workspace`, print the table; exit status 1 when a target is missed."""
    rows: list[Row] = []
    for name, bench in BENCHMARKS.items():
        if only and name not in only:
            continue
        started = time.perf_counter()
        print(f"running {name}...", file=sys.stderr, flush=True)
        rows += bench(workspace)
        print(f"  {name} took {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    print(table(rows))
    print(f"\n{os.cpu_count()} cores, Python {sys.version.split()[0]}")
    return 0 if all(row.holds for row in rows) else 1

if __name__ == "__main__":
    sys.exit(main())
