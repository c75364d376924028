"""WordprocessingML vocabulary shared by the DOCX reader and the list numbering:
names and values."""

from __future__ import annotations

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
MC_FALLBACK = "{http://schemas.openxmlformats.org/markup-compatibility/2006}Fallback"


def val(el, default: str | None = None) -> str | None:
    """The ``w:val`` attribute of ``el`` (None-safe)."""
    return el.get(W + "val", default) if el is not None else default


def child_val(el, tag: str, default: str | None = None) -> str | None:
    """The ``w:val`` of the first ``w:tag`` child of ``el``."""
    return val(el.find(W + tag), default) if el is not None else default


def is_on(el) -> bool:
    """A toggle property (``<w:pageBreakBefore/>``, ``w:val="false"``...) that is present and on."""
    return el is not None and val(el, "true") not in ("false", "0", "off")


def to_int(text: str | None, default: int) -> int:
    try:
        return int(text) if text is not None else default
    except ValueError:
        return default
