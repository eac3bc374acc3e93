"""Line shapes of the plain-text reader: bylines, date lines, datelines, sentences."""

import pytest

from layout.readers.text.lines import byline, date_line, dateline_of, is_sentence, place_lead


@pytest.mark.parametrize("line, names", [
    ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
    ("Von Anna Müller", ("Anna Müller",)),
    ("The council met on Tuesday and voted.", None),
])
def test_byline(line, names):
    assert byline(line) == names


@pytest.mark.parametrize("line, iso", [
    ("Published 19 November 2024", "2024-11-19"),
    ("19.11.2024, 14:05 Uhr", "2024-11-19"),
    ("3 hours ago", ""),
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
