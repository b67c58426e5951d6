"""One sheet (a worksheet, a CSV file, a parquet file) into a `RawSheet`: its role, header row and the
raw values of the columns ipasn reads, with the row numbers the user sees in Excel.

Nothing is interpreted here beyond naming the columns: every value is kept as the file gave it, so
that a finding can quote it (`clean/` turns values into meaning). Excel error values (#N/A, #REF! ...)
are the one exception: they are no value at all, so they become empty cells and are listed.
"""

from __future__ import annotations

import csv
import io
import itertools
import warnings
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from ipasn.errors import InputError, os_error_reason
from ipasn.input import roles
from ipasn.input.roles import INVISIBLE, Identified, Unrecognised
from ipasn.input.schema import SHEETS, Sheet
from ipasn.input.sniff import kind
from ipasn.input.xlsx import column_letter
from ipasn.missing import is_blank

CSV_DELIMITERS = (",", ";", "\t", "|")
# What Excel shows for a formula that failed; a CSV saved from Excel writes the same text.
EXCEL_ERRORS = frozenset({"#N/A", "#REF!", "#VALUE!", "#DIV/0!", "#NAME?", "#NUM!", "#NULL!", "#SPILL!",
                          "#CALC!", "#GETTING_DATA", "#FIELD!", "#BLOCKED!", "#CONNECT!", "#BUSY!",
                          "#UNKNOWN!", "#N/A!"})


@dataclass
class RawSheet:
    """One input table: canonical column name -> raw values, with the row number the user sees."""

    file: str
    sheet: str
    role: str
    header_row: int
    data: pd.DataFrame  # canonical columns (object dtype), plus `_row` (int64)
    headers: dict[str, str] = field(default_factory=dict)  # canonical column -> header as shown
    ignored: list[tuple[str, str]] = field(default_factory=list)  # (header as shown, why not used)
    errors: list[tuple[int, str, str]] = field(default_factory=list)  # (row, column, error value)
    note: str = ""

    def __len__(self) -> int:
        return len(self.data)

    @property
    def table(self) -> str:
        return SHEETS[self.role].target


@dataclass
class Skipped:
    """A sheet that is not read, and why; `finding` when it looked like data."""

    file: str
    sheet: str
    reason: str
    finding: bool = False
    header_row: int | None = None


Outcome = RawSheet | Skipped


def row_blank(values: Sequence[object]) -> bool:
    return all(is_blank(v) for v in values)


def _is_blank(values: pd.Series) -> np.ndarray:
    text = values.astype("string")
    return (text.isna() | (text.str.strip() == "")).to_numpy(bool)


def _drop_empty(data: pd.DataFrame) -> pd.DataFrame:
    """Rows with no value at all are not input rows (Excel's trailing blank rows)."""
    value_columns = [c for c in data.columns if c != "_row"]
    if not value_columns or data.empty:
        return data
    empty = np.ones(len(data), dtype=bool)
    for column in value_columns:
        empty &= _is_blank(data[column])
    return data.loc[~empty].reset_index(drop=True)


def _take_errors(data: pd.DataFrame) -> list[tuple[int, str, str]]:
    """Excel error values become empty cells; returns (row, column, value) for each."""
    found: list[tuple[int, str, str]] = []
    for column in data.columns:
        values = data[column]
        if column == "_row" or (isinstance(values.dtype, pd.CategoricalDtype)
                                and not values.cat.categories.isin(EXCEL_ERRORS).any()):
            continue
        hit = values.isin(EXCEL_ERRORS).to_numpy(bool)  # exact: Excel writes them without spaces
        if hit.any():
            found += [(int(r), column, str(v)) for r, v in zip(data.loc[hit, "_row"], values[hit])]
            data.loc[hit, column] = None
    return sorted(found)


def _sheet(found: Identified, file: str, title: str, header_row: int, data: pd.DataFrame) -> RawSheet:
    errors = _take_errors(data)
    headers = {name: roles.shown(found.headers[pos]) for name, pos in found.read.items()}
    return RawSheet(file, title, found.spec.name, header_row, data, headers, found.ignored(), errors, found.note)


def _skipped(result: Unrecognised, file: str, title: str, header_row: int | None = None) -> Skipped:
    return Skipped(file, title, result.reason, result.looks_like_data, header_row)


# --- worksheets (xlsx, xls, xlsb, ods) -----------------------------------------------------------


class RowSheet(Protocol):
    corrupt: tuple[type[BaseException], ...]
    merges: list[tuple[int, int, int, int]]
    uncached: list[tuple[int, int, str]]

    def keep_columns(self, positions) -> None: ...

    def rows(self) -> Iterator[tuple[int, dict[int, object]]]: ...


def read_worksheet(sheet: RowSheet, title: str, file: str, specs: Mapping[str, Sheet]) -> Outcome | None:
    """Identify and read one worksheet; None when it holds nothing at all."""
    try:
        collected = _collect(sheet, title, file, specs)
    except sheet.corrupt as exc:
        raise InputError(f"lembar tidak dapat dibaca: berkas rusak atau terpotong ({type(exc).__name__})",
                         file=file, sheet=title) from exc
    if collected is None or isinstance(collected, Skipped):
        return collected
    found, header_row, columns, numbers = collected
    _check_formulas(found, header_row, sheet.uncached, file, title)
    _fill_merged(found, header_row, columns, numbers, sheet.merges)
    data = pd.DataFrame({name: pd.Series(values, dtype=object) for name, values in columns.items()},
                        index=pd.RangeIndex(len(numbers)))
    data["_row"] = np.asarray(numbers, dtype=np.int64)
    return _sheet(found, file, title, header_row, data)


def _collect(sheet: RowSheet, title: str, file: str, specs: Mapping[str, Sheet]):
    """Find the role and header among the first non-empty rows, then keep only the read columns of the
    rows below it that hold a value."""
    rows = sheet.rows()
    head: list[tuple[int, dict[int, object]]] = []
    for number, cells in rows:
        if not row_blank(list(cells.values())):
            head.append((number, cells))
            if len(head) == roles.HEADER_SEARCH_ROWS:
                break
    if not head:
        return None
    as_lists = [[cells.get(i) for i in range(max(cells) + 1)] for _, cells in head]
    found = roles.identify(title, as_lists, file, specs, Path(file).stem)
    if isinstance(found, Unrecognised):
        return _skipped(found, file, title, head[found.header_row_index][0])
    positions = list(found.read.values())
    sheet.keep_columns(positions)
    columns: list[list[object]] = [[] for _ in positions]
    numbers: list[int] = []
    for number, cells in itertools.chain(head[found.index + 1:], rows):
        picked = [cells.get(p) for p in positions]
        if row_blank(picked):
            continue
        numbers.append(number)
        for column, value in zip(columns, picked):
            column.append(value)
    return found, head[found.index][0], dict(zip(found.read, columns)), numbers


def _fill_merged(found: Identified, header_row: int, columns: dict[str, list[object]], numbers: list[int],
                 merges: list[tuple[int, int, int, int]]) -> None:
    """A cell merged down over data rows shows its value on each of them in Excel: copy it down
    (in the merge's first column; the other covered columns stay empty)."""
    by_position = {position: name for name, position in found.read.items()}
    wanted = [m for m in merges if m[0] in by_position and m[3] > m[1] > header_row]
    if not wanted:
        return
    index = {number: i for i, number in enumerate(numbers)}
    for first_col, first_row, _, last_row in wanted:
        values = columns[by_position[first_col]]
        top = index.get(first_row)
        if top is None or is_blank(values[top]):
            continue
        for number in range(first_row + 1, last_row + 1):
            i = index.get(number)
            if i is not None and is_blank(values[i]):
                values[i] = values[top]


def _check_formulas(found: Identified, header_row: int, uncached: list[tuple[int, int, str]], file: str,
                    sheet: str) -> None:
    """Formulas no spreadsheet ever calculated carry no value: reading them would see empty cells."""
    by_position = {position: name for name, position in found.read.items()}
    hits = sorted((row, col, text) for row, col, text in uncached if col in by_position and row > header_row)
    if not hits:
        return
    row, col, text = hits[0]
    cells = ", ".join(f"{column_letter(c)}{r}" for r, c, _ in hits[:10])
    raise InputError(
        f"sel berisi rumus (={text}) yang nilainya belum pernah dihitung Excel, sehingga tidak ada nilai "
        f"tersimpan ({len(hits)} sel seperti ini: {cells}{' dst.' if len(hits) > 10 else ''}); buka berkas "
        "di Excel, simpan ulang, lalu coba lagi, atau ganti rumus dengan nilainya",
        file=file, sheet=sheet, row=row, column=by_position[col],
    )


# --- CSV -----------------------------------------------------------------------------------------


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
            if not row_blank(record):
                head.append((index, record))
                if len(head) == roles.HEADER_SEARCH_ROWS:
                    break
    except csv.Error:
        return head
    return head


def _csv_identify(text: str, title: str, file: str, specs: Mapping[str, Sheet]):
    """-> (delimiter, Identified or Unrecognised, head). The delimiter is the one under which the
    header names the most columns (a comma-only sniffer misreads ';' files)."""
    best = None
    errors: list[InputError] = []
    for order, delimiter in enumerate(CSV_DELIMITERS):
        head = _csv_head(text, delimiter)
        if not head:
            continue
        try:
            found = roles.identify(title, [fields for _, fields in head], file, specs)
        except InputError as exc:
            errors.append(exc)
            continue
        score = (isinstance(found, Identified), len(found.read) if isinstance(found, Identified) else 0, -order)
        if best is None or score > best[0]:
            best = (score, delimiter, found, head)
    if errors and (best is None or not isinstance(best[2], Identified)):
        raise errors[0]  # the file's name says a table whose columns no delimiter finds
    if best is None:
        raise InputError("berkas kosong: tidak ada judul kolom maupun data", file=file, sheet=title)
    return best[1], best[2], best[3]


def _ragged(text: str, delimiter: str, skip: int, width: int, file: str, sheet: str) -> pd.DataFrame:
    """Records read one by one (the fast parser stopped at a longer row): trailing empty fields are
    harmless; a value beyond the header's last column means the columns slid, which is an error."""
    records = []
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    for index, record in enumerate(itertools.islice(reader, skip, None), start=skip + 1):
        if len(record) > width:
            if not row_blank(record[width:]):
                raise InputError(
                    f"baris ini berisi {len(record)} kolom, padahal baris judul (baris {skip}) hanya {width}, "
                    "sehingga tidak pasti nilai mana milik kolom mana; periksa tanda pemisah "
                    f"'{delimiter}' di dalam nilai yang tidak diapit tanda kutip, atau beri judul pada kolom "
                    "tambahan", file=file, sheet=sheet, row=index,
                )
            record = record[:width]
        records.append(record + [""] * (width - len(record)))
    return pd.DataFrame(records, columns=list(range(width)), dtype=object)


def read_csv(path: Path, specs: Mapping[str, Sheet]) -> Outcome | None:
    """One CSV file; its name (the stem) stands for the sheet's name. None when the file is empty."""
    label, title = path.name, path.stem
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise InputError(f"tidak dapat dibaca ({os_error_reason(exc)})", file=label) from exc
    what = kind(raw[:4096])
    if what == "zip":
        raise InputError("berkas ini workbook Excel (.xlsx) yang diberi ekstensi .csv: ganti ekstensinya "
                         "menjadi .xlsx, atau simpan ulang dari Excel sebagai CSV", file=label, sheet=title)
    if what == "cfb":
        raise InputError("berkas ini berkas Excel (.xls atau dilindungi kata sandi), bukan CSV: buka di Excel "
                         "lalu simpan sebagai CSV", file=label, sheet=title)
    try:
        text = _decode(raw)
    except UnicodeDecodeError as exc:
        raise InputError("tidak dapat dibaca sebagai teks CSV (UTF-8 atau Windows-1252): berkas rusak atau "
                         "bukan CSV", file=label, sheet=title) from exc
    if not INVISIBLE.sub("", text).strip():
        return None
    delimiter, found, head = _csv_identify(text, title, label, specs)
    if isinstance(found, Unrecognised):
        return _skipped(found, label, title, head[found.header_row_index][0] + 1)
    record, fields = head[found.index]
    width = len(fields)
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
        frame = _ragged(text, delimiter, record + 1, width, label, title)
    data = pd.DataFrame({name: frame[pos].astype(object) for name, pos in found.read.items()},
                        index=pd.RangeIndex(len(frame)))
    data["_row"] = np.arange(len(frame), dtype=np.int64) + record + 2
    return _sheet(found, label, title, record + 1, _drop_empty(data))


# --- parquet -------------------------------------------------------------------------------------


def read_parquet(path: Path, specs: Mapping[str, Sheet]) -> Outcome:
    """Only the columns ipasn reads are read (a SIASN export has dozens more)."""
    import pyarrow
    import pyarrow.parquet as pq

    label, title = path.name, path.stem

    def unreadable(exc: Exception) -> InputError:
        return InputError(f"tidak dapat dibaca sebagai parquet: berkas rusak atau bukan parquet "
                          f"({type(exc).__name__})", file=label, sheet=title)

    try:
        schema = pq.read_schema(path)
    except (OSError, ValueError, pyarrow.ArrowException) as exc:
        raise unreadable(exc) from exc
    names = schema.names
    found = roles.identify(title, [names], label, specs)
    if isinstance(found, Unrecognised):
        return _skipped(found, label, title, 1)
    matched = found.read
    wanted = sorted(set(matched.values()))
    for i in wanted:  # columns are read by name: a repeated one would shift the others
        if names.count(names[i]) > 1:
            raise InputError(f"judul kolom '{names[i]}' muncul lebih dari sekali; beri setiap kolom nama "
                             "yang berbeda", file=label, sheet=title, column=names[i])
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
    return _sheet(found, label, title, 1, data.reset_index(drop=True))
