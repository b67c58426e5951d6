"""Half-open banded scales (kinerja points, categories), vectorised."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ipasn.ruleset import Ruleset


def band_index(values: pd.Series | np.ndarray, bands) -> np.ndarray:
    """Index of the first band whose lower bound the value exceeds (the last band otherwise, and for
    missing values)."""
    v = np.asarray(values.to_numpy(dtype="float64", na_value=np.nan) if isinstance(values, pd.Series)
                   else values, dtype="float64")
    index = np.full(len(v), len(bands) - 1, dtype=np.intp)
    for i in range(len(bands) - 2, -1, -1):  # the earliest band that holds wins
        index[v > bands[i].lebih_dari] = i
    return index


def band_points(values: pd.Series | np.ndarray, bands, attribute: str) -> np.ndarray:
    """Look up a half-open banded scale: the first band whose lower bound the value exceeds."""
    table = [getattr(b, attribute) for b in bands]
    dtype = object if any(isinstance(t, str) for t in table) else "float64"
    return np.array(table, dtype=dtype)[band_index(values, bands)]


def categorize(values: pd.Series, rules: Ruleset) -> pd.Series:
    """Category of each value (person, unit mean, or a dimension normalised to 100); NaN stays empty."""
    names = band_points(values, rules.kategori, "nama")
    names[values.isna().to_numpy()] = None
    return pd.Series(names, index=values.index, dtype=object)
