"""Auditors: the same inputs give the same bytes, the manifest records what made them, and verify
catches changed inputs and documents. Reuse of unchanged documents: test_reuse.py."""

from __future__ import annotations

import hashlib
import json
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest
from pptx import Presentation

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.audit.provenance import dataset_key
from ipasn.report.batch.params import RunParams
from ipasn.report.batch.runlock import run_lock
from tests.report.audit_project import IPASN, documents, make_project, run, year_of
@pytest.fixture(scope="module")
def first(tmp_path_factory) -> Path:
    folder = make_project(tmp_path_factory.mktemp("audit") / "a")
    run(folder)
    return folder


def test_same_inputs_in_another_folder_give_identical_bytes(first, tmp_path):
    second = make_project(tmp_path / "elsewhere" / "b")
    run(second, "--jobs", "1")
    a, b = documents(year_of(first)), documents(year_of(second))
    assert set(a) == set(b)
    assert {name.rsplit(".", 1)[-1] for name in a} >= {"pdf", "ipynb", "pptx"}
    assert a == b, [name for name in a if a[name] != b[name]]


def test_manifest_records_inputs_templates_code_and_documents(first):
    manifest = json.loads((year_of(first) / "manifest.json").read_text(encoding="utf-8"))
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
    footer = (year_of(first) / "instansi.html").read_text(encoding="utf-8")
    assert re.search(r"data sha256 [0-9a-f]{12} ", footer)
    assert "aturan perbkn-8-2019" in footer and "tanggal acuan 31-12-2022" in footer


def test_verify_remakes_every_document_and_names_only_the_changed_one(first, tmp_path):
    """One verify (it re-executes every document: the longest step) checks both sides: the changed page
    is named and fails the run, every other document, the deck included, is the same. A clean folder's
    exit 0 is checked by test_years.py and test_official_run.py."""
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)
    page = year_of(copy) / "instansi.html"
    page.write_bytes(page.read_bytes().replace(b"</body>", b" </body>", 1))
    # A run writing the folder (here: this test holding its lock) makes verify with --wait wait for it.
    with run_lock(year_of(copy).parent):
        waiting = subprocess.Popen([*IPASN, "verify", str(year_of(copy)), "--data", str(copy / "data.xlsx"),
                                    "--wait"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
        said = ""
        while "Menunggu" not in said and waiting.poll() is None:  # any warning printed before it is kept
            said += waiting.stderr.readline()
        assert "Menunggu proses ipasn lain" in said and f"PID {os.getpid()} " in said, said
    stdout, stderr = waiting.communicate(timeout=600)
    result = subprocess.CompletedProcess(waiting.args, waiting.returncode, stdout, said + stderr)
    assert result.returncode == 1, result.stdout + result.stderr
    lines = {ln.split()[0]: ln for ln in result.stdout.splitlines() if re.match(r"^\S+\.(html|pdf|pptx|ipynb) ", ln)}
    assert lines["instansi.html"].endswith("BERBEDA")
    assert len(lines) >= 9 and all(ln.endswith("sama") for name, ln in lines.items() if name != "instansi.html")
    assert "1 berbeda" in result.stdout
    # The deck is a document like the others: recorded, re-made and compared, linked from the index.
    assert re.search(r"^instansi\.pptx +\w+ .*sama$", result.stdout, re.M)
    assert 'href="instansi.pptx"' in (year_of(first) / "index.html").read_text(encoding="utf-8")
    closing = Presentation(str(year_of(first) / "instansi.pptx")).slides[-1]  # the run's penandatangan
    assert "Banjarmasin, 3 Januari 2024" in "\n".join(s.text_frame.text for s in closing.shapes if s.has_text_frame)


def test_verify_and_run_exclude_each_other_and_name_the_holder(first):
    """A verify reading a folder a run is writing would see documents that are not its manifest's."""
    instansi = year_of(first).parent
    with run_lock(instansi):  # as a run holds it
        refused = subprocess.run([*IPASN, "verify", str(year_of(first))], capture_output=True, text=True,
                                 timeout=120)
    assert refused.returncode == 75, refused.stdout + refused.stderr
    assert f"sedang dipakai oleh proses ipasn lain (PID {os.getpid()} " in refused.stderr
    assert "--wait" in refused.stderr and "Traceback" not in refused.stderr
    assert "Menjalankan ulang" not in refused.stdout
    with run_lock(instansi, shared=True):  # as a verify holds it: a run is refused ...
        busy = subprocess.run([*IPASN, "run", str(first / "run.yaml"), "--no-progress"], capture_output=True,
                              text=True, timeout=120)
        with run_lock(instansi, shared=True):  # ... and another reader is not
            pass
    assert busy.returncode == 75, busy.stdout + busy.stderr
    assert "sedang dipakai oleh proses ipasn lain" in busy.stderr and "Traceback" not in busy.stderr


@pytest.mark.parametrize("where, extra, message", [
    pytest.param("nowhere", (), "tidak ada manifest.json yang dapat dibaca", id="no-such-folder"),
    pytest.param("instansi", (), "tidak ada manifest.json yang dapat dibaca", id="the-instansi-not-a-year"),
    pytest.param("year", ("--unit", "Dinas Antah"), "--unit: 'Dinas Antah' tidak tercatat", id="unknown-unit"),
])
def test_verify_that_cannot_start_exits_2_not_1_which_means_a_document_differs(first, tmp_path, where, extra,
                                                                               message):
    folder = {"year": year_of(first), "instansi": year_of(first).parent}.get(where, tmp_path / "tidak-ada" / "2022")
    result = subprocess.run([*IPASN, "verify", str(folder), *extra], capture_output=True, text=True, timeout=120)
    assert result.returncode == 2, result.stdout + result.stderr
    assert message in result.stderr and "Traceback" not in result.stderr
    assert result.stdout == ""  # stopped before hashing the inputs
    assert not (tmp_path / "tidak-ada").exists()
    assert not (first / "out" / ".ipasn-run.lock").exists()  # nothing left beside a wrong folder


def test_verify_stops_when_an_input_byte_changed(first, tmp_path):
    copy = tmp_path / "copy"
    shutil.copytree(first, copy)
    data = copy / "data.xlsx"
    raw = bytearray(data.read_bytes())
    raw[-1] ^= 0x01
    data.write_bytes(bytes(raw))
    result = subprocess.run([*IPASN, "verify", str(year_of(copy)), "--data", str(data)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 2
    assert "berkas data berubah" in result.stderr and str(data) in result.stderr
    assert "Traceback" not in result.stderr


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
