"""The plain-text reader scored on the shared corpus by the shared score.py: the targets must hold."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest

from layout.readers import text
from placed import is_placed, placed

ROOT = Path(__file__).resolve().parents[2]
CORPUS = ROOT.parent / "shared" / "corpus"
SCRIPT = ROOT / "scripts" / "score_corpus.py"

TARGETS = {  # metric of the "all" row: lowest value allowed
    "title": 0.95,
    "recall_median": 1.00,
    "recall_full": 0.90,
    "precision_median": 0.93,
}


def _scoring():
    spec = importlib.util.spec_from_file_location("score_corpus", SCRIPT)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@functools.cache
def _read() -> tuple[dict, list[str]]:
    return _scoring().read_corpus(CORPUS)


@functools.cache
def _scores() -> tuple[dict, str, tuple[str, ...]]:
    scoring = _scoring()
    table, rows, failures = scoring.score(CORPUS, read=_read())
    return scoring.summary(table), rows, tuple(failures)


def corpus_present() -> None:
    """A missing corpus fails the test, never skips it."""
    if not any(CORPUS.glob("*/scraped.txt")):
        pytest.fail(f"the shared corpus is missing: no <article>/scraped.txt under {CORPUS}", pytrace=False)


def scores() -> tuple[dict, str, tuple[str, ...]]:
    """The score table for the corpus, computed once."""
    corpus_present()
    return _scores()


def test_every_article_is_read():
    corpus_present()
    articles, failures = _read()
    assert failures == []
    assert len(articles) == len(list(CORPUS.glob("*/scraped.txt")))


def test_nothing_is_lost_silently():
    corpus_present()
    for name, (source, article) in _read()[0].items():
        texts = set(placed(article))
        lost = [chunk for chunk in text.split_chunks(source) if not is_placed(chunk, texts)]
        assert not lost, f"{name}: {lost[:3]}"
        assert all(entry.reason for entry in article.dropped), name


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_target(metric):
    summary, rows, _ = scores()
    value = summary["all"][metric]
    assert value >= TARGETS[metric], f"{metric} = {value:.2f} < {TARGETS[metric]:.2f}\n{rows}"
