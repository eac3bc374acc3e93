"""The print edition's options, read back from the PDF: paper, bleed and marks, variants, outline, page count."""

import subprocess

import pytest
from pypdf import PdfReader

from conftest import body_text, page_count, pdfinfo, pdftotext, squash

MM = 72 / 25.4
SIZES = {"a4": (210, 297), "letter": (215.9, 279.4), "a5": (148, 210), "tabloid": (279.4, 431.8),
         "200x280mm": (200, 280), "8x10in": (203.2, 254)}


def box(page, name):
    return [round(float(v) / MM, 1) for v in getattr(page, name)]


@pytest.mark.parametrize("paper", sorted(SIZES))
def test_page_geometry(build_seed, paper):
    pdf = build_seed(paper=paper)[".pdf"]
    width, height = SIZES[paper]
    for page in PdfReader(pdf).pages:
        assert box(page, "mediabox") == [0, 0, round(width, 1), round(height, 1)]
        assert box(page, "trimbox") == box(page, "mediabox")


def test_print_adds_bleed_and_trim(build_seed):
    pdf = build_seed(marks=True)[".pdf"]
    for page in PdfReader(pdf).pages:
        assert box(page, "trimbox") == [0, 0, 210, 297]
        assert box(page, "bleedbox") == [-3, -3, 213, 300]
        assert box(page, "mediabox") == [-10, -10, 220, 307]  # room for the marks beyond the bleed


def dark_pixels(pdf, box_mm: tuple[float, float, float, float]) -> int:
    """Dark pixels of page 1 in (left, top, right, bottom), in mm from the sheet's top-left corner."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[0]
    image = page.render(scale=4).to_pil().convert("L")
    region = image.crop(tuple(round(v * MM * 4) for v in box_mm))
    return sum(1 for value in region.tobytes() if value < 128)


def dark_pixels_in_corner(pdf) -> int:
    """Dark pixels in the sheet's top-left 11 mm, where crop marks are drawn."""
    return dark_pixels(pdf, (0, 0, 11, 11))


def colour_operators(pdf, tmp_path) -> set[str]:
    """The colour-setting operators of every content stream ("0 0 0 0.93 k", "0.2 0.2 0.2 rg"), read from
    the file as qpdf writes it out uncompressed."""
    import re

    plain = tmp_path / f"{pdf.stem}-qdf.pdf"
    subprocess.run(["qpdf", "--qdf", "--object-streams=disable", str(pdf), str(plain)], check=True)
    return set(re.findall(rb"(?m)^(?:[\d.]+ ){3,4}(?:rg|RG|k|K)$", plain.read_bytes()))


def test_press_black_and_greys_are_black_ink_alone(build_seed, tmp_path):
    press = colour_operators(build_seed(marks=True)[".pdf"], tmp_path)
    marks = b"0 0 0 RG"  # the crop and cross marks, black strokes, stay in all inks: they register the plates
    assert marks in press and all(op.startswith(b"0 0 0 ") and op[-1:] in (b"k", b"K") for op in press - {marks})
    screen = colour_operators(build_seed()[".pdf"], tmp_path)
    assert any(op.endswith(b" rg") for op in screen)  # a screen edition keeps its RGB


def test_marks_only_with_print(build_seed):
    assert dark_pixels_in_corner(build_seed(marks=True)[".pdf"]) > 20
    assert dark_pixels_in_corner(build_seed()[".pdf"]) == 0


def test_marks_stay_out_of_the_bleed(build_seed):
    """No mark in the 3 mm bleed beyond the trim, along the trim lines where crop marks run."""
    pdf = build_seed(marks=True)[".pdf"]
    page = PdfReader(pdf).pages[0]
    trim = box(page, "trimbox")[0] - box(page, "mediabox")[0]  # the trim's distance from the sheet's edge
    along_top = (trim - 3, trim - 0.5, trim, trim + 0.5)  # the top trim line, through the bleed
    along_left = (trim - 0.5, trim - 3, trim + 0.5, trim)
    assert dark_pixels(pdf, along_top) == 0 and dark_pixels(pdf, along_left) == 0



@pytest.mark.parametrize("paper,pages", [("a4", 2), ("letter", 2), ("a5", 3)])
def test_seed_fits(build_seed, paper, pages):
    assert page_count(build_seed(paper=paper)[".pdf"]) == pages


def test_the_running_folio_on_small_paper_is_the_date_whole(build_seed):
    heads = pdftotext(build_seed(paper="a5")[".pdf"], "-layout").split("\f")[1].splitlines()[0]
    assert heads.rstrip().endswith("November 19, 2024") and "National Post" not in heads


def test_english_breaks_at_its_syllables(tmp_path):
    """Plain "en" hyphenates by the US patterns ("resi-dential"); the British ones break it "resid-ential"."""
    import weasyprint

    from layout import themes

    css = weasyprint.CSS(filename=str(themes.load("clipping").folder.parent / "shared" / "print.css"))
    words = "".join(f'<p style="width:{w}mm; hyphens: auto; font-size: 12pt">residential</p>' for w in (14, 16, 18))
    broken = {}
    for lang in ("en", "en-GB"):
        pdf = tmp_path / f"{lang}.pdf"
        weasyprint.HTML(string=f'<html lang="{lang}"><body>{words}</body></html>').write_pdf(pdf, stylesheets=[css])
        broken[lang] = {word.rstrip("-‐") for word in pdftotext(pdf).split() if word[-1] in "-‐"}
    assert "resi" in broken["en"] and "resid" not in broken["en"]
    assert "resid" in broken["en-GB"]  # a writer who says British gets the British patterns


@pytest.mark.parametrize("paper", ["a5", "letter", "tabloid"])
def test_every_paragraph_in_reading_order_on_any_paper(build_seed, paper):
    built = build_seed(paper=paper)
    text = squash("\n".join(body_text(built[".pdf"], built["article"])))
    position = 0
    for block in built["article"].blocks:
        found = text.find(squash(block.text), position)
        assert found >= 0, f"{paper}: {block.id} lost or out of order"
        position = found


def catalog(pdf):
    return PdfReader(pdf).trailer["/Root"]


def xmp(pdf) -> str:
    return catalog(pdf)["/Metadata"].get_object().get_data().decode()


def test_pdf_ua(build_seed):
    pdf = build_seed(variant="pdf/ua-1")[".pdf"]
    root = catalog(pdf)
    assert 'pdfuaid:part="1"' in xmp(pdf)
    assert "/StructTreeRoot" in root and root["/MarkInfo"]["/Marked"] == True  # noqa: E712
    assert root["/Lang"] == "en"
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == True  # noqa: E712
    assert pdfinfo(pdf)["Tagged"] == "yes"


def test_pdf_ua_keeps_the_first_word_whole(build_seed):
    first = build_seed()["article"].meta.dateline.split()[0]  # "KYIV,": its drop cap is a box of its own in print
    tagged = subprocess.run(["pdfinfo", "-struct-text", str(build_seed(variant="pdf/ua-1")[".pdf"])],
                            capture_output=True, text=True, check=True).stdout
    assert f'"{first}' in tagged and f'"{first[0]}"' not in tagged


def test_pdf_ua_reads_the_pull_quote_once(build_seed):
    from layout.pullquote import pull_quote

    quote = squash(pull_quote(build_seed()["article"]).text)
    plain = squash(pdftotext(build_seed()[".pdf"]))
    tagged = squash(pdftotext(build_seed(variant="pdf/ua-1")[".pdf"]))
    assert plain.count(quote) == 2  # the body and the pull quote
    assert tagged.count(quote) == 1  # the body only: no words read twice


def test_pdf_a(build_seed):
    pdf = build_seed(variant="pdf/a-3b")[".pdf"]
    root = catalog(pdf)
    assert 'pdfaid:part="3"' in xmp(pdf) and 'pdfaid:conformance="B"' in xmp(pdf)
    assert "/OutputIntents" in root and root["/Lang"] == "en"


def test_plain_pdf_claims_no_variant(build_seed):
    root = catalog(build_seed()[".pdf"])
    assert "/StructTreeRoot" not in root and "/OutputIntents" not in root


@pytest.mark.parametrize("variant", ["", "pdf/a-3b", "pdf/ua-1"])
def test_variants_are_byte_identical(build_seed, tmp_path, variant):
    from conftest import SEED
    from layout import themes
    from layout.build import build
    from layout.paper import PrintOptions, parse_paper

    first = build_seed(variant=variant)[".pdf"]
    again = build(SEED, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(parse_paper("a4"), False, variant))
    assert again.outputs[0].read_bytes() == first.read_bytes()


def test_outline_has_the_headline(build_seed):
    built = build_seed()
    outline = PdfReader(built[".pdf"]).outline
    titles = [item["/Title"] for item in outline if isinstance(item, dict)]
    headings = [b.text for b in built["article"].blocks if b.type == "heading"]
    assert titles[0] == built["article"].meta.title
    assert all(any(h in str(item) for item in outline) for h in headings)


def line_widths(pdf, page_index: int) -> list[float]:
    """The widths, as shares of the page width, of the text lines on a page: pdfium's text rectangles (a line
    has several where its words are set in different runs) joined along each baseline, across word spaces
    but not across the gap between columns."""
    import pypdfium2 as pdfium

    page = pdfium.PdfDocument(pdf)[page_index]
    text = page.get_textpage()
    by_baseline: dict[int, list[tuple[float, float]]] = {}
    for i in range(text.count_rects()):
        left, bottom, right, _ = text.get_rect(i)
        by_baseline.setdefault(round(bottom), []).append((left, right))
    widths = []
    for spans in by_baseline.values():
        spans.sort()
        start, end = spans[0]
        for left, right in spans[1:] + [(float("inf"), float("inf"))]:
            if left - end > 10:  # wider than a word space (a column gap is 6 mm, 17 pt)
                widths.append((end - start) / page.get_width())
                start = left
            end = max(end, right)
    return widths


def test_columns_by_theme_and_paper(build_seed):
    def wide_lines(pdf):
        widths = line_widths(pdf, 1)
        return sum(w > 0.55 for w in widths) / len(widths)

    assert wide_lines(build_seed(theme="report")[".pdf"]) > 0.5  # one column
    assert wide_lines(build_seed(paper="a5")[".pdf"]) > 0.5  # one column on A5
    assert wide_lines(build_seed()[".pdf"]) < 0.05  # two columns on A4


def build_sample(tmp_path, variant):
    from conftest import ROOT
    from layout import themes
    from layout.build import build
    from layout.paper import PrintOptions

    sample = ROOT / "source" / "markdown-sample.md"
    result = build(sample, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(variant=variant))
    return result.outputs[0], result.article


def struct_elements(node):
    """The structure element `node` and every one under it, in reading order."""
    node = node.get_object()
    yield node
    kids = node.get("/K")
    for kid in kids if isinstance(kids, list) else [kids] if kids is not None else []:
        if hasattr(kid, "get_object") and isinstance(kid.get_object(), dict):
            yield from struct_elements(kid)


def test_pdf_ua_images_carry_their_alt_text(tmp_path):
    pdf, article = build_sample(tmp_path, "pdf/ua-1")
    alts = [str(e.get("/Alt", "")) for e in struct_elements(catalog(pdf)["/StructTreeRoot"]) if e.get("/S") == "/Figure"]
    images = [b for b in article.blocks if b.type == "image"]
    assert images and alts == [b.alt for b in images]


def test_pdf_ua_links_to_notes_say_which_note(tmp_path):
    pdf, article = build_sample(tmp_path, "pdf/ua-1")
    links = [a.get_object() for page in PdfReader(pdf).pages for a in page.get("/Annots") or []]
    to_notes = [str(a["/Contents"]) for a in links if str(a.get("/Dest", "")).startswith("note-")]
    assert to_notes == [f"Note {n}" for n in range(1, len(article.notes) + 1)] and to_notes
    assert any(str(a["/Contents"]).startswith("https://") for a in links)  # a web link says its address


def test_pdf_a_images_are_not_interpolated(tmp_path):
    pdf, _ = build_sample(tmp_path, "pdf/a-3b")
    images = [x.get_object() for page in PdfReader(pdf).pages
              for x in (page["/Resources"].get("/XObject") or {}).values() if x.get_object()["/Subtype"] == "/Image"]
    assert images and all(image.get("/Interpolate", False) == False for image in images)  # noqa: E712
    plain, _ = build_sample(tmp_path / "plain", "")
    plain_images = [x.get_object() for page in PdfReader(plain).pages
                    for x in (page["/Resources"].get("/XObject") or {}).values()]
    assert any(image.get("/Interpolate", False) == True for image in plain_images)  # noqa: E712; it can fail


def test_pdf_ua_table_heads_say_what_they_head_and_are_read_once(tmp_path):
    from layout import themes
    from layout.build import build
    from layout.paper import PrintOptions

    rows = "".join(f"| Month{n} | {n * 7} |\n" for n in range(1, 161))
    source = tmp_path / "table.md"
    source.write_text(f"# Long table\n\nA paragraph before the table.\n\n| Month | Repairs |\n|:--|--:|\n{rows}\n",
                      encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(variant="pdf/ua-1")).outputs[0]
    heads = [e.get("/A") for e in struct_elements(catalog(pdf)["/StructTreeRoot"]) if e.get("/S") == "/TH"]
    assert len(heads) == 2 and all(a == {"/O": "/Table", "/Scope": "/Column"} for a in heads)
    assert pdftotext(pdf).split().count("Repairs") == 1  # not repeated on later columns and pages
    plain = build(source, tmp_path / "plain", ("pdf",), themes.load("clipping")).outputs[0]
    assert pdftotext(plain).split().count("Repairs") > 1  # the untagged edition repeats them


def test_pdf_ua_cells_under_merged_heads_name_their_own_columns_heads(tmp_path):
    from layout import themes
    from layout.build import build
    from layout.paper import PrintOptions

    text = "The count ended late, and the returning officer read the results out ward by ward to the hall. " * 2
    table = ("<table><thead><tr><th rowspan='2'>Ward</th><th colspan='2'>Votes</th><th rowspan='2'>Turnout</th></tr>"
             "<tr><th>Labour</th><th>Green</th></tr></thead><tbody><tr><td rowspan='2'>South</td><td>877</td>"
             "<td>1,310</td><td>38%</td></tr><tr><td>902</td><td>1,001</td><td>36%</td></tr></tbody></table>")
    source = tmp_path / "count.html"
    source.write_text(f"<html lang='en'><head><title>The count</title></head><body><article><h1>The count</h1>"
                      f"<p>{text}</p>{table}<p>{text}</p></article></body></html>", encoding="utf-8")
    pdf = build(source, tmp_path, ("pdf",), themes.load("clipping"), PrintOptions(variant="pdf/ua-1")).outputs[0]
    cells = [e for e in struct_elements(catalog(pdf)["/StructTreeRoot"]) if e.get("/S") in ("/TH", "/TD")]
    ward, votes, turnout, labour, green = (str(e["/ID"]) for e in cells if e["/S"] == "/TH")
    first_row = [[str(key) for key in e["/A"]["/Headers"]] for e in cells if e["/S"] == "/TD"][:4]
    assert first_row == [[ward], [votes, labour], [votes, green], [turnout]]


def column_bottoms(pdf, columns: int) -> list[float]:
    """The lowest text line of each column on the last page, in points from the page's bottom."""
    import pypdfium2 as pdfium

    document = pdfium.PdfDocument(pdf)
    page = document[len(document) - 1]
    width, height = page.get_width(), page.get_height()
    text = page.get_textpage()
    bottoms: dict[int, float] = {}
    for i in range(text.count_rects()):
        left, bottom, _, _ = text.get_rect(i)
        if 60 < bottom < height - 60:  # not the running head or the folio
            column = int(left // (width / columns))
            bottoms[column] = min(bottoms.get(column, height), bottom)
    return [bottoms[c] for c in sorted(bottoms)]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_columns_end_level_on_the_last_page(build_seed, paper):
    """Balanced columns: an odd number of lines leaves one column a line longer, never more."""
    bottoms = column_bottoms(build_seed(paper=paper)[".pdf"], 2)
    assert len(bottoms) == 2
    assert abs(bottoms[0] - bottoms[1]) <= 12.6 + 3  # one line of 9.6/12.6 pt text, plus a descender
