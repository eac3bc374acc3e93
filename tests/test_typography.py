"""Typographic quotes: by language, across runs, apostrophes kept apart, and the same text in both outputs."""

import zipfile

import pytest

from conftest import pdftotext
from layout import themes
from layout.build import build
from layout.model import Article, Meta, Paragraph, Run
from layout.typography import curl_runs, curl_text, direction, marks_for, typeset


@pytest.mark.parametrize("lang, straight, curled", [
    ("en", "He said \"don't\" in the '90s.", "He said “don’t” in the ’90s."),
    ("en", "'Single' and \"double\" (\"inside\")", "‘Single’ and “double” (“inside”)"),
    ("de", "Er sagte: \"Das ist 'gut'.\" Hans' Buch", "Er sagte: „Das ist ‚gut‘.“ Hans’ Buch"),
    ("fr", "Il a dit \"bonjour\" à l'homme", "Il a dit «\u202fbonjour\u202f» à l’homme"),
    ("fr", "Il a dit : \" Non \".", "Il a dit\u00a0: «\u202fNon\u202f»."),
    ("fr", "Vraiment ? « Déjà » ! Oui ; non.", "Vraiment\u202f? «\u202fDéjà\u202f»\u202f! Oui\u202f; non."),
    ("fr", "\"Il a dit 'bien'\"", "«\u202fIl a dit “bien”\u202f»"),
    ("en", "Rock 'n' roll, 'Tis the season", "Rock ’n’ roll, ’Tis the season"),
    ("en", "He is 6'2\" tall; \"I am 30\"", "He is 6′2″ tall; “I am 30”"),
    ("en", "Wait -- no --- yes... a---- b", "Wait – no — yes… a---- b"),
    ("en", "holidays - booking the right day, a well-known pre-war - and 1,000-day - war", "holidays – booking the right "
           "day, a well-known pre-war – and 1,000-day – war"),
    ("de", "ab 1966 - etwa 16.000 - betroffen; - nicht am Anfang;  - nicht nach zwei Leerzeichen",
     "ab 1966 – etwa 16.000 – betroffen; – nicht am Anfang;  - nicht nach zwei Leerzeichen"),
    ("de", "\"'Gut', sagte er.\"", "„‚Gut‘, sagte er.“"),
    ("en", "He said, \"'Not now,' she told me.\"", "He said, “‘Not now,’ she told me.”"),
    ("en", "'\"Yes\"'", "‘“Yes”’"),
    ("de-CH", "Er sagte \"Grüezi\".", "Er sagte «Grüezi»."),
    ("pt-BR", "Ele disse \"oi\".", "Ele disse “oi”."),
])
def test_quotes_by_language(lang, straight, curled):
    assert curl_text(straight, marks_for(lang)) == curled


def test_a_language_without_marks_keeps_straight_quotes():
    article = Article(Meta(title='Powiedział "tak"', lang="pl"), (Paragraph("b001", (Run("To 'jest'"),)),), (), "x")
    assert marks_for("pl") is None and typeset(article) == article


def test_quotes_judged_across_runs():
    runs = (Run('He called it "'), Run("the plan", emphasis=True), Run('" again.'))
    assert [r.text for r in curl_runs(runs)] == ["He called it “", "the plan", "” again."]
    assert curl_runs(runs)[1] is runs[1]  # runs without a quote are kept as they are


def test_typeset_touches_text_not_structure():
    article = Article(Meta(title='The "plan"', dek="It's here", lang="en"),
                      (Paragraph("b001", (Run("A 'word'"),)),), (), "x")
    done = typeset(article)
    assert (done.meta.title, done.meta.dek, done.blocks[0].text) == ("The “plan”", "It’s here", "A ‘word’")
    assert done.blocks[0].id == "b001" and article.meta.title == 'The "plan"'


def test_both_outputs_carry_the_curled_text(tmp_path):
    source = tmp_path / "quotes.md"
    source.write_text('# The "bridge" vote\n\nThe mayor said "we\'ll build it" on Tuesday, and left.\n',
                      encoding="utf-8")
    pdf, epub = build(source, tmp_path, ("pdf", "epub"), themes.load("clipping")).outputs
    assert "“we’ll build it”" in pdftotext(pdf).replace("\n", " ")
    with zipfile.ZipFile(epub) as book:
        assert "“we’ll build it”" in book.read("EPUB/article.xhtml").decode()


def test_program_text_is_left_as_typed():
    from layout.model import Code

    runs = (Run('Call "'), Run("print('hi') -- x...", code=True), Run('" now.'))
    assert [r.text for r in curl_runs(runs)] == ["Call “", "print('hi') -- x...", "” now."]
    article = Article(Meta(title="T", lang="en"), (Code("b001", 'print("hi")  # --'),), (), "x")
    assert typeset(article).blocks == article.blocks


def test_code_is_set_in_the_bundled_monospaced_face(tmp_path):
    from conftest import pdffonts

    source = tmp_path / "code.md"
    source.write_text('# Code\n\nA paragraph before the program, long enough.\n\n```\nprint("hi")\n```\n',
                      encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    assert "Layout-Mono" in pdffonts(pdf)
    assert 'print("hi")' in pdftotext(pdf)


def test_direction_by_language():
    assert [direction(t) for t in ("ar", "he", "fa-IR", "ur", "yi", "az-Arab", "ar_EG", "syr", "pa-Arab-PK")] == ["rtl"] * 9
    assert [direction(t) for t in ("en", "de-CH", "hi", "az", "", "sd-Deva", "ar-Latn")] == ["ltr"] * 7
