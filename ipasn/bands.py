"""Half-open banded scales (kinerja points, categories), vectorised."""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

if TYPE_CHECKING:
    from ipasn.ruleset import Ruleset


def band_points(values: pd.Series, bands, attribute: str) -> np.ndarray:
    """Look up a half-open banded scale: the first band whose lower bound the value exceeds."""
    v = values.to_numpy(dtype="float64", na_value=np.nan)
    conditions = [v > b.lebih_dari for b in bands[:-1]]
    choices = [getattr(b, attribute) for b in bands[:-1]]
    return np.select(conditions, choices, default=getattr(bands[-1], attribute))


def categorize(values: pd.Series, rules: Ruleset) -> pd.Series:
    """Category of each value (person, unit mean, or a dimension normalised to 100); NaN stays empty."""
    names = band_points(values, rules.kategori, "nama").astype(object)
    return pd.Series(np.where(values.isna().to_numpy(), None, names), index=values.index, dtype=object)
