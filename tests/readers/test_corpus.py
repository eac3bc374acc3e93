"""The plain-text reader scored on the shared corpus by the shared score.py: the targets must hold."""

from __future__ import annotations

import functools
import importlib.util
from pathlib import Path

import pytest

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
def _scores() -> tuple[dict, str, tuple[str, ...]]:
    scoring = _scoring()
    table, rows, failures = scoring.score(CORPUS)
    return scoring.summary(table), rows, tuple(failures)


def scores() -> tuple[dict, str, tuple[str, ...]]:
    """The score table for the corpus, computed once; a missing corpus fails the test, never skips it."""
    if not any(CORPUS.glob("*/scraped.txt")):
        pytest.fail(f"the shared corpus is missing: no <article>/scraped.txt under {CORPUS}", pytrace=False)
    return _scores()


def test_every_article_is_read():
    _, _, failures = scores()
    assert failures == ()


@pytest.mark.parametrize("metric", sorted(TARGETS))
def test_target(metric):
    summary, rows, _ = scores()
    value = summary["all"][metric]
    assert value >= TARGETS[metric], f"{metric} = {value:.2f} < {TARGETS[metric]:.2f}\n{rows}"
