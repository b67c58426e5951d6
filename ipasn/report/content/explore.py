"""Tables for free exploration (notebooks/eksplorasi.ipynb): plain DataFrames an analyst filters."""

from __future__ import annotations

import pandas as pd

from ipasn.report.content.analysis import improvement_items
from ipasn.report.content.data import ReportData


def missing_items(report: ReportData) -> pd.DataFrame:
    """Who lacks which indicator: one row per PNS and item not yet met, biggest gain first.

    Columns: nip, nama, unit_kerja, jenis_jabatan, indikator (kepemimpinan, fungsional, teknis,
    seminar, skp, pendidikan, hukdis), tindakan (what to do, in Indonesian), tambahan (points it adds),
    pasti (False when the gain is an upper bound, e.g. a missing SKP), ip_asn (the current score).
    Only items the position can earn are listed (a Pelaksana lacks no leadership training).

    Example::

        butir = nb.missing_items(report)
        butir[(butir["indikator"] == "skp") & (butir["unit_kerja"] == "Dinas Kesehatan")]
    """
    items = improvement_items(report.scores, report.rules)
    units = report.scores.drop_duplicates("nip").set_index("nip")["unit_kerja"]
    items.insert(2, "unit_kerja", items["nip"].map(units))
    return items
