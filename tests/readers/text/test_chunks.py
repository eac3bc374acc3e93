"""How the plain-text reader cuts its input into chunks: paragraphs, lines, and a table's rows."""

from layout.readers.text.chunks import Chunk, split_chunks


def test_a_tables_rows_keep_their_tabs_and_are_not_joined_as_wrapped_lines():
    source = ("Ferry crossings in May, by route\n"
              "Route\tCrossings\tPassengers\n"
              "Harbour  to Isle\t 62\t4,810\n"
              "Isle to Point\t58\t3,975\n")
    assert split_chunks(source) == ["Ferry crossings in May, by route", "Route\tCrossings\tPassengers",
                                    "Harbour to Isle\t62\t4,810", "Isle to Point\t58\t3,975"]


def test_wrapped_lines_without_tabs_still_make_one_paragraph():
    source = ("The ferry left the quay at dawn with forty passengers and the mail for the\n"
              "island, and came back at noon with the doctor and two crates of eggs.\n")
    assert len(split_chunks(source)) == 1


def test_a_chunk_of_a_row_holds_its_cells_and_squeezed_text():
    chunk = Chunk.of("\t2019\t2023")
    assert (chunk.text, chunk.cells) == ("2019 2023", ("", "2019", "2023"))
    assert Chunk.of("The ferry left at dawn.").cells == ()
