"""Read the input workbook (or folder of CSV/parquet files) into raw tables with Excel row numbers.

Nothing is interpreted here beyond finding the header row and naming the columns: every value is kept
as the file gave it, so that a finding can quote it. `normalize.py` turns values into meaning.

What a file really is comes from its first bytes, not its name: an empty file, a password-protected
workbook (an OLE container, not a zip), an old .xls, an HTML page saved as .xls, a CSV renamed .xlsx or
a truncated download each get their own message. Workbooks are read with expat, straight from the
zip, row by row: only the columns ipasn uses are kept (a wide 100 MB export costs the memory of those
columns only), and the same pass finds what openpyxl's reader does not report: formulas that were never
calculated (no stored value) and merged cells.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import itertools
import posixpath
import re
import warnings
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path
from pyexpat import ExpatError, ParserCreate

import numpy as np
import pandas as pd

from ipasn.errors import InputError
from ipasn.schema import SHEET_ALIASES, SHEETS, Sheet, header_key

# The header row is searched among this many non-empty rows at the top (title rows stand above it).
HEADER_SEARCH_ROWS = 30
TABLE_SUFFIXES = (".csv", ".parquet")
EXCEL_SUFFIXES = (".xlsx", ".xlsm")
CSV_DELIMITERS = (",", ";", "\t", "|")

CFB_SIGNATURE = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # OLE compound file: .xls, or an encrypted .xlsx
ZIP_SIGNATURES = (b"PK\x03\x04", b"PK\x05\x06")
SAVE_AS_XLSX = "buka di Excel lalu simpan sebagai Buku Kerja Excel (.xlsx)"

# Characters that are invisible in Excel but make a header or a value differ (BOM, zero-width).
_INVISIBLE = re.compile("[\u200b-\u200d\u2060\ufeff]")


@dataclass
class RawSheet:
    """One input table: canonical column name -> raw values, with the row number the user sees."""

    file: str
    sheet: str
    header_row: int
    data: pd.DataFrame  # canonical columns (object dtype), plus `_row` (int64)

    def __len__(self) -> int:
        return len(self.data)


# --- header detection ------------------------------------------------------------------------


def _header_text(value: object) -> str:
    return header_key(_INVISIBLE.sub("", str(value))) if value is not None else ""


def _match_columns(spec: Sheet, headers: Sequence[object]) -> dict[str, int]:
    """Canonical column -> position of its header cell; the first alias present wins."""
    positions: dict[str, int] = {}
    keys = [_header_text(h) for h in headers]
    for column in spec.columns:
        for alias in column.keys:
            if alias in keys:
                positions[column.name] = keys.index(alias)
                break
    return positions


def _find_header(spec: Sheet, rows: list[Sequence[object]]) -> tuple[int, dict[str, int]]:
    """Index of the header row among the first rows (title rows may stand above it)."""
    best: tuple[int, dict[str, int]] = (0, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        matched = _match_columns(spec, row)
        if len(matched) > len(best[1]):
            best = (index, matched)
    return best


def _check_columns(spec: Sheet, matched: dict[str, int], file: str, sheet: str) -> None:
    if not matched:
        wanted = ", ".join(c.name for c in spec.columns if c.required)
        raise InputError(
            f"baris judul kolom tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama yang terisi "
            f"(judul yang dicari: {wanted})", file=file, sheet=sheet,
        )
    for column in spec.columns:
        if column.required and column.name not in matched:
            raise InputError(
                f"kolom wajib '{column.name}' tidak ditemukan (nama lain yang diterima: "
                f"{', '.join(column.aliases) or '-'})",
                file=file, sheet=sheet, column=column.name,
            )
    for group in spec.one_of:
        if not any(name in matched for name in group):
            raise InputError(
                f"perlu salah satu kolom: {' atau '.join(group)}", file=file, sheet=sheet,
                column="/".join(group),
            )


def _blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _row_blank(values: Sequence[object]) -> bool:
    return all(_blank(v) for v in values)


def _is_blank(values: pd.Series) -> np.ndarray:
    text = values.astype("string")
    return (text.isna() | (text.str.strip() == "")).to_numpy(bool)


def _drop_empty(data: pd.DataFrame) -> pd.DataFrame:
    """Rows with no value at all are not input rows (Excel's trailing blank rows)."""
    value_columns = [c for c in data.columns if c != "_row"]
    if not value_columns or data.empty:
        return data
    blank = np.ones(len(data), dtype=bool)
    for column in value_columns:
        blank &= _is_blank(data[column])
    return data.loc[~blank].reset_index(drop=True)


def _sheet_for(name: str) -> str | None:
    k = _header_text(name)
    for sheet, aliases in SHEET_ALIASES.items():
        if k in {header_key(a) for a in aliases}:
            return sheet
    return None


# --- what a file really is -------------------------------------------------------------------


def _head(path: Path, size: int = 4096) -> bytes:
    try:
        with open(path, "rb") as handle:
            return handle.read(size)
    except OSError as exc:
        raise InputError(f"tidak dapat dibaca ({exc.strerror or exc})", file=path.name) from exc


def _kind(head: bytes) -> str:
    """kosong, cfb, zip, html, xml, teks or biner, from the first bytes of a file."""
    if not head:
        return "kosong"
    if head.startswith(CFB_SIGNATURE):
        return "cfb"
    if head.startswith(ZIP_SIGNATURES):
        return "zip"
    if head.startswith((b"\xff\xfe", b"\xfe\xff")):  # UTF-16 text (Excel's "Unicode Text")
        return "teks"
    start = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if start.startswith((b"<!doctype html", b"<html", b"<table", b"<meta")) or b"<html" in start[:2048]:
        return "html"
    if start.startswith(b"<?xml"):
        return "xml"
    controls = sum(1 for b in head if b < 32 and b not in (9, 10, 13))
    return "teks" if controls == 0 else "biner"


def _contains_utf16(path: Path, words: Iterable[str]) -> bool:
    """Whether an OLE container names one of these streams (names are stored as UTF-16LE)."""
    needles = [w.encode("utf-16-le") for w in words]
    tail = b""
    with open(path, "rb") as handle:
        while chunk := handle.read(1 << 20):
            block = tail + chunk
            if any(n in block for n in needles):
                return True
            tail = block[-64:]
    return False


def _check_workbook_file(path: Path, label: str) -> None:
    """Stop with a specific message when the file is not a readable .xlsx workbook."""
    kind = _kind(_head(path))
    suffix = path.suffix.lower() or "(tanpa ekstensi)"
    if kind == "kosong":
        raise InputError("berkas kosong (0 byte): tidak berisi data; salin atau unduh ulang berkasnya",
                         file=label)
    if kind == "cfb":
        if suffix == ".xls":
            raise InputError(f"format Excel 97-2003 (.xls) tidak didukung: {SAVE_AS_XLSX}", file=label)
        if _contains_utf16(path, ("EncryptedPackage", "EncryptionInfo")) or not _contains_utf16(
                path, ("Workbook", "Book")):
            raise InputError(
                "workbook dilindungi kata sandi (terenkripsi) sehingga tidak dapat dibaca: buka di Excel, "
                "hapus kata sandinya (File > Info > Proteksi Buku Kerja > Enkripsi dengan Kata Sandi), "
                "simpan, lalu coba lagi", file=label,
            )
        raise InputError(f"ini workbook format lama Excel 97-2003 (.xls) yang diberi ekstensi {suffix}: "
                         f"{SAVE_AS_XLSX}", file=label)
    if kind in ("html", "xml"):
        what = "halaman HTML (ekspor web)" if kind == "html" else "berkas XML (misalnya XML Spreadsheet 2003)"
        raise InputError(f"berkas ini {what} yang diberi ekstensi {suffix}, bukan workbook Excel: "
                         f"{SAVE_AS_XLSX}", file=label)
    if suffix == ".xls":
        if kind == "zip":
            raise InputError("berkas ini sebenarnya workbook .xlsx yang diberi ekstensi .xls: ganti "
                             "ekstensinya menjadi .xlsx", file=label)
        raise InputError(f"format Excel 97-2003 (.xls) tidak didukung: {SAVE_AS_XLSX}", file=label)
    if kind == "teks":
        raise InputError("bukan workbook Excel: isinya teks biasa (mungkin CSV); simpan ulang sebagai "
                         ".xlsx, atau ubah ekstensinya menjadi .csv", file=label)
    if kind == "biner":
        raise InputError(f"bukan workbook Excel (.xlsx): isinya tidak dikenali; {SAVE_AS_XLSX}", file=label)
    try:
        with zipfile.ZipFile(path) as archive:
            names = {name.lower() for name in archive.namelist()}
    except (zipfile.BadZipFile, OSError, EOFError, ValueError) as exc:
        raise InputError("workbook Excel (.xlsx) terpotong atau rusak: arsipnya tidak lengkap; salin atau "
                         "unduh ulang berkasnya", file=label) from exc
    if not any(name.endswith("workbook.xml") for name in names):
        raise InputError("arsip zip tetapi bukan workbook Excel (tidak ada bagian workbook.xml); "
                         f"{SAVE_AS_XLSX}", file=label)


# --- Excel -----------------------------------------------------------------------------------

# What a damaged workbook raises while it is read: a broken zip or deflate stream, a compression or
# zip encryption zipfile cannot read, a missing part, malformed XML, a value or shared-string index
# that is not one.
_CORRUPT = (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, TypeError, IndexError,
            NotImplementedError, RuntimeError, zlib.error, ExpatError)


def _column_index(letters: str) -> int:
    """0-based column position of Excel column letters ("A" -> 0)."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number - 1


def _column_letter(position: int) -> str:
    letters = ""
    position += 1
    while position:
        position, rest = divmod(position - 1, 26)
        letters = chr(65 + rest) + letters
    return letters


_COLUMNS: dict[str, int] = {}


def _column_of(ref: str) -> int:
    """"F12" -> 5 (0-based); memoised, since a sheet repeats the same few column letters."""
    letters = ref.rstrip("0123456789")
    column = _COLUMNS.get(letters)
    if column is None:
        column = _COLUMNS[letters] = _column_index(letters.upper().lstrip("$"))
    return column


def _split_ref(ref: str) -> tuple[int, int]:
    """"F12" -> (5, 12): 0-based column, 1-based row."""
    letters = ref.rstrip("0123456789")
    return _column_of(letters), int(ref[len(letters):])


def _parse_xml(stream: io.BufferedIOBase | bytes, start, end=None, characters=None) -> None:
    """Run expat over a part of the workbook with these handlers (chunk by chunk for a stream)."""
    parser = ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if characters is not None:
        parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = _refuse_doctype
    if isinstance(stream, bytes):
        parser.Parse(stream, True)
        return
    while chunk := stream.read(1 << 20):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def _refuse_doctype(*_: object) -> None:
    raise ValueError("DTD in a workbook part")  # never in a real workbook; refuses entity tricks


def _local(name: str) -> str:
    return name.rpartition(":")[2] if ":" in name else name


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def _unescape_ooxml(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


@dataclass
class _Book:
    """The workbook-level parts: sheets in order (title, part), shared strings, date styles, epoch."""

    parts: _Parts
    sheets: list[tuple[str, str]]
    strings: list[str]
    date_styles: set[str]
    timedelta_styles: set[str]
    epoch: dt.datetime


class _Parts:
    """Zip members by name, tolerating the odd exporter that changes their case."""

    def __init__(self, archive: zipfile.ZipFile) -> None:
        self.archive = archive
        self.exact = set(archive.namelist())
        self.names = {name.lower(): name for name in self.exact}

    def get(self, name: str) -> str | None:
        name = name.lstrip("/")
        return name if name in self.exact else self.names.get(name.lower())

    def read(self, name: str) -> bytes:
        found = self.get(name)
        if found is None:
            raise KeyError(f"bagian {name} tidak ada")
        return self.archive.read(found)


def _relationships(parts: _Parts, owner: str) -> dict[str, tuple[str, str]]:
    """Id -> (type, resolved target) from the .rels part of `owner` ("" for the package)."""
    folder, _, base = owner.rpartition("/")
    rels = f"{folder}/_rels/{base}.rels" if owner else "_rels/.rels"
    found: dict[str, tuple[str, str]] = {}

    def start(name: str, attrs: dict[str, str]) -> None:
        if _local(name) == "Relationship" and attrs.get("TargetMode") != "External":
            target = attrs.get("Target", "")
            target = target.lstrip("/") if target.startswith("/") else posixpath.normpath(
                posixpath.join(folder, target))
            found[attrs.get("Id", "")] = (attrs.get("Type", ""), target)

    if parts.get(rels) is not None:
        _parse_xml(parts.read(rels), start)
    return found


def _open_book(archive: zipfile.ZipFile) -> _Book:
    from openpyxl.utils.datetime import CALENDAR_MAC_1904, WINDOWS_EPOCH  # openpyxl only for workbooks

    parts = _Parts(archive)
    package = _relationships(parts, "")
    main = next((t for kind, t in package.values() if kind.endswith("/officeDocument")), "xl/workbook.xml")
    links = _relationships(parts, main)

    sheets: list[tuple[str, str]] = []
    date1904 = [False]

    def workbook_start(name: str, attrs: dict[str, str]) -> None:
        name = _local(name)
        if name == "sheet":
            rid = next((v for k, v in attrs.items() if k == "id" or k.endswith(":id")), "")
            kind, target = links.get(rid, ("", ""))
            if kind.endswith("/worksheet"):  # chart sheets and macro sheets hold no table
                sheets.append((attrs.get("name", ""), target))
        elif name == "workbookPr":
            date1904[0] = attrs.get("date1904", "0").lower() in ("1", "true")

    _parse_xml(parts.read(main), workbook_start)

    def target_of(kind: str) -> str | None:
        return next((t for k, t in links.values() if k.endswith(kind)), None)

    strings: list[str] = []
    strings_part = target_of("/sharedStrings")
    if strings_part and parts.get(strings_part):
        with archive.open(parts.get(strings_part)) as stream:
            strings = _read_strings(stream)
    date_styles, timedelta_styles = set(), set()
    styles_part = target_of("/styles")
    if styles_part and parts.get(styles_part):
        date_styles, timedelta_styles = _read_date_styles(parts.read(styles_part))
    return _Book(parts, sheets, strings, date_styles, timedelta_styles,
                 CALENDAR_MAC_1904 if date1904[0] else WINDOWS_EPOCH)


def _read_strings(stream: io.BufferedIOBase) -> list[str]:
    """The shared-string table: each <si>'s text runs, without phonetic guides (<rPh>)."""
    strings: list[str] = []
    state: dict[str, object] = {"parts": [], "text": None, "phonetic": False}

    def start(name: str, attrs: dict[str, str]) -> None:
        name = _local(name)
        if name == "si":
            state["parts"] = []
        elif name == "t" and not state["phonetic"]:
            state["text"] = []
        elif name == "rPh":
            state["phonetic"] = True

    def end(name: str) -> None:
        name = _local(name)
        if name == "t" and state["text"] is not None:
            state["parts"].append("".join(state["text"]))  # type: ignore[union-attr]
            state["text"] = None
        elif name == "si":
            strings.append(_unescape_ooxml("".join(state["parts"])))  # type: ignore[arg-type]
        elif name == "rPh":
            state["phonetic"] = False

    def characters(data: str) -> None:
        if state["text"] is not None:
            state["text"].append(data)  # type: ignore[union-attr]

    _parse_xml(stream, start, end, characters)
    return strings


def _read_date_styles(xml: bytes) -> tuple[set[str], set[str]]:
    """Cell style numbers (the s="" of a cell) whose number format shows a date, or a duration."""
    from openpyxl.styles.numbers import BUILTIN_FORMATS, is_date_format, is_timedelta_format

    custom: dict[int, str] = {}
    formats: list[int] = []
    inside = [False]

    def start(name: str, attrs: dict[str, str]) -> None:
        name = _local(name)
        if name == "numFmt":
            custom[int(attrs.get("numFmtId", "0"))] = attrs.get("formatCode", "")
        elif name == "cellXfs":
            inside[0] = True
        elif name == "xf" and inside[0]:
            formats.append(int(attrs.get("numFmtId", "0")))

    def end(name: str) -> None:
        if _local(name) == "cellXfs":
            inside[0] = False

    _parse_xml(xml, start, end)
    dates, durations = set(), set()
    for index, number in enumerate(formats):
        code = custom.get(number, BUILTIN_FORMATS.get(number))
        if code and is_date_format(code):
            dates.add(str(index))
        if code and is_timedelta_format(code):
            durations.add(str(index))
    return dates, durations


class _SheetReader:
    """Stream one worksheet's XML with expat, giving each row's cell values the way openpyxl's
    read-only, data_only mode does (shared strings, numbers, dates by cell style, booleans, error
    values, inline strings, a formula's stored value), plus what that mode does not tell: formulas
    without a stored value and merged ranges. One pass, about three times faster than openpyxl's
    ElementTree-based reader, and only the wanted columns are kept once the header is known."""

    def __init__(self, strings: Sequence[object], date_styles: Iterable[int], timedelta_styles: Iterable[int],
                 epoch: dt.datetime) -> None:
        from openpyxl.utils.datetime import from_excel, from_ISO8601

        self._from_excel, self._from_iso = from_excel, from_ISO8601
        self.strings = strings
        self.date_styles = {str(s) for s in date_styles}
        self.timedelta_styles = {str(s) for s in timedelta_styles}
        self.epoch = epoch
        self.wanted: set[int] | None = None  # column positions to keep (None: all)
        self.merges: list[tuple[int, int, int, int]] = []  # (first col 0-based, first row, last col, last row)
        self.uncached: list[tuple[int, int, str]] = []  # (row, col 0-based, formula text)
        self._ready: list[tuple[int, dict[int, object]]] = []
        self._row, self._col = 0, -1
        self._cells: dict[int, object] = {}
        self._type = self._style = None
        self._value: str | None = None
        self._formula: str | None = None
        self._inline: list[str] | None = None
        self._text: list[str] | None = None
        self._phonetic = False

    def rows(self, stream: io.BufferedIOBase) -> Iterator[tuple[int, dict[int, object]]]:
        """(Excel row number, {column position: value}) for each row holding a cell."""
        parser = ParserCreate()
        parser.buffer_text = True
        parser.buffer_size = 1 << 16
        parser.StartElementHandler = self._start
        parser.EndElementHandler = self._end
        parser.CharacterDataHandler = self._characters
        parser.StartDoctypeDeclHandler = _refuse_doctype
        while chunk := stream.read(1 << 20):
            parser.Parse(chunk, False)
            if self._ready:
                yield from self._ready
                self._ready = []
        parser.Parse(b"", True)
        yield from self._ready
        self._ready = []

    def _start(self, name: str, attrs: dict[str, str]) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            ref = attrs.get("r")
            self._col = _column_of(ref) if ref else self._col + 1
            self._type = attrs.get("t", "n")
            self._style = attrs.get("s")
            self._value = self._formula = self._inline = None
        elif name == "v" or name == "f":
            self._text = []
        elif name == "row":
            ref = attrs.get("r")
            self._row = int(ref) if ref else self._row + 1
            self._col = -1
            self._cells = {}
        elif name == "is":
            self._inline = []
        elif name == "t":
            if self._inline is not None and not self._phonetic:
                self._text = []
        elif name == "rPh":
            self._phonetic = True
        elif name == "mergeCell":
            ref = attrs.get("ref", "")
            first, _, last = ref.partition(":")
            if first:
                (c1, r1), (c2, r2) = _split_ref(first), _split_ref(last or first)
                self.merges.append((c1, r1, c2, r2))

    def _characters(self, data: str) -> None:
        if self._text is not None:
            self._text.append(data)

    def _end(self, name: str) -> None:
        if ":" in name:
            name = name.rpartition(":")[2]
        if name == "c":
            self._cell()
        elif name == "v":
            self._value = "".join(self._text or ())
            self._text = None
        elif name == "f":
            self._formula = "".join(self._text or ())
            self._text = None
        elif name == "t":
            if self._text is not None and self._inline is not None:
                self._inline.append("".join(self._text))
            self._text = None
        elif name == "rPh":
            self._phonetic = False
        elif name == "row":
            if self._cells:
                self._ready.append((self._row, self._cells))

    def _cell(self) -> None:
        col, kind, raw = self._col, self._type, self._value
        if self._formula is not None and not raw and kind not in ("str", "inlineStr"):
            self.uncached.append((self._row, col, self._formula))  # never calculated: no value stored
        if self.wanted is not None and col not in self.wanted:
            return
        if kind == "inlineStr":
            value: object = _unescape_ooxml("".join(self._inline)) if self._inline else None
        elif not raw:
            return
        elif kind == "n":
            number = float(raw) if ("." in raw or "E" in raw or "e" in raw) else int(raw)
            value = self._date(number) if self._style in self.date_styles else number
        elif kind == "s":
            value = self.strings[int(raw)]
        elif kind == "b":
            value = bool(int(raw))
        elif kind == "d":
            value = self._from_iso(raw)
        else:  # "str" (a formula's text), "e" (#N/A, #REF!...)
            value = raw
        if value is not None:
            self._cells[col] = value

    def _date(self, number: float) -> object:
        try:
            return self._from_excel(number, self.epoch, timedelta=self._style in self.timedelta_styles)
        except (OverflowError, ValueError):
            return "#VALUE!"  # what openpyxl gives for a date serial outside Excel's range


def _collect(spec: Sheet, reader: _SheetReader, rows: Iterator[tuple[int, dict[int, object]]], file: str,
             sheet: str) -> _Collected | None:
    """Find the header among the first non-empty rows, then keep only the matched columns of the rows
    below it that hold a value. None when the sheet holds nothing at all."""
    head: list[tuple[int, dict[int, object]]] = []
    for number, cells in rows:
        if not _row_blank(list(cells.values())):
            head.append((number, cells))
            if len(head) == HEADER_SEARCH_ROWS:
                break
    if not head:
        return None
    as_lists = [[cells.get(i) for i in range(max(cells) + 1)] for _, cells in head]
    index, matched = _find_header(spec, as_lists)
    _check_columns(spec, matched, file, sheet)
    positions = list(matched.values())
    reader.wanted = set(positions)
    columns: list[list[object]] = [[] for _ in positions]
    numbers: list[int] = []
    for number, cells in itertools.chain(head[index + 1:], rows):
        picked = [cells.get(p) for p in positions]
        if _row_blank(picked):
            continue
        numbers.append(number)
        for column, value in zip(columns, picked):
            column.append(value)
    return _Collected(head[index][0], matched, dict(zip(matched, columns)), numbers)


@dataclass
class _Collected:
    header_row: int
    matched: dict[str, int]
    columns: dict[str, list[object]]
    numbers: list[int]


def _fill_merged(collected: _Collected, merges: list[tuple[int, int, int, int]]) -> None:
    """A cell merged down over data rows shows its value on each of them in Excel: copy it down
    (in the merge's first column; the other covered columns stay empty)."""
    by_position = {position: name for name, position in collected.matched.items()}
    wanted = [m for m in merges if m[0] in by_position and m[3] > m[1] > collected.header_row]
    if not wanted:
        return
    index = {number: i for i, number in enumerate(collected.numbers)}
    for first_col, first_row, _, last_row in wanted:
        values = collected.columns[by_position[first_col]]
        top = index.get(first_row)
        if top is None or _blank(values[top]):
            continue
        for number in range(first_row + 1, last_row + 1):
            i = index.get(number)
            if i is not None and _blank(values[i]):
                values[i] = values[top]


def _check_formulas(collected: _Collected, uncached: list[tuple[int, int, str]], file: str,
                    sheet: str) -> None:
    """Formulas no spreadsheet ever calculated carry no value: reading them would see empty cells."""
    by_position = {position: name for name, position in collected.matched.items()}
    hits = sorted((row, col, text) for row, col, text in uncached
                  if col in by_position and row > collected.header_row)
    if not hits:
        return
    row, col, text = hits[0]
    cells = ", ".join(f"{_column_letter(c)}{r}" for r, c, _ in hits[:10])
    raise InputError(
        f"sel berisi rumus (={text}) yang nilainya belum pernah dihitung Excel, sehingga tidak ada nilai "
        f"tersimpan ({len(hits)} sel seperti ini: {cells}{' dst.' if len(hits) > 10 else ''}); buka berkas "
        "di Excel, simpan ulang, lalu coba lagi, atau ganti rumus dengan nilainya",
        file=file, sheet=sheet, row=row, column=by_position[col],
    )


def _read_worksheet(spec: Sheet, book: _Book, title: str, part: str, file: str) -> RawSheet | None:
    reader = _SheetReader(book.strings, book.date_styles, book.timedelta_styles, book.epoch)
    try:
        with book.parts.archive.open(book.parts.get(part) or part) as stream:
            collected = _collect(spec, reader, reader.rows(stream), file, title)
    except _CORRUPT as exc:
        raise InputError(
            f"lembar tidak dapat dibaca: berkas rusak atau terpotong ({type(exc).__name__})",
            file=file, sheet=title,
        ) from exc
    if collected is None:
        return None
    _check_formulas(collected, reader.uncached, file, title)
    _fill_merged(collected, reader.merges)
    data = pd.DataFrame(
        {name: pd.Series(values, dtype=object) for name, values in collected.columns.items()},
        index=pd.RangeIndex(len(collected.numbers)),
    )
    data["_row"] = np.asarray(collected.numbers, dtype=np.int64)
    return RawSheet(file, title, collected.header_row, data)


def _read_xlsx(path: Path) -> tuple[dict[str, RawSheet], dict[str, str], list[str]]:
    """-> (sheets read, empty known sheets -> their title, every worksheet title)."""
    label = path.name
    _check_workbook_file(path, label)
    found: dict[str, RawSheet] = {}
    empty: dict[str, str] = {}
    with zipfile.ZipFile(path) as archive:
        try:
            book = _open_book(archive)
        except _CORRUPT as exc:
            raise InputError(
                f"workbook Excel (.xlsx) rusak sehingga tidak dapat dibuka ({type(exc).__name__}); buka di "
                "Excel dan simpan ulang, atau salin atau unduh ulang berkasnya", file=label,
            ) from exc
        for title, part in book.sheets:
            sheet = _sheet_for(title)
            if sheet is None:
                continue
            raw = _read_worksheet(SHEETS[sheet], book, title, part, label)
            if raw is None:
                empty.setdefault(sheet, title)
                continue
            if sheet in found:
                raise InputError(
                    f"lembar '{sheet}' ada dua kali ({found[sheet].sheet} dan {title})", file=label, sheet=title,
                )
            found[sheet] = raw
    return found, empty, [title for title, _ in book.sheets]


# --- CSV and parquet ---------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    """UTF-16 with its BOM (Excel's "Unicode Text"), UTF-8 (with or without BOM), else Windows-1252,
    which is what Excel writes for "CSV" on an Indonesian or English Windows."""
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        return raw.decode("utf-16")
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _csv_head(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    """The first non-empty records as (record index, fields); a record is an Excel row."""
    head: list[tuple[int, list[str]]] = []
    try:
        reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
        for index, record in enumerate(itertools.islice(reader, 10_000)):
            if not _row_blank(record):
                head.append((index, record))
                if len(head) == HEADER_SEARCH_ROWS:
                    break
    except csv.Error:
        return head
    return head


def _csv_header(spec: Sheet, text: str, file: str, sheet: str) -> tuple[str, int, dict[str, int], int]:
    """-> (delimiter, header record index, matched columns, header width). The delimiter is the one
    under which the header matches the most columns (a comma-only sniffer misreads ';' files)."""
    best: tuple[int, int, str, int, dict[str, int], int] | None = None
    for order, delimiter in enumerate(CSV_DELIMITERS):
        head = _csv_head(text, delimiter)
        if not head:
            continue
        index, matched = _find_header(spec, [fields for _, fields in head])
        record, fields = head[index]
        score = (len(matched), -order)
        if best is None or score > best[:2]:
            best = (*score, delimiter, record, matched, len(fields))
    if best is None:
        raise InputError("berkas kosong: tidak ada judul kolom maupun data", file=file, sheet=sheet)
    _, _, delimiter, record, matched, width = best
    _check_columns(spec, matched, file, sheet)
    return delimiter, record, matched, width


def _ragged(text: str, delimiter: str, skip: int, width: int, file: str, sheet: str) -> pd.DataFrame:
    """Records read one by one (the fast parser stopped at a longer row): trailing empty fields are
    harmless; a value beyond the header's last column means the columns slid, which is an error."""
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for index, record in enumerate(itertools.islice(reader, skip, None), start=skip + 1):
        if len(record) > width:
            if not _row_blank(record[width:]):
                raise InputError(
                    f"baris ini berisi {len(record)} kolom, padahal baris judul (baris {skip}) hanya {width}, "
                    "sehingga tidak pasti nilai mana milik kolom mana; periksa tanda pemisah "
                    f"'{delimiter}' di dalam nilai yang tidak diapit tanda kutip, atau beri judul pada kolom "
                    "tambahan", file=file, sheet=sheet, row=index,
                )
            record = record[:width]
        records.append(record + [""] * (width - len(record)))
    return pd.DataFrame(records, columns=list(range(width)), dtype=object)


def _read_csv(path: Path, sheet: str) -> RawSheet | None:
    """One sheet from a CSV file; None for an empty file of an optional sheet."""
    spec = SHEETS[sheet]
    label = path.name
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"tidak dapat dibaca ({exc.strerror})", file=label) from exc
    kind = _kind(raw[:4096])
    if kind == "zip":
        raise InputError("berkas ini workbook Excel (.xlsx) yang diberi ekstensi .csv: ganti ekstensinya "
                         "menjadi .xlsx, atau simpan ulang dari Excel sebagai CSV", file=label, sheet=sheet)
    if kind == "cfb":
        raise InputError("berkas ini berkas Excel (.xls atau dilindungi kata sandi), bukan CSV: buka di Excel "
                         "lalu simpan sebagai CSV", file=label, sheet=sheet)
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        raise InputError(
            "tidak dapat dibaca sebagai teks CSV (UTF-8 atau Windows-1252): berkas rusak atau bukan CSV",
            file=label, sheet=sheet,
        ) from exc
    if not _INVISIBLE.sub("", text).strip():
        if spec.required:
            raise InputError("berkas kosong: tidak ada judul kolom maupun data", file=label, sheet=sheet)
        return None
    delimiter, record, matched, width = _csv_header(spec, text, label, sheet)
    try:
        with warnings.catch_warnings():
            # A first row longer than the header is only a warning to pandas, which then drops the
            # extra fields: here it is read record by record like any other long row.
            warnings.simplefilter("error", pd.errors.ParserWarning)
            frame = pd.read_csv(
                io.StringIO(text, newline=""), sep=delimiter, header=None, names=list(range(width)),
                index_col=False, skiprows=record + 1, dtype=str, keep_default_na=False,
                skip_blank_lines=False, engine="c",
            )
    except pd.errors.EmptyDataError:  # a header and no data rows: an empty table, not an error
        frame = pd.DataFrame(columns=list(range(width)))
    except (pd.errors.ParserError, pd.errors.ParserWarning):
        frame = _ragged(text, delimiter, record + 1, width, label, sheet)
    data = pd.DataFrame(
        {name: frame[pos].astype(object) for name, pos in matched.items()},
        index=pd.RangeIndex(len(frame)),
    )
    data["_row"] = np.arange(len(frame), dtype=np.int64) + record + 2
    return RawSheet(label, sheet, record + 1, _drop_empty(data))


def _read_parquet(path: Path, sheet: str) -> RawSheet:
    """Only the columns ipasn reads are read (a SIASN export has dozens more)."""
    spec = SHEETS[sheet]
    import pyarrow
    import pyarrow.parquet as pq

    def unreadable(exc: Exception) -> InputError:
        return InputError(
            f"tidak dapat dibaca sebagai parquet: berkas rusak atau bukan parquet ({type(exc).__name__})",
            file=path.name, sheet=sheet,
        )

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError, pyarrow.ArrowException) as exc:
        raise unreadable(exc) from exc
    names = schema.names
    matched = _match_columns(spec, names)
    _check_columns(spec, matched, path.name, sheet)
    wanted = sorted(set(matched.values()))
    for i in wanted:  # columns are read by name: a repeated one would shift the others
        if names.count(names[i]) > 1:
            raise InputError(f"judul kolom '{names[i]}' muncul lebih dari sekali; beri setiap kolom nama "
                             "yang berbeda", file=path.name, sheet=sheet, column=names[i])
    # Text columns other than the NIP repeat a few values over millions of rows: read them as
    # dictionaries (categoricals), so each distinct value is decoded and parsed once.
    text = (pyarrow.types.is_string, pyarrow.types.is_large_string)
    repeated = [names[i] for i in wanted
                if i != matched.get("nip") and any(is_text(schema.types[i]) for is_text in text)]
    try:
        table = pq.ParquetFile(path, read_dictionary=repeated).read(
            columns=[names[i] for i in wanted], use_pandas_metadata=False)
        frame = table.to_pandas()
    except (OSError, ValueError, pyarrow.ArrowException) as exc:
        raise unreadable(exc) from exc
    data = pd.DataFrame({name: frame.iloc[:, wanted.index(pos)] for name, pos in matched.items()})
    data["_row"] = np.arange(len(frame), dtype=np.int64) + 2
    return RawSheet(path.name, sheet, 1, data.reset_index(drop=True))


def _is_hidden(path: Path) -> bool:
    """Lock files and macOS copies ("~$data.xlsx", ".~lock.pegawai.csv#", "._pegawai.csv")."""
    return path.name.startswith((".", "~$"))


def _read_folder(path: Path) -> tuple[dict[str, RawSheet], dict[str, str], list[str]]:
    try:
        children = sorted(c for c in path.iterdir() if c.is_file() and not _is_hidden(c))
    except OSError as exc:
        raise InputError(f"folder tidak dapat dibaca ({exc.strerror})", file=path.name) from exc
    tables = [c for c in children if c.suffix.lower() in TABLE_SUFFIXES]
    if not tables:
        workbooks = [c.name for c in children if c.suffix.lower() in (*EXCEL_SUFFIXES, ".xls")]
        hint = (f"; folder ini berisi workbook {', '.join(workbooks[:3])}: berikan path workbook itu, "
                "bukan foldernya") if workbooks else ""
        raise InputError(
            "folder tidak berisi berkas .csv atau .parquet (satu berkas per lembar: pegawai.csv, "
            f"diklat.csv, kinerja.csv, hukdis.csv){hint}", file=path.name,
        )
    found: dict[str, RawSheet] = {}
    empty: dict[str, str] = {}
    for child in tables:
        sheet = _sheet_for(child.stem)
        if sheet is None:
            continue
        reader = _read_parquet if child.suffix.lower() == ".parquet" else _read_csv
        raw = reader(child, sheet)
        if raw is None:
            empty.setdefault(sheet, child.name)
            continue
        if sheet in found:
            raise InputError(
                f"lembar '{sheet}' ada dua kali ({found[sheet].file} dan {child.name})", file=path.name
            )
        found[sheet] = raw
    return found, empty, [c.name for c in tables]


def _check_unknown_file(path: Path) -> None:
    suffix = path.suffix.lower()
    kind = _kind(_head(path))
    if suffix == ".ods":
        raise InputError(f"format OpenDocument (.ods) tidak didukung: {SAVE_AS_XLSX}", file=path.name)
    if suffix == ".xlsb":
        raise InputError(f"format Excel biner (.xlsb) tidak didukung: {SAVE_AS_XLSX}", file=path.name)
    hint = "; isinya tampak workbook Excel: beri ekstensi .xlsx" if kind == "zip" else ""
    raise InputError(
        f"format {suffix or '(tanpa ekstensi)'} tidak dikenal: gunakan workbook .xlsx atau folder berisi "
        f".csv per lembar{hint}", file=path.name,
    )


def read_tables(path: str | Path) -> dict[str, RawSheet]:
    """Read every known sheet of a workbook, a folder of CSV/parquet files, or a single CSV (pegawai)."""
    path = Path(path)
    if not path.exists():
        raise InputError("berkas atau folder tidak ditemukan", file=str(path))
    found: dict[str, RawSheet]
    empty: dict[str, str] = {}
    present: list[str] = []
    if path.is_dir():
        found, empty, present = _read_folder(path)
        what = "berkas"
    elif path.suffix.lower() in (*EXCEL_SUFFIXES, ".xls"):
        found, empty, present = _read_xlsx(path)
        what = "lembar"
    elif path.suffix.lower() == ".csv":
        single = _read_csv(path, "pegawai")
        found = {"pegawai": single} if single is not None else {}
        what = "berkas"
    elif path.suffix.lower() == ".parquet":
        found = {"pegawai": _read_parquet(path, "pegawai")}
        what = "berkas"
    else:
        _check_unknown_file(path)
        raise AssertionError("unreachable")  # pragma: no cover
    for name, spec in SHEETS.items():
        if not spec.required or name in found:
            continue
        if name in empty:
            raise InputError(f"lembar wajib '{name}' kosong: tidak ada judul kolom maupun data",
                             file=path.name, sheet=empty[name])
        listed = f"; {what} yang ada: {', '.join(present)}" if present else ""
        raise InputError(
            f"lembar wajib '{name}' tidak ditemukan (nama lain yang diterima: "
            f"{', '.join(SHEET_ALIASES[name])}){listed}", file=path.name, sheet=name,
        )
    return found
