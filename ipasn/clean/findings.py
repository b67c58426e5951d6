"""Findings: every input row with a problem, located the way the analyst sees it in Excel.

Besides the columns an analyst reads (COLUMNS), a loaded finding carries internal columns (CONTEXT,
names starting with "_") that say what the row would have fed into scoring: its table, its kind of
training, the earliest and latest date it can have, its assessment year. `ipasn.scoring.score` and
`reference.py` use them to decide whether the finding could change this year's score (RULES.md
"Completeness"); a finding without them could always matter. They are never written out:
`public()` drops them.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.clean.parse import as_text, parse_series, quoted
from ipasn.clean.problems import HARMLESS, PROBLEMS

COLUMNS = ["berkas", "lembar", "baris", "kolom", "nilai", "masalah", "kode", "nip", "ditolak",
           "berdampak"]
# _tabel: pegawai/diklat/kinerja/hukdis; _nip: the NIP key (-1 none, NA: not known); _jenis: the training's kind;
# _dari/_sampai: the earliest/latest date the row can have (NaT: unknown); _tahun: assessment year.
CONTEXT = {"_tabel": "object",
           "_nip": "Int64",  # nullable: stays exact when concatenated with findings that lack it
           "_jenis": "object", "_dari": "datetime64[ns]", "_sampai": "datetime64[ns]", "_tahun": "float64"}


def empty() -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=object) for c in COLUMNS}).astype(
        {"baris": "int64", "ditolak": bool, "berdampak": bool}
    )


def public(findings: pd.DataFrame) -> pd.DataFrame:
    """The findings as written and shown: without the internal columns."""
    return findings[[c for c in findings.columns if not c.startswith("_")]]


class FindingLog:
    """Collects findings for one table; vectorised: one call records a whole mask of rows.

    A table stacked from several sheets names each row's sheet in `_src`, an index into `sources`
    ((file, sheet) pairs); findings then say which file and sheet, and sort in that order."""

    def __init__(self, file: str, sheet: str, sources: list[tuple[str, str]] | None = None) -> None:
        self.file, self.sheet = file, sheet
        self.sources = sources
        self._parts: list[pd.DataFrame] = []
        self._at: list[np.ndarray] = []

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
            "nilai": parse_series(values.astype(object), quoted, object)[0],  # once per distinct value
            "masalah": code.map(PROBLEMS).astype(object),
            "kode": code.astype(object),
            "nip": (nip[mask] if nip is not None else pd.Series(None, index=index)).astype(object),
            "ditolak": rejected,
            "berdampak": ~code.isin(HARMLESS).to_numpy(),
            "_src": src,
        })
        self._parts.append(part)
        self._at.append(np.asarray(index))

    def frame(self, context: dict | None = None, index: pd.Index | None = None) -> pd.DataFrame:
        """The findings in the order recorded; with `context` (names of CONTEXT -> one value for
        every row, or one per row of the table whose index is `index`, in its order), each finding
        carries its row's context."""
        if not self._parts:
            out = empty()
            return out if context is None else out.assign(**{c: pd.Series(dtype=CONTEXT[c]) for c in context})
        out = pd.concat(self._parts, ignore_index=True)
        if context is not None:
            at = np.concatenate(self._at)  # the rows' index labels
            if index is not None and not index.equals(pd.RangeIndex(len(index))):
                at = index.get_indexer(at)
            for column, values in context.items():
                if np.ndim(values) == 0:  # the same for every row
                    out[column] = pd.Series(values, index=out.index, dtype=CONTEXT[column])
                else:  # only the flagged rows are taken: a sheet may have millions
                    taken = values.take(at) if isinstance(values, pd.Series) else np.asarray(values)[at]
                    out[column] = pd.Series(np.asarray(taken, dtype=object if column == "_jenis" else None),
                                            index=out.index).astype(CONTEXT[column])
        return out


def combine(frames: list[pd.DataFrame]) -> pd.DataFrame:
    frames = [f.assign(_src=f["_src"] if "_src" in f else 0) for f in frames if len(f)]
    if not frames:
        return empty()
    # Frames come in table order (pegawai, diklat, kinerja, hukdis); keep it, then each table's sheets
    # in reading order, rows ascending within.
    out = pd.concat(frames, keys=range(len(frames)), names=["_sheet", None]).reset_index(level=0)
    out = out.sort_values(["_sheet", "_src", "baris"], kind="stable").drop(columns=["_sheet", "_src"])
    return out.reset_index(drop=True)


__all__ = ["COLUMNS", "CONTEXT", "FindingLog", "as_text", "combine", "empty", "public"]
