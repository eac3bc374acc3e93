"""(c) 100 articles built with every core against one job; (d) a no-op rebuild of them, all up to date."""

from __future__ import annotations

import os
from pathlib import Path

from common import Row, cli, make_articles

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
    every, every_cpu, _ = cli("build", *sources, "-o", str(workspace / "dist"), "--force")
    speedup = one / every
    detail = (f"{count} articles, PDF+EPUB, fresh `layout build --force` processes, once each: -j 1 {one:.0f} s "
              f"({one_cpu:.0f} CPU-s), every core ({os.cpu_count()}) {every:.0f} s ({every_cpu:.0f} CPU-s, "
              f"{every_cpu / every:.2f} cores busy on average); load average {load:.1f} before, "
              f"{os.getloadavg()[0]:.1f} after")
    return [Row("c", f"{count} articles, all cores / one job", f"{speedup:.2f}x", f">= {SPEEDUP}x on 2 cores",
                speedup >= SPEEDUP, detail)]


def run_noop(workspace: Path, count: int = COUNT, runs: int = 3) -> list[Row]:
    """(d): `layout build` again on the articles (c) built; every one is up to date."""
    sources, out = articles(workspace, count), workspace / "dist"
    if not (out / ".layout").is_dir():
        cli("build", *sources, "-o", str(out))
    done = [cli("build", *sources, "-o", str(out)) for _ in range(runs)]
    times = sorted(wall for wall, _, _ in done)
    seconds = times[len(times) // 2]
    skipped = all(f"0 built, {len(sources)} skipped" in stdout for _, _, stdout in done)
    detail = (f"median of {runs} fresh `layout build` processes, process start included; fastest {times[0]:.2f} s; "
              f"{'all' if skipped else 'NOT all'} {len(sources)} skipped")
    holds = seconds <= NOOP and skipped
    return [Row("d", f"no-op rebuild of {count} articles", f"{seconds:.2f} s", f"<= {NOOP} s", holds, detail)]
