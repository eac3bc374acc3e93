"""The HTML reader on the shared corpus's saved pages: score.py's targets, and bylines and dates found.

Run as a script (`python tests/readers/test_corpus_html.py`) to print the table and the rates.
"""

from __future__ import annotations

import functools
import importlib.util
import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SCRIPT = ROOT / "scripts" / "score_corpus.py"
SOURCE = "page.html"

TARGETS = {  # metric of the "all" row: lowest value allowed
    "recall_median": 1.00,
    "recall_full": 0.85,
    "precision_median": 0.95,
}
TITLE_TARGET = 0.95
# What general rules reach: on 22 pages the JSON-LD headline and og:title disagree, and the ground truth
# follows the one or the other by publisher (16 JSON-LD, 6 Open Graph). The corpus is built from the Fundus
# project's parser tests, whose parsers are written per publisher. The reader takes JSON-LD's headline, or
# the one the article's heading shows when the <h1> is an SEO title in the breadcrumbs (2 pages gained, none
# lost). Of the 4 pages left, 3 show the JSON-LD headline as their heading while the truth takes og:title, and
# the fourth (FAZ) is the mirror image of the 4 Funke pages: the same sources agree and the truth picks the
# opposite side. Measured, and not adopted: a majority vote (1 gained, 3 lost); og:title first (12 lost); the
# first <h1> (0.83); preferring og:title where the JSON-LD's dates break ISO 8601 (the 2 such pages, both
# Open Graph in the truth, but one shows the JSON-LD headline as its heading: a rule fitted to two pages).
# Reaching 0.95 would take a table of publishers, which these 58 pages would fit.
TITLE_FLOOR = 0.93
AUTHOR_RATE = 0.90
DATE_RATE = 0.90


def _scoring():
    spec = importlib.util.spec_from_file_location("score_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def _corpus() -> Path:
    if not (CORPUS / "README.md").exists():
        pytest.fail(f"the shared corpus is missing at {CORPUS}")
    return CORPUS


@functools.cache
def _read() -> tuple[dict, list[str]]:
    return _scoring().read_corpus(_corpus(), SOURCE)


@functools.cache
def _summary() -> dict:
    scoring = _scoring()
    table, _, _ = scoring.score(_corpus(), SOURCE, read=_read())
    return scoring.summary(table)["all"]


def _title_rate() -> float:
    """The share of pages whose title matches, unrounded (the table prints two decimals)."""
    truths = _truths()
    articles, _ = _read()
    fold = _scoring().load_scorer().fold
    return sum(name in articles and fold(articles[name][1].meta.title) == fold(truth["title"])
               for name, truth in truths.items()) / len(truths)


def _truths() -> dict[str, dict]:
    return {p.parent.name: json.loads(p.read_text()) for p in sorted(_corpus().glob("*/truth.json"))}


def author_found(truth: dict, authors: tuple[str, ...]) -> bool:
    """Some author of the truth has its surname among the model's authors (pages with no author count)."""
    if not truth["authors"]:
        return True
    found = " ".join(authors).casefold()
    return bool(authors) and any(name.split()[-1].casefold() in found for name in truth["authors"])


def date_found(truth: dict, date: str) -> bool:
    """The model's date falls on the truth's calendar day."""
    return bool(date) and date[:10] == truth["date"][:10]


def rates() -> tuple[float, float, list[str]]:
    """(author rate, date rate, misses) over every corpus page."""
    articles, _ = _read()
    misses, authors, dates = [], 0, 0
    truths = _truths()
    for name, truth in truths.items():
        article = articles[name][1] if name in articles else None
        meta = article.meta if article else None
        if meta and author_found(truth, meta.authors):
            authors += 1
        else:
            misses.append(f"{name}: authors {meta.authors if meta else None} for {truth['authors']}")
        if meta and date_found(truth, meta.date):
            dates += 1
        else:
            misses.append(f"{name}: date {meta.date if meta else None} for {truth['date']}")
    return authors / len(truths), dates / len(truths), misses


def test_every_page_reads():
    _, failures = _read()
    assert failures == []
    assert len(_read()[0]) == len(_truths())


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_targets(metric):
    assert _summary()[metric] >= TARGETS[metric], f"{metric} {_summary()[metric]:.2f} < {TARGETS[metric]}"


def test_titles_hold_their_floor():
    assert _title_rate() >= TITLE_FLOOR


@pytest.mark.xfail(strict=True, reason="JSON-LD and Open Graph headlines disagree on 22 pages; the truth "
                                       "follows either by publisher (see TITLE_FLOOR)")
def test_titles_reach_the_target():
    assert _title_rate() >= TITLE_TARGET


def test_authors_and_dates_found():
    author_rate, date_rate, misses = rates()
    assert author_rate >= AUTHOR_RATE, misses
    assert date_rate >= DATE_RATE, misses


def test_no_page_keeps_a_remote_image():
    for _, article in _read()[0].values():
        assert all(not b.src.startswith(("http:", "https:", "//", "data:")) for b in article.blocks if b.type == "image")


def test_no_words_run_together_at_a_closing_bracket():
    """An SVG icon inside a link made the extractor move the link's words behind the text after the link,
    where they ran into it ("... Umsatz)Doppelte ..."): no block of any page has a letter right after a ")"
    that follows a word."""
    import re

    joined = [f"{name}: {match.group()}" for name, (_, article) in _read()[0].items() for block in article.blocks
              for match in re.finditer(r"\w\)[^\W\d_]", block.text)]
    assert joined == []


def main() -> int:
    scoring = _scoring()
    table, _, failures = scoring.score(_corpus(), SOURCE, read=_read())
    for failure in failures:
        print(f"failed: {failure}")
    print(table, end="")
    author_rate, date_rate, misses = rates()
    print(f"authors found {author_rate:.2f}  dates found {date_rate:.2f}")
    for miss in misses:
        print(f"  {miss}")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(ROOT))
    sys.exit(main())
