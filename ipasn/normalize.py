"""Turn raw cell values into canonical values, or into a problem code.

Every parser takes one raw value and returns `(value, problem)`, where `problem` is None or a key of
`PROBLEMS`. `parse_series` applies a parser to the distinct values of a column only, so a national
table with millions of rows costs one call per distinct spelling.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
import pyarrow as pa
import pyarrow.compute as pc

from ipasn import vocab

# Stable problem codes -> the sentence an analyst reads (Indonesian).
PROBLEMS = {
    "NIP_KOSONG": "NIP kosong",
    "NIP_ANGKA": "NIP tersimpan sebagai angka sehingga digit bisa hilang; simpan kolom NIP sebagai teks",
    "NIP_TIDAK_VALID": "NIP harus 18 digit angka",
    "NIP_GANDA": "NIP muncul lebih dari sekali di lembar pegawai",
    "NIP_TIDAK_ADA_DI_PEGAWAI": "NIP tidak ada di lembar pegawai",
    "NAMA_KOSONG": "nama kosong",
    "UNIT_KOSONG": "unit kerja kosong",
    "STATUS_TIDAK_DIKENALI": "status kepegawaian tidak dikenali; pegawai dihitung terdaftar tetapi tidak diukur",
    "KEDUDUKAN_TIDAK_DIKENALI": "kedudukan hukum tidak dikenali; pegawai dihitung terdaftar tetapi tidak diukur",
    "STATUS_BERTENTANGAN": "status kepegawaian dan kedudukan hukum saling bertentangan; pegawai tidak diukur",
    "KODE_NAMA_BERBEDA": "kode (ID) dan nama di sebelahnya tidak sesuai; yang dipakai kode",
    "KODE_TIDAK_DIKENALI": "kode (ID) tidak dikenali; yang dipakai nama di sebelahnya",
    "PENDIDIKAN_KOSONG": "pendidikan kosong",
    "PENDIDIKAN_TIDAK_DIKENALI": "jenjang pendidikan tidak dikenali",
    "JABATAN_KOSONG": "jenis jabatan kosong",
    "JABATAN_TIDAK_DIKENALI": "jenis jabatan tidak dikenali",
    "ESELON_TIDAK_VALID": "eselon tidak dikenali atau tidak sesuai jenis jabatan",
    "JENIS_DIKLAT_TIDAK_DIKENALI": "jenis diklat tidak dikenali",
    "DIKLAT_PRAJABATAN": "Latsar CPNS/Prajabatan: dikenali, tetapi tidak dihitung dalam IP ASN",
    "TINGKAT_DIKLAT_TIDAK_DIKENALI": "tingkat diklat kepemimpinan tidak dikenali",
    "TANGGAL_KOSONG": "tanggal kosong",
    "TANGGAL_TIDAK_VALID": "tanggal tidak dapat dibaca (gunakan dd-mm-yyyy atau yyyy-mm-dd)",
    "TANGGAL_HANYA_TAHUN": (
        "hanya tahun, tanpa tanggal: dipakai bila seluruh tahun itu berada di satu sisi batas jendela "
        "penilaian, selain itu tidak dapat dipastikan dan tidak dihitung"),
    "JP_KOSONG": "jumlah JP kosong untuk diklat teknis",
    "JP_TIDAK_VALID": "jumlah JP bukan angka",
    "JP_NEGATIF": "jumlah JP negatif",
    "JP_TIDAK_WAJAR": "jumlah JP tidak wajar untuk satu diklat (lebih dari 1.000 JP)",
    "TAHUN_TIDAK_VALID": "tahun tidak valid",
    "NILAI_TIDAK_VALID": "nilai kinerja bukan angka",
    "NILAI_DI_LUAR_RENTANG": "nilai kinerja di luar rentang 0 sampai nilai maksimum",
    "PREDIKAT_TIDAK_DIKENALI": "predikat kinerja tidak dikenali",
    "KINERJA_KOSONG": "nilai dan predikat kinerja kosong",
    "KINERJA_GANDA": "lebih dari satu penilaian kinerja berbeda untuk tahun yang sama",
    "TINGKAT_HUKDIS_TIDAK_DIKENALI": "tingkat hukuman disiplin tidak dikenali (ringan/sedang/berat atau R/S/B)",
    "JENIS_HUKUMAN_TIDAK_DIKENALI": (
        "jenis hukuman disiplin tidak dikenali (tulis nama hukuman menurut PP 94/2021 atau PP 53/2010, "
        "atau isi tingkat ringan/sedang/berat)"),
    "JENIS_HUKUMAN_HANYA_KODE": (
        "hanya kode jenis hukuman, tanpa nama dan tingkat: tabel kode SIASN tidak diketahui ipasn, "
        "tingkat hukuman tidak dapat ditentukan"),
    "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA": "tingkat hukuman dan jenis hukuman tidak sesuai; yang dipakai tingkat",
    "HUKDIS_TIDAK_ADA": "baris menyatakan tidak ada hukuman disiplin; bukan hukuman, tidak dihitung",
    "DUPLIKAT_PERSIS": "baris sama persis dengan baris sebelumnya; diabaikan",
    "GALAT_EXCEL": "sel berisi nilai galat Excel (misalnya #N/A dari rumus yang gagal); dibaca sebagai kosong",
    "LEMBAR_TIDAK_DIKENALI": "lembar berisi kolom NIP tetapi tidak dikenali sebagai data apa pun; tidak dibaca",
    "LEMBAR_TIDAK_ADA": "tidak ada lembar atau berkas untuk data ini",
}

# Problems that cannot change anyone's score (the employee stays data_lengkap). Whether any other
# finding can change this year's score depends on the row's date and kind: score.py decides.
HARMLESS = frozenset({"NAMA_KOSONG", "UNIT_KOSONG", "DUPLIKAT_PERSIS", "PREDIKAT_TIDAK_DIKENALI", "GALAT_EXCEL",
                      # the id is readable and decides (or the name does, where the id is unknown)
                      "KODE_NAMA_BERBEDA", "KODE_TIDAK_DIKENALI", "TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA",
                      # rows recognised as never counting
                      "DIKLAT_PRAJABATAN", "HUKDIS_TIDAK_ADA"})

# Every code a parser may return (the findings' codes, and ANGKA_TIDAK_VALID, which callers rename).
PROBLEM_CODES = pd.CategoricalDtype([*PROBLEMS, "ANGKA_TIDAK_VALID"])
_PROBLEM_INDEX = {code: i for i, code in enumerate(PROBLEM_CODES.categories)}

Parser = Callable[[Any], tuple[Any, "str | None"]]


def is_blank(value: Any) -> bool:
    if value is None or value is pd.NaT:
        return True
    if isinstance(value, float) and math.isnan(value):
        return True
    return isinstance(value, str) and not value.strip()


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
        problems = np.array([-1 if p is None else _PROBLEM_INDEX[p] for _, p in results], dtype=np.int8)
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


# --- identifiers -------------------------------------------------------------------------------

# Invisible characters (zero-width space, BOM) that copy-paste leaves in a cell count as separators.
_INVISIBLE = "\u200b\u200c\u200d\u2060\ufeff"
_NIP_SEPARATORS = re.compile(f"[\\s.\\-'{_INVISIBLE}]")
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


# --- numbers and dates -------------------------------------------------------------------------

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


def parse_number(value: Any) -> tuple[float | None, str | None]:
    """A number as Excel or an Indonesian text gives it ("22,5", "1.234,5")."""
    if is_blank(value):
        return None, None
    if isinstance(value, bool):
        return None, "ANGKA_TIDAK_VALID"
    if isinstance(value, (int, float, np.integer, np.floating)):
        number = float(value)
        return (number, None) if math.isfinite(number) else (None, "ANGKA_TIDAK_VALID")
    text = re.sub(f"[\\s{_INVISIBLE}]+", "", str(value))  # "1 234,5", non-breaking spaces
    if "," in text and "." in text:
        text = text.replace(".", "").replace(",", ".")
    elif "," in text:
        text = text.replace(",", ".")
    try:
        number = float(text)
    except ValueError:
        return None, "ANGKA_TIDAK_VALID"
    return (number, None) if math.isfinite(number) else (None, "ANGKA_TIDAK_VALID")


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
    text = re.sub(f"[{_INVISIBLE}]", "", str(value)).strip()
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


# --- vocabularies ------------------------------------------------------------------------------

_EDUCATION = vocab.invert(vocab.EDUCATION)
_POSITION = vocab.invert(vocab.POSITION)
_TRAINING = vocab.invert(vocab.TRAINING)
_PREDICATE = vocab.invert(vocab.PREDICATE)
_DISCIPLINE = vocab.invert(vocab.DISCIPLINE)
_STATUS = vocab.invert(vocab.STATUS)
_KEDUDUKAN = vocab.invert(vocab.KEDUDUKAN)
_EDUCATION_CODES = frozenset(vocab.EDUCATION)
_PUNISHMENT = [(level, re.compile(pattern)) for level, patterns in vocab.PUNISHMENT.items() for pattern in patterns]


def _code_text(value: Any) -> str:
    """Numbers as their integer text ("40", "5"), everything else as text."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value).strip()


def _id_text(value: Any) -> str:
    """An id as the key of an id table: "01", 1, 1.0 and " 1 " are all "1"."""
    text = _code_text(value)
    return str(int(text)) if text.isdigit() else text


def parse_education(value: Any) -> tuple[str | None, str | None]:
    """-> SIASN tingkat_pendidikan_id ("40"), from a code or a level name."""
    if is_blank(value):
        return None, "PENDIDIKAN_KOSONG"
    text = _code_text(value)
    if text.isdigit():
        code = text.zfill(2)
        return (code, None) if code in _EDUCATION_CODES else (None, "PENDIDIKAN_TIDAK_DIKENALI")
    code = _EDUCATION.get(vocab.key(text))
    if code is None:
        # "S-1 Ekonomi", "D-III Keperawatan", SIASN's "S-1/Sarjana": the level is the first word(s).
        parts = vocab.words(text)
        for n in (2, 1):
            code = _EDUCATION.get("".join(parts[:n]))
            if code:
                break
    return (code, None) if code else (None, "PENDIDIKAN_TIDAK_DIKENALI")


def parse_position(value: Any) -> tuple[tuple[str, bool] | None, str | None]:
    """-> (type, is_jpt_madya_or_utama); type may be "Struktural" or "Administrasi", resolved later
    by eselon. A bare number is SIASN's jenis jabatan id."""
    if is_blank(value):
        return None, "JABATAN_KOSONG"
    text = _code_text(value)
    if text.isdigit():
        kind = vocab.POSITION_ID.get(_id_text(text))
        return ((kind, False), None) if kind else (None, "JABATAN_TIDAK_DIKENALI")
    k = vocab.key(text)
    kind = _POSITION.get(k)
    if kind is None:
        return None, "JABATAN_TIDAK_DIKENALI"
    return (kind, k in vocab.JPT_MADYA_UTAMA), None


def position_type(value: Any) -> tuple[str | None, str | None]:
    """The type part of `parse_position`."""
    kind, problem = parse_position(value)
    return (kind[0] if kind else None), problem


def is_jpt_madya_utama(value: Any) -> tuple[bool, None]:
    kind, _ = parse_position(value)
    return bool(kind and kind[1]), None


def parse_position_id(value: Any) -> tuple[str | None, str | None]:
    """SIASN `JENIS JABATAN ID` -> the position type (1 Struktural, 2 Fungsional, 4 Pelaksana)."""
    if is_blank(value):
        return None, "JABATAN_KOSONG"
    kind = vocab.POSITION_ID.get(_id_text(value))
    return (kind, None) if kind else (None, "JABATAN_TIDAK_DIKENALI")


def parse_eselon(value: Any) -> tuple[int | None, str | None]:
    """-> eselon level 1..5 from "II.a", "IIb", "2", "III/a" or a SIASN id such as 21."""
    if is_blank(value):
        return None, None
    k = vocab.key(_code_text(value))
    if k in vocab.ESELON_NONE or k.startswith("NONESELON"):
        return None, None
    if k.startswith("ESELON"):
        k = k[len("ESELON"):]
    if re.fullmatch(r"[1-5][12]", k):  # SIASN eselon_id
        return int(k[0]), None
    match = re.fullmatch(r"([1-5])[AB]?", k)
    if match:
        return int(match.group(1)), None
    match = re.fullmatch(r"(IV|V|I{1,3})[AB]?", k)
    if match:
        return vocab.ROMAN[match.group(1)], None
    return None, "ESELON_TIDAK_VALID"


def is_prajabatan(value: Any) -> tuple[bool, None]:
    """Whether a training's kind or name says Latsar CPNS / Prajabatan."""
    if is_blank(value):
        return False, None
    k = vocab.key(_code_text(value))
    return any(phrase in k for phrase in vocab.PRAJABATAN_PHRASES), None


def parse_training_kind(value: Any) -> tuple[str | None, str | None]:
    """The indicator a training's kind counts for (or "prajabatan"); a number is SIASN's jenis
    diklat id."""
    if is_blank(value):
        return None, "JENIS_DIKLAT_TIDAK_DIKENALI"
    text = _code_text(value)
    if text.isdigit():
        kind = vocab.TRAINING_ID.get(_id_text(text))
        return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")
    if is_prajabatan(text)[0]:
        return "prajabatan", None
    kind = _TRAINING.get(vocab.key(text))
    if kind is None:
        for word in vocab.words(text):  # "Diklat Teknis Pengadaan", "Seminar Nasional ..."
            kind = _TRAINING.get(word) if not word.isdigit() else None
            if kind:
                break
    return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")


def parse_training_id(value: Any) -> tuple[str | None, str | None]:
    """SIASN `JENIS DIKLAT ID` -> the indicator (vocab.TRAINING_ID)."""
    if is_blank(value):
        return None, "JENIS_DIKLAT_TIDAK_DIKENALI"
    kind = vocab.TRAINING_ID.get(_id_text(value))
    return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")


_LEVEL_MARKERS = ("DIKLATPIM", "PIM", "TK", "TINGKAT", "PKN", "LEVEL")
_GLUED_LEVEL = re.compile(r"(DIKLATPIM|PIM|TK|TINGKAT)(IV|V|I{1,3}|[1-5])")
# Words that make a name a leadership training's name (a level alone could be "Kursus Level 2").
_LEADERSHIP_WORDS = frozenset({"KEPEMIMPINAN", "DIKLATPIM", "PIM", "PKN", *vocab.LEADERSHIP_NAMED_LEVEL})


def _numeral(token: str) -> int | None:
    if token in vocab.ROMAN:
        return vocab.ROMAN[token]
    return int(token) if token.isdigit() and 1 <= int(token) <= 5 else None


def _level_tokens(value: Any) -> list[str]:
    tokens: list[str] = []
    for word in vocab.words(_code_text(value)):
        glued = _GLUED_LEVEL.fullmatch(word)
        tokens += [glued.group(1), glued.group(2)] if glued else [word]
    return tokens


def parse_leadership_level(value: Any) -> tuple[int | None, str | None]:
    """Level 1..5 of a leadership training from "II", "PIM III", "Diklatpim Tk. IV", "SPAMA", "PKA",
    "Pelatihan Kepemimpinan Administrator", "PKN Tingkat II" or SIASN's "SEPALA/ADUM/DIKLAT PIM TK.IV".

    A numeral counts only right after a marker (PIM, Tk., Tingkat, PKN) or standing alone, so
    "Diklatpim Tk. IV Angkatan I" is level 4, not ambiguous.
    """
    if is_blank(value):
        return None, "TINGKAT_DIKLAT_TIDAK_DIKENALI"
    tokens = _level_tokens(value)
    levels = {vocab.LEADERSHIP_NAMED_LEVEL[t] for t in tokens if t in vocab.LEADERSHIP_NAMED_LEVEL}
    for before, token in zip(tokens, tokens[1:]):
        if before == "KEPEMIMPINAN" and token in vocab.LEADERSHIP_NAMED_AFTER_KEPEMIMPINAN:
            levels.add(vocab.LEADERSHIP_NAMED_AFTER_KEPEMIMPINAN[token])
    for i, token in enumerate(tokens[:-1]):
        if token in _LEVEL_MARKERS:
            following = [t for t in tokens[i + 1:i + 3] if t not in _LEVEL_MARKERS][:1]
            level = _numeral(following[0]) if following else None
            if level:
                levels.add(level)
    if not levels and len(tokens) == 1 and _numeral(tokens[0]):
        levels.add(_numeral(tokens[0]))
    if len(levels) == 1:
        return levels.pop(), None
    return None, "TINGKAT_DIKLAT_TIDAK_DIKENALI"


def names_leadership(value: Any) -> tuple[bool, None]:
    """Whether a training's name says it is leadership training of a known level ("Pelatihan
    Kepemimpinan Pengawas", "Diklatpim Tk. III", "SPAMA"): how a row without a kind is recognised."""
    if is_blank(value):
        return False, None
    level, _ = parse_leadership_level(value)
    return bool(level and _LEADERSHIP_WORDS.intersection(_level_tokens(value))), None


def parse_leadership_id(value: Any) -> tuple[int | None, str | None]:
    """SIASN `LATIHAN STRUKTURAL ID` -> the eselon level (1 SEPADA is 5 ... 5 SEPATI is 1). Ids of
    leadership training without an eselon level (6 SESPIM, 7 SESPATI, 8 lainnya) give no level and
    no problem: the level is then looked for in the text columns."""
    if is_blank(value):
        return None, None
    text = _id_text(value)
    if text in vocab.LEADERSHIP_ID_WITHOUT_LEVEL:
        return None, None
    level = vocab.LEADERSHIP_ID.get(text)
    return (level, None) if level else (None, "TINGKAT_DIKLAT_TIDAK_DIKENALI")


def parse_predicate(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, None
    predicate = _PREDICATE.get(vocab.key(str(value)))
    return (predicate, None) if predicate else (None, "PREDIKAT_TIDAK_DIKENALI")


# --- discipline --------------------------------------------------------------------------------

NO_PUNISHMENT = "tidak_ada"  # a riwayat hukdis row that says there was none
_DASHES = re.compile(r"[-–—\s]+")  # "-", "--", en and em dashes: nothing
_LEVEL_WORDS = {"RINGAN": "ringan", "SEDANG": "sedang", "BERAT": "berat"}
_PREFIX_WORDS = frozenset({"HUKUMAN", "DISIPLIN", "HUKDIS", "TINGKAT", "JENIS"})


def punishment_words(value: Any) -> str:
    """A punishment's name as the normalised words vocab.PUNISHMENT is written in: number words as
    digits ("dua belas" 12), "%" as PERSEN, "1 tingkat" as SETINGKAT, filler words dropped, and a
    word repeated at once said once ("1 (satu) tahun", "pangkat pada pangkat")."""
    words = re.findall(r"[A-Z]+|\d+|%", str(value).upper())
    out: list[str] = []
    i = 0
    while i < len(words):
        word = words[i]
        if word == "DUA" and i + 1 < len(words) and words[i + 1] == "BELAS":
            word, i = "12", i + 1
        word = {"%": "PERSEN", "JABATANNYA": "JABATAN"}.get(word, vocab.NUMBER_WORDS.get(word, word))
        i += 1
        if word == "TINGKAT" and out and out[-1] == "1":
            out[-1] = "SETINGKAT"
        elif word not in vocab.PUNISHMENT_FILLERS and not (out and out[-1] == word):
            out.append(word)
    return " ".join(out)


def _discipline_level(value: Any) -> str | None:
    """ringan / sedang / berat / NO_PUNISHMENT, from a level (word or R/S/B) or a punishment's name
    (whole phrases of PP 94/2021 and PP 53/2010); None when the text says neither clearly."""
    k = vocab.key(_code_text(value))
    if k in vocab.NO_PUNISHMENT or _DASHES.fullmatch(_code_text(value)):
        return NO_PUNISHMENT
    level = _DISCIPLINE.get(k)
    if level:
        return level
    words = punishment_words(value).split()
    stated = set()  # "Hukuman Disiplin Ringan berupa Teguran Lisan": a level stated before the name
    while words and (words[0] in _PREFIX_WORDS or words[0] in _LEVEL_WORDS):
        if words[0] in _LEVEL_WORDS:
            stated.add(_LEVEL_WORDS[words[0]])
        words = words[1:]
    rest = " ".join(words)
    named = {lv for lv, pattern in _PUNISHMENT if pattern.fullmatch(rest)} if rest else set()
    found = named | stated if named else stated
    return found.pop() if len(found) == 1 else None


def parse_discipline(value: Any) -> tuple[str | None, str | None]:
    """The level column (ringan/sedang/berat, R/S/B; a punishment's name is read too)."""
    if is_blank(value):
        return None, "TINGKAT_HUKDIS_TIDAK_DIKENALI"
    level = _discipline_level(value)
    return (level, None) if level else (None, "TINGKAT_HUKDIS_TIDAK_DIKENALI")


def parse_punishment(value: Any) -> tuple[str | None, str | None]:
    """The punishment's name (SIASN `JENIS HUKUMAN NAMA`) -> its level."""
    if is_blank(value):
        return None, "JENIS_HUKUMAN_TIDAK_DIKENALI"
    level = _discipline_level(value)
    return (level, None) if level else (None, "JENIS_HUKUMAN_TIDAK_DIKENALI")


# --- status ------------------------------------------------------------------------------------

def _status(value: Any) -> tuple[str | None, str | None, bool]:
    """(employment type or None, why not measured or None, recognised) of one status or kedudukan
    cell: "PNS", "CPNS Aktif", "PPPK Aktif", "PNS DPK", "Tugas Belajar", "CLTN"."""
    k = vocab.key(_code_text(value))
    if k in _STATUS:
        return _STATUS[k], None, True
    if k in _KEDUDUKAN:
        return None, _KEDUDUKAN[k] or None, True
    for prefix in ("PPPK", "CPNS", "P3K", "PNS"):  # a type and a kedudukan in one cell
        if k.startswith(prefix) and k[len(prefix):] in _KEDUDUKAN:
            return _STATUS[prefix], _KEDUDUKAN[k[len(prefix):]] or None, True
    return None, None, False


def status_type(value: Any) -> tuple[str | None, str | None]:
    """The employment type a status cell states (PNS, CPNS, PPPK; None: it states none)."""
    if is_blank(value):
        return None, None
    kind, _, known = _status(value)
    return kind, None if known else "STATUS_TIDAK_DIKENALI"


def status_obstacle(value: Any) -> tuple[str | None, None]:
    """Why a status or kedudukan cell says its holder is not measured ("CLTN", "pemberhentian
    sementara"; None: it does not say so)."""
    return (None if is_blank(value) else _status(value)[1]), None


def kedudukan_type(value: Any) -> tuple[str | None, str | None]:
    """`status_type` of a kedudukan cell (its problem code names the kedudukan)."""
    kind, problem = status_type(value)
    return kind, problem and "KEDUDUKAN_TIDAK_DIKENALI"


def parse_status(value: Any) -> tuple[str | None, str | None]:
    """One status cell alone: its type (empty and a plain kedudukan such as "Aktif" are PNS)."""
    if is_blank(value):
        return "PNS", None
    kind, _, known = _status(value)
    return (kind or "PNS", None) if known else (None, "STATUS_TIDAK_DIKENALI")
