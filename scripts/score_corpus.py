#!/usr/bin/env python3
"""Score a reader on the shared corpus with the shared score.py: scraped.txt by default, or --input page.html."""

from __future__ import annotations

import argparse
import difflib
import importlib.util
import io
import json
import re
import sys
import tempfile
import types
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from layout.errors import SourceError  # noqa: E402
from layout.model import article_to_dict  # noqa: E402
from layout.readers import READERS, reader  # noqa: E402
from layout.readers.decode import decode  # noqa: E402

DEFAULT_CORPUS = ROOT.parent / "shared" / "corpus"
SCORER = ROOT.parent / "shared" / "tools" / "score.py"


class _BoundedMatcher(difflib.SequenceMatcher):
    """difflib's matcher, answering ratio() with an upper bound when that bound is under the threshold.

    real_quick_ratio() and quick_ratio() are upper bounds of ratio() (difflib's documentation), so
    every `ratio() >= SIMILARITY` test comes out exactly as with the full computation, many times faster.
    """

    SIMILARITY = 0.9

    def ratio(self) -> float:
        for bound in (self.real_quick_ratio, self.quick_ratio):
            value = bound()
            if value < self.SIMILARITY:
                return value
        return super().ratio()


def load_scorer(path: Path = SCORER, exact: bool = False):
    """Import the shared score.py from its path; unless `exact`, with the bounded matcher (same verdicts)."""
    spec = importlib.util.spec_from_file_location("corpus_score", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    if not exact:
        module.difflib = types.SimpleNamespace(SequenceMatcher=_BoundedMatcher)
    return module


def read_corpus(corpus: Path, source: str = "scraped.txt") -> tuple[dict, list[str]]:
    """Read every corpus/<id>/<source> with the reader for its suffix: ({id: (text, article)}, failures)."""
    read = reader(Path(source).suffix if Path(source).suffix.lower() in READERS else ".txt")
    articles, failures = {}, []
    for folder in sorted(p for p in corpus.iterdir() if (p / source).exists()):
        content = decode((folder / source).read_bytes(), source)
        try:
            articles[folder.name] = (content, read(content, folder.name))
        except SourceError as exc:
            failures.append(f"{folder.name}: {exc.message}")
    return articles, failures


def write_models(articles: dict, models: Path) -> None:
    """Write each article's model as models/<id>.json, the JSON `layout inspect --json` prints."""
    for name, (_, article) in articles.items():
        (models / f"{name}.json").write_text(json.dumps(article_to_dict(article), ensure_ascii=False))


def score(corpus: Path, source: str = "scraped.txt", exact: bool = False,
          read: tuple[dict, list[str]] | None = None) -> tuple[str, str, list[str]]:
    """Run the reader (unless `read` holds read_corpus's result) and score.py on `corpus`.

    Returns (summary table, per-article rows, failures).
    """
    articles, failures = read or read_corpus(corpus, source)
    scorer = load_scorer(exact=exact)
    out, err = io.StringIO(), io.StringIO()
    with tempfile.TemporaryDirectory() as tmp:
        write_models(articles, Path(tmp))
        with redirect_stdout(out), redirect_stderr(err):
            scorer.main(str(corpus), tmp)
    return out.getvalue(), err.getvalue(), failures


def summary(table: str) -> dict[str, dict[str, float]]:
    """Parse score.py's table into {language: {metric: value}}."""
    rows = {}
    for line in table.splitlines():
        if line.strip():
            name = line.split()[0]
            rows[name] = {k: float(v) for k, v in re.findall(r"(\w+)=\s*([\d.]+)", line)}
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("corpus", nargs="?", type=Path, default=DEFAULT_CORPUS, help="the corpus folder")
    parser.add_argument("--input", default="scraped.txt", help="the file to read in each article folder")
    parser.add_argument("--rows", action="store_true", help="print the per-article rows too")
    parser.add_argument("--exact", action="store_true",
                        help="use score.py's matcher unchanged (slow; the verdicts are the same)")
    args = parser.parse_args(argv)
    if not args.corpus.is_dir():
        print(f"no corpus at {args.corpus}", file=sys.stderr)
        return 2
    table, rows, failures = score(args.corpus, args.input, args.exact)
    if args.rows:
        print(rows, end="")
    for failure in failures:
        print(f"failed: {failure}")
    print(table, end="")
    return 0


if __name__ == "__main__":
    sys.exit(main())
