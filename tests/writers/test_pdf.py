"""The PDF writer, checked by what poppler and pypdf read back from the file."""

from pathlib import Path

from pypdf import PdfReader

from conftest import ARABIC_ARTICLE, ROOT, body_text, pdffonts, pdfinfo, pdftotext, squash
from layout import themes
from layout.build import build

BUNDLED = ROOT / "styles" / "fonts"


def bundled_font_names() -> set[str]:
    from fontTools.ttLib import TTFont

    names = set()
    for path in BUNDLED.glob("*.ttf"):
        font = TTFont(path)
        names.add(font["name"].getDebugName(6))
        names.add(f"{font['name'].getDebugName(1)}")
    return names


def test_fonts_embedded_and_all_bundled(seed_build):
    fonts = pdffonts(seed_build[".pdf"])
    assert fonts, "pdffonts lists no font"
    families = {name.rsplit("-", 1)[0] if name.endswith(("-Bold", "-Italic")) else name for name in fonts}
    for name in fonts:
        assert name.startswith(("Layout-Serif", "Layout-Display", "Layout-Subhead", "Layout-Sans", "Layout-Mono")), \
            f"{name} is not one of the bundled fonts: {sorted(families)}"
    assert "DejaVu" not in " ".join(fonts)


def test_text_layer_holds_every_paragraph_in_order(seed_build):
    article = seed_build["article"]
    text = squash("\n".join(body_text(seed_build[".pdf"], article)))
    position = 0
    for block in article.blocks:
        found = text.find(squash(block.text), position)
        assert found >= 0, f"{block.id} missing or out of order: {block.text[:60]}"
        position = found


def test_text_layer_has_no_dropped_line(seed_build):
    text = squash(pdftotext(seed_build[".pdf"]))
    for dropped in seed_build["article"].dropped:
        assert squash(dropped.text) not in text, dropped.text


def test_headline_once_and_dek(seed_build):
    article = seed_build["article"]
    text = squash("\n".join(body_text(seed_build[".pdf"], article)))
    assert text.count(squash(article.meta.title)) == 1
    assert squash(article.meta.dek) in text


def test_document_metadata(seed_build):
    info = pdfinfo(seed_build[".pdf"])
    meta = seed_build["article"].meta
    assert info["Title"] == meta.title
    assert info["Subject"] == meta.dek
    assert info["Page size"].endswith("(A4)")
    assert "WeasyPrint" in info["Producer"]


def test_page_numbers_on_every_page(seed_build):
    reader = PdfReader(seed_build[".pdf"])
    total = len(reader.pages)
    assert total >= 2
    for number, page in enumerate(reader.pages, 1):
        assert f"Page {number} of {total}" in page.extract_text()


def test_two_builds_are_byte_identical(tmp_path, seed_build):
    again = build(ROOT / "source" / "ukraine-atacms.txt", tmp_path, ("pdf",), themes.load("clipping"))
    assert Path(again.outputs[0]).read_bytes() == seed_build[".pdf"].read_bytes()


def test_hyphens_copy_as_typed(tmp_path):
    """A line-break hyphen and a typed hyphen share a glyph; the text layer must still give the typed one."""
    long_words = " ".join(["Internationalization responsibilities notwithstanding, administrators "
                           "communicated extraordinarily comprehensive recommendations."] * 6)
    compounds = "The state-of-the-art, long-range, well-known system was re-examined by US-based teams."
    source = tmp_path / "hyphens.md"
    source.write_text(f"# Hyphens\n\n{long_words}\n\n{compounds}\n", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    assert pdftotext(pdf, "-raw").count("-\n") > 2  # words were broken at line ends
    text = pdftotext(pdf)
    assert "\u2010" not in text
    for word in ("state-of-the-art", "long-range", "well-known", "re-examined", "US-based"):
        assert word in text.replace("\n", " ")


def test_characters_without_a_glyph_are_reported(tmp_path, caplog):
    source = tmp_path / "script.md"
    source.write_text("# Headline\n\nA paragraph in English that quotes თბილისი in Georgian script.\n",
                      encoding="utf-8")
    with caplog.at_level("WARNING", logger="layout"):
        build(source, tmp_path, ("pdf",), themes.load("clipping"))
    warnings = [r.getMessage() for r in caplog.records if r.name.startswith("layout")]
    assert any("no glyph" in w and "Georgian" in w for w in warnings), warnings


def test_devanagari_prints_in_the_bundled_devanagari_faces(tmp_path, caplog):
    """A Hindi article: its letters in the Noto Devanagari faces that follow each Latin family, no empty boxes
    to warn of, and no drop cap (it would cut the first letter off the headstroke it shares with the word)."""
    source = tmp_path / "hindi.md"
    source.write_text("---\ntitle: समस्तीपुर पुलिस ने 2 बदमाशों को पकड़ा\nlang: hi\n---\n\n"
                      "समस्तीपुर के बंगरा थाना क्षेत्र के रहीमाबाद गांव में चोरी मामले का खुलासा। **पुलिस** ने "
                      "इस मामले में 2 बदमाशों को गिरफ्तार किया है।\n\n## दो दिनों के अंदर\n\nASP ने बताया कि "
                      "दोनों बदमाश को जेल भेजा जा रहा है।\n", encoding="utf-8")
    with caplog.at_level("WARNING", logger="layout"):
        result = build(source, tmp_path, ("pdf", "html"), themes.load("clipping"))
    assert not [r.getMessage() for r in caplog.records if "no glyph" in r.getMessage()]
    fonts = pdffonts(next(p for p in result.outputs if p.suffix == ".pdf"))
    assert {"Layout-Serif-Devanagari", "Layout-Serif-Devanagari-Bold", "Layout-Sans-Devanagari-Bold"} <= set(fonts)
    page = next(p for p in result.outputs if p.suffix == ".html").read_text(encoding="utf-8")
    assert 'class="dropcap"' not in page and 'class="lead">समस्तीपुर' in page


def test_covered_text_reports_nothing(seed_build, caplog):
    from layout.writers.fonts import warn_missing_glyphs

    with caplog.at_level("WARNING", logger="layout"):
        assert warn_missing_glyphs(themes.load("clipping"), [seed_build["article"]], "seed") == ""
    assert not caplog.records


def test_glyphs_missing_from_notes_and_names_count_too():
    from layout.model import Article, Meta, Note, Paragraph, Run
    from layout.writers.fonts import warn_missing_glyphs

    article = Article(Meta(title="Plain", authors=("ნინო",)), (Paragraph("b001", (Run("Plain text."),)),), (),
                      "x", (Note("n1", "1", ((Run("→ 😀"),),)),))
    assert set(warn_missing_glyphs(themes.load("clipping"), [article], "x")) >= {"ნ", "😀"}


def word_boxes(pdf: Path) -> dict[str, list[tuple[int, float]]]:
    """Each word of the PDF's text layer -> [(page, left x in points)], read with `pdftotext -bbox`."""
    import re

    boxes: dict[str, list[tuple[int, float]]] = {}
    for page, body in enumerate(pdftotext(pdf, "-bbox").split("<page ")[1:], 1):
        for x, word in re.findall(r'<word xMin="([\d.]+)"[^>]*>([^<]*)</word>', body):
            boxes.setdefault(word, []).append((page, float(x)))
    return boxes


def test_a_long_table_repeats_its_header_and_a_wide_one_spans_the_columns(tmp_path):
    text = " ".join(["The volunteers kept a ledger by the door, and every January one of them typed it up."] * 8)
    narrow = "| Month | Repairs |\n|:--|--:|\n" + "".join(f"| Month{n} | {n * 7} |\n" for n in range(1, 81))
    wide = ("| Gate | Hall | Yard | Road | Shed |\n|---|---|---|---|---|\n"
            "| w1 at the north gate | w2 in the old hall | w3 by the yard | w4 on the road | w5 after the storm |\n")
    source = tmp_path / "tables.md"
    source.write_text(f"# Tables\n\n{text}\n\n{narrow}\n{text}\n\n{wide}\n{text}\n", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    boxes = word_boxes(pdf)
    assert all(f"Month{n}" in boxes for n in range(1, 81))
    assert len(boxes["Repairs"]) >= 2  # the table ran onto another column or page, its header with it
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    (page, first), = boxes["w1"]
    (same, last), = boxes["w5"]
    assert page == same and first < width / 2 < last  # across both columns of the page


def test_a_table_with_long_words_and_tall_cells_stays_in_its_column(tmp_path):
    """A URL or long compound breaks inside its cell, and a cell taller than a column lets the table break:
    the headline and the text before the table stay on page 1."""
    import re

    word = "Donaudampfschifffahrtsgesellschaftskapitänswitwenrente"
    url = "https://repair.example.net/a/very/long/path/that/never/ends/index.html?query=1234567890"
    tall = " ".join(["The volunteers logged their repairs in a ledger kept under the counter."] * 60)
    source = tmp_path / "cells.md"
    source.write_text(f"# Cells\n\nA paragraph before the tables.\n\n| Name | Where | Note |\n|---|---|---|\n"
                      f"| {word} | {url} | ok |\n\n| Term | Meaning |\n|---|---|\n"
                      f"| Ledger | {tall} |\n| Rota | Who works when. |\n", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    assert "paragraph before the tables." in pdftotext(pdf, "-f", "1", "-l", "1")
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    words = [(float(left), float(right), text) for left, right, text in re.findall(
        r'xMin="([\d.]+)"[^>]*xMax="([\d.]+)"[^>]*>([^<]*)</word>', pdftotext(pdf, "-bbox", "-f", "1", "-l", "1"))]
    start = next(left for left, _, text in words if text == "Name")
    cells = [right for _, right, text in words
             if text in ("Name", "Where", "Note", "ok") or len(text) > 3 and (text.rstrip("-") in word or text in url)]
    column_end = width / 2 if start < width / 2 else width - 15 * 72 / 25.4
    assert cells and max(cells) <= column_end + 1  # within the column the table starts in


def test_a_hyphenated_compound_breaks_at_its_own_hyphens_only(tmp_path):
    import re

    compounds = ("thousand-kilometre", "Russia-Ukraine", "state-of-the-art", "counter-offensive",
                 "Saint-Petersburg", "self-determination", "long-range", "decision-making")
    text = " ".join(f"The {c} question was raised again in parliament yesterday." for c in compounds * 4)
    source = tmp_path / "compounds.md"
    source.write_text(f"# Compounds\n\nA first paragraph.\n\n{text}\n", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    lines = pdftotext(pdf, "-raw").splitlines()
    breaks = [(line.split()[-1], after.split()[0]) for line, after in zip(lines, lines[1:])
              if line.endswith("-") and after.split()]
    assert breaks  # lines do end in hyphens
    for head, tail in breaks:
        word = re.sub(r"\W+$", "", head[:-1] + tail)
        compound = re.sub(r"\W+$", "", head + tail)
        if "-" in word:  # a compound broken inside one of its parts would read "thou-" / "sand-kilometre"
            assert compound in compounds, (head, tail)


def test_a_heading_over_a_wide_table_that_runs_onto_another_page(tmp_path):
    """The heading spans the columns with the table it heads; WeasyPrint failed on the two in one element."""
    text = "The weather service published its figures for the year, and they show a wet spring. " * 8
    rows = "".join(f"| Station{n} in the hills | 3.{n} | 1,0{n} | north-westerly |\n" for n in range(10, 110))
    source = tmp_path / "weather.md"
    source.write_text(f"# Weather\n\n{text}\n\n## Station figures\n\n| Name | Rain | Visitors | Wind |\n"
                      f"|---|---|---|---|\n{rows}\n{text}\n", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    boxes = word_boxes(pdf)
    assert len({page for page, _ in boxes["Visitors"]}) >= 2  # the table ran onto another page
    [(heading_page, _)] = boxes["Station"]  # the heading's first word; the rows read "Station10"...
    assert boxes["Station10"][0][0] == heading_page  # the heading stands on the page where the table begins


def test_an_arabic_article_is_set_right_to_left_in_bundled_faces(tmp_path, caplog):
    """Arabic letters in the bundled Noto Arabic faces (not a font of this machine's), the page laid out right
    to left: the headline flush right, the first column on the right."""
    source = tmp_path / "arabic.md"
    source.write_text(ARABIC_ARTICLE, encoding="utf-8")
    with caplog.at_level("WARNING", logger="layout"):
        result = build(source, tmp_path, ("pdf", "html"), themes.load("clipping"))
    assert not [r.getMessage() for r in caplog.records if "no glyph" in r.getMessage()]
    pdf = next(p for p in result.outputs if p.suffix == ".pdf")
    fonts = pdffonts(pdf)
    assert all(name.startswith("Layout-") for name in fonts), fonts
    assert {"Layout-Serif-Arabic", "Layout-Sans-Arabic-Bold"} <= set(fonts)
    assert not [name for name in fonts if "Oblique" in name]  # no slant made up for a script without italics
    assert '<html lang="ar" dir="rtl"' in next(p for p in result.outputs if p.suffix == ".html").read_text()
    width = float(PdfReader(pdf).pages[0].mediabox.width)
    boxes = {word[::-1]: places for word, places in word_boxes(pdf).items()}  # -bbox gives letters as drawn
    assert boxes["استئناف"][0][1] > width / 2  # the headline's first word
    lead, later = boxes["الثلاثاء"][0], boxes["الفني"][0]  # the first paragraph's column, and the second's
    assert lead[1] > width / 2 > later[1]


def test_greek_and_thai_print_in_bundled_faces(tmp_path):
    """Libre Franklin has no Greek: the masthead, byline and subheadings take the bundled Noto Sans, not a font
    of this machine's; Thai, which no Latin face has, takes Noto Thai."""
    source = tmp_path / "greek.md"
    source.write_text("---\ntitle: Η Βουλή ψήφισε τον νέο νόμο\nlang: el\npublication: Η Εφημερίδα\nauthors: "
                      "[Μαρία Παπαδοπούλου]\n---\n\nΗ Βουλή ψήφισε την Τρίτη τον νέο νόμο για τις μεταφορές στα "
                      "νησιά.\n\n## Οι αντιδράσεις\n\nΟι δήμαρχοι χαιρέτισαν την απόφαση: กรุงเทพมหานคร.\n",
                      encoding="utf-8")
    fonts = pdffonts(build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0])
    assert all(name.startswith("Layout-") for name in fonts), fonts
    assert {"Layout-Sans-Greek-Bold", "Layout-Serif-Thai"} <= set(fonts)


def test_right_to_left_running_heads_change_sides(tmp_path):
    """On the pages after the first, the running title stands at the right, where a right-to-left reader
    starts, and the folio at the left."""
    import re

    head, rest = ARABIC_ARTICLE.split("\n---\n", 1)
    body = rest.split("[^1]:")[0].replace("[^1]", "")
    source = tmp_path / "long.md"
    source.write_text(head + "\n---\n" + "\n\n".join([body] * 12), encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0]
    assert len(PdfReader(pdf).pages) >= 2
    width = float(PdfReader(pdf).pages[1].mediabox.width)
    page_two = pdftotext(pdf, "-bbox", "-f", "2", "-l", "2")
    heads = [(float(x), word[::-1]) for x, y, word in
             re.findall(r'<word xMin="([\d.]+)" yMin="([\d.]+)"[^>]*>([^<]*)</word>', page_two) if float(y) < 50]
    assert [x for x, word in heads if word == "استئناف"][0] > width / 2  # the title's first word
    assert [x for x, word in heads if word[::-1] == "2024"][0] < width / 2  # the folio's date


def test_right_to_left_paragraphs_are_indented_at_the_right(tmp_path):
    """WeasyPrint sets a right-to-left first-line indent at the left; the theme opens the line with a space at
    the right instead: a paragraph after a paragraph starts an indent short of the right edge (A5: one column)."""
    import re

    head, rest = ARABIC_ARTICLE.split("\n---\n", 1)
    first, second = rest.split("\n\n")[0].strip(), rest.split("\n\n")[2].replace("[^1]", "")
    source = tmp_path / "indent.md"
    source.write_text(f"{head}\n---\n\n{first}\n\n{second}\n", encoding="utf-8")
    from layout.paper import PrintOptions, parse_paper

    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(parse_paper("a5"))).outputs[0]
    lines = [(float(x), text) for x, text in re.findall(r'<line xMin="[\d.]+" yMin="[\d.]+" xMax="([\d.]+)"[^>]*>(.*?)</line>',
                                                        pdftotext(pdf, "-bbox-layout"), re.S)]
    right = max(x for x, _ in lines)
    opening = second.split()[0][::-1]  # -bbox-layout gives the letters as drawn
    [start] = [x for x, text in lines if re.search(rf">{re.escape(opening)}<", text)]
    assert 8 < right - start < 14  # 1.1 em of 9.6 pt


def test_no_slant_is_made_up_for_arabic_or_hebrew_inside_latin_italics(tmp_path):
    source = tmp_path / "mixed.md"
    source.write_text("# Words\n\nThe sign says *كتاب (book) and ספר* in two scripts, set in italics here.\n",
                      encoding="utf-8")
    fonts = pdffonts(build(source, tmp_path, ("pdf",), themes.load("clipping")).outputs[0])
    assert {"Layout-Serif-Arabic-Italic", "Layout-Serif-Hebrew-Italic"} <= set(fonts)  # the upright twins
    assert not [name for name in fonts if "Oblique" in name]


def test_a_last_page_of_a_few_lines_is_copyfitted_away(tmp_path):
    """Paragraphs are added until the text first runs onto a second page by a few lines: the writer then sets
    the text a little tighter and the clipping keeps to one page; text that fits is left as it was."""
    from layout.model import Article, Meta, Paragraph, Run
    from layout.writers import Job
    from layout.writers.pdf import _lay_out_print, document, filled

    sentence = "The ferry board met on Tuesday and agreed, after a long debate, to keep the winter timetable. "
    theme, paragraphs = themes.load("clipping"), []
    while True:
        paragraphs.append(Paragraph(f"b{len(paragraphs):03d}", (Run(sentence * 4),)))
        job = Job(Article(Meta(title="Ferry board keeps the winter timetable"), tuple(paragraphs)), tmp_path, theme, "x")
        plain = _lay_out_print(job)
        if len(plain.pages) > 1:
            break
        fitting = job
    assert filled(plain.pages[-1]) < 0.2
    assert len(document(job).pages) == 1  # fitted: the overflow of a paragraph taken back
    assert len(document(fitting).pages) == 1 and filled(document(fitting).pages[0]) == filled(
        _lay_out_print(fitting).pages[0])  # what fits stays as it was


def test_a_picture_too_coarse_for_print_is_named_in_a_warning(tmp_path, caplog):
    from PIL import Image as Picture

    Picture.new("RGB", (120, 80), "grey").save(tmp_path / "small.png")
    Picture.new("RGB", (1400, 900), "grey").save(tmp_path / "large.png")
    text = "The ferry left at dawn and came back at dusk, as it has every day since the quay was built. " * 3
    for name in ("small", "large"):
        (tmp_path / f"{name}.md").write_text(f"---\ntitle: Ferry\n---\n\n{text}\n\n![The quay]({name}.png)\n\n{text}\n",
                                             encoding="utf-8")
        caplog.clear()
        build(tmp_path / f"{name}.md", tmp_path / "out", ("pdf",), themes.load("clipping"))
        warned = [r.getMessage() for r in caplog.records if "pixels an inch" in r.getMessage()]
        assert (warned and "small.png" in warned[0]) if name == "small" else not warned


def test_a_headlines_word_too_long_for_its_line_breaks_with_a_hyphen_and_nowhere_else(tmp_path):
    source = tmp_path / "lang.md"
    source.write_text("---\ntitle: Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz fällt\nlang: de\n---\n\n"
                      "Die Kapitäne der Donauschiffe verlangen mehr Geld, sagte ihr Sprecher am Dienstag.\n",
                      encoding="utf-8")
    from layout.paper import PrintOptions, parse_paper

    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(paper=parse_paper("a5"))).outputs[0]
    head = pdftotext(pdf, "-raw", "-l", "1").splitlines()[:8]
    assert any(line.startswith("Rindfleisch") and line[-1] in "-‐" for line in head)
    assert [o.title for o in PdfReader(pdf).outline] == ["Rindfleischetikettierungsüberwachungsaufgabenübertragungsgesetz fällt"]
