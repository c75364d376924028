#!/usr/bin/env python3
"""Check kinerja-audit against the ground truth of the five whole real PDFs.

usage: python tests/real_pdfs/check.py [-v] [STEM ...]

Each ``tests/real_pdfs/<stem>.yaml`` records, read by hand from ``../shared/real-pdfs/<stem>.pdf``:
the report's kind, period and agency; every indicator of its results table(s) with target,
realisasi and capaian as printed (and the other tables that repeat it, ``also_in``); the defects
an auditor finds in it (``review``) and the facts checked and found consistent (``consistent``).

For every PDF this script runs ``KA_CMD check FILE --format json --fail-on never`` and
``KA_CMD extract FILE --format json`` and prints whether kind, period and agency match, whether
each expected indicator was extracted exactly once with its printed values, and each finding of
the tool marked ``review #k`` (a recorded defect: true), ``consistent #k`` (it contradicts a fact
recorded as consistent: false) or ``unreviewed`` (matches nothing recorded: false until someone
reviews it and records it).  The last line is a summary.

env KA_CMD        the program, split like a shell command (default:
                  /work/main/.venv/bin/kinerja-audit when it exists, else the kinerja-audit
                  beside this Python, else ``python -m kinerja_audit``)
env KA_REAL_PDFS  the folder holding the PDFs (default: ../shared/real-pdfs beside the project)

The functions (``load_truth``, ``run_tool``, ``evaluate`` and the matching helpers under them) are
meant for tests: ``evaluate(truth, run)`` returns plain data that a test can assert on.
"""
from __future__ import annotations

import difflib
import json
import os
import re
import shlex
import subprocess
import sys
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DEFAULT_PDF_DIR = ROOT.parent / "shared" / "real-pdfs"
LEAD_CMD = Path("/work/main/.venv/bin/kinerja-audit")

KINDS = ("annual", "quarterly", "semester")
CATEGORIES = ("structure", "numbering", "arithmetic", "zero-target", "target-sum", "table-mismatch",
              "narrative-number", "narrative-verdict", "narrative-period", "ik-label", "ik-name",
              "unit", "anomaly", "pk-mismatch", "polarity", "range", "parse")
VALUE_FIELDS = (("target", "target"), ("realisasi", "realisasi"), ("capaian", "capaian_reported"))
NAME_MATCH = 0.8          # share of the expected name's words the tool's name must contain
CODE_NAME_MATCH = 0.5     # ... when the tool's code has the expected indicator's number
TEXT_MATCH = 0.6          # share of the shorter text an evidence and a finding must share


# ---------------------------------------------------------------------------- truth files
def truth_files(folder: Path = HERE) -> list[Path]:
    return sorted(folder.glob("*.yaml"))


def load_truth(path: Path) -> dict:
    truth = yaml.safe_load(Path(path).read_text(encoding="utf-8"))
    truth["_path"] = str(path)
    return truth


def pdf_dir() -> Path:
    return Path(os.environ.get("KA_REAL_PDFS") or DEFAULT_PDF_DIR)


def pdf_of(truth: dict, folder: Path | None = None) -> Path:
    return (folder or pdf_dir()) / truth["file"]


def period_of(period: str) -> tuple[str, int, int | None]:
    """'2016' -> ('annual', 2016, None); 'TW2-2023' -> ('quarterly', 2023, 2);
    'S1-2024' -> ('semester', 2024, 2) (the semester's last quarter, as the tool reports it)."""
    text = str(period).strip()
    if re.fullmatch(r"\d{4}", text):
        return "annual", int(text), None
    m = re.fullmatch(r"(?i)(TW|S)([1-4])-(\d{4})", text)
    if not m:
        raise ValueError(f"period {period!r}: use YYYY, TWn-YYYY or Sn-YYYY")
    unit, n, year = m.group(1).upper(), int(m.group(2)), int(m.group(3))
    if unit == "S":
        if n > 2:
            raise ValueError(f"period {period!r}: a year has two semesters")
        return "semester", year, 2 * n
    return "quarterly", year, n


# ---------------------------------------------------------------------------- text helpers
def normalise_text(text: str) -> str:
    """Whitespace collapsed; pdfium's line-break hyphen (U+0002) read as '-',
    soft hyphens dropped."""
    text = str(text).replace("\x02", "-").replace("\xad", "")
    return re.sub(r"\s+", " ", text).strip()


def squeeze(text: str) -> str:
    """Case-folded, without whitespace and hyphens: for text split over table-cell lines."""
    return re.sub(r"[\s\x02\xad\-–]+", "", str(text)).casefold()


def words(text: str) -> list[str]:
    return re.findall(r"[0-9a-z]+", normalise_text(text).casefold())


def name_key(text: str) -> str:
    return "".join(words(text))


def name_score(expected: str, got: str | None) -> float:
    """How well a tool's indicator name matches an expected one (1.0: contained whole)."""
    if not got:
        return 0.0
    ek, gk = name_key(expected), name_key(got)
    if ek and (ek in gk or (len(gk) >= 12 and gk in ek)):
        return 1.0
    exp = words(expected)
    if not exp:
        return 0.0
    got_words = set(words(got))
    return sum(1 for w in exp if w in got_words) / len(exp)


_NUMBER = re.compile(r"[-−–]?\d[\d.,]*")


def parse_id_number(text) -> float | None:
    """The number printed in a cell, Indonesian style ('.' thousands, ',' decimals), tolerant of
    English style where the cell is unambiguous: '1.000 orang' -> 1000, '0,34 %' -> 0.34,
    '-7,20 %' -> -7.2, '464.971,75' -> 464971.75, '114.78 %' -> 114.78, '2,316,515' -> 2316515.
    A range ('5-6%'), a rule ('1% dr jumlah pddk') or no number gives None."""
    if text is None:
        return None
    if isinstance(text, (int, float)):
        return float(text)
    s = normalise_text(text)
    found = _NUMBER.findall(s)
    if len(found) != 1 or re.search(r"\d\s*[-–]\s*\d", s):
        return None
    rest = s.replace(found[0], " ", 1).strip().lower()
    if re.search(r"\b(dr|dari|of)\b", rest):
        return None
    tok = found[0].replace("−", "-").replace("–", "-")
    sign = -1.0 if tok.startswith("-") else 1.0
    tok = tok.lstrip("-")
    if re.fullmatch(r"\d{1,3}(\.\d{3})+(,\d+)?", tok):                 # 1.000 / 464.971,75
        return sign * float(tok.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(,\d{3}){2,}(\.\d+)?", tok):              # 2,316,515 (English)
        return sign * float(tok.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", tok):                                  # 0,34
        return sign * float(tok.replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", tok) or re.fullmatch(r"\d+", tok):   # 114.78 / 4336
        return sign * float(tok)
    return None


def decimals(text) -> int:
    """Decimals printed in a number ('63,36 %' -> 2, '464.971,75' -> 2, '1.000 orang' -> 0)."""
    found = _NUMBER.findall(normalise_text(text or ""))
    tok = found[0].lstrip("-−–") if found else ""
    if re.search(r",\d+$", tok) and not re.fullmatch(r"\d{1,3}(,\d{3})+", tok):
        return len(tok.rsplit(",", 1)[1])
    if re.fullmatch(r"\d+\.\d{1,2}", tok):
        return len(tok.rsplit(".", 1)[1])
    return 0


def capaian_interval(target, realisasi, t_range=None, d_t=0, d_r=0) -> tuple[float, float]:
    """Range of R/T x 100 for every target and realisasi that round to the printed ones."""
    lo_t, hi_t = t_range if t_range else (target - 0.5 * 10 ** -d_t, target + 0.5 * 10 ** -d_t)
    lo_r, hi_r = realisasi - 0.5 * 10 ** -d_r, realisasi + 0.5 * 10 ** -d_r
    ratios = [r / t * 100 for r in (lo_r, hi_r) for t in (lo_t, hi_t) if t]
    return min(ratios), max(ratios)


def capaian_consistent(ind: dict) -> bool | None:
    """Does the printed capaian follow from the printed target and realisasi (positive polarity,
    allowing rounding of the inputs and rounding or truncation of the capaian)?  None: not
    checkable (no numeric target, realisasi or capaian, or negative polarity)."""
    t, r, c = ind.get("target_value"), ind.get("realisasi_value"), ind.get("capaian_value")
    t_range = ind.get("target_range")
    if r is None or c is None or (t is None and not t_range) or ind.get("polarity") == "negative":
        return None
    lo, hi = capaian_interval(
        t, r, t_range, decimals(ind.get("target")), decimals(ind.get("realisasi"))
    )
    step = 10 ** -decimals(ind.get("capaian"))
    c_lo, c_hi = c - 0.5 * step, c + step          # rounded, or truncated toward zero
    if c < 0:
        c_lo, c_hi = c - step, c + 0.5 * step
    return lo <= c_hi and c_lo <= hi


# ---------------------------------------------------------------------------- running the tool
def tool_command() -> list[str]:
    env = os.environ.get("KA_CMD")
    if env:
        return shlex.split(env)
    if LEAD_CMD.exists():
        return [str(LEAD_CMD)]
    beside = Path(sys.executable).with_name("kinerja-audit")
    if beside.exists():
        return [str(beside)]
    return [sys.executable, "-m", "kinerja_audit"]


@dataclass
class ToolRun:
    report: dict | None = None           # reports[0] of `check --format json`
    indicators: list = field(default_factory=list)   # `extract --format json`
    error: str | None = None


def _json_of(args: list[str], timeout: int) -> tuple[object | None, str | None]:
    try:
        proc = subprocess.run(args, check=False, capture_output=True, text=True, timeout=timeout)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return None, f"{' '.join(args[:2])}: {exc}"
    try:
        return json.loads(proc.stdout), None
    except json.JSONDecodeError:
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-1:] or [""]
        return None, f"no JSON (rc={proc.returncode}): {tail[0][-200:]}"


def run_tool(pdf: Path, cmd: list[str] | None = None, timeout: int = 600) -> ToolRun:
    cmd = cmd or tool_command()
    run = ToolRun()
    data, err = _json_of(cmd + ["check", str(pdf), "--format", "json", "--fail-on", "never"],
                         timeout)
    if err:
        run.error = f"check: {err}"
    else:
        try:
            run.report = data["reports"][0]
        except (KeyError, IndexError, TypeError):
            run.error = "check: JSON without reports[0]"
    data, err = _json_of(cmd + ["extract", str(pdf), "--format", "json"], timeout)
    if err:
        run.error = "; ".join(filter(None, [run.error, f"extract: {err}"]))
    elif isinstance(data, list):
        run.indicators = data
    else:
        run.error = "; ".join(filter(None, [run.error, "extract: not a JSON list"]))
    return run


# ---------------------------------------------------------------------------- meta
def check_meta(truth: dict, report: dict | None) -> dict:
    """{'kind'|'period'|'agency': {'expected', 'got', 'ok'}}."""
    report = report or {}
    kind, year, quarter = period_of(truth["period"])
    got_kind = report.get("kind")
    got_period = (report.get("year"), report.get("quarter"))
    agencies = {name_key(a) for a in (truth.get("agency"), truth.get("agency_printed")) if a}
    got_agency = report.get("agency")
    return {
        "kind": {"expected": truth["kind"], "got": got_kind, "ok": got_kind == truth["kind"]},
        "period": {"expected": truth["period"], "got": _period_text(got_kind, *got_period),
                   "ok": got_period == (year, quarter) and got_kind == kind},
        "agency": {"expected": truth["agency"], "got": got_agency,
                   "ok": bool(got_agency) and name_key(got_agency) in agencies},
    }


def _period_text(kind, year, quarter) -> str | None:
    if year is None:
        return None
    if quarter is None:
        return str(year)
    if kind == "semester":
        return f"S{(quarter + 1) // 2}-{year}"
    return f"TW{quarter}-{year}"


# ---------------------------------------------------------------------------- indicators
@dataclass
class IndicatorResult:
    expected: dict
    matches: list = field(default_factory=list)      # tool indicator dicts
    values: dict = field(default_factory=dict)       # field -> (expected, got, ok) of the match

    @property
    def status(self) -> str:
        if not self.matches:
            return "missing"
        if len(self.matches) > 1:
            return "duplicated"
        return "ok" if all(ok for _, _, ok in self.values.values()) else "wrong-values"


def code_number(code) -> int | None:
    m = re.search(r"(\d+)\W*$", str(code or ""))
    return int(m.group(1)) if m else None


def value_ok(expected: float | None, got, t_range=None) -> bool:
    if expected is None:
        if t_range:
            return got is None or t_range[0] <= float(got) <= t_range[1]
        return got is None
    if got is None:
        return False
    return abs(float(got) - float(expected)) <= max(0.005, 1e-9 * abs(float(expected)))


def _values(expected: dict, got: dict) -> dict:
    out = {}
    for name, tool_key in VALUE_FIELDS:
        exp = expected.get(f"{name}_value")
        rng = expected.get("target_range") if name == "target" else None
        out[name] = (exp if exp is not None else rng, got.get(tool_key),
                     value_ok(exp, got.get(tool_key), rng))
    return out


def match_indicators(truth: dict, tool_indicators: list[dict]) -> tuple[list[IndicatorResult],
                                                                         list[dict]]:
    """Assign each tool indicator to the expected indicator it is (name first, then agreeing
    values, then document order for repeated names; a nameless one by its code number or by
    two agreeing values).  Returns the results per expected
    indicator and the tool indicators that match none (extra)."""
    results = [IndicatorResult(e) for e in truth.get("indicators") or []]
    extra = []
    taken = [0] * len(results)
    for tool in sorted(tool_indicators, key=lambda t: t.get("line") or 0):
        scored = []
        for i, res in enumerate(results):
            score = name_score(res.expected["name"], tool.get("name"))
            exp_no, got_no = code_number(res.expected.get("code")), code_number(tool.get("code"))
            same_code = exp_no is not None and exp_no == got_no
            agree = sum(ok and exp is not None
                        for exp, _, ok in _values(res.expected, tool).values())
            nameless = tool.get("name") is None
            if score < NAME_MATCH and not (same_code and (nameless or score >= CODE_NAME_MATCH)) \
                    and not (nameless and agree >= 2):
                continue
            scored.append((round(score, 3), agree, -taken[i], -i, i))
        if not scored:
            extra.append(tool)
            continue
        i = max(scored)[-1]
        taken[i] += 1
        results[i].matches.append(tool)
    for res in results:
        if len(res.matches) == 1:
            res.values = _values(res.expected, res.matches[0])
    return results, extra


# ---------------------------------------------------------------------------- findings
@dataclass
class FindingResult:
    finding: dict
    verdict: str                 # review | consistent | unreviewed
    index: int | None = None     # position in truth['review'] / truth['consistent']


def text_overlap(expected: str, got: str) -> bool:
    """The recorded evidence and the finding's evidence are the same words: one contains the
    other, or they share a run of text at least TEXT_MATCH of the shorter one
    (and 12 characters)."""
    e, g = normalise_text(expected).casefold(), normalise_text(got).casefold()
    if not e or not g:
        return False
    if e in g or (len(g) >= 8 and g in e):
        return True
    shorter = min(len(e), len(g))
    match = difflib.SequenceMatcher(None, e, g, autojunk=False).find_longest_match(
        0, len(e), 0, len(g)
    )
    return match.size >= max(12, TEXT_MATCH * shorter)


def _keywords_in(entry: dict, finding: dict) -> bool:
    keys = entry.get("keywords") or []
    hay = normalise_text(f"{finding.get('message', '')} {finding.get('evidence', '')}").casefold()
    return bool(keys) and all(normalise_text(k).casefold() in hay for k in keys)


def _same_place(entry: dict, finding: dict, slack: int = 1) -> bool:
    page = finding.get("page")
    return page is None or entry.get("page") is None or abs(int(entry["page"]) - int(page)) <= slack


def numbers_in(text) -> list[float]:
    """Every number in a text, read as parse_id_number reads a cell
    ('3.' -> 3, '41,18%' -> 41.18)."""
    out = []
    for tok in _NUMBER.findall(normalise_text("" if text is None else str(text))):
        value = parse_id_number(tok.rstrip(".,"))
        if value is not None:
            out.append(value)
    return out


def values_agree(recorded, got) -> bool:
    """A finding's expected/found value says what the review entry says (a shared number, or the
    same words when there is no number)."""
    if got is None:
        return False
    rec, gnum = numbers_in(recorded), numbers_in(got)
    if rec and gnum:
        return any(abs(a - b) <= max(0.011, 1e-9 * abs(a)) for a in rec for b in gnum)
    r, g = normalise_text(recorded).casefold(), normalise_text(got).casefold()
    return r == g or (len(r) >= 4 and (r in g or g in r))


def _same_indicator(entry: dict, finding: dict) -> bool:
    recorded = entry.get("indicator")
    if recorded is None or len(str(recorded)) > 12:     # report-level, or a name, not a code
        return True
    a, b = code_number(recorded), code_number(finding.get("indicator"))
    return a is None or b is None or a == b


def finding_matches(entry: dict, finding: dict, category: bool = True) -> bool:
    """The finding reports the recorded defect: same category, page (+-1), indicator and - when
    the entry records them - the same expected/found values, at the recorded words.  With
    ``category=False`` (a consistent fact): any finding on the same page at the recorded words."""
    # a defect a tool may rightly file under another category too ("also_categories": a budget
    # percentage in prose that its own amounts contradict is narrative-number and arithmetic)
    if category and finding.get("category") not in {entry.get("category"),
                                                    *(entry.get("also_categories") or [])}:
        return False
    if not _same_place(entry, finding, 1 if category else 0):
        return False
    if category and not _same_indicator(entry, finding):
        return False
    for key in ("expected", "found"):
        if category and entry.get(key) is not None:
            # the value as the finding words it, else as a number, else its message
            got = [finding[k] for k in (key, f"{key}_value") if finding.get(k) is not None]
            if not any(values_agree(entry[key], g) for g in got or [finding.get("message")]):
                return False
    if _keywords_in(entry, finding):
        return True
    texts = [entry.get("evidence") or ""] + list(entry.get("related") or [])
    if not finding.get("evidence"):
        return category and finding.get("page") is not None and (
            entry.get("expected") is not None or entry.get("found") is not None)
    return any(text_overlap(t, finding["evidence"]) for t in texts)


def match_findings(truth: dict, findings: list[dict]) -> list[FindingResult]:
    out = []
    review = list(enumerate(truth.get("review") or []))
    for f in findings or []:
        verdict = FindingResult(f, "unreviewed")
        # an entry on the finding's own page first, then one a page away
        for k, entry in sorted(review, key=lambda e: not _same_place(e[1], f, 0)):
            if finding_matches(entry, f):
                verdict = FindingResult(f, "review", k)
                break
        else:
            for k, entry in enumerate(truth.get("consistent") or []):
                if finding_matches(entry, f, category=False):
                    verdict = FindingResult(f, "consistent", k)
                    break
        out.append(verdict)
    return out


# ---------------------------------------------------------------------------- evaluation
@dataclass
class Evaluation:
    file: str
    meta: dict
    indicators: list
    extra: list
    findings: list
    error: str | None = None

    def counts(self) -> dict:
        status = [r.status for r in self.indicators]
        verdict = [f.verdict for f in self.findings]
        required = [e for e in self.truth_review if e.get("severity") != "minor"]
        found = {f.index for f in self.findings if f.verdict == "review"}
        return {
            "meta_ok": sum(m["ok"] for m in self.meta.values()),
            "indicators": len(status),
            "indicators_ok": status.count("ok"),
            "missing": status.count("missing"),
            "duplicated": status.count("duplicated"),
            "wrong_values": status.count("wrong-values"),
            "extra": len(self.extra),
            "findings": len(verdict),
            "true": verdict.count("review"),
            "contradicts_consistent": verdict.count("consistent"),
            "unreviewed": verdict.count("unreviewed"),
            "review_entries": len(self.truth_review),
            "review_required": len(required),
            "review_found": len(found),
            "review_required_found": sum(1 for k, e in enumerate(self.truth_review)
                                         if k in found and e.get("severity") != "minor"),
        }

    truth_review: list = field(default_factory=list)


def evaluate(truth: dict, run: ToolRun) -> Evaluation:
    report = run.report or {}
    results, extra = match_indicators(truth, run.indicators or report.get("indicators") or [])
    return Evaluation(file=truth["file"], meta=check_meta(truth, report), indicators=results,
                      extra=extra, findings=match_findings(truth, report.get("findings") or []),
                      error=run.error, truth_review=list(truth.get("review") or []))


def _short(value, width: int = 70) -> str:
    text = normalise_text("" if value is None else str(value))
    return text if len(text) <= width else text[: width - 1] + "…"


def format_evaluation(ev: Evaluation, verbose: bool = False) -> str:
    c = ev.counts()
    lines = [f"== {ev.file}"]
    if ev.error:
        lines.append(f"   tool error: {ev.error}")
    for key, m in ev.meta.items():
        mark = "ok  " if m["ok"] else "FAIL"
        lines.append(
            f"   {mark} {key:<7} expected {m['expected']!s:<22} got {_short(m['got'], 60)!r}"
        )
    lines.append(f"   indicators: {c['indicators_ok']}/{c['indicators']} extracted once with the "
                 f"printed values (missing {c['missing']}, duplicated {c['duplicated']}, wrong "
                 f"values {c['wrong_values']}); {c['extra']} extra")
    for r in ev.indicators:
        if r.status == "ok" and not verbose:
            continue
        e = r.expected
        head = f"     p{e.get('page')} {_short(e['name'], 60)}"
        if r.status == "missing":
            if verbose or len(ev.indicators) <= 20:
                lines.append(f"{head}: missing")
            continue
        if r.status == "duplicated":
            lines.append(f"{head}: {len(r.matches)} times (lines "
                         f"{', '.join(str(t.get('line')) for t in r.matches)})")
            continue
        diffs = "; ".join(f"{k} {'ok' if ok else f'expected {exp} got {got}'}"
                          for k, (exp, got, ok) in r.values.items())
        lines.append(f"{head}: {diffs}")
    if c["missing"] and not verbose and len(ev.indicators) > 20:
        lines.append(f"     ({c['missing']} missing; -v lists them)")
    for t in ev.extra if verbose else []:
        lines.append(
            f"     extra: {t.get('code')} {_short(t.get('name'), 60)} (line {t.get('line')})"
        )
    lines.append(f"   findings: {c['findings']} ({c['true']} match a review entry, "
                 f"{c['contradicts_consistent']} contradict a consistent fact, {c['unreviewed']} "
                 f"unreviewed); review entries found {c['review_found']}/{c['review_entries']} "
                 f"(required {c['review_required_found']}/{c['review_required']})")
    for f in ev.findings:
        x = f.finding
        tag = {"review": f"true  review #{f.index}", "consistent": f"FALSE consistent #{f.index}",
               "unreviewed": "FALSE unreviewed"}[f.verdict]
        if f.verdict == "review" and not verbose:
            continue
        lines.append(f"     [{tag}] {x.get('rule')} {x.get('category')} p{x.get('page')} "
                     f"{x.get('indicator') or '-'}: {_short(x.get('message'), 90)}")
    return "\n".join(lines)


def summary(evaluations: list[Evaluation]) -> str:
    keys = ("meta_ok", "indicators", "indicators_ok", "missing", "duplicated", "wrong_values",
            "extra", "findings", "true", "contradicts_consistent", "unreviewed",
            "review_required", "review_required_found")
    tot = {k: sum(ev.counts()[k] for ev in evaluations) for k in keys}
    return (f"meta {tot['meta_ok']}/{3 * len(evaluations)} indicators "
            f"{tot['indicators_ok']}/{tot['indicators']} (missing {tot['missing']}, duplicated "
            f"{tot['duplicated']}, wrong {tot['wrong_values']}, extra {tot['extra']}) findings "
            f"{tot['findings']} true {tot['true']} false "
            f"{tot['contradicts_consistent'] + tot['unreviewed']}"
            f" required-found {tot['review_required_found']}/{tot['review_required']}")


def main(argv: list[str]) -> int:
    verbose = "-v" in argv
    stems = [a for a in argv if not a.startswith("-")]
    folder = pdf_dir()
    if not folder.is_dir():
        print(f"no PDF folder at {folder} (set KA_REAL_PDFS)", file=sys.stderr)
        return 2
    cmd = tool_command()
    evaluations = []
    for path in truth_files():
        if stems and path.stem not in stems:
            continue
        truth = load_truth(path)
        ev = evaluate(truth, run_tool(pdf_of(truth, folder), cmd))
        evaluations.append(ev)
        print(format_evaluation(ev, verbose), flush=True)
    print(summary(evaluations))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
