"""(c) 100 articles built with every core against one job; (d) a no-op rebuild of them, all up to date."""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from common import ROOT, Row, cli, make_articles

COUNT = 100
SPEEDUP = 1.7
NOOP = 1.0


def articles(workspace: Path, count: int = COUNT) -> list[str]:
    """The paths of `count` generated articles (made once per workspace)."""
    folder = workspace / f"articles-{count}"
    if not folder.is_dir():
        make_articles(folder, count)
    return sorted(str(p) for p in folder.glob("article-*"))


def run(workspace: Path, count: int = COUNT) -> list[Row]:
    """(c): one job, then every core, both from a fresh `layout build` process with --force."""
    sources = articles(workspace, count)
    load = os.getloadavg()[0]
    one, one_cpu, _ = cli("build", *sources, "-o", str(workspace / "one-job"), "-j", "1", "--force")
    every, every_cpu, waited = build_watched(*sources, "-o", str(workspace / "dist"), "--force")
    speedup = one / every
    detail = (f"{count} articles, PDF+EPUB, fresh `layout build --force` processes, once each: -j 1 {one:.0f} s "
              f"({one_cpu:.0f} CPU-s), every core ({os.cpu_count()}) {every:.0f} s ({every_cpu:.0f} CPU-s, "
              f"{every_cpu / every:.2f} cores busy on average; the workers waited {waited:.0f} s in all for a CPU "
              f"other processes held); load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    return [Row("c", f"{count} articles, all cores / one job", f"{speedup:.2f}x", f">= {SPEEDUP}x on 2 cores",
                speedup >= SPEEDUP, detail)]


def build_watched(*args: str) -> tuple[float, float, float]:
    """(wall s, CPU s, s the workers were runnable but had no CPU) of `layout build ARGS`, from /proc schedstat."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    with tempfile.TemporaryFile("w+") as errors:
        process = subprocess.Popen([sys.executable, "-m", "layout", "build", *args], cwd=ROOT,
                                   stdout=subprocess.DEVNULL, stderr=errors, text=True)
        waits: dict[str, float] = {}
        while process.poll() is None:
            waits.update(_run_queue_waits(process.pid))
            time.sleep(0.2)
        seconds = time.perf_counter() - start
        if process.returncode != 0:
            errors.seek(0)
            raise RuntimeError(f"layout build failed: {errors.read()[-2000:]}")
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), sum(waits.values())


def _run_queue_waits(parent: int) -> dict[str, float]:
    """Seconds each child of `parent` has spent runnable but waiting for a CPU (Linux; empty elsewhere)."""
    try:
        children = Path(f"/proc/{parent}/task/{parent}/children").read_text().split()
    except OSError:
        return {}
    waits = {}
    for pid in children:
        try:
            waits[pid] = int(Path(f"/proc/{pid}/schedstat").read_text().split()[1]) / 1e9
        except (OSError, IndexError, ValueError):
            continue
    return waits


def run_noop(workspace: Path, count: int = COUNT, runs: int = 3) -> list[Row]:
    """(d): `layout build` again on the articles (c) built; every one is up to date."""
    sources, out = articles(workspace, count), workspace / "dist"
    cli("build", *sources, "-o", str(out))  # untimed: builds whatever (c) did not, or a change since made stale
    done = [cli("build", *sources, "-o", str(out)) for _ in range(runs)]
    times = sorted(wall for wall, _, _ in done)
    seconds = times[len(times) // 2]
    skipped = all(f"0 built, {len(sources)} skipped" in stdout for _, _, stdout in done)
    detail = (f"median of {runs} fresh `layout build` processes, process start included; fastest {times[0]:.2f} s; "
              f"{'all' if skipped else 'NOT all'} {len(sources)} skipped")
    holds = seconds <= NOOP and skipped
    return [Row("d", f"no-op rebuild of {count} articles", f"{seconds:.2f} s", f"<= {NOOP} s", holds, detail)]
