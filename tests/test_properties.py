"""Property tests: any text either builds outputs that hold every paragraph, or fails with the project's error."""


from hypothesis import HealthCheck, Phase, given, settings, strategies as st

from conftest import epubcheck, squash
from layout import themes
from layout.build import build
from layout.errors import SourceError
from layout.model import (Article, Blockquote, Dropped, Heading, Image, ListBlock, Meta, Note, Paragraph, Rule, Run,
                          article_from_dict, article_to_dict)

TEXT = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
RUNS = st.lists(st.builds(Run, TEXT, st.booleans(), st.booleans(), st.sampled_from(["", "https://e.org/x"])),
                min_size=1, max_size=4).map(tuple)
ID = st.integers(1, 999).map(lambda n: f"b{n:03d}")
BLOCK = st.one_of(
    st.builds(Paragraph, ID, RUNS),
    st.builds(Heading, ID, RUNS, st.integers(2, 6)),
    st.builds(Blockquote, ID, st.lists(RUNS, min_size=1, max_size=3).map(tuple)),
    st.builds(ListBlock, ID, st.lists(RUNS, min_size=1, max_size=3).map(tuple), st.booleans()),
    st.builds(Image, ID, TEXT, TEXT, TEXT, TEXT),
    st.builds(Rule, ID),
)
META = st.builds(Meta, TEXT, TEXT, st.lists(TEXT, max_size=3).map(tuple), TEXT, TEXT, TEXT, st.just("en"), TEXT,
                 TEXT, st.lists(TEXT, max_size=3).map(tuple))
ARTICLE = st.builds(Article, META, st.lists(BLOCK, max_size=6).map(tuple),
                    st.lists(st.builds(Dropped, TEXT, TEXT), max_size=3).map(tuple), st.just(""),
                    st.lists(st.builds(Note, ID, TEXT, st.lists(RUNS, min_size=1, max_size=2).map(tuple)),
                             max_size=2).map(tuple))


@given(ARTICLE)
@settings(max_examples=200)
def test_model_json_round_trip(article):
    assert article_from_dict(article_to_dict(article)) == article


# Scripts the bundled fonts cover (Latin, Greek, Cyrillic), typographic punctuation, digits and markup-like
# characters; other scripts fall back to system fonts, which the font test rightly refuses.
ALPHABET = ("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789éèàüößçñÆøåłőžčΑβγδЖжЯя"
            "„“”‘’«»—–-…·.,;:!?()[]{}<>&\"'/\\@#%*+=_~^$§°€£¥\u00a0\u00ad\u200b")
WORD = st.text(st.sampled_from(ALPHABET), min_size=1, max_size=12)
SENTENCE = st.lists(WORD, min_size=3, max_size=30).map(" ".join)
PARAGRAPH = st.lists(SENTENCE, min_size=1, max_size=4).map(lambda s: ". ".join(s) + ".")
ARTICLE_TEXT = st.tuples(SENTENCE, st.lists(PARAGRAPH, min_size=0, max_size=8)).map(
    lambda t: t[0] + "\n\n" + "\n\n".join(t[1]) + "\n")

built_epubs = []


@given(ARTICLE_TEXT)
@settings(max_examples=8, deadline=None, phases=[Phase.explicit, Phase.reuse, Phase.generate],
          suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                  HealthCheck.too_slow])
def test_any_text_builds_or_fails_cleanly(tmp_path_factory, text):
    folder = tmp_path_factory.mktemp("prop")
    source = folder / "article.txt"
    source.write_text(text, encoding="utf-8")
    try:
        result = build(source, folder / "out", ("pdf", "epub"), themes.load("clipping"))
    except SourceError as exc:
        assert exc.message and exc.hint
        return
    outputs = {p.suffix: p for p in result.outputs}
    from conftest import pdftotext

    layer = squash(pdftotext(outputs[".pdf"], "-raw"))  # content-stream order: the order the text was set
    for index, block in enumerate(result.article.blocks):
        text = squash(block.text)
        if index == 0 and text:  # the drop cap is a float, set before the line it belongs to
            cap = squash(block.text.strip()[0])  # one letter, but "ß" folds to "ss"
            assert cap in layer
            text = text[len(cap):]
        assert text in layer, block.id
    if len(built_epubs) < 2:
        built_epubs.append(outputs[".epub"])
        assert epubcheck(outputs[".epub"]) == []
