"""The reconciliation workbook: differences, NIPs on one side only, the per-unit summary, findings,
and what was read; deterministic bytes through ipasn's one xlsx writer."""

from __future__ import annotations

import pandas as pd

from ipasn.official.compare import Reconciliation
from ipasn.export.scores import rules_table
from ipasn.export.xlsx import workbook_bytes

WIDTHS = {"nip": 21, "nama": 30, "unit_kerja": 34, "kemungkinan_penyebab": 80, "bukti_di_ekspor": 60,
          "keterangan_ipasn": 50, "keterangan_bkn": 40, "keterangan": 60, "masalah": 60, "nilai": 30}


def _with_side(frame: pd.DataFrame, side: str) -> pd.DataFrame:
    return frame.assign(sumber=side)[["sumber", *frame.columns]]


def reconciliation_workbook(rec: Reconciliation) -> bytes:
    """Sheets selisih, hanya_bkn, hanya_data, ringkasan, temuan (the official file's findings, then
    the export's), rekap_baris and rekap_kolom (both inputs) and aturan."""
    result, official = rec.result, rec.official
    findings = pd.concat([_with_side(official.findings, "hasil resmi BKN"), _with_side(result.findings, "ekspor")],
                         ignore_index=True)
    rows = pd.concat([_with_side(official.accounting, "hasil resmi BKN"),
                      _with_side(result.dataset.accounting, "ekspor")], ignore_index=True)
    columns = pd.concat([_with_side(official.column_use, "hasil resmi BKN"),
                         _with_side(result.dataset.column_use, "ekspor")], ignore_index=True)
    return workbook_bytes({
        "selisih": rec.selisih, "hanya_bkn": rec.hanya_bkn, "hanya_data": rec.hanya_data,
        "ringkasan": rec.ringkasan, "temuan": findings, "rekap_baris": rows, "rekap_kolom": columns,
        "aturan": rules_table(result),
    }, title=f"Rekonsiliasi IP ASN {result.period.tahun}: hasil resmi BKN dan ekspor", widths=WIDTHS)
