"""Tables in plain text: rows a browser copies with a tab between cells become a Table in their place."""

import pytest

from layout.model import Heading, Paragraph, Table, plain
from layout.readers import text
from layout.readers.common import MAX_COLUMNS
from layout.readers.text.chunks import Chunk, split_chunks
from layout.readers.text.tables import heads, mark_tables
from placed import is_placed, placed

TITLE = "Island ferry carried more passengers than ever in May"
DEK = "The new timetable and a second boat doubled the number of crossings on the busiest route."
LEDE = ("The island ferry carried more passengers in May than in any month since the service began, the "
        "harbour board said on Monday, after a second boat joined the route in April.")
MIDDLE = ("Crossings to the island rose the most, while the short hop to the point, which the board had "
          "planned to close, kept almost all of its regular travellers.")
LAST = ("The board will decide in June whether to keep the second boat over the winter, when the crossings "
        "have always been fewer and the weather often stops them altogether.")
ROUTES = ["Route\tCrossings\tPassengers", "Harbour to Isle\t62\t4,810", "Isle to Point\t58\t3,975",
          "Point to Harbour\t31\t1,204"]


def page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def read(source: str):
    return text.read(source, "ferry")


def tables(article) -> list[Table]:
    return [b for b in article.blocks if isinstance(b, Table)]


def cells(table: Table) -> list[list[str]]:
    return [[plain(cell) for cell in row] for row in table.rows]


def assert_nothing_lost(source: str, article) -> None:
    texts = placed(article)
    for chunk in split_chunks(source):
        assert is_placed(chunk, texts), f"lost silently: {chunk!r}"


def test_tab_separated_rows_become_a_table_in_their_place():
    source = page(TITLE, DEK, LEDE, "Passengers by route in May", "\n".join(ROUTES), MIDDLE, LAST)
    article = read(source)
    kinds = [type(b).__name__ for b in article.blocks]
    assert kinds == ["Paragraph", "Heading", "Table", "Paragraph", "Paragraph"]
    table = tables(article)[0]
    assert cells(table) == [row.split("\t") for row in ROUTES]
    assert (table.columns, table.header, table.align) == (3, 1, ("", "right", "right"))
    assert article.blocks[1].text == "Passengers by route in May"
    assert_nothing_lost(source, article)


def test_a_caption_or_a_lead_in_above_the_table_stays_as_it_was():
    caption = "Table: passengers by route in May"
    lead_in = "The harbour board gave these figures for the three routes on Monday:"
    for line, kind in ((caption, Heading), (lead_in, Paragraph)):
        article = read(page(TITLE, DEK, LEDE, line, "\n".join(ROUTES), MIDDLE, LAST))
        above = article.blocks[article.blocks.index(tables(article)[0]) - 1]
        assert (type(above), above.text) == (kind, line)


def test_short_rows_are_not_dropped_as_prices_teasers_or_menus():
    specs = ["Length\t38 m", "Speed\t12 knots", "Fare\t$14", "Cars\t24"]
    source = page(TITLE, DEK, LEDE, "Specs", "\n".join(specs), MIDDLE, LAST)
    article = read(source)
    table = tables(article)[0]
    assert cells(table) == [row.split("\t") for row in specs]
    assert table.header == 0  # keys and values, no heads
    assert [b.text for b in article.blocks[:2]] == [LEDE, "Specs"]
    assert not [d for d in article.dropped if "knots" in d.text or "$14" in d.text]
    assert_nothing_lost(source, article)


def test_a_table_right_under_the_headline_is_no_standfirst_or_byline():
    rows = ["Day\tCrossings", "Monday\t14", "Tuesday\t12"]
    article = read(page(TITLE, "\n".join(rows), LEDE, MIDDLE))
    assert article.meta.dek == ""
    assert cells(tables(article)[0]) == [row.split("\t") for row in rows]


def test_a_head_row_one_cell_short_lacks_the_first_columns_head():
    rows = ["2019\t2023", "Harbour to Isle\t3,102\t4,810", "Isle to Point\t2,877\t3,975"]
    table = tables(read(page(TITLE, DEK, LEDE, "\n".join(rows), MIDDLE)))[0]
    assert cells(table)[0] == ["", "2019", "2023"]
    assert table.header == 1


def test_trailing_empty_cells_belong_to_the_row():
    rows = ["Route\tCrossings\tNote\t", "Harbour to Isle\t62\t\t", "Isle to Point\t58\tdelays in fog\t"]
    table = tables(read(page(TITLE, DEK, LEDE, "\n".join(rows), MIDDLE)))[0]
    assert table.columns == 3
    assert cells(table)[1] == ["Harbour to Isle", "62", ""]


def test_rows_of_another_width_start_another_table_or_stay_lines():
    source = page(TITLE, DEK, LEDE, "\n".join(ROUTES + ["Boat\tBuilt", "Gull\t1998", "Tern\t2024"]), MIDDLE)
    article = read(source)
    assert [t.columns for t in tables(article)] == [3, 2]
    assert_nothing_lost(source, article)


def test_one_row_alone_or_prose_with_a_tab_stays_a_paragraph():
    prose = ("The first boat left the harbour at six with forty passengers.\t"
             "The second followed an hour later with the mail and the doctor.")
    source = page(TITLE, DEK, LEDE, prose, "Isle to Point\t58\t3,975", MIDDLE, LAST)
    article = read(source)
    assert tables(article) == []
    assert prose.replace("\t", " ") in [b.text for b in article.blocks]
    assert_nothing_lost(source, article)


def test_a_table_too_wide_is_dropped_a_row_a_line_with_the_reason():
    rows = ["\t".join(f"H{n}" for n in range(MAX_COLUMNS + 1)), "\t".join(str(n) for n in range(MAX_COLUMNS + 1))]
    source = page(TITLE, DEK, LEDE, "\n".join(rows), MIDDLE)
    article = read(source)
    assert tables(article) == []
    reasons = {d.text: d.reason for d in article.dropped}
    assert all(reasons.get(row.replace("\t", " ")).startswith("table too wide") for row in rows)
    assert_nothing_lost(source, article)


def test_mark_tables_leaves_decided_lines_alone():
    body = [Chunk.of(row) for row in ROUTES]
    body[1].drop("teaser")
    mark_tables(body)
    assert [c.role for c in body] == ["", "drop", "table", "row"]  # one row alone above the teaser is no table


@pytest.mark.parametrize("grid, expected", [
    ([("Lake", "2004", "2024"), ("North", "361", "287")], True),           # years over figures
    ([("Route", "Passengers"), ("Isle", "4,810"), ("Point", "3,975")], True),  # a word over figures
    ([("Year", "Boat"), ("1998", "Gull"), ("2024", "Tern")], True),         # a word over years
    ([("North", "1,204", "980"), ("South", "870", "1,002")], False),         # figures over figures: a body row
    ([("Ward", "Candidate", "Party"), ("North", "Ann Lee", "Green")], True),  # short labels, three columns
    ([("Length", "38 m"), ("Speed", "12 knots")], False),                   # keys and values
    ([("Colour", "Blue"), ("Deck", "Steel")], False),                       # keys and values, all words
    ([("Founded", "1998"), ("Rebuilt", "2024")], False),                    # a year over years
])
def test_heads(grid, expected):
    assert heads(grid) is expected
