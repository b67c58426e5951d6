"""Integer keys for combinations of column values.

Finding duplicate rows or the distinct combinations of a few columns over tens of millions of rows
is hashing one int64 column, not tuples of Python objects.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

_LIMIT = 2 ** 62


def combination_key(columns: Iterable[pd.Series | np.ndarray]) -> np.ndarray:
    """One int64 per row, equal exactly where the rows are equal in every column (missing values
    equal one another, as in `DataFrame.duplicated`)."""
    key, size = None, 1
    for column in columns:
        codes, uniques = pd.factorize(column, use_na_sentinel=False)
        width = len(uniques) + 1
        if key is None:
            key, size = codes.astype(np.int64), width
            continue
        if size * width >= _LIMIT:  # renumber what we have densely before it could overflow
            key, seen = pd.factorize(key)
            size = len(seen) + 1
        key, size = key * width + codes, size * width
    return np.zeros(0, dtype=np.int64) if key is None else key


def dense(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber keys 0..k-1 in order of first appearance; also return each number's first row."""
    codes, uniques = pd.factorize(key)
    first = np.empty(len(uniques), dtype=np.int64)
    first[codes[::-1]] = np.arange(len(codes) - 1, -1, -1)  # the last write, the first row, wins
    return codes, first


def duplicated(key: np.ndarray, rows: np.ndarray, keep: str | bool = "first") -> np.ndarray:
    """Among `rows` (a mask), which repeat an earlier row's key (or, keep=False, share a key)."""
    out = np.zeros(len(key), dtype=bool)
    picked = np.flatnonzero(rows)
    out[picked] = pd.Series(key[picked]).duplicated(keep=keep).to_numpy()
    return out
