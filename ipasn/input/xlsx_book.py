"""The workbook-level parts of an .xlsx (.xlsm) file, read with expat straight from the zip.

`open_book` finds the worksheets in order (chart and macro sheets hold no table), the shared-string
table, which cell styles show a date or a duration, and the date epoch (1900 or 1904); the
worksheets themselves are streamed by xlsx.py. The XML helpers here refuse a DTD (no entity tricks)
and undo Excel's _xHHHH_ escapes.
"""

from __future__ import annotations

import datetime as dt
import io
import posixpath
import re
import zipfile
from dataclasses import dataclass
from pyexpat import ParserCreate

def _parse_xml(stream: io.BufferedIOBase | bytes, start, end=None, characters=None) -> None:
    """Run expat over a part of the workbook with these handlers (chunk by chunk for a stream)."""
    parser = ParserCreate()
    parser.buffer_text = True
    parser.StartElementHandler = start
    if end is not None:
        parser.EndElementHandler = end
    if characters is not None:
        parser.CharacterDataHandler = characters
    parser.StartDoctypeDeclHandler = refuse_doctype
    if isinstance(stream, bytes):
        parser.Parse(stream, True)
        return
    while chunk := stream.read(1 << 20):
        parser.Parse(chunk, False)
    parser.Parse(b"", True)


def refuse_doctype(*_: object) -> None:
    raise ValueError("DTD in a workbook part")  # never in a real workbook; refuses entity tricks


def _local(name: str) -> str:
    return name.rpartition(":")[2] if ":" in name else name


_ESCAPED = re.compile(r"_x([0-9A-Fa-f]{4})_")


def unescape_ooxml(text: str) -> str:
    """Excel writes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring)."""
    return _ESCAPED.sub(lambda m: chr(int(m.group(1), 16)), text) if "_x" in text else text


@dataclass
class Book:
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


def open_book(archive: zipfile.ZipFile) -> Book:
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
    return Book(parts, sheets, strings, date_styles, timedelta_styles,
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
            strings.append(unescape_ooxml("".join(state["parts"])))  # type: ignore[arg-type]
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
