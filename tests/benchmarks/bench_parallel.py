"""(c) 100 articles built with every core against one job; (d) a no-op rebuild of them, all up to date."""

from __future__ import annotations

import os
from pathlib import Path

from common import Row, cli, make_articles

COUNT = 100
SPEEDUP = 1.7
NOOP = 1.0


def articles(workspace: Path, count: int = COUNT) -> Path:
    """The folder of `count` generated articles (made once per workspace)."""
    folder = workspace / f"articles-{count}"
    if not folder.is_dir():
        make_articles(folder, count)
    return folder


def run(workspace: Path, count: int = COUNT) -> list[Row]:
    """(c): one job, then every core, both from a fresh `layout build` process with --force."""
    folder = articles(workspace, count)
    load = os.getloadavg()[0]
    one = cli("build", str(folder), "-o", str(workspace / "one-job"), "-j", "1", "--force")
    every = cli("build", str(folder), "-o", str(workspace / "dist"), "--force")
    speedup = one / every
    cores = os.cpu_count()
    detail = (f"{count} articles, PDF+EPUB, fresh `layout build --force` processes, once each: -j 1 {one:.0f} s, "
              f"every core ({cores}) {every:.0f} s; load average {load:.1f} before, {os.getloadavg()[0]:.1f} after")
    return [Row("c", f"{count} articles, all cores / one job", f"{speedup:.2f}x", f">= {SPEEDUP}x on 2 cores",
                speedup >= SPEEDUP, detail)]


def run_noop(workspace: Path, count: int = COUNT, runs: int = 3) -> list[Row]:
    """(d): `layout build` again on the articles (c) built; every one is up to date."""
    folder, out = articles(workspace, count), workspace / "dist"
    if not (out / ".layout").is_dir():
        cli("build", str(folder), "-o", str(out))
    times = sorted(cli("build", str(folder), "-o", str(out)) for _ in range(runs))
    seconds = times[len(times) // 2]
    detail = f"median of {runs} fresh `layout build` processes, process start included; fastest {times[0]:.2f} s"
    return [Row("d", f"no-op rebuild of {count} articles", f"{seconds:.2f} s", f"<= {NOOP} s", seconds <= NOOP,
                detail)]
