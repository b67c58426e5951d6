"""A list from a notebook as an Excel workbook, the safe way (NIP stays 18 digits of text)."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.files import write_bytes
from ipasn.report.content.frames import shown_frame
from ipasn.report.content.markup import esc
from ipasn.export.xlsx import workbook_bytes


def save_excel(frame: pd.DataFrame | pd.Series, path: str | Path, sheet: str = "daftar") -> HTML:
    """Write a pandas table to an Excel workbook (.xlsx) and say where, with how many rows.

    Unlike `frame.to_excel`, text is stored as text: a NIP keeps all its digits and a name starting
    with "=" is never run as a formula; the same table gives the same file. A named index (e.g.
    after `groupby`) becomes the first columns. Folders on the way are created.

    Args:
        frame: the DataFrame or Series to save.
        path: the file to write, e.g. "hasil/tanpa_skp.xlsx" (relative to the notebook's folder).
        sheet: the sheet's name (at most 31 characters).

    Example::

        tanpa_skp = report.scores[report.scores["kinerja"] == 0][["nip", "nama", "unit_kerja"]]
        nb.save_excel(tanpa_skp, "hasil/tanpa_skp.xlsx")
    """
    path = Path(path)
    if path.suffix.lower() != ".xlsx":
        path = path.with_name(path.name + ".xlsx")
    table = shown_frame(frame)
    path.parent.mkdir(parents=True, exist_ok=True)
    write_bytes(path, workbook_bytes({sheet: table}))
    return HTML(f'<p class="keterangan">Disimpan: {esc(path)} ({fmt.integer(len(table))} baris, '
                f"lembar {esc(sheet[:31])}).</p>")
