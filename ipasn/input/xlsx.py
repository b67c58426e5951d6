"""Excel workbooks (.xlsx, .xlsm) read with expat, straight from the zip, row by row.

Only the columns ipasn uses are kept once the header is known (a wide 100 MB export costs the memory
of those columns only), and the same pass finds what openpyxl's read-only reader does not report:
formulas that were never calculated (no stored value) and merged cells. python-calamine (used for
.xls, .xlsb and .ods) reports neither, which is why .xlsx keeps this reader. The workbook-level
parts (sheet list, shared strings, date styles, epoch) are read by xlsx_book.py; this module streams
the worksheets.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
import zlib
from collections.abc import Iterable, Iterator, Sequence
from pathlib import Path
from pyexpat import ExpatError, ParserCreate

from ipasn.errors import InputError
from ipasn.input.xlsx_book import Book, open_book, refuse_doctype, unescape_ooxml

# What a damaged workbook raises while it is read: a broken zip or deflate stream, a compression or
# zip encryption zipfile cannot read, a missing part, malformed XML, a value or shared-string index
# that is not one.
CORRUPT = (zipfile.BadZipFile, KeyError, OSError, EOFError, ValueError, TypeError, IndexError,
            NotImplementedError, RuntimeError, zlib.error, ExpatError)


def _column_index(letters: str) -> int:
    """0-based column position of Excel column letters ("A" -> 0)."""
    number = 0
    for char in letters:
        number = number * 26 + ord(char) - 64
    return number - 1


def column_letter(position: int) -> str:
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
        parser.StartDoctypeDeclHandler = refuse_doctype
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
            value: object = unescape_ooxml("".join(self._inline)) if self._inline else None
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



class XlsxWorkbook:
    """An open .xlsx workbook: its worksheets in order, each streamed as rows on demand."""

    def __init__(self, path: Path, label: str) -> None:
        self.label = label
        self._archive = zipfile.ZipFile(path)
        try:
            self._book = open_book(self._archive)
        except CORRUPT as exc:
            self._archive.close()
            raise InputError(
                f"workbook Excel (.xlsx) rusak sehingga tidak dapat dibuka ({type(exc).__name__}); buka di "
                "Excel dan simpan ulang, atau salin atau unduh ulang berkasnya", file=label,
            ) from exc

    def __enter__(self) -> XlsxWorkbook:
        return self

    def __exit__(self, *_: object) -> None:
        self._archive.close()

    @property
    def titles(self) -> list[str]:
        return [title for title, _ in self._book.sheets]

    def sheet(self, index: int) -> XlsxSheet:
        _, part = self._book.sheets[index]
        return XlsxSheet(self._book, part)


class XlsxSheet:
    """One worksheet: `rows()` streams it; afterwards `merges` and `uncached` say what it held."""

    corrupt = CORRUPT

    def __init__(self, book: Book, part: str) -> None:
        self._book, self._part = book, part
        self._reader = _SheetReader(book.strings, book.date_styles, book.timedelta_styles, book.epoch)

    @property
    def merges(self) -> list[tuple[int, int, int, int]]:
        return self._reader.merges

    @property
    def uncached(self) -> list[tuple[int, int, str]]:
        return self._reader.uncached

    def keep_columns(self, positions: Iterable[int]) -> None:
        self._reader.wanted = set(positions)

    def rows(self) -> Iterator[tuple[int, dict[int, object]]]:
        parts = self._book.parts
        with parts.archive.open(parts.get(self._part) or self._part) as stream:
            yield from self._reader.rows(stream)
