"""Every path given (workbooks, CSV or parquet files, folders of them) into the sheets that are read
and the sheets and files that are not, each with the reason: nothing is left out silently."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path

from ipasn.errors import InputError, os_error_reason
from ipasn.input.calamine import CalamineWorkbook
from ipasn.input.collect import Outcome, RawSheet, Skipped, read_csv, read_parquet, read_worksheet
from ipasn.input.roles import role_from_name, with_unit_column
from ipasn.input.schema import SHEET_ALIASES, SHEETS, Sheet
from ipasn.input.sniff import SPREADSHEET_SUFFIXES, TABLE_SUFFIXES, refuse_unknown, workbook_format
from ipasn.input.xlsx import XlsxWorkbook

DATA_SUFFIXES = (*SPREADSHEET_SUFFIXES, *TABLE_SUFFIXES)


@dataclass
class Sources:
    """What was read: `sheets` with a role, in reading order; `skipped` every sheet or file that was
    not read, with the reason."""

    given: list[str]
    sheets: list[RawSheet] = field(default_factory=list)
    skipped: list[Skipped] = field(default_factory=list)

    def of(self, table: str) -> list[RawSheet]:
        return [s for s in self.sheets if s.table == table]

    @property
    def label(self) -> str:
        return ", ".join(self.given)


def input_files(path: Path) -> list[Path]:
    """The files a given path stands for, as `read_sources` reads them: the file itself, or the data
    files in the folder (not hidden, lock or other files). Provenance hashes exactly these."""
    if not path.is_dir():
        return [path]
    return sorted(c for c in path.iterdir()
                  if c.is_file() and not _is_hidden(c) and c.suffix.lower() in DATA_SUFFIXES)


def _is_hidden(path: Path) -> bool:
    """Lock files and macOS copies ("~$data.xlsx", ".~lock.pegawai.csv#", "._pegawai.csv")."""
    return path.name.startswith((".", "~$"))


def _workbook(path: Path, label: str, specs: Mapping[str, Sheet]) -> list[Outcome]:
    opener = XlsxWorkbook if workbook_format(path, label) == "xlsx" else CalamineWorkbook
    out: list[Outcome] = []
    with opener(path, label) as book:
        for index, title in enumerate(book.titles):
            read = read_worksheet(book.sheet(index), title, label, specs)
            out.append(read if read is not None else Skipped(label, title, "lembar kosong"))
    return out


def _table_file(path: Path, specs: Mapping[str, Sheet]) -> list[Outcome]:
    if path.suffix.lower() == ".parquet":
        return [read_parquet(path, specs)]
    read = read_csv(path, specs)
    return [read if read is not None else Skipped(path.name, path.stem, "berkas kosong")]


def _file(path: Path, specs: Mapping[str, Sheet]) -> list[Outcome]:
    suffix = path.suffix.lower()
    if suffix in SPREADSHEET_SUFFIXES:
        return _workbook(path, path.name, specs)
    if suffix in TABLE_SUFFIXES:
        return _table_file(path, specs)
    raise refuse_unknown(path)


def _folder(path: Path, specs: Mapping[str, Sheet]) -> list[Outcome]:
    try:
        children = sorted(path.iterdir())
    except OSError as exc:
        raise InputError(f"folder tidak dapat dibaca ({os_error_reason(exc)})", file=path.name) from exc
    out: list[Outcome] = []
    for child in children:
        if _is_hidden(child):
            out.append(Skipped(child.name, "", "berkas kunci atau salinan tersembunyi (Office, macOS)"))
        elif child.is_dir():
            out.append(Skipped(child.name, "", "subfolder: tidak dibaca (berikan foldernya sendiri bila perlu)"))
        elif child.suffix.lower() in DATA_SUFFIXES:
            out += _file(child, specs)
        else:
            out.append(Skipped(child.name, "", "bukan berkas data (.xlsx, .xls, .ods, .csv, .parquet)"))
    if not any(isinstance(o, RawSheet) or o.sheet for o in out):
        raise InputError("folder tidak berisi berkas data: berikan workbook (.xlsx, .xls, .ods) atau berkas "
                         ".csv/.parquet per lembar (pegawai.csv, diklat.csv, kinerja.csv, hukdis.csv)",
                         file=path.name)
    return out


def read_tables(paths: str | Path | Iterable[str | Path], specs: Mapping[str, Sheet]) -> Sources:
    """Read every workbook, CSV/parquet file and folder given as the tables `specs` describe (the
    export's, or another contract such as BKN's official results). File-level problems raise
    InputError; every sheet is read or listed as skipped."""
    paths = [Path(paths)] if isinstance(paths, (str, Path)) else [Path(p) for p in paths]
    sources = Sources([p.name or str(p) for p in paths])
    for path in paths:
        if not path.exists():
            raise InputError("berkas atau folder tidak ditemukan", file=str(path))
        for outcome in (_folder(path, specs) if path.is_dir() else _file(path, specs)):
            (sources.sheets if isinstance(outcome, RawSheet) else sources.skipped).append(outcome)
    return sources


def read_sources(paths: str | Path | Iterable[str | Path], unit_column: str | None = None) -> Sources:
    """Read every workbook, CSV/parquet file and folder given. File-level problems raise InputError;
    a missing pegawai table stops the run; every other sheet is read or listed as skipped."""
    sources = read_tables(paths, with_unit_column(unit_column) if unit_column else SHEETS)
    if unit_column and not any(s.role == "pegawai" for s in sources.sheets):
        raise InputError(f"kolom unit '{unit_column}' tidak ditemukan di lembar pegawai mana pun "
                         "(periksa ejaan judul kolomnya)", column=unit_column)
    _require_pegawai(sources)
    return sources


def _require_pegawai(sources: Sources) -> None:
    if sources.of("pegawai"):
        return
    empty = next((s for s in sources.skipped if s.reason in ("lembar kosong", "berkas kosong")
                  and role_from_name(s.sheet) == ("pegawai", True)), None)
    if empty is not None:
        raise InputError("lembar wajib 'pegawai' kosong: tidak ada judul kolom maupun data",
                         file=empty.file, sheet=empty.sheet)
    seen = [f"{s.sheet or s.file}" for s in [*sources.sheets, *sources.skipped]]
    wanted = ", ".join(c.name for c in SHEETS["pegawai"].columns if c.required)
    raise InputError(
        f"data pegawai tidak ditemukan: tidak ada lembar bernama pegawai (atau {', '.join(_aliases())}) "
        f"maupun lembar dengan kolom {wanted}; yang ada: {', '.join(seen) or '-'}",
        file=sources.label,
    )


def _aliases() -> list[str]:
    return [a for a in SHEET_ALIASES["pegawai"] if a != "pegawai"][:4]

