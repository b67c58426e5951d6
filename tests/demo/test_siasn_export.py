"""SIASN-shaped exports (`ipasn.demo.siasn`): byte-identical for the same seed, shaped like real downloads
(title rows, uppercase headers, the employee's NAMA in every riwayat, real #N/A cells), and scored through
the real CLI the same from a folder of downloads and from one workbook, in agreement with the plain
reference and with the truth the generator keeps.

Everything is written to real files and read back through `ipasn score` / `ipasn.load`; no mocks.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from pathlib import Path

import numpy as np
import openpyxl
import pandas as pd
import pytest
from tests.builders import NUMERIC_COLUMNS, assert_agrees_with_reference
from click.testing import CliRunner

import ipasn
from ipasn.cli import main
from ipasn.demo.contract import write_demo
from ipasn.demo.siasn import FILE_NAMES, FOLDER_SHEET, HEADER_ROW, TITLES, make_siasn, write_siasn
from ipasn.demo.siasn_tables import COLUMNS, DATE_COLUMNS, TEXT_DATE_SHARE

N = 2022
RULES = ipasn.load_ruleset()
LAYOUTS = ("folder", "workbook")


@pytest.fixture(scope="module")
def demo():
    return make_siasn()


@pytest.fixture(scope="module")
def written(demo, tmp_path_factory) -> dict[str, Path]:
    base = tmp_path_factory.mktemp("siasn")
    return {"folder": demo.write(base / "unduhan-siasn", "folder"),
            "workbook": demo.write(base / "siasn.xlsx", "workbook")}


def _sheets(path: Path, layout: str) -> dict[str, openpyxl.worksheet.worksheet.Worksheet]:
    """Table key -> its worksheet, opened by openpyxl."""
    if layout == "workbook":
        book = openpyxl.load_workbook(path)
        assert book.sheetnames == list(FILE_NAMES.values())
        return {key: book[name] for key, name in FILE_NAMES.items()}
    assert sorted(p.name for p in path.iterdir()) == sorted(f"{n}.xlsx" for n in FILE_NAMES.values())
    out = {}
    for key, name in FILE_NAMES.items():
        book = openpyxl.load_workbook(path / f"{name}.xlsx")
        assert book.sheetnames == [FOLDER_SHEET]
        out[key] = book[FOLDER_SHEET]
    return out


@pytest.fixture(scope="module", params=LAYOUTS)
def opened(request, written):
    return request.param, _sheets(written[request.param], request.param)


# --- 1. determinism -------------------------------------------------------------------------------


def _bytes(path: Path) -> dict[str, bytes]:
    if path.is_dir():
        return {p.name: p.read_bytes() for p in sorted(path.iterdir())}
    return {path.name: path.read_bytes()}


@pytest.mark.parametrize("layout", LAYOUTS)
def test_same_arguments_give_the_same_bytes(tmp_path, layout):
    name = "siasn.xlsx" if layout == "workbook" else "siasn"
    first = write_siasn(tmp_path / "a" / name, layout)
    second = write_siasn(tmp_path / "b" / name, layout)
    assert _bytes(first) == _bytes(second)
    assert len(_bytes(first)) == (1 if layout == "workbook" else len(FILE_NAMES))


def test_another_seed_gives_another_instansi(demo):
    other = make_siasn(seed=7)
    assert other.files() != demo.files()
    assert not set(other.pegawai["nip"]) & set(demo.pegawai["nip"])


def test_the_cli_writes_the_generator_bytes(tmp_path, demo):
    runner = CliRunner()
    folder = runner.invoke(main, ["demo-data", str(tmp_path / "unduhan"), "--siasn"])
    assert folder.exit_code == 0, folder.output
    assert _bytes(tmp_path / "unduhan") == dict(sorted(demo.files().items()))
    book = runner.invoke(main, ["demo-data", str(tmp_path / "satu"), "--siasn", "--layout", "workbook"])
    assert book.exit_code == 0, book.output
    assert (tmp_path / "satu").read_bytes() == demo.workbook()
    refused = runner.invoke(main, ["demo-data", str(tmp_path / "x.xlsx"), "--layout", "folder"])
    assert refused.exit_code == 2


def test_the_existing_demo_data_command_is_unchanged(tmp_path):
    run = CliRunner().invoke(main, ["demo-data", str(tmp_path / "demo.xlsx"), "--units", "3",
                                    "--employees", "40"])
    assert run.exit_code == 0, run.output
    expected = write_demo(tmp_path / "langsung.xlsx", units=3, employees=40)
    assert (tmp_path / "demo.xlsx").read_bytes() == expected.read_bytes()


# --- 2. the shape of the files ----------------------------------------------------------------------


def test_title_rows_above_an_uppercase_header(opened, demo):
    _, sheets = opened
    for key, sheet in sheets.items():
        assert sheet.cell(1, 1).value == TITLES[key]
        assert sheet.cell(2, 1).value == "PEMERINTAH PROVINSI DEMO"
        assert sheet.cell(3, 1).value == "Diunduh dari SIASN 05-01-2023"
        assert all(c.value is None for c in sheet[4])
        header = [c.value for c in sheet[HEADER_ROW]]
        assert tuple(header) == COLUMNS[key]
        assert all(h == h.upper() for h in header)
        assert sheet.max_row == HEADER_ROW + len(demo.tables[key])


def test_every_riwayat_names_the_employee(opened, demo):
    _, sheets = opened
    name_of = dict(zip(demo.pegawai["nip"], demo.pegawai["nama"]))
    for key, sheet in sheets.items():
        header = [c.value for c in sheet[HEADER_ROW]]
        assert header[:2] == ["NIP BARU", "NAMA"] or key == "utama"
        if key == "utama":
            continue
        rows = list(sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=2, values_only=True))
        assert rows and all(name_of[nip] == nama for nip, nama in rows), key


def test_error_cells_are_real_error_cells(opened, demo):
    _, sheets = opened
    planted = demo.mess[demo.mess["jenis"] == "#N/A"]
    assert set(planted["tabel"]) == set(FILE_NAMES)
    assert "TINGKAT PENDIDIKAN NAMA" in set(planted["kolom"])
    found = {(key, c.row, sheet.cell(HEADER_ROW, c.column).value)
             for key, sheet in sheets.items() for row in sheet.iter_rows() for c in row if c.data_type == "e"}
    assert found == set(zip(planted["tabel"], planted["baris"], planted["kolom"]))
    for key, row, column in found:
        cell = sheets[key].cell(row, COLUMNS[key].index(column) + 1)
        assert cell.value == "#N/A"


def test_error_cells_are_stored_with_t_e(demo, written):
    with zipfile.ZipFile(written["workbook"]) as archive:
        xml = b"".join(archive.read(n) for n in archive.namelist() if n.startswith("xl/worksheets/"))
    assert xml.count(b't="e"') == int((demo.mess["jenis"] == "#N/A").sum())
    assert b"<v>#N/A</v>" in xml


def test_nips_are_text_in_the_main_file(opened, demo):
    _, sheets = opened
    for key, sheet in sheets.items():
        column = COLUMNS[key].index("NIP BARU")
        cells = [row[column] for row in sheet.iter_rows(min_row=HEADER_ROW + 1, max_col=column + 1)]
        assert all(c.data_type == "s" and re.fullmatch(r"\d{18}", c.value) for c in cells), key
    nips = [sheets["utama"].cell(r, 2).value for r in demo.pegawai["baris"]]
    assert nips == demo.pegawai["nip"].tolist()


def test_dates_mix_date_cells_and_text(opened):
    _, sheets = opened
    cells, text = 0, 0
    for key, sheet in sheets.items():
        for column, name in enumerate(COLUMNS[key], start=1):
            if name not in DATE_COLUMNS:
                continue
            for (cell,) in sheet.iter_rows(min_row=HEADER_ROW + 1, min_col=column, max_col=column):
                if cell.is_date:
                    cells += 1
                elif isinstance(cell.value, str) and cell.data_type == "s":
                    assert re.fullmatch(r"\d\d-\d\d-\d{4}", cell.value), (key, cell.coordinate, cell.value)
                    text += 1
    assert cells and text
    assert abs(text / (cells + text) - TEXT_DATE_SHARE) < 0.05


def test_bare_years_are_numbers_with_no_other_date(opened, demo):
    _, sheets = opened
    bare = demo.mess[demo.mess["jenis"] == "tahun_saja"]
    assert set(bare["tabel"]) == {"diklat", "hukdis"}
    for key, row, column in zip(bare["tabel"], bare["baris"], bare["kolom"]):
        values = dict(zip(COLUMNS[key], (c.value for c in sheets[key][row])))
        assert isinstance(values[column], int) and 2000 <= values[column] <= N
        others = [values[c] for c in COLUMNS[key] if c in DATE_COLUMNS and c != column]
        assert all(v is None for v in others), (key, row, values)
    planted = demo.planted("hukdis_berat_tahun_saja")
    row = demo.hukdis[demo.hukdis["nip"] == planted["nip"]].iloc[0]
    assert sheets["hukdis"].cell(row["baris"], COLUMNS["hukdis"].index("HUKUMAN TANGGAL") + 1).value == N - 2


def test_siasn_codes_are_consistent(demo):
    utama = demo.tables["utama"]
    names = {"1": {"Struktural", "JA"}, "2": {"Fungsional Tertentu"},
             "4": {"Fungsional Umum", "Jabatan Pelaksana", "JA"}}
    for type_id, name in zip(utama["JENIS JABATAN ID"], utama["JENIS JABATAN NAMA"]):
        assert name in names[type_id]
    assert {"JA", "Jabatan Pelaksana"} <= set(utama["JENIS JABATAN NAMA"])
    assert set(utama["STATUS CPNS PNS"].dropna()) == {"P", "C", "PNS", "CPNS", "PPPK"}
    assert utama["STATUS CPNS PNS"].isna().any()  # PPPK with an empty status
    assert {"Aktif", "CLTN", "Tugas Belajar", "PNS DPK", "PPPK Aktif", "Pemberhentian Sementara"} == set(
        utama["KEDUDUKAN HUKUM NAMA"])
    diklat = demo.tables["diklat"]
    leadership = diklat[diklat["LATIHAN STRUKTURAL ID"].notna()]
    assert set(leadership["LATIHAN STRUKTURAL ID"]) <= {"1", "2", "3", "4", "5"}
    assert diklat["NAMA DIKLAT"].str.contains("Pelatihan Kepemimpinan Administrator Angkatan XII").any()
    assert diklat["NAMA DIKLAT"].str.contains("Latsar CPNS|Prajabatan").any()
    hukdis = demo.tables["hukdis"]
    levels = {"R", "S", "B", None}
    assert set(hukdis["JENIS TINGKAT HUKUMAN ID"]) <= levels
    assert (hukdis["JENIS HUKUMAN NAMA"] == "Tidak Ada").sum() == 2
    skp = demo.tables["skp"]
    recent = skp[skp["TAHUN"] >= 2022]
    assert recent["NILAI PRESTASI KERJA"].isna().all() and recent["PREDIKAT KINERJA"].notna().all()


# --- 3. scoring through the real CLI ----------------------------------------------------------------


def _score(path: Path, out: Path, tahun: int = N):
    run = CliRunner().invoke(main, ["score", str(path), "--year", str(tahun), "--output", str(out)])
    return run, out


@pytest.fixture(scope="module")
def scored(written, tmp_path_factory):
    base = tmp_path_factory.mktemp("skor")
    return {layout: _score(path, base / f"skor-{layout}.xlsx") for layout, path in written.items()}


def _skor(scored, layout: str = "folder") -> pd.DataFrame:
    run, out = scored[layout]
    assert run.exit_code == 0, f"ipasn score ({layout}) exit {run.exit_code}:\n{run.output}"
    return pd.read_excel(out, sheet_name="skor", dtype={"nip": str}, engine="openpyxl")


@pytest.mark.parametrize("layout", LAYOUTS)
def test_the_cli_scores_the_export(scored, layout):
    _skor(scored, layout)


def test_folder_and_workbook_give_the_same_scores(scored):
    folder, workbook = _skor(scored, "folder"), _skor(scored, "workbook")
    pd.testing.assert_frame_equal(folder, workbook)


@pytest.mark.parametrize("layout", LAYOUTS)
def test_every_pns_scores_as_the_reference(written, scored, layout):
    result = ipasn.score(ipasn.load(written[layout]), N)
    assert_agrees_with_reference(result, N, None, None)
    cli = _skor(scored, layout).set_index("nip")
    api = result.scores.set_index("nip")
    assert cli.index.tolist() == api.index.tolist()
    for column in NUMERIC_COLUMNS:
        assert cli[column].astype(float).tolist() == api[column].astype(float).tolist(), column


@pytest.fixture(scope="module")
def loaded(written):
    return ipasn.load(written["folder"])


def test_measured_and_counted_as_the_truth_says(demo, scored, loaded):
    truth = demo.pegawai
    measured = truth[truth["diukur"]]
    skor = set(_skor(scored)["nip"])
    columns = ["status", "kedudukan", "jenis_jabatan", "skenario"]
    extra = truth[truth["nip"].isin(skor - set(measured["nip"]))][["nip", *columns]]
    missing = measured[measured["nip"].isin(set(measured["nip"]) - skor)][["nip", *columns]]
    assert extra.empty and missing.empty, (f"measured but should not be:\n{extra.to_string()}\n"
                                           f"not measured but should be:\n{missing.to_string()}")
    assert f"Diukur {len(measured)} PNS; tidak diukur {len(truth) - len(measured)}" in scored["folder"][0].output
    # Counted: every employee is in the loaded pegawai table, the not-measured ones marked so.
    assert sorted(loaded.pegawai["nip"]) == sorted(truth["nip"])


@pytest.mark.parametrize("skenario", ["cltn", "pppk_status_kosong", "cpns"])
def test_not_measured_but_counted(demo, scored, loaded, skenario):
    person = demo.planted(skenario)
    assert person["nip"] not in set(_skor(scored)["nip"]), person[["status", "kedudukan"]].to_dict()
    assert person["nip"] in set(loaded.pegawai["nip"])


def test_tugas_belajar_is_measured(demo, scored):
    assert demo.planted("tugas_belajar")["nip"] in set(_skor(scored)["nip"])


def _by_nip(scored) -> pd.DataFrame:
    return _skor(scored).set_index("nip")


def test_units_are_the_skpd(demo, scored):
    skor = _by_nip(scored)
    truth = demo.pegawai.set_index("nip").loc[skor.index]
    assert skor["unit_kerja"].tolist() == truth["unit_kerja"].tolist()
    assert set(skor["unit_kerja"]) == set(demo.tables["utama"]["UNOR INDUK NAMA"])


@pytest.mark.parametrize("column", ["jenis_jabatan", "kualifikasi"])
def test_position_and_education_as_the_truth_says(demo, scored, column):
    skor = _by_nip(scored)
    truth = demo.pegawai.set_index("nip").loc[skor.index]
    expected = (truth["jenis_jabatan"] if column == "jenis_jabatan"
                else truth["pendidikan"].map(lambda code: float(RULES.kualifikasi[code].poin)))
    _assert_same(skor[column], expected, column)


@pytest.mark.parametrize(("skenario", "column", "points"), [
    ("administrator_pka", "kompetensi_kepemimpinan", 15),  # "Pelatihan Kepemimpinan Administrator Angkatan XII"
    ("pengawas_pkp", "kompetensi_kepemimpinan", 15),  # LATIHAN STRUKTURAL ID 2 is level IV
    ("jpt_pkn_ii", "kompetensi_kepemimpinan", 15),  # "PKN Tingkat II", id 4
    ("pengawas_pkp_setelah_acuan", "kompetensi_kepemimpinan", 0),  # ends 3 January of N+1
    ("administrator_pkp_saja", "kompetensi_kepemimpinan", 0),  # a level below the post
    ("hukdis_berat_tahun_saja", "disiplin", 1),  # HUKUMAN TANGGAL 2020 as a number, level B
    ("hukdis_nama_saja", "disiplin", 2),  # no level; "Pemotongan Tunjangan Kinerja ..." is sedang
    ("hukdis_tidak_ada", "disiplin", 5),  # a "Tidak Ada" row is no punishment
    ("skp_beda_pita", "kinerja", 25),  # NILAI SKP 93 (30 points), NILAI PRESTASI KERJA 88.5 (25)
])
def test_planted_employee(demo, scored, skenario, column, points):
    person = demo.planted(skenario)
    skor = _by_nip(scored)
    assert person["nip"] in skor.index, f"{skenario}: {person['nip']} not scored"
    assert skor.at[person["nip"], column] == points, skor.loc[person["nip"]].to_dict()


# --- the whole truth, dimension by dimension --------------------------------------------------------


def _in_window(day: dt.date, years: int, reference: dt.date) -> bool:
    return reference.replace(year=reference.year - years) < day <= reference


def _within(dates: pd.Series, reference: dt.date, years: int | None = None) -> np.ndarray:
    """Which dates are on or before the reference date (and inside a window of `years`)."""
    return np.array([d <= reference if years is None else _in_window(d, years, reference) for d in dates],
                    dtype=bool)


def _expected(demo, dimension: str, tahun: int = N) -> pd.Series:
    """What a correct reader gives every measured PNS for one dimension, from the truth alone."""
    reference = dt.date(tahun, 12, 31)
    people = demo.pegawai[demo.pegawai["diukur"]].set_index("nip")
    trainings = dict(tuple(demo.pelatihan.groupby("nip")))
    assessments = dict(tuple(demo.kinerja.groupby("nip")))
    punishments = dict(tuple(demo.hukdis.groupby("nip")))
    out = {}
    for nip, person in people.iterrows():
        t = trainings.get(nip, demo.pelatihan.iloc[:0])
        kind = t["kategori"].to_numpy()
        points = RULES.kompetensi[person["jenis_jabatan"]]
        done = _within(t["tanggal_selesai"], reference)
        if dimension == "kepemimpinan":
            level = person["eselon"]
            hit = not pd.isna(level) and (done & (kind == "kepemimpinan") & (t["tingkat"] == level).fillna(False)
                                          .to_numpy(bool)).any()
            out[nip] = points.kepemimpinan if hit else 0.0
        elif dimension == "fungsional":
            out[nip] = points.fungsional if (done & (kind == "fungsional")).any() else 0.0
        elif dimension == "teknis":
            jp = t["jp"].to_numpy(float)[(kind == "teknis") & _within(t["tanggal_selesai"], reference, 1)]
            out[nip] = points.teknis if jp.sum() >= RULES.teknis_min_jp else 0.0
        elif dimension == "seminar":
            hit = ((kind == "seminar") & _within(t["tanggal_selesai"], reference, RULES.seminar_jendela_tahun)).any()
            out[nip] = points.seminar if hit else 0.0
        elif dimension == "kinerja":
            a = assessments.get(nip, demo.kinerja.iloc[:0])
            a = a[a["tahun"] == tahun - 1]
            if not len(a):
                out[nip] = 0.0
            elif not pd.isna(a["nilai"].iloc[0]):
                value = a["nilai"].iloc[0]
                out[nip] = next(float(band.poin) for band in RULES.kinerja.pita
                                if band.lebih_dari is None or value > band.lebih_dari)
            else:
                out[nip] = float(RULES.performance_predicates[a["predikat"].iloc[0].upper()])
        elif dimension == "disiplin":
            h = punishments.get(nip, demo.hukdis.iloc[:0])
            h = h[h["tingkat"].notna()]
            levels = h["tingkat"][_within(h["tanggal"], reference, RULES.disiplin.jendela_tahun)].tolist()
            order = ["ringan", "sedang", "berat"]
            out[nip] = float(RULES.disiplin.poin[max(levels, key=order.index) if levels else "tidak_ada"])
    return pd.Series(out, dtype=float)


def _assert_same(got: pd.Series, expected: pd.Series, what: str) -> None:
    got = got.reindex(expected.index)
    differ = [(nip, e, g) for nip, e, g in zip(expected.index, expected, got) if not (e == g)]
    assert not differ, (f"{what}: {len(differ)} of {len(expected)} differ from the truth, e.g. (nip, expected, got) "
                        f"{differ[:8]}")


@pytest.mark.parametrize("dimension", ["kepemimpinan", "fungsional", "teknis", "seminar", "kinerja", "disiplin"])
def test_dimension_as_the_truth_says(demo, scored, dimension):
    expected = _expected(demo, dimension)
    assert expected.nunique() > 1, f"the truth gives everyone the same {dimension}: the test would prove nothing"
    column = dimension if dimension in ("kinerja", "disiplin") else f"kompetensi_{dimension}"
    _assert_same(_by_nip(scored)[column].astype(float), expected, column)


def test_predicate_only_skp_scores_by_its_predicate(demo, loaded):
    """Measured in N+1, performance is the SKP of N, which since 2022 is a predicate only."""
    result = ipasn.score(loaded, N + 1)
    expected = _expected(demo, "kinerja", N + 1)
    assert set(demo.kinerja.loc[demo.kinerja["tahun"] == N, "predikat"]) >= {"Sangat Baik", "Baik"}
    _assert_same(result.scores.set_index("nip")["kinerja"].astype(float), expected, "kinerja N+1")


# --- the opt-in dirty file -----------------------------------------------------------------------


def test_a_nip_stored_as_a_number_is_reported_and_only_that_employee_drops(tmp_path, scored):
    dirty = make_siasn(dirty=True)
    person = dirty.pegawai[dirty.pegawai["nip_angka"]]
    assert len(person) == 1
    person = person.iloc[0]
    cell = openpyxl.load_workbook(dirty.write(tmp_path / "kotor.xlsx"))["Data Utama PNS"].cell(person["baris"], 2)
    assert cell.data_type == "n" and str(int(cell.value)) != person["nip"]
    run, out = _score(dirty.write(tmp_path / "kotor"), tmp_path / "skor-kotor.xlsx")
    assert run.exit_code == 0, run.output
    temuan = pd.read_excel(out, sheet_name="temuan", engine="openpyxl")
    here = temuan[(temuan["baris"] == person["baris"]) & temuan["berkas"].astype(str).str.contains("Data Utama")]
    assert len(here), temuan.head(20).to_string()
    skor = pd.read_excel(out, sheet_name="skor", dtype={"nip": str}, engine="openpyxl").set_index("nip")
    clean = _by_nip(scored).drop(index=person["nip"])
    assert person["nip"] not in skor.index
    pd.testing.assert_frame_equal(skor[NUMERIC_COLUMNS], clean[NUMERIC_COLUMNS])
