"""Line shapes of the plain-text reader: bylines, date lines, datelines, sentences."""

import pytest

from layout.readers.text.lines import (byline, date_line, dated_caption, dateline_of, is_sentence, person_line,
                                       place_lead)


@pytest.mark.parametrize("line, names", [
    ("By Jane Roe and John Doe", ("Jane Roe", "John Doe")),
    ("Von Anna Müller", ("Anna Müller",)),
    ("The council met on Tuesday and voted.", None),
    ("Interview by Nadia Holm", ("Nadia Holm",)),
    ("di Giulia Ferraresi", ("Giulia Ferraresi",)),
    ("Di Maio said the vote was lost", None),
    ("Di Maio Luigi", None),
    ("Photos by John Roe", None),
    ("By Ada Lind, Transport Correspondent", ("Ada Lind",)),             # a job after a comma is no author
    ("By Ada Lind and Olu Bello, Staff Writers", ("Ada Lind", "Olu Bello")),
    ("By the time the ferry left on 9 June 2024, the storm had passed.", None),
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


@pytest.mark.parametrize("line, expected", [
    ("Mara Holt", True),
    ("Ada Lind, Science Reporter", True),
    ("Regional News Service", False),
    ("Crime Correspondent", False),
])
def test_person_line(line, expected):
    assert person_line(line) is expected


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
