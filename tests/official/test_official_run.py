"""Documents from BKN's official results: `ipasn run` with `resmi:` (real papermill kernels, nbconvert
HTML, PDF), the reconciliation section, byte-identical reruns, `ipasn verify` covering the official file;
and the unit notebook under the papermill CLI with `resmi` and masking."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest
from pypdf import PdfReader

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.official.demo import make_official, write_official
from ipasn.files import sha256_file
from ipasn.report.content.data import demo_workbook, official_demo

ROOT = Path(__file__).resolve().parents[2]
IPASN = Path(sys.executable).with_name("ipasn")
UNIT = "Staf Ahli Gubernur"  # three JPT; BKN has a lower education level for one of them (planted)


def ipasn(*args: object, timeout: int = 900) -> subprocess.CompletedProcess:
    return subprocess.run([str(IPASN), *map(str, args)], capture_output=True, text=True, timeout=timeout)


def text_of(path: Path) -> str:
    return plain(path.read_text(encoding="utf-8"))


def plain(page: str) -> str:
    page = re.sub(r"<style>.*?</style>|<svg.*?</svg>", "", page, flags=re.S)
    return " ".join(re.sub(r"<[^>]+>", " ", page).split())


@pytest.fixture(scope="module")
def run_dir(tmp_path_factory):
    folder = tmp_path_factory.mktemp("resmi")
    shutil.copy(official_demo(), folder / "hasil-bkn-2022.xlsx")
    (folder / "run.yaml").write_text(
        "instansi: Pemerintah Provinsi Demo\ntahun: 2022\ndata: demo\nresmi: hasil-bkn-2022.xlsx\n"
        f"unit_kerja: [{UNIT}]\nformats: [html, pdf]\noutput: out\n", encoding="utf-8")
    proc = ipasn("run", folder / "run.yaml", "--no-progress")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    return folder, folder / "out" / "pemerintah-provinsi-demo" / "2022"


def test_documents_say_their_numbers_are_bkns(run_dir):
    _, year = run_dir
    unit = text_of(year / "units" / "staf-ahli-gubernur.html")
    # heading and footer
    assert "Sumber nilai: hasil resmi BKN (hasil-bkn-2022.xlsx)" in unit
    footer = re.search(r'catatan-kaki">([^<]*)<', (year / "units" / "staf-ahli-gubernur.html").read_text()).group(1)
    assert footer.startswith("Sumber nilai: hasil resmi BKN ·")
    pdf = " ".join(page.extract_text() for page in PdfReader(year / "units" / "staf-ahli-gubernur.pdf").pages)
    assert "Sumber nilai: hasil resmi BKN" in " ".join(pdf.split())
    # BKN's numbers: the unit's official IP (one JPT lacks 15 points at BKN) is shown, ipasn's is not
    assert "IP ASN 48,33" in unit
    assert ("IP ASN resmi unit ini 48,33 ; dengan data yang sudah ada di ekspor menjadi 50,00 (+1,67) — unggah 1 "
            "dokumen") in unit
    assert "Rincian indikator di bagian ini dihitung ipasn dari ekspor data" in unit


def test_reconciliation_lists_each_employee_with_cause_and_document(run_dir):
    _, year = run_dir
    unit = text_of(year / "units" / "staf-ahli-gubernur.html")
    _, planted = make_official()
    nips = [n for n in planted["nip"] if n in unit]
    assert len(nips) == 1  # the one planted difference of this unit, listed by NIP
    assert "Selisih per pegawai" in unit
    assert "jenjang pendidikan berbeda: ekspor S-2 (20), BKN setara D-IV/S-1/Profesi (15)" in unit
    instansi = text_of(year / "instansi.html")
    assert "Rekonsiliasi dengan hasil resmi BKN" in instansi
    assert "IP ASN resmi instansi 56,05 ; dengan data yang sudah ada di ekspor menjadi 56,21 (+0,17)" in instansi
    assert not any(n in instansi for n in planted["nip"])  # the instansi report names no one


def test_manifest_hashes_the_official_file_and_the_reconciliation(run_dir):
    folder, year = run_dir
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["inputs"]["resmi"]["sha256"] == sha256_file(folder / "hasil-bkn-2022.xlsx")
    recon = manifest["reconciliation_workbook"]
    assert recon["path"] == "selisih-ipasn-2022-data-pribadi.xlsx"
    assert sha256_file(year / recon["path"]) == recon["sha256"]


def test_rerun_is_byte_identical_and_verify_covers_the_official_file(run_dir):
    folder, year = run_dir
    before = {p.relative_to(year): p.read_bytes() for p in year.rglob("*")
              if p.is_file() and "_kerja" not in p.parts and p.name != "manifest.json"}
    proc = ipasn("run", folder / "run.yaml", "--no-progress", "--force")
    assert proc.returncode == 0, proc.stderr
    after = {p.relative_to(year): p.read_bytes() for p in year.rglob("*")
             if p.is_file() and "_kerja" not in p.parts and p.name != "manifest.json"}
    assert before.keys() == after.keys() and all(before[k] == after[k] for k in before)
    verified = ipasn("verify", year)
    assert verified.returncode == 0, verified.stdout + verified.stderr
    assert "selisih-ipasn-2022-data-pribadi.xlsx" in verified.stdout and "0 berbeda" in verified.stdout
    # BKN's file changed since: verify refuses, naming it
    changed = folder / "hasil-bkn-2022.xlsx"
    changed.write_bytes(changed.read_bytes() + b"\0")
    refused = ipasn("verify", year)
    assert refused.returncode == 2 and "hasil resmi BKN berubah" in refused.stderr


def test_a_changed_official_value_remakes_the_reconciliation_and_the_documents_it_is_in(tmp_path):
    """What decides reuse (the workbooks' key, from which the reconciliation's is made; each document's
    fingerprint) follows BKN's file value by value: a stale reconciliation or document is never kept,
    and a unit whose people kept their values is not made again."""
    from ipasn.report.batch.params import load_params
    from ipasn.report.batch.plan import prepare

    frames = make_demo(units=3, employees=150, seed=5)
    (tmp_path / "data.xlsx").write_bytes(workbook_bytes(frames))
    official = write_official(tmp_path / "hasil-bkn-2022.xlsx", units=3, employees=150, seed=5)
    unit = sorted(frames["pegawai"]["unit_kerja"].unique())[0]
    (tmp_path / "run.yaml").write_text(
        "instansi: Instansi Resmi\ntahun: 2022\ndata: data.xlsx\nresmi: hasil-bkn-2022.xlsx\n"
        f"unit_kerja: [{unit}]\nformats: [html]\noutput: out\n", encoding="utf-8")

    def prepared_keys() -> tuple[str, dict[str, str], pd.DataFrame]:
        prepared = prepare(load_params(tmp_path / "run.yaml"))
        return prepared.data_keys[2022], dict(prepared.fingerprints), prepared.shown(2022).scores

    def raise_kinerja(inside: bool, scores: pd.DataFrame) -> str:
        """BKN's kinerja 25 -> 30 (a value on the regulation's points) for one PNS in or out of the unit."""
        book = openpyxl.load_workbook(official)
        sheet = book["IP ASN"]
        header = [cell.value for cell in sheet[1]]
        kinerja, subtotal = header.index("kinerja") + 1, header.index("subtotal") + 1
        in_unit = set(scores.loc[scores["unit_kerja"] == unit, "nip"])
        row = next(r for r in range(2, sheet.max_row + 1)
                   if sheet.cell(r, kinerja).value == 25 and (sheet.cell(r, 1).value in in_unit) == inside)
        sheet.cell(row, kinerja).value = 30
        sheet.cell(row, subtotal).value += 5
        book.save(official)
        return sheet.cell(row, 1).value

    data_key, fingerprints, scores = prepared_keys()
    instansi_job, unit_job = "2022/instansi", next(k for k in fingerprints if k.startswith("2022/units/"))
    for inside in (False, True):
        nip = raise_kinerja(inside, scores)
        changed_key, changed, changed_scores = prepared_keys()
        before, after = (frame.set_index("nip").loc[nip, "kinerja"] for frame in (scores, changed_scores))
        assert after == before + 5  # the documents show BKN's new value
        assert changed_key != data_key
        assert changed[instansi_job] != fingerprints[instansi_job]
        assert (changed[unit_job] != fingerprints[unit_job]) == inside
        data_key, fingerprints, scores = changed_key, changed, changed_scores


def test_resmi_per_year_in_the_run_definition(tmp_path):
    from ipasn.errors import ParamsError
    from ipasn.report.batch.params import parse_params

    params = parse_params("instansi: X\ntahun: [2021, 2022]\ndata: d.xlsx\nresmi: {2022: bkn-2022.xlsx}\n",
                          "run.yaml", tmp_path)
    assert params.resmi_path(2022) == tmp_path / "bkn-2022.xlsx" and params.resmi_path(2021) is None
    assert params.input_paths() == [tmp_path / "d.xlsx", tmp_path / "bkn-2022.xlsx"]
    for text, words in (("tahun: [2021, 2022]\ndata: d.xlsx\nresmi: bkn.xlsx", "satu berkas per tahun"),
                        ("tahun: 2022\ndata: d.xlsx\nresmi: {2020: bkn.xlsx}", "untuk tahun 2020")):
        with pytest.raises(ParamsError, match=words):
            parse_params(f"instansi: X\n{text}\n", "run.yaml", tmp_path)


def test_resmi_without_units_and_without_data_is_refused(tmp_path):
    (tmp_path / "run.yaml").write_text("instansi: X\ntahun: 2022\nresmi: demo\n", encoding="utf-8")
    proc = ipasn("run", tmp_path / "run.yaml", "--no-progress")
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert "resmi tanpa data" in proc.stderr and "satuan kerja" in proc.stderr


def test_documents_from_official_results_alone(tmp_path):
    """No export: BKN's per-satker workbook gives the numbers and the units; what needs an export says so."""
    frame, _ = make_official(units=3, employees=150, seed=5)
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.append(["REKAP IP ASN TAHUN 2022"])
    sheet.append(["No", "Nama", "NIP", "Nama Jabatan", "Satuan Kerja", "Kualifikasi", "Kompetensi", "Kinerja",
                  "Disiplin", "Total"])
    for i, r in enumerate(frame.itertuples(index=False), 1):
        unit = "Dinas A" if i % 2 else "Dinas B"
        sheet.append([i, r.nama, r.nip_baru, "-", unit, r.kualifikasi, r.kompetensi, r.kinerja, r.disiplin,
                      r.subtotal])
    book.save(tmp_path / "rekap.xlsx")
    (tmp_path / "run.yaml").write_text("instansi: Instansi Uji\ntahun: 2022\nresmi: rekap.xlsx\n"
                                       "unit_kerja: [Dinas A]\nformats: [html]\noutput: out\n", encoding="utf-8")
    proc = ipasn("run", tmp_path / "run.yaml", "--no-progress")
    assert proc.returncode == 0, proc.stdout + proc.stderr
    year = tmp_path / "out" / "instansi-uji" / "2022"
    unit = text_of(year / "units" / "dinas-a.html")
    expected = frame.iloc[0::2]["subtotal"].mean()
    assert "Sumber nilai: hasil resmi BKN (rekap.xlsx)" in unit
    assert f"IP ASN {expected:.2f}".replace(".", ",") in unit
    # analysis, kompetensi, upaya, and the plan to the target (which needs the indicators too)
    assert unit.count("tidak ada ekspor data yang dihitung ipasn; bagian ini dilewati") == 4
    assert "tidak dibandingkan dengan perhitungan ipasn" in unit
    assert not (year / "selisih-ipasn-2022-data-pribadi.xlsx").exists()


def test_unit_notebook_with_official_results_under_papermill_masks_the_list(tmp_path):
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(ROOT / "notebooks" / "unit_report.ipynb"), str(out),
         "-p", "data", str(demo_workbook()), "-p", "year", "2022", "-p", "unit", "Dinas Sosial",
         "-p", "resmi", "demo", "-p", "mask_personal", "True", "--cwd", str(tmp_path), "--no-progress-bar"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    executed = nbformat.read(out, as_version=4)
    html = plain("".join(o.get("data", {}).get("text/html", "") for c in executed.cells for o in c.get("outputs", [])))
    assert "Sumber nilai: hasil resmi BKN (demo-resmi.xlsx)" in html
    assert "Selisih per pegawai" in html and "IP ASN resmi unit ini 56,84 ; dengan data" in html
    _, planted = make_official()
    assert not any(nip in html for nip in planted["nip"])  # masked
