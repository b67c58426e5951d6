"""Accounting for every sheet and column: rows read, used and with findings; sheet-level findings.
"""

from __future__ import annotations

import pandas as pd

from ipasn.clean import findings as fnd
from ipasn.clean.columns import RawTable
from ipasn.clean.dataset import ABSENT_MEANS
from ipasn.clean.problems import HARMLESS, PROBLEMS
from ipasn.input import Sources
from ipasn.input.schema import TABLES


def sheet_accounting(sources: Sources, found: pd.DataFrame, absent: dict[str, bool]) -> pd.DataFrame:
    """One line per sheet or file seen: what it was read as, and its rows: read = used + with findings."""
    def rows_per_sheet(frame: pd.DataFrame) -> pd.Series:
        return frame.drop_duplicates(["berkas", "lembar", "baris"]).groupby(["berkas", "lembar"]).size()

    flagged_rows, rejected_rows = rows_per_sheet(found), rows_per_sheet(found[found["ditolak"]])
    rows = []
    for sheet in sorted(sources.sheets, key=lambda s: TABLES.index(s.table)):
        flagged = int(flagged_rows.get((sheet.file, sheet.sheet), 0))
        read = len(sheet)
        rows.append({"peran": sheet.role, "berkas": sheet.file, "lembar": sheet.sheet, "dibaca": read,
                     "dipakai": read - flagged, "bermasalah": flagged,
                     "ditolak": int(rejected_rows.get((sheet.file, sheet.sheet), 0)),
                     "keterangan": sheet.note})
    for skipped in sources.skipped:
        rows.append({"peran": "", "berkas": skipped.file, "lembar": skipped.sheet, "dibaca": 0, "dipakai": 0,
                     "bermasalah": 0, "ditolak": 0, "keterangan": f"tidak dibaca: {skipped.reason}"})
    for table, declared in absent.items():  # a table no input holds: no file, no sheet
        said = "dinyatakan sengaja tidak ada" if declared else "TIDAK ADA; tidak ada skor yang dianggap lengkap"
        rows.append({"peran": table, "berkas": "", "lembar": "", "dibaca": 0, "dipakai": 0, "bermasalah": 0,
                     "ditolak": 0, "keterangan": f"{said}: {ABSENT_MEANS[table]}"})
    columns = ["peran", "berkas", "lembar", "dibaca", "dipakai", "bermasalah", "ditolak", "keterangan"]
    return pd.DataFrame(rows, columns=columns).astype(
        {"dibaca": "int64", "dipakai": "int64", "bermasalah": "int64", "ditolak": "int64"})


def column_accounting(sources: Sources) -> pd.DataFrame:
    """Every titled column of every sheet read: the column it is read as, or why it is not used."""
    rows = []
    for sheet in sources.sheets:
        rows += [{"berkas": sheet.file, "lembar": sheet.sheet, "kolom": header, "dibaca_sebagai": name,
                  "keterangan": ""} for name, header in sheet.headers.items()]
        rows += [{"berkas": sheet.file, "lembar": sheet.sheet, "kolom": header, "dibaca_sebagai": "",
                  "keterangan": why} for header, why in sheet.ignored]
    return pd.DataFrame(rows, columns=["berkas", "lembar", "kolom", "dibaca_sebagai", "keterangan"])


def _finding_rows(rows: list[dict]) -> pd.DataFrame:
    """Findings written out one by one (few: about sheets and cells rather than rows)."""
    if not rows:
        return fnd.empty()
    out = pd.DataFrame(rows)
    out["masalah"] = out["kode"].map(PROBLEMS)
    out["nip"] = None
    out["berdampak"] = ~out["kode"].isin(HARMLESS)
    return out[[*fnd.COLUMNS, "_src"]].astype({"baris": "int64", "ditolak": bool, "berdampak": bool})


def with_error_cells(table: RawTable, found: pd.DataFrame) -> pd.DataFrame:
    """A table's findings with its Excel error cells first (most tables have none: nothing to join)."""
    if not any(sheet.errors for sheet in table.sheets):
        return found
    return pd.concat([_error_cells(table), found], ignore_index=True)


def _error_cells(table: RawTable) -> pd.DataFrame:
    """Excel error values that the reader turned into empty cells (the empty value has its own
    finding where it matters)."""
    return _finding_rows([
        {"berkas": sheet.file, "lembar": sheet.sheet, "baris": row, "kolom": column, "nilai": value,
         "kode": "GALAT_EXCEL", "ditolak": False, "_src": i}
        for i, sheet in enumerate(table.sheets) for row, column, value in sheet.errors])


def sheet_findings(sources: Sources, absent: dict[str, bool]) -> pd.DataFrame:
    """Sheets that look like data but fit no table, and history tables that no input holds."""
    rows = [{"berkas": s.file, "lembar": s.sheet, "baris": s.header_row or 0, "kolom": "", "nilai": s.reason,
             "kode": "LEMBAR_TIDAK_DIKENALI", "ditolak": True, "_src": 0} for s in sources.skipped if s.finding]
    rows += [{"berkas": sources.label, "lembar": table, "baris": 0, "kolom": "", "nilai": ABSENT_MEANS[table],
              "kode": "LEMBAR_TIDAK_ADA", "ditolak": False, "_src": 0}
             for table, declared in absent.items() if not declared]
    return _finding_rows(rows)
