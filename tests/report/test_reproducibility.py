"""Auditors: the same inputs give the same bytes; verify catches changed inputs and documents;
unchanged documents are reused and every kind of change reruns exactly what depends on it."""

from __future__ import annotations

import hashlib
import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from pptx import Presentation

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.audit.provenance import dataset_key
from ipasn.report.batch.params import RunParams

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
RUN_YAML = ("instansi: Instansi Audit\ntahun: 2022\ndata: data.xlsx\ntargets: {{ip_asn: {target}}}\n"
            "formats: {formats}\noutput: out\nnotebooks: {{unit: unit.ipynb}}\n"
            "penandatangan: {{jabatan: Kepala BKD, nama: Budi Santoso, kota: Banjarmasin, tanggal: 2024-01-03}}\n")


def _make_project(folder: Path, target: int = 75, formats: str = "[html, pdf, pptx]") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    shutil.copy(ROOT / "notebooks" / "unit_report.ipynb", folder / "unit.ipynb")
    (folder / "run.yaml").write_text(RUN_YAML.format(target=target, formats=formats), encoding="utf-8")
    return folder


def _run(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    result = subprocess.run([*IPASN, "run", str(folder / "run.yaml"), "--no-progress", *extra],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def _year(folder: Path) -> Path:
    return folder / "out" / "instansi-audit" / "2022"


def _documents(year: Path) -> dict[str, str]:
    names = [p for p in year.rglob("*") if p.is_file() and "_kerja" not in p.parts and p.name != "manifest.json"]
    return {str(p.relative_to(year)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(names)}


def _statuses(year: Path) -> dict[str, str]:
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    return {stem: entry["status"] for stem, entry in manifest["documents"].items()}


@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    folder = _make_project(tmp_path_factory.mktemp("audit") / "a")
    _run(folder)
    return folder


def test_same_inputs_in_another_folder_give_identical_bytes(first, tmp_path):
    second = _make_project(tmp_path / "elsewhere" / "b")
    _run(second, "--jobs", "1")
    a, b = _documents(_year(first)), _documents(_year(second))
    assert set(a) == set(b)
    assert {name.rsplit(".", 1)[-1] for name in a} >= {"pdf", "ipynb", "pptx"}
    assert a == b, [name for name in a if a[name] != b[name]]


def test_manifest_records_inputs_templates_code_and_documents(first):
    manifest = json.loads((_year(first) / "manifest.json").read_text(encoding="utf-8"))
    data = manifest["inputs"]["data"][0]
    assert data["sha256"] == hashlib.sha256((first / "data.xlsx").read_bytes()).hexdigest()
    assert manifest["inputs"]["rules"]["ref"] == "perbkn-8-2019" and len(manifest["inputs"]["rules"]["sha256"]) == 64
    assert set(manifest["templates"]) == {"unit.ipynb", "instansi_report.ipynb"}
    assert manifest["code"]["ipasn"] and len(manifest["code"]["sha256"]) == 64
    assert manifest["environment"]["packages"]["pandas"]
    assert manifest["run"]["text"].startswith("instansi: Instansi Audit")
    assert manifest["run"]["canonical"]["targets"]["ip_asn"] == 75.0
    for entry in manifest["documents"].values():
        assert entry["status"] == "ok" and entry["seconds"] >= 0 and len(entry["files"]) == 4
    footer = (_year(first) / "instansi.html").read_text(encoding="utf-8")
    assert re.search(r"data sha256 [0-9a-f]{12} ", footer)
    assert "aturan perbkn-8-2019" in footer and "tanggal acuan 31-12-2022" in footer


def test_verify_passes_on_an_untouched_folder(first):
    result = subprocess.run([*IPASN, "verify", str(_year(first))], capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 berbeda" in result.stdout and "BERBEDA" not in result.stdout
    # The deck is a document like the others: recorded, re-made and compared, linked from the index.
    assert re.search(r"^instansi\.pptx +\w+ .*sama$", result.stdout, re.M)
    assert 'href="instansi.pptx"' in (_year(first) / "index.html").read_text(encoding="utf-8")
    closing = Presentation(str(_year(first) / "instansi.pptx")).slides[-1]  # the run's penandatangan
    assert "Banjarmasin, 3 Januari 2024" in "\n".join(s.text_frame.text for s in closing.shapes if s.has_text_frame)


def test_verify_names_a_changed_document(first, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)
    page = _year(copy) / "instansi.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b" </body>", 1))
    result = subprocess.run([*IPASN, "verify", str(_year(copy)), "--data", str(copy / "data.xlsx")],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 1
    line = next(ln for ln in result.stdout.splitlines() if ln.startswith("instansi.html"))
    assert line.endswith("BERBEDA")


def test_verify_stops_when_an_input_byte_changed(first, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)
    data = copy / "data.xlsx"
    raw = bytearray(data.read_bytes())
    raw[-1] ^= 0x01
    data.write_bytes(bytes(raw))
    result = subprocess.run([*IPASN, "verify", str(_year(copy)), "--data", str(data)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "berkas data berubah" in result.stderr and str(data) in result.stderr
    assert "Traceback" not in result.stderr


def test_reuse_and_exactly_what_depends_on_a_change(tmp_path):
    # HTML only: reuse does not depend on the formats, and PDFs would triple the time.
    folder = _make_project(tmp_path / "p", formats="[html]")
    _run(folder)
    year = _year(folder)
    units = sorted(stem for stem in _statuses(year) if stem.startswith("units/"))
    assert len(units) == 2

    bundles = {p: p.stat().st_mtime_ns for p in (year / "_kerja").rglob("*.parquet")}
    out = _run(folder)  # nothing changed
    assert set(_statuses(year).values()) == {"reused"}
    assert "0 dokumen dibuat, 3 dipakai ulang" in out.stdout
    # Known from the manifest's run key before loading anything: no bundle was written again ...
    assert bundles and {p: p.stat().st_mtime_ns for p in bundles} == bundles
    # ... and the index and manifest are byte for byte what a full rerun writes.
    quick = {name: (year / name).read_bytes() for name in ("index.html", "manifest.json")}
    (year / "_kerja" / "indeks.json").unlink()
    _run(folder)
    assert {p: p.stat().st_mtime_ns for p in bundles} != bundles  # that one loaded and scored
    assert {name: (year / name).read_bytes() for name in quick} == quick

    def made() -> dict[str, tuple[int, int]]:  # each workbook's inode and time: written again or not
        return {name: ((year / name).stat().st_ino, (year / name).stat().st_mtime_ns)
                for name in ("skor-ipasn-2022-data-pribadi.xlsx", "rencana-2022-data-pribadi.xlsx")}

    before = made()
    # One unit's data: that unit and the instansi rerun, the other unit is reused.
    frames = make_demo(units=2, employees=16, seed=5)
    pegawai = frames["pegawai"]
    first_unit = sorted(pegawai["unit_kerja"].unique())[0]
    row = pegawai.index[(pegawai["unit_kerja"] == first_unit) & (pegawai["pendidikan"] != "S-3")][0]
    pegawai.loc[row, "pendidikan"] = "S-3"
    (folder / "data.xlsx").write_bytes(workbook_bytes(frames))
    _run(folder)
    statuses = _statuses(year)
    assert statuses["instansi"] == "ok"
    assert sorted(statuses[u] for u in units) == ["ok", "reused"]
    assert all(made()[name] != before[name] for name in before)  # new scores: both workbooks made again
    before = made()

    # A target: shown in every document, so everything reruns; the scores stay, the plan is new.
    (folder / "run.yaml").write_text(RUN_YAML.format(target=80, formats="[html]"), encoding="utf-8")
    _run(folder)
    assert set(_statuses(year).values()) == {"ok"}
    now = made()
    assert now["skor-ipasn-2022-data-pribadi.xlsx"] == before["skor-ipasn-2022-data-pribadi.xlsx"]
    assert now["rencana-2022-data-pribadi.xlsx"] != before["rencana-2022-data-pribadi.xlsx"]
    before = now

    # The unit template: every unit reruns, the instansi is reused.
    template = nbformat.read(folder / "unit.ipynb", as_version=4)
    template.cells.append(nbformat.v4.new_markdown_cell("Catatan tambahan."))
    nbformat.write(template, folder / "unit.ipynb")
    _run(folder)
    statuses = _statuses(year)
    assert statuses["instansi"] == "reused" and all(statuses[u] == "ok" for u in units)
    assert made() == before  # nothing the workbooks are made from changed

    # A document damaged on disk is never reused.
    (year / f"{units[0]}.html").write_bytes(b"<html>rusak")
    _run(folder)
    statuses = _statuses(year)
    assert statuses[units[0]] == "ok" and statuses[units[1]] == "reused"

    # --force reruns everything.
    _run(folder, "--force")
    assert set(_statuses(year).values()) == {"ok"}


def test_how_the_data_is_read_is_part_of_the_scores_key(tmp_path):
    """The unit column or an absent sheet changes every score's unit or history: the scores workbook
    made for other reading options is never taken as still valid."""
    data = tmp_path / "data.xlsx"
    data.write_bytes(workbook_bytes(make_demo(units=2, employees=4, seed=1)))
    keys = set()
    for extra in ({}, {"kolom_unit": "UNOR NAMA"}, {"lembar_tidak_ada": ["hukdis"]}):
        params = RunParams.model_validate({"instansi": "X", "tahun": 2022, "data": str(data), **extra,
                                           "base_dir": tmp_path})
        keys.add(dataset_key(params.input_paths(), "rules", params.reading()))
    assert len(keys) == 3
