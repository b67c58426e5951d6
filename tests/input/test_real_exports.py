"""Exports shaped like real SIASN downloads, through the real `ipasn score` command.

Each file has title rows above an uppercase header with spaces, the employee's NAMA in every riwayat
sheet, text NIPs, and dates as Excel date cells beside dd-mm-yyyy text. Each test is a regression of a
problem seen on real downloads (issue 10): the score must be right, or the problem said out loud.
"""

from __future__ import annotations

import datetime as dt
import subprocess
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from tests.builders import make_nip

import ipasn
from ipasn.scoring.reference import score_reference

N = 2022
TITLES = [["DAFTAR RIWAYAT PNS"], ["PEMERINTAH PROVINSI DEMO"], ["Diunduh dari SIASN 05-01-2023"], []]
P1, P2, P3 = make_nip(1), make_nip(2, gender=2), make_nip(3)

# The employee table: UNOR INDUK is the SKPD, UNOR the sub-unit inside it.
PEGAWAI = [
    ["NIP BARU", "NIP LAMA", "NAMA", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "ESELON NAMA", "JABATAN NAMA",
     "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "STATUS CPNS PNS", "UNOR NAMA", "UNOR INDUK NAMA",
     "JENIS KELAMIN"],
    [P1, "150000001", "Budi Santoso, S.E.", "1", "Struktural", "III.a", "Kepala Bidang", "45", "S-2", "P",
     "Bidang Pelayanan", "Dinas Kesehatan", "Pria"],
    [P2, "150000002", "Sari Dewi", "4", "Fungsional Umum", None, "Pengadministrasi", "40", "S-1", "P",
     "Subbagian Umum", "Dinas Kesehatan", "Wanita"],
    [P3, "150000003", "Andi Wijaya", "2", "Fungsional Tertentu", None, "Perawat Ahli", "30", "D-III", "P",
     "UPT Puskesmas", "Dinas Sosial", "Pria"],
]
DIKLAT = [
    ["NIP BARU", "NAMA", "JENIS DIKLAT NAMA", "NAMA DIKLAT", "TANGGAL SELESAI", "JUMLAH JAM"],
    [P1, "Budi Santoso, S.E.", "Diklat Struktural", "Diklat PIM III", dt.date(2015, 5, 5), 200],
    [P1, "Budi Santoso, S.E.", "Diklat Teknis", "Pengadaan Barang/Jasa", "10-06-2022", 24],
    [P2, "Sari Dewi", "Seminar", "Seminar Kepegawaian", dt.date(2022, 3, 1), 8],
    [P3, "Andi Wijaya", "Diklat Fungsional", "Diklat Fungsional Perawat", "01-08-2019", 40],
]
SKP = [
    ["NIP BARU", "NAMA", "TAHUN", "NILAI SKP", "NILAI PRESTASI KERJA"],
    [P1, "Budi Santoso, S.E.", 2021, 95, 91.5],
    [P2, "Sari Dewi", 2021, 80, 74],
    [P3, "Andi Wijaya", 2021, 70, 66],
    [P3, "Andi Wijaya", 2020, 60, 58],
]
HUKDIS = [
    ["NIP BARU", "NAMA", "TINGKAT HUKUMAN", "HUKUMAN TANGGAL"],
    [P2, "Sari Dewi", "ringan", dt.date(2021, 4, 1)],
]
SHEETS = {"Data Utama PNS": PEGAWAI, "Riwayat Diklat": DIKLAT, "Riwayat SKP": SKP,
          "Riwayat Hukuman Disiplin": HUKDIS}
EXPECTED = {  # kualifikasi, kompetensi, kinerja, disiplin
    P1: (20, 15 + 15, 30, 5),       # PIM III matches eselon III; 24 JP technical; prestasi kerja 91,5
    P2: (15, 17.5, 15, 3),          # pelaksana with a seminar; prestasi kerja 74 (SKP alone 80); ringan
    P3: (10, 15, 15, 5),            # functional training; SKP 2021 66
}


def _sheet(book: openpyxl.Workbook, title: str, rows: Sequence[Sequence[object]], titles=TITLES) -> None:
    sheet = book.create_sheet(title)
    for row in [*titles, *rows]:
        sheet.append(list(row))


def workbook(path: Path, sheets: Mapping[str, Sequence[Sequence[object]]] = SHEETS) -> Path:
    book = openpyxl.Workbook()
    book.remove(book.active)
    for title, rows in sheets.items():
        _sheet(book, title, rows)
    book.save(path)
    return path


def downloads(folder: Path, sheets: Mapping[str, Sequence[Sequence[object]]] = SHEETS) -> Path:
    """Separate downloads: one workbook per table, named after it, whose only sheet is "Sheet1"."""
    folder.mkdir(parents=True, exist_ok=True)
    for title, rows in sheets.items():
        book = openpyxl.Workbook()
        _sheet(book, "Sheet1", rows)
        book.remove(book["Sheet"])
        book.save(folder / f"{title}.xlsx")
    return folder


def score(tmp_path: Path, *data: Path | str, options: Sequence[str] = (), year: int = N,
          name: str = "skor.xlsx") -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / name
    command = [sys.executable, "-m", "ipasn.cli", "score", *map(str, data), "--year", str(year),
               "--output", str(out), *options]
    return subprocess.run(command, capture_output=True, text=True, timeout=300), out


def sheets_of(path: Path) -> dict[str, pd.DataFrame]:
    return pd.read_excel(path, sheet_name=None, dtype={"nip": str}, engine="openpyxl", keep_default_na=False,
                         na_values=[""])  # "#N/A" stays the text it is


def assert_expected(scores: pd.DataFrame, expected: Mapping[str, tuple] = EXPECTED) -> None:
    by_nip = scores.set_index("nip")
    for nip, (kual, komp, kin, dis) in expected.items():
        row = by_nip.loc[nip]
        assert (row["kualifikasi"], row["kompetensi"], row["kinerja"], row["disiplin"]) == (kual, komp, kin, dis), nip


def assert_reference(*data: Path, **load_options) -> None:
    """Every PNS's score equals the plain reference's on what was loaded."""
    dataset = ipasn.load(list(data), **load_options)
    fast = ipasn.score(dataset, N).scores.set_index("nip")
    plain = score_reference(dataset, N).set_index("nip")
    assert list(fast.index) == list(plain.index)
    for column in ("kualifikasi", "kompetensi", "kinerja", "disiplin", "ip_asn", "data_lengkap"):
        assert fast[column].tolist() == plain[column].tolist(), column


def test_siasn_workbook_scores_right_and_complete(tmp_path):
    """Problem 1: NAMA in a riwayat sheet is the employee, never the training's name (every eselon
    official lost the 15 leadership points). Units: UNOR INDUK is the SKPD, UNOR the sub-unit."""
    run, out = score(tmp_path, workbook(tmp_path / "siasn.xlsx"))
    assert run.returncode == 0, run.stderr
    assert run.stderr == ""
    result = sheets_of(out)
    scores = result["skor"]
    assert_expected(scores)
    assert scores["data_lengkap"].all()
    assert result["temuan"].empty
    assert sorted(set(scores["unit_kerja"])) == ["Dinas Kesehatan", "Dinas Sosial"]
    assert scores.set_index("nip").loc[P1, "sub_unit"] == "Bidang Pelayanan"
    # Every titled column is accounted for: the history sheet's NAMA is named as the employee's name.
    columns = result["rekap_kolom"]
    nama = columns[(columns["lembar"] == "Riwayat Diklat") & (columns["kolom"] == "NAMA")]
    assert nama["dibaca_sebagai"].isna().all() and nama["keterangan"].str.contains("nama pegawai").all()
    used = columns[(columns["lembar"] == "Riwayat SKP") & (columns["dibaca_sebagai"] == "nilai")]
    assert used["kolom"].tolist() == ["NILAI PRESTASI KERJA"]
    skp = columns[(columns["lembar"] == "Riwayat SKP") & (columns["kolom"] == "NILAI SKP")]
    assert skp["keterangan"].str.contains("NILAI PRESTASI KERJA").all()
    assert "kolom tidak dipakai" in run.stdout
    assert_reference(tmp_path / "siasn.xlsx")


def test_separate_downloads_score_like_one_workbook(tmp_path):
    """Problem 2: a folder of separate downloads (each "Sheet1") is read, as is a list of files."""
    one = sheets_of(score(tmp_path, workbook(tmp_path / "satu.xlsx"), name="a.xlsx")[1])["skor"]
    folder = downloads(tmp_path / "unduhan")
    run, out = score(tmp_path, folder, name="b.xlsx")
    assert run.returncode == 0, run.stderr
    pd.testing.assert_frame_equal(one, sheets_of(out)["skor"])
    assert "Riwayat SKP.xlsx › Sheet1" in run.stdout
    files = sorted(folder.iterdir())
    run, out = score(tmp_path, *files, name="c.xlsx")
    assert run.returncode == 0, run.stderr
    pd.testing.assert_frame_equal(one, sheets_of(out)["skor"])
    assert_reference(folder)


def test_sheet_named_by_year_is_recognised_by_its_columns(tmp_path):
    """Problem 2: "SKP 2021" was skipped without a word and everyone got kinerja 0."""
    sheets = {**SHEETS}
    sheets["SKP 2021"] = sheets.pop("Riwayat SKP")
    run, out = score(tmp_path, workbook(tmp_path / "skp.xlsx", sheets))
    assert run.returncode == 0, run.stderr
    assert_expected(sheets_of(out)["skor"])
    assert "kinerja" in next(line for line in run.stdout.splitlines() if "SKP 2021" in line)


def test_sheet_that_looks_like_data_but_fits_nothing_is_a_finding(tmp_path):
    """A sheet with a NIP column that no table fits is not silently skipped."""
    sheets = {**SHEETS, "Rekap Angka Kredit": [["NIP BARU", "NAMA", "ANGKA KREDIT"], [P1, "Budi", 150]]}
    run, out = score(tmp_path, workbook(tmp_path / "rekap.xlsx", sheets))
    assert run.returncode == 0, run.stderr
    found = sheets_of(out)["temuan"]
    assert found["kode"].tolist() == ["LEMBAR_TIDAK_DIKENALI"]
    assert found["lembar"].tolist() == ["Rekap Angka Kredit"]
    assert "Rekap Angka Kredit: tidak dibaca" in run.stdout
    assert_expected(sheets_of(out)["skor"])


def test_excel_error_cells_are_empty_with_a_finding(tmp_path):
    """Problem 9: #N/A became text (a unit named "#N/A")."""
    pegawai = [list(r) for r in PEGAWAI]
    pegawai[3][11] = "#N/A"  # P3's UNOR INDUK: a failed lookup
    path = workbook(tmp_path / "galat.xlsx", {**SHEETS, "Data Utama PNS": pegawai})
    book = openpyxl.load_workbook(path)
    assert book["Data Utama PNS"].cell(len(TITLES) + 4, 12).data_type == "e"  # a real error cell
    run, out = score(tmp_path, path)
    assert run.returncode == 0, run.stderr
    result = sheets_of(out)
    assert "#N/A" not in set(result["skor"]["unit_kerja"])
    found = result["temuan"]
    assert found[["baris", "kolom", "nilai", "kode"]].values.tolist()[0] == [len(TITLES) + 4, "unit_kerja", "#N/A",
                                                                            "GALAT_EXCEL"]
    assert set(found["kode"]) == {"GALAT_EXCEL", "UNIT_KOSONG"}


def test_missing_history_table_is_loud_unless_declared(tmp_path):
    """Problem 11: no hukdis sheet gave everyone disiplin 5 and "complete", silently."""
    sheets = {k: v for k, v in SHEETS.items() if k != "Riwayat Hukuman Disiplin"}
    path = workbook(tmp_path / "tanpa-hukdis.xlsx", sheets)
    run, out = score(tmp_path, path)
    assert run.returncode == 0, run.stderr
    assert "PERINGATAN: data hukdis tidak ditemukan" in run.stdout
    result = sheets_of(out)
    assert not result["skor"]["data_lengkap"].any()
    assert result["temuan"]["kode"].tolist() == ["LEMBAR_TIDAK_ADA"]
    assert result["rekap_baris"]["keterangan"].str.contains("TIDAK ADA").any()

    run, out = score(tmp_path, path, options=["--missing-sheet", "hukdis"], name="sengaja.xlsx")
    assert run.returncode == 0, run.stderr
    assert "PERINGATAN" not in run.stdout and "dinyatakan sengaja" in run.stdout
    result = sheets_of(out)
    assert result["skor"]["data_lengkap"].all() and result["temuan"].empty
    assert_reference(path, absent_ok=["hukdis"])


def test_year_without_its_assessment_year_is_refused_naming_the_years(tmp_path):
    """Problem 12: --year 2030 exited 0 with everyone "no SKP 2029"."""
    run, out = score(tmp_path, workbook(tmp_path / "siasn.xlsx"), year=2030)
    assert run.returncode == 2
    assert run.stderr == ("Galat: tahun 2030: IP ASN tahun 2030 memakai penilaian kinerja tahun 2029, tetapi data "
                          "memuat penilaian kinerja tahun 2020, 2021\n")
    assert not out.exists()


def test_unit_column_can_be_chosen(tmp_path):
    run, out = score(tmp_path, workbook(tmp_path / "siasn.xlsx"), options=["--unit-column", "UNOR NAMA"])
    assert run.returncode == 0, run.stderr
    assert sorted(set(sheets_of(out)["skor"]["unit_kerja"])) == ["Bidang Pelayanan", "Subbagian Umum",
                                                                 "UPT Puskesmas"]
    run, _ = score(tmp_path, workbook(tmp_path / "siasn.xlsx"), options=["--unit-column", "UNIT TIDAK ADA"],
                   name="x.xlsx")
    assert run.returncode == 2 and "UNIT TIDAK ADA" in run.stderr and "Traceback" not in run.stderr


@pytest.mark.parametrize("output", [pytest.param(".", id="folder"), pytest.param("skor.txt", id="format")])
def test_unwritable_output_is_refused_before_any_work(tmp_path, output):
    target = tmp_path / output
    command = [sys.executable, "-m", "ipasn.cli", "score", str(workbook(tmp_path / "s.xlsx")), "--year", str(N),
               "--output", str(target)]
    run = subprocess.run(command, capture_output=True, text=True, timeout=120)
    assert run.returncode == 2
    assert run.stderr.startswith("Galat: ") and "Error" not in run.stderr
    assert run.stdout == ""


def test_run_definition_reads_separate_downloads_with_its_options(tmp_path):
    """`data:` as a list, `kolom_unit` and `lembar_tidak_ada` in a run definition, as in `ipasn score`."""
    from ipasn.errors import ParamsError
    from ipasn.report.batch.params import parse_params
    from ipasn.report.batch.plan import prepare

    folder = downloads(tmp_path / "unduhan", {k: v for k, v in SHEETS.items() if k != "Riwayat Hukuman Disiplin"})
    files = sorted(p.name for p in folder.iterdir())
    text = (f"instansi: Demo\ntahun: [{N}]\ndata: {[f'unduhan/{f}' for f in files]}\nkolom_unit: UNOR NAMA\n"
            "lembar_tidak_ada: [hukdis]\nformats: [html]\noutput: keluar\n")
    prepared = prepare(parse_params(text, "run.yaml", tmp_path))
    result = prepared.results[N]
    assert sorted(set(result.scores["unit_kerja"])) == ["Bidang Pelayanan", "Subbagian Umum", "UPT Puskesmas"]
    assert result.scores["data_lengkap"].all()
    assert prepared.dataset.absent == {"hukdis": True}

    wrong_year = text.replace(f"tahun: [{N}]", "tahun: [2030]")
    with pytest.raises(ParamsError, match="data memuat penilaian kinerja tahun 2020, 2021"):
        prepare(parse_params(wrong_year, "run.yaml", tmp_path))
