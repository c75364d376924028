"""Random text never makes the model or the claim extractor raise."""
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from kinerja_audit.document import Document
from kinerja_audit.ingest.text import to_lines
from kinerja_audit.model import build
from kinerja_audit.parse.claims import claim_rows

WORDS = [
    "IK.1",
    "IK. 2",
    "Tabel",
    "1",
    "Target",
    "Realisasi",
    "Capaian",
    "TW II",
    "triwulan",
    "I",
    "II",
    "III",
    "tahun",
    "2025",
    "25.945",
    "237,93",
    "%",
    "dokumen",
    "melebihi",
    "target",
    "belum",
    "mencapai",
    "sesuai",
    "sebanyak",
    "sebesar",
    "BAB",
    "III",
    "A.",
    "1)",
    "a.",
    "•",
    "|",
    "-",
    "Rp",
    "1.200.000.000",
    "pagu",
    "Jumlah",
    "Nilai",
    "Indeks",
    "Persentase",
    "laporan",
    "\t",
    "semester",
    "s.d.",
    ".",
    ",",
]

lines = st.lists(st.lists(st.sampled_from(WORDS), max_size=14).map(" ".join), max_size=60).map(
    "\n".join
)


@settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.one_of(lines, st.text(max_size=400)))
def test_build_and_claims_never_raise(text):
    report = build(Document("random.txt", to_lines(text or " ")))
    rows = claim_rows(report)
    assert all(r["kind"] in ("number", "verdict", "period") for r in rows)


_NAME_WORDS = ["persentase", "jumlah", "indeks", "kepuasan", "masyarakat", "pelayanan", "dokumen",
               "perencanaan", "tepat", "waktu", "nilai", "sakip", "capaian", "target", "100", "%",
               "penyelesaian", "temuan", "karantina", "hewan", "dan", "ikan", "yang", "di"]


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(_NAME_WORDS), min_size=1, max_size=14),
       st.lists(st.sampled_from(_NAME_WORDS), min_size=0, max_size=20),
       st.integers(min_value=0, max_value=3))
def test_partial_ratio_bound_is_never_below_the_score(name, text, overlap):
    """The bound that lets the name search skip a comparison is never below the real score (so
    skipping never changes which name is found), also when the text repeats part of the name."""
    from rapidfuzz import fuzz

    from kinerja_audit.parse.claims import _partial_ratio_bound

    a = " ".join(name)
    b = " ".join(text[:overlap] + name[overlap:] + text[overlap:])
    for x, y in ((a, b), (b, a), (a, a[: max(1, len(a) * 4 // 5)])):
        assert fuzz.partial_ratio(x, y) <= _partial_ratio_bound(x, y) + 1e-9
