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


DATE_FORMAT = "dd-mm-yyyy"
WIDEST = 60  # characters: longer text overflows into the next cell or is cut on screen (or wraps: `wrapped`)


def number_formats(frame: pd.DataFrame) -> dict[str, str]:
    """Excel number formats by column type. Numbers stay numbers: Excel shows them with the decimal
    separator of the reader's locale (a comma in Indonesian)."""
    formats = {}
    for column in frame.columns:
        kind = frame[column].dtype
        if pd.api.types.is_bool_dtype(kind):
            continue
        if pd.api.types.is_integer_dtype(kind):
            formats[column] = "0"
        elif pd.api.types.is_float_dtype(kind):
            formats[column] = "0.00"
        elif pd.api.types.is_datetime64_any_dtype(kind):
            formats[column] = DATE_FORMAT
    return formats


def fitting_widths(frame: pd.DataFrame) -> dict[str, float]:
    """Column widths (in characters) that show the header and the longest value, up to WIDEST."""
    widths = {}
    for column in frame.columns:
        values = frame[column].dropna()
        longest = int(values.astype(str).str.len().max()) if len(values) else 0
        if pd.api.types.is_float_dtype(frame[column].dtype):
            longest = len(f"{values.abs().max():.2f}") + 1 if len(values) else 0
        widths[column] = float(min(max(longest, len(str(column)) + 3, 6) + 2, WIDEST))
    return widths


def workbook_bytes(sheets: dict[str, pd.DataFrame], stamp: dt.datetime = DEFAULT_STAMP,
                   creator: str = "ipasn", title: str | None = None,
                   widths: dict[str, float] | None = None, for_people: bool = False,
                   wrapped: tuple[str, ...] = ()) -> bytes:
    """One sheet per frame. Text is stored as text (never run as a formula, never turned into a
    number: a NIP keeps its 18 digits); the same frames give the same bytes. `for_people`: each sheet
    opens ready to read (bold, frozen header with filters, widths fitting the content, number and
    date formats); text in the `wrapped` columns wraps within the column's width."""
    from openpyxl import Workbook
    from openpyxl.cell import WriteOnlyCell
    from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
    from openpyxl.styles import Alignment, Font
    from openpyxl.utils import get_column_letter
    from openpyxl.writer.excel import ExcelWriter

    book = Workbook(write_only=True)
    book.properties.created = book.properties.modified = stamp
    book.properties.creator = creator
    if title:
        book.properties.title = title
    bold, wrap = Font(bold=True), Alignment(wrap_text=True, vertical="top")
    for name, frame in sheets.items():
        sheet = book.create_sheet(title=name[:31])
        sized = {**(fitting_widths(frame) if for_people else {}), **(widths or {})}
        for position, column in enumerate(frame.columns, start=1):
            if column in sized:
                sheet.column_dimensions[get_column_letter(position)].width = sized[column]
        formats = number_formats(frame) if for_people else {}
        formats = [formats.get(column) for column in frame.columns]
        wraps = [column in wrapped for column in frame.columns]
        if for_people and len(frame.columns):
            sheet.freeze_panes = "A2"
            sheet.auto_filter.ref = f"A1:{get_column_letter(len(frame.columns))}{len(frame) + 1}"
        header = []
        for column in frame.columns:
            cell = WriteOnlyCell(sheet, value=str(column))
            if for_people:
                cell.font = bold
            header.append(cell)
        sheet.append(header)
        for row in frame.itertuples(index=False, name=None):
            cells = []
            for value, number_format, wraps_text in zip(row, formats, wraps):
                value = _cell_value(value)
                if isinstance(value, str):
                    value = ILLEGAL_CHARACTERS_RE.sub("\ufffd", value)  # xlsx cannot hold control characters
                    cell = WriteOnlyCell(sheet, value=None)
                    cell.value, cell.data_type = value, "s"  # after: openpyxl reads "=..." as a formula
                    cell.number_format = "@"
                    if wraps_text:
                        cell.alignment = wrap
                    cells.append(cell)
                elif for_people and isinstance(value, dt.date):  # datetime too: a date in an object column
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = DATE_FORMAT
                    cells.append(cell)
                elif number_format and value is not None:
                    cell = WriteOnlyCell(sheet, value=value)
                    cell.number_format = number_format
                    cells.append(cell)
                else:
                    cells.append(value)
            sheet.append(cells)
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True) as archive:
        # ExcelWriter directly: openpyxl's save_workbook() stamps `modified` with the clock.
        ExcelWriter(book, archive).save()
    return normalise_zip(buffer.getvalue())
