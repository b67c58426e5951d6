"""Findings: every input row with a problem, located the way the analyst sees it in Excel."""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.normalize import HARMLESS, PROBLEMS, as_text

COLUMNS = ["berkas", "lembar", "baris", "kolom", "nilai", "masalah", "kode", "nip", "ditolak",
           "berdampak"]


def empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS}).astype(
        {"baris": "int64", "ditolak": bool, "berdampak": bool}
    )


class FindingLog:
    """Collects findings for one table; vectorised: one call records a whole mask of rows.

    A table stacked from several sheets names each row's sheet in `_src`, an index into `sources`
    ((file, sheet) pairs); findings then say which file and sheet, and sort in that order."""

    def __init__(self, file: str, sheet: str, sources: list[tuple[str, str]] | None = None) -> None:
        self.file, self.sheet = file, sheet
        self.sources = sources
        self._parts: list[pd.DataFrame] = []

    def _where(self, rows: pd.DataFrame, mask: np.ndarray) -> tuple[object, object, object]:
        if not self.sources or "_src" not in rows:
            return self.file, self.sheet, 0
        src = rows["_src"].to_numpy()[mask]
        files = np.array([f for f, _ in self.sources], dtype=object)
        sheets = np.array([s for _, s in self.sources], dtype=object)
        return files[src], sheets[src], src

    def add(self, rows: pd.DataFrame, mask: pd.Series | np.ndarray, column: str,
            codes: pd.Series | str, *, rejected: bool, raw: pd.Series | None = None,
            nip: pd.Series | None = None) -> None:
        """Record one finding for each row of `rows` where `mask` holds."""
        mask = np.asarray(mask, dtype=bool)
        if not mask.any():
            return
        index = rows.index[mask]  # only the flagged rows are copied: a sheet may have millions
        code = codes[mask] if isinstance(codes, pd.Series) else pd.Series(codes, index=index)
        values = (raw if raw is not None else rows[column] if column in rows else
                  pd.Series("", index=rows.index))[mask]
        file, sheet, src = self._where(rows, mask)
        part = pd.DataFrame({
            "berkas": file,
            "lembar": sheet,
            "baris": rows["_row"][mask].astype("int64"),
            "kolom": column,
            "nilai": values.astype(object).map(as_text).astype(object),
            "masalah": code.map(PROBLEMS).astype(object),
            "kode": code.astype(object),
            "nip": (nip[mask] if nip is not None else pd.Series(None, index=index)).astype(object),
            "ditolak": rejected,
            "berdampak": ~code.isin(HARMLESS).to_numpy(),
            "_src": src,
        })
        self._parts.append(part)

    def frame(self) -> pd.DataFrame:
        if not self._parts:
            return empty()
        return pd.concat(self._parts, ignore_index=True)


def combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f.assign(_src=f["_src"] if "_src" in f else 0) for f in frames if len(f)]
    if not frames:
        return empty()
    # Frames come in table order (pegawai, diklat, kinerja, hukdis); keep it, then each table's sheets
    # in reading order, rows ascending within.
    out = pd.concat(frames, keys=range(len(frames)), names=["_sheet", None]).reset_index(level=0)
    out = out.sort_values(["_sheet", "_src", "baris"], kind="stable").drop(columns=["_sheet", "_src"])
    return out.reset_index(drop=True)
