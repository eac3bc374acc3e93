"""The EPUB cover: one page whatever the length of the headline, read back from its text layer."""

import io

from pypdf import PdfReader

from conftest import squash
from layout import readers, themes
from layout.writers import Job
from layout.writers.cover import fitted

LONG_TITLE = ("Regional transport authorities across three federal states agree on a sweeping overhaul of ticket "
              "prices, timetables and accessibility standards for the coming decade")
LONG_DEK = ("The agreement, reached after months of negotiation, covers buses, trams and regional trains. It promises "
            "lower fares for commuters. Critics say the funding is not secured. The first changes take effect soon.")


def cover_text(tmp_path, title: str, dek: str) -> tuple[int, str]:
    source = tmp_path / "story.md"
    source.write_text(f'---\ntitle: "{title}"\ndek: "{dek}"\nauthor: Jane Doe\ndate: 2024-05-02\n---\n\n'
                      "A paragraph of the body, long enough to be read as one.\n", encoding="utf-8")
    job = Job(readers.read(source), tmp_path, themes.load("clipping"), "story")
    reader = PdfReader(io.BytesIO(fitted(job)[0].write_pdf()))
    return len(reader.pages), squash(" ".join(page.extract_text() for page in reader.pages))


def test_short_cover_holds_everything(tmp_path):
    pages, text = cover_text(tmp_path, "A short headline", "A short standfirst.")
    assert pages == 1
    assert all(squash(part) in text for part in ("A short headline", "A short standfirst.", "Jane Doe", "2024"))


def test_long_headline_is_set_smaller_to_stay_on_the_cover(tmp_path):
    pages, text = cover_text(tmp_path, LONG_TITLE, LONG_DEK)
    assert pages == 1
    assert squash(LONG_TITLE) in text and squash("Jane Doe") in text


def test_the_cover_text_alternative_says_only_what_the_cover_shows(tmp_path):
    from layout.writers.cover import cover_png

    title = " ".join([LONG_TITLE] * 4)  # so long the cover leaves the standfirst out
    source = tmp_path / "story.md"
    source.write_text(f'---\ntitle: "{title}"\ndek: "{LONG_DEK}"\n---\n\nA paragraph of the body, long enough.\n',
                      encoding="utf-8")
    job = Job(readers.read(source), tmp_path, themes.load("clipping"), "story")
    assert not cover_png(job).shows_dek
    short = tmp_path / "short.md"
    short.write_text('---\ntitle: "Short"\ndek: "A standfirst."\n---\n\nA paragraph of the body, long enough.\n')
    assert cover_png(Job(readers.read(short), tmp_path, themes.load("clipping"), "short")).shows_dek
