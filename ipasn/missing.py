"""What counts as no value, in one place: for cells, parsed values and numbers to format.

A missing value is None, pandas' NA and NaT, or a float NaN; a blank one is missing or text of white
space only (an empty Excel or CSV cell as the readers give it).
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd


def is_missing(value: Any) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def is_blank(value: Any) -> bool:
    return is_missing(value) or (isinstance(value, str) and not value.strip())
