"""The Markdown reader on the sample article and on small sources written here."""

from __future__ import annotations

from pathlib import Path

import pytest

from layout import readers
from layout.errors import SourceError
from layout.model import Blockquote, Heading, Image, ListBlock, Paragraph, Rule, Table, plain
from layout.readers import markdown, reader

ROOT = Path(__file__).resolve().parents[2]
SAMPLE = ROOT / "source" / "markdown-sample.md"


@pytest.fixture(scope="module")
def sample():
    return readers.read(SAMPLE)


def of(article, kind):
    return [b for b in article.blocks if isinstance(b, kind)]


def test_registered_for_markdown_suffixes():
    assert reader(".md") is markdown.read and reader(".markdown") is markdown.read


def test_front_matter_fields(sample):
    meta = sample.meta
    assert meta.title == "The Saturday Fixers"
    assert meta.dek.startswith("In a church hall on the edge of town")
    assert meta.authors == ("Maren Ellery", "Tomas Quill")
    assert meta.date == "2025-03-14"
    assert meta.publication == "The Riverside Ledger"
    assert meta.url == "https://ledger.example.org/2025/03/saturday-fixers"
    assert meta.lang == "en"
    assert meta.keywords == ("repair", "volunteers", "waste", "community")
    assert meta.dateline == "HOLBROOK"
    assert meta.identifier.startswith("urn:uuid:")


def test_every_construct_lands_in_its_block_type(sample):
    types = [b.type for b in sample.blocks]
    assert types == ["paragraph", "paragraph", "heading", "paragraph", "list", "paragraph", "list", "heading",
                     "paragraph", "image", "paragraph", "table", "paragraph", "blockquote", "heading", "paragraph",
                     "rule", "paragraph"]
    assert [b.id for b in sample.blocks] == [f"b{i:03d}" for i in range(1, 19)]
    assert [h.text for h in of(sample, Heading)] == ["Why people come", "The numbers", "What comes next"]
    assert all(h.level == 2 for h in of(sample, Heading))
    assert len(of(sample, Rule)) == 1


def test_inline_emphasis_strong_and_links(sample):
    runs = [r for b in of(sample, Paragraph) for r in b.runs]
    assert any(r.text == "Holbrook Repair Café" and r.emphasis and not r.strong for r in runs)
    assert any(r.text == "more than four hundred repairs" and r.strong and not r.emphasis for r in runs)
    assert any(r.text == "clothes and textiles" and r.strong and r.emphasis for r in runs)
    assert any(r.text == "national network of repair groups" and r.href == "https://repair.example.net/about"
               for r in runs)


def test_lists(sample):
    bullets, steps = of(sample, ListBlock)
    assert not bullets.ordered and len(bullets.items) == 3
    assert steps.ordered and len(steps.items) == 3
    assert steps.items[0][0].text == "Ask the owner what happened, and when it last worked."


def test_image_alt_and_caption(sample):
    (image,) = of(sample, Image)
    assert image.src == "images/chart.png"
    assert image.alt.startswith("Bar chart of repairs per year")
    assert image.caption == "Repairs logged each year since the café opened."
    assert image.credit == "Chart: The Riverside Ledger"  # the title's last sentence, a credit, set as one
    assert (SAMPLE.parent / image.src).is_file() and (SAMPLE.parent / image.src).stat().st_size < 20_000


def test_blockquote_keeps_its_paragraphs(sample):
    (quote,) = of(sample, Blockquote)
    assert len(quote.paragraphs) == 2
    assert quote.paragraphs[0][0].text.startswith("You can buy a new kettle")


def test_footnotes_become_notes_with_references(sample):
    assert [(n.id, n.label) for n in sample.notes] == [("note-1", "1"), ("note-2", "2")]
    assert sample.notes[0].text.startswith("The ledger records the item")
    refs = [r for b in of(sample, Paragraph) for r in b.runs if r.note]
    assert [(r.text, r.note) for r in refs] == [("1", "note-1"), ("2", "note-2")]


def test_sample_drops_nothing(sample):
    assert sample.dropped == ()


def test_first_heading_is_the_title_without_front_matter():
    article = markdown.read("# A Plain Title\n\nSome text here.\n\n# Part two\n\nMore text.\n", "plain")
    assert article.meta.title == "A Plain Title"
    assert [(b.type, b.text) for b in article.blocks][1] == ("heading", "Part two")
    assert of(article, Heading)[0].level == 2


def test_heading_repeating_the_front_matter_title_is_dropped():
    article = markdown.read("---\ntitle: Same\n---\n\n# Same\n\nText of the article.\n", "same")
    assert [b.type for b in article.blocks] == ["paragraph"]
    assert ("Same", "repeated headline") in [(d.text, d.reason) for d in article.dropped]


def test_raw_html_is_dropped_with_a_record():
    source = "# Title\n\nBefore <span class='x'>inside</span> after.\n\n<div class=\"ad\">Buy now</div>\n\nEnd.\n"
    article = markdown.read(source, "raw")
    text = " ".join(b.text for b in article.blocks)
    assert "<" not in text and "Buy now" not in text
    assert "Before inside after." in text
    dropped = [(d.text, d.reason) for d in article.dropped]
    assert ('<div class="ad">Buy now</div>', "raw HTML") in dropped
    assert ("<span class='x'>", "raw HTML") in dropped


def test_nested_lists_keep_their_depth():
    article = markdown.read("# T\n\n- one\n  - one a\n    - deeper\n  - one b\n- two\n", "nested")
    (items,) = of(article, ListBlock)
    assert ["".join(r.text for r in item) for item in items.items] == ["one", "one a", "deeper", "one b", "two"]
    assert items.levels == (0, 1, 2, 1, 0)


def test_bullets_under_a_numbered_item_stay_bullets():
    (items,) = of(markdown.read("# T\n\n1. one\n   - a\n   - b\n2. two\n", "mixed"), ListBlock)
    assert items.levels == (0, 1, 1, 0) and items.numbered == (True, False, False, True)


def test_a_flat_list_has_no_levels():
    (items,) = of(markdown.read("# T\n\n1. one\n2. two\n", "flat"), ListBlock)
    assert items.levels == () and items.ordered


def test_remote_image_is_dropped_and_lone_image_is_a_block():
    article = markdown.read("# T\n\n![a map](maps/town.png)\n\n![logo](https://cdn.example.com/l.png)\n", "img")
    assert [(b.type, b.src) for b in of(article, Image)] == [("image", "maps/town.png")]
    assert ("https://cdn.example.com/l.png", "remote image") in [(d.text, d.reason) for d in article.dropped]


@pytest.mark.parametrize("src", ["/etc/hostname", "file:///etc/hostname", "C:/photos/a.png", "C:\\photos\\a.png"])
def test_absolute_image_path_is_dropped_with_its_reason(src):
    article = markdown.read(f"# T\n\nSome text.\n\n![a photo]({src})\n", "abs")
    assert of(article, Image) == []
    assert [d.reason for d in article.dropped] == ["absolute image path"]
    assert "](" not in " ".join(b.text for b in article.blocks)


def test_file_and_script_links_become_plain_text_not_markdown_source():
    article = markdown.read("# T\n\nSee [the file](file:///etc/passwd) and [this](javascript:alert(1)).\n", "links")
    assert [b.text for b in article.blocks] == ["See the file and this."]
    assert [(d.text, d.reason) for d in article.dropped] == [
        ("file:///etc/passwd", "link to a local file or fragment"), ("javascript:alert(1)", "link to no web address")]


def test_language_detected_when_front_matter_has_none():
    body = "Die Stadt hat beschlossen, die alte Brücke über den Fluss im nächsten Sommer zu erneuern."
    assert markdown.read(f"---\ntitle: Brücke\n---\n\n{body}\n", "de").meta.lang == "de"


def test_missing_title_is_a_source_error_with_a_hint():
    with pytest.raises(SourceError) as error:
        markdown.read("---\nauthor: Someone\n---\n\nJust text, no heading.\n", "untitled")
    assert "no title" in error.value.message and "# Heading" in error.value.hint


@pytest.mark.parametrize("front, line", [
    ("title: Fine\nauthor: [unclosed\n", 3),
    ("title: Fine\ndek: ok\nauthor: A\n  bad: indent\n", 5),
    ("title: Fine\ndate: not a date\n", 3),
])
def test_malformed_front_matter_names_the_file_line(front, line):
    with pytest.raises(SourceError) as error:
        markdown.read(f"---\n{front}---\n\nText.\n", "broken.md")
    assert f"broken.md line {line}" in error.value.message
    assert "\n" not in error.value.message


def test_unclosed_front_matter():
    with pytest.raises(SourceError) as error:
        markdown.read("---\ntitle: Open\n\nText.\n", "open.md")
    assert "never closed" in error.value.message


def test_yaml_alias_in_front_matter_is_refused_naming_its_line():
    with pytest.raises(SourceError) as error:
        markdown.read("---\nname: &n The Ledger\ntitle: *n\n---\n\nText.\n", "alias.md")
    assert "alias.md line 3" in error.value.message and "*n" in error.value.message


def test_an_impossible_date_is_an_error_naming_it(tmp_path):
    from layout.errors import LayoutError
    from layout.readers import read

    source = tmp_path / "bad.md"
    source.write_text("---\ntitle: T\ndate: 2024-02-30\n---\n\nA body paragraph long enough to be one.\n")
    with pytest.raises(LayoutError, match="2024-02-30"):
        read(source)


def test_authors_written_as_mappings_give_their_names(tmp_path):
    from layout.readers import read

    source = tmp_path / "names.md"
    source.write_text('---\ntitle: T\nauthors: [{name: Ann Lee, url: "https://x.example"}, Bob Roe]\n---\n\n'
                      "A body paragraph long enough to be one.\n")
    assert read(source).meta.authors == ("Ann Lee", "Bob Roe")


def test_front_matter_without_a_body_is_an_error(tmp_path):
    source = tmp_path / "empty.md"
    source.write_text("---\ntitle: Only a title\n---\n")
    with pytest.raises(SourceError, match="no article text"):
        readers.read(source)


def test_a_footnote_never_referred_to_is_recorded():
    article = markdown.read("# T\n\nText with a note.[^a]\n\n[^a]: The note.\n[^spare]: Never used.\n", "notes")
    assert ("[^spare]", "footnote never referred to") in [(d.text, d.reason) for d in article.dropped]
    assert len(article.notes) == 1


def test_code_keeps_its_lines():
    from layout.model import Code

    text = "# T\n\nCall `hello()` first.\n\n```python\ndef hello():\n    print(\"hi\")\n```\n"
    article = markdown.read(text, "code")
    [code] = of(article, Code)
    assert code.code == 'def hello():\n    print("hi")' and code.language == "python"
    assert [r.code for r in article.blocks[0].runs if r.text == "hello()"] == [True]


def test_a_pipe_table_keeps_its_cells_header_and_alignment():
    text = "# T\n\n| Item | Count | Note |\n|:--|--:|---|\n| *Lamps* | 12 | mended |\n| Bikes | 3 |\n"
    article = markdown.read(text, "table")
    [table] = of(article, Table)
    assert (table.columns, table.header, table.align) == (3, 1, ("left", "right", ""))
    assert [[plain(cell) for cell in row] for row in table.rows] == [
        ["Item", "Count", "Note"], ["Lamps", "12", "mended"], ["Bikes", "3", ""]]
    assert table.rows[1][0][0].emphasis
    assert not article.dropped


def test_a_hard_line_break_is_kept_and_a_soft_one_is_a_space():
    article = markdown.read("# T\n\nThe sign said:\\\nBring it broken,  \ntake it\nhome.\n", "breaks")
    runs = article.blocks[0].runs
    assert [r.text for r in runs] == ["The sign said:", "\n", "Bring it broken,", "\n", "take it home."]
    assert [r.kind for r in runs if r.newline] == ["linebreak", "linebreak"]


@pytest.mark.parametrize("cover, message", [
    ("images/none.jpg", "image file not found"),
    ("https://example.org/c.jpg", "remote image"),
    ("../outside.jpg", "outside the article's folder"),
    ("pic.gif", "a cover must be a JPEG or PNG"),
    ("folder.jpg", "a folder, not a picture"),
])
def test_a_cover_that_cannot_be_used_is_an_error(tmp_path, cover, message):
    from PIL import Image

    Image.new("RGB", (20, 30)).save(tmp_path / "pic.gif")
    Image.new("RGB", (20, 30)).save(tmp_path.parent / "outside.jpg")
    (tmp_path / "folder.jpg").mkdir()
    source = tmp_path / "a.md"
    source.write_text(f"---\ntitle: T\ncover: {cover}\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(SourceError, match=f"a.md: cover .*{message}") as caught:
        readers.read(source)
    assert "cover" in caught.value.hint


def test_the_front_matter_names_a_cover(tmp_path):
    from PIL import Image

    Image.new("RGB", (20, 30)).save(tmp_path / "front.png")
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: T\ncover: front.png\n---\n\nText.\n", encoding="utf-8")
    assert readers.read(source).meta.cover == "front.png"


def test_a_br_tag_breaks_a_line_and_figures_are_set_right_unless_aligned():
    text = "# T\n\n| Address | Count | Code |\n|---|---|:--|\n| 1 Mill Lane<br>Holbrook | 1,200 | 7 |\n"
    article = markdown.read(text, "cells")
    [table] = of(article, Table)
    assert [(r.text, r.newline) for r in table.rows[1][0]] == [("1 Mill Lane", False), ("\n", True),
                                                                ("Holbrook", False)]
    assert table.align == ("", "right", "left") and not article.dropped


def test_a_list_item_of_two_paragraphs_keeps_them_on_lines_of_their_own():
    article = markdown.read("# T\n\n- First item.\n\n  Its second paragraph.\n- Second item.\n", "items")
    [items] = of(article, ListBlock)
    assert [(r.text, r.newline) for r in items.items[0]] == [("First item.", False), ("\n", True),
                                                              ("Its second paragraph.", False)]


def test_a_table_inside_a_quotation_is_recorded_and_a_header_only_table_has_no_head():
    article = markdown.read("# T\n\n> Quote.\n>\n> | A | B |\n> |---|---|\n> | 1 | 2 |\n\n| C | D |\n|---|---|\n", "q")
    [quote] = of(article, Blockquote)
    [table] = of(article, Table)
    assert quote.text == "Quote." and table.header == 0 and table.columns == 2
    assert ("A | B | 1 | 2", "table inside a quotation or list") in [(d.text, d.reason) for d in article.dropped]


def test_a_picture_named_for_another_format_is_refused(tmp_path):
    from PIL import Image

    Image.new("RGB", (20, 30)).save(tmp_path / "front.jpg", format="PNG")
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: T\ncover: front.jpg\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="a PNG picture named .jpg"):
        readers.read(source)


def test_a_cut_off_picture_is_refused_and_a_cover_name_is_a_path(tmp_path):
    import io

    from PIL import Image

    import weasyprint  # noqa: F401; it lets PIL load cut-off files, for the whole process

    whole = io.BytesIO()
    Image.effect_noise((400, 400), 60).convert("RGB").save(whole, format="JPEG")
    (tmp_path / "cut.jpg").write_bytes(whole.getvalue()[: len(whole.getvalue()) // 2])
    (tmp_path / "issue #3  front.jpg").write_bytes(whole.getvalue())
    source = tmp_path / "a.md"
    source.write_text("---\ntitle: T\ncover: cut.jpg\n---\n\nText.\n", encoding="utf-8")
    with pytest.raises(SourceError, match="not a readable image") as caught:
        readers.read(source)
    assert caught.value.hint == "save the picture again as JPEG or PNG"
    source.write_text('---\ntitle: T\ncover: "issue #3  front.jpg"\n---\n\nText.\n', encoding="utf-8")
    assert readers.read(source).meta.cover == "issue #3  front.jpg"
