"""Build small input workbooks and CSV folders from dicts of rows, for tests that run the real pipeline.

Everything is written to real files (openpyxl / csv) and read back through `ipasn.load`; no mocks.
"""

from __future__ import annotations

import csv
import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Any

import openpyxl
import pandas as pd

import ipasn
from ipasn.input.schema import CONTRACT_COLUMNS
from ipasn.scoring.reference import score_reference
from ipasn.scoring.score import ScoreResult

# The clean contract's columns (ipasn.input.schema), in order; used when a sheet has no rows.
HEADERS = CONTRACT_COLUMNS

Rows = Sequence[Mapping[str, Any]]


def make_nip(i: int, gender: int = 1, born: int = 1985) -> str:
    """A valid 18-digit NIP: birth date (8), TMT CPNS (6), gender digit (1), sequence (3)."""
    assert 0 <= i < 1000
    return f"{born}0101" + "201001" + str(gender) + f"{i:03d}"


NIP1 = make_nip(1)


def employee(nip: str = NIP1, **fields: Any) -> dict[str, Any]:
    """A pegawai row with sensible defaults (a PNS Pelaksana with S-1)."""
    row = {"nip": nip, "nama": f"Pegawai {str(nip)[-3:]}", "unit_kerja": "Dinas A",
           "jenis_jabatan": "Pelaksana", "eselon": None, "jabatan": "Staf", "pendidikan": "S-1",
           "status": "PNS"}
    row.update(fields)
    return row


def training(nip: str = NIP1, jenis: str = "teknis", tanggal: Any = "01-06-2022", jp: Any = 20,
             **fields: Any) -> dict[str, Any]:
    row = {"nip": nip, "jenis": jenis, "nama_diklat": fields.pop("nama", f"Diklat {jenis}"),
           "tingkat": fields.pop("tingkat", None), "tanggal_selesai": tanggal, "jp": jp}
    row.update(fields)
    return row


def assessment(nip: str = NIP1, tahun: Any = 2021, nilai: Any = None, predikat: Any = None) -> dict[str, Any]:
    return {"nip": nip, "tahun": tahun, "nilai": nilai, "predikat": predikat}


def punishment(nip: str = NIP1, tingkat: Any = "ringan", tanggal: Any = "01-06-2022") -> dict[str, Any]:
    return {"nip": nip, "tingkat": tingkat, "tanggal": tanggal}


def _columns(name: str, rows: Rows, headers: Sequence[str] | None) -> list[str]:
    if headers is not None:
        return list(headers)
    base = HEADERS.get(name, [])
    seen = [c for c in base if any(c in r for r in rows)] if rows else list(base)
    for row in rows:
        for column in row:
            if column not in seen:
                seen.append(column)
    return seen


HISTORY = ("diklat", "kinerja", "hukdis")


def with_history(sheets: Mapping[str, Rows], history: bool) -> dict[str, Rows]:
    """`sheets`, plus a header-only sheet for each history table not given (`history`): a test that
    gives no trainings means "nobody has one", not "the export lacks the table" (a finding)."""
    return {**sheets, **{name: [] for name in HISTORY if history and name not in sheets}}


def write_workbook(path: Path, sheets: Mapping[str, Rows], *, title_rows: Iterable[Sequence[Any]] = (),
                   headers: Mapping[str, Sequence[str]] | None = None,
                   sheet_names: Mapping[str, str] | None = None, history: bool = True) -> Path:
    """Write `sheets` (sheet -> list of row dicts) as an .xlsx file.

    `headers` renames the written header cells per sheet (canonical name -> header text is given as the
    full list, in column order); `sheet_names` renames sheets; `title_rows` go above every header;
    `history=False` leaves out the history sheets not given.
    """
    sheets = with_history(sheets, history)
    book = openpyxl.Workbook()
    book.remove(book.active)
    title_rows = [list(r) for r in title_rows]
    for name, rows in sheets.items():
        sheet = book.create_sheet((sheet_names or {}).get(name, name))
        columns = _columns(name, rows, None)
        shown = list((headers or {}).get(name, columns))
        for title in title_rows:
            sheet.append(title)
        sheet.append(shown)
        for row in rows:
            sheet.append([row.get(c) for c in columns])
            for cell in sheet[sheet.max_row]:
                if isinstance(cell.value, str) and cell.data_type == "f":
                    cell.data_type = "s"  # input text that looks like a formula stays text
    book.save(path)
    return path


def _csv_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, dt.date):
        return value.strftime("%d-%m-%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def write_csv_folder(folder: Path, sheets: Mapping[str, Rows], *, history: bool = True) -> Path:
    """Write `sheets` as one CSV per sheet in `folder` (dates as dd-mm-yyyy)."""
    sheets = with_history(sheets, history)
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in sheets.items():
        columns = _columns(name, rows, None)
        with open(folder / f"{name}.csv", "w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle)
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_csv_text(row.get(c)) for c in columns])
    return folder


def load_sheets(tmp_path: Path, sheets: Mapping[str, Rows], *, rules: ipasn.Ruleset | None = None,
                kind: str = "xlsx", name: str = "data", **write_options: Any) -> ipasn.Dataset:
    if kind == "xlsx":
        path = write_workbook(tmp_path / f"{name}.xlsx", sheets, **write_options)
    else:
        path = write_csv_folder(tmp_path / name, sheets)
    return ipasn.load(path, rules)


def run(tmp_path: Path, sheets: Mapping[str, Rows], tahun: int = 2022, *,
        rules: ipasn.Ruleset | None = None, tanggal_acuan: Any = None, kind: str = "xlsx",
        **write_options: Any) -> ScoreResult:
    """Write the sheets, load them and score them; also checks the reference agrees on this input."""
    data = load_sheets(tmp_path, sheets, rules=rules, kind=kind, **write_options)
    result = ipasn.score(data, tahun, rules, tanggal_acuan)
    assert_agrees_with_reference(result, tahun, rules, tanggal_acuan)
    return result


NUMERIC_COLUMNS = ["kualifikasi", "kompetensi_kepemimpinan", "kompetensi_fungsional", "kompetensi_teknis",
                   "kompetensi_seminar", "kompetensi", "kinerja", "disiplin", "ip_asn"]


def assert_agrees_with_reference(result: ScoreResult, tahun: int, rules: ipasn.Ruleset | None,
                                 tanggal_acuan: Any) -> None:
    reference_date = pd.Timestamp(tanggal_acuan).date() if tanggal_acuan is not None else None
    expected = score_reference(result.dataset, tahun, rules, reference_date)
    got = result.scores
    if not len(expected):
        assert got.empty
        return
    assert list(got["nip"]) == list(expected["nip"])
    for column in NUMERIC_COLUMNS:
        assert got[column].to_numpy(float).tolist() == expected[column].to_numpy(float).tolist(), column
    assert got["kategori"].tolist() == expected["kategori"].tolist()
    assert got["data_lengkap"].astype(bool).tolist() == expected["data_lengkap"].astype(bool).tolist()


def row(result: ScoreResult, nip: str = NIP1) -> pd.Series:
    """The scored row of one employee (fails when the employee is not among the scored rows)."""
    matches = result.scores[result.scores["nip"] == nip]
    assert len(matches) == 1, f"{nip} scored {len(matches)} times"
    return matches.iloc[0]


def findings_for(result_or_data: ScoreResult | ipasn.Dataset, **where: Any) -> pd.DataFrame:
    found = result_or_data.findings
    for column, value in where.items():
        found = found[found[column] == value]
    return found


def write_ruleset(path: Path, changes: Mapping[str, Any]) -> Path:
    """The bundled ruleset with `changes` applied ("opsi.teknis_akumulasi_jp": False, ...), as a YAML file."""
    import yaml

    from ipasn.ruleset import ruleset_text

    data = yaml.safe_load(ruleset_text()[1])
    for dotted, value in changes.items():
        *parents, last = dotted.split(".")
        node = data
        for part in parents:
            node = node[part]
        node[last] = value
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


def custom_rules(tmp_path: Path, changes: Mapping[str, Any], name: str = "aturan.yaml") -> ipasn.Ruleset:
    """Write a custom ruleset YAML under tmp_path and load it the way a user would (by path)."""
    return ipasn.load_ruleset(write_ruleset(tmp_path / name, changes))
