"""(b) `layout --help` wall time in a fresh process, and its ratio to `python -c pass`."""

from __future__ import annotations

import resource
import subprocess
import sys
from pathlib import Path

from common import ROOT, Row, medians, timed

RUNS = 5
TARGET = 0.3


def measure(command: list[str]) -> tuple[float, float]:
    """(wall, CPU) seconds of the command in a fresh process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    seconds = timed(subprocess.run, command, cwd=ROOT, capture_output=True, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime)


def run(workspace: Path, runs: int = RUNS) -> list[Row]:
    help_command = [sys.executable, "-m", "layout", "--help"]
    bare_command = [sys.executable, "-c", "pass"]
    measure(help_command), measure(bare_command)  # warm the file cache
    helps, bares = [], []
    for _ in range(runs):
        helps.append(measure(help_command))
        bares.append(measure(bare_command))
    (seconds, cpu), (bare, bare_cpu) = medians(helps), medians(bares)
    detail = (f"median of {runs} fresh processes, interleaved: {cpu * 1000:.0f} ms CPU; `python -c pass` "
              f"{bare * 1000:.0f} ms wall, {bare_cpu * 1000:.0f} ms CPU; ratio to it {seconds / bare:.1f}x wall")
    return [Row("b", "`layout --help` wall time", f"{seconds:.3f} s", f"<= {TARGET} s", seconds <= TARGET, detail)]
