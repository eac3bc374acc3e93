"""What the readers share: runs tidied as collected, the dateline set at the head of the lead paragraph."""

from layout.model import Run
from layout.readers.common import merge


def text(*runs: Run) -> str:
    return "".join(run.text for run in merge(list(runs)))


def test_no_space_before_a_comma_or_full_stop_at_a_run_boundary():
    assert text(Run("Visit "), Run("Ocean Florida ", href="https://x.org"), Run(", shared it.")) == (
        "Visit Ocean Florida, shared it.")
    assert text(Run("a "), Run("b", strong=True), Run(" , c")) == "a b, c"
    assert text(Run("see "), Run("this ", href="https://x.org"), Run(").")) == "see this)."


def test_an_ellipsis_or_a_name_with_a_dot_keeps_its_space():
    assert text(Run("And then ", emphasis=True), Run("... silence")) == "And then ... silence"
    assert text(Run("2 ", strong=True), Run(".NET apps")) == "2 .NET apps"


def test_a_dateline_the_metadata_gives_opens_the_lead_paragraph_once():
    from layout.model import Article, Heading, Meta, Paragraph
    from layout.readers.common import with_dateline

    blocks = (Heading("b001", (Run("Hours"),)), Paragraph("b002", (Run("The library will open late."),)))
    lead = lambda article: article.blocks[0].text  # noqa: E731
    assert lead(with_dateline(Article(Meta(title="T", dateline="ASHFORD", lang="en"), blocks[1:] + blocks[:1]))) == (
        "ASHFORD — The library will open late.")
    assert lead(with_dateline(Article(Meta(title="T", dateline="Kiel", lang="de"), blocks[1:] + blocks[:1]))) == (
        "Kiel – The library will open late.")
    named = Paragraph("b002", (Run("Ashford's library will open late."),))
    assert with_dateline(Article(Meta(title="T", dateline="ASHFORD"), (named,))).blocks[0].text == (
        "ASHFORD — Ashford's library will open late.")  # the town's name opening the text is no dateline
    said = Paragraph("b002", (Run("ASHFORD, Kent — The library will open late."),))
    assert with_dateline(Article(Meta(title="T", dateline="Ashford"), (said,))).blocks[0] is said
    stand = Article(Meta(title="T", dek="Kiel. Die Bibliothek öffnet länger.", dateline="Kiel"), blocks[1:])
    assert with_dateline(stand).blocks == blocks[1:]  # the standfirst shows it
    assert with_dateline(Article(Meta(title="T", dateline="Kiel"), blocks)).blocks == blocks  # a heading leads
