"""Deterministic, formula-safe .xlsx writing (openpyxl write-only mode)."""

from __future__ import annotations

import datetime as dt
import io
import math
import zipfile

import numpy as np
import pandas as pd

from ipasn.files import normalise_zip
from ipasn.missing import is_missing

DEFAULT_STAMP = dt.datetime(2000, 1, 1)


def _cell_value(value: object) -> object:
    if is_missing(value):
        return None
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return None if math.isnan(value) else float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, pd.Timestamp):
        return value.to_pydatetime()
    return value


def workbook_bytes(sheets: dict[str, pd.DataFrame], stamp: dt.datetime = DEFAULT_STAMP,
                   creator: str = "ipasn", title: str | None = None,
                   widths: dict[str, float] | None = None) -> bytes:
    """One sheet per frame. Text is stored as text (never run as a formula, never turned into a
    number: a NIP keeps its 18 digits); the same frames give the same bytes."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = creator
    if title:
        book.properties.title = title
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        for position, column in enumerate(frame.columns, start=1):
            if widths and column in widths:
                sheet.column_dimensions[get_column_letter(position)].width = widths[column]
        sheet.append([str(c) for c in frame.columns])
        for row in frame.itertuples(index=False, name=None):
            cells = []
            for value in row:
                value = _cell_value(value)
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # xlsx cannot hold control characters
                    cell = WriteOnlyCell(sheet, value=None)
                    cell.value, cell.data_type = value, "s"  # after: openpyxl reads "=..." as a formula
                    cell.number_format = "@"
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter directly: openpyxl's save_workbook() stamps `modified` with the clock.
        ExcelWriter(book, archive).save()
    return normalise_zip(buffer.getvalue())
