"""One row per finding, fixed columns, UTF-8 with BOM (Excel opens it correctly).

Category and severity are written in the reader's language, as in the working paper.  The column
delimiter is ``,`` unless ``--csv-delimiter`` says otherwise (``;`` for Excel with Indonesian
regional settings, where the comma is the decimal separator)."""
from __future__ import annotations

import csv
import io

from .. import i18n as labels
from . import common
from .escape import cell


def render(contract: dict, *, lang: str = "id", options=None) -> str:
    buf = io.StringIO()
    writer = csv.writer(buf, delimiter=options.csv_delimiter if options else ",")
    writer.writerow([labels.label(f"col.{c}", lang) for c in common.COLUMNS])
    for row in common.flat_rows(contract, lang):
        writer.writerow([cell(v) for v in row.values()])
    return "\ufeff" + buf.getvalue()
