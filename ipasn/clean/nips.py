"""NIPs: one raw cell to its 18 digits or a problem; whole columns to int64 keys and back.
"""

from __future__ import annotations

import re
import unicodedata
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ipasn.clean.parse import INVISIBLE, parse_series
from ipasn.missing import is_blank

_NIP_SEPARATORS = re.compile(f"[\\s.\\-'{INVISIBLE}]")
_SCIENTIFIC = re.compile(r"\d+([.,]\d+)?[eE][+]?\d+")


def parse_nip(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, "NIP_KOSONG"
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return None, "NIP_ANGKA"
    if _SCIENTIFIC.fullmatch(str(value).strip()):  # "1,98503E+17": a number that became text
        return None, "NIP_ANGKA"
    # NFKC turns full-width and superscript digits into ASCII ones; other scripts' digits stay and
    # are refused, as BKN's systems know only ASCII NIPs.
    text = unicodedata.normalize("NFKC", _NIP_SEPARATORS.sub("", str(value)))
    if len(text) != 18 or not (text.isascii() and text.isdigit()):
        return None, "NIP_TIDAK_VALID"
    return text, None


def _plain_nips(text) -> np.ndarray:
    """Which cells are exactly 18 ASCII digits (18 bytes, every one a digit)."""
    plain = pc.and_(pc.equal(pc.binary_length(text), 18), pc.ascii_is_decimal(text))
    return pc.fill_null(plain, False).to_numpy(zero_copy_only=False)


NO_KEY = -1  # the key of a cell that holds no valid NIP


def parse_nip_keys(values: pd.Series) -> tuple[np.ndarray, pd.Series]:
    """`parse_nip` over a column, as int64 keys (an 18-digit NIP fits exactly; NO_KEY where there is
    a problem) and problem codes. Nearly every NIP is distinct, so one Python call per value would
    cost a minute nationally: text cells that already are 18 ASCII digits (which `parse_nip` returns
    unchanged) are recognised in Arrow, and only the rest go through `parse_nip`."""
    keys = np.full(len(values), NO_KEY, dtype=np.int64)
    problem = np.full(len(values), None, dtype=object)
    text = _arrow_text(values)
    if text is None:
        plain = np.zeros(len(values), dtype=bool)
    else:
        plain = _plain_nips(text)
        digits = text if plain.all() else text.filter(pa.array(plain))  # no copy in the usual export
        keys[plain] = pc.cast(digits, pa.int64()).to_numpy(zero_copy_only=False)
    if not plain.all():
        other = ~plain
        parsed, problems = parse_series(values[other], parse_nip)
        problems = problems.to_numpy(dtype=object, na_value=None)
        keys[other] = [NO_KEY if p else int(v) for v, p in zip(parsed, problems)]
        problem[other] = problems
    return keys, pd.Series(problem, index=values.index, dtype=object, copy=False)


def nip_text(keys: np.ndarray) -> pd.Series:
    """NIP keys back to their 18-digit text (None for NO_KEY), as Python strings."""
    valid = keys != NO_KEY
    text = pc.utf8_lpad(pc.cast(pa.array(keys, mask=~valid), pa.string()), 18, "0")
    return pd.Series(text.to_numpy(zero_copy_only=False), dtype=object)


def nip_keys(nip: pd.Series) -> np.ndarray | None:
    """Loaded NIPs (18 digits) as int64 keys; None when a value is no such NIP (hand-made tables)."""
    if not len(nip):
        return np.zeros(0, dtype=np.int64)
    text = _arrow_text(nip)
    if text is None or text.null_count or not _plain_nips(text).all():
        return None
    return pc.cast(text, pa.int64()).to_numpy(zero_copy_only=False)


def _arrow_text(values: pd.Series):
    """The column as an Arrow string array when every cell is text or empty; None otherwise (numbers
    or dates in an object column from Excel keep the per-value path)."""
    try:
        return pa.array(values, type=pa.large_string(), from_pandas=True)
    except pa.ArrowException:
        return None


def gender_from_keys(keys: np.ndarray) -> np.ndarray:
    """Gender from NIP keys: digit 15 of the 18 (1 laki-laki, 2 perempuan) is (key // 1000) % 10."""
    digit = (keys // 1000) % 10
    out = np.full(len(keys), None, dtype=object)
    out[digit == 1], out[digit == 2] = "L", "P"
    return out
