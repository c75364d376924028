from hypothesis import given, settings
from hypothesis import strategies as st

from kinerja_audit.parse.numbers import format_number, parse_number


def test_indonesian_and_english_styles():
    cases = {
        "25.945": (25945, 0, "id"),
        "237,93": (237.93, 2, "id"),
        "1037,5": (1037.5, 1, "id"),
        "1.234,56": (1234.56, 2, "id"),
        "87.93": (87.93, 2, "en"),
        "2,116,879,000": (2116879000, 0, "en"),
        "1,234.5": (1234.5, 1, "en"),
        "0,5": (0.5, 1, "id"),
        "100": (100, 0, "plain"),
        "-3,2": (-3.2, 1, "id"),
        "0.125": (0.125, 3, "en"),
    }
    for raw, (value, decimals, style) in cases.items():
        n = parse_number(raw)
        assert (n.value, n.decimals, n.style) == (value, decimals, style), raw


def test_rejects_non_numbers():
    for raw in ("", "abc", "1.2.3,4,5", "12.34.5", "1,23.4,5"):
        assert parse_number(raw) is None, raw


def test_format_for_messages():
    assert format_number(25945) == "25.945"
    assert format_number(237.928) == "237,93"
    assert format_number(1037.5, "en") == "1,037.5"
    assert format_number(None) == "-"


@given(st.integers(min_value=0, max_value=10**9))
def test_indonesian_thousands_round_trip(n):
    assert parse_number(format_number(n)).value == n


@given(st.decimals(min_value=0, max_value=10**6, places=2, allow_nan=False, allow_infinity=False))
@settings(max_examples=200)
def test_indonesian_decimals_round_trip(d):
    text = format_number(float(d), "id", 2)
    assert abs(parse_number(text).value - float(d)) < 0.006


@given(st.text(max_size=30))
def test_never_raises_on_any_text(s):
    parse_number(s)


def test_budget_row_reading_is_linear_on_long_digit_runs():
    """A label followed by hundreds of digits once took minutes (regex backtracking); the row
    reader now reads tokens from the right.  Bounded by counting work, not by timing: the same
    row with 10x the digits is read (as not a budget row) just the same."""
    from kinerja_audit.document import Document, Line
    from kinerja_audit.parse import budget

    for n in (400, 4000):
        doc = Document(
            "x",
            [Line(1, None, "Pagu Realisasi"), Line(2, None, "Belanja Pegawai " + "1" * n + " x")],
        )
        assert budget.parse_rows(doc, 1, 2) == []
    doc = Document(
        "x",
        [
            Line(1, None, "Program   Pagu (Rp)   Realisasi (Rp)   %"),
            Line(2, None, "| 1 | Program A | Rp 1.200.000.000 | 720.000.000 | 60,00 % |"),
        ],
    )
    (row,) = budget.parse_rows(doc, 1, 2)
    assert (row.label, row.pagu.value, row.realisasi.value, row.percent.value) == \
        ("Program A", 1.2e9, 7.2e8, 60.0)   # a pipe row: its label cell, not the row number
