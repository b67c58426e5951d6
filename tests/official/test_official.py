"""BKN's official results: read in the three layouts offices have, validated row by row, and reconciled
with ipasn's own count through the real `ipasn reconcile` and `ipasn demo-data --resmi` commands, on real
files written with openpyxl (and pandas for .ods)."""

from __future__ import annotations

import csv
import datetime as dt
import subprocess
import sys
from importlib import resources
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from tests.builders import NIP1, assessment, employee, make_nip, punishment, training, write_workbook

from ipasn.official import read_official
from ipasn.official.demo import CAUSE_WORDS, make_official
from ipasn.ruleset import load_ruleset

N = 2022
NIP2, NIP3, NIP4 = make_nip(2), make_nip(3), make_nip(4)
IPASN = Path(sys.executable).with_name("ipasn")
DIMS = ["kualifikasi", "kompetensi", "kinerja", "disiplin"]

# ipasn's count of the export below: NIP1 Pelaksana S-1, 20 JP teknis, SKP 88; NIP2 Fungsional S-2, a
# seminar, SKP 91, a ringan punishment; NIP3 Pelaksana D-III, nothing, SKP 70; NIP4 a CPNS.
COUNTED = {NIP1: (15, 22.5, 25, 5), NIP2: (20, 10, 30, 3), NIP3: (10, 0, 15, 5)}
KINDS = {NIP1: "Pelaksana", NIP2: "Fungsional", NIP3: "Pelaksana"}


def export(tmp_path: Path) -> Path:
    return write_workbook(tmp_path / "ekspor.xlsx", {
        "pegawai": [employee(NIP1), employee(NIP2, jenis_jabatan="Fungsional Tertentu", pendidikan="S-2",
                                             unit_kerja="Dinas B"),
                    employee(NIP3, pendidikan="D-III"), employee(NIP4, status="CPNS")],
        "diklat": [training(NIP1, "teknis", dt.date(N, 4, 4), 20, nama="Bimtek Arsip"),
                   training(NIP2, "seminar", dt.date(N, 5, 5), None, nama="Seminar Merit")],
        "kinerja": [assessment(NIP1, N - 1, 88), assessment(NIP2, N - 1, 91), assessment(NIP3, N - 1, 70)],
        "hukdis": [punishment(NIP2, "ringan", dt.date(N - 1, 2, 2))],
    })


def official_rows(values: dict | None = None) -> list[dict]:
    """BKN's rows: ipasn's count, with `values` (nip -> {column: value}) changed."""
    rows = []
    for nip, dims in COUNTED.items():
        row = {"nip": nip, "nama": f"Pegawai {nip[-3:]}", "jenis_jabatan": KINDS[nip], **dict(zip(DIMS, dims))}
        row.update((values or {}).get(nip, {}))
        if "total" not in row:  # the sum of the four, unless the case says otherwise
            numbers = [row[d] for d in DIMS]
            row["total"] = sum(numbers) if all(isinstance(v, (int, float)) for v in numbers) else None
        rows.append(row)
    return rows


def write_siasn(path: Path, rows: list[dict], tahun: int = N) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["nip_baru", "nama", "jenis_jabatan", "jenjang_jabatan", *DIMS, "subtotal",
                  *(f"keterangan_{d}" for d in DIMS), "tahun"])
    for r in rows:
        sheet.append([r["nip"], r["nama"], r["jenis_jabatan"], "-", *(r[d] for d in DIMS), r["total"],
                      *(f"BKN {d}" for d in DIMS), r.get("tahun", tahun)])
    book.save(path)
    return path


def write_djasn_csv(path: Path, rows: list[dict]) -> Path:
    """The DJASN progress table saved as CSV from an Indonesian Excel: ';' and decimal commas."""
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle, delimiter=";")
        writer.writerow(["nip", *DIMS, "total", "tgl_update"])
        for r in rows:
            writer.writerow([r["nip"], *(str(r[d]).replace(".", ",") for d in DIMS),
                             str(r["total"]).replace(".", ","), "05-01-2023"])
    return path


def _comma(value: object) -> object:
    return f"{value:g}".replace(".", ",") if isinstance(value, float) else value


def satker_frame(rows: list[dict]) -> list[list]:
    """The per-satker workbook: title rows, then No, Nama, NIP ..., numbers as text with decimal commas."""
    out = [["REKAPITULASI INDEKS PROFESIONALITAS ASN TAHUN 2022"], ["Satuan Kerja: Pemerintah Provinsi Demo"], [],
           ["No", "Nama", "NIP", "Nama Jabatan", "Satuan Kerja", "Kualifikasi", "Kompetensi", "Kinerja",
            "Disiplin", "Total"]]
    for i, r in enumerate(rows, 1):
        out.append([i, r["nama"], r["nip"], "Analis", "Dinas B" if r["nip"] == NIP2 else "Dinas A",
                    *(_comma(float(r[d])) if isinstance(r[d], (int, float)) else r[d] for d in DIMS),
                    _comma(float(r["total"]))])
    return out


def write_satker(path: Path, rows: list[dict]) -> Path:
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "Rekap IP ASN"
    for line in satker_frame(rows):
        sheet.append(line)
    sheet.merge_cells("A1:J1")
    book.save(path)
    return path


def write_satker_xls(path: Path, rows: list[dict]) -> Path:
    """The same workbook saved as Excel 97-2003 (.xls), as older offices keep it."""
    import xlwt

    book = xlwt.Workbook()
    sheet = book.add_sheet("Rekap")
    for r, line in enumerate(satker_frame(rows)):
        for c, value in enumerate(line):
            sheet.write(r, c, value)
    book.save(str(path))
    return path


def write_satker_ods(path: Path, rows: list[dict]) -> Path:
    lines = satker_frame(rows)
    frame = pd.DataFrame([line + [None] * (10 - len(line)) for line in lines])
    frame.to_excel(path, engine="odf", header=False, index=False, sheet_name="Rekap")
    return path


def reconcile(resmi: Path, data: Path, out: Path, year: int = N) -> subprocess.CompletedProcess:
    return subprocess.run([str(IPASN), "reconcile", str(resmi), "--data", str(data), "--year", str(year),
                           "--output", str(out)], capture_output=True, text=True)


def sheet(path: Path, name: str) -> list[dict]:
    book = openpyxl.load_workbook(path, read_only=True)
    rows = list(book[name].iter_rows(values_only=True))
    return [dict(zip(rows[0], r)) for r in rows[1:]]


def ran(resmi: Path, tmp_path: Path) -> tuple[subprocess.CompletedProcess, Path]:
    out = tmp_path / "selisih.xlsx"
    proc = reconcile(resmi, export(tmp_path), out)
    assert proc.returncode == 0, proc.stderr
    assert "Traceback" not in proc.stderr
    return proc, out


def findings(out: Path, code: str) -> list[dict]:
    return [f for f in sheet(out, "temuan") if f["kode"] == code and f["sumber"] == "hasil resmi BKN"]


# --- the three layouts ---------------------------------------------------------------------------


def test_three_layouts_and_four_formats_read_to_the_same_numbers(tmp_path):
    rules = load_ruleset()
    rows = official_rows({NIP1: {"kompetensi": 17.5}})  # a difference, with a half point
    files = [write_siasn(tmp_path / "siasn.xlsx", rows), write_djasn_csv(tmp_path / "djasn.csv", rows),
             write_satker(tmp_path / "satker.xlsx", rows), write_satker_ods(tmp_path / "satker.ods", rows),
             write_satker_xls(tmp_path / "satker.xls", rows)]
    tables = []
    for path in files:
        official = read_official(path, rules, N)
        assert official.findings.empty, (path.name, official.findings.to_dict("records"))
        tables.append(official.table[["nip", *DIMS, "ip_asn"]])
    for table in tables[1:]:
        pd.testing.assert_frame_equal(tables[0], table)
    assert tables[0].set_index("nip").loc[NIP1, "kompetensi"] == 17.5
    satker = read_official(files[2], rules, N)
    assert satker.has_unit and set(satker.table["unit_kerja"]) == {"Dinas A", "Dinas B"}
    assert not read_official(files[0], rules, N).has_unit


def test_three_layouts_give_the_same_reconciliation(tmp_path):
    rows = official_rows({NIP1: {"kompetensi": 0.0}})
    compared = []
    for path in (write_siasn(tmp_path / "siasn.xlsx", rows), write_djasn_csv(tmp_path / "djasn.csv", rows),
                 write_satker(tmp_path / "satker.xlsx", rows)):
        _, out = ran(path, tmp_path)
        found = sheet(out, "selisih")
        compared.append([{k: r[k] for k in ("nip", "unit_kerja", "dimensi", "nilai_hitung", "nilai_bkn", "selisih",
                                             "kemungkinan_penyebab")} for r in found])
    assert compared[0] == compared[1] == compared[2]
    (only,) = compared[0]
    assert (only["nip"], only["dimensi"], only["nilai_hitung"], only["nilai_bkn"]) == (NIP1, "kompetensi", 22.5, 0)
    assert "diklat teknis 20 JP" in only["kemungkinan_penyebab"]


# --- bad official files --------------------------------------------------------------------------


def test_out_of_range_value_is_a_finding_and_not_compared(tmp_path):
    path = write_siasn(tmp_path / "resmi.xlsx", official_rows({NIP1: {"kinerja": 88}}))
    proc, out = ran(path, tmp_path)
    (found,) = findings(out, "NILAI_RESMI_DI_LUAR_RENTANG")
    assert (found["baris"], found["kolom"], found["nip"]) == (2, "kinerja", NIP1)
    assert "88" in found["nilai"] and "30" in found["nilai"] and found["lembar"] == "Sheet"
    assert not [r for r in sheet(out, "selisih") if r["dimensi"] == "kinerja"]
    assert "1 temuan di hasil resmi" in proc.stdout


def test_value_off_the_regulations_points_is_a_finding_naming_the_points(tmp_path):
    # 12 is no education level's points; 15 is no Pelaksana's kompetensi (22,5 + 17,5 are).
    path = write_siasn(tmp_path / "resmi.xlsx", official_rows({NIP1: {"kualifikasi": 12, "kompetensi": 15}}))
    _, out = ran(path, tmp_path)
    found = {f["kolom"]: f for f in findings(out, "NILAI_RESMI_TIDAK_SESUAI_POIN")}
    assert set(found) == {"kualifikasi", "kompetensi"}
    assert "1, 5, 10, 15, 20, 25" in found["kualifikasi"]["nilai"]
    assert "0, 17,5, 22,5, 40" in found["kompetensi"]["nilai"]
    # kept as BKN gave them: both are compared
    assert {r["dimensi"] for r in sheet(out, "selisih")} == {"kualifikasi", "kompetensi"}


def test_kompetensi_off_grid_is_judged_by_the_position_type_bkn_gives(tmp_path):
    rules = load_ruleset()
    rows = official_rows({NIP2: {"kompetensi": 22.5}})  # a Pelaksana's 22,5, but a Fungsional
    found = read_official(write_siasn(tmp_path / "a.xlsx", rows), rules, N).findings
    assert found[["nip", "kode"]].values.tolist() == [[NIP2, "NILAI_RESMI_TIDAK_SESUAI_POIN"]]
    unknown_type = read_official(write_djasn_csv(tmp_path / "b.csv", rows), rules, N).findings
    assert unknown_type.empty  # without a position type, any type's sums are possible


def test_total_that_is_not_the_sum_names_both(tmp_path):
    path = write_satker(tmp_path / "resmi.xlsx", official_rows({NIP3: {"total": 35}}))
    _, out = ran(path, tmp_path)
    (found,) = findings(out, "TOTAL_RESMI_BUKAN_JUMLAH")
    assert found["baris"] == 7 and found["kolom"] == "total" and found["nip"] == NIP3
    assert found["nilai"].startswith("35 / 30 (kualifikasi 10 + kompetensi 0 + kinerja 15 + disiplin 5)")
    assert not sheet(out, "selisih")  # the dimensions agree: nothing differs


def test_duplicate_nips(tmp_path):
    rows = official_rows()
    rows += [dict(rows[0]), {**rows[1], "kinerja": 25, "total": 58}]  # NIP1 repeated exactly; NIP2 differently
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows), tmp_path)
    assert [(f["baris"], f["nip"]) for f in findings(out, "DUPLIKAT_PERSIS")] == [(5, NIP1)]
    assert sorted((f["baris"], f["nip"]) for f in findings(out, "NIP_GANDA_RESMI")) == [(3, NIP2), (6, NIP2)]
    only = {r["nip"]: r["keterangan"] for r in sheet(out, "hanya_data")}
    assert list(only) == [NIP2] and "tidak dapat dipakai" in only[NIP2]
    assert not sheet(out, "selisih")


def test_nip_stored_as_a_number(tmp_path):
    rows = official_rows()
    rows[2]["nip"] = float(NIP3)  # Excel shows 1,98501E+17: the last digits are gone
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows), tmp_path)
    (found,) = findings(out, "NIP_ANGKA")
    assert found["baris"] == 4 and found["kolom"] == "nip" and found["ditolak"]
    assert [r["nip"] for r in sheet(out, "hanya_data")] == [NIP3]


def test_every_nip_a_number_stops_the_run(tmp_path):
    rows = [{**r, "nip": int(r["nip"])} for r in official_rows()]
    out = tmp_path / "selisih.xlsx"
    proc = reconcile(write_siasn(tmp_path / "resmi.xlsx", rows), export(tmp_path), out)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "resmi.xlsx" in proc.stderr and "NIP tersimpan sebagai angka" in proc.stderr
    assert not out.exists()


def test_decimal_commas_are_read_without_findings(tmp_path):
    rows = official_rows({NIP1: {"kompetensi": "17,5", "total": "62,5"}})
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows), tmp_path)
    assert not [f for f in sheet(out, "temuan") if f["sumber"] == "hasil resmi BKN"]
    (diff,) = sheet(out, "selisih")
    assert (diff["nilai_bkn"], diff["selisih"]) == (17.5, 5)


def test_empty_and_text_values(tmp_path):
    rows = official_rows({NIP1: {"kinerja": None}, NIP2: {"disiplin": "tiga"}})
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows), tmp_path)
    assert [(f["nip"], f["kolom"]) for f in findings(out, "NILAI_RESMI_KOSONG")] == [(NIP1, "kinerja")]
    assert [(f["nip"], f["kolom"]) for f in findings(out, "NILAI_RESMI_BUKAN_ANGKA")] == [(NIP2, "disiplin")]
    assert not sheet(out, "selisih")


@pytest.mark.parametrize("case", ["tahun-lain", "bukan-hasil-resmi", "keluaran-csv", "ekspor-tidak-ada"])
def test_file_level_problems_exit_2(tmp_path, case):
    resmi = write_siasn(tmp_path / "resmi.xlsx", official_rows())
    data, out, words = export(tmp_path), tmp_path / "selisih.xlsx", []
    if case == "tahun-lain":
        resmi, words = write_siasn(tmp_path / "resmi.xlsx", official_rows(), tahun=2021), ["2021", "bukan tahun 2022"]
    elif case == "bukan-hasil-resmi":
        resmi, words = data, ["ekspor.xlsx", "hasil resmi BKN tidak ditemukan"]
    elif case == "keluaran-csv":
        out, words = tmp_path / "selisih.csv", [".xlsx"]
    else:
        data, words = tmp_path / "tidak-ada.xlsx", ["tidak-ada.xlsx"]
    proc = reconcile(resmi, data, out)
    assert proc.returncode == 2, proc.stdout + proc.stderr
    assert "Traceback" not in proc.stderr and proc.stderr.startswith("Galat:")
    assert all(w in proc.stderr for w in words), proc.stderr
    assert not out.exists()


def test_not_measured_people_are_never_only_in_our_data(tmp_path):
    rows = official_rows() + [{"nip": NIP4, "nama": "CPNS", "jenis_jabatan": "Pelaksana", "kualifikasi": 15,
                               "kompetensi": 0, "kinerja": 0, "disiplin": 5, "total": 20}]
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows[1:]), tmp_path)
    assert [r["nip"] for r in sheet(out, "hanya_data")] == [NIP1]  # NIP4, a CPNS, is not listed
    (only_bkn,) = sheet(out, "hanya_bkn")
    assert only_bkn["nip"] == NIP4 and "CPNS" in only_bkn["keterangan"]


# --- the demo ------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def demo_run(tmp_path_factory):
    folder = tmp_path_factory.mktemp("demo")
    for args in (["demo.xlsx"], ["resmi.xlsx", "--resmi"]):
        proc = subprocess.run([str(IPASN), "demo-data", str(folder / args[0]), *args[1:]], capture_output=True,
                              text=True)
        assert proc.returncode == 0, proc.stderr
    out = folder / "selisih.xlsx"
    proc = reconcile(folder / "resmi.xlsx", folder / "demo.xlsx", out)
    assert proc.returncode == 0, proc.stderr
    return folder, out, proc


def test_demo_official_file_is_the_bundled_one(demo_run):
    folder, _, _ = demo_run
    bundled = Path(str(resources.files("ipasn") / "data" / "demo-resmi.xlsx"))
    assert (folder / "resmi.xlsx").read_bytes() == bundled.read_bytes()


def test_reconcile_on_the_demo_finds_exactly_the_planted_differences(demo_run):
    _, out, proc = demo_run
    _, planted = make_official()
    differences = sheet(out, "selisih")
    expected = planted[planted["dimensi"].notna()]
    assert sorted((r["nip"], r["dimensi"]) for r in differences) == sorted(zip(expected["nip"], expected["dimensi"]))
    by_nip = {(r["nip"], r["dimensi"]): r for r in differences}
    for item in expected.itertuples(index=False):
        found = by_nip[(item.nip, item.dimensi)]
        assert CAUSE_WORDS[item.jenis] in found["kemungkinan_penyebab"], (item.jenis, found)
        assert (found["nilai_hitung"], found["nilai_bkn"]) == (item.nilai_hitung, item.nilai_bkn)
        if item.jenis in ("teknis", "seminar"):
            assert found["sertifikat_diunggah"] >= 1 and found["bukti_di_ekspor"]
    assert sorted(r["nip"] for r in sheet(out, "hanya_bkn")) == sorted(planted.loc[planted["jenis"] == "hanya_bkn", "nip"])
    assert sorted(r["nip"] for r in sheet(out, "hanya_data")) == sorted(planted.loc[planted["jenis"] == "hanya_data", "nip"])
    assert "0 temuan di hasil resmi" in proc.stdout


def test_demo_summary_adds_up(demo_run):
    _, out, _ = demo_run
    summary = sheet(out, "ringkasan")
    whole = {r["dimensi"]: r for r in summary if r["unit_kerja"] == "Seluruh instansi"}
    units = [r for r in summary if r["unit_kerja"] != "Seluruh instansi" and r["dimensi"] == "ip_asn"]
    assert sum(r["pns_resmi"] for r in units) == whole["ip_asn"]["pns_resmi"]
    assert whole["ip_asn"]["pns_berbeda"] == len({r["nip"] for r in sheet(out, "selisih")})
    change = sum(whole[d]["perubahan"] for d in DIMS)
    assert abs(change - whole["ip_asn"]["perubahan"]) < 1e-9
    assert whole["ip_asn"]["nilai_dengan_data_ekspor"] > whole["ip_asn"]["nilai_resmi"]


def test_reconcile_workbook_is_byte_identical_on_rerun(demo_run, tmp_path):
    folder, out, _ = demo_run
    again = tmp_path / "lagi.xlsx"
    proc = reconcile(folder / "resmi.xlsx", folder / "demo.xlsx", again)
    assert proc.returncode == 0
    assert again.read_bytes() == out.read_bytes()


def test_score_given_an_official_results_file_says_which_command_reads_it(tmp_path):
    resmi = write_siasn(tmp_path / "hasil-bkn.xlsx", official_rows())
    proc = subprocess.run([str(IPASN), "score", str(resmi), "--year", str(N), "--output", str(tmp_path / "s.xlsx")],
                          capture_output=True, text=True)
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "data pegawai tidak ditemukan" in proc.stderr and "ipasn reconcile" in proc.stderr


def test_a_different_position_type_is_named_as_the_cause(tmp_path):
    # the export's Pelaksana earns 22,5 for technical training; BKN counts a Fungsional with one training
    rows = official_rows({NIP1: {"jenis_jabatan": "Fungsional", "kompetensi": 15}})
    _, out = ran(write_siasn(tmp_path / "resmi.xlsx", rows), tmp_path)
    (diff,) = sheet(out, "selisih")
    assert diff["kemungkinan_penyebab"].startswith("jenis jabatan berbeda (ekspor: Pelaksana; BKN: Fungsional)")
