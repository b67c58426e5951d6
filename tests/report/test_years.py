"""Several years in one run: each year from its own data, trends per unit and per employee, one
index across years, and reuse when a year is added. Real workbooks, real `ipasn run` (papermill)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest
from tests.builders import assessment, employee, make_nip, training, write_workbook

from ipasn.errors import ParamsError
from ipasn.report.batch.params import parse_params
from ipasn.report.batch.plan import prepare
from ipasn.report.content import trends as tr
from ipasn.report.content.data import ReportData
from ipasn.report.content.trend_report import movements, trends, unit_changes
from ipasn.report.content.targets import Targets
from ipasn.report.document import chromium
from tests.report.browser import Page

IPASN = [sys.executable, "-m", "ipasn.cli"]
STAYS, MOVER, RENAMED, ONE_YEAR, RETIREE = (make_nip(i) for i in (1, 2, 3, 4, 5))
OLD, NEW = "Dinas B", "Dinas B Baru"
ALIAS = f"unit_alias: {{{OLD}: {NEW}}}\n"


def _year(tahun: int) -> dict:
    """The export of 31 December `tahun`: Dinas A throughout; the mover leaves it for Dinas B in 2022;
    Dinas B is renamed in 2023; Dinas C exists in 2022 only; the retiree leaves after 2021."""
    b = NEW if tahun >= 2023 else OLD
    people = [employee(STAYS, nama="Ani Stabil"), employee(RENAMED, nama="Budi Tetap", unit_kerja=b),
              employee(MOVER, nama="Citra Pindah", unit_kerja="Dinas A" if tahun == 2021 else b)]
    if tahun == 2021:
        people.append(employee(RETIREE, nama="Dodi Pensiun"))
    if tahun == 2022:
        people.append(employee(ONE_YEAR, nama="Eka Sekali", unit_kerja="Dinas C"))
    skp = [assessment(p["nip"], t, 88) for p in people for t in range(2020, tahun)]
    # Ani's technical training of 2022 earns kompetensi in 2022 only (one-year window).
    diklat = [training(STAYS, "teknis", "01-06-2022", 24)] if tahun >= 2022 else []
    return {"pegawai": people, "kinerja": skp, "diklat": diklat, "hukdis": []}


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    base = tmp_path_factory.mktemp("years")
    for tahun in (2021, 2022, 2023):
        write_workbook(base / f"data-{tahun}.xlsx", _year(tahun))
    return base


def _write_run(folder: Path, name: str, years: list[int], output: str = "out", extra: str = ALIAS) -> Path:
    data = ", ".join(f"{t}: data-{t}.xlsx" for t in years)
    path = folder / name
    path.write_text(f"instansi: Instansi Tahunan\ntahun: {years}\ndata: {{{data}}}\ntargets: {{ip_asn: 60}}\n"
                    f"formats: [html]\noutput: {output}\n{extra}", encoding="utf-8")
    return path


def _run(path: Path, *flags: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IPASN, "run", str(path), "--no-progress", *flags],
                          capture_output=True, text=True, timeout=900)


# --- the run definition ------------------------------------------------------------------------------


@pytest.mark.parametrize("data, message", [
    ("{2021: a.xlsx}", "tidak ada data untuk tahun 2022"),
    ("{2021: a.xlsx, 2022: b.xlsx, 2020: c.xlsx}", "ada data untuk tahun 2020 yang tidak ada di 'tahun'"),
])
def test_per_year_data_must_match_the_years(tmp_path, data, message):
    with pytest.raises(ParamsError) as err:
        parse_params(f"instansi: X\ntahun: [2021, 2022]\ndata: {data}\n", "run.yaml", tmp_path)
    assert message in str(err.value)
    assert "tahun run: 2021, 2022" in str(err.value)


@pytest.mark.parametrize("data, message", [
    ("{dua: a.xlsx}", "data: 'dua' bukan tahun"),
    ("{2021: {x: 1}}", "data: tahun 2021: beri satu path atau daftar path"),
    ("5", "data: beri satu path, daftar path, atau per tahun"),
])
def test_data_of_the_wrong_shape_is_refused_in_plain_words(tmp_path, data, message):
    with pytest.raises(ParamsError, match=message):
        parse_params(f"instansi: X\ntahun: [2021]\ndata: {data}\n", "run.yaml", tmp_path)


def test_per_year_paths_resolve_and_one_file_still_serves_every_year(tmp_path):
    params = parse_params("instansi: X\ntahun: [2021, 2022]\ndata: {2021: a.xlsx, 2022: [b.xlsx, c]}\n"
                          "resmi: {2022: bkn.xlsx}\n", "run.yaml", tmp_path)
    assert params.data_paths(2021) == [tmp_path / "a.xlsx"]
    assert params.data_paths(2022) == [tmp_path / "b.xlsx", tmp_path / "c"]
    assert params.per_year and not params.shared_snapshot
    assert params.resmi_paths(2022) == [tmp_path / "bkn.xlsx"] and params.resmi_paths(2021) == []
    shared = parse_params("instansi: X\ntahun: [2021, 2022]\ndata: a.xlsx\n", "run.yaml", tmp_path)
    assert shared.shared_snapshot and shared.data_paths(2021) == shared.data_paths(2022)


def test_the_demo_has_a_snapshot_per_year():
    params = parse_params("instansi: X\ntahun: [2021, 2022, 2023]\n", "run.yaml", Path("."))
    names = [p.name for t in params.tahun for p in params.data_paths(t)]
    assert names == ["demo-2021.xlsx", "demo.xlsx", "demo-2023.xlsx"]
    assert all(p.is_file() for p in params.data_paths())


def test_a_year_without_its_kinerja_is_refused_naming_the_years_present(folder):
    # The 2022 export holds SKP 2020 and 2021; measuring 2024 from it needs SKP 2023.
    run = folder / "refused.yaml"
    run.write_text("instansi: X\ntahun: [2022, 2024]\ndata: {2022: data-2022.xlsx, 2024: data-2022.xlsx}\n"
                   "output: refused\n", encoding="utf-8")
    done = _run(run)
    assert done.returncode == 2, done.stderr
    assert "penilaian kinerja tahun 2023" in done.stderr
    assert "data memuat penilaian kinerja tahun 2020, 2021" in done.stderr
    assert "data-2022.xlsx" in done.stderr and "Traceback" not in done.stderr


# --- trends from the scored years (no kernel) ------------------------------------------------------------


@pytest.fixture(scope="module")
def prepared(folder):
    params = parse_params(_write_run(folder, "plan.yaml", [2021, 2022, 2023], output="plan").read_text(),
                          "plan.yaml", folder)
    return prepare(params)


def _bundle(prepared, tahun: int, unit: str | None) -> ReportData:
    job = next(j for j in prepared.jobs if j.tahun == tahun and j.unit == unit)
    return ReportData.read(job.work_dir / "bundle")


def test_each_year_is_scored_from_its_own_data(prepared):
    listed = {t: set(r.pegawai["nip"]) for t, r in prepared.results.items()}
    assert RETIREE in listed[2021] and RETIREE not in listed[2022]
    assert ONE_YEAR in listed[2022] and ONE_YEAR not in listed[2023]
    kompetensi = {t: r.scores.set_index("nip").at[STAYS, "kompetensi"] for t, r in prepared.results.items()}
    assert kompetensi[2021] < kompetensi[2022] and kompetensi[2023] == kompetensi[2021]


def test_renamed_unit_and_unit_of_one_year_are_shown_not_dropped(prepared):
    history = _bundle(prepared, 2023, None).history
    changes = tr.unit_changes(history).set_index("unit_kerja")
    assert "bernama Dinas B pada tahun 2021, 2022" in changes.at[NEW, "keterangan"]
    assert OLD not in changes.index  # the alias joined the two names
    assert "hanya ada pada tahun 2022" in changes.at["Dinas C", "keterangan"]
    html = unit_changes(_bundle(prepared, 2023, None)).data
    assert "Dinas C" in html and "bernama Dinas B" in html


def test_renamed_unit_report_shows_its_years_under_both_names(prepared):
    report = _bundle(prepared, 2023, NEW)
    assert sorted(report.history[report.history["unit_kerja"] == NEW]["tahun"]) == [2021, 2022, 2023]
    html = trends(report, Targets(ip_asn=60)).data
    assert "Unit ini bernama Dinas B pada tahun 2021, 2022" in html and "<svg" in html


def test_employee_who_moved_unit_is_in_both_units_movements(prepared):
    moved_into = movements(_bundle(prepared, 2022, OLD)).data
    moved_out = movements(_bundle(prepared, 2022, "Dinas A")).data
    assert "Citra Pindah" in moved_into and "Citra Pindah" in moved_out
    assert "Masuk ke unit ini (2021→2022): 1 pegawai" in moved_into
    assert "Keluar dari unit ini (2021→2022): 2 pegawai" in moved_out  # the mover and the retiree
    assert "tidak terdaftar lagi pada 2022" in moved_out
    masked = movements(_bundle(prepared, 2022, "Dinas A"), mask=True).data
    assert "Citra Pindah" not in masked and MOVER not in masked and "C. P." in masked


def test_points_gained_and_category_shift(prepared):
    report = _bundle(prepared, 2022, "Dinas A")
    row = report.movement.set_index("nip").loc[STAYS]
    assert row["kompetensi_sesudah"] - row["kompetensi_sebelum"] == 22.5  # pelaksana: diklat teknis
    order = [band.nama for band in report.rules.kategori]
    shifts = tr.category_shifts(_bundle(prepared, 2022, None).movement, order)
    assert shifts["naik"] >= 1 and shifts["naik"] + shifts["tetap"] + shifts["turun"] == 3


def test_one_snapshot_for_several_years_is_said(folder):
    params = parse_params("instansi: X\ntahun: [2022, 2023]\ndata: data-2023.xlsx\noutput: snap\n",
                          "snap.yaml", folder)
    report = _bundle(prepare(params), 2023, None)
    assert "Semua tahun dihitung dari satu data yang sama (data-2023.xlsx)" in trends(report, Targets()).data


# --- through `ipasn run`: reuse when a year is added, byte-identical, one index across years ----------------


@pytest.fixture(scope="module")
def two_then_three(folder):
    first = _run(_write_run(folder, "two.yaml", [2021, 2022]))
    second = _run(_write_run(folder, "three.yaml", [2021, 2022, 2023]))
    out = folder / "out" / "instansi-tahunan"
    statuses = {t: {e["status"] for e in _documents(out / str(t)).values()} for t in (2021, 2022, 2023)}
    (out / "index.html").unlink()
    again = _run(folder / "three.yaml")  # nothing changed: nothing loaded, every index rewritten
    return first, second, again, statuses


def _documents(year_dir: Path) -> dict[str, dict]:
    return json.loads((year_dir / "manifest.json").read_text(encoding="utf-8"))["documents"]


def test_adding_a_year_makes_that_year_only(folder, two_then_three):
    first, second, again, statuses = two_then_three
    for done in (first, second, again):
        assert done.returncode == 0, done.stderr
    assert statuses == {2021: {"reused"}, 2022: {"reused"}, 2023: {"ok"}}
    assert "0 dipakai ulang" in first.stdout and "3 dokumen dibuat, 7 dipakai ulang" in second.stdout
    assert "0 dokumen dibuat, 10 dipakai ulang" in again.stdout


def test_one_index_across_years(folder, two_then_three):
    out = folder / "out" / "instansi-tahunan"
    top = (out / "index.html").read_text(encoding="utf-8")
    for tahun in (2021, 2022, 2023):
        assert f'<a href="{tahun}/index.html">{tahun}</a>' in top
        assert f'href="{tahun}/instansi.html"' in top
    middle = (out / "2022" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../2021/index.html">« 2021</a>' in middle and '<a href="../2023/index.html">2023 »</a>' in middle
    assert '<a href="../index.html">Semua tahun</a>' in middle
    manifest = json.loads((out / "2023" / "manifest.json").read_text(encoding="utf-8"))
    made = {t: [Path(f["path_absolute"]).name for f in entry["files"]]
            for t, entry in manifest["inputs"]["years"].items()}
    assert made == {"2021": ["data-2021.xlsx"], "2022": ["data-2022.xlsx"], "2023": ["data-2023.xlsx"]}
    assert not manifest["inputs"]["one_snapshot_for_all_years"]
    html = (out / "2023" / "instansi.html").read_text(encoding="utf-8")
    assert "Perkembangan antartahun" in html and "Dinas B Baru" in html and "<svg" in html


def test_verify_reruns_a_year_with_its_trends_byte_identical(folder, two_then_three):
    """`ipasn verify` executes the year's documents again, with the earlier years its trends need,
    and compares bytes with those on disk and in the manifest."""
    done = subprocess.run([*IPASN, "verify", str(folder / "out" / "instansi-tahunan" / "2023")],
                          capture_output=True, text=True, timeout=900)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "0 berbeda" in done.stdout


@pytest.mark.skipif(chromium.executable() is None, reason="chromium is not installed")
def test_index_search_finds_an_employee_by_nip_or_name_across_units_and_years(folder, two_then_three):
    """In a real browser: type a NIP, then a name, into the search box of the index across years and
    read the results; the names themselves live in each year's `-data-pribadi` file, which the
    manifest records, not in the index page."""
    out = folder / "out" / "instansi-tahunan"
    top = (out / "index.html").read_text(encoding="utf-8")
    assert "Citra Pindah" not in top and 'src="./2022/cari-pegawai-2022-data-pribadi.js"' in top
    year_page = (out / "2022" / "index.html").read_text(encoding="utf-8")  # that year only
    assert 'src="../2022/cari-pegawai-2022-data-pribadi.js"' in year_page and "2021/cari-pegawai" not in year_page
    manifest = json.loads((out / "2022" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["search_data"]["path"] == "cari-pegawai-2022-data-pribadi.js"
    browser = chromium.Chromium(chromium.executable())
    try:
        page = Page(browser, (out / "index.html").as_uri())
        page.type("#cari-pegawai .cari", STAYS)
        assert [row[:3] for row in page.rows("table.hasil-cari")] == [
            ["2023", STAYS, "Ani Stabil"], ["2022", STAYS, "Ani Stabil"], ["2021", STAYS, "Ani Stabil"]]
        page.type("#cari-pegawai .cari", "citra")
        assert [(row[0], row[3]) for row in page.rows("table.hasil-cari")] == [
            ("2023", NEW), ("2022", OLD), ("2021", "Dinas A")]
        link = page.js("document.querySelector('table.hasil-cari a').href")
        assert link.startswith("file://") and Path(link[len("file://"):]).is_file()
        page.type("#cari-pegawai .cari", "tidak ada orang ini")
        assert page.js("document.querySelector('.hasil-cari').textContent") == "Tidak ditemukan."
    finally:
        browser.close()
