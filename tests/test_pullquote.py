"""The pull quote: the article's own quotation, whole sentences, placed high in the first column."""

from layout.model import Article, Meta, Paragraph, Run
from layout.pullquote import pull_quote

FILLER = "The council met on Tuesday evening and talked at length about the roads, the schools and the library."


def article(*texts: str) -> Article:
    return Article(Meta(title="T"), tuple(Paragraph(f"b{i:03d}", (Run(t),)) for i, t in enumerate(texts, 1)))


def test_takes_a_quoted_sentence_and_places_it_after_a_paragraph():
    quote = "We will fix every road in town before the first snow falls this winter."
    texts = [FILLER] * 10 + [f"The mayor said: “{quote}” Then she left."] + [FILLER] * 10
    chosen = pull_quote(article(*texts))
    assert chosen is not None and chosen.text == quote
    assert chosen.after in {f"b{i:03d}" for i in range(1, 21)}


def test_no_pull_quote_in_a_short_article_or_without_quotations():
    assert pull_quote(article(FILLER, "“A quotation that is long enough to be chosen as a pull quote here.”")) is None
    assert pull_quote(article(*[FILLER] * 20)) is None


def test_a_quotation_starting_mid_sentence_is_not_chosen():
    texts = [FILLER] * 10 + ["He spoke of “more aid, more money and more help for the towns along the river.”"] + [
        FILLER] * 10
    assert pull_quote(article(*texts)) is None


def test_a_quoted_question_is_not_chosen():
    question = "What temperature rating should a sleeping bag have for a night in the hills in May?"
    statement = "We will fix every road in town before the first snow falls this winter."
    texts = [FILLER] * 10 + [f"Readers ask: “{question}”", f"The mayor said: “{statement}”"] + [FILLER] * 10
    assert pull_quote(article(*texts)).text == statement
    assert pull_quote(article(*[FILLER] * 10, f"Readers ask: “{question}”", *[FILLER] * 10)) is None


def test_a_question_in_arabic_or_greek_is_not_chosen_either():
    arabic = "هل ستنتهي أعمال إصلاح الجسر قبل الشتاء كما وعد المجلس في الربيع الماضي؟"
    greek = "Θα τελειώσουν οι εργασίες στη γέφυρα πριν από τον χειμώνα, όπως υποσχέθηκε το συμβούλιο;"
    for lang, question in (("ar", arabic), ("el", greek)):
        texts = [FILLER] * 10 + [f"Readers ask: “{question}”"] + [FILLER] * 10
        chosen = article(*texts)
        chosen = Article(Meta(title="T", lang=lang), chosen.blocks)
        assert pull_quote(chosen) is None, lang


def test_a_statement_in_a_script_without_capitals_can_be_chosen():
    statement = "سننتهي من إصلاح كل طرق المدينة قبل أن يتساقط الثلج الأول هذا الشتاء."
    texts = [FILLER] * 10 + [f"قال رئيس البلدية: «{statement}»"] + [FILLER] * 10
    assert pull_quote(Article(Meta(title="T", lang="ar"), article(*texts).blocks)).text == statement


def test_a_quotation_longer_than_a_pull_quote_is_passed_over():
    long_sentence = "We will " + "fix every road and every bridge in town, " * 6 + "before the snow."
    texts = [FILLER] * 10 + [f"The mayor said: “{long_sentence}”"] + [FILLER] * 10
    assert pull_quote(article(*texts)) is None
