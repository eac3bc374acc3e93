"""The content model: immutable, JSON round trip, plain text of every block."""

import dataclasses

import pytest

from layout.model import (Article, Blockquote, Dropped, Heading, Image, ListBlock, Meta, Paragraph, Rule, Run, Table,
                          article_from_dict, article_to_dict, map_runs, run_groups)


def sample() -> Article:
    return Article(
        Meta(title="T", authors=("A", "B"), keywords=("k",), identifier="urn:uuid:x"),
        (Paragraph("b001", (Run("Plain "), Run("bold", strong=True), Run(" and "), Run("link", href="https://e.org"))),
         Heading("b002", (Run("Sub"),), 3),
         Blockquote("b003", ((Run("One"),), (Run("Two", emphasis=True),))),
         ListBlock("b004", ((Run("x"),), (Run("y"),)), ordered=True),
         Image("b005", "pic.jpg", "alt", "cap", "cred"),
         Rule("b006"),
         Table("b007", ((Run("Item"),), (Run("N"),), (Run("lamp", emphasis=True),), (Run("3"),), (), (Run("4"),)), 2,
               align=("", "right"))),
        (Dropped("Advertisement", "advertisement"),),
    )


def test_blocks_are_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        sample().blocks[0].id = "other"


def test_plain_text_of_each_block():
    texts = [b.text for b in sample().blocks]
    assert texts == ["Plain bold and link", "Sub", "One\n\nTwo", "x\ny", "cap cred", "", "Item N\nlamp 3\n4"]


def test_run_kinds():
    kinds = [r.kind for r in sample().blocks[0].runs]
    assert kinds == ["text", "strong", "text", "link"]


def test_json_round_trip():
    article = sample()
    data = article_to_dict(article)
    assert [b["type"] for b in data["blocks"]] == ["paragraph", "heading", "blockquote", "list", "image", "rule",
                                                 "table"]
    assert article_from_dict(data) == dataclasses.replace(article, source_name="")


def test_a_table_is_rows_of_cells_and_its_cells_are_its_run_groups():
    table = sample().blocks[-1]
    assert [[r[0].text if r else "" for r in row] for row in table.rows] == [["Item", "N"], ["lamp", "3"], ["", "4"]]
    assert run_groups(table) == table.cells
    upper = map_runs(table, lambda runs: tuple(dataclasses.replace(r, text=r.text.upper()) for r in runs))
    assert upper.rows[1][0][0].text == "LAMP" and upper.columns == 2


def test_a_table_must_have_whole_rows():
    with pytest.raises(ValueError):
        Table("b001", (), 2)
    with pytest.raises(ValueError):
        Table("b001", ((Run("a"),), (Run("b"),), (Run("c"),)), 2)


def test_a_merged_cell_covers_only_empty_places_inside_the_table():
    cells = ((Run("Votes"),), (), (Run("1"),), (Run("2"),))
    table = Table("b001", cells, 2, spans=((0, 0, 1, 2),))
    assert table.covered == {(0, 1)} and table.origins == {(0, 0): (1, 2)}
    for spans in (((1, 0, 1, 2),), ((0, 0, 1, 3),), ((0, 0, 1, 2), (0, 1, 2, 1))):
        with pytest.raises(ValueError):  # covers "1"; runs off the table; overlaps
            Table("b001", cells, 2, spans=spans)


def test_headings_become_an_outline_under_the_title():
    from layout.model import Heading, Paragraph, Run, outline

    def levels(*source):
        blocks = tuple(Heading(f"h{i}", (Run("H"),), level) if level else Paragraph(f"p{i}", (Run("p"),))
                       for i, level in enumerate(source))
        return [b.level for b in outline(blocks) if isinstance(b, Heading)]

    assert levels(6, 0, 6) == [2, 2]  # a page's lone h6 "Up top"
    assert levels(3, 0, 4, 0, 3) == [2, 3, 2]
    assert levels(2, 4, 6, 3) == [2, 3, 4, 3]
    assert levels(1, 2, 1) == [2, 3, 2]  # a Markdown "# Heading" in the body is no second title
    assert levels(2, 3, 4, 5, 6, 6, 6) == [2, 3, 4, 5, 6, 6, 6]
