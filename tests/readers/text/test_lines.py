"""Line shapes of the plain-text reader: bylines, date lines, datelines, sentences, table rows."""

import pytest

from layout.readers.text.lines import (byline, byline_date, date_line, dated_caption, dateline_of, is_sentence,
                                       person_line, place_lead, row_cells)


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


@pytest.mark.parametrize("line, lang, iso", [
    # the time before the date, a time zone, a month abbreviated with a dot
    ("Posted 9:47 p.m. EST Nov. 12, 2024", "en", "2024-11-12"),
    ("Updated 11:05 AM PDT, Sept. 3, 2024", "", "2024-09-03"),
    ("Wed 12 Jun 2024 08.15 BST", "en", "2024-06-12"),
    ("March 2nd, 2024", "en", "2024-03-02"),
    ("1er avril 2024", "fr", "2024-04-01"),
    # Austrian month names
    ("3. Jänner 2024, 08:30", "de", "2024-01-03"),
    ("Veröffentlicht 14:20 Uhr, 7. Feber 2024", "de", "2024-02-07"),
    # a second date, of the last update, is not the article's: before or after it, with or without a separator
    ("Published: 18:05, 8 Oct 2024 | Updated: 07:30, 9 Oct 2024", "en", "2024-10-08"),
    ("Last updated 9 October 2024 · Published 8 October 2024", "en", "2024-10-08"),
    ("Aktualisiert: 9. Oktober 2024, 07:30 | Erstellt: 8. Oktober 2024, 18:05", "de", "2024-10-08"),
    ("Publié le 08/10/2024 à 18h05 - Mis à jour le 09/10/2024 à 07h30", "fr", "2024-10-08"),
    ("Pubblicato il 08/10/2024 alle 18:05 | Aggiornato il 09/10/2024", "it", "2024-10-08"),
    ("Mis en ligne le 3/10/2024 à 18:05", "fr", "2024-10-03"),
    # numeric dates: day first in the languages that write them so; either order only when one cannot be a month
    ("Publicado el 08-10-2024 a las 18:05", "es", "2024-10-08"),
    ("Gepubliceerd op 08-10-2024 om 18:05", "nl", "2024-10-08"),
    ("Published 04/05/2024", "de", "2024-05-04"),
    ("Published 04/05/2024", "en", ""),          # 4 May or April 5: a date line, its day unknown
    ("Published 04/05/2024", "", ""),
    ("Published 4/25/2024", "en", "2024-04-25"),
    ("Published 25/4/2024", "en", "2024-04-25"),
    ("3 hours ago | 5 min read", "en", ""),
    ("Published Tuesday 8 October 2024 at 18:05 Last updated Wednesday 9 October 2024 at 07:30", "en", "2024-10-08"),
    # the story's sentences are no date lines
    ("Published in 2019, the report found that rents had doubled.", "en", None),
    ("Talks resumed on 3 March 2024.", "en", None),
    ("Storm live: the latest updates | 3 March 2024", "en", None),
    ("The ferry sailed on 4/5/2024 with forty passengers aboard and a band.", "en", None),
])
def test_date_line_families(line, lang, iso):
    assert date_line(line, lang) == iso


@pytest.mark.parametrize("line, lang, names, iso", [
    ("By Nora Quist · June 9, 2024 · 6 min read", "en", ("Nora Quist",), "2024-06-09"),
    ("Von Tobias Grünwald | 14. Feber 2024, 19:40", "de", ("Tobias Grünwald",), "2024-02-14"),
    ("By Ada Lind and Olu Bello, 9 June 2024", "en", ("Ada Lind", "Olu Bello"), "2024-06-09"),
    ("Von Mira Falk am 4. März 2024", "de", ("Mira Falk",), "2024-03-04"),
    ("Par Claire Morvan - 08/10/2024 à 18h05", "fr", ("Claire Morvan",), "2024-10-08"),
    ("By Ada Lind | 6 min read", "en", ("Ada Lind",), None),
    ("By Ada Lind", "en", ("Ada Lind",), None),
])
def test_a_byline_with_the_date_on_its_line(line, lang, names, iso):
    assert byline(line) == names
    assert byline_date(line, lang) == iso


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
