#!/usr/bin/env python3
"""Recall and precision of kinerja-audit on the real-style corpus in this folder.

    python tests/realstyle/score.py [--split tune|measure|all] [-v] [FOLDER]

Each ``NN_slug.txt`` is checked with ``kinerja-audit check FILE --format json --fail-on never``
(set ``KA_CMD`` to use another command; ``{file}`` in it stands for the document, otherwise the
document is appended). Its findings are compared with the ground truth in ``NN_slug.yaml``.

Matching, the same as ``../shared/real-excerpts/score.py``:

* a finding is the pair (indicator number, category); the number is the last run of digits at the
  end of the finding's ``indicator`` ("IK.4" -> 4, "IKSS 1.2" -> 2, "3." -> 3, "IKU 6b" -> none);
* an annotated issue is found by a finding with its category and its indicator number; an issue
  without an indicator number is found by any finding of its category;
* issues marked ``severity: minor`` are optional: not required, and no false positive when found;
* report-level (no indicator) ``structure`` and ``parse`` findings are free;
* every other finding pair is a false positive.

Prints the recall per category and, last, ``recall=R precision=P``. Tests call ``score_corpus``.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shlex
import shutil
import subprocess
import sys
from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path

import yaml

HERE = Path(__file__).resolve().parent
SPLITS = ("tune", "measure", "all")
FREE_CATEGORIES = frozenset({"structure", "parse"})
DEFAULT_ARGS = ("check", "{file}", "--format", "json", "--fail-on", "never")

Key = tuple  # (indicator number or None, category)


def indicator_number(label) -> int | None:
    """The indicator number a label ends with, or None ("IK.4" -> 4, "Sasaran 3 / 1." -> 3)."""
    if label is None:
        return None
    if isinstance(label, bool):
        return None
    if isinstance(label, int):
        return label
    head = str(label).split("/", 1)[0].split("#", 1)[0].strip()
    match = re.search(r"(\d+)\W*$", head)
    return int(match.group(1)) if match else None


@dataclass
class Truth:
    """What a document's YAML says an auditor should find."""

    name: str
    split: str
    required: set = field(default_factory=set)
    optional: set = field(default_factory=set)

    @classmethod
    def load(cls, path: Path) -> Truth:
        data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
        truth = cls(name=path.stem, split=data.get("split", "tune"))
        for issue in data.get("issues") or []:
            key = (indicator_number(issue.get("indicator")), issue["category"])
            (truth.optional if issue.get("severity") == "minor" else truth.required).add(key)
        return truth


@dataclass
class DocumentScore:
    name: str
    required: set
    hits: set
    findings: set
    false_positives: set
    error: str | None = None


def match(findings: set, truth: Truth) -> tuple[set, set]:
    """(required issues found, false-positive findings) under the rules in the module docstring."""
    categories_found = {category for _, category in findings}
    hits = {issue for issue in truth.required
            if issue in findings or (issue[0] is None and issue[1] in categories_found)}
    allowed = truth.required | truth.optional
    allowed_categories = {category for _, category in allowed}
    false_positives = set()
    for number, category in findings:
        if (number, category) in allowed:
            continue
        if number is None and (category in allowed_categories or category in FREE_CATEGORIES):
            continue
        false_positives.add((number, category))
    return hits, false_positives


def tool_command(document: Path) -> list[str]:
    """The command line that checks ``document`` (``KA_CMD`` overrides the default)."""
    custom = os.environ.get("KA_CMD")
    if custom:
        parts = shlex.split(custom)
        if any("{file}" in part for part in parts):
            return [part.replace("{file}", str(document)) for part in parts]
        return parts + [str(document)]
    program = shutil.which("kinerja-audit") or str(Path(sys.executable).with_name("kinerja-audit"))
    return [program] + [arg.replace("{file}", str(document)) for arg in DEFAULT_ARGS]


def run_tool(document: Path) -> tuple[set, str | None]:
    """The (indicator number, category) pairs the tool reports for ``document``, or an error."""
    try:
        done = subprocess.run(tool_command(document), check=False, capture_output=True, text=True,
                              encoding="utf-8", timeout=300)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return set(), f"could not run the tool: {exc}"
    try:
        reports = json.loads(done.stdout)["reports"]
        findings = reports[0].get("findings") or []
    except (ValueError, KeyError, IndexError, TypeError, AttributeError):
        tail = (done.stderr or "").strip()[-300:]
        return set(), f"no JSON report (exit {done.returncode}): {tail}"
    return {(indicator_number(f.get("indicator")), f.get("category")) for f in findings}, None


@dataclass
class CorpusScore:
    documents: list

    @property
    def required(self) -> int:
        return sum(len(d.required) for d in self.documents)

    @property
    def hits(self) -> int:
        return sum(len(d.hits) for d in self.documents)

    @property
    def findings(self) -> int:
        return sum(len(d.findings) for d in self.documents)

    @property
    def false_positives(self) -> int:
        return sum(len(d.false_positives) for d in self.documents)

    @property
    def errors(self) -> int:
        return sum(1 for d in self.documents if d.error)

    @property
    def recall(self) -> float:
        return self.hits / self.required if self.required else 1.0

    @property
    def precision(self) -> float:
        if not self.findings:
            return 0.0
        return (self.findings - self.false_positives) / self.findings

    def by_category(self) -> dict:
        """category -> [found, required]"""
        table = defaultdict(lambda: [0, 0])
        for doc in self.documents:
            for issue in doc.required:
                table[issue[1]][1] += 1
                table[issue[1]][0] += issue in doc.hits
        return dict(sorted(table.items()))


def documents(folder: Path, split: str = "all") -> Iterable[tuple[Path, Truth]]:
    """(text path, truth) for every document of ``split`` in ``folder``, in name order."""
    if split not in SPLITS:
        raise ValueError(f"split must be one of {SPLITS}, not {split!r}")
    for meta in sorted(folder.glob("*.yaml")):
        truth = Truth.load(meta)
        if split == "all" or truth.split == split:
            yield meta.with_suffix(".txt"), truth


def score_corpus(split: str = "all", folder: Path = HERE,
                 runner: Callable[[Path], tuple[set, str | None]] = run_tool) -> CorpusScore:
    """Score every document of ``split``; ``runner`` maps a text file to (findings, error)."""
    scored = []
    for text, truth in documents(Path(folder), split):
        found, error = runner(text)
        hits, false_positives = match(found, truth)
        scored.append(DocumentScore(truth.name, truth.required, hits, found, false_positives,
                                    error))
    return CorpusScore(scored)


def _label(pairs: set) -> str:
    return ", ".join(f"{category}@{'-' if number is None else number}"
                     for number, category in sorted(pairs, key=lambda p: (p[1], str(p[0]))))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("folder", nargs="?", type=Path, default=HERE)
    parser.add_argument("--split", choices=SPLITS, default="all")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args(argv)
    result = score_corpus(args.split, args.folder)
    if args.verbose:
        for doc in result.documents:
            missed = doc.required - doc.hits
            line = (f"{doc.name}: {len(doc.hits)}/{len(doc.required)} found; "
                    f"missed [{_label(missed)}]; false [{_label(doc.false_positives)}]")
            print(line + (f"; {doc.error}" if doc.error else ""))
    for category, (found, total) in result.by_category().items():
        print(f"  {category:<18} {found}/{total}")
    print(f"documents={len(result.documents)} required={result.required} hits={result.hits} "
          f"findings={result.findings} false_positives={result.false_positives} "
          f"tool_errors={result.errors}")
    print(f"recall={result.recall:.3f} precision={result.precision:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
