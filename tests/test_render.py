"""The one template environment: autoescape everywhere, labels in the article's language."""

import pytest

from layout.model import Article, Meta, Paragraph, Run
from layout.render import byline, date_label, environment, render, short_title


def test_autoescape_for_any_template_name():
    env = environment()
    assert env.autoescape is True
    assert env.from_string("{{ x }}").render(x="<b>") == "&lt;b&gt;"


def test_markup_in_text_is_escaped():
    article = Article(Meta(title="<script>alert(1)</script>", identifier="urn:x"),
                      (Paragraph("b001", (Run("First."),)), Paragraph("b002", (Run("a <i>b</i> & c"),))))
    html = render("print.html", article, stylesheets=("s.css",))
    assert "<script>alert" not in html and "&lt;script&gt;" in html
    assert "a &lt;i&gt;b&lt;/i&gt; &amp; c" in html


def test_byline_in_language():
    assert byline(("Ann",), "en") == "By Ann"
    assert byline(("Ann", "Bo", "Cy"), "en") == "By Ann, Bo and Cy"
    assert byline(("Anna", "Bernd"), "de") == "Von Anna und Bernd"
    assert byline((), "en") == ""


@pytest.mark.parametrize("lang, line", [("it", "Di Anna e Bruno"), ("pt-BR", "Por Anna e Bruno"),
                                         ("nl", "Door Anna en Bruno"), ("sv", "By Anna and Bruno")])
def test_bylines_of_the_other_languages_with_labels_and_english_for_the_rest(lang, line):
    assert byline(("Anna", "Bruno"), lang) == line


def test_date_label():
    assert date_label("2024-11-19T10:00:00+00:00", "en") == "November 19, 2024"
    assert date_label("2024-11-19", "de") == "19. November 2024"
    assert date_label("", "en") == ""


def test_short_title():
    assert short_title("Short") == "Short"
    long = "word " * 30
    assert len(short_title(long)) <= 61 and short_title(long).endswith("…")


def test_a_nested_list_renders_as_lists_inside_items():
    from layout.model import Article, ListBlock, Meta, Run
    from layout.render import render

    block = ListBlock("b001", ((Run("one"),), (Run("one a"),), (Run("deeper"),), (Run("two"),)), True, (0, 1, 2, 0))
    html = render("epub.html", Article(Meta(title="T"), (block,), (), "x"))
    assert '<ol id="b001"><li>one<ol><li>one a<ol><li>deeper</li></ol></li></ol></li><li>two</li></ol>' in html


def test_a_nested_list_of_another_kind_keeps_its_kind():
    from layout.model import Article, ListBlock, Meta, Run
    from layout.render import render

    block = ListBlock("b001", ((Run("one"),), (Run("a"),), (Run("two"),)), True, (0, 1, 0), (True, False, True))
    html = render("epub.html", Article(Meta(title="T"), (block,), (), "x"))
    assert '<ol id="b001"><li>one<ul><li>a</li></ul></li><li>two</li></ol>' in html


def test_a_line_break_and_a_table_render_in_both_templates():
    from layout.model import Table

    lead = Paragraph("b000", (Run("The sign said:"),))
    lines = Paragraph("b001", (Run("Bring it broken,"), Run("\n", newline=True), Run("take it home.")))
    table = Table("b002", ((Run("Item"),), (Run("N"),), (Run("lamp"),), (Run("3"),)), 2, align=("", "right"))
    for template in ("print.html", "epub.html"):
        html = render(template, Article(Meta(title="T"), (lead, lines, table), (), "x"), stylesheets=())
        assert "Bring it broken,<br/>take it home." in html
        assert ('<table id="b002" class="table short compact"><thead><tr><th scope="col">Item</th>'
                '<th scope="col" class="align-right">N</th></tr></thead><tbody><tr><td>lamp</td>'
                '<td class="align-right">3</td></tr></tbody></table>') in html


def test_a_merged_cell_is_one_cell_in_both_templates():
    from layout.model import Table

    cells = tuple((Run(text),) if text else () for text in ("Ward", "Votes", "", "", "Labour", "Green",
                                                               "South", "877", "1,310", "", "902", "1,001"))
    table = Table("b001", cells, 3, header=2, spans=((0, 0, 2, 1), (0, 1, 1, 2), (2, 0, 2, 1)))
    for template in ("print.html", "epub.html"):
        html = render(template, Article(Meta(title="T"), (table,), (), "x"), stylesheets=())
        assert ('<thead><tr><th scope="col" rowspan="2">Ward</th><th scope="colgroup" colspan="2">Votes</th></tr>'
                '<tr><th scope="col">Labour</th><th scope="col">Green</th></tr></thead>') in html
        assert '<tr><td rowspan="2">South</td><td>877</td><td>1,310</td></tr><tr><td>902</td>' in html


def test_a_table_first_leaves_the_lead_to_the_first_paragraph_and_a_wide_one_takes_its_heading():
    from layout.model import Heading, Table

    table = Table("b001", ((), *((Run(c),) for c in "BCD"), (Run("A"),), (Run("1"),), (Run("2"),), (Run("3"),)), 4)
    lead = Paragraph("b002", (Run("HOLBROOK — The hall opens at ten."),))
    heading = Heading("b003", (Run("By year"),))
    wide = Table("b004", tuple((Run(f"{c} repairs by the hall"),) for c in "EFGH"), 4, header=0)
    article = Article(Meta(title="T", dateline="HOLBROOK"), (table, lead, heading, wide), (), "x")
    html = render("print.html", article, stylesheets=())
    assert '<p id="b002" class="lead has-dropcap"><span class="dropcap">H</span><span class="dateline">' in html
    assert '<thead><tr><td></td><th scope="col">B</th>' in html.replace("<td/>", "<td></td>")  # empty: no header
    assert '<h2 id="b003" class="wide-head">By year</h2><div class="wide-table"><table id="b004"' in html
    assert html.count('id="b003"') == 1


def test_words_sets_apart_compounds_and_in_cells_long_words():
    from layout.render import words

    assert words("a long-range <b> 1,000-day war") == (
        'a<span class="compound"> long-range</span> &lt;b&gt;<span class="compound"> 1,000-day</span> war')
    assert words("a-b<c>&d") == '<span class="compound">a-b&lt;c&gt;&amp;d</span>'
    assert words("x" * 25 + "<&", in_cell=True) == f'<span class="long-word">{"x" * 25}&lt;&amp;</span>'
    assert words("see https://example.org/a/long/path now - or not") == "see https://example.org/a/long/path now - or not"
    assert words("see https://example.org/a/long/path", in_cell=True) == (
        'see<span class="long-word"> https://example.org/a/long/path</span>')


def test_words_leaves_the_opening_beside_the_drop_cap_as_it_is():
    from layout.render import words

    opening = "The long-range plan. " + "x" * 190
    assert words(opening + " a self-determination vote", after=200) == (
        opening + ' a<span class="compound"> self-determination</span> vote')
    assert words("a long-range plan", after=30) == "a long-range plan"


def test_a_drop_cap_only_for_a_letter_of_a_script_with_capitals():
    from layout.render import initial

    assert [initial(t) for t in ("Kyiv", "Ωmega", "Москва", "ölpreis")] == ["K", "Ω", "М", "ö"]
    assert [initial(t) for t in ("समस्तीपुर", "北京", "“Quoted", "2024", "E\u0301tude", "")] == [""] * 6


def test_bylines_in_arabic_and_hebrew_join_and_to_the_last_name():
    assert byline(("سارة أحمد", "محمد علي", "ليلى حسن"), "ar") == "بقلم سارة أحمد، محمد علي وليلى حسن"
    assert byline(("דנה כהן", "יוסי לוי"), "he") == "מאת דנה כהן ויוסי לוי"
    assert byline(("Ann", "Bo", "Cy"), "en") == "By Ann, Bo and Cy"


def test_a_table_of_four_columns_spans_the_print_columns_only_when_its_rows_would_not_fit_one():
    from layout.model import Table
    from layout.render import wide_table

    def table(*row):
        return Table("b001", tuple((Run(cell),) for cell in row * 2), len(row))

    assert not wide_table(table("Furniture and toys", "2022", "2023", "2024"))  # figures: fits a column
    assert wide_table(table("Furniture and toys", "Electrical repairs", "Bicycles and prams", "Clothes"))
    assert not wide_table(table("A long cell of a table of three columns", "and another long one", "third"))


def test_no_byline_when_the_author_is_the_publication():
    from layout.render import context

    meta = Meta(title="T", authors=("FOCUS Online",), publication="FOCUS online")
    assert context(Article(meta, (), (), "x"))["byline"] == ""
    meta = Meta(title="T", authors=("Les Echos", "Anne Drif"), publication="Les Échos", lang="fr")
    assert context(Article(meta, (), (), "x"))["byline"] == "Par Anne Drif"  # accents aside, the same name
    meta = Meta(title="T", authors=("Anne Drif",), publication="Les Echos", lang="fr")
    assert context(Article(meta, (), (), "x"))["byline"] == "Par Anne Drif"


def test_no_drop_cap_in_right_to_left_text_and_labels_for_a_tag_with_a_region():
    from layout.render import drop_cap, labels

    assert drop_cap("BBC reported", "en") == "B" and drop_cap("BBC reported", "ar") == ""
    assert labels("ar_EG")["by"] == labels("ar")["by"] != labels("en")["by"]


def test_persian_byline_keeps_its_and_apart_and_arabic_quotes_are_guillemets():
    from layout.typography import curl_text, marks_for

    assert byline(("مریم کریمی", "پیمان رستگار"), "fa") == "نوشتهٔ مریم کریمی و پیمان رستگار"
    assert curl_text('قال: "نحن متفائلون" اليوم', marks_for("ar")) == "قال: «نحن متفائلون» اليوم"


def test_a_cover_headlines_longest_words_get_places_to_break_with_a_hyphen():
    from layout.render import breakable

    assert breakable("Schifffahrtsgesellschaftskapitäne streiken", "de").split("\u00ad")[0] == "Schiff"
    assert "\u00ad" not in breakable("Ukraine fired six U.S. long-range missiles", "en")  # no long word
    assert breakable("Eduskuntavaaliehdokkaiden kannatus", "fi") == "Eduskuntavaaliehdokkaiden kannatus"  # no patterns
    html = render("cover.html", Article(Meta(title="Schifffahrtsgesellschaftskapitäne streiken", lang="de"),
                                        (Paragraph("b001", (Run("Sie streiken."),)),), (), "x"), stylesheets=())
    assert "Schiff\u00adfahrts" in html
    text = render("print.html", Article(Meta(title="Schifffahrtsgesellschaftskapitäne streiken", lang="de"),
                                        (Paragraph("b001", (Run("Sie streiken."),)),), (), "x"), stylesheets=())
    assert "\u00ad" not in text  # the printed headline breaks by the stylesheet; its text stays whole