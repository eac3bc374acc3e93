"""Offline language detection shared by the Markdown and HTML readers."""

from __future__ import annotations

import pytest

from layout.readers.language import detect

SENTENCES = {
    "en": "The library will stay open late on Thursdays this winter, so that students can work somewhere warm.",
    "de": "Die Bibliothek bleibt in diesem Winter donnerstags länger geöffnet, damit die Schüler im Warmen lernen.",
    "es": "La biblioteca abrirá hasta tarde los jueves este invierno, para que los estudiantes trabajen al calor.",
    "fr": "La bibliothèque restera ouverte tard le jeudi cet hiver, pour que les élèves travaillent au chaud.",
}


@pytest.mark.parametrize("code", sorted(SENTENCES))
def test_detects_the_language(code):
    assert detect(SENTENCES[code]) == code


def test_always_two_letters():
    assert all(len(detect(text)) == 2 for text in SENTENCES.values())


@pytest.mark.parametrize("text", ["", "   ", "Hallo", "Oui, merci", "12 345 678", "!!! ???"])
def test_short_or_empty_text_gives_the_default(text):
    assert detect(text) == "en"
    assert detect(text, default="de") == "de"


def test_same_answer_every_time():
    mixed = "Der Zug kommt spät. The train is late. El tren llega tarde."
    assert len({detect(mixed) for _ in range(5)}) == 1
