"""Personal data (UU 27/2022): masking in documents, a complete scores workbook named for what it holds."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import openpyxl
import pytest

import ipasn
from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.content.privacy import mask_name, mask_nip

IPASN = [sys.executable, "-m", "ipasn.cli"]


@pytest.mark.parametrize("nip, masked", [
    pytest.param("198503122009011001", "198503**********01", id="nip"),
    pytest.param("", "", id="empty"),
])
def test_mask_nip(nip, masked):
    assert mask_nip(nip) == masked


@pytest.mark.parametrize("name, masked", [
    pytest.param("Siti Rahmawati, S.E.", "S. R.", id="title-dropped"),
    pytest.param("dr. Andi", "D. A.", id="prefix-title-initial"),
    pytest.param("", "***", id="empty"),
])
def test_mask_name(name, masked):
    assert mask_name(name) == masked


def test_masked_run_hides_nip_and_names_but_keeps_the_workbook_complete(tmp_path):
    (tmp_path / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=14, seed=3)))
    (tmp_path / "run.yaml").write_text(
        "instansi: Instansi Uji\ntahun: 2022\ndata: data.xlsx\nformats: [html]\noutput: out\n"
        "targets: {kategori: Sangat Tinggi}\noptions: {mask_personal_data: true}\n", encoding="utf-8")
    result = subprocess.run([*IPASN, "run", str(tmp_path / "run.yaml"), "--no-progress"],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    year = tmp_path / "out" / "instansi-uji" / "2022"
    scores = ipasn.score(ipasn.load(tmp_path / "data.xlsx"), 2022).scores
    pages = {p.name: p.read_text(encoding="utf-8") for p in (year / "units").glob("*.html")}
    assert len(pages) == 2
    for person in scores.itertuples():
        for page in pages.values():
            assert person.nip not in page
            assert person.nama not in page
    assert any(mask_nip(scores["nip"].iloc[0]) in page for page in pages.values())
    index = (year / "index.html").read_text(encoding="utf-8")
    assert "tidak (disamarkan)" in index
    # No employee search: it would find people by the NIP the documents mask.
    assert not (year / "cari-pegawai-2022-data-pribadi.js").exists() and 'id="cari-pegawai"' not in index
    assert "Tahun 2022 tidak dapat dicari: data pribadi disamarkan" in index
    assert "Tahun 2022 tidak dapat dicari" in (year.parent / "index.html").read_text(encoding="utf-8")
    workbook = year / "skor-ipasn-2022-data-pribadi.xlsx"
    sheet = openpyxl.load_workbook(workbook, read_only=True)["skor"]
    nips = {row[0] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert nips == set(scores["nip"])
    # the plan's people (every unit page lists them, masked) are named in full only in its workbook
    assert all("Pegawai yang dilatih per langkah" in page for page in pages.values())
    plan = openpyxl.load_workbook(year / "rencana-2022-data-pribadi.xlsx", read_only=True)["rencana_unit"]
    header, *rows = plan.iter_rows(values_only=True)
    assert {row[header.index("nip")] for row in rows} <= set(scores["nip"]) and rows
