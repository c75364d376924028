"""One self-contained HTML page: summary, filters (plain JS), every finding with its evidence.

No network: inline CSS/JS only, and a Content-Security-Policy that allows nothing else (the
inline style and script are pinned by hash, so injected markup could not run even if escaping
failed).  Report text is untrusted and always escaped.
"""
from __future__ import annotations

import base64
import hashlib
import re
from html import escape

from .. import i18n as labels
from . import common
from .escape import clean

_CSS = """
body{
  font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;color:#1d232b;
  background:#f4f6f9
}
main{max-width:1100px;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .3rem}
h2{font-size:1.2rem;margin:0 0 .2rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem;color:#394b63}
.muted{color:#5b6675;font-size:.9rem}
.panel{background:#fff;border:1px solid #d9dee5;border-radius:8px;padding:1rem 1.2rem;margin:1rem 0}
table.counts{border-collapse:collapse}
table.counts td,table.counts th{padding:.15rem .8rem .15rem 0;text-align:left}
.filters fieldset{
  display:inline-block;border:1px solid #d9dee5;border-radius:6px;margin:.3rem .6rem .3rem 0;
  vertical-align:top
}
.filters label{display:inline-block;margin-right:.8rem;white-space:nowrap}
.finding{
  border-left:5px solid #8a96a8;background:#fbfcfd;border-radius:4px;padding:.5rem .8rem;
  margin:.5rem 0
}
.finding.error{border-left-color:#c62828}
.finding.warning{border-left-color:#e69b00}
.finding.info{border-left-color:#2b7bb9}
.head{font-size:.85rem;color:#4a5563}
.badge{
  display:inline-block;font-weight:600;text-transform:uppercase;font-size:.75rem;padding:0 .4rem;
  border-radius:3px;color:#fff;background:#8a96a8
}
.error .badge{background:#c62828}
.warning .badge{background:#b57a00}
.info .badge{background:#2b7bb9}
.msg{margin:.3rem 0;font-weight:500}
dl{
  display:grid;grid-template-columns:max-content 1fr;gap:.1rem .8rem;margin:.2rem 0;
  font-size:.9rem
}
dt{color:#5b6675}
dd{margin:0}
.evidence{
  font-family:ui-monospace,Menlo,Consolas,monospace;white-space:pre-wrap;word-break:break-word
}
mark{background:#ffe27a;padding:0 .1rem}
.errors{color:#c62828}
@media print{.filters{display:none}
body{background:#fff}
"""

_JS = """
(function () {
  var boxes = document.querySelectorAll('input[data-filter]');
  function apply() {
    var on = {severity: {}, category: {}}, shown = 0;
    boxes.forEach(function (b) { if (b.checked) { on[b.dataset.filter][b.value] = true; } });
    document.querySelectorAll('.finding').forEach(function (f) {
      var visible = !!(on.severity[f.dataset.severity] && on.category[f.dataset.category]);
      f.hidden = !visible;
      if (visible) { shown += 1; }
    });
    document.querySelectorAll('.group').forEach(function (g) {
      g.hidden = !g.querySelector('.finding:not([hidden])');
    });
    document.getElementById('shown').textContent = String(shown);
  }
  // A link such as report.html#severity=error,warning&category=arithmetic opens pre-filtered.
  var wanted = {};
  location.hash.replace(/^#/, '').split('&').forEach(function (part) {
    var kv = part.split('=');
    if (kv.length === 2) { wanted[kv[0]] = decodeURIComponent(kv[1]).split(','); }
  });
  boxes.forEach(function (b) {
    var w = wanted[b.dataset.filter];
    if (w) { b.checked = w.indexOf(b.value) >= 0; }
    b.addEventListener('change', apply);
  });
  apply();
  document.body.setAttribute('data-ready', '1');
})();
"""


def _csp_hash(source: str) -> str:
    digest = hashlib.sha256(source.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


#: The hashes of the inline style and script, for a page that embeds this one (the web page).
STYLE_HASH, SCRIPT_HASH = _csp_hash(_CSS), _csp_hash(_JS)
_CSP = (f"default-src 'none'; style-src {STYLE_HASH}; script-src {SCRIPT_HASH}; "
        "img-src data:; base-uri 'none'; form-action 'none'")


def _e(value) -> str:
    return escape(clean(value), quote=True)


def highlight(evidence: str, found: str | None) -> str:
    """Escaped ``evidence`` with the first occurrence of ``found`` wrapped in <mark>.

    Whitespace is not significant ("500%" marks "500 %" in the evidence)."""
    chars = [re.escape(c) for c in (found or "") if not c.isspace()]
    match = re.search(r"\s*".join(chars), evidence) if chars else None
    if not match:
        return _e(evidence)
    at, end = match.span()
    return f"{_e(evidence[:at])}<mark>{_e(evidence[at:end])}</mark>{_e(evidence[end:])}"


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    title = labels.label("html.title", lang)
    total = contract["summary"]["findings"]
    tool = contract["tool"]
    by = labels.label("html.generated_by", lang, tool=tool["name"], version=tool["version"])
    body = [f"<h1>{_e(title)}</h1>", f'<p class="muted">{_e(by)}</p>',
            _summary(contract, lang), _filters(contract, lang, total)]
    if common.is_batch(contract):
        body.append(_index(contract, lang))
    body += [_report(report, lang, no) for no, report in enumerate(contract["reports"], start=1)]
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{lang}"><head><meta charset="utf-8">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(title)}</title>\n<style>{_CSS}</style></head>\n"
        "<body><main>\n" + "\n".join(body) + "\n</main>\n"
        f"<script>{_JS}</script></body></html>\n"
    )


def _summary(contract: dict, lang: str) -> str:
    s = contract["summary"]
    counts = labels.label("batch.reports", lang, reports=s["reports"],
                          unreadable=s["reports_unreadable"])
    rows = "".join(f"<tr><td>{_e(name)}</td><td>{n}</td></tr>"
                   for name, n in common.category_counts(s["by_category"], lang))
    return (
        '<section class="panel summary">'
        f"<h2>{_e(labels.label('report.summary', lang))}</h2>"
        f"<p>{_e(counts)}<br>"
        f"{_e(common.severity_counts(s['by_severity'], lang))}</p>"
        + (f"<h3>{_e(labels.label('batch.by_category', lang))}</h3>"
           f'<table class="counts">{rows}</table>' if rows else "")
        + "</section>"
    )


def _filters(contract: dict, lang: str, total: int) -> str:
    def boxes(kind: str, values, name) -> str:
        return "".join(
            f'<label><input type="checkbox" checked data-filter="{kind}" value="{_e(v)}"> '
            f"{_e(name(v, lang))}</label>" for v in values)

    s = contract["summary"]
    shown = escape(labels.label("html.shown", lang)).format(
        shown='<span id="shown"></span>', total=total)
    return (
        f'<section class="panel filters"><h2>{_e(labels.label("html.filter", lang))}</h2>'
        f"<fieldset><legend>{_e(labels.label('col.severity', lang))}</legend>"
        f"{boxes('severity', common.SEVERITIES, labels.severity)}</fieldset>"
        f"<fieldset><legend>{_e(labels.label('col.category', lang))}</legend>"
        f"{boxes('category', sorted(s['by_category']), labels.category)}</fieldset>"
        f'<p class="muted">{shown}</p></section>'
    )


def _index(contract: dict, lang: str) -> str:
    """A batch: every report, linked to its section, with its counts (or why it is unreadable)."""
    items = []
    for no, report in enumerate(contract["reports"], start=1):
        status = (labels.label("report.unreadable_short", lang) if report["errors"]
                  else common.severity_counts(report["summary"]["by_severity"], lang))
        items.append(f'<li><a href="#laporan-{no}">{_e(report["source"])}</a> — {_e(status)}</li>')
    return (f'<nav class="panel index"><h2>{_e(labels.label("html.index", lang))}</h2>'
            f"<ol>{''.join(items)}</ol></nav>")


def _report(report: dict, lang: str, no: int = 1) -> str:
    meta = common.report_meta(report, lang)
    out = [f'<section class="panel report" id="laporan-{no}">', f"<h2>{_e(report['source'])}</h2>"]
    if meta:
        out.append(f'<p class="muted">{_e(meta)}</p>')
    if report["errors"]:
        items = "".join(f"<li>{_e(err)}</li>" for err in report["errors"])
        out.append(f'<div class="errors"><strong>{_e(labels.label("report.unreadable", lang))}'
                   f"</strong><ul>{items}</ul></div>")
    info = []
    if report["coverage"]:
        info.append(f"{labels.label('report.coverage', lang)}: "
                    f"{common.coverage_text(report['coverage'], lang)}")
    info.append(f"{labels.label('report.summary', lang)}: "
                f"{common.severity_counts(report['summary']['by_severity'], lang)}")
    out.append('<p class="muted">' + "<br>".join(_e(x) for x in info) + "</p>")
    for section, indicators in common.grouped(report, lang):
        out.append(f'<div class="group"><h3>{_e(section)}</h3>')
        for _indicator, findings in indicators:
            out += [_finding(f, lang) for f in findings]
        out.append("</div>")
    if not report["findings"] and not report["errors"]:
        out.append(f"<p>{_e(labels.label('report.no_findings', lang))}</p>")
    out.append("</section>")
    return "\n".join(out)


def _finding(f: dict, lang: str) -> str:
    head = [f'<span class="badge">{_e(labels.severity(f["severity"], lang))}</span>',
            f"<code>{_e(f['rule'])}</code>", _e(labels.category(f["category"], lang)),
            _e(common.indicator_name(f, lang))]
    where = common.location(f, lang)
    if where:
        head.append(_e(where))
    fields = []
    for key in ("found", "expected", "suggestion"):
        if f.get(key) not in (None, ""):
            fields.append(f"<dt>{_e(labels.label('field.' + key, lang))}</dt><dd>{_e(f[key])}</dd>")
    if f.get("evidence"):
        marked = highlight(clean(f["evidence"]), f.get("found"))
        fields.append(f"<dt>{_e(labels.label('field.evidence', lang))}</dt>"
                      f'<dd class="evidence">{marked}</dd>')
    return (
        f'<article class="finding {_e(f["severity"])}" data-severity="{_e(f["severity"])}" '
        f'data-category="{_e(f["category"])}">'
        f'<div class="head">{" · ".join(head)}</div>'
        f'<p class="msg">{_e(f["message"])}</p>'
        + (f"<dl>{''.join(fields)}</dl>" if fields else "")
        + "</article>"
    )
