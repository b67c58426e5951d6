"""Dates and years as HR exports write them: Excel serials, date cells, Indonesian month names, bare years.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import numpy as np
import pandas as pd

from ipasn.clean import vocab
from ipasn.clean.parse import INVISIBLE, as_text, parse_number
from ipasn.missing import is_blank

_EXCEL_EPOCH = dt.datetime(1899, 12, 30)
_MONTHS = {
    "JANUARI": 1, "JAN": 1, "FEBRUARI": 2, "FEB": 2, "PEBRUARI": 2, "MARET": 3, "MAR": 3,
    "APRIL": 4, "APR": 4, "MEI": 5, "JUNI": 6, "JUN": 6, "JULI": 7, "JUL": 7, "AGUSTUS": 8,
    "AGU": 8, "AGS": 8, "AUG": 8, "SEPTEMBER": 9, "SEP": 9, "SEPT": 9, "OKTOBER": 10, "OKT": 10,
    "OCT": 10, "NOVEMBER": 11, "NOV": 11, "NOPEMBER": 11, "DESEMBER": 12, "DES": 12, "DEC": 12,
    "MAY": 5,
}
_DATE_FORMATS = ("%d-%m-%Y", "%d/%m/%Y", "%d.%m.%Y", "%Y-%m-%d", "%Y/%m/%d", "%Y-%m-%d %H:%M:%S",
                 "%Y-%m-%dT%H:%M:%S", "%d-%m-%Y %H:%M:%S", "%d/%m/%Y %H:%M:%S")


# Dates outside these years are typing errors ("01-06-0222", "2922"), and pandas cannot hold
# years beyond 2262 at all: they are TANGGAL_TIDAK_VALID rather than a crash or a silent misdate.
DATE_YEARS = (1900, 2200)
_SERIAL_TEXT = re.compile(r"\d{5}(\.\d+)?")
_TIME_SUFFIX = re.compile(r"[ T]+\d{1,2}[:.]\d{2}([:.]\d{2}([.,]\d+)?)?\s*([AP]M|WIB|WITA|WIT)?\s*$", re.I)
_SHORT_YEAR = re.compile(r"(\d{1,2})[-/.](\d{1,2})[-/.](\d{2})")


def _full_year(year: str) -> int | None:
    """Two-digit years the way Excel reads them (00-29 -> 20xx, 30-99 -> 19xx); else four digits."""
    if len(year) == 2:
        return 2000 + int(year) if int(year) < 30 else 1900 + int(year)
    return int(year) if len(year) == 4 else None


def _date(year: int | None, month: int, day: int) -> tuple[pd.Timestamp | None, str | None]:
    if year is None or not DATE_YEARS[0] <= year <= DATE_YEARS[1]:
        return None, "TANGGAL_TIDAK_VALID"
    try:
        return pd.Timestamp(dt.datetime(year, month, day)), None
    except ValueError:
        return None, "TANGGAL_TIDAK_VALID"


def _excel_serial(number: float) -> pd.Timestamp | None:
    if 1 <= number < 2958466:  # Excel's own range: 1900-01-01 .. 9999-12-31
        day = _EXCEL_EPOCH + dt.timedelta(days=int(number))
        return _date(day.year, day.month, day.day)[0]
    return None


# A bare year typed where a date belongs: a number or text of four digits in DATE_YEARS. Excel
# serial days 1900..2200 are dates in 1905 and 1906, which no IP ASN history holds, so a number
# there is a year; so is a date cell of 1905/1906 (Excel shows 2020 typed in a date cell as
# 12-07-1905).
_YEAR_TEXT = re.compile(r"(\d{4})(\.0+)?")
YEAR_ONLY = "TANGGAL_HANYA_TAHUN"


def _year_only(year: int) -> tuple[pd.Timestamp | None, str | None]:
    """A year without a day: 31 December of that year (its last possible day), flagged YEAR_ONLY."""
    if not DATE_YEARS[0] <= year <= DATE_YEARS[1]:
        return None, "TANGGAL_TIDAK_VALID"
    return pd.Timestamp(year, 12, 31), YEAR_ONLY


def _serial_of(day: dt.datetime) -> float:
    return (day - _EXCEL_EPOCH).total_seconds() / 86400


def parse_date(value: Any) -> tuple[pd.Timestamp | None, str | None]:
    """A date from a date cell, an Excel serial number (as a number or as text), or text in
    dd-mm-yyyy, yyyy-mm-dd, dd/mm/yy, "1 Juni 2022" or "1-Jun-22" form, with or without a time.

    A bare year (2020 as a number, as text, or read from a date cell as 12-07-1905) gives 31 December
    of that year with the problem YEAR_ONLY: the row is kept, and scoring uses it only where the
    whole year lies on one side of a window edge."""
    if is_blank(value):
        return None, "TANGGAL_KOSONG"
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        serial = _serial_of(pd.Timestamp(value).tz_localize(None).to_pydatetime())
        if DATE_YEARS[0] <= serial <= DATE_YEARS[1] and float(serial).is_integer():
            return _year_only(int(serial))
        if not DATE_YEARS[0] <= value.year <= DATE_YEARS[1]:
            return None, "TANGGAL_TIDAK_VALID"
        return pd.Timestamp(value).tz_localize(None).normalize(), None
    if isinstance(value, dt.date):
        return _date(value.year, value.month, value.day)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        number = float(value)
        if math.isfinite(number) and number.is_integer() and DATE_YEARS[0] <= number <= DATE_YEARS[1]:
            return _year_only(int(number))
        stamp = _excel_serial(number) if math.isfinite(number) else None
        return (stamp, None) if stamp is not None else (None, "TANGGAL_TIDAK_VALID")
    text = re.sub(f"[{INVISIBLE}]", "", str(value)).strip()
    year = _YEAR_TEXT.fullmatch(text)
    if year:
        return _year_only(int(year.group(1)))
    if _SERIAL_TEXT.fullmatch(text):  # an Excel serial number exported as text
        stamp = _excel_serial(float(text))
        return (stamp, None) if stamp is not None else (None, "TANGGAL_TIDAK_VALID")
    text = _TIME_SUFFIX.sub("", text, count=1)
    for fmt in _DATE_FORMATS:
        try:
            parsed = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        return _date(parsed.year, parsed.month, parsed.day)
    short = _SHORT_YEAR.fullmatch(text)
    if short:
        return _date(_full_year(short.group(3)), int(short.group(2)), int(short.group(1)))
    parts = vocab.words(text)
    if len(parts) == 3 and parts[0].isdigit() and parts[1] in _MONTHS and parts[2].isdigit():
        return _date(_full_year(parts[2]), _MONTHS[parts[1]], int(parts[0]))
    return None, "TANGGAL_TIDAK_VALID"


def date_shown(value: Any) -> tuple[str, None]:
    """How a date cell is quoted in a finding; a year read from a date cell says which year."""
    stamp, problem = parse_date(value)
    text = as_text(value)
    if problem == YEAR_ONLY and isinstance(value, (pd.Timestamp, dt.datetime)):
        return f"{text} (tahun {stamp.year} di sel tanggal)", None
    return text, None


def parse_year(value: Any) -> tuple[int | None, str | None]:
    number, problem = parse_number(value)
    if number is None or problem or not float(number).is_integer() or not 1900 <= number <= 2200:
        return None, "TAHUN_TIDAK_VALID"
    return int(number), None
