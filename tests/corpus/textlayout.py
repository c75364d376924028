"""Document blocks -> text, in the shapes text extraction gives real LKj PDFs.

* ``scattered``: plain ``pdftotext``/copy-paste output: headings with stray spaces, table cells
  scattered over lines with blank lines between values, trailing spaces on every line.
* ``layout``: ``pdftotext -layout``: one table row per line, columns separated by runs of
  spaces, long names continued on the next lines in the name column.
* ``pipe``: a converter's markdown-like output with ``|`` separated rows.

Page debris (running headers, page numbers) and form feeds are added per page.
"""
from __future__ import annotations

import random
import textwrap

from .compose import Heading, Items, Para, Sign, Table, Toc

LAYOUTS = ("scattered", "layout", "pipe")
BREAK = "\x00PAGEBREAK"


def wrap(text: str, width: int) -> list[str]:
    return textwrap.wrap(text, width=max(8, width), break_long_words=False,
                         break_on_hyphens=False) or [""]


class TextRenderer:
    def __init__(self, seed: int, layout: str, meta, title: str, short: str):
        self.seed = seed
        self.layout = layout
        self.rng = random.Random(f"{seed}|layout|{layout}")
        self.meta = meta
        self.title = title
        self.short = short
        r = self.rng
        self.width = r.randint(84, 100)
        self.indent = r.choice([0, 0, 2, 4, 6]) if layout == "layout" else 0
        self.form_feeds = r.random() < 0.5
        self.page_len = r.randint(44, 60)
        self.debris_header = r.random() < 0.55
        self.debris_footer = r.random() < (0.85 if layout != "pipe" else 0.4)
        self.footer_fmt = r.choice(["{n}", "- {n} -", "Halaman {n}", "{title} | {n}",
                                    "{n} | {short}"])
        self.md = r.random() < 0.6          # pipe: markdown headings and separator rows
        self.pipe_wrap = r.random() < 0.3

    def sub(self, *key) -> random.Random:
        return random.Random("|".join([str(self.seed), "lay", self.layout] + [str(k) for k in key]))

    # ------------------------------------------------------------------ entry
    def render(self, blocks: list) -> str:
        lines: list[str] = []
        for i, blk in enumerate(blocks):
            fn = getattr(self, f"{self.layout}_{type(blk).__name__.lower()}")
            lines.extend(fn(blk, i))
        return self.paginate(lines)

    def paginate(self, lines: list[str]) -> str:
        pages: list[list[str]] = [[]]
        for ln in lines:
            if ln == BREAK:
                if pages[-1] and any(x.strip() for x in pages[-1]):
                    pages.append([])
                continue
            if len(pages[-1]) >= self.page_len:
                pages.append([])
            pages[-1].append(ln)
        out: list[str] = []
        for n, page in enumerate(pages, start=1):
            body = list(page)
            if n > 1 and self.debris_header:
                hdr = f"{self.title} {self.short}" if self.layout != "layout" else \
                    " " * self.sub("hdr").randint(20, 40) + self.title
                body = [hdr + (" " if self.layout == "scattered" else "")] + body
            if n > 1 and self.debris_footer:
                f = self.footer_fmt.format(n=n - 1, title=self.title, short=self.short)
                if self.layout == "layout":
                    f = " " * (self.width // 2) + f
                elif self.layout == "scattered":
                    f = f + " "
                body = body + ["", f]
            text = "\n".join(body)
            if n > 1:
                text = ("\f" if self.form_feeds else "\n") + text
            out.append(text)
        result = "\n".join(out)
        if self.layout != "scattered":
            result = "\n".join(x.rstrip(" ") for x in result.split("\n"))
        return result.rstrip("\n") + "\n"

    # ------------------------------------------------------------------ shared
    def _pagebreak(self, blk, i):
        return [BREAK]

    scattered_pagebreak = layout_pagebreak = pipe_pagebreak = _pagebreak

    # ------------------------------------------------------------------ scattered
    def scattered_heading(self, blk: Heading, i):
        r = self.sub("h", i)
        if blk.level <= 1:
            pre = r.choice([" ", " ", "", "  "])
            return [f"{pre}{blk.text} ", r.choice(["", " "])]
        if blk.level == 2:
            return [r.choice(["", " "]), blk.text + " ", ""]
        out = [""]
        for j, ln in enumerate(wrap(blk.text, self.width - 12)):
            out.append(("" if j == 0 else r.choice(["", "   "])) + ln + " ")
            if j == 0 and r.random() < 0.3:
                out.append("")
        return out + [" "]

    def scattered_para(self, blk: Para, i):
        r = self.sub("p", i)
        w = self.width + r.randint(-6, 4)
        if blk.role == "cover":
            return [" " + blk.text + " ", ""]
        out = [ln + " " for ln in wrap(blk.text, w)]
        return out + [r.choice(["", " ", ""])]

    def scattered_items(self, blk: Items, i):
        r = self.sub("it", i)
        out = []
        for j, (lab, text) in enumerate(blk.items):
            w = self.width - 4 + r.randint(-4, 2)
            chunks = wrap(f"{lab} {text}", w)
            out.append(chunks[0] + " ")
            for c in chunks[1:]:
                if r.random() < 0.25:
                    out.append("")
                out.append(r.choice(["", "", "   "]) + c + " ")
            out.append(r.choice(["", " "]))
        return out

    def scattered_toc(self, blk: Toc, i):
        r = self.sub("toc", i)
        out = []
        for title, page in blk.entries:
            dots = "." * r.randint(8, 60 - min(len(title), 50))
            out.append(f"{title} {dots} {page} ")
        return out + [""]

    def scattered_sign(self, blk: Sign, i):
        out = [" "]
        for ln in blk.lines:
            out.append((ln + " ") if ln else " ")
        return out

    def scattered_table(self, blk: Table, i):
        r = self.sub("t", i)
        out = []
        if blk.caption:
            out.append("")
            out += [ln + " " for ln in wrap(blk.caption, self.width + 10)]
        if blk.role in ("summary", "pk"):
            return out + self._scattered_grid(blk, r)
        if blk.role == "indicator":
            return out + self._scattered_indicator(blk, r)
        # budget / rencana aksi: one line per row, names wrapped onto continuation lines
        out.append(" ".join(blk.header) + " ")
        nw = r.randint(22, 34)
        for row in blk.rows:
            chunks = wrap(row[blk.name_col], nw)
            first = row[:blk.name_col] + [chunks[0]] + row[blk.name_col + 1:]
            out.append(" ".join(c for c in first if c) + " ")
            out += [c + " " for c in chunks[1:]]
        return out + [" "]

    def _values_vertical(self, values: list[str], r: random.Random) -> list[str]:
        out = []
        gap = r.randint(1, 3)
        for v in values:
            out += [" "] * gap + [v + " "]
        return out

    def _scattered_indicator(self, blk: Table, r: random.Random):
        out = [" ".join(blk.header) + " ", ""]
        for row in blk.rows:
            code, name, values = row[0], row[1], row[2:]
            chunks = wrap(name, r.randint(18, 26))
            chunks[0] = f"{code} {chunks[0]}"
            mode = r.choice(["vertical", "vertical", "compact", "split"])
            if mode == "compact" and len(chunks) >= 2 and len(chunks) <= 3:
                out.append(chunks[0] + " ")
                out.append(chunks[1] + " " + " ".join(values) + " ")
                out += [c + " " for c in chunks[2:]]
            elif mode == "split" and len(chunks) >= 3:
                k = len(chunks) - 1
                out += [c + " " for c in chunks[:k]]
                out += self._values_vertical(values, r)
                out.append("  " + chunks[k] + "    ")
            else:
                out += [c + " " for c in chunks]
                out += self._values_vertical(values, r)
        return out + ["", " "]

    def _scattered_grid(self, blk: Table, r: random.Random):
        out = [" "]
        for h in blk.header:
            out += [ln + " " for ln in wrap(h, r.randint(8, 12))]
            out.append(r.choice(["", " "]))
        g = blk.group_col
        for row in blk.rows:
            if g is not None and row[g]:
                out += [" "] * r.randint(1, 7)
                if row[0]:
                    out.append(row[0] + " ")
                    out += [" "] * r.randint(0, 3)
                out += [ln + " " for ln in wrap(row[g], r.randint(13, 18))]
            pre = [c for j, c in enumerate(row) if j not in (0, g) and j < blk.name_col]
            name = " ".join(pre + [row[blk.name_col]])
            values = [c for c in row[blk.name_col + 1:]]
            chunks = wrap(name, r.randint(22, 28))
            if r.random() < 0.25:
                out += [c + " " for c in chunks[:-1]]
                out.append(chunks[-1] + " " + " ".join(values) + " ")
            else:
                out += [c + " " for c in chunks]
                out += self._values_vertical(values, r)
        return out + [" "]

    # ------------------------------------------------------------------ layout
    def _ind(self, extra: int = 0) -> str:
        return " " * (self.indent + extra)

    def layout_heading(self, blk: Heading, i):
        r = self.sub("h", i)
        if blk.level <= 1:
            pad = max(0, (self.width - len(blk.text)) // 2)
            return ["", " " * pad + blk.text, ""]
        if blk.level == 2:
            return ["", self._ind(r.choice([0, 2])) + blk.text, ""]
        chunks = wrap(blk.text, self.width - 10)
        return [""] + [self._ind(0 if j == 0 else 3) + c for j, c in enumerate(chunks)] + [""]

    def layout_para(self, blk: Para, i):
        r = self.sub("p", i)
        if blk.role == "cover":
            pad = max(0, (self.width - len(blk.text)) // 2)
            return [" " * pad + blk.text, ""]
        first = r.choice([0, 0, 4, 6])
        chunks = wrap(" " * first + blk.text, self.width - self.indent)
        return [self._ind() + c for c in chunks] + [""]

    def layout_items(self, blk: Items, i):
        out = []
        for lab, text in blk.items:
            chunks = wrap(text, self.width - self.indent - len(lab) - 4)
            out.append(self._ind(2) + lab + " " + chunks[0])
            out += [self._ind(3 + len(lab)) + c for c in chunks[1:]]
        return out + [""]

    def layout_toc(self, blk: Toc, i):
        out = []
        for title, page in blk.entries:
            left = self._ind() + title + " "
            out.append(left + "." * max(3, self.width - len(left) - len(page) - 2) + " " + page)
        return out + [""]

    def layout_sign(self, blk: Sign, i):
        pad = " " * (self.width // 2 + 4)
        return [""] + [pad + ln if ln else "" for ln in blk.lines] + [""]

    def layout_table(self, blk: Table, i):
        r = self.sub("t", i)
        out = [""]
        if blk.caption:
            out += [self._ind() + c for c in wrap(blk.caption, self.width)]
            out.append("")
        ncol = len(blk.header)
        wrapw = {blk.name_col: r.randint(26, 40)}
        if blk.group_col is not None:
            wrapw[blk.group_col] = r.randint(16, 24)
        gap = r.randint(2, 4)
        cells = []  # per row: per column list of lines
        for row in blk.rows:
            cells.append([wrap(c, wrapw[j]) if j in wrapw and c else [c]
                          for j, c in enumerate(row)])
        widths = []
        for j in range(ncol):
            w = max([len(x) for rc in cells for x in rc[j]] + [1])
            words = max(len(x) for x in blk.header[j].split()) if blk.header[j].split() else 1
            widths.append(max(w, words, min(len(blk.header[j]), 14 if j not in wrapw else 99)))
        head = [wrap(h, widths[j]) for j, h in enumerate(blk.header)]
        hl = max(len(h) for h in head)
        for k in range(hl):
            parts = []
            for j in range(ncol):
                txt = head[j][k] if k < len(head[j]) else ""
                parts.append(txt.ljust(widths[j]))
            out.append(self._ind() + (" " * gap).join(parts).rstrip())
        out.append("")
        valign = r.choice(["top", "top", "middle"])
        for rc in cells:
            height = max(len(c) for c in rc)
            mid = (height - 1) // 2 if valign == "middle" else 0
            for k in range(height):
                parts = []
                for j in range(ncol):
                    lines = rc[j]
                    if j in wrapw:
                        txt = lines[k] if k < len(lines) else ""
                    else:
                        txt = lines[0] if k == (mid if height > 1 else 0) else ""
                    right = j not in wrapw and j > blk.name_col
                    parts.append(txt.rjust(widths[j]) if right else txt.ljust(widths[j]))
                out.append(self._ind() + (" " * gap).join(parts).rstrip())
            if r.random() < 0.3:
                out.append("")
        return out + [""]

    # ------------------------------------------------------------------ pipe
    def pipe_heading(self, blk: Heading, i):
        if not self.md:
            return ["", blk.text, ""]
        mark = {0: "#", 1: "#", 2: "##", 3: "###"}[blk.level]
        return ["", f"{mark} {blk.text}", ""]

    def pipe_para(self, blk: Para, i):
        if self.pipe_wrap:
            return wrap(blk.text, 100) + [""]
        return [blk.text, ""]

    def pipe_items(self, blk: Items, i):
        out = []
        for lab, text in blk.items:
            lab = "-" if lab in ("•",) else lab
            out.append(f"{lab} {text}")
        return out + [""]

    def pipe_toc(self, blk: Toc, i):
        return [f"{t} .... {p}" for t, p in blk.entries] + [""]

    def pipe_sign(self, blk: Sign, i):
        return [""] + [ln for ln in blk.lines if ln] + [""]

    def pipe_table(self, blk: Table, i):
        r = self.sub("t", i)
        out = []
        if blk.caption:
            out += ["", f"**{blk.caption}**" if self.md else blk.caption]
        out.append("")
        out.append("| " + " | ".join(blk.header) + " |")
        if self.md:
            out.append("|" + "|".join("---" for _ in blk.header) + "|")
        repeat = r.random() < 0.3
        last = None
        for row in blk.rows:
            row = list(row)
            if blk.group_col is not None:
                if row[blk.group_col]:
                    last = (row[0], row[blk.group_col])
                elif repeat and last:
                    row[0], row[blk.group_col] = last
            out.append("| " + " | ".join(row) + " |")
        return out + [""]


def render_blocks(blocks: list, layout: str, seed: int, meta, title: str, short: str) -> str:
    if layout not in LAYOUTS:
        raise ValueError(f"unknown layout {layout!r}; choose from {LAYOUTS}")
    return TextRenderer(seed, layout, meta, title, short).render(blocks)
