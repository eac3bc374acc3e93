"""Shared helpers for the benchmarks: paths, timing, the CLI in a subprocess, generated articles."""

from __future__ import annotations

import resource
import shutil
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SEED = ROOT / "source" / "ukraine-atacms.txt"
sys.path.insert(0, str(ROOT))


@dataclass(frozen=True)
class Row:
    """One line of the results table: what was measured, the figure, the target and whether it holds."""

    key: str
    name: str
    figure: str
    target: str
    holds: bool
    detail: str = ""


def median(values: list[float]) -> float:
    return statistics.median(values)


def timed(function, *args, **kwargs) -> float:
    """Wall seconds one call takes."""
    start = time.perf_counter()
    function(*args, **kwargs)
    return time.perf_counter() - start


def clocked(function) -> tuple[float, float]:
    """(wall, CPU) seconds one call takes; CPU time is what a busy shared machine disturbs least."""
    wall, cpu = time.perf_counter(), time.process_time()
    function()
    return time.perf_counter() - wall, time.process_time() - cpu


def medians(samples: list[tuple[float, float]]) -> tuple[float, float]:
    """The median wall and the median CPU time of (wall, CPU) samples."""
    return median([s[0] for s in samples]), median([s[1] for s in samples])


def cli(*args: str, cwd: Path = ROOT) -> tuple[float, float, str]:
    """(wall s, CPU s, stdout) of `python -m layout ARGS` in a fresh process, its worker processes' CPU included."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    run = subprocess.run([sys.executable, "-m", "layout", *args], cwd=cwd, capture_output=True, text=True)
    seconds = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if run.returncode != 0:
        raise RuntimeError(f"layout {' '.join(args)[:200]} failed: {run.stderr[-2000:]}")
    return seconds, (after.ru_utime + after.ru_stime) - (before.ru_utime + before.ru_stime), run.stdout


def bundled_articles() -> list[Path]:
    """The articles bundled in source/ (plain text, and Markdown when a reader takes it)."""
    from layout import readers

    accepted = set(readers.suffixes()) & {".txt", ".md"}
    return sorted(p for p in (ROOT / "source").iterdir() if p.is_file() and p.suffix in accepted)


def make_articles(folder: Path, count: int) -> list[Path]:
    """`count` distinct articles in `folder`: the bundled ones in turn, each with its own closing paragraph."""
    folder.mkdir(parents=True, exist_ok=True)
    for assets in (p for p in (ROOT / "source").iterdir() if p.is_dir()):  # images the articles refer to
        shutil.copytree(assets, folder / assets.name, dirs_exist_ok=True)
    bundled = bundled_articles()
    made = []
    for number in range(count):
        original = bundled[number % len(bundled)]
        target = folder / f"article-{number:03d}{original.suffix}"
        text = original.read_text(encoding="utf-8").rstrip()
        target.write_text(f"{text}\n\nThis is copy {number + 1} of the article, made for the benchmark.\n",
                          encoding="utf-8")
        made.append(target)
    return made


def long_article(path: Path, times: int = 10, source: Path = SEED) -> Path:
    """The seed's headline and standfirst, then its paragraphs repeated `times` times, as plain text."""
    from layout import readers
    from layout.model import Paragraph

    article = readers.read(source)
    body = [block.text for block in article.blocks if isinstance(block, Paragraph)]
    head = [article.meta.title, article.meta.dek] if article.meta.dek else [article.meta.title]
    path.write_text("\n\n".join(head + body * times) + "\n", encoding="utf-8")
    return path
