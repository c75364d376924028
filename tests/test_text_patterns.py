"""Lexicon alternations: the first-letter look-ahead of ``parse.text.alternation`` and the
anchored split of ``any_match`` change speed only, never a match."""
import re
from pathlib import Path

import pytest

from kinerja_audit import rulepack
from kinerja_audit.parse.text import _first_letter, alternation, any_match

ROOT = Path(__file__).resolve().parents[1]
TEXTS = [ROOT / "kinerja_audit" / "samples" / "lkj-contoh-tw3-2025.txt",
         *sorted((ROOT / "tests" / "realstyle").rglob("*.txt"))[:12]]


def _list_entries():
    lx = rulepack.lexicon()
    return sorted(k for k, v in lx.items()
                  if isinstance(v, list) and v and all(isinstance(p, str) for p in v))


@pytest.fixture(scope="module")
def lines():
    out = []
    for path in TEXTS:
        out += [ln for ln in path.read_text(encoding="utf-8").splitlines() if ln.strip()]
    return out


def test_the_texts_exist():
    assert TEXTS[0].exists() and len(TEXTS) > 5


@pytest.mark.parametrize("key", _list_entries())
def test_lookahead_alternation_matches_like_the_plain_one(key, lines):
    entry = rulepack.lexicon()[key]
    try:
        plain = re.compile("|".join(f"(?:{p})" for p in entry), re.IGNORECASE)
    except re.error:
        pytest.skip(f"{key} is a word list, not regexes")
    fast = re.compile(alternation(entry), re.IGNORECASE)
    for line in lines:
        assert [m.span() for m in fast.finditer(line)] == [
            m.span() for m in plain.finditer(line)
        ], line
        assert bool(plain.search(line)) == any_match(key, line), line


@pytest.mark.parametrize("regex, first", [
    (r"\bkarena\b", "k"), ("dibandingkan", "d"), (r"\bdari\s+(tahun|tw)", "d"),
    (r"(di)?sebab", None), (r"a?tau", None), (r"ya|tidak", None), (r"^\s*waktu", None),
    (r"[ab]c", None), (r"k{2}", None), (r"x(a|b)y", "x"), (r"x[|]y", "x"), (r"x\|y", "x"),
])
def test_first_letter_is_given_only_when_certain(regex, first):
    assert _first_letter(regex) == first


def test_the_lookahead_is_used_when_every_alternative_opens_with_a_letter():
    assert alternation(["karena", r"\bakibat"]).startswith("(?=[ak])")
    # an optional group first: its letters and the next ones, as re's own parser reads them
    assert alternation(["karena", r"(di)?sebab"]).startswith("(?=[dks])")
    # near miss: an alternative that may start with any word character gets no look-ahead
    assert alternation(["karena", r"\w+nya"]) == "(?:karena)|(?:\\w+nya)"


def _texts_of_corpora() -> list[str]:
    """The sentences and the lines of the corpora (gated regexes read either)."""
    from kinerja_audit.audit import read_document
    from kinerja_audit.model import build

    paths = [*TEXTS, *sorted((ROOT / "tests" / "realstyle").rglob("*.txt"))[12:],
             *sorted((ROOT / "tests" / "corpus" / "reports").glob("*.txt"))[:10]]
    reports = [build(read_document(p)) for p in paths]
    return [s.text for r in reports for s in r.sentences] + \
        [ln.text for r in reports for ln in r.doc.lines]


def test_regex_gates_are_words_every_match_contains():
    """A gate only skips texts its regex cannot match: on the sentences and lines of the corpora
    every match holds one of its gate words, and every gated regex matches somewhere (so the check
    checks something)."""
    from kinerja_audit.parse.text import pattern

    gates = rulepack.lexicon()["regex_gates"]
    texts = _texts_of_corpora() + [
        "Sebanyak 7 (tujuh) dari 17 Perangkat Daerah atau 41,18% berada di zona merah.",
        "Jumlah desa tangguh meningkat dari 12 desa menjadi 15 desa atau naik 25%.",
        "Pencapaian terhadap 17 Perangkat Daerah, 7 Perangkat Daerah atau sekitar 24%.",
        "sesuai Peraturan Pemerintah Nomor 18 Tahun 2016 tentang Perangkat Daerah.",
        "Tahun 2021 merupakan tahun awal Renstra 2021-2025.",
        "dibandingkan tahun sebelumnya (2019) meningkat.",
        "Pada triwulan III tidak ada target sehingga capaian sebesar 100%.",
        "Jumlah inovasi mengalami penurunan sebesar 20% dari 5 unit menjadi 1 unit.",
        "Realisasi anggaran (angka perlu dicek kembali) sebesar 91,2%."]
    for key, words in gates.items():
        matches = [m.group(0) for t in texts for m in pattern(key).finditer(t)]
        assert matches, key
        for m in matches:
            assert any(w.lower() in m.lower() for w in words), (key, m)
