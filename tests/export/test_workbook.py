"""The scores workbook opens ready to use: a guide sheet first, frozen headers with filters, widths that
fit, numbers stored as numbers with formats (Excel shows the reader's decimal comma), dates as dates."""

from __future__ import annotations

import datetime as dt
import os

import openpyxl
import pytest
from tests.builders import make_nip, write_workbook
from click.testing import CliRunner
from openpyxl.utils import get_column_letter

import ipasn
from ipasn.cli import main
from ipasn.export.guide import GUIDE_SHEET, MISSING
from ipasn.export.scores import write_scores
from ipasn.export.xlsx import WIDEST

N = 2022
SHEETS = [GUIDE_SHEET, "skor", "temuan", "rekap_baris", "rekap_kolom", "aturan"]


def _data(tmp_path):
    people = [{"nip": make_nip(i), "nama": f"Pegawai Nomor {i}", "unit_kerja": "Dinas Pemberdayaan Masyarakat",
               "jenis_jabatan": "Pelaksana", "eselon": None, "jabatan": "Staf", "pendidikan": "S-1",
               "status": "PNS", "sub_unit": "Bidang A" if i else ""} for i in range(4)]
    people.append({**people[0], "nip": make_nip(9), "pendidikan": "Kursus"})  # a finding
    return write_workbook(tmp_path / "in.xlsx", {"pegawai": people, "diklat": [],
                                                 "kinerja": [{"nip": make_nip(1), "tahun": N - 1, "nilai": 88.5,
                                                              "predikat": None}]})


@pytest.fixture
def book(tmp_path):
    out = tmp_path / "skor.xlsx"
    write_scores(ipasn.score(ipasn.load(_data(tmp_path)), N), out)
    return openpyxl.load_workbook(out)


def test_the_guide_comes_first_and_explains_every_column_of_every_sheet(book):
    assert book.sheetnames == SHEETS
    rows = list(book[GUIDE_SHEET].iter_rows(min_row=2, values_only=True))
    explained = {(sheet, column or "") for sheet, column, _ in rows}
    for name in SHEETS:
        header = [c.value for c in book[name][1]]
        assert {(name, "")} | {(name, column) for column in header} <= explained, name
    assert all(text and MISSING not in text for _, _, text in rows)
    about = {(sheet, column): text for sheet, column, text in rows}
    assert "paling tinggi 25" in about[("skor", "kualifikasi")]  # the ruleset's maximum, formatted
    assert "data pribadi" in about[("skor", None)]
    assert all(row[2].alignment.wrap_text for row in book[GUIDE_SHEET].iter_rows(min_row=2))


def test_each_sheet_has_a_frozen_bold_header_and_filters_over_its_rows(book):
    for name in SHEETS:
        sheet = book[name]
        assert sheet.freeze_panes == "A2", name
        assert sheet.auto_filter.ref == f"A1:{get_column_letter(sheet.max_column)}{sheet.max_row}", name
        assert all(cell.font.b for cell in sheet[1]), name


def test_widths_fit_the_header_and_the_longest_value(book):
    for name in SHEETS:
        sheet = book[name]
        for column in sheet.iter_cols():
            width = sheet.column_dimensions[column[0].column_letter].width
            longest = max(len(str(c.value)) for c in column if c.value is not None)
            assert min(longest, WIDEST - 2) <= width <= WIDEST, (name, column[0].value, width)


def test_numbers_are_numbers_with_a_format_and_text_stays_text(book):
    skor = book["skor"]
    header = [c.value for c in skor[1]]
    for column in ("kualifikasi", "kompetensi", "kinerja", "disiplin", "ip_asn"):
        cell = skor.cell(2, header.index(column) + 1)
        assert type(cell.value) in (int, float) and cell.number_format == "0.00", column
    nip = skor.cell(2, header.index("nip") + 1)
    assert (nip.data_type, nip.number_format, len(nip.value)) == ("s", "@", 18)
    assert isinstance(skor.cell(2, header.index("data_lengkap") + 1).value, bool)
    temuan = book["temuan"]
    row = temuan.cell(2, [c.value for c in temuan[1]].index("baris") + 1)
    assert isinstance(row.value, int) and row.number_format == "0"
    counts = book["rekap_baris"]
    read = counts.cell(2, [c.value for c in counts[1]].index("dibaca") + 1)
    assert isinstance(read.value, int) and read.number_format == "0"


def test_the_reference_date_is_a_date(book):
    rules = {row[0].value: row[1] for row in book["aturan"].iter_rows(min_row=2)}
    assert rules["tanggal_acuan"].is_date and rules["tanggal_acuan"].value == dt.datetime(N, 12, 31)
    assert rules["tanggal_acuan"].number_format == "dd-mm-yyyy"


def test_score_names_its_default_output_as_personal_data(tmp_path):
    data = _data(tmp_path)
    before = os.getcwd()
    os.chdir(tmp_path)
    try:
        run = CliRunner().invoke(main, ["score", str(data), "--year", str(N)])
    finally:
        os.chdir(before)
    assert run.exit_code == 0, run.output
    assert (tmp_path / f"skor-ipasn-{N}-data-pribadi.xlsx").is_file()
    assert f"skor-ipasn-{N}-data-pribadi.xlsx" in run.output
