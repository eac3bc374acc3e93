"""The HTML reader on small pages written here: structure, metadata, images, dropped furniture."""

from __future__ import annotations

import json
import socket

import pytest

from layout.errors import SourceError
from layout.model import Blockquote, Heading, Image, ListBlock, Paragraph, Run, Table, plain
from layout.readers import html, reader

LONG = ("The committee met on a wet Tuesday morning and spent most of the session arguing about the budget for "
        "the new footbridge, which has already cost twice what was promised when the plan was first announced.")


def page(body: str, head: str = "", lang: str = "en") -> str:
    lang_attr = f' lang="{lang}"' if lang else ""
    return (f"<!DOCTYPE html><html{lang_attr}><head><meta charset='utf-8'>{head}</head><body>"
            f"<nav><ul><li><a href='/'>Home</a></li><li><a href='/news'>News</a></li></ul></nav>"
            f"<main><article>{body}</article></main><footer><p>All rights reserved.</p></footer></body></html>")


HEAD = """<title>Bridge costs double | The Valley Courier</title>
<meta property="og:title" content="Bridge costs double">
<meta property="og:site_name" content="The Valley Courier">
<meta name="description" content="The footbridge over the Lem will cost twice the first estimate.">
<link rel="canonical" href="https://courier.example.com/2024/05/bridge-costs">
<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle",
 "headline": "Bridge costs double", "datePublished": "2024-05-07T09:30:00+02:00",
 "author": [{"@type": "Person", "name": "Ines Marlow"}, {"@type": "Person", "name": "Piet Verhoef"}],
 "publisher": {"@type": "Organization", "name": "The Valley Courier"}}</script>"""

BODY = f"""<h1>Bridge costs double</h1>
<p>{LONG}</p>
<h2>What went wrong</h2>
<p>Engineers found that the river bed was softer than the survey had said, so the foundations had to go
<em>much</em> deeper, and the steel for the deck was ordered <strong>twice</strong> after a
<a href="https://example.org/report">design change</a> late last year.</p>
<figure><img src="images/bridge.jpg" alt="The half-built bridge"><figcaption>The deck in April.
<span class="credit">Photo: Lena Ohr</span></figcaption></figure>
<blockquote><p>We would rather pay once for a bridge that stands than twice for one that does not, said the
council's chief engineer at the meeting.</p></blockquote>
<p>The council listed the options it will put to residents at a public meeting next month, in the town hall:</p>
<ul><li>finish the bridge as designed, at the higher cost</li><li>narrow the deck to save on steel</li>
<li>pause the work until the next budget year</li></ul>
<ol><li>a survey of the far bank</li><li>a new tender for the steel</li></ol>
<img src="https://cdn.example.net/photos/remote.jpg" alt="Council chamber">
<p>A decision is expected before the summer recess, when the contractor's current agreement runs out and
the price of steel is due to be renegotiated with the supplier.</p>"""


@pytest.fixture(scope="module")
def article():
    return html.read(page(BODY, HEAD), "bridge")


def blocks_of(article, kind):
    return [b for b in article.blocks if isinstance(b, kind)]


def test_registered_for_html_suffixes():
    assert reader(".html") is html.read and reader(".HTM") is html.read


def test_metadata_from_json_ld_and_meta_tags(article):
    meta = article.meta
    assert meta.title == "Bridge costs double"
    assert meta.authors == ("Ines Marlow", "Piet Verhoef")
    assert meta.date == "2024-05-07"
    assert meta.publication == "The Valley Courier"
    assert meta.dek == "The footbridge over the Lem will cost twice the first estimate."
    assert meta.url == "https://courier.example.com/2024/05/bridge-costs"
    assert meta.lang == "en"
    assert meta.identifier.startswith("urn:uuid:")


def test_headline_repeated_as_first_heading_is_dropped(article):
    assert all(b.text != "Bridge costs double" for b in article.blocks)
    assert ("Bridge costs double", "repeated headline") in [(d.text, d.reason) for d in article.dropped]


def test_headings_paragraphs_and_inline_styles(article):
    headings = blocks_of(article, Heading)
    assert [h.text for h in headings] == ["What went wrong"] and headings[0].level == 2
    second = blocks_of(article, Paragraph)[1]
    styled = {(r.text, r.emphasis, r.strong, r.href) for r in second.runs}
    assert ("much", True, False, "") in styled
    assert ("twice", False, True, "") in styled
    assert ("design change", False, False, "https://example.org/report") in styled


def test_quote_and_lists(article):
    (quote,) = blocks_of(article, Blockquote)
    assert quote.text.startswith("We would rather pay once")
    lists = blocks_of(article, ListBlock)
    assert [(len(x.items), x.ordered) for x in lists] == [(3, False), (2, True)]
    assert lists[0].items[1][0].text == "narrow the deck to save on steel"


def test_local_figure_keeps_caption_and_credit(article):
    (image,) = blocks_of(article, Image)
    assert image.src == "images/bridge.jpg"
    assert image.alt == "The half-built bridge"
    assert image.caption == "The deck in April."
    assert image.credit == "Photo: Lena Ohr"
    assert "The deck in April." not in " ".join(b.text for b in blocks_of(article, Paragraph))


def test_remote_image_dropped_with_record(article):
    assert ("https://cdn.example.net/photos/remote.jpg", "remote image") in [(d.text, d.reason) for d in article.dropped]
    assert all(not b.src.startswith("http") for b in blocks_of(article, Image))


def test_navigation_and_footer_left_out(article):
    text = " ".join(b.text for b in article.blocks)
    assert "All rights reserved" not in text and "Home" not in text
    assert [b.id for b in article.blocks] == [f"b{i:03d}" for i in range(1, len(article.blocks) + 1)]


def test_meta_tags_when_there_is_no_json_ld():
    head = """<title>Ferry service returns - Harbour Post</title>
    <meta property="og:site_name" content="Harbour Post">
    <meta name="author" content="Ruth Calder">
    <meta property="article:published_time" content="2023-11-02T06:00:00Z">
    <meta property="og:url" content="https://harbour.example.org/ferry">"""
    body = f"<h1>Ferry service returns</h1><p>{LONG}</p><p>{LONG.replace('Tuesday', 'Friday')}</p>"
    meta = html.read(page(body, head, lang="en-gb"), "ferry").meta
    assert meta.title == "Ferry service returns"  # the site's name cut from the <title>
    assert meta.authors == ("Ruth Calder",)
    assert meta.date == "2023-11-02"
    assert meta.publication == "Harbour Post"
    assert meta.url == "https://harbour.example.org/ferry"
    assert meta.lang == "en-GB"


def test_author_string_with_and_is_split():
    head = """<script type="application/ld+json">{"@type": "Article", "headline": "Two names",
    "author": {"@type": "Person", "name": "Ana Ruiz and Bo Lind"}, "datePublished": "2022-01-05"}</script>"""
    meta = html.read(page(f"<p>{LONG}</p><p>{LONG}</p>", head), "two").meta
    assert meta.authors == ("Ana Ruiz", "Bo Lind")


def test_html_lang_sets_the_language():
    body = f"<h1>Brücke wird teurer</h1><p>{LONG}</p>"
    assert html.read(page(body, "<title>Brücke wird teurer</title>", lang="de"), "de").meta.lang == "de"


def test_language_detected_when_the_page_does_not_say():
    german = ("Der Gemeinderat hat am Dienstag lange über die Kosten der neuen Fußgängerbrücke gestritten, die "
              "inzwischen doppelt so teuer ist wie bei der ersten Planung versprochen wurde. ")
    body = f"<h1>Die Brücke</h1><p>{german}</p><p>{german}</p>"
    assert html.read(page(body, "<title>Die Brücke</title>", lang=""), "x").meta.lang == "de"


def test_malformed_json_ld_is_ignored():
    head = '<title>Plain title</title><script type="application/ld+json">{"headline": "broken",</script>'
    assert html.read(page(f"<p>{LONG}</p><p>{LONG}</p>", head), "x").meta.title == "Plain title"


def test_social_embed_and_link_list_dropped():
    body = (f"<p>{LONG}</p><blockquote class='twitter-tweet'><p>Look at this bridge, what a mess, honestly "
            f"the worst thing in town</p></blockquote><p>{LONG.replace('committee', 'board')}</p>"
            "<h3>More from the valley</h3><ul><li><a href='https://courier.example.com/a'>School roof repaired "
            "at last</a></li><li><a href='https://courier.example.com/b'>Market moves to the square</a></li></ul>")
    article = html.read(page(body, "<title>Bridge</title>"), "x")
    assert "social media embed" in {d.reason for d in article.dropped}
    assert not blocks_of(article, ListBlock) and not blocks_of(article, Blockquote)


def test_rules_drop_furniture_with_reasons():
    def para(*runs):
        return Paragraph("", tuple(runs))

    link = "https://courier.example.com/other"
    blocks = [Heading("", (Run("Bridge costs double"),), 1), para(Run("By Ines Marlow")), para(Run(LONG)),
              para(Run("Comments")), Heading("", (Run("Read next"),), 3),
              ListBlock("", ((Run("School roof repaired", href=link),), (Run("Market moves", href=link),))),
              para(Run(LONG.replace("committee", "board"))),
              para(Run("The bridge at dusk. Photo: Lena Ohr")),
              para(Run("With files from the wire services")), Heading("", (Run("More news"),), 2)]
    found = html.PageMeta(title="Bridge costs double", authors=("Ines Marlow",),
                          headlines=("Bridge costs double",))
    kept, dropped, _ = html.apply_rules(blocks, found)
    assert [b.text for b in kept] == [LONG, LONG.replace("committee", "board")]
    assert [d.reason for d in dropped] == ["repeated headline", "byline", "fragment", "teaser label",
                                           "related link", "photo credit", "agency credit", "empty section"]


def test_short_bold_line_between_paragraphs_becomes_a_subheading():
    blocks = [Paragraph("", (Run(LONG),)), Paragraph("", (Run("Costs rise again", strong=True),)),
              Paragraph("", (Run(LONG),))]
    kept, _, _ = html.apply_rules(blocks, html.PageMeta(title="Bridge"))
    assert [type(b) for b in kept] == [Paragraph, Heading, Paragraph]
    assert kept[1].text == "Costs rise again" and not kept[1].runs[0].strong


def test_not_an_article_is_a_source_error():
    with pytest.raises(SourceError) as error:
        html.read("<html><body><nav><a href='/'>Home</a></nav></body></html>", "empty")
    assert "empty" in error.value.message


@pytest.mark.parametrize("source", ["<!-- nothing -->", "<html><head><title>T</title></head></html>",
                                    "<svg xmlns='http://www.w3.org/2000/svg'></svg>"])
def test_a_page_without_an_article_fails_with_no_extractor_log_lines(caplog, source):
    with caplog.at_level("DEBUG"), pytest.raises(SourceError):
        html.read(source, "nothing")
    assert [r for r in caplog.records if r.levelname in ("WARNING", "ERROR")] == []


def test_reads_without_the_network(monkeypatch):
    def refuse(*args, **kwargs):
        raise AssertionError("the reader opened a network connection")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    article = html.read(page(BODY, HEAD), "offline")
    assert article.meta.title == "Bridge costs double"


def test_json_ld_author_references_are_resolved():
    head = "<script type='application/ld+json'>" + json.dumps({"@graph": [
        {"@type": "Person", "@id": "#p1", "name": "Oda Lunde"},
        {"@type": "NewsArticle", "headline": "Graph", "author": {"@id": "#p1"}, "datePublished": "2021-03-04"}]}) \
        + "</script>"
    meta = html.read(page(f"<p>{LONG}</p><p>{LONG}</p>", head), "g").meta
    assert meta.authors == ("Oda Lunde",) and meta.date == "2021-03-04"


def test_breadcrumb_list_before_the_text_is_navigation():
    crumbs = ListBlock("", ((Run("News"),), (Run("Local"),), (Run("Valley towns"),)))
    kept, dropped, _ = html.apply_rules([crumbs, Paragraph("", (Run(LONG),))], html.PageMeta(title="Bridge"))
    assert [b.type for b in kept] == ["paragraph"]
    assert [d.reason for d in dropped] == ["navigation"]


def test_headline_behind_a_kicker_is_not_the_standfirst():
    body = f"<h2>Town hall: Bridge costs double ; say engineers</h2><p>{LONG}</p><p>{LONG}</p>"
    head = HEAD.replace('"headline": "Bridge costs double"', '"headline": "Bridge costs double, say engineers"')
    read = html.read(page(body, head), "kicker.html")
    assert read.meta.dek == "The footbridge over the Lem will cost twice the first estimate."
    assert ("Town hall: Bridge costs double ; say engineers", "repeated headline") in [
        (d.text, d.reason) for d in read.dropped]


SEO_HEAD = HEAD.replace('<meta property="og:title" content="Bridge costs double">',
                        '<meta property="og:title" content="Footbridge over the Lem to cost twice its estimate">')


@pytest.mark.parametrize("trail, expected", [
    ('<nav class="crumbs">', "Footbridge over the Lem to cost twice its estimate"),  # the <h1> is an SEO title
    ('<div class="Breadcrumb">', "Footbridge over the Lem to cost twice its estimate"),
    ("<div>", "Bridge costs double"),  # the <h1> is the article's heading: JSON-LD's headline stands
])
def test_an_seo_title_in_the_breadcrumbs_gives_way_to_the_headline_shown(trail, expected):
    close = "</" + trail[1:trail.index(" ") if " " in trail else -1].strip("<>") + ">"
    body = (f"{trail}<a href='/'>Town</a> <h1>Bridge costs double</h1>{close}"
            f"<h2>Town hall – Footbridge over the Lem to cost twice its estimate</h2><p>{LONG}</p><p>{LONG}</p>")
    assert html.read(page(body, SEO_HEAD), "seo.html").meta.title == expected


def test_a_heading_far_below_the_breadcrumbs_does_not_name_the_article():
    body = ("<nav><h1>Bridge costs double</h1></nav><h2>One</h2><h2>Two</h2><h2>Three</h2>"
            f"<p>{LONG}</p><h2>Footbridge over the Lem to cost twice its estimate</h2><p>{LONG}</p>")
    assert html.read(page(body, SEO_HEAD), "far.html").meta.title == "Bridge costs double"


def test_a_row_of_stars_between_long_paragraphs_is_a_section_break():
    read = html.read(page(f"<p>{LONG}</p><p>* * *</p><p>{LONG} Then.</p><p>* * *</p>", HEAD), "break.html")
    assert [type(b).__name__ for b in read.blocks] == ["Paragraph", "Rule", "Paragraph"]
    assert ("* * *", "fragment") in [(d.text, d.reason) for d in read.dropped]


def test_a_rule_drawn_between_blocks_of_the_text_is_a_section_break_and_one_at_its_end_is_not():
    short = "She kept the shop for forty years."
    body = (f"<p>{LONG}</p><hr><p>{short}</p><figure><img src='a.jpg' alt='The shop'></figure><hr>"
            f"<p>{LONG} Then.</p><hr><p>{LONG} At last.</p><div class='bio'><p>Jo Penn writes on towns.</p><hr></div>")
    read = html.read(page(body, HEAD), "rules.html")
    kinds = [type(b).__name__ for b in read.blocks]
    assert kinds[:3] == ["Paragraph", "Rule", "Paragraph"] and kinds.count("Rule") == 3 and kinds[-1] != "Rule"
    assert not [b for b in read.blocks if "⁂" in b.text] and not [d for d in read.dropped if "⁂" in d.text]


def test_a_review_is_a_story_whose_author_is_read_from_its_json_ld():
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Review", '
            '"headline": "The kettle that never whistles", "datePublished": "2025-03-02T08:00:00Z", '
            '"author": {"@type": "Person", "name": "Lena Marsh"}}</script>')
    read = html.read(page(f"<h1>The kettle that never whistles</h1><p>{LONG}</p>", head), "review.html")
    assert (read.meta.authors, read.meta.date) == (("Lena Marsh",), "2025-03-02")


def test_a_box_of_the_page_beside_the_text_is_left_out_and_recorded():
    box = "Sign up: the harbour newsletter brings the ferry news to your inbox every Friday before noon."
    read = html.read(page(f"<p>{LONG}</p><aside class='newsletter-box'><h3>Weekly</h3><p>{box}</p></aside>"
                          f"<p>{LONG} Then.</p>", HEAD), "aside.html")
    assert box not in " ".join(b.text for b in read.blocks)  # the extractor leaves an <aside> out ...
    assert [(d.text, d.reason) for d in read.dropped if box in d.text] == [(f"Weekly {box}", "box beside the text")]


FACT_BOX = ("<h3>Key points</h3><ul><li>The ferry runs hourly from May</li><li>Fares rise by ten pence</li></ul>"
            "<p>Match facts:</p><p>Crowd: 4,850 (sold out)</p><p>Referees: Huber, Lindner</p>")


def test_a_box_the_newsroom_set_beside_the_text_is_read_in_its_place():
    inside = page(f"<p>{LONG}</p><aside>{FACT_BOX}</aside><p>{LONG} Then.</p>", HEAD)
    no_article = page(f"<p>{LONG}</p><p>{LONG} Then.</p><aside class='fact-box'>{FACT_BOX}</aside>", HEAD).replace(
        "<article>", "<div class='story'>").replace("</article>", "</div>")  # no <article>: the box named so
    for name, source in (("inside.html", inside), ("named.html", no_article)):
        read = html.read(source, name)
        kept = [b.text for b in read.blocks]
        assert "Key points" in kept and "Crowd: 4,850 (sold out)" in kept and "Referees: Huber, Lindner" in kept
        assert "Fares rise by ten pence" in " ".join(kept)
        assert not [d for d in read.dropped if d.reason == "box beside the text"]


def test_a_bold_line_under_a_heading_is_no_second_heading():
    body = (f"<p>{LONG}</p><h2>Ingredients</h2><p><b>Serves 4 · Cooking: 30 minutes</b></p>"
            "<ul><li>1 cup rice</li><li>2 onions, chopped</li></ul><p>{LONG} Then.</p>")
    read = html.read(page(body.replace("{LONG}", LONG), HEAD), "recipe.html")
    kinds = [(type(b).__name__, b.text[:11]) for b in read.blocks]
    assert ("Heading", "Ingredients") in kinds and ("Paragraph", "Serves 4 · ") in kinds
    assert not read.dropped or "Ingredients" not in [d.text for d in read.dropped]


def test_a_long_heading_after_a_list_of_key_points_heads_a_section():
    points = "<h2>What we know</h2><ul><li>Ferries stop at noon on Friday</li><li>Buses replace them</li></ul>"
    entry = "Harbour board: the ferries should sail again by Sunday night at the latest"
    read = html.read(page(f"{points}<h3>{entry}</h3><p>{LONG}</p><h3>Buses</h3><p>{LONG} Then.</p>", HEAD), "live.html")
    assert (entry, "Heading") in [(b.text, type(b).__name__) for b in read.blocks] and read.meta.dek != entry


def test_a_box_holding_a_form_is_no_box_of_the_story():
    form = ("<aside><h3>The morning briefing</h3><p>Every weekday we send the harbour news to your inbox before "
            "seven, free of charge.</p><form><input type='email'><button>Sign up</button></form></aside>")
    read = html.read(page(f"<p>{LONG}</p>{form}<p>{LONG} Then.</p>", HEAD), "form.html")
    assert "The morning briefing" not in [b.text for b in read.blocks]


def test_label_lines_at_the_foot_with_no_title_are_the_pages():
    foot = "<p>Tags: harbour, ferry</p><p>Topics: Local news</p><p>Reading time: 4 min</p>"
    read = html.read(page(f"<p>{LONG}</p><p>{LONG} Then.</p>{foot}", HEAD), "foot.html")
    assert not [b for b in read.blocks if b.text.startswith(("Tags:", "Topics:", "Reading time:"))]


def test_a_live_blogs_entry_time_goes_with_its_heading():
    entries = "".join(f"<div class='entry'><div class='time'><time datetime='2025-02-14T{t}'>{t}</time></div>"
                      f"<h3>{title}</h3><p>{LONG}</p></div>" for t, title in (("16:45", "North quay closed"),
                                                                             ("15:20", "Ferries cancelled")))
    read = html.read(page(entries, HEAD), "live.html")
    headings = [b.text for b in read.blocks if isinstance(b, Heading)]
    assert headings == ["16:45 · North quay closed", "15:20 · Ferries cancelled"]


def test_a_row_of_links_beside_the_text_is_no_box_of_the_story():
    links = "".join(f"<li><a href='/n/{n}'>Harbour story number {n} of the week</a></li>" for n in range(5))
    read = html.read(page(f"<p>{LONG}</p><aside><h3>Read on</h3><ul>{links}</ul></aside><p>{LONG} Then.</p>",
                          HEAD), "links.html")
    assert "Read on" not in [b.text for b in read.blocks]


def test_standfirst_shown_on_the_page_wins_over_its_description():
    shown = "Riverside. The footbridge over the Lem is to cost twice its first estimate."
    read = html.read(page(f"<p>{shown}</p><p>{LONG}</p><p>{LONG}</p>", HEAD), "dek.html")
    assert read.meta.dek == shown
    assert read.blocks[0].text == LONG


def test_a_description_cut_from_the_lede_leaves_the_lede_in_the_text():
    head = HEAD.replace("The footbridge over the Lem will cost twice the first estimate.", LONG[:120])
    read = html.read(page(f"<p>{LONG}</p><p>{LONG} Again.</p>", head), "lede.html")
    assert read.blocks[0].text == LONG
    assert read.meta.dek == ""  # not printed twice, the second time cut short


def test_a_description_that_is_the_ledes_opening_gives_way_to_the_next():
    """og:description cut from the lede, <meta name=description> the standfirst: the standfirst it is."""
    standfirst = "The footbridge over the Lem will cost twice the first estimate."
    head = HEAD + f'<meta property="og:description" content="{LONG[:100]}...">'
    read = html.read(page(f"<p>{LONG}</p><p>{LONG} Again.</p>", head), "lede.html")
    assert read.meta.dek == standfirst


def test_a_description_holding_the_whole_lede_and_more_is_no_standfirst():
    lede = "The council has approved a second loan for the footbridge over the Lem, its fourth vote on it."
    head = HEAD.replace("The footbridge over the Lem will cost twice the first estimate.", f"{lede} | Bridge, loan")
    read = html.read(page(f"<p>{lede}</p><p>{LONG}</p><p>{LONG} Again.</p>", head), "lede.html")
    assert read.meta.dek == "" and read.blocks[0].text == lede


def test_creator_written_surname_first_is_one_author():
    head = '<title>Bridge</title><meta name="dc.creator" content="Marlow, Ines">'
    read = html.read(page(f"<h1>Bridge</h1><p>{LONG}</p><p>{LONG}</p>", head), "creator.html")
    assert read.meta.authors == ("Ines Marlow",)


def test_an_author_and_the_slug_of_the_name_are_one_author():
    assert html.split_names("Sophie Foster; Sophie-Foster") == ("Sophie Foster",)


def test_the_same_picture_with_two_captions_takes_each_in_turn():
    body = (f"<p>{LONG}</p><figure><img src='images/chart.png' alt='Repairs'><figcaption>Repairs per year."
            f"</figcaption></figure><p>{LONG}</p><figure><img src='images/chart.png' alt='Again'><figcaption>"
            f"The chart again.</figcaption></figure><p>{LONG}</p>")
    images = blocks_of(html.read(page(body, HEAD), "twice.html"), Image)
    assert [i.caption for i in images] == ["Repairs per year.", "The chart again."]


def test_a_thumbnail_elsewhere_on_the_page_leaves_the_caption_alone():
    aside = "<aside><a href='/x'><img src='images/chart.png' alt=''></a></aside>"
    body = (f"<p>{LONG}</p><figure><img src='images/chart.png' alt='Repairs'><figcaption>Repairs per year."
            f"</figcaption></figure><p>{LONG}</p>")
    html_text = page(body, HEAD).replace("<main>", aside + "<main>")
    images = blocks_of(html.read(html_text, "thumb.html"), Image)
    assert [i.caption for i in images] == ["Repairs per year."]


def test_the_text_readers_line_rules_drop_short_furniture():
    body = (f"<p>Support independent journalism by subscribing to our digital news package.</p><p>{LONG}</p>"
            f"<h3>READ MORE:</h3><p>{LONG}</p><p>Please read our Comment Policy before commenting.</p>")
    dropped = {(d.text, d.reason) for d in html.read(page(body, HEAD), "cta.html").dropped}
    assert ("Support independent journalism by subscribing to our digital news package.", "call to action") in dropped
    assert ("READ MORE:", "teaser label") in dropped
    assert ("Please read our Comment Policy before commenting.", "comment policy") in dropped


def test_a_subheading_the_extractor_drops_is_put_back():
    headings = html.page_headings(html_tree(f"<div><p>{LONG}</p><h2>Darum wartet Kiew ab</h2><p>Second {LONG}</p></div>"))
    blocks = [Paragraph("b1", (Run(LONG),)), Paragraph("b2", (Run(f"Second {LONG}"),))]
    restored = html.restore_headings(blocks, headings)
    assert [type(b).__name__ for b in restored] == ["Paragraph", "Heading", "Paragraph"]
    assert restored[1].text == "Darum wartet Kiew ab" and restored[1].level == 2
    assert html.restore_headings(restored, headings) == restored  # never twice


def html_tree(body: str):
    import lxml.html

    return lxml.html.fromstring(page(body))


def test_caption_in_a_box_beside_its_picture_is_dropped():
    body = (f"<p>{LONG}</p><div class='pic'><a href='#'><img src='images/a.jpg' alt='Ruins'></a>"
            f"<p>Seit Monaten umkämpft: die Stadt</p></div><p>Second {LONG}</p>")
    read = html.read(page(body, HEAD), "loose.html")
    assert ("Seit Monaten umkämpft: die Stadt", "caption") in [(d.text, d.reason) for d in read.dropped]
    assert all("umkämpft" not in b.text for b in read.blocks if not isinstance(b, Image))


def test_sentences_of_the_story_that_sound_like_furniture_stay():
    said = "Critics say the app pushes users to subscribe to premium plans."
    body = (f"<p>{LONG}</p><p>{said}</p><p>Second {LONG}</p><h2>WHAT HAPPENS TO THE BRIDGE NOW</h2>"
            f"<p>Third {LONG}</p><p>Sign up for our newsletter</p><p>Fourth {LONG}</p>")
    read = html.read(page(body, HEAD), "story.html")
    texts = [b.text for b in read.blocks]
    assert said in texts and "WHAT HAPPENS TO THE BRIDGE NOW" in texts
    assert ("Sign up for our newsletter", "call to action") in [(d.text, d.reason) for d in read.dropped]


@pytest.mark.parametrize("creator, authors", [
    ("Marlow, Ines; Verhoef, Piet", ("Ines Marlow", "Piet Verhoef")),
    ("dpa, AFP", ("dpa", "AFP")),
])
def test_only_personal_names_are_turned_round(creator, authors):
    assert html.split_names(html.first_name_first(creator)) == authors


def test_a_lede_that_opens_as_the_description_stays_in_the_text():
    lede = "The footbridge over the Lem will cost twice the first estimate, he said."
    read = html.read(page(f"<p>{lede}</p><p>{LONG}</p><p>{LONG} Again.</p>", HEAD), "lede2.html")
    assert read.blocks[0].text == lede


def test_a_heading_kept_as_a_paragraph_is_not_put_back_twice():
    headings = html.page_headings(html_tree(f"<div><p>{LONG}</p><h5>Darum wartet Kiew ab</h5><p>Second {LONG}</p></div>"))
    blocks = [Paragraph("", (Run(LONG),)), Paragraph("", (Run("Darum wartet Kiew ab"),)),
              Paragraph("", (Run(f"Second {LONG}"),))]
    assert html.restore_headings(blocks, headings) == blocks


def test_a_standfirst_set_as_a_heading_wins_over_the_description():
    shown = "Engineers now say the footbridge will open a year late and the council must find the money itself"
    read = html.read(page(f"<h2>{shown}</h2><p>{LONG}</p><p>{LONG} Again.</p>", HEAD), "h2dek.html")
    assert read.meta.dek == shown


def test_program_text_on_a_page_is_a_code_block():
    from layout.model import Code

    body = f"<p>{LONG}</p><pre><code>def hello():\n    print('hi')\n</code></pre><p>Second {LONG}</p>"
    [code] = blocks_of(html.read(page(body, HEAD), "code.html"), Code)
    assert code.code == "def hello():\n    print('hi')"


def between_paragraphs(inner: str):
    """The article read from a page holding `inner` between two paragraphs of text."""
    return html.read(page(f"<h1>Bridge costs double</h1><p>{LONG}</p>{inner}<p>{LONG}</p>", HEAD), "t")


def test_a_table_keeps_its_rows_and_right_aligns_a_column_of_figures():
    table_html = ("<table><thead><tr><th>Month</th><th>Rate</th></tr></thead><tbody>"
                  "<tr><td>January</td><td>3.25 %</td></tr><tr><td>May</td><td>3.50 %</td></tr>"
                  "<tr><td colspan='2'>September, after the vote</td></tr></tbody></table>")
    article = between_paragraphs(table_html)
    [table] = blocks_of(article, Table)
    assert (table.columns, table.header, table.align) == (2, 1, ("", "right"))
    assert [[plain(cell) for cell in row] for row in table.rows] == [
        ["Month", "Rate"], ["January", "3.25 %"], ["May", "3.50 %"], ["September, after the vote", ""]]
    assert "table" not in [d.reason for d in article.dropped]


MERGED = ("<table><thead><tr><th rowspan='2'>Ward</th><th colspan='2'>Votes</th></tr>"
          "<tr><th>Labour</th><th>Green</th></tr></thead><tbody>"
          "<tr><td rowspan='2'>South</td><td>877</td><td>1,310</td></tr><tr><td>902</td><td>1,001</td></tr>"
          "<tr><td>East</td><td colspan='2'>recount pending</td></tr></tbody></table>")


def test_a_table_keeps_its_merged_cells():
    [table] = blocks_of(between_paragraphs(MERGED), Table)
    assert (table.columns, table.header) == (3, 2)
    assert table.spans == ((0, 0, 2, 1), (0, 1, 1, 2), (2, 0, 2, 1), (4, 1, 1, 2))
    assert [[plain(cell) for cell in row] for row in table.rows] == [
        ["Ward", "Votes", ""], ["", "Labour", "Green"], ["South", "877", "1,310"], ["", "902", "1,001"],
        ["East", "recount pending", ""]]
    assert table.align == ("", "right", "right")  # a cell across two columns is no figure of either


def test_a_merged_cell_over_an_empty_row_ends_at_the_rows_kept():
    empty_row = MERGED.replace("<tr><td>902</td><td>1,001</td></tr>", "<tr><td></td><td></td></tr>")
    [table] = blocks_of(between_paragraphs(empty_row), Table)
    assert [plain(row[0]) for row in table.rows] == ["Ward", "", "South", "East"]
    assert (2, 0, 1, 1) not in table.spans and table.spans[-1] == (3, 1, 1, 2)


def test_merged_cells_the_page_overlaps_are_set_apart_not_refused():
    overlap = ("<table><tr><th>Ward</th><th>Seats</th><th>Turnout</th></tr>"
               "<tr><td>North</td><td rowspan='2'>Four</td><td>41%</td></tr>"
               "<tr><td colspan='2'>Merged with east</td><td>39%</td></tr></table>")  # the colspan runs into the rowspan
    [table] = blocks_of(between_paragraphs(overlap), Table)
    assert "Merged with east" in table.text and table.spans == ()


def test_a_rule_inside_a_quotation_list_or_cell_marks_nothing():
    inner = (f"<blockquote><p>{LONG}</p><hr><p>{LONG} Then.</p></blockquote>"
             f"<ul><li><p>First point of the plan</p><hr><p>Second point of the plan</p></li></ul>")
    read = between_paragraphs(inner)
    assert not [b for b in read.blocks if "⁂" in b.text]


def test_a_tables_caption_in_its_figure_stays_over_it():
    figure = ("<figure><figcaption>Ferry crossings by month</figcaption><table><tr><th>Month</th><th>Crossings</th></tr>"
              "<tr><td>May</td><td>412</td></tr><tr><td>June</td><td>530</td></tr></table></figure>")
    read = between_paragraphs(figure)
    kinds = [(type(b).__name__, b.text.split("\n")[0]) for b in read.blocks]
    at = kinds.index(("Paragraph", "Ferry crossings by month"))
    assert kinds[at + 1][0] == "Table"


def test_a_nested_list_keeps_its_depth_and_kind():
    nested = ("<ol><li>First step of the process<ul><li>a point inside it</li><li>another point</li></ul></li>"
              "<li>Second step of the process</li></ol>")
    article = between_paragraphs(nested)
    [steps] = blocks_of(article, ListBlock)
    assert [plain(item) for item in steps.items] == ["First step of the process", "a point inside it",
                                                     "another point", "Second step of the process"]
    assert steps.ordered and steps.levels == (0, 1, 1, 0) and steps.numbered == (True, False, False, True)


def test_paragraphs_in_a_table_cell_are_lines_of_it():
    table_html = ("<table><tr><th>Where</th><th>Note</th></tr>"
                  "<tr><td>1 Mill Lane<br>Holbrook</td><td><p>Open weekly.</p><p>The council pays.</p></td></tr></table>")
    article = between_paragraphs(table_html)
    [table] = blocks_of(article, Table)
    assert [r.text for r in table.rows[1][1]] == ["Open weekly.", "\n", "The council pays."]
    assert [r.text for r in table.rows[1][0]] == ["1 Mill Lane", "\n", "Holbrook"]  # never "LaneHolbrook"


def test_a_table_heads_with_an_empty_corner_and_keeps_only_web_links():
    table_html = ("<table><tr><td></td><th>2022</th><th>2023</th></tr>"
                  "<tr><td><a href='javascript:alert(1)'>Roads</a></td><td>1,200</td>"
                  "<td><a href='https://example.org/parks'>1,450</a></td></tr></table>")
    article = between_paragraphs(table_html)
    [table] = blocks_of(article, Table)
    assert table.header == 1 and table.align == ("", "right", "right")
    assert [r.href for r in table.rows[1][0]] == [""]  # javascript: leads nowhere
    assert [r.href for r in table.rows[1][2]] == ["https://example.org/parks"]


def test_a_line_break_in_a_paragraph_is_kept():
    address = "<p>Write to the council at:<br>1 Mill Lane<br>Holbrook</p>"
    article = between_paragraphs(address)
    [block] = [b for b in article.blocks if b.text.startswith("Write to")]
    assert [r.text for r in block.runs] == ["Write to the council at:", "\n", "1 Mill Lane", "\n", "Holbrook"]


def test_a_table_headed_by_two_rows_keeps_both_as_its_head():
    table_html = ("<table><thead><tr><th rowspan=2>Party</th><th colspan=2>Turnout</th></tr>"
                  "<tr><th>2019</th><th>2023</th></tr></thead>"
                  "<tbody><tr><td>Greens</td><td>12</td><td>15</td></tr><tr><td>Reds</td><td>30</td><td>28</td></tr>"
                  "</tbody></table>")
    [table] = blocks_of(between_paragraphs(table_html), Table)
    assert table.header == 2 and [plain(cell) for cell in table.rows[1]] == ["", "2019", "2023"]
    assert table.align == ("", "right", "right")


def test_page_furniture_around_the_text_goes_with_its_reason():
    """The page's title with the site's name above the text, a sign-up form's small print (a long one, above
    the text), a picture's caption in a box its class names, a rating widget mid-text; a template's content
    (never shown) is not read at all."""
    small_print = ("By submitting your information, you confirm you are aged 16 or over, have read our privacy "
                   "policy and agree to the terms and conditions of the newsletter. Regional rules apply here.")
    body = (f"<p>Bridge costs double | The Valley Courier</p><p>{small_print}</p><p>{LONG}</p>"
            "<div class='mediaInfo'><p class='infotext'>Engineers on the old bridge in May</p></div>"
            f"<p>{LONG.replace('committee', 'board')}</p><p>Wie hat Ihnen dieser Artikel gefallen?</p>"
            f"<template><p>Sign up for our evening briefing and more, delivered to your inbox daily.</p></template>"
            f"<p>{LONG.replace('committee', 'council')}</p>")
    read = html.read(page(body, HEAD), "furniture.html")
    assert [b.text for b in read.blocks] == [LONG, LONG.replace("committee", "board"),
                                             LONG.replace("committee", "council")]
    reasons = {d.text: d.reason for d in read.dropped}
    assert reasons["Bridge costs double | The Valley Courier"] == "repeated headline"
    assert reasons[small_print] == "legal notice"
    assert reasons["Engineers on the old bridge in May"] == "caption"
    assert reasons["Wie hat Ihnen dieser Artikel gefallen?"] == "feedback widget"
    assert not [text for text in reasons if "evening briefing" in text]


def test_no_space_before_a_comma_after_a_link():
    """A link's text often ends in a space ("<a>Ocean Florida </a>, shared"); the comma follows the words."""
    body = (f"<p>{LONG}</p><p>Guests at <a href='https://example.org/a'>Ocean Florida </a>, shared the photos "
            f"with <a href='https://example.org/b'>the resort</a> , and with their friends.</p><p>{LONG}</p>")
    read = html.read(page(body, HEAD), "links.html")
    assert read.blocks[1].text == "Guests at Ocean Florida, shared the photos with the resort, and with their friends."


def test_a_live_blogs_entries_in_headings_and_in_bold_are_of_one_rank():
    body = "".join(f"<h4>9h0{n} - Entry number {n} of the morning</h4><p>{LONG}</p>"
                   f"<p><b>8h4{n} - Another entry of the morning set in bold by the newsroom's tool today</b></p>"
                   f"<p>{LONG.replace('committee', 'board')}</p>" for n in range(1, 4))
    read = reader(".html")(page(body, HEAD), "live.html")
    from layout.model import outline

    headings = [b for b in outline(read.blocks) if isinstance(b, Heading)]
    assert len(headings) == 6 and {h.level for h in headings} == {2}


def test_credit_lines_become_the_articles_credits_printed_after_the_text(tmp_path):
    """Not lost: "With files from ..." and "Translated by ..." are left out of the text and set after it."""
    from layout import readers, themes
    from layout.build import build

    body = (f"<p>{LONG}</p><p>{LONG.replace('committee', 'board')}</p><p>With files from the wire services</p>"
            "<p>Translated from the Dutch by Anna de Vries</p>")
    source = tmp_path / "credits.html"
    source.write_text(page(body, HEAD), encoding="utf-8")
    article = readers.read(source)
    assert article.meta.credits == ("With files from the wire services", "Translated from the Dutch by Anna de Vries")
    assert not [d for d in article.dropped if "wire services" in d.text or "de Vries" in d.text]
    result = build(source, tmp_path, ("html",), themes.load("clipping"))
    html_out = next(p for p in result.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert '<p class="credit">With files from the wire services</p><p class="credit">Translated' in html_out


def test_a_lede_that_looks_like_furniture_stays():
    """Above the text only a form's small print may be longer than an appeal; a lede that opens with the
    headline and goes on is the lede."""
    lede = ("Comments by the finance minister on Monday angered civil servants, who say the footbridge over the "
            "Lem has been promised to them for years and that the council has never once kept a moderate word of it.")
    opening = ("Bridge costs double - that is what the council was told on Tuesday, when the engineers came back "
               "from the river with their new figures and a long list of the repairs still to be made.")
    for first in (lede, opening):
        read = html.read(page(f"<p>{first}</p><p>{LONG}</p><p>{LONG} Again.</p>", HEAD), "lede.html")
        assert read.blocks[0].text == first, read.dropped


def kept_and_reasons(body: str, head: str = HEAD) -> tuple[list[str], dict[str, str]]:
    read = html.read(page(body, head), "rules.html")
    return [b.text for b in read.blocks], {d.text: d.reason for d in read.dropped}


BOARD, COUNCIL = LONG.replace("committee", "board"), LONG.replace("committee", "council")


def test_a_note_about_the_author_at_the_foot_is_a_credit_and_ends_the_text_above_it():
    """The author's notes go to the credits; the appeal above them is then below the text and goes too."""
    from layout import readers

    note = ("Ines Marlow is a professor of civil engineering at the Valley Institute and writes about "
            "public works for the Courier.")
    later = ("Twice shortlisted for the county's press prize, the journalist Piet has reported on the "
             "council since the old ferry was closed.")
    appeal = "Follow the Courier on Google News and see our reporting on bridges and roads in your feeds."
    body = f"<p>{LONG}</p><p>{BOARD}</p><p>{appeal}</p><p>{note}</p><p>{later}</p>"
    read = html.read(page(body, HEAD), "notes.html")
    assert [b.text for b in read.blocks] == [LONG, BOARD]
    reasons = {d.text: d.reason for d in read.dropped}
    assert reasons[note] == reasons[later] == "author note"
    assert reasons[appeal] == "call to action"
    assert readers.credited(read).meta.credits == (note, later)


@pytest.mark.parametrize("closing", [
    "Ines Marlow, who has covered the bridge since the start, asked the engineers what went wrong.",
    "Okafor was a crane operator and a union reporter for twenty years before the yard closed in the spring.",
    "The engineer Piet Vermeulen, a transport analyst at the institute, said the deck would hold.",
    "Reuters could not independently verify the figures the council gave for the second tender.",
])
def test_a_closing_paragraph_that_names_someone_stays_in_the_text(closing):
    """Only a note opening with the full name of an author who is a person is a credit."""
    head = HEAD.replace('{"@type": "Person", "name": "Piet Verhoef"}', '{"@type": "Organization", "name": "Reuters"}')
    kept, _ = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p><p>{closing}</p>", head)
    assert kept[-1] == closing


def test_a_box_asking_for_support_goes_with_its_heading_when_it_ends_in_an_appeal():
    box = (f"<h2>Independent journalism needs your support.</h2><p>{COUNCIL}</p>"
           "<p>Become a member today and subscribe to our journal for the price of a coffee a week.</p>")
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p>{box}")
    assert kept == [LONG, BOARD]
    assert reasons["Independent journalism needs your support."] == reasons[COUNCIL] == "appeal"


def test_a_heading_that_speaks_of_support_over_the_story_leaves_the_story():
    body = f"<p>{LONG}</p><h2>Support independent journalism</h2><p>{BOARD}</p><p>{COUNCIL}</p><p>{LONG}</p>"
    kept, _ = kept_and_reasons(body)
    assert kept[1:] == ["Support independent journalism", BOARD, COUNCIL, LONG]


@pytest.mark.parametrize("line, reason", [
    ("Join lively conversations in the comments, reply to other readers and follow the threads", "call to action"),
    ("This is a breaking news story and will be updated", "update note"),
    ("The Courier app\nThe e-paper, each morning\nAlerts by push", "promo"),
])
def test_small_print_below_the_text_goes_with_its_reason(line, reason):
    small = "".join(f"<li>{item}</li>" for item in line.split("\n")) if "\n" in line else ""
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p>" + (f"<ul>{small}</ul>" if small else f"<p>{line}</p>"))
    assert kept == [LONG, BOARD] and reasons[line] == reason


@pytest.mark.parametrize("line", [
    "Anyone who saw the clash at the harbour gate on Friday night should get in touch with the police.",
    "The first twenty replacement cranes arrive in June, with more to follow.",
    "Sign up for the hardship fund at the union's office before Friday, the organisers said.",
    "Follow the money on this one, an economist told the council, and the answer is the steel.",
])
def test_story_sentences_that_sound_like_small_print_stay(line):
    kept, _ = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p><p>{line}</p><p>{COUNCIL}</p><p>{line}</p>")
    assert kept.count(line) == 2


def test_an_appeal_offering_news_goes_even_in_the_text():
    line = "Sign up for breaking news and alerts from the valley, delivered to you each morning."
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{line}</p><p>{BOARD}</p>")
    assert kept == [LONG, BOARD] and reasons[line] == "call to action"


def test_a_caption_in_the_text_goes_where_it_is_no_sentence():
    caption = "Council members from left: Anna Berg, Tom Reyes, Lea Sommer"
    told = "Pictured here, as she said from left to right, the council members stood in the rain."
    body = f"<p>{LONG}</p><p>{caption}</p><p>{BOARD}</p><p>{told}</p><h2>Criticism from left and right</h2><p>{COUNCIL}</p>"
    kept, reasons = kept_and_reasons(body)
    assert reasons[caption] == "caption" and told in kept and "Criticism from left and right" in kept


def test_a_long_heading_after_the_standfirst_shown_is_a_section_heading():
    """A page that showed its standfirst has no second one: a long first heading heads a section."""
    heading = "Starts on the first of May: the day the council opens the new bridge"
    body = (f"<p>The footbridge over the Lem will cost twice the first estimate.</p>"
            f"<p>We may earn a fee, at no extra cost to you!</p><h2>{heading}</h2><p>{LONG}</p>")
    read = html.read(page(body, HEAD), "standfirst.html")
    assert read.meta.dek == "The footbridge over the Lem will cost twice the first estimate."
    assert read.blocks[0].text == heading and isinstance(read.blocks[0], Heading)
    assert [d.reason for d in read.dropped if d.text.startswith("We may earn")] == ["affiliate note"]


ORG_HEAD = HEAD.replace('"author": [{"@type": "Person", "name": "Ines Marlow"}, {"@type": "Person", "name": '
                        '"Piet Verhoef"}]', '"author": {"@type": "Organization", "name": "The Valley Courier"}')


@pytest.mark.parametrize("line, authors", [
    ("Ines Marlow/Piet Verhoef", ("Ines Marlow", "Piet Verhoef")),
    ("INES MARLOW", ("INES MARLOW",)),
])
def test_a_byline_of_names_alone_names_the_authors_the_metadata_does_not(line, authors):
    assert '"Organization"' in ORG_HEAD
    read = html.read(page(f"<h3>{line}</h3><p>{LONG}</p><p>{BOARD}</p>", ORG_HEAD), "names.html")
    assert read.meta.authors == authors
    assert [d.reason for d in read.dropped if d.text == line] == ["byline"]


@pytest.mark.parametrize("body", [
    f"<h3>PORT OF LEMMOUTH</h3><p>{LONG}</p><p>{BOARD}</p>",
    f"<p>{LONG}</p><p>{BOARD}</p><p>By Lena Ohr</p><p>A teaser for another story of the Courier's.</p>",
    f"<h3>Ines Marlow/Piet Verhoef</h3><p>{LONG}</p><p>{BOARD}</p>",
])
def test_no_kicker_teaser_byline_or_names_beside_a_persons_byline_names_the_authors(body):
    head = HEAD if "Marlow/" in body else ORG_HEAD
    read = html.read(page(body, head), "kicker.html")
    assert read.meta.authors == (("Ines Marlow", "Piet Verhoef") if head is HEAD else ("The Valley Courier",))
    assert ("PORT OF LEMMOUTH" in [b.text for b in read.blocks]) == ("LEMMOUTH" in body)


@pytest.mark.parametrize("value, names", [
    ("Anna Berg und Lea Sommer, Kisumu", ("Anna Berg", "Lea Sommer")),
    ("Anna Berg; Lea Sommer; Kisumu", ("Anna Berg", "Lea Sommer")),
    ("Anna Berg, Reuters", ("Anna Berg", "Reuters")),
    ("Anna Berg, Kyodo", ("Anna Berg", "Kyodo")),
    ("Anna Berg and Cher", ("Anna Berg", "Cher")),
    ("Madonna, Anna Berg", ("Madonna", "Anna Berg")),
])
def test_the_place_a_byline_was_filed_from_is_no_author(value, names):
    assert html.split_names(value) == names


def test_a_description_that_is_a_name_is_no_standfirst():
    head = ORG_HEAD.replace("The footbridge over the Lem will cost twice the first estimate.", "INES MARLOW")
    read = html.read(page(f"<p>INES MARLOW</p><p>{LONG}</p><p>{BOARD}</p>", head), "dek.html")
    assert read.meta.dek == "" and read.meta.authors == ("INES MARLOW",)


def test_a_bold_name_opening_its_box_keeps_the_space_after_it():
    """The extractor trims the space after an element that opens its box; the page's text puts it back."""
    bio = "<div class='bio'><span><span><strong>Lena Ohr</strong> ist Redakteurin am Newsdesk.</span></span></div>"
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p>{bio}")
    assert "Lena Ohr ist Redakteurin am Newsdesk." in kept + list(reasons)


def test_a_signature_at_the_foot_is_a_byline_not_a_note():
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p><p>Ines Marlow</p>")
    assert reasons["Ines Marlow"] == "byline"


@pytest.mark.parametrize("line", [
    "The council wants browsers to replace cookie banners with one setting, and so end the pop-ups for good.",
    "Setting up the laptop means agreeing to the terms of service and a privacy policy of 11,000 words.",
    "Official figures do not necessarily reflect how dangerous the road has become, residents say.",
    "The discussion at last week's meeting was civil, but the decision had been made long before.",
    "By then it was too late.",
    "The ministry wants to scrap the cookie consent banners that most websites show to every visitor.",
    "A survey found that most people accept all cookies just to make the banner go away.",
    "Tenants who log in to the portal can also see whether the grant has been paid into their account.",
])
def test_story_sentences_with_the_words_of_small_print_stay(line):
    kept, _ = kept_and_reasons(f"<p>{line}</p><p>{LONG}</p><p>{line}</p><p>{BOARD}</p><p>{line}</p>")
    assert kept.count(line) == 3


@pytest.mark.parametrize("line, reason", [
    ("By signing up you agree to our privacy policy and terms of service.", "legal notice"),
    ("The views expressed here do not necessarily reflect the views of the Courier.", "disclaimer"),
    ("Please keep comments respectful and on topic.", "comment policy"),
])
def test_small_print_still_goes(line, reason):
    _, reasons = kept_and_reasons(f"<p>{LONG}</p><p>{BOARD}</p><p>{line}</p>")
    assert reasons[line] == reason


def test_a_job_title_and_a_by_are_no_part_of_an_authors_name():
    assert html.split_names("By Priya Raman, Crime Reporter") == ("Priya Raman",)
    assert html.split_names("Ursula von der Leyen and Luigi Di Maio") == ("Ursula von der Leyen", "Luigi Di Maio")
    assert html.split_names("Von der Leyen") == ("Von der Leyen",)


@pytest.mark.parametrize("line", ["Not here.", "Weight: 1.2 kg"])
def test_a_short_sentence_or_a_named_figure_in_the_text_stays(line):
    kept, _ = kept_and_reasons(f"<p>{LONG}</p><p>{line}</p><p>{BOARD}</p>")
    assert line in kept


def test_a_loose_word_in_the_text_still_goes():
    kept, reasons = kept_and_reasons(f"<p>{LONG}</p><p>Comments</p><p>{BOARD}</p>")
    assert "Comments" not in kept and reasons["Comments"]
