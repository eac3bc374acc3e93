"""The plain-text reader: the seed article, small synthetic pages, and the nothing-lost invariant."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from layout.errors import SourceError
from layout.model import Heading, ListBlock, Paragraph, plain
from layout.readers import text
from layout.readers.decode import decode
from placed import is_placed, placed

SEED = Path(__file__).resolve().parents[2] / "source" / "ukraine-atacms.txt"
SEED_BOILERPLATE = ("Recommended Videos", "Related Posts", "This will close in 0 seconds")


def chunks_of(source: str) -> list[str]:
    """The input's blocks as the reader splits them."""
    return text.split_chunks(source)


def assert_nothing_lost(source: str, article) -> None:
    """Every non-empty chunk of the input is the title, the standfirst, a block, a list's item or a dropped
    entry."""
    texts = placed(article)
    for chunk in chunks_of(source):
        assert is_placed(chunk, texts), f"lost silently: {chunk!r}"
    assert len([p for p in texts if p]) == len(chunks_of(source)), "a chunk was placed twice"


def read(source: str, name: str = "sample"):
    return text.read(source, name)


def page(*parts: str) -> str:
    return "\n\n".join(parts) + "\n"


def dropped_reason(article, needle: str) -> str:
    return next(d.reason for d in article.dropped if needle in d.text)


def body(article) -> list[str]:
    return [block.text for block in article.blocks]


# --- the seed article ----------------------------------------------------------------------


@pytest.fixture(scope="module")
def seed_source() -> str:
    return decode(SEED.read_bytes(), SEED.name)


@pytest.fixture(scope="module")
def seed(seed_source):
    return text.read(seed_source, SEED.stem)


def test_seed_title_standfirst_dateline(seed, seed_source):
    assert seed.meta.title == "Ukraine fired six U.S. long-range missiles, Russia says"
    assert seed.meta.dek == chunks_of(seed_source)[1]
    assert seed.meta.dateline == "KYIV, Ukraine"
    assert seed.meta.lang == "en"


def test_seed_first_paragraph_keeps_its_dateline(seed):
    assert seed.blocks[0].text.startswith("KYIV, Ukraine — Ukraine fired six American-supplied")


def test_seed_boilerplate_dropped_with_reasons(seed):
    reasons = {d.text: d.reason for d in seed.dropped}
    for label in SEED_BOILERPLATE:
        assert reasons.get(label), f"{label!r} not dropped"
    promo = [d for d in seed.dropped if "nationalpost.com" in d.text]
    assert len(promo) == 1 and promo[0].reason
    assert len(seed.dropped) == 4


def test_seed_paragraphs_whole_and_in_order(seed, seed_source):
    boilerplate = set(SEED_BOILERPLATE)
    expected = [c for c in chunks_of(seed_source)[2:]
                if c not in boilerplate and "nationalpost.com" not in c]
    assert body(seed) == expected
    assert all(isinstance(block, Paragraph) for block in seed.blocks)


def test_seed_nothing_lost(seed, seed_source):
    assert_nothing_lost(seed_source, seed)


def test_seed_ids_and_identifier_stable(seed, seed_source):
    assert [b.id for b in seed.blocks[:3]] == ["b001", "b002", "b003"]
    assert seed.meta.identifier == text.read(seed_source, SEED.stem).meta.identifier
    assert seed.meta.identifier.startswith("urn:uuid:")


# --- synthetic pages -----------------------------------------------------------------------

LEDE = ("The city council voted on Tuesday to rebuild the old harbour bridge, ending a debate "
        "that has divided residents for more than a decade.")
SECOND = ("Engineers said the work would begin next spring and take about three years, with one "
          "lane kept open for buses throughout the construction.")
THIRD = ("Shop owners near the bridge welcomed the decision but asked for help with the loss of "
         "trade while the roadworks last.")


def test_subheadings_become_heading_blocks():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.",
                  LEDE, "What happens next", SECOND, "Traders worried", THIRD)
    article = read(source)
    kinds = [(type(b).__name__, b.text) for b in article.blocks]
    assert kinds == [("Paragraph", LEDE), ("Heading", "What happens next"), ("Paragraph", SECOND),
                     ("Heading", "Traders worried"), ("Paragraph", THIRD)]
    assert all(b.level == 2 for b in article.blocks if isinstance(b, Heading))
    assert_nothing_lost(source, article)


def test_byline_and_date_lines_set_metadata():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.",
                  "By Jane Doe and Max Mustermann", "Published March 4, 2025", LEDE, SECOND)
    article = read(source)
    assert article.meta.authors == ("Jane Doe", "Max Mustermann")
    assert article.meta.date == "2025-03-04"
    assert dropped_reason(article, "Jane Doe") == "byline"
    assert dropped_reason(article, "March 4") == "date line"
    assert body(article) == [LEDE, SECOND]
    assert_nothing_lost(source, article)


def test_caption_and_credit_pairs_dropped():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE,
                  "The old bridge at dusk, seen from the harbour wall.", "Photo: Jane Doe / Reuters",
                  SECOND, "Workers inspect the pillars. © City Archive", THIRD)
    article = read(source)
    assert body(article) == [LEDE, SECOND, THIRD]
    assert dropped_reason(article, "Photo: Jane Doe") == "photo credit"
    assert dropped_reason(article, "old bridge at dusk") == "caption"
    assert dropped_reason(article, "City Archive") == "caption"
    assert_nothing_lost(source, article)


def test_teaser_run_and_calls_to_action_dropped():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND,
                  "Advertisement", THIRD, "More on this story",
                  "Mayor faces questions over ferry contract",
                  "New cycle lanes open across the river",
                  "Five things to know about the budget",
                  "Sign up for our newsletter to get the day's top stories in your inbox.",
                  "Share this article", "Facebook", "X", "Email")
    article = read(source)
    assert body(article) == [LEDE, SECOND, THIRD]
    assert dropped_reason(article, "Advertisement") == "advertisement"
    assert dropped_reason(article, "ferry contract") == "teaser"
    assert dropped_reason(article, "Sign up") == "call to action"
    assert dropped_reason(article, "Facebook") == "share buttons"
    assert_nothing_lost(source, article)


def kinds(article) -> list[tuple]:
    """Each block as (kind, text), a list as (kind, ordered, items)."""
    return [(type(b).__name__, b.ordered, [plain(i) for i in b.items]) if isinstance(b, ListBlock)
            else (type(b).__name__, b.text) for b in article.blocks]


def test_lines_marked_as_a_list_make_a_list():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE,
                  "What is planned", "- a new deck of steel", "- two lanes for buses", "- a path for bicycles",
                  SECOND, "Results", "1. Option A 41 votes", "2. Option B 12 votes", THIRD)
    article = read(source)
    assert kinds(article) == [
        ("Paragraph", LEDE), ("Heading", "What is planned"),
        ("ListBlock", False, ["a new deck of steel", "two lanes for buses", "a path for bicycles"]),
        ("Paragraph", SECOND), ("Heading", "Results"), ("ListBlock", True, ["Option A 41 votes", "Option B 12 votes"]),
        ("Paragraph", THIRD)]
    assert_nothing_lost(source, article)


def test_short_lines_after_a_lead_in_are_the_storys_list():
    lead_in = "The council will put three options to residents at the town hall next month:"
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, lead_in,
                  "Finish the bridge as designed", "Narrow the deck to save steel", "Pause the work for a year",
                  SECOND, THIRD)
    article = read(source)
    assert kinds(article) == [
        ("Paragraph", LEDE), ("Paragraph", lead_in),
        ("ListBlock", False, ["Finish the bridge as designed", "Narrow the deck to save steel",
                              "Pause the work for a year"]),
        ("Paragraph", SECOND), ("Paragraph", THIRD)]
    assert_nothing_lost(source, article)


def test_amounts_under_a_label_and_lines_under_a_lead_in_are_lists():
    seats = "The seats each party won, with the change since the last election:"
    share = "Share of the vote:"
    source = page("Greens take the council", "A landslide in the valley.", LEDE, "Serves 4", "Ingredients", "4 leeks",
                  "30 g butter", "2 eggs", "Salt and pepper", SECOND, seats, "Green: 24 seats (+12)",
                  "Labour: 6 seats (no change)", share, "Green: 38.6%", "Labour: 19.4%")
    article = read(source)
    assert kinds(article) == [
        ("Paragraph", LEDE), ("Heading", "Ingredients"),
        ("ListBlock", False, ["4 leeks", "30 g butter", "2 eggs", "Salt and pepper"]), ("Paragraph", SECOND),
        ("Paragraph", seats), ("ListBlock", False, ["Green: 24 seats (+12)", "Labour: 6 seats (no change)"]),
        ("Paragraph", share), ("ListBlock", False, ["Green: 38.6%", "Labour: 19.4%"])]
    assert dropped_reason(article, "Serves 4") == "widget label"  # no item of the list under it
    assert_nothing_lost(source, article)


def test_a_label_that_names_a_list_heads_one():
    source = page("How to bleed a radiator in five minutes", "A small job that saves on heating.", LEDE,
                  "What you\u2019ll need", "A radiator key", "An old towel or cloth", "A small bowl", SECOND)
    article = read(source)
    assert kinds(article)[1:3] == [("Heading", "What you\u2019ll need"),
                                   ("ListBlock", False, ["A radiator key", "An old towel or cloth", "A small bowl"])]
    assert_nothing_lost(source, article)


def test_numbered_teasers_and_data_boxes_are_no_list():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND,
                  "Most read", "1. Mayor faces questions over ferry contract", "2. New cycle lanes open",
                  THIRD, "Specs:", "Length: 240 m", "Lanes: 2", SECOND + " Again.")
    article = read(source)
    assert body(article) == [LEDE, SECOND, THIRD, SECOND + " Again."]
    assert dropped_reason(article, "ferry contract") == "teaser"
    assert dropped_reason(article, "Length: 240 m") == "data list"
    assert_nothing_lost(source, article)


def test_a_whole_page_copied_finds_the_headline_under_its_header():
    header = ("We use cookies to give you the best experience. By clicking Accept you agree to our cookie policy.",
              "Accept all", "Skip to main content", "The Harbour Gazette", "News", "Sport", "Opinion", "Culture",
              "Home › News › Harbour", "Harbour", "Tue 4 Mar 2025 09.00 GMT")
    source = page(*header, "Council backs harbour bridge after a decade of debate",
                  "A decade of argument ends with a vote of seven to two.", "By Jane Doe", LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Council backs harbour bridge after a decade of debate"
    assert article.meta.dek == "A decade of argument ends with a vote of seven to two."
    assert article.meta.authors == ("Jane Doe",)
    assert article.meta.date == "2025-03-04"
    assert body(article) == [LEDE, SECOND]
    assert dropped_reason(article, "Harbour Gazette") == "menu"
    assert dropped_reason(article, "Skip to main") == "skip link"
    assert [d.reason for d in article.dropped if d.text == "Harbour"] == ["kicker"]
    assert_nothing_lost(source, article)


def test_a_consent_banner_goes_whole_with_its_title_and_buttons():
    banner = "\n".join(("Your choices matter to us",
                        "We and selected third parties set cookies and similar tools to run the site and measure it.",
                        "Agree", "Show me the details", "Or read it all without adverts from 2 a month"))
    source = page(banner, "Skip to main content", "Council backs harbour bridge after a decade of debate",
                  "A decade of argument ends with a vote of seven to two.", LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Council backs harbour bridge after a decade of debate"
    assert dropped_reason(article, "Your choices matter") == "consent banner"
    assert dropped_reason(article, "Or read it all") == "consent banner"
    assert_nothing_lost(source, article)


def test_a_story_about_cookies_in_a_paragraph_group_is_no_banner():
    story = ("Regulators said sites that set cookies without consent would be fined from June.\n"
             "The rules cover every site with visitors in the country, the agency said in a statement on Monday.")
    article = read(page("Cookie rules to be enforced from June", LEDE, story))
    assert "Regulators said sites that set cookies without consent would be fined from June." in body(article)
    assert not article.dropped


def test_a_paywall_meter_and_a_kicker_are_not_the_headline():
    source = page("Skip to main content", "The Quay Review", "Subscribe", "Sign In",
                  "You have 1 free article remaining this month.", "Letters to the Editor",
                  "Letters: the ferry fares, a dark junction and thanks to a stranger",
                  "Readers write about the week's news in Holbrook.", LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Letters: the ferry fares, a dark junction and thanks to a stranger"
    assert article.meta.dek == "Readers write about the week's news in Holbrook."
    assert dropped_reason(article, "free article") == "paywall notice"
    assert dropped_reason(article, "Letters to the Editor") == "kicker"


def test_a_subheading_set_apart_under_a_box_of_short_lines_heads_the_text():
    share = "\n".join(("Email", "Print", "Gift this story"))
    source = page("Council backs harbour bridge", LEDE, share, "Where the money goes", SECOND)
    article = read(source)
    assert ("Heading", "Where the money goes") in kinds(article)
    assert_nothing_lost(source, article)


def test_a_label_takes_its_teasers_but_not_the_subheading_after_them():
    talks = "The talks went on into a second day, with the ferry company and the council trading offers."
    source = page("Council backs harbour bridge", "The vote was seven to two.", LEDE, SECOND, "Read more:",
                  "Ferry fares to rise in May", "Ferry fares to rise in May", "The second day of talks", talks)
    article = read(source)
    assert "The second day of talks" in body(article)
    assert [d.text for d in article.dropped if d.reason in ("teaser", "repeated widget")] == [
        "Ferry fares to rise in May"] * 2


def test_a_readers_letter_keeps_its_signature():
    letter = "The ferry used to run every hour. Now it runs twice a day, and the council calls that a service."
    second = "The new car park charges more for an hour than the bus fare into town, which is no way to treat the sick."
    source = page("Letters: ferries and car parks", "Readers write about the week's news.", letter,
                  "Margaret Ellery\nMiddlecombe, Westmoor", "Hospital parking is a tax on the sick", second,
                  "— Harold Brandt, Millbrook")
    article = read(source)
    kept = kinds(article)
    for line in ("Margaret Ellery", "Middlecombe, Westmoor", "— Harold Brandt, Millbrook"):
        assert ("Paragraph", line) in kept
    assert ("Heading", "Hospital parking is a tax on the sick") in kept
    assert_nothing_lost(source, article)


def test_a_short_headline_over_a_standfirst_without_a_full_stop_and_a_byline_stays_the_headline():
    source = page("Ferry service will resume", "Operators promise an hourly crossing from the first of May",
                  "By Jo Penn", LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Ferry service will resume"


def test_a_headline_right_under_a_consent_banner_stays_the_headline():
    banner = "\n".join(("We use cookies to personalise content and ads and to analyse our traffic.", "Accept all",
                        "Manage settings", "Council backs harbour bridge after a decade of debate", "By Jane Doe"))
    article = read(page(banner, LEDE, SECOND))
    assert article.meta.title == "Council backs harbour bridge after a decade of debate"
    assert article.meta.authors == ("Jane Doe",)


def test_title_case_teasers_after_the_text_are_no_signatures():
    teasers = "\n".join(("Parking Fees Rise Again", "Town Hall Clock Restored", "Bus Route Axed Today"))
    article = read(page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND, teasers))
    assert body(article) == [LEDE, SECOND]


def test_a_consent_banner_in_any_wording_and_an_alert_bar_are_not_the_headline():
    banner = "\n".join(("Welcome to the Quay Courier",
                        "We pay for our reporting with adverts and set cookies for them; with 'Agree' you let us.",
                        "Agree", "Settings"))
    header = "\n".join(("Jump to main content", "The Quay Courier", "News", "Sport", "Weather", "Opinion"))
    alert = "\n".join(("GALE WARNING until noon for the harbour and the north shore", "2 weather alerts"))
    source = page(banner, header, alert, "Council backs harbour bridge after a decade of debate", "By Jane Doe",
                  LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Council backs harbour bridge after a decade of debate"
    assert dropped_reason(article, "Welcome to the Quay") == "consent banner"
    assert dropped_reason(article, "Jump to main") == "skip link"
    assert_nothing_lost(source, article)


def test_story_sentences_between_two_calls_to_action_stay_the_storys():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE,
                  "Subscribe now for unlimited access to the Courier.",
                  "The harbour board told the meeting it would pay a third of the cost of the new deck.",
                  "Support local journalism.", SECOND)
    article = read(source)
    assert "The harbour board told the meeting it would pay a third of the cost of the new deck." in body(article)


def test_a_live_blogs_entry_times_go_with_their_headings():
    entry = "The harbour master closed the north quay at noon as the water rose over the steps, the council said."
    later = "Ferries to the islands will not sail before Friday morning, the operator said in a short statement."
    source = page("Live: storm closes the harbour", "Follow the latest here.", LEDE, "16:45", "North quay closed",
                  entry, "15:20 Uhr", "Ferries cancelled", later)
    kept = kinds(read(source))
    assert ("Heading", "16:45 · North quay closed") in kept and ("Heading", "15:20 Uhr · Ferries cancelled") in kept


def test_key_points_over_the_text_are_the_storys_list():
    source = page("Council backs harbour bridge after a decade of debate", "By Jane Doe", "Summary",
                  "Council votes seven to two for the bridge", "Work to begin next spring", "Buses keep one lane",
                  LEDE, SECOND)
    kept = kinds(read(source))
    assert kept[:2] == [("Heading", "Summary"), ("ListBlock", False, ["Council votes seven to two for the bridge",
                                                                      "Work to begin next spring",
                                                                      "Buses keep one lane"])]


def test_a_reviews_pros_and_cons_over_the_text_are_its_lists():
    pros = "\n".join(("The good", "Quiet on the water", "Cheap to run"))
    cons = "\n".join(("The bad", "Slow in a headwind", "No roof"))
    source = page("The harbour's new electric ferry, reviewed", "By Jane Doe", pros, cons, "£2 at the quay", LEDE,
                  SECOND)
    kept = kinds(read(source))
    assert kept[:4] == [("Heading", "The good"), ("ListBlock", False, ["Quiet on the water", "Cheap to run"]),
                        ("Heading", "The bad"), ("ListBlock", False, ["Slow in a headwind", "No roof"])]


def test_a_short_headline_over_its_standfirst_stays_the_headline():
    source = page("Bridge approved", "A decade of argument ends with a vote of seven to two.", LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Bridge approved"
    assert article.meta.dek == "A decade of argument ends with a vote of seven to two."


def test_a_sign_up_box_goes_whole():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND,
                  "Get the Courier's council briefing", "Every Friday, the week at the town hall in five minutes.",
                  "Your email", "Sign up", "We will use your email to send you newsletters. See our privacy notice.",
                  THIRD)
    article = read(source)
    assert body(article) == [LEDE, SECOND, THIRD]
    assert dropped_reason(article, "Every Friday") == "promo"
    assert dropped_reason(article, "Your email") == "form field"
    assert_nothing_lost(source, article)


def test_a_row_of_stars_between_paragraphs_is_a_section_break():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, "* * *", SECOND,
                  THIRD, "* * *")
    article = read(source)
    assert [type(b).__name__ for b in article.blocks] == ["Paragraph", "Rule", "Paragraph", "Paragraph"]
    assert dropped_reason(article, "* * *") == "punctuation"  # the last, closing nothing
    assert_nothing_lost(source, article)


def test_list_edges_subheadings_counting_and_dialogue():
    lead_in = "The council will put three options to residents at the town hall next month:"
    options = ("Finish the bridge as designed", "Narrow the deck to save steel", "Pause the work for a year")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, lead_in, *options,
                  "What the options cost", "Finishing the bridge as designed would cost the most of the three "
                  "options, the engineers told the council.",
                  "3. A new survey of the far bank", "4. A new tender for the steel", SECOND,
                  "1. FC Harbour won the cup", "1. FC Harbour lost the league", THIRD,
                  "– Why this bridge?", "– Because the ferry is slow, she said.", LEDE + " Again.")
    article = read(source)
    found = kinds(article)
    assert ("ListBlock", False, list(options)) in found
    assert ("Heading", "What the options cost") in found
    assert ("Paragraph", "3. A new survey of the far bank") in found  # a list that began above: numbers kept
    assert ("Paragraph", "1. FC Harbour won the cup") in found
    assert not any(kind == "ListBlock" and "Why this bridge?" in str(rest) for kind, *rest in found)
    assert_nothing_lost(source, article)


def test_semicolon_items_stay_one_list():
    lead_in = "Traders given a pitch are expected to:"
    items = ("keep to the pitch the market office has allotted to them;", "leave the walkways clear for the crowds;",
             "clear away their rubbish at the end of each day; and", "pay the weekly fee on time.")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, lead_in, *items,
                  SECOND)
    article = read(source)
    assert ("ListBlock", False, list(items)) in kinds(article)
    assert_nothing_lost(source, article)


def test_short_headline_over_an_exclaimed_standfirst_and_a_quoted_paragraph_twice():
    said = "\u201cWe would rather pay once for a bridge that stands than twice for one that does not.\u201d"
    source = page("Bridge approved", "After a decade of argument, the town finally has its bridge!", LEDE, said,
                  SECOND, said)
    article = read(source)
    assert article.meta.title == "Bridge approved"
    assert body(article).count(said) == 2  # the same quotation twice is no pull quote of itself


def test_an_audio_player_takes_no_paragraph_with_it():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", "Listen to this story",
                  LEDE, SECOND)
    article = read(source)
    assert body(article) == [LEDE, SECOND]
    assert dropped_reason(article, "Listen to") == "audio player"


def test_long_items_after_a_lead_in_are_one_list():
    lead_in = "The operator will run a skeleton service on one line and nothing on the others:"
    items = ("Line 1 (Moorside to the city centre): no service",
             "Line 2 (Airport to Kingsway): every 20 minutes between 7am and 7pm, from the airport to the square only",
             "Line 3 (Eastbrook to the university): no service")
    source = page("Tram strike shuts three lines", "Managers staff the only service.", LEDE, lead_in, *items,
                  "Eastbrook and the university campus will have no trams at all for the two days, the operator said.")
    article = read(source)
    assert ("ListBlock", False, list(items)) in kinds(article)
    assert_nothing_lost(source, article)


@pytest.mark.parametrize("top, title", [
    (("Courier", "The bridge is open at last!"), "The bridge is open at last!"),  # exclaims: no standfirst
    (("Bridge reopens early", "News | Sport | Weather"), "Bridge reopens early"),  # breadcrumbs are no headline
    (("Grandma's lemon drizzle cake", "Serves 8", "Easy", "Vegetarian", "Low sugar"), "Grandma's lemon drizzle cake"),
])
def test_the_headline_among_short_lines(top, title):
    source = page(*top, "A decade of argument ends with a vote in the town hall.", LEDE, SECOND)
    assert read(source).meta.title == title


def test_a_numbered_list_runs_on_across_an_advertisement_and_a_lower_case_item_stays_an_item():
    steps = ("1. Close the west lane", "2. Repair the deck", "Advertisement", "3. Repaint the railings",
             "4. Reopen the bridge")
    lead_in = "The council listed three options:"
    options = ("a new bridge", "a ferry service", "a tunnel under the harbour")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, *steps, SECOND,
                  lead_in, *options, "A tunnel under the harbour would cost the most of the three, the engineers "
                  "told the council.")
    article = read(source)
    found = kinds(article)
    assert ("ListBlock", True, ["Close the west lane", "Repair the deck", "Repaint the railings",
                                "Reopen the bridge"]) in found
    assert ("ListBlock", False, list(options)) in found
    assert_nothing_lost(source, article)


def test_a_section_break_with_nothing_after_it_goes():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, "* * *",
                  "Sign up for our newsletter to get the day's top stories in your inbox every morning.")
    article = read(source)
    assert [type(b).__name__ for b in article.blocks] == ["Paragraph"]
    assert dropped_reason(article, "* * *") == "punctuation"


def test_questions_and_answers_are_no_list_nor_poll():
    asked = ("We asked the mayor about the delays:", "Why has it taken so long?", "Because the money was not there.")
    interview = ("Q: What kept you going?", "A: My wife, Jan.", "A: The sea itself.", "A: Stubbornness.")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, *asked, SECOND,
                  *interview, THIRD)
    article = read(source)
    assert not any(kind == "ListBlock" for kind, *_ in kinds(article))
    assert all(line in body(article) for line in interview)
    assert_nothing_lost(source, article)


def test_two_short_questions_over_paragraphs_are_subheadings_one_is_not():
    explainer = page("Tram strike shuts three lines", "Managers staff the only service.", LEDE,
                     "Which lines are affected?", SECOND, "What about buses?", THIRD)
    assert [type(b).__name__ for b in read(explainer).blocks] == ["Paragraph", "Heading", "Paragraph", "Heading",
                                                                    "Paragraph"]
    rhetorical = page("Tram strike shuts three lines", "Managers staff the only service.", LEDE,
                      "How much disruption is too much?", SECOND, THIRD)
    assert [type(b).__name__ for b in read(rhetorical).blocks] == ["Paragraph"] * 4


def test_repeated_headline_and_standfirst_dropped():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.",
                  "Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND)
    article = read(source)
    assert article.meta.dek == "A decade of debate ends with a vote."
    assert dropped_reason(article, "Council backs") == "repeated headline"
    assert dropped_reason(article, "decade of debate") == "repeated standfirst"
    assert body(article) == [LEDE, SECOND]


GERMAN = (
    "Stadtrat beschließt Neubau der Hafenbrücke",
    "Nach zehn Jahren Streit ist die Entscheidung gefallen: Die alte Brücke wird ersetzt.",
    "Von Anna Beispiel und Jonas Muster",
    "04.03.2025, 14:30 Uhr",
    "Der Stadtrat hat am Dienstag mit großer Mehrheit beschlossen, die marode Hafenbrücke abzureißen "
    "und durch einen Neubau zu ersetzen.",
    "Anzeige",
    "Die alte Brücke im Abendlicht.",
    "Foto: Max Muster/dpa",
    "Wie es jetzt weitergeht",
    "Die Bauarbeiten sollen im kommenden Frühjahr beginnen und etwa drei Jahre dauern. Eine Spur "
    "bleibt während der ganzen Zeit für Busse offen.",
    "Mehr zum Thema",
    "Bürgermeister verteidigt Fährvertrag",
    "Neue Radwege am Fluss eröffnet",
)


def test_german_article():
    source = page(*GERMAN)
    article = read(source, "brücke")
    assert article.meta.lang == "de"
    assert article.meta.title == GERMAN[0]
    assert article.meta.dek == GERMAN[1]
    assert article.meta.authors == ("Anna Beispiel", "Jonas Muster")
    assert article.meta.date == "2025-03-04"
    assert [(type(b).__name__, b.text) for b in article.blocks] == [
        ("Paragraph", GERMAN[4]), ("Heading", GERMAN[8]), ("Paragraph", GERMAN[9])]
    assert dropped_reason(article, "Anzeige") == "advertisement"
    assert dropped_reason(article, "Foto:") == "photo credit"
    assert dropped_reason(article, "Abendlicht") == "caption"
    assert dropped_reason(article, "Fährvertrag") == "teaser"
    assert_nothing_lost(source, article)


def test_news_agency_dateline():
    lede = "BERLIN (dpa) - Die Bundesregierung hat am Mittwoch einen Entwurf für ein neues Gesetz vorgelegt."
    article = read(page("Regierung legt Gesetzentwurf vor", lede, SECOND))
    assert article.meta.dateline == "BERLIN"
    assert article.meta.dek == ""
    assert article.blocks[0].text == lede


def test_single_newline_separated_text():
    source = "\n".join(["Council backs harbour bridge", "A decade of debate ends with a vote.",
                        LEDE, "What happens next", SECOND]) + "\n"
    article = read(source)
    assert article.meta.dek == "A decade of debate ends with a vote."
    assert body(article) == [LEDE, "What happens next", SECOND]
    assert_nothing_lost(source, article)


def test_hard_wrapped_paragraphs_are_joined():
    wrapped = [re.sub(r"(.{50,}?) ", "\\1\n", p) for p in (LEDE, SECOND)]
    assert all(w.count("\n") >= 1 for w in wrapped)
    article = read(page("Council backs harbour bridge", "A decade of debate ends with a vote.", *wrapped))
    assert body(article) == [LEDE, SECOND]


def test_headline_and_standfirst_on_single_lines_stay_apart():
    source = "Council backs harbour bridge\nA decade of debate ends with a vote.\n\n" + page(LEDE, SECOND)
    article = read(source)
    assert article.meta.title == "Council backs harbour bridge"
    assert article.meta.dek == "A decade of debate ends with a vote."


def test_only_boilerplate_raises_source_error():
    source = page("Advertisement", "Share", "Facebook", "Sign up for our newsletter", "Related Posts")
    with pytest.raises(SourceError) as err:
        read(source)
    assert err.value.hint


def test_headline_without_paragraphs_raises_source_error():
    with pytest.raises(SourceError):
        read(page("Council backs harbour bridge", "Advertisement", "Related Posts"))


def test_empty_text_raises_source_error():
    with pytest.raises(SourceError):
        read("\n\n  \n")


def test_embedded_post_and_author_note_dropped():
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE,
                  "Big day for the harbour! #bridge #city @citycouncil @harbourtrust",
                  "— Harbour Trust (@harbourtrust) March 4, 2025", SECOND,
                  "Jane Doe is a city hall reporter for the Daily Example.")
    article = read(source)
    assert body(article) == [LEDE, SECOND]
    assert dropped_reason(article, "#bridge") == "embedded post"
    assert dropped_reason(article, "(@harbourtrust)") == "embedded post"
    assert dropped_reason(article, "Jane Doe is") == "author note"
    assert_nothing_lost(source, article)


def test_a_portrait_of_someone_else_is_no_author_note_nor_bio():
    portrait = ("Editor of the Harbour Gazette's letters page for almost two decades, she argued for the bridge "
                "long before the council came round to it.")
    held = "Mara Tull was the first woman editor of the harbour board's yearbook, a post she held for six years."
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", "By Jane Doe",
                  LEDE, portrait, SECOND, held)
    article = read(source)
    assert body(article) == [LEDE, portrait, SECOND, held]
    assert_nothing_lost(source, article)


def test_a_sentence_reporting_words_over_a_photo_credit_is_no_caption():
    said = ("The bridge, which has been argued over for a decade, will open in 2028 if the money holds, "
            "the council's engineer said.")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, SECOND, said,
                  "Photo: Jane Doe", THIRD)
    article = read(source)
    assert body(article) == [LEDE, SECOND, said, THIRD]
    assert dropped_reason(article, "Photo: Jane Doe") == "photo credit"


def test_a_pull_quote_is_printed_once_with_its_attribution_dropped():
    said = ("The engineer told the meeting: \u201cWe would rather pay once for a bridge that stands than twice "
            "for one that does not.\u201d The council then voted.")
    pull = "\u201cWe would rather pay once for a bridge that stands than twice for one that does not.\u201d"
    heading = "\u2018Only one place for the bridge\u2019"
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, said, pull,
                  "Jane Roe, chief engineer", SECOND, heading, "Only one place for the bridge will do, the mayor "
                  "told residents gathered outside the town hall on Monday.", THIRD)
    article = read(source)
    assert dropped_reason(article, pull) == "pull quote"
    assert dropped_reason(article, "Jane Roe, chief") == "quote attribution"
    assert heading in body(article)  # a quoted subheading, no sentence, stays
    assert_nothing_lost(source, article)


@pytest.mark.parametrize("note", [
    "Jane Doe is the Courier's city hall reporter, covering the council and the harbour board.",
    "Jane Doe covers the council, the harbour board and the county's courts for the Courier.",
])
def test_a_note_about_the_author_above_a_box_of_links_is_a_credit(note):
    links = ("Mayor faces questions over ferry contract", "New cycle lanes open across the river",
             "Five things to know about the budget", "Harbour board names new chair", "Tide tables for May",
             "Letters: the bridge, again", "Council tax to rise by 4%")
    source = page("Council backs harbour bridge", "A decade of debate ends with a vote.", "By Jane Doe", LEDE,
                  SECOND, THIRD, note, "More from the Courier", *links)
    article = read(source)
    assert body(article) == [LEDE, SECOND, THIRD]
    assert dropped_reason(article, note) == "author note"
    assert_nothing_lost(source, article)


def test_live_blog_entries_are_kept_as_headings():
    source = page("Harbour bridge vote: live", "Follow the council debate as it happens.",
                  "14:05 - Council opens the debate", SECOND,
                  "13:30 - Protesters gather outside the town hall", THIRD)
    article = read(source)
    assert [type(b).__name__ for b in article.blocks] == ["Heading", "Paragraph", "Heading", "Paragraph"]


def test_spec_list_and_prices_dropped():
    source = page("The best bikes for commuting", "We rode them for a month.", LEDE,
                  "Specs:", "Weight: 11 kg", "Gears: 8", "$899 at Example Store", SECOND)
    article = read(source)
    assert body(article) == [LEDE, SECOND]
    assert dropped_reason(article, "Weight") == "data list"
    assert dropped_reason(article, "$899") == "price"


def test_the_article_repeated_in_one_block_is_dropped():
    paragraphs = [f"Paragraph {n} of the story tells what the council decided about the new bridge and why it "
                  f"matters to the people who cross the river every day, in more detail than before ({n})."
                  for n in range(1, 9)]
    source = "\n\n".join(["Council approves the bridge", *paragraphs, " ".join(paragraphs)]) + "\n"
    article = text.read(source, "repeat.txt")
    kept = [article.meta.dek] + [b.text for b in article.blocks]
    assert kept == paragraphs  # the first is read as the standfirst
    assert [d.reason for d in article.dropped] == ["repeated text"]
    assert_nothing_lost(source, article)


def test_credit_lines_at_the_end_are_the_articles_credits(tmp_path):
    from layout import readers

    body = ("The committee met on a wet Tuesday morning and spent most of the session arguing about the budget for "
            "the new footbridge, which has already cost twice what was promised.")
    source = tmp_path / "credit.txt"
    source.write_text(f"Bridge costs double at the river\n\n{body}\n\n{body.replace('committee', 'board')}\n\n"
                      f"{body.replace('committee', 'council')}\n\nWith files from Reuters\n\n"
                      "Additional reporting by Jane Roe\n", encoding="utf-8")
    article = readers.read(source)
    assert article.meta.credits == ("With files from Reuters", "Additional reporting by Jane Roe")
    assert not [d for d in article.dropped if "Reuters" in d.text or "Roe" in d.text]


@pytest.mark.parametrize("line", [
    "Anyone who saw the crash on the bridge is asked to get in touch with police on 101.",
    "Sign up for the hardship fund at the union office before Friday, organisers said.",
    "The mayor has invited both sides to join peace conversations at city hall on Friday.",
])
def test_story_sentences_that_sound_like_appeals_stay(line):
    article = read(page("Council backs harbour bridge", "A decade of debate ends with a vote.", LEDE, line, SECOND))
    assert line in body(article)
