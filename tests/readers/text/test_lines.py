"""Line shapes of the plain-text reader: bylines, date lines, datelines, sentences, table rows."""

import pytest

from layout.readers.text.lines import (byline, date_line, dated_caption, dateline_of, is_sentence, place_lead,
                                       row_cells)


@pytest.mark.parametrize("line, names", [
    ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
    ("Von Anna Müller", ("Anna Müller",)),
    ("The council met on Tuesday and voted.", None),
    ("Interview by Nadia Holm", ("Nadia Holm",)),
    ("di Giulia Ferraresi", ("Giulia Ferraresi",)),
    ("Di Maio said the vote was lost", None),
    ("Di Maio Luigi", None),
    ("Photos by John Roe", None),
])
def test_byline(line, names):
    assert byline(line) == names


@pytest.mark.parametrize("line, iso", [
    ("Published 19 November 2024", "2024-11-19"),
    ("19.11.2024, 14:05 Uhr", "2024-11-19"),
    ("3 hours ago", ""),
    ("5 aprile 2024", "2024-04-05"),
    ("21 abr 2024", "2024-04-21"),
    ("The vote on 19 November 2024 was close, said the mayor of the town.", None),
])
def test_date_line(line, iso):
    assert date_line(line) == iso


def test_datelines_and_place_leads():
    assert dateline_of("KYIV, Ukraine — Ukraine fired six missiles.") == "KYIV, Ukraine"
    assert place_lead("Berlin. Die Feuerwehr kämpft gegen einen Brand.") == "Berlin"
    assert dateline_of("The council met on Tuesday.") == ""


@pytest.mark.parametrize("line, sentence", [("A line.", True), ("“Quoted.”", True), ("A headline", False)])
def test_is_sentence(line, sentence):
    assert is_sentence(line) is sentence


@pytest.mark.parametrize("text, expected", [
    ("Firefighters at the harbour gate after the blaze, May 3, 2024", True),
    ("Der Hafen nach dem Brand, vom Nordkai aus gesehen, am 3. Mai 2024", True),
    ("Talks resume, 28 April 2023", False),                           # too short to be a caption
    ("The council met on Tuesday to vote on the bridge, 28 April 2023.", False),  # a sentence
    ("Jane Roe, John Doe, Ann Poe, Bo Lee 09.10.2023 7 min", False),  # a teaser's names and date
])
def test_a_caption_closes_with_the_day_the_picture_was_taken(text, expected):
    assert dated_caption(text) is expected


@pytest.mark.parametrize("line, cells", [
    ("Route\tFerries\tPassengers", ("Route", "Ferries", "Passengers")),
    ("\t2019\t 2023 ", ("", "2019", "2023")),                      # the first column's head is empty
    ("Quay  Street\t1,204\t\t", ("Quay Street", "1,204", "", "")),  # cells squeezed, empty ones kept
    ("\tThe ferry left the quay at dawn with forty passengers on board.", ()),  # a paragraph indented
    ("No tab in this line at all", ()),
    ("The ferry left the quay at dawn with forty passengers.\tIt came back at noon with the mail and the doctor.",
     ()),                                                               # prose with a tab in it
    ("Crossing time\tForty minutes in calm weather, an hour and more in a gale.", ("Crossing time",
     "Forty minutes in calm weather, an hour and more in a gale.")),  # a long value beside a short key
])
def test_row_cells(line, cells):
    assert row_cells(line) == cells
