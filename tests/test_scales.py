"""The grading scale a report declares (parse/scales.py): its bands, and the grade a sentence
gives."""
import pytest

from kinerja_audit.document import Document, Line
from kinerja_audit.parse.lists import parse_items
from kinerja_audit.parse.scales import find_scales, grades_in


def _scales(text: str):
    lines = text.splitlines()
    doc = Document("t.txt", [Line(i + 1, None, t) for i, t in enumerate(lines)])
    return find_scales(doc, parse_items(doc, 1, len(lines)))


@pytest.mark.parametrize("band, inside, outside", [
    ("di atas 100%", 100.01, 100),
    ("≥ 91", 91, 90.99),
    ("76 - 90", 90, 90.5),
    ("60% sampai dengan 75%", 60, 59.9),
    ("< 50 %", 49.99, 50),
    ("kurang dari 50", 45, 50),
])
def test_each_written_form_of_a_band_is_read(band, inside, outside):
    text = (f"a. capaian {band}, dinyatakan sangat tinggi;\n"
            "b. capaian 20 - 40, dinyatakan rendah;\n"
            "c. capaian 0 - 19, dinyatakan sangat rendah.\n")
    (scale,) = _scales(text)
    assert scale.grade(inside) == "sangat tinggi"
    assert scale.grade(outside) != "sangat tinggi"


def test_a_table_of_bands_is_a_scale_and_two_lines_are_not():
    table = ("| No | Interval | Kategori |\n| 1 | 81 - 100 | Sangat Baik |\n"
             "| 2 | 61 - 80 | Baik |\n| 3 | 0 - 60 | Kurang Baik |\n")
    (scale,) = _scales(table)
    assert scale.grade(70) == "baik" and scale.line == 2
    # near miss: two bands are no scale, nor three that repeat a label
    assert _scales("\n".join(table.splitlines()[:3])) == []
    assert _scales(table.replace("Kurang Baik", "Baik")) == []


def test_a_grade_is_read_after_a_grading_word_even_glued():
    (grade,) = grades_in("capaian sebesar 100 % sehingga kinerja dinyatakansangatbaik.")
    assert grade.label == "sangat baik" and grade.percent_start == 16
    assert not grade.states_band
    # near miss: "baik" that grades nothing ("dengan baik" after no grading word)
    assert grades_in("kegiatan berjalan dengan baik dan lancar.") == []
    # the entry of a scale states its band before the grade
    (entry,) = grades_in("capaian 80-100 %, maka kinerja dinyatakan baik.")
    assert entry.states_band
