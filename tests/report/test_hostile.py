"""Hostile names: file names stay inside the output folder, HTML shows text, parameters stay data."""

from __future__ import annotations

import csv
import subprocess
import sys
from pathlib import Path

import nbformat
import openpyxl
import pandas as pd
import pytest

import ipasn
from ipasn.demo.contract import make_demo
from ipasn.report.batch.slugs import unique_slugs

IPASN = [sys.executable, "-m", "ipasn.cli"]
UNITS = [
    "../../luar",
    "a/b\\c",
    'Unit "kutip" \\" ); import os; os._exit(3); ("',
    "Baris\nbaru",
    "Kontrol\x01\x07\x1b[31m",
    "Nul\x00di tengah",
    "<script>alert('x')</script>",
    "=HYPERLINK(\"http://contoh\",\"klik\")",
    "+62 Telepon",
    "@SUM(A1)",
    "U" * 500,
]
EXPECTED_UNITS = {u.replace("\n", " ").replace("\x00", "").replace("\x01", "").replace("\x07", "")
                  .replace("\x1b", "") for u in UNITS}


@pytest.fixture(scope="module")
def hostile(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hostile")
    frames = make_demo(units=1, employees=len(UNITS), seed=4)
    pegawai = frames["pegawai"].iloc[:len(UNITS)].copy()
    pegawai["unit_kerja"] = UNITS
    pegawai["nama"] = ["-cmd|' /C calc'!A0"] + list(pegawai["nama"].iloc[1:])
    frames["pegawai"] = pegawai
    data = folder / "data"
    data.mkdir()
    for name, frame in frames.items():
        with open(data / f"{name}.csv", "w", encoding="utf-8", newline="") as handle:
            writer = csv.writer(handle)
            writer.writerow(frame.columns)
            writer.writerows(frame.itertuples(index=False, name=None))
    (folder / "run.yaml").write_text("instansi: Instansi Uji\ntahun: 2022\ndata: data\nformats: [html]\n"
                                     "output: out\n", encoding="utf-8")
    return folder


def test_names_are_read_as_text_without_control_characters(hostile):
    units = set(ipasn.load(hostile / "data").pegawai["unit_kerja"])
    assert units == EXPECTED_UNITS


def test_run_keeps_files_inside_and_shows_text(hostile):
    result = subprocess.run([*IPASN, "run", str(hostile / "run.yaml"), "--no-progress"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    out = (hostile / "out").resolve()
    files = [p.resolve() for p in out.rglob("*")]
    assert all(out in p.parents for p in files)
    assert not (hostile / "luar").exists() and not (hostile.parent / "luar").exists()
    year = out / "instansi-uji" / "2022"
    slugs = unique_slugs(sorted(EXPECTED_UNITS))
    assert len(set(slugs.values())) == len(EXPECTED_UNITS)
    for unit, slug in slugs.items():
        assert len(slug) <= 80
        page = (year / "units" / f"{slug}.html").read_text(encoding="utf-8")
        assert "<script>alert" not in page
        notebook = nbformat.read(year / "units" / f"{slug}.ipynb", as_version=4)
        injected = next(c for c in notebook.cells if "injected-parameters" in c.metadata.get("tags", []))
        namespace: dict = {}
        exec(injected.source, namespace)  # noqa: S102 - the test checks it is plain data
        assert namespace["unit"] == unit, "the parameter reaches the notebook as the exact string"


def test_exports_neutralise_formulas(hostile, tmp_path):
    out = tmp_path / "skor.csv"
    result = subprocess.run([*IPASN, "score", str(hostile / "data"), "--year", "2022", "--output", str(out)],
                            capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr
    table = pd.read_csv(out, dtype=str, keep_default_na=False)
    assert "'=HYPERLINK(\"http://contoh\",\"klik\")" in set(table["unit_kerja"])
    assert "'+62 Telepon" in set(table["unit_kerja"]) and "'@SUM(A1)" in set(table["unit_kerja"])
    assert "'-cmd|' /C calc'!A0" in set(table["nama"])
    workbook = tmp_path / "skor.xlsx"
    subprocess.run([*IPASN, "score", str(hostile / "data"), "--year", "2022", "--output", str(workbook)],
                   check=True, capture_output=True, timeout=300)
    sheet = openpyxl.load_workbook(workbook)["skor"]
    cells = [c for row in sheet.iter_rows(min_row=2) for c in row[:3]]
    formula_like = [c for c in cells if isinstance(c.value, str) and c.value.startswith(("=", "+", "-", "@"))]
    assert formula_like and all(c.data_type == "s" for c in formula_like)
