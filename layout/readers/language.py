"""Offline language detection shared by the readers: a two-letter code, or the default when unsure."""

from __future__ import annotations

import logging
import re

log = logging.getLogger(__name__)

MIN_LETTERS = 20       # text with fewer letters than this is too short to tell
MIN_WORDS = 3          # ... and so is text of fewer words
MIN_PROBABILITY = 0.6  # below this langdetect is guessing
SAMPLE = 4000          # characters looked at; more only costs time

_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)


def detect(text: str, default: str = "en") -> str:
    """The language of `text` as a two-letter code; `default` for short, empty or undecidable text."""
    sample = " ".join((text or "").split())[:SAMPLE]
    if len(_LETTER.findall(sample)) < MIN_LETTERS or len(sample.split()) < MIN_WORDS:
        return default
    from langdetect import DetectorFactory, LangDetectException, detect_langs

    DetectorFactory.seed = 0
    try:
        best = detect_langs(sample)[0]
    except LangDetectException:
        return default
    if best.prob < MIN_PROBABILITY:
        log.debug("language undecided (%s at %.2f): using %s", best.lang, best.prob, default)
        return default
    return best.lang[:2]
