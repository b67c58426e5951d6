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
    """Collects findings for one sheet; vectorised: one call records a whole mask of rows."""

    def __init__(self, file: str, sheet: str) -> None:
        self.file, self.sheet = file, sheet
        self._parts: list[pd.DataFrame] = []

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
        part = pd.DataFrame({
            "berkas": self.file,
            "lembar": self.sheet,
            "baris": rows["_row"][mask].astype("int64"),
            "kolom": column,
            "nilai": values.astype(object).map(as_text).astype(object),
            "masalah": code.map(PROBLEMS).astype(object),
            "kode": code.astype(object),
            "nip": (nip[mask] if nip is not None else pd.Series(None, index=index)).astype(object),
            "ditolak": rejected,
            "berdampak": ~code.isin(HARMLESS).to_numpy(),
        })
        self._parts.append(part)

    def frame(self) -> pd.DataFrame:
        if not self._parts:
            return empty()
        return pd.concat(self._parts, ignore_index=True)


def combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f for f in frames if len(f)]
    if not frames:
        return empty()
    # Frames come in sheet order (pegawai, diklat, kinerja, hukdis); keep it, rows ascending within.
    out = pd.concat(frames, keys=range(len(frames)), names=["_sheet", None]).reset_index(level=0)
    out = out.sort_values(["_sheet", "baris"], kind="stable").drop(columns="_sheet")
    return out.reset_index(drop=True)
