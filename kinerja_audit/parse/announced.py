"""Lists announced by their size: "telah merumuskan lima Misi ... sebagai berikut :" followed by
the numbered items, for the rule that counts them."""
from __future__ import annotations

from dataclasses import dataclass

from ..document import Document
from .lists import ListItem
from .statements import word_value
from .text import finditer, norm, pattern

_GAP = 3     # lines allowed between the announcement and its first item, and between two items
_ITEM_CHARS = 300   # an item longer than this ran on into the paragraphs that explain it


@dataclass(frozen=True)
class AnnouncedList:
    line: int             # where the count is written
    raw: str              # the count as written ("lima Misi", "11 (sebelas) strategi")
    claimed: int
    items: int            # the items that follow it: 1, 2, ... of one style, without a break
    first_item: int       # line of item 1


def announced_lists(sentences, items: list[ListItem], doc: Document) -> list[AnnouncedList]:
    """Every sentence ending in "sebagai berikut :" (yaitu, meliputi ...) after a count of things,
    with the size of the numbered list right after it.  A selection ("antara lain") and a list
    that may go on past a page break are left out."""
    out = []
    for s in sentences:
        if not s.text.rstrip().endswith(":"):
            continue   # an announcement ends with its colon, the list follows
        m = pattern("list_announcement_re").search(norm(s.text))
        if m is None or pattern("list_partial_words").search(m.group("rest")):
            continue
        claimed = int(m.group("n")) if m.group("n").isdigit() else word_value(m.group("n"))
        run = _items_after(s.end_line, items)
        if claimed is None or not run or _may_go_on(run, items, doc):
            continue
        out.append(AnnouncedList(s.line_at(m.start()), f"{m.group('n')} {m.group('noun')}",
                                 claimed, len(run), run[0].line))
    for s in sentences:
        out.extend(_inline(s))
    return sorted(out, key=lambda a: a.line)


def _inline(s) -> list[AnnouncedList]:
    """A count announcing items marked (1), (2) ... in the same sentence ("7 teknologi, yaitu (1)
    ..., (2) ... dan (6) ..."): the markers after it must run 1, 2, ... k with nothing else, and
    neither the count nor the items say the list is a selection ("utama", "dan lain-lain")."""
    out = []
    if "(1)" not in s.text:
        return out   # no first item: the cheap test before the announcement's regex
    for m in finditer("inline_list_re", s.text):
        n = m.group("n")
        claimed = int(n) if n.isdigit() else word_value(n)
        markers = [(int(k.group("k")), k.start())
                   for k in pattern("inline_item_re").finditer(s.text, m.end())]
        if claimed is None or len(markers) < 2 \
                or [k for k, _ in markers] != list(range(1, len(markers) + 1)) \
                or pattern("list_partial_words").search(m.group("noun")) \
                or pattern("total_partial_re").search(s.text, m.end()):
            continue
        out.append(AnnouncedList(s.line_at(m.start("n")), f"{n} {m.group('noun')}", claimed,
                                 len(markers), s.line_at(markers[0][1])))
    return out


def _items_after(line: int, items: list[ListItem]) -> list[ListItem]:
    """Items 1, 2, 3 ... of one style starting right after ``line``; sub-items of another style
    between them are passed over."""
    run: list[ListItem] = []
    last = line
    for it in items:
        if it.line <= line:
            continue
        if it.line - last > _GAP + 1:
            break
        if not run:
            if it.value != 1:
                break
            run.append(it)
        elif it.style == run[0].style:
            if it.value != run[-1].value + 1:
                break
            run.append(it)
        last = it.end_line
    return run


def _may_go_on(run: list[ListItem], items: list[ListItem], doc: Document) -> bool:
    """The list may have more items than were read: it ends at a page break, its last item is
    cut off (no closing mark: a fragment), or its next number comes later (items set apart by
    paragraphs about each)."""
    last = run[-1]
    if len(run) < 2 or any(len(it.text) > _ITEM_CHARS for it in run):
        return True    # one item, or items set apart by paragraphs: the rest may come later
    after = min(last.end_line + _GAP + 1, len(doc.lines))
    if doc.page_of(last.end_line) != doc.page_of(after) or last.text.rstrip()[-1:] not in ".;,:":
        return True
    later = next((it for it in items if it.line > last.line and it.style == last.style), None)
    return later is not None and later.value == last.value + 1
