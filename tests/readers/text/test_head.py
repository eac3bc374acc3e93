"""The page header of the plain-text reader: bylines and date lines under the headline give authors and date."""

from __future__ import annotations

from layout.readers import text

EN = ("Council backs harbour bridge", "A decade of debate ends with a vote on the old crossing.",
      "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has divided "
      "residents for more than a decade.",
      "Engineers said the work would begin next spring and take about three years, with one lane kept open for "
      "buses throughout the construction.")


def read(title: str, dek: str, *rest: str):
    return text.read("\n\n".join((title, dek) + rest) + "\n", "sample")


def reason(article, needle: str) -> str:
    return next(d.reason for d in article.dropped if needle in d.text)


def test_names_on_lines_of_their_own_are_all_authors():
    article = read(*EN[:2], "Mara Holt", "Ivo Brandt", "June 9, 2024", *EN[2:])
    assert article.meta.authors == ("Mara Holt", "Ivo Brandt")
    assert article.meta.date == "2024-06-09"


def test_a_desk_under_a_name_is_no_author():
    article = read(*EN[:2], "Mara Holt", "Regional News Service", "June 9, 2024", *EN[2:])
    assert article.meta.authors == ("Mara Holt",)
