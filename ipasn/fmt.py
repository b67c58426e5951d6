"""Indonesian number and date formatting (decimal comma, thousands dot), through Babel's CLDR data."""

from __future__ import annotations

import datetime as dt
import decimal
from functools import lru_cache

from babel.dates import format_date
from babel.numbers import format_decimal, format_percent

from ipasn.missing import is_missing

LOCALE = "id_ID"
EMPTY = "–"


def _as_shown(value: float) -> decimal.Decimal:
    """The float as its shortest decimal text, so 71.585 rounds the way a spreadsheet shows it."""
    return decimal.Decimal(repr(float(value)))


def _rounding_half_up():
    return decimal.localcontext(rounding=decimal.ROUND_HALF_UP)


@lru_cache(maxsize=65536)
def number(value: float | None, decimals: int = 2, *, trim: bool = False) -> str:
    """1234.5 -> "1.234,50"; with trim, trailing zeros go: 22.5 -> "22,5", 15.0 -> "15"."""
    if is_missing(value):
        return EMPTY
    pattern = "#,##0." + ("#" if trim else "0") * decimals if decimals else "#,##0"
    with _rounding_half_up():
        return format_decimal(_as_shown(value), format=pattern, locale=LOCALE)


def rounded(value: float, decimals: int = 2) -> float:
    """The value as `number` shows it (half up on its shortest decimal text): what a sentence that
    compares shown numbers compares; NaN for a missing value."""
    if is_missing(value):
        return float("nan")
    with _rounding_half_up():
        return float(_as_shown(value).quantize(decimal.Decimal(1).scaleb(-decimals)))


def signed(value: float, decimals: int = 2) -> str:
    """+1,20, −0,35 (a real minus sign), 0,00."""
    if is_missing(value):
        return EMPTY
    text = number(abs(value), decimals)
    return f"+{text}" if rounded(value, decimals) > 0 else (f"−{text}" if rounded(value, decimals) < 0 else text)


def points(value: float | None) -> str:
    """Points as the regulation writes them: 15, 22,5."""
    return number(value, 2, trim=True)


def integer(value: int | None) -> str:
    return EMPTY if is_missing(value) else format_decimal(value, format="#,##0", locale=LOCALE)


def percent(fraction: float | None, decimals: int = 2) -> str:
    """0.9544 -> "95,44%"."""
    if is_missing(fraction):
        return EMPTY
    with _rounding_half_up():
        return format_percent(_as_shown(fraction), format="#,##0." + "0" * decimals + "%",
                              locale=LOCALE)


def date(value: dt.date | None) -> str:
    """31 Desember 2022."""
    if value is None:
        return EMPTY
    return format_date(value, format="d MMMM y", locale=LOCALE)
