"""Bad input: file-level problems stop with exit code 2 and write nothing; row-level problems become
findings (file, sheet, Excel row, column, value, Indonesian text) and the run completes."""

from __future__ import annotations

import datetime as dt
import re
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from tests.builders import (
    NIP1,
    assessment,
    employee,
    make_nip,
    punishment,
    training,
    write_csv_folder,
    write_workbook,
)
from click.testing import CliRunner

import ipasn
from ipasn.clean.findings import COLUMNS as FINDING_COLUMNS
from ipasn.clean.problems import PROBLEMS
from ipasn.cli import main

N = 2022
NIP2 = make_nip(2)
STRANGER = make_nip(900)
IPASN = Path(sys.executable).with_name("ipasn")
AS_EXCEL_NUMBER = {i: str(int(float(make_nip(i)))) for i in (2, 3)}


def cli(*args: object):
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), result.exception
    return result


def good_sheets():
    """Two complete PNS: every dimension known."""
    people = [employee(NIP1), employee(NIP2, jenis_jabatan="Fungsional Tertentu", pendidikan="S-2")]
    return {
        "pegawai": people,
        "diklat": [training(NIP1, "teknis", dt.date(N, 4, 4), 20), training(NIP2, "seminar", dt.date(N, 5, 5), None)],
        "kinerja": [assessment(NIP1, N - 1, 88), assessment(NIP2, N - 1, 91)],
        "hukdis": [punishment(NIP2, "ringan", dt.date(N - 1, 2, 2))],
    }


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("out") or p.name.startswith(".ipasn-tmp"))


# --- File-level problems ------------------------------------------------------------------------

def _corrupt_zip_member(source: Path, target: Path, member: str, data: bytes | None) -> Path:
    with zipfile.ZipFile(source) as src, zipfile.ZipFile(target, "w") as out:
        for info in src.infolist():
            content = src.read(info.filename)
            if info.filename == member:
                if data is None:
                    continue
                content = data
            out.writestr(info, content)
    return target


def _file_level_case(tmp_path: Path, case: str) -> tuple[Path, list[str]]:
    """Build the input for a file-level problem; return (path, words the message must contain)."""
    good = write_workbook(tmp_path / "baik.xlsx", good_sheets())
    if case == "bukan-zip":
        path = tmp_path / "rusak.xlsx"
        path.write_bytes(b"ini bukan workbook")
        return path, ["rusak.xlsx"]
    if case == "kosong-0-byte":
        path = tmp_path / "kosong.xlsx"
        path.write_bytes(b"")
        return path, ["kosong.xlsx"]
    if case == "terpotong":
        path = tmp_path / "potong.xlsx"
        path.write_bytes(good.read_bytes()[: len(good.read_bytes()) // 2])
        return path, ["potong.xlsx"]
    if case == "xml-lembar-rusak":
        path = _corrupt_zip_member(good, tmp_path / "xmlrusak.xlsx", "xl/worksheets/sheet1.xml", b"<sheetData")
        return path, ["xmlrusak.xlsx"]
    if case == "xml-workbook-rusak":
        path = _corrupt_zip_member(good, tmp_path / "wbrusak.xlsx", "xl/workbook.xml", b"<<<")
        return path, ["wbrusak.xlsx"]
    if case == "zip-biasa":
        path = tmp_path / "zip.xlsx"
        with zipfile.ZipFile(path, "w") as archive:
            archive.writestr("catatan.txt", "halo")
        return path, ["zip.xlsx"]
    if case == "tidak-ada":
        return tmp_path / "tidak_ada.xlsx", ["tidak_ada.xlsx"]
    if case == "format-xls":
        path = tmp_path / "lama.xls"
        path.write_bytes(b"\xd0\xcf\x11\xe0")
        return path, ["lama.xls"]
    if case == "csv-bukan-teks":
        folder = write_csv_folder(tmp_path / "csv", good_sheets())
        (folder / "pegawai.csv").write_bytes(b"nip,nama\n\x81\x8d\x8f\x90\x9d,\xff\n")
        return folder, ["pegawai.csv", "pegawai"]
    if case == "parquet-rusak":
        folder = write_csv_folder(tmp_path / "pq", good_sheets())
        (folder / "kinerja.csv").unlink()
        (folder / "kinerja.parquet").write_bytes(b"PAR1 rusak")
        return folder, ["kinerja.parquet", "kinerja"]
    if case == "csv-kolom-tidak-rata":
        folder = write_csv_folder(tmp_path / "rata", good_sheets())
        with open(folder / "diklat.csv", "a", encoding="utf-8") as handle:
            handle.write(f"{NIP1},teknis,Bimtek,,01-02-2022,20,x,y,z\n")
        return folder, ["diklat.csv", "diklat"]
    if case == "lembar-wajib-hilang":
        sheets = {k: v for k, v in good_sheets().items() if k != "pegawai"}
        return write_workbook(tmp_path / "tanpa.xlsx", sheets), ["tanpa.xlsx", "pegawai"]
    if case == "lembar-wajib-hilang-csv":
        folder = write_csv_folder(tmp_path / "tanpa", good_sheets())
        (folder / "pegawai.csv").unlink()
        return folder, ["tanpa", "pegawai"]
    if case == "lembar-ganda":
        # Two pegawai sheets are read as one table: an employee in both is a duplicate NIP.
        sheets = {**good_sheets(), "data pegawai": [employee(NIP1)]}
        return write_workbook(tmp_path / "ganda.xlsx", sheets), ["ganda.xlsx", "pegawai", "data pegawai"]
    if case.startswith("kolom-hilang-"):
        sheet, column = case.removeprefix("kolom-hilang-").split(":")
        sheets = good_sheets()
        sheets[sheet] = [{k: v for k, v in r.items() if k != column} for r in sheets[sheet]]
        return write_workbook(tmp_path / "kolom.xlsx", sheets), ["kolom.xlsx", sheet, column]
    if case == "kinerja-tanpa-nilai-dan-predikat":
        sheets = good_sheets()
        sheets["kinerja"] = [{"nip": NIP1, "tahun": N - 1}]
        return write_workbook(tmp_path / "knj.xlsx", sheets), ["knj.xlsx", "kinerja", "nilai", "predikat"]
    if case == "nip-ganda":
        sheets = good_sheets()
        sheets["pegawai"].append(employee(NIP1, nama="Orang Lain"))
        return write_workbook(tmp_path / "dobel.xlsx", sheets), ["dobel.xlsx", "pegawai", "nip", NIP1, "2", "4"]
    if case == "nip-ganda-csv":
        sheets = good_sheets()
        sheets["pegawai"].append(employee(NIP2))
        return write_csv_folder(tmp_path / "dobel", sheets), ["pegawai.csv", "pegawai", "nip", NIP2]
    raise AssertionError(case)


FILE_LEVEL_CASES = [
    "bukan-zip", "kosong-0-byte", "terpotong", "xml-lembar-rusak", "xml-workbook-rusak", "zip-biasa",
    "tidak-ada", "format-xls", "csv-bukan-teks", "parquet-rusak", "csv-kolom-tidak-rata",
    "lembar-wajib-hilang", "lembar-wajib-hilang-csv", "lembar-ganda",
    "kolom-hilang-pegawai:nip", "kolom-hilang-pegawai:pendidikan", "kolom-hilang-pegawai:jenis_jabatan",
    "kolom-hilang-pegawai:unit_kerja", "kolom-hilang-diklat:tanggal_selesai",
    "kolom-hilang-kinerja:tahun", "kolom-hilang-hukdis:tingkat", "kolom-hilang-hukdis:tanggal",
    "kinerja-tanpa-nilai-dan-predikat", "nip-ganda", "nip-ganda-csv",
]


@pytest.mark.parametrize("case", [pytest.param(c, id=c) for c in FILE_LEVEL_CASES])
def test_file_level_problem_exits_2_naming_the_place_and_writes_nothing(tmp_path, case):
    path, words = _file_level_case(tmp_path, case)
    out = tmp_path / "out.xlsx"
    result = cli("score", path, "--year", N, "--output", out)
    assert result.exit_code == 2, result.output
    message = result.stderr
    assert message.startswith("Galat: ")
    assert len(message.strip().splitlines()) == 1
    for word in words:
        assert word in message, (word, message)
    assert "Traceback" not in result.output
    assert leftovers(tmp_path) == []


@pytest.mark.parametrize("case", [pytest.param(c, id=c) for c in ("kolom-hilang-pegawai:pendidikan", "nip-ganda")])
def test_file_level_problem_message_names_sheet_and_column(tmp_path, case):
    path, _ = _file_level_case(tmp_path, case)
    with pytest.raises(ipasn.InputError) as caught:
        ipasn.load(path)
    error = caught.value
    assert (error.file, error.sheet) == (path.name, "pegawai")
    assert error.column == ("pendidikan" if "pendidikan" in case else "nip")


@pytest.mark.parametrize("case", [pytest.param(c, id=c) for c in ("bukan-zip", "nip-ganda")])
def test_console_script_gives_no_traceback(tmp_path, case):
    path, words = _file_level_case(tmp_path, case)
    out = tmp_path / "out.csv"
    proc = subprocess.run([str(IPASN), "score", str(path), "--year", str(N), "--output", str(out)],
                          capture_output=True, text=True, timeout=120)
    assert proc.returncode == 2
    assert "Traceback" not in proc.stderr + proc.stdout
    assert all(word in proc.stderr for word in words)
    assert not out.exists() and not out.with_name("out.temuan.csv").exists()


# --- Row-level problems -------------------------------------------------------------------------

# (id, sheet, row dict to add, column, code, value as quoted, nip whose record is incomplete or None)
ROW_CASES = [
    ("nip-tidak-valid", "pegawai", employee("19850101-2010"), "nip", "NIP_TIDAK_VALID", "19850101-2010", None),
    ("nip-huruf", "pegawai", employee("19850101201001100X"), "nip", "NIP_TIDAK_VALID", "19850101201001100X", None),
    # Excel keeps 15 significant digits: the number read back is no longer the NIP that was typed.
    ("nip-angka-excel", "pegawai", employee(int(make_nip(3))), "nip", "NIP_ANGKA", AS_EXCEL_NUMBER[3], None),
    ("nip-notasi-ilmiah", "pegawai", employee("1,98501E+17"), "nip", "NIP_ANGKA", "1,98501E+17", None),
    ("nip-kosong", "pegawai", employee(None), "nip", "NIP_KOSONG", "", None),
    # an unknown status: counted as registered, not measured (so not scored)
    ("status-tidak-dikenali", "pegawai", employee(make_nip(3), status="Honorer"), "status", "STATUS_TIDAK_DIKENALI",
     "Honorer", None),
    ("pendidikan-tidak-dikenali", "pegawai", employee(make_nip(3), pendidikan="Kursus Menjahit"), "pendidikan",
     "PENDIDIKAN_TIDAK_DIKENALI", "Kursus Menjahit", make_nip(3)),
    ("jabatan-tidak-dikenali", "pegawai", employee(make_nip(3), jenis_jabatan="Tenaga Ahli"), "jenis_jabatan",
     "JABATAN_TIDAK_DIKENALI", "Tenaga Ahli", make_nip(3)),
    ("eselon-tidak-sesuai", "pegawai", employee(make_nip(3), jenis_jabatan="Pengawas", eselon="II.a"), "eselon",
     "ESELON_TIDAK_VALID", "II.a", make_nip(3)),
    # NIP1 (Pelaksana) has 20 JP of technical training already: another technical row, however
    # broken, cannot change the score (RULES.md "Completeness"), nor can leadership training, which
    # earns a Pelaksana nothing, nor an assessment of a year other than tahun_kinerja.
    ("tanggal-diklat-tidak-valid", "diklat", training(NIP1, "teknis", "31-13-2022", 20), "tanggal_selesai",
     "TANGGAL_TIDAK_VALID", "31-13-2022", None),
    ("tanggal-diklat-teks", "diklat", training(NIP1, "seminar", "pertengahan 2022", None), "tanggal_selesai",
     "TANGGAL_TIDAK_VALID", "pertengahan 2022", NIP1),
    ("jp-negatif", "diklat", training(NIP1, "teknis", dt.date(N, 3, 3), -4), "jp", "JP_NEGATIF", "-4", None),
    ("jp-bukan-angka", "diklat", training(NIP1, "teknis", dt.date(N, 3, 3), "dua puluh"), "jp", "JP_TIDAK_VALID",
     "dua puluh", None),
    ("jenis-diklat-tidak-dikenali", "diklat", training(NIP1, "Outbound", dt.date(N, 3, 3), 8), "jenis",
     "JENIS_DIKLAT_TIDAK_DIKENALI", "Outbound", NIP1),
    ("tingkat-kepemimpinan-tidak-dikenali", "diklat",
     training(NIP1, "kepemimpinan", dt.date(2015, 3, 3), None, nama="Diklat Kepemimpinan"), "tingkat",
     "TINGKAT_DIKLAT_TIDAK_DIKENALI", "Diklat Kepemimpinan", None),
    ("nip-diklat-tidak-di-pegawai", "diklat", training(STRANGER, "teknis", dt.date(N, 3, 3), 20), "nip",
     "NIP_TIDAK_ADA_DI_PEGAWAI", STRANGER, None),
    ("nip-diklat-tidak-valid", "diklat", training("1985", "teknis", dt.date(N, 3, 3), 20), "nip",
     "NIP_TIDAK_VALID", "1985", None),
    ("nip-kinerja-angka", "kinerja", assessment(int(NIP2), N - 1, 80), "nip", "NIP_ANGKA", AS_EXCEL_NUMBER[2], None),
    ("nilai-kinerja-bukan-angka", "kinerja", assessment(NIP1, N - 2, "sembilan puluh"), "nilai",
     "NILAI_TIDAK_VALID", "sembilan puluh", None),
    ("tahun-kinerja-tidak-valid", "kinerja", assessment(NIP1, "dua ribu", 80), "tahun", "TAHUN_TIDAK_VALID",
     "dua ribu", NIP1),
    ("nip-hukdis-tidak-di-pegawai", "hukdis", punishment(STRANGER, "berat", dt.date(N, 1, 1)), "nip",
     "NIP_TIDAK_ADA_DI_PEGAWAI", STRANGER, None),
    ("tanggal-hukdis-tidak-valid", "hukdis", punishment(NIP1, "ringan", "30-02-2022"), "tanggal",
     "TANGGAL_TIDAK_VALID", "30-02-2022", NIP1),
]


def _scenario(sheet: str, extra: dict) -> dict:
    sheets = good_sheets()
    sheets[sheet] = [*sheets[sheet], extra]
    return sheets


@pytest.mark.parametrize("titles", [pytest.param(0, id="header-baris-1"), pytest.param(2, id="dua-baris-judul")])
@pytest.mark.parametrize(("sheet", "extra", "column", "code", "value", "incomplete"), [
    pytest.param(*case[1:], id=case[0]) for case in ROW_CASES
])
def test_row_level_problem_is_a_located_finding(tmp_path, sheet, extra, column, code, value, incomplete, titles):
    sheets = _scenario(sheet, extra)
    title_rows = [["Laporan data kepegawaian"], ["Dinas A"]][:titles]
    path = write_workbook(tmp_path / "data.xlsx", sheets, title_rows=title_rows)
    out = tmp_path / "out.xlsx"
    result = cli("score", path, "--year", N, "--output", out)
    assert result.exit_code == 0, result.output
    assert out.exists()

    # The finding as the analyst reads it in the output's temuan sheet.
    book = openpyxl.load_workbook(out, read_only=True)
    rows = list(book["temuan"].iter_rows(values_only=True))
    book.close()
    assert list(rows[0]) == FINDING_COLUMNS
    found = pd.DataFrame(rows[1:], columns=rows[0])
    excel_row = titles + 1 + len(sheets[sheet])  # header row, then the added row is the last one
    mine = found[found["kode"] == code]
    assert len(mine) == 1, found
    finding = mine.iloc[0]
    assert finding["berkas"] == "data.xlsx"
    assert finding["lembar"] == sheet
    assert finding["baris"] == excel_row
    assert finding["kolom"] == column
    assert (finding["nilai"] or "") == value
    assert finding["masalah"] == PROBLEMS[code]
    assert set(found["kode"]) == {code}  # the good rows raise nothing

    data = ipasn.load(path)
    scored = ipasn.score(data, N).scores.set_index("nip")
    for nip in (NIP1, NIP2):
        assert bool(scored.loc[nip, "data_lengkap"]) == (nip != incomplete), nip
    if incomplete is not None and incomplete not in (NIP1, NIP2):
        assert not bool(scored.loc[incomplete, "data_lengkap"])
    rejected_employee = sheet == "pegawai" and incomplete is None
    assert len(scored) == 2 + (sheet == "pegawai" and not rejected_employee)


def test_invalid_nip_in_pegawai_rejects_the_row_and_its_history(tmp_path):
    """An employee whose NIP cannot be read is not scored; history rows with the real NIP are findings too."""
    sheets = good_sheets()
    sheets["pegawai"].append(employee(int(make_nip(3))))
    sheets["kinerja"].append(assessment(make_nip(3), N - 1, 80))
    data = ipasn.load(write_workbook(tmp_path / "d.xlsx", sheets))
    assert make_nip(3) not in set(data.pegawai["nip"])
    codes = data.findings[["lembar", "baris", "kode"]].values.tolist()
    assert codes == [["pegawai", 4, "NIP_ANGKA"], ["kinerja", 4, "NIP_TIDAK_ADA_DI_PEGAWAI"]]


@pytest.mark.parametrize(("second", "expected_codes", "kinerja", "complete"), [
    pytest.param(assessment(NIP1, N - 1, 70), ["KINERJA_GANDA", "KINERJA_GANDA"], 0, False, id="berbeda"),
    pytest.param(assessment(NIP1, N - 1, None, "Baik"), ["KINERJA_GANDA", "KINERJA_GANDA"], 0, False,
                 id="nilai-dan-predikat-berbeda"),
    pytest.param(assessment(NIP1, N - 1, 88), ["DUPLIKAT_PERSIS"], 25, True, id="sama-persis"),
])
def test_duplicate_assessments_for_one_year(tmp_path, second, expected_codes, kinerja, complete):
    sheets = good_sheets()
    sheets["kinerja"].append(second)
    data = ipasn.load(write_workbook(tmp_path / "d.xlsx", sheets))
    found = data.findings
    assert found["kode"].tolist() == expected_codes
    if len(expected_codes) == 2:
        assert found["baris"].tolist() == [2, 4] and set(found["nip"]) == {NIP1}
        assert set(found["kolom"]) == {"tahun"} and set(found["nilai"]) == {str(N - 1)}
    else:
        assert found["baris"].tolist() == [4]
    assert set(found["berkas"]) == {"d.xlsx"} and set(found["lembar"]) == {"kinerja"}
    assert found["masalah"].tolist() == [PROBLEMS[code] for code in expected_codes]
    scored = ipasn.score(data, N).scores.set_index("nip")
    assert scored.loc[NIP1, "kinerja"] == kinerja
    assert bool(scored.loc[NIP1, "data_lengkap"]) == complete
    assert bool(scored.loc[NIP2, "data_lengkap"])


def _dirty_sheets(with_number_cells: bool = True) -> dict:
    """Every row-level problem at once (pegawai rows get distinct NIPs so none is a duplicate)."""
    sheets = good_sheets()
    for i, (sheet, extra, *_) in enumerate(case[1:] for case in ROW_CASES):
        if isinstance(extra["nip"], int) and not with_number_cells:
            continue
        if sheet == "pegawai" and extra["nip"] == make_nip(3):
            extra = dict(extra, nip=make_nip(10 + i))
        sheets[sheet] = [*sheets[sheet], extra]
    sheets["pegawai"] += [employee(make_nip(4), nama=None, unit_kerja=None), employee(make_nip(5), status="CPNS")]
    sheets["kinerja"].append(assessment(NIP2, N - 1, 91))  # an exact copy
    sheets["diklat"].append({})  # an empty row inside the table is not an input row
    return sheets


@pytest.mark.parametrize("kind", [pytest.param("xlsx", id="xlsx"), pytest.param("csv", id="csv")])
def test_rows_read_equal_rows_used_plus_rows_with_findings(tmp_path, kind):
    sheets = _dirty_sheets(with_number_cells=kind == "xlsx")
    path = (write_workbook(tmp_path / "kotor.xlsx", sheets) if kind == "xlsx"
            else write_csv_folder(tmp_path / "kotor", sheets))
    data = ipasn.load(path)
    accounting = data.accounting.set_index("peran")
    written = {name: sum(1 for r in rows if any(v not in (None, "") for v in r.values()))
               for name, rows in sheets.items()}
    for name, count in written.items():
        line = accounting.loc[name]
        assert line["dibaca"] == count, name
        assert line["dibaca"] == line["dipakai"] + line["bermasalah"], name
        flagged_rows = data.findings.loc[data.findings["lembar"].isin([name, f"{name}.csv"]), "baris"].nunique()
        assert line["bermasalah"] == flagged_rows, name
        assert line["ditolak"] <= line["bermasalah"]
    assert len(data.diklat) == accounting.loc["diklat", "dipakai"]
    assert len(data.hukdis) == accounting.loc["hukdis", "dipakai"]

    result = cli("score", path, "--year", N, "--output", tmp_path / "out.xlsx")
    assert result.exit_code == 0, result.output
    for name, line in accounting.iterrows():
        pattern = (rf"{name}\s+.*: {line['dibaca']} baris dibaca = {line['dipakai']} dipakai \+ "
                   rf"{line['bermasalah']} dengan temuan \({line['ditolak']} ditolak\)")
        assert re.search(pattern, result.stdout), (pattern, result.stdout)
    assert f"{len(data.findings)} temuan" in result.stdout
    assert "tidak diukur 2 (CPNS 1, status tidak dikenali 1);" in result.stdout  # the CPNS, and the Honorer


def test_harmless_findings_keep_the_record_complete(tmp_path):
    sheets = good_sheets()
    sheets["pegawai"][0] = employee(NIP1, nama=None, unit_kerja=None)
    data = ipasn.load(write_workbook(tmp_path / "d.xlsx", sheets))
    assert data.findings["kode"].tolist() == ["NAMA_KOSONG", "UNIT_KOSONG"]
    assert not data.findings["berdampak"].any()
    scored = ipasn.score(data, N).scores.set_index("nip")
    assert bool(scored.loc[NIP1, "data_lengkap"])
    assert scored.loc[NIP1, "unit_kerja"] == "(Unit kerja tidak diisi)"


# --- --strict, output files -----------------------------------------------------------------------

def test_strict_with_findings_exits_3_and_writes_nothing(tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", _scenario("diklat", training(NIP1, "teknis", dt.date(N, 1, 1), -1)))
    for out in (tmp_path / "out.xlsx", tmp_path / "out.csv"):
        result = cli("score", path, "--year", N, "--output", out, "--strict")
        assert result.exit_code == 3
        assert "--strict" in result.stderr and "1 temuan" in result.stderr
        assert "Traceback" not in result.output
    assert leftovers(tmp_path) == []


def test_strict_without_findings_writes_the_output(tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", good_sheets())
    result = cli("score", path, "--year", N, "--output", tmp_path / "out.xlsx", "--strict")
    assert result.exit_code == 0, result.output
    assert (tmp_path / "out.xlsx").exists()


def test_xlsx_output_has_skor_and_temuan(tmp_path):
    path = write_workbook(tmp_path / "d.xlsx", _dirty_sheets())
    out = tmp_path / "out.xlsx"
    assert cli("score", path, "--year", N, "--output", out).exit_code == 0
    book = openpyxl.load_workbook(out, read_only=True)
    assert {"skor", "temuan"} <= set(book.sheetnames)
    skor = list(book["skor"].iter_rows(values_only=True))
    temuan = list(book["temuan"].iter_rows(values_only=True))
    book.close()
    data = ipasn.load(path)
    assert len(skor) - 1 == len(ipasn.score(data, N).scores)
    assert len(temuan) - 1 == len(data.findings)


@pytest.mark.parametrize("suffix", [pytest.param(".csv", id="csv"), pytest.param(".parquet", id="parquet")])
def test_csv_and_parquet_output_write_the_findings_beside_it(tmp_path, suffix):
    path = write_workbook(tmp_path / "d.xlsx", _dirty_sheets())
    out = tmp_path / f"out{suffix}"
    result = cli("score", path, "--year", N, "--output", out)
    assert result.exit_code == 0, result.output
    beside = tmp_path / f"out.temuan{suffix}"
    assert out.exists() and beside.exists()
    reader = pd.read_csv if suffix == ".csv" else pd.read_parquet
    options = {"dtype": str, "keep_default_na": False} if suffix == ".csv" else {}
    found = reader(beside, **options)
    assert list(found.columns) == FINDING_COLUMNS
    assert len(found) == len(ipasn.load(path).findings)
    scores = reader(out, **options)
    assert scores["nip"].tolist() == ipasn.score(ipasn.load(path), N).scores["nip"].tolist()


# --- xlsx and CSV inputs ------------------------------------------------------------------------

def test_xlsx_and_csv_inputs_give_identical_results(tmp_path):
    sheets = _dirty_sheets(with_number_cells=False)  # a CSV cell cannot be an Excel number
    sheets["diklat"] += [training(NIP2, "fungsional", "12 Januari 2010", None),
                         training(NIP1, "teknis", "2022-12-31", "12,5"), training(NIP1, "teknis", "01/01/2022", 8)]
    sheets["kinerja"] += [assessment(make_nip(4), N - 1, None, "Butuh Perbaikan")]
    from_xlsx = ipasn.score(ipasn.load(write_workbook(tmp_path / "d.xlsx", sheets)), N)
    from_csv = ipasn.score(ipasn.load(write_csv_folder(tmp_path / "d", sheets)), N)
    pd.testing.assert_frame_equal(from_xlsx.scores, from_csv.scores)
    assert len(from_xlsx.scores) == 6  # 2 good, 3 with pegawai findings, 1 without name or unit
    columns = ["baris", "kolom", "nilai", "kode", "nip", "ditolak", "berdampak"]
    pd.testing.assert_frame_equal(from_xlsx.findings[columns], from_csv.findings[columns])
    assert from_xlsx.findings["lembar"].tolist() == from_csv.findings["lembar"].tolist()
    pd.testing.assert_frame_equal(from_xlsx.dataset.accounting.drop(columns="berkas"),
                                  from_csv.dataset.accounting.drop(columns="berkas"))
