"""Integer keys for combinations of column values.

Finding duplicate rows or the distinct combinations of a few columns over tens of millions of rows
is hashing one int64 column, not tuples of Python objects.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

_LIMIT = 2 ** 62


def _codes(column: pd.Series | np.ndarray) -> tuple[np.ndarray, int]:
    """Non-negative codes of a column and a bound on them, without hashing where the data allows:
    categoricals have codes, integers in a narrow range are their own codes."""
    if isinstance(column, pd.Series) and isinstance(column.dtype, pd.CategoricalDtype):
        return column.cat.codes.to_numpy().astype(np.int64) + 1, len(column.cat.categories) + 1  # NaN: 0
    values = column.to_numpy() if isinstance(column, pd.Series) else np.asarray(column)
    if values.dtype.kind in "iu" and len(values):
        low, high = int(values.min()), int(values.max())
        if high - low < 2 ** 32:
            return values.astype(np.int64) - low, high - low + 1
    codes, uniques = pd.factorize(column, use_na_sentinel=False)
    return codes.astype(np.int64, copy=False), len(uniques) + 1


def combination_key(columns: Iterable[pd.Series | np.ndarray]) -> np.ndarray:
    """One int64 per row, equal exactly where the rows are equal in every column (missing values
    equal one another, as in `DataFrame.duplicated`)."""
    key, size = None, 1
    for column in columns:
        codes, width = _codes(column)
        if key is None:
            key, size = codes, width
            continue
        if size * width >= _LIMIT:  # renumber what we have densely before it could overflow
            key, seen = pd.factorize(key)
            size = len(seen) + 1
        key, size = key * width + codes, size * width
    return np.zeros(0, dtype=np.int64) if key is None else key


def dense(key: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """Renumber keys 0..k-1 in order of first appearance; also return each number's first row."""
    codes, uniques = pd.factorize(key)
    first = np.full(len(uniques), len(codes), dtype=np.int64)
    np.minimum.at(first, codes, np.arange(len(codes)))
    return codes, first


def duplicated(key: np.ndarray, rows: np.ndarray, keep: str | bool = "first") -> np.ndarray:
    """Among `rows` (a mask), which repeat an earlier row's key (or, keep=False, share a key).

    Repeats are rare: a sort (fast for int64) finds the repeated keys, and only the rows holding one
    are hashed."""
    out = np.zeros(len(key), dtype=bool)
    picked = np.flatnonzero(rows)
    ordered = np.sort(key[picked])
    repeated = np.unique(ordered[1:][ordered[1:] == ordered[:-1]])
    if len(repeated):
        candidates = picked[pd.Index(repeated).get_indexer(key[picked]) >= 0]
        out[candidates] = pd.Series(key[candidates]).duplicated(keep=keep).to_numpy()
    return out
