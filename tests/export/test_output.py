"""Output files: deterministic bytes, formula-safe text, and the contract's columns in order."""

from __future__ import annotations

import csv
import datetime as dt
import io
import time

import openpyxl
import pandas as pd
import pytest
from tests.builders import NIP1, assessment, employee, make_nip, training, write_csv_folder, write_workbook
from click.testing import CliRunner

import ipasn
from ipasn.cli import main
from ipasn.export.scores import write_scores

N = 2022
# The contract of the issue, spelled out here so that a change to score.OUTPUT_COLUMNS is caught.
CONTRACT = ["nip", "nama", "unit_kerja", "jenis_jabatan", "kualifikasi", "kompetensi_kepemimpinan",
            "kompetensi_fungsional", "kompetensi_teknis", "kompetensi_seminar", "kompetensi", "kinerja",
            "disiplin", "ip_asn", "kategori", "data_lengkap"]
EXPLANATIONS = ["keterangan_kualifikasi", "keterangan_kompetensi", "keterangan_kinerja", "keterangan_disiplin"]

DANGEROUS = ['=HYPERLINK("http://x")', "+1", "@SUM(A1)", "-2+3", "=1+1"]


def _sheets():
    people = [employee(make_nip(i), nama=name, unit_kerja=f"=Unit {i}" if i == 0 else "Dinas A")
              for i, name in enumerate(DANGEROUS)]
    people.append(employee(make_nip(9), pendidikan="=CMD()"))  # quoted back in a finding
    return {"pegawai": people,
            "diklat": [training(make_nip(1), "teknis", dt.date(N, 2, 2), "22,5")],
            "kinerja": [assessment(p["nip"], N - 1, 80 + i) for i, p in enumerate(people)]}


@pytest.fixture
def result(tmp_path):
    return ipasn.score(ipasn.load(write_workbook(tmp_path / "in.xlsx", _sheets())), N)


def test_contract_columns_are_the_package_constant():
    assert ipasn.OUTPUT_COLUMNS == CONTRACT


def test_xlsx_written_twice_is_byte_identical(tmp_path, result):
    first, second = tmp_path / "a.xlsx", tmp_path / "b.xlsx"
    write_scores(result, first)
    time.sleep(1.1)  # the xlsx timestamps have one-second resolution
    write_scores(result, second)
    assert first.read_bytes() == second.read_bytes()


def test_xlsx_from_the_cli_twice_is_byte_identical(tmp_path):
    path = write_workbook(tmp_path / "in.xlsx", _sheets())
    outputs = []
    for name in ("a.xlsx", "b.xlsx"):
        run = CliRunner().invoke(main, ["score", str(path), "--year", str(N), "--output", str(tmp_path / name)])
        assert run.exit_code == 0, run.output
        outputs.append((tmp_path / name).read_bytes())
        time.sleep(1.1)
    assert outputs[0] == outputs[1]


@pytest.mark.parametrize("suffix", [pytest.param(".csv", id="csv"), pytest.param(".parquet", id="parquet")])
def test_other_formats_written_twice_are_byte_identical(tmp_path, result, suffix):
    write_scores(result, tmp_path / f"a{suffix}")
    write_scores(result, tmp_path / f"b{suffix}")
    assert (tmp_path / f"a{suffix}").read_bytes() == (tmp_path / f"b{suffix}").read_bytes()
    assert (tmp_path / f"a.temuan{suffix}").read_bytes() == (tmp_path / f"b.temuan{suffix}").read_bytes()


@pytest.mark.parametrize("kind", [pytest.param("xlsx", id="masukan-xlsx"), pytest.param("csv", id="masukan-csv")])
def test_formula_like_text_stays_text_in_xlsx(tmp_path, kind):
    sheets = _sheets()
    source = (write_workbook(tmp_path / "in.xlsx", sheets) if kind == "xlsx"
              else write_csv_folder(tmp_path / "in", sheets))
    data = ipasn.load(source)
    assert data.pegawai["nama"].tolist()[:len(DANGEROUS)] == DANGEROUS  # read as given
    out = tmp_path / "out.xlsx"
    write_scores(ipasn.score(data, N), out)
    book = openpyxl.load_workbook(out)  # not read-only: cell.data_type is what Excel would see
    skor = book["skor"]
    header = [c.value for c in skor[1]]
    names = {skor.cell(r, 1).value: skor.cell(r, header.index("nama") + 1) for r in range(2, skor.max_row + 1)}
    for i, text in enumerate(DANGEROUS):
        cell = names[make_nip(i)]
        assert cell.data_type == "s", text
        assert cell.value == text
    unit = skor.cell(2, header.index("unit_kerja") + 1)
    assert (unit.data_type, unit.value) == ("s", "=Unit 0")
    temuan = book["temuan"]
    found_header = [c.value for c in temuan[1]]
    values = [temuan.cell(r, found_header.index("nilai") + 1) for r in range(2, temuan.max_row + 1)]
    assert [(c.data_type, c.value) for c in values] == [("s", "=CMD()")]
    assert not any(c.data_type == "f" for sheet in book.worksheets for r in sheet.iter_rows() for c in r)


def test_formula_like_text_gets_an_apostrophe_in_csv(tmp_path, result):
    out = tmp_path / "out.csv"
    write_scores(result, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8"))))
    by_nip = {r["nip"]: r for r in rows}
    for i, text in enumerate(DANGEROUS):
        assert by_nip[make_nip(i)]["nama"] == "'" + text
    assert by_nip[make_nip(0)]["unit_kerja"] == "'=Unit 0"
    assert by_nip[make_nip(1)]["kompetensi_teknis"] == "22.5"  # numbers are not touched
    assert by_nip[NIP1]["nip"] == NIP1
    found = list(csv.DictReader(io.StringIO((tmp_path / "out.temuan.csv").read_text(encoding="utf-8"))))
    assert [r["nilai"] for r in found] == ["'=CMD()"]
    for line in out.read_text(encoding="utf-8").splitlines()[1:]:
        for field in next(csv.reader([line])):
            assert not field.startswith(("=", "+", "@")), field


@pytest.mark.parametrize("suffix", [pytest.param(".xlsx", id="xlsx"), pytest.param(".csv", id="csv"),
                                    pytest.param(".parquet", id="parquet")])
def test_output_columns_are_the_contract_then_explanations(tmp_path, result, suffix):
    out = tmp_path / f"out{suffix}"
    write_scores(result, out)
    if suffix == ".xlsx":
        book = openpyxl.load_workbook(out, read_only=True)
        columns = [c for c in next(book["skor"].iter_rows(values_only=True))]
        book.close()
    elif suffix == ".csv":
        columns = next(csv.reader(io.StringIO(out.read_text(encoding="utf-8"))))
    else:
        columns = list(pd.read_parquet(out).columns)
    assert columns == CONTRACT + EXPLANATIONS


def test_output_values_round_trip_through_xlsx(tmp_path, result):
    out = tmp_path / "out.xlsx"
    write_scores(result, out)
    frame = pd.read_excel(out, sheet_name="skor", dtype={"nip": str}, engine="openpyxl")
    expected = result.scores[CONTRACT + EXPLANATIONS].reset_index(drop=True)
    assert frame["nip"].tolist() == expected["nip"].tolist()
    for column in ("kualifikasi", "kompetensi_teknis", "kompetensi", "kinerja", "disiplin", "ip_asn"):
        assert frame[column].tolist() == expected[column].tolist(), column
    assert frame["kategori"].tolist() == expected["kategori"].tolist()
    assert frame["data_lengkap"].tolist() == expected["data_lengkap"].tolist()
    assert frame["keterangan_kinerja"].tolist() == expected["keterangan_kinerja"].tolist()


def test_unknown_output_format_is_refused_without_writing(tmp_path):
    path = write_workbook(tmp_path / "in.xlsx", _sheets())
    run = CliRunner().invoke(main, ["score", str(path), "--year", str(N), "--output", str(tmp_path / "out.txt")])
    assert run.exit_code != 0
    assert "out.txt" in run.stderr and "Traceback" not in run.output
    assert not (tmp_path / "out.txt").exists()
