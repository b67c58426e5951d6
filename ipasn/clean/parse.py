"""Parsers over whole columns, and the ones for plain text and numbers.

Every parser takes one raw value and returns `(value, problem)`, where `problem` is None or a key of
`PROBLEMS`. `parse_series` applies a parser to the distinct values of a column only, so a national
table with millions of rows costs one call per distinct spelling.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from ipasn.clean.problems import PROBLEM_CODES, PROBLEM_INDEX
from ipasn.missing import is_blank

Parser = Callable[[Any], tuple[Any, "str | None"]]


def _factorize(values: pd.Series) -> tuple[np.ndarray, list]:
    """Codes and distinct values. Text read from parquet stays in Arrow for this: turning 13 million
    cells into Python strings first would cost seconds and gigabytes."""
    if isinstance(values.dtype, pd.CategoricalDtype):  # read from parquet as a dictionary
        return values.cat.codes.to_numpy(), values.cat.categories.tolist()
    if isinstance(values.dtype, pd.StringDtype):
        codes, uniques = pd.factorize(values, use_na_sentinel=True)
        return codes, list(uniques)
    values = values.astype(object)
    codes, uniques = pd.factorize(values, use_na_sentinel=True)
    if any(not isinstance(u, str) for u in uniques):
        # 1, 1.0 and True are one value to a hash table, but not as text ("1", "1.0", "True"): tell
        # them apart by type (Excel cells only: parquet and CSV text never gets here).
        codes, tagged = pd.factorize(pd.Series([(type(v), v) for v in values], dtype=object),
                                     use_na_sentinel=False)
        missing = [i for i, (_, v) in enumerate(tagged) if is_blank(v) and not isinstance(v, str)]
        uniques = [v for _, v in tagged]
        if missing:  # keep the parser's view of a missing cell: parser(None) at code -1
            codes = np.where(np.isin(codes, missing), -1, codes)
    return codes, list(uniques)


def parse_series(values: pd.Series, parser: Parser, dtype: str | None = None) -> tuple[pd.Series, pd.Series]:
    """Apply `parser` to each distinct value; return (parsed values, problem codes or missing, as a
    categorical of PROBLEM_CODES: testing and replacing codes on millions of rows is integer work).

    `dtype` is that of the parsed values (None: as pandas infers it from them); it is applied to the
    distinct results before they are spread over the rows, so "category", "datetime64[ns]" or
    "float64" cost a take, not a conversion of millions of Python objects."""
    return parse_series_each(values, (parser, dtype))[0]


def parse_series_each(values: pd.Series, *specs: tuple[Parser, str | None]) -> list[tuple[pd.Series, pd.Series]]:
    """`parse_series` with several (parser, dtype) over one column, which is factorized once."""
    codes, uniques = _factorize(values)
    out = []
    for parser, dtype in specs:
        results = [parser(u) for u in uniques] + [parser(None)]  # code -1 takes the last: missing
        parsed = pd.Series([value for value, _ in results], dtype=dtype)
        problems = np.array([-1 if p is None else PROBLEM_INDEX[p] for _, p in results], dtype=np.int8)
        out.append((parsed.take(codes).set_axis(values.index),
                    pd.Series(pd.Categorical.from_codes(problems[codes], dtype=PROBLEM_CODES), index=values.index)))
    return out


def as_text(value: Any) -> str:
    """How a raw value is quoted back to the user in a finding."""
    if is_blank(value):
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, (dt.datetime, pd.Timestamp)):
        return value.strftime("%d-%m-%Y")
    return str(value)


# Control characters, and the invisible ones copy-paste leaves (zero-width space, BOM), which would
# otherwise make "Dinas A" and "Dinas A" with a zero-width space two different units.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b-\u200d\u2060\ufeff]")


def clean_text(value: Any) -> str:
    """Names and units as text: whitespace runs become one space; control characters (NUL, bell,
    escape...) and zero-width characters are dropped, since no document format can show them and
    xlsx refuses the former."""
    if is_blank(value):
        return ""
    return re.sub(r"\s+", " ", _CONTROL.sub("", str(value))).strip()


def cleaned(value: Any) -> tuple[str, None]:
    """`clean_text` as a parser (text is never a problem)."""
    return clean_text(value), None


def quoted(value: Any) -> tuple[str, None]:
    """`as_text` as a parser."""
    return as_text(value), None


# Invisible characters (zero-width space, BOM) that copy-paste leaves in a cell count as separators.
INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"


def parse_number(value: Any) -> tuple[float | None, str | None]:
    """A number as Excel or an Indonesian text gives it ("22,5", "1.234,5")."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "ANGKA_TIDAK_VALID"
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return (number, None) if math.isfinite(number) else (None, "ANGKA_TIDAK_VALID")
    text = re.sub(f"[\\s{INVISIBLE}]+", "", str(value))  # "1 234,5", non-breaking spaces
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None, "ANGKA_TIDAK_VALID"
    return (number, None) if math.isfinite(number) else (None, "ANGKA_TIDAK_VALID")


# No single training lasts more than this many JP. The regulation sets no bound; this is a sanity
# bound against typing errors and overflowing cells (1e303), far above LAN's longest programmes (the
# national leadership trainings run to a few hundred JP; 1,000 JP of 45 minutes is 750 hours, some
# five months full time). A larger value is rejected with JP_TIDAK_WAJAR rather than capped: a
# capped 1,000 would still be an invented number.
JP_MAKS = 1000


def parse_jp(value: Any) -> tuple[float | None, str | None]:
    number, problem = parse_number(value)
    if problem:
        return None, "JP_TIDAK_VALID"
    if number is not None and number < 0:
        return None, "JP_NEGATIF"
    if number is not None and number > JP_MAKS:
        return None, "JP_TIDAK_WAJAR"
    return number, None
