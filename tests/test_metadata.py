"""Metadata the user sets: the sidecar and the command line over what the reader found."""

from layout import readers


def test_credits_from_the_sidecar_replace_the_readers(tmp_path):
    body = ("The committee met on a wet Tuesday morning and spent most of the session arguing about the budget for "
            "the new footbridge, which has already cost twice what was promised.")
    source = tmp_path / "bridge.md"
    source.write_text(f"---\ntitle: Bridge costs double\ncredits: With files from AP, AFP and Reuters\n---\n\n{body}\n",
                      encoding="utf-8")
    assert readers.read(source).meta.credits == ("With files from AP, AFP and Reuters",)  # one line, commas kept
    (tmp_path / "bridge.yml").write_text("credits:\n  - Translated by Anna de Vries\n  - First published in The Courier\n",
                                         encoding="utf-8")
    assert readers.read(source).meta.credits == ("Translated by Anna de Vries", "First published in The Courier")
