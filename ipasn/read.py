"""Read the input workbook (or folder of CSV/parquet files) into raw tables with Excel row numbers.

Nothing is interpreted here beyond finding the header row and naming the columns: every value is kept
as the file gave it, so that a finding can quote it. `normalize.py` turns values into meaning.
"""

from __future__ import annotations

import csv
import io
import zipfile
import zlib
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.errors import InputError
from ipasn.schema import SHEET_ALIASES, SHEETS, Sheet, header_key

HEADER_SEARCH_ROWS = 30
TABLE_SUFFIXES = (".csv", ".parquet")


@dataclass
class RawSheet:
    """One input table: canonical column name -> raw values, with the row number the user sees."""

    file: str
    sheet: str
    header_row: int
    data: pd.DataFrame  # canonical columns (object dtype), plus `_row` (int64)

    def __len__(self) -> int:
        return len(self.data)


def _match_columns(spec: Sheet, headers: list[object]) -> dict[str, int]:
    """Canonical column -> position of its header cell; the first alias present wins."""
    positions: dict[str, int] = {}
    keys = [header_key(h) for h in headers]
    for column in spec.columns:
        for alias in column.keys:
            if alias in keys:
                positions[column.name] = keys.index(alias)
                break
    return positions


def _find_header(spec: Sheet, rows: list[list[object]]) -> tuple[int, dict[str, int]]:
    """Index of the header row among the first rows (title rows may stand above it)."""
    best = (0, {})
    for index, row in enumerate(rows[:HEADER_SEARCH_ROWS]):
        matched = _match_columns(spec, row)
        if len(matched) > len(best[1]):
            best = (index, matched)
    return best


def _check_columns(spec: Sheet, matched: dict[str, int], file: str, sheet: str) -> None:
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


def _frame(spec: Sheet, rows: list[list[object]], first_row_number: int, file: str,
           sheet: str) -> RawSheet:
    """Build a RawSheet from rows (header search included); row numbers start at first_row_number."""
    header_index, matched = _find_header(spec, rows)
    _check_columns(spec, matched, file, sheet)
    body = rows[header_index + 1:]
    numbers = np.arange(len(body), dtype=np.int64) + first_row_number + header_index + 1
    columns = {}
    for name, position in matched.items():
        columns[name] = pd.Series(
            [r[position] if position < len(r) else None for r in body], dtype=object
        )
    data = pd.DataFrame(columns, index=pd.RangeIndex(len(body)))
    data["_row"] = numbers
    return RawSheet(file, sheet, first_row_number + header_index, _drop_empty(data))


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
    k = header_key(name)
    for sheet, aliases in SHEET_ALIASES.items():
        if k in {header_key(a) for a in aliases}:
            return sheet
    return None


# --- Excel -----------------------------------------------------------------------------------


def _read_xlsx(path: Path) -> dict[str, RawSheet]:
    import openpyxl
    from openpyxl.utils.exceptions import InvalidFileException

    label = path.name
    # What a damaged workbook raises from inside openpyxl: a broken zip or deflate stream, a missing
    # part, or malformed XML (ElementTree and lxml parse errors are SyntaxErrors).
    corrupt = (zipfile.BadZipFile, InvalidFileException, KeyError, OSError, EOFError, SyntaxError,
               ValueError, TypeError, zlib.error)
    try:
        workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except corrupt as exc:
        raise InputError(
            "tidak dapat dibuka sebagai workbook Excel (.xlsx): berkas rusak, terpotong, atau "
            f"dilindungi kata sandi ({type(exc).__name__})", file=label,
        ) from exc
    try:
        found: dict[str, RawSheet] = {}
        for worksheet in workbook.worksheets:
            sheet = _sheet_for(worksheet.title)
            if sheet is None:
                continue
            if sheet in found:
                raise InputError(
                    f"lembar '{sheet}' ada dua kali ({found[sheet].sheet} dan {worksheet.title})",
                    file=label, sheet=worksheet.title,
                )
            # Read-only mode trusts the stored <dimension>, which many exporters write wrongly
            # (e.g. "A1"); without resetting it, columns beyond it would silently disappear.
            try:
                if hasattr(worksheet, "reset_dimensions"):
                    worksheet.reset_dimensions()
                rows = [list(r) for r in worksheet.iter_rows(values_only=True)]
            except corrupt as exc:
                raise InputError(
                    "lembar tidak dapat dibaca: berkas rusak atau terpotong "
                    f"({type(exc).__name__})", file=label, sheet=worksheet.title,
                ) from exc
            found[sheet] = _frame(SHEETS[sheet], rows, 1, label, worksheet.title)
        return found
    finally:
        workbook.close()


# --- CSV and parquet ---------------------------------------------------------------------------


def _decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM) first; Windows-1252 is what Excel writes otherwise."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        return raw.decode("cp1252")


def _read_csv(path: Path, sheet: str) -> RawSheet:
    spec = SHEETS[sheet]
    try:
        text = _decode(path.read_bytes())
    except OSError as exc:
        raise InputError(f"tidak dapat dibaca ({exc.strerror})", file=path.name) from exc
    except UnicodeDecodeError as exc:
        raise InputError(
            "tidak dapat dibaca sebagai teks CSV (UTF-8 atau Windows-1252): berkas rusak atau bukan CSV",
            file=path.name, sheet=sheet,
        ) from exc
    head_lines = text.splitlines()[:HEADER_SEARCH_ROWS]
    try:
        dialect = csv.Sniffer().sniff("\n".join(head_lines) or ",", delimiters=",;\t|")
        delimiter = dialect.delimiter
    except csv.Error:
        delimiter = ","
    head = list(csv.reader(head_lines, delimiter=delimiter))
    header_index, matched = _find_header(spec, head)
    _check_columns(spec, matched, path.name, sheet)
    try:
        frame = pd.read_csv(
            io.StringIO(text), sep=delimiter, header=None, skiprows=header_index + 1, dtype=str,
            keep_default_na=False, skip_blank_lines=False, engine="c",
        )
    except pd.errors.EmptyDataError:  # a header and no data rows: an empty table, not an error
        frame = pd.DataFrame()
    except pd.errors.ParserError as exc:
        raise InputError(
            "tidak dapat dibaca sebagai CSV: jumlah kolom tidak sama di setiap baris "
            f"({' '.join(str(exc).split())})",
            file=path.name, sheet=sheet,
        ) from exc
    data = pd.DataFrame(
        {name: frame[pos].astype(object) if pos in frame.columns else pd.Series(
            [None] * len(frame), dtype=object) for name, pos in matched.items()},
        index=pd.RangeIndex(len(frame)),
    )
    data["_row"] = np.arange(len(frame), dtype=np.int64) + header_index + 2
    return RawSheet(path.name, sheet, header_index + 1, _drop_empty(data))


def _read_parquet(path: Path, sheet: str) -> RawSheet:
    spec = SHEETS[sheet]
    import pyarrow

    try:
        frame = pd.read_parquet(path)
    except (OSError, ValueError, pyarrow.ArrowException) as exc:
        raise InputError(
            f"tidak dapat dibaca sebagai parquet: berkas rusak atau bukan parquet ({type(exc).__name__})",
            file=path.name, sheet=sheet,
        ) from exc
    matched = _match_columns(spec, list(frame.columns))
    _check_columns(spec, matched, path.name, sheet)
    data = pd.DataFrame({name: frame.iloc[:, pos] for name, pos in matched.items()})
    data["_row"] = np.arange(len(frame), dtype=np.int64) + 2
    return RawSheet(path.name, sheet, 1, data.reset_index(drop=True))


def _read_folder(path: Path) -> dict[str, RawSheet]:
    found: dict[str, RawSheet] = {}
    for child in sorted(path.iterdir()):
        if child.suffix.lower() not in TABLE_SUFFIXES or not child.is_file():
            continue
        sheet = _sheet_for(child.stem)
        if sheet is None:
            continue
        if sheet in found:
            raise InputError(
                f"lembar '{sheet}' ada dua kali ({found[sheet].file} dan {child.name})", file=str(path)
            )
        reader = _read_parquet if child.suffix.lower() == ".parquet" else _read_csv
        found[sheet] = reader(child, sheet)
    return found


def read_tables(path: str | Path) -> dict[str, RawSheet]:
    """Read every known sheet of a workbook, a folder of CSV/parquet files, or a single CSV (pegawai)."""
    path = Path(path)
    if not path.exists():
        raise InputError("berkas atau folder tidak ditemukan", file=str(path))
    if path.is_dir():
        found = _read_folder(path)
    elif path.suffix.lower() in (".xlsx", ".xlsm"):
        found = _read_xlsx(path)
    elif path.suffix.lower() == ".csv":
        found = {"pegawai": _read_csv(path, "pegawai")}
    elif path.suffix.lower() == ".parquet":
        found = {"pegawai": _read_parquet(path, "pegawai")}
    else:
        raise InputError(
            "format tidak dikenal: gunakan workbook .xlsx atau folder berisi .csv per lembar",
            file=path.name,
        )
    for name, spec in SHEETS.items():
        if spec.required and name not in found:
            raise InputError(
                f"lembar wajib '{name}' tidak ditemukan (nama lain yang diterima: "
                f"{', '.join(SHEET_ALIASES[name])})", file=path.name, sheet=name,
            )
    return found
