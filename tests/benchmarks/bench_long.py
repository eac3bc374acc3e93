"""(e) An article ten times the seed's length against the seed: build time ratio, and peak memory of a build."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from pathlib import Path

from common import SEED, Row, clocked, long_article, medians

RUNS = 3
TIMES = 10
TIME_TARGET = 11.0
MEMORY_TARGET = 400  # MB
# A fresh process that runs one command and prints its child's peak resident set (kB on Linux).
RUNNER = ("import resource, subprocess, sys; subprocess.run(sys.argv[1:], check=True, capture_output=True); "
          "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")


def peak_mb(source: Path, out: Path) -> float:
    """Peak RSS of `layout build SOURCE --force` (PDF and EPUB) in a fresh process, in MB."""
    command = [sys.executable, "-m", "layout", "build", str(source), "-o", str(out), "--force"]
    run = subprocess.run([sys.executable, "-c", RUNNER, *command], capture_output=True, text=True, check=True)
    return int(run.stdout.split()[-1]) / 1024


def run(workspace: Path, runs: int = RUNS) -> list[Row]:
    from layout import readers, themes
    from layout.build import build

    folder = Path(tempfile.mkdtemp(dir=workspace, prefix="long-"))
    long = long_article(folder / "long.txt", TIMES)
    theme = themes.load("clipping")
    words = readers.read(long).words / readers.read(SEED).words
    seed_build = lambda: build(SEED, folder / "seed-out", ("pdf", "epub"), theme)  # noqa: E731
    long_build = lambda: build(long, folder / "long-out", ("pdf", "epub"), theme)  # noqa: E731
    seed_build()  # warm
    seed_times, long_times = [], []
    for _ in range(runs):
        seed_times.append(clocked(seed_build))
        long_times.append(clocked(long_build))
    (seed_wall, seed_cpu), (long_wall, long_cpu) = medians(seed_times), medians(long_times)
    ratio = long_cpu / seed_cpu
    seed_peak, long_peak = peak_mb(SEED, folder / "peak-seed"), peak_mb(long, folder / "peak-long")
    return [
        Row("e", f"{TIMES}x the seed / the seed, time", f"{ratio:.1f}x CPU ({long_wall / seed_wall:.1f}x wall)",
            f"<= {TIME_TARGET:.0f}x", ratio <= TIME_TARGET,
            f"PDF+EPUB, warm, in-process, medians of {runs} interleaved: {long_cpu:.2f} s CPU ({long_wall:.2f} s wall) "
            f"against {seed_cpu:.2f} s CPU ({seed_wall:.2f} s wall); {words:.2f}x the seed's words"),
        Row("e", f"{TIMES}x the seed, peak memory", f"{long_peak:.0f} MB", f"<= {MEMORY_TARGET} MB",
            long_peak <= MEMORY_TARGET, f"max RSS of a fresh `layout build` process; the seed's: {seed_peak:.0f} MB"),
    ]
