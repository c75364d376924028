"""One row per finding, fixed columns, UTF-8 with BOM (Excel opens it correctly)."""
from __future__ import annotations

import csv
import io

from .. import i18n as labels
from . import common
from .escape import neutralise


def render(contract: dict, *, lang: str = "id", color: bool = False) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf)
    writer.writerow([labels.label(f"col.{c}", lang) for c in common.COLUMNS])
    for row in common.flat_rows(contract):
        writer.writerow([neutralise("" if v is None else v) for v in row.values()])
    return "\ufeff" + buf.getvalue()
