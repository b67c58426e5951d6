"""Joining history rows to the employees being measured, at national scale.

Twenty million history rows are matched to four million employees by integer work: loaded rows name
their employee's row in the pegawai table, and every NIP is also an int64 key.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.clean.nips import nip_keys


def nip_keys_of(table: pd.DataFrame) -> np.ndarray | None:
    """The NIP keys of a table: its `_nip` as loaded, else (rows added by hand left gaps, which make
    the column float and so inexact) derived from the NIP text."""
    if "_nip" in table and table["_nip"].dtype == np.int64:
        return table["_nip"].to_numpy()
    return nip_keys(table["nip"])


class MeasuredEmployees:
    """The employees being measured, as a lookup from history rows: where each row's employee stands
    among the measured ones (-1: not measured).

    Loaded history rows carry `_pegawai`, their employee's row in the pegawai table, and `_nip`, the
    NIP as an int64 key: the row number is used when the keys confirm it (a table filtered after
    loading no longer matches), else the keys are joined by integer hashing; tables made by hand
    without either are joined on the NIP text."""

    def __init__(self, pegawai: pd.DataFrame, measured: np.ndarray) -> None:
        self._size = int(measured.sum())
        self._measured_at = np.where(measured, np.cumsum(measured) - 1, -1)  # pegawai row -> measured row
        self._pegawai_keys = nip_keys_of(pegawai)
        self._nip = pegawai.loc[measured, "nip"]
        keys = None if self._pegawai_keys is None else self._pegawai_keys[measured]
        self._by_key = None if keys is None else pd.Index(keys, dtype="int64")
        self._by_text: pd.Index | None = None

    def __len__(self) -> int:
        return self._size

    def measured_rows(self, table: pd.DataFrame) -> np.ndarray:
        """Per row of `table`: its employee's row among the measured ones (-1: not measured)."""
        keys = nip_keys_of(table) if self._by_key is not None else None  # derived once: may be costly
        if keys is not None:
            row = self._pegawai_row(table, keys)
            if row is not None:
                return self._measured_at[row]
            return self._by_key.get_indexer(keys)
        if self._by_text is None:
            self._by_text = pd.Index(self._nip.to_numpy(object))
        return self._by_text.get_indexer(table["nip"].to_numpy(object))

    def _pegawai_row(self, table: pd.DataFrame, keys: np.ndarray) -> np.ndarray | None:
        """The rows' `_pegawai` hints, if every one names the employee with the row's key."""
        if "_pegawai" not in table or table["_pegawai"].dtype.kind not in "iu":
            return None
        row = table["_pegawai"].to_numpy(np.intp)
        if len(row) and (row.min() < 0 or row.max() >= len(self._pegawai_keys)):
            return None
        return row if np.array_equal(self._pegawai_keys[row], keys) else None

    def has_any_row(self, rows: np.ndarray, mask: np.ndarray | None = None) -> np.ndarray:
        """Per measured employee: whether any history row (where `mask`) is theirs; `rows` as
        `measured_rows` gives them, and those picked must all be >= 0."""
        out = np.zeros(len(self), dtype=bool)
        out[rows[mask] if mask is not None else rows] = True
        return out
