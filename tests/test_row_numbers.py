"""Row numbers of a table's No column (parse/row_numbers.py)."""
from kinerja_audit.document import Document, Line
from kinerja_audit.parse.row_numbers import row_number_sequences


def _sequences(text: str):
    lines = [Line(i + 1, None, t) for i, t in enumerate(text.splitlines())]
    return row_number_sequences(Document("t.txt", lines))


def test_numbers_printed_one_cell_off_their_header_are_read_with_the_row_name():
    text = ("|  | No |  | Sasaran |  | Capaian |\n"
            "| 1. |  |  | Meningkatnya mutu layanan |  | 98 |\n"
            "|  |  |  | (lanjutan nama) |  |  |\n"
            "| 2. |  |  | Terwujudnya tata kelola |  | 100 |\n"
            "| 3. |  |  | Meningkatnya akses data |  | 91 |\n"
            "|  | Rata-rata |  |  |  | 96 |\n")
    (seq,) = _sequences(text)
    assert [(r.value, r.mark, r.label) for r in seq] == [
        (1, ".", "Meningkatnya mutu layanan"), (2, ".", "Terwujudnya tata kelola"),
        (3, ".", "Meningkatnya akses data")]


def test_a_column_of_figures_under_no_header_is_not_row_numbers():
    figures = ("| Sasaran | Jumlah |\n| Meningkatnya mutu | 1 |\n| Terwujudnya tata | 2 |\n"
               "| Meningkatnya akses | 4 |\n")
    assert _sequences(figures) == []
    # near miss: under "No" a cell that is no number ("1.1") means the column is something else
    nested = "| No | Sasaran |\n| 1 | A b |\n| 1.1 | C d |\n| 2 | E f |\n| 3 | G h |\n"
    assert _sequences(nested) == []
