"""Any pandas table in the report's style: Indonesian numbers (decimal comma), right-aligned figures.

`table(frame)` is what a notebook calls for control over decimals or rows; `frame_html` is the same
table as the HTML a report kernel shows for every DataFrame or Series a cell displays (inline.py).
"""

from __future__ import annotations

import datetime as dt

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.report.content.markup import esc
from ipasn.report.content.markup import table as html_table

YES, NO = "ya", "tidak"


def _cell(value: object, decimals: int) -> str:
    """One value as the reports write it: 1.234,50; 1.234; ya/tidak; 31 Desember 2022; – for empty."""
    if isinstance(value, (list, tuple, dict, set)):
        return str(value)
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return fmt.EMPTY
    if pd.api.types.is_bool(value):
        return YES if value else NO
    if isinstance(value, pd.Timestamp):
        return fmt.date(value.date()) if value == value.normalize() else value.strftime("%d-%m-%Y %H:%M")
    if isinstance(value, dt.date):
        return fmt.date(value)
    if pd.api.types.is_integer(value):
        return fmt.integer(int(value))
    if pd.api.types.is_float(value):
        return fmt.number(float(value), decimals)
    return str(value)


def _label(name: object) -> str:
    """A column or index name; the levels of a MultiIndex joined by " / "."""
    if isinstance(name, tuple):
        return " / ".join(str(part) for part in name if str(part))
    return "" if name is None else str(name)


def shown_frame(frame: pd.DataFrame | pd.Series) -> pd.DataFrame:
    """A Series as a one-column table; a meaningful index as leading columns.

    Row numbers are not shown: an unnamed integer index (0, 1, 2, ... or what is left of it after
    filtering or sorting) labels rows, it is not data. Any other index (unit names after a
    `groupby`, a named index) is."""
    if isinstance(frame, pd.Series):
        frame = frame.to_frame(name=frame.name if frame.name is not None else "nilai")
    index = frame.index
    if index.nlevels == 1 and index.name is None and pd.api.types.is_integer_dtype(index.dtype):
        return frame.reset_index(drop=True)
    names = [n if n is not None else ("" if frame.index.nlevels == 1 else f"tingkat_{i}")
             for i, n in enumerate(frame.index.names)]
    return frame.rename_axis(names).reset_index(allow_duplicates=True)


def frame_html(frame: pd.DataFrame | pd.Series, decimals: int = 2, max_rows: int | None = -1) -> str:
    """The table as escaped HTML with the report's classes; see `table` for the arguments."""
    frame = shown_frame(frame)
    limit = pd.get_option("display.max_rows") if max_rows == -1 else max_rows
    total = len(frame)
    note = ""
    if limit is not None and total > limit:
        frame = frame.head(limit)
        note = (f'<p class="keterangan">Ditampilkan {fmt.integer(limit)} baris pertama dari '
                f"{fmt.integer(total)}; untuk semua baris: nb.table(tabel, max_rows=None).</p>")
    numeric = [c for c in frame.columns if pd.api.types.is_numeric_dtype(frame[c])
               and not pd.api.types.is_bool_dtype(frame[c])]
    text = pd.DataFrame({i: [_cell(v, decimals) for v in frame.iloc[:, i]] for i in range(frame.shape[1])},
                        index=range(len(frame)))
    labels = [_label(c) for c in frame.columns]
    text.columns = labels
    numeric_labels = tuple(_label(c) for c in numeric)
    if len(set(labels)) < len(labels):  # repeated names: the table helper matches by name
        numeric_labels = ()
    return html_table(text, numeric=numeric_labels) + note


def table(frame: pd.DataFrame | pd.Series, decimals: int = 2, max_rows: int | None = None,
          title: str | None = None) -> HTML:
    """Show a pandas table the way the report shows its own tables.

    Numbers get the Indonesian decimal comma and thousands dot (1.234,56), whole numbers no decimals,
    True/False become "ya"/"tidak", dates "31 Desember 2022", empty cells "–". Number columns are
    right-aligned. A meaningful index (e.g. the groups of a `groupby`) becomes the first columns;
    plain row numbers are left out, as in the report's own tables.

    Args:
        frame: a DataFrame or Series.
        decimals: digits after the comma for fractional numbers (default 2).
        max_rows: show at most this many rows and say how many were left out; None (default) shows all.
        title: an optional bold line above the table.

    Any DataFrame a cell shows as its last value is displayed like this too (with pandas'
    `display.max_rows` as the limit); call `nb.table` for all rows or other decimals.

    Example::

        per_unit = report.scores.groupby("unit_kerja")["ip_asn"].mean().sort_values()
        nb.table(per_unit.head(5), decimals=1, title="Lima unit terendah")
    """
    heading = f"<p><strong>{esc(title)}</strong></p>" if title else ""
    return HTML(heading + frame_html(frame, decimals, max_rows))
