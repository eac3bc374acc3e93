"""The page header of the plain-text reader: bylines and date lines under the headline give authors and date."""

from __future__ import annotations

from layout.readers import text

EN = ("Council backs harbour bridge", "A decade of debate ends with a vote on the old crossing.",
      "The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate that has divided "
      "residents for more than a decade.",
      "Engineers said the work would begin next spring and take about three years, with one lane kept open for "
      "buses throughout the construction.")
FR = ("Le conseil vote la reconstruction du pont du port",
      "Après dix ans de débats, la ville remplace enfin le vieux pont qui relie les deux quais.",
      "Le conseil municipal a voté mardi la reconstruction du vieux pont du port, mettant fin à un débat qui "
      "divise les habitants depuis plus de dix ans.",
      "Les ingénieurs estiment que les travaux commenceront au printemps prochain et dureront environ trois ans, "
      "avec une voie ouverte aux bus pendant tout le chantier.")


def read(title: str, dek: str, *rest: str):
    return text.read("\n\n".join((title, dek) + rest) + "\n", "sample")


def reason(article, needle: str) -> str:
    return next(d.reason for d in article.dropped if needle in d.text)


def test_a_byline_carries_the_date_after_a_separator():
    article = read(*EN[:2], "Von Tobias Grünwald | 14. Feber 2024, 19:40", *EN[2:])
    assert article.meta.authors == ("Tobias Grünwald",)
    assert article.meta.date == "2024-02-14"
    assert reason(article, "Grünwald") == "byline"
    assert [b.text for b in article.blocks] == list(EN[2:])


def test_a_byline_with_date_and_reading_time():
    article = read(*EN[:2], "By Nora Quist · June 9, 2024 · 6 min read", *EN[2:])
    assert (article.meta.authors, article.meta.date) == (("Nora Quist",), "2024-06-09")


def test_the_published_date_not_the_update():
    article = read(*EN[:2], "By Ada Lind, Transport Correspondent",
                   "Published: 18:05, 8 Oct 2024 | Updated: 07:30, 9 Oct 2024", *EN[2:])
    assert article.meta.authors == ("Ada Lind",)
    assert article.meta.date == "2024-10-08"
    assert reason(article, "Published") == "date line"


def test_a_numeric_date_is_read_in_the_article_language():
    article = read(*FR[:2], "Par Claire Morvan", "Publié le 08/10/2024 à 18h05 - Mis à jour le 09/10/2024 à 07h30",
                   *FR[2:])
    assert article.meta.lang == "fr"
    assert article.meta.date == "2024-10-08"


def test_an_ambiguous_numeric_date_in_english_is_left_empty():
    article = read(*EN[:2], "By Ada Lind", "Published 04/05/2024", *EN[2:])
    assert article.meta.date == ""
    assert reason(article, "04/05/2024") == "date line"


def test_names_on_lines_of_their_own_are_all_authors():
    article = read(*EN[:2], "Mara Holt", "Ivo Brandt", "June 9, 2024", *EN[2:])
    assert article.meta.authors == ("Mara Holt", "Ivo Brandt")
    assert article.meta.date == "2024-06-09"


def test_a_desk_under_a_name_is_no_author():
    article = read(*EN[:2], "Mara Holt", "Regional News Service", "June 9, 2024", *EN[2:])
    assert article.meta.authors == ("Mara Holt",)


def test_a_date_in_the_story_is_not_the_article_date():
    lede = "Published in 2019, the report found that rents near the harbour had doubled in ten years."
    article = read(*EN[:2], "By Ada Lind", lede, "The ferry sailed on 4 March 2024.", *EN[2:])
    assert article.meta.date == ""
    assert [b.text for b in article.blocks][:2] == [lede, "The ferry sailed on 4 March 2024."]


def test_a_timestamp_under_the_headline_is_the_date():
    article = read(*EN[:2], "By Ada Lind", "Published 14.06.2024, 08:30", *EN[2:])
    assert article.meta.date == "2024-06-14"
    assert reason(article, "14.06.2024") == "date line"


def test_an_update_line_above_the_published_date_does_not_win():
    article = read(*EN[:2], "By Ada Lind", "Updated June 10, 2024", "Published June 9, 2024", *EN[2:])
    assert article.meta.date == "2024-06-09"
    assert read(*EN[:2], "By Ada Lind", "Updated June 10, 2024", *EN[2:]).meta.date == "2024-06-10"
