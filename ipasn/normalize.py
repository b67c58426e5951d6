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
    "STATUS_TIDAK_DIKENALI": "status kepegawaian tidak dikenali (gunakan PNS, CPNS atau PPPK)",
    "PENDIDIKAN_KOSONG": "pendidikan kosong",
    "PENDIDIKAN_TIDAK_DIKENALI": "jenjang pendidikan tidak dikenali",
    "JABATAN_KOSONG": "jenis jabatan kosong",
    "JABATAN_TIDAK_DIKENALI": "jenis jabatan tidak dikenali",
    "ESELON_TIDAK_VALID": "eselon tidak dikenali atau tidak sesuai jenis jabatan",
    "JENIS_DIKLAT_TIDAK_DIKENALI": "jenis diklat tidak dikenali",
    "TINGKAT_DIKLAT_TIDAK_DIKENALI": "tingkat diklat kepemimpinan tidak dikenali",
    "TANGGAL_KOSONG": "tanggal kosong",
    "TANGGAL_TIDAK_VALID": "tanggal tidak dapat dibaca (gunakan dd-mm-yyyy atau yyyy-mm-dd)",
    "JP_KOSONG": "jumlah JP kosong untuk diklat teknis",
    "JP_TIDAK_VALID": "jumlah JP bukan angka",
    "JP_NEGATIF": "jumlah JP negatif",
    "TAHUN_TIDAK_VALID": "tahun tidak valid",
    "NILAI_TIDAK_VALID": "nilai kinerja bukan angka",
    "NILAI_DI_LUAR_RENTANG": "nilai kinerja di luar rentang 0 sampai nilai maksimum",
    "PREDIKAT_TIDAK_DIKENALI": "predikat kinerja tidak dikenali",
    "KINERJA_KOSONG": "nilai dan predikat kinerja kosong",
    "KINERJA_GANDA": "lebih dari satu penilaian kinerja berbeda untuk tahun yang sama",
    "TINGKAT_HUKDIS_TIDAK_DIKENALI": "tingkat hukuman disiplin tidak dikenali (ringan/sedang/berat atau R/S/B)",
    "DUPLIKAT_PERSIS": "baris sama persis dengan baris sebelumnya; diabaikan",
    "GALAT_EXCEL": "sel berisi nilai galat Excel (misalnya #N/A dari rumus yang gagal); dibaca sebagai kosong",
    "LEMBAR_TIDAK_DIKENALI": "lembar berisi kolom NIP tetapi tidak dikenali sebagai data apa pun; tidak dibaca",
    "LEMBAR_TIDAK_ADA": "tidak ada lembar atau berkas untuk data ini",
}

# Problems that cannot change anyone's score (the employee stays data_lengkap).
HARMLESS = frozenset({"NAMA_KOSONG", "UNIT_KOSONG", "DUPLIKAT_PERSIS", "PREDIKAT_TIDAK_DIKENALI", "GALAT_EXCEL"})

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
    """Apply `parser` to each distinct value; return (parsed values, problem codes or None).

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
        problems = np.array([problem for _, problem in results], dtype=object)
        out.append((parsed.take(codes).set_axis(values.index),
                    pd.Series(problems[codes], index=values.index, dtype=object, copy=False)))
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
        keys[other] = [NO_KEY if p else int(v) for v, p in zip(parsed, problems)]
        problem[other] = problems.to_numpy()
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


def parse_date(value: Any) -> tuple[pd.Timestamp | None, str | None]:
    """A date from a date cell, an Excel serial number (as a number or as text), or text in
    dd-mm-yyyy, yyyy-mm-dd, dd/mm/yy, "1 Juni 2022" or "1-Jun-22" form, with or without a time."""
    if is_blank(value):
        return None, "TANGGAL_KOSONG"
    if isinstance(value, (pd.Timestamp, dt.datetime)):
        if not DATE_YEARS[0] <= value.year <= DATE_YEARS[1]:
            return None, "TANGGAL_TIDAK_VALID"
        return pd.Timestamp(value).tz_localize(None).normalize(), None
    if isinstance(value, dt.date):
        return _date(value.year, value.month, value.day)
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        stamp = _excel_serial(float(value)) if math.isfinite(float(value)) else None
        return (stamp, None) if stamp is not None else (None, "TANGGAL_TIDAK_VALID")
    text = re.sub(f"[{_INVISIBLE}]", "", str(value)).strip()
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


def parse_year(value: Any) -> tuple[int | None, str | None]:
    number, problem = parse_number(value)
    if number is None or problem or not float(number).is_integer() or not 1900 <= number <= 2200:
        return None, "TAHUN_TIDAK_VALID"
    return int(number), None


def parse_jp(value: Any) -> tuple[float | None, str | None]:
    number, problem = parse_number(value)
    if problem:
        return None, "JP_TIDAK_VALID"
    if number is not None and number < 0:
        return None, "JP_NEGATIF"
    return number, None


# --- vocabularies ------------------------------------------------------------------------------

_EDUCATION = vocab.invert(vocab.EDUCATION)
_POSITION = vocab.invert(vocab.POSITION)
_TRAINING = vocab.invert(vocab.TRAINING)
_PREDICATE = vocab.invert(vocab.PREDICATE)
_DISCIPLINE = vocab.invert(vocab.DISCIPLINE)
_STATUS = vocab.invert(vocab.STATUS)
_EDUCATION_CODES = frozenset(vocab.EDUCATION)


def _code_text(value: Any) -> str:
    """Numbers as their integer text ("40", "5"), everything else as text."""
    if isinstance(value, (int, float, np.integer, np.floating)) and not isinstance(value, bool):
        return str(int(value)) if float(value).is_integer() else str(value)
    return str(value).strip()


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
        # "S-1 Ekonomi", "D-III Keperawatan": the level is the first word(s).
        parts = vocab.words(text)
        for n in (2, 1):
            code = _EDUCATION.get("".join(parts[:n]))
            if code:
                break
    return (code, None) if code else (None, "PENDIDIKAN_TIDAK_DIKENALI")


def parse_position(value: Any) -> tuple[tuple[str, bool] | None, str | None]:
    """-> (type, is_jpt_madya_or_utama); type may be "Struktural", resolved later by eselon."""
    if is_blank(value):
        return None, "JABATAN_KOSONG"
    k = vocab.key(_code_text(value))
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


def parse_training_kind(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, "JENIS_DIKLAT_TIDAK_DIKENALI"
    text = _code_text(value)
    kind = _TRAINING.get(vocab.key(text))
    if kind is None:
        for word in vocab.words(text):  # "Diklat Teknis Pengadaan", "Seminar Nasional ..."
            kind = _TRAINING.get(word) if not word.isdigit() else None
            if kind:
                break
    return (kind, None) if kind else (None, "JENIS_DIKLAT_TIDAK_DIKENALI")


_LEVEL_MARKERS = ("DIKLATPIM", "PIM", "TK", "TINGKAT", "PKN", "LEVEL")
_GLUED_LEVEL = re.compile(r"(DIKLATPIM|PIM|TK|TINGKAT)(IV|V|I{1,3}|[1-5])")


def _numeral(token: str) -> int | None:
    if token in vocab.ROMAN:
        return vocab.ROMAN[token]
    return int(token) if token.isdigit() and 1 <= int(token) <= 5 else None


def parse_leadership_level(value: Any) -> tuple[int | None, str | None]:
    """Level 1..5 of a leadership training from "II", "PIM III", "Diklatpim Tk. IV", "SPAMA", "PKA".

    A numeral counts only right after a marker (PIM, Tk., Tingkat, PKN) or standing alone, so
    "Diklatpim Tk. IV Angkatan I" is level 4, not ambiguous.
    """
    if is_blank(value):
        return None, "TINGKAT_DIKLAT_TIDAK_DIKENALI"
    tokens: list[str] = []
    for word in vocab.words(_code_text(value)):
        glued = _GLUED_LEVEL.fullmatch(word)
        tokens += [glued.group(1), glued.group(2)] if glued else [word]
    levels = {vocab.LEADERSHIP_NAMED_LEVEL[t] for t in tokens if t in vocab.LEADERSHIP_NAMED_LEVEL}
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


def parse_predicate(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, None
    predicate = _PREDICATE.get(vocab.key(str(value)))
    return (predicate, None) if predicate else (None, "PREDIKAT_TIDAK_DIKENALI")


def parse_discipline(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return None, "TINGKAT_HUKDIS_TIDAK_DIKENALI"
    k = vocab.key(str(value))
    level = _DISCIPLINE.get(k)
    if level is None:
        found = {lv for lv in ("ringan", "sedang", "berat") if lv.upper() in k}
        level = found.pop() if len(found) == 1 else None
    return (level, None) if level else (None, "TINGKAT_HUKDIS_TIDAK_DIKENALI")


def parse_status(value: Any) -> tuple[str | None, str | None]:
    if is_blank(value):
        return "PNS", None
    status = _STATUS.get(vocab.key(str(value)))
    return (status, None) if status else (None, "STATUS_TIDAK_DIKENALI")
