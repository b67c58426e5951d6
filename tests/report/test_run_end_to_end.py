"""`ipasn run` end to end: real papermill kernels, real nbconvert HTML, real WeasyPrint PDFs."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pandas as pd
import pytest
from pypdf import PdfReader

import ipasn
from ipasn import fmt
from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.batch.slugs import unique_slugs
from ipasn.scoring.summary import summarise

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
HOSTILE = 'Bidang A/B "Khusus" <b>tebal</b>'
FAILING = "Unit Gagal"


def _person(nip: str, unit: str, **values) -> dict:
    row = {"nip": nip, "nama": f"Pegawai {nip[-3:]}", "unit_kerja": unit, "jenis_jabatan": "Pelaksana",
           "eselon": "", "jabatan": "Pengadministrasi", "pendidikan": "S-1", "status": "PNS"}
    row.update(values)
    return row


@pytest.fixture(scope="module")
def small_instansi(tmp_path_factory) -> Path:
    """Two demo units plus the edge cases: one employee, all data missing, a hostile name, a failure."""
    folder = tmp_path_factory.mktemp("run")
    frames = make_demo(units=2, employees=24, seed=11)
    extra = [
        _person("198001012005011901", "Unit Tunggal"),
        _person("198001012005011902", "Unit Tanpa Data", pendidikan="", jenis_jabatan=""),
        _person("198001012005012903", "Unit Tanpa Data", pendidikan="", jenis_jabatan=""),
        _person("198001012005011904", HOSTILE, nama="=HYPERLINK(\"http://x\") <script>alert(1)</script>"),
        _person("198001012005012905", HOSTILE),
        _person("198001012005011906", FAILING),
    ]
    frames["pegawai"] = pd.concat([frames["pegawai"], pd.DataFrame(extra)], ignore_index=True)
    kinerja = [{"nip": r["nip"], "tahun": "2021", "nilai": "88,5", "predikat": ""} for r in extra
               if r["unit_kerja"] != "Unit Tanpa Data"]
    frames["kinerja"] = pd.concat([frames["kinerja"], pd.DataFrame(kinerja)], ignore_index=True)
    data = folder / "data.xlsx"
    data.write_bytes(workbook_bytes(frames))

    template = nbformat.read(ROOT / "notebooks" / "unit_report.ipynb", as_version=4)
    template.cells.insert(2, nbformat.v4.new_code_cell(
        f'if unit == "{FAILING}":\n    raise RuntimeError("sengaja gagal")'))
    nbformat.write(template, folder / "unit_failing.ipynb")
    (folder / "run.yaml").write_text(
        "instansi: Instansi Uji\ntahun: 2022\ndata: data.xlsx\ntargets: {ip_asn: 75, kualifikasi: 15}\n"
        "formats: [html, pdf]\noutput: out\nnotebooks: {unit: unit_failing.ipynb}\n", encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def ran(small_instansi: Path) -> subprocess.CompletedProcess:
    return subprocess.run([*IPASN, "run", str(small_instansi / "run.yaml"), "--jobs", "2", "--no-progress"],
                          capture_output=True, text=True, timeout=600)


@pytest.fixture(scope="module")
def year_dir(small_instansi: Path, ran) -> Path:
    return small_instansi / "out" / "instansi-uji" / "2022"


@pytest.fixture(scope="module")
def expected(small_instansi: Path):
    return ipasn.score(ipasn.load(small_instansi / "data.xlsx"), 2022)


def test_failing_unit_is_reported_and_exit_code_is_nonzero(ran, year_dir):
    assert ran.returncode == 4, ran.stderr
    assert f"GAGAL 2022/units/{unique_slugs([FAILING])[FAILING]}" in ran.stderr
    assert "sengaja gagal" in ran.stderr
    assert "Traceback" not in ran.stdout + ran.stderr
    failed = year_dir / "units" / "unit-gagal.ipynb"
    assert failed.is_file(), "the failed notebook is kept as evidence"
    outputs = [o for c in nbformat.read(failed, as_version=4).cells for o in c.get("outputs", [])]
    assert any(o.get("ename") == "RuntimeError" for o in outputs)
    assert not (year_dir / "units" / "unit-gagal.html").exists()
    assert not (year_dir / "units" / "unit-gagal.pdf").exists()


def test_every_other_document_exists(ran, year_dir, expected):
    units = sorted(set(expected.pegawai["unit_kerja"]))
    slugs = unique_slugs(units)
    assert len(units) == 6
    for unit in units:
        if unit == FAILING:
            continue
        for suffix in ("html", "pdf", "ipynb"):
            assert (year_dir / "units" / f"{slugs[unit]}.{suffix}").is_file(), (unit, suffix)
    for name in ("instansi.html", "instansi.pdf", "instansi.ipynb", "index.html",
                 "skor-ipasn-2022-data-pribadi.xlsx"):
        assert (year_dir / name).is_file(), name


def test_hostile_unit_name_is_a_safe_file_name_and_shown_as_text(ran, year_dir):
    slug = unique_slugs([HOSTILE])[HOSTILE]
    assert re.fullmatch(r"[a-z0-9-]+", slug)
    page = (year_dir / "units" / f"{slug}.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;tebal&lt;/b&gt;" in page and "<b>tebal</b>" not in page
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    index = (year_dir / "index.html").read_text(encoding="utf-8")
    assert "&lt;b&gt;tebal&lt;/b&gt;" in index and "<b>tebal</b>" not in index


def test_numbers_in_html_equal_the_scoring_output(ran, year_dir, expected):
    slugs = unique_slugs(sorted(set(expected.pegawai["unit_kerja"])))
    units = summarise(expected, by="unit_kerja")
    for unit, row in units.iterrows():
        if unit == FAILING or row["diukur"] == 0:
            continue
        page = (year_dir / "units" / f"{slugs[unit]}.html").read_text(encoding="utf-8")
        assert f"IP ASN <strong>{fmt.number(row['ip_asn'])}</strong>" in page, unit
        assert f"{fmt.integer(row['diukur'])} PNS diukur dari {fmt.integer(row['terdaftar'])}" in page
        for person in expected.scores[expected.scores["unit_kerja"] == unit].itertuples():
            assert f"<td class=\"\">{person.nip}</td>" in page
    whole = summarise(expected, by=None).iloc[0]
    instansi = (year_dir / "instansi.html").read_text(encoding="utf-8")
    assert f"IP ASN <strong>{fmt.number(whole['ip_asn'])}</strong>" in instansi
    for nip in expected.scores["nip"]:
        assert nip not in instansi, "the instansi document lists no individuals"


def test_unit_with_all_data_missing_still_renders(ran, year_dir):
    page = (year_dir / "units" / "unit-tanpa-data.html").read_text(encoding="utf-8")
    assert "Pendidikan tidak diisi" in page or "tidak" in page
    assert "IP ASN <strong>" in page


def test_pdfs_have_pages_with_text(ran, year_dir):
    for pdf in [year_dir / "instansi.pdf", year_dir / "units" / "unit-tunggal.pdf"]:
        reader = PdfReader(pdf)
        assert len(reader.pages) >= 1
        text = " ".join(page.extract_text() for page in reader.pages)
        assert "Indeks Profesionalitas ASN" in text
        assert "Halaman 1 dari" in text


def test_index_links_every_unit(ran, year_dir, expected):
    index = (year_dir / "index.html").read_text(encoding="utf-8")
    slugs = unique_slugs(sorted(set(expected.pegawai["unit_kerja"])))
    for unit, slug in slugs.items():
        if unit != FAILING:
            assert f'href="units/{slug}.pdf"' in index
    assert "GAGAL" in index


def test_only_reruns_one_unit(small_instansi, ran, year_dir):
    other = year_dir / "units" / "unit-tunggal.html"
    before = other.stat().st_mtime_ns
    again = subprocess.run([*IPASN, "run", str(small_instansi / "run.yaml"), "--only", "Unit Tanpa Data", "--force",
                            "--no-progress"], capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    assert "1 dokumen dibuat, 0 dipakai ulang, 0 gagal" in again.stdout
    assert other.stat().st_mtime_ns == before


@pytest.mark.parametrize("content, message", [
    pytest.param("instansi: X\ntahun: 2022\ndata: data.xlsx\nwarna: biru\n", "warna: kunci tidak dikenal",
                 id="unknown-key"),
    pytest.param("instansi: X\ntahun: 2022\ndata: data.xlsx\nunit_kerja: [Dinas Antah]\n",
                 "unit kerja tidak ada dalam data: Dinas Antah", id="unknown-unit"),
    pytest.param("instansi: X\ntahun: 2022\ndata: data.xlsx\ntargets: {kategori: Luar Biasa}\n",
                 "targets.kategori 'Luar Biasa' tidak dikenal", id="unknown-target-category"),
    pytest.param("instansi: X\ntahun: 2030\ndata: data.xlsx\n", "tahun 2030", id="year-without-data"),
    pytest.param("instansi: X\ntahun: 2022\ndata: tidak-ada.xlsx\n", "tidak ditemukan", id="missing-data"),
])
def test_invalid_run_definitions_are_refused_by_name(small_instansi, content, message):
    params = small_instansi / "bad.yaml"
    params.write_text(content, encoding="utf-8")
    result = subprocess.run([*IPASN, "run", str(params), "--no-progress"], capture_output=True, text=True,
                            timeout=120)
    assert result.returncode == 2
    assert message in result.stderr
    assert "Traceback" not in result.stderr
