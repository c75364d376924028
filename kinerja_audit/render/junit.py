"""JUnit XML for CI dashboards: one testsuite per report, one testcase per finding.

Findings at or above ``--fail-on`` (default: error) are failures, as they fail the exit code;
the others are passing testcases (message in system-out); a report without findings gets one
passing testcase; an unreadable report gets one testcase with an <error>.
"""
from __future__ import annotations

import xml.etree.ElementTree as ET

from .. import i18n as labels
from ..findings import at_or_above
from . import common
from .escape import clean

_DETAIL_FIELDS = ("found", "expected", "evidence", "suggestion")


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    fail_on = options.fail_on if options else "error"
    root = ET.Element("testsuites", name=clean(contract["tool"]["name"]))
    totals = {"tests": 0, "failures": 0, "errors": 0}
    for report in contract["reports"]:
        suite = _suite(report, lang, fail_on)
        root.append(suite)
        for key in totals:
            totals[key] += int(suite.get(key))
    for key, value in totals.items():
        root.set(key, str(value))
    ET.indent(root)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _suite(report: dict, lang: str, fail_on: str) -> ET.Element:
    source = clean(report["source"])
    suite = ET.Element("testsuite", name=source)
    cases = []
    if report["errors"]:
        case = ET.Element("testcase", classname=source, name=labels.label("junit.unreadable", lang))
        ET.SubElement(case, "error", message=clean(report["errors"][0]), type="unreadable").text = (
            clean("\n".join(report["errors"])))
        cases.append(case)
    cases += [_case(source, f, lang, fail_on) for f in report["findings"]]
    if not cases:
        name = labels.label("junit.no_findings", lang)
        cases.append(ET.Element("testcase", classname=source, name=name))
    suite.extend(cases)
    suite.set("tests", str(len(cases)))
    suite.set("failures", str(sum(c.find("failure") is not None for c in cases)))
    suite.set("errors", str(sum(c.find("error") is not None for c in cases)))
    suite.set("skipped", "0")
    return suite


def _case(source: str, f: dict, lang: str, fail_on: str) -> ET.Element:
    name = " ".join(x for x in (f["rule"], f.get("indicator"), common.location(f, lang)) if x)
    case = ET.Element("testcase", classname=source, name=clean(name))
    details = [f"{labels.label('field.' + key, lang)}: {clean(f[key])}"
               for key in _DETAIL_FIELDS if f.get(key) not in (None, "")]
    if at_or_above(f["severity"], fail_on):
        failure = ET.SubElement(case, "failure", message=clean(f["message"]), type=clean(f["rule"]))
        failure.text = clean("\n".join([f["message"], *details]))
    else:
        ET.SubElement(case, "system-out").text = clean("\n".join([f["message"], *details]))
    return case
