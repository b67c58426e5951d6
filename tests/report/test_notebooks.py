"""The report notebooks: thin, committed without outputs, runnable as-is, in step with nbval's copies."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest

from ipasn.report.content.data import demo_workbook

ROOT = Path(__file__).resolve().parents[2]
NAMES = ["unit_report.ipynb", "instansi_report.ipynb"]
SHIPPED = [*NAMES, "eksplorasi.ipynb"]  # the analyst's notebook: examples to copy, not thin


@pytest.mark.parametrize("name", SHIPPED)
def test_committed_without_outputs_and_with_one_parameters_cell(name):
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert all(not c.outputs and c.execution_count is None for c in code)
    assert [c for c in code if "parameters" in c.metadata.get("tags", [])] == [code[0]]


@pytest.mark.parametrize("name", NAMES)
def test_notebooks_are_thin(name):
    """Logic lives in ipasn/: a cell loads, calls and presents (a few lines at most)."""
    notebook = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    for cell in notebook.cells[1:]:
        if cell.cell_type == "code":
            lines = [ln for ln in cell.source.splitlines() if ln.strip() and not ln.startswith("#")]
            assert len(lines) <= 4, cell.source
            assert not any(ln.lstrip().startswith(("def ", "class ", "for ", "while ")) for ln in lines)


@pytest.mark.parametrize("name", SHIPPED)
def test_nbval_copies_match_the_templates(name):
    """tests/notebooks holds the executed copies nbval checks; regenerate with `make expected`."""
    template = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    expected = nbformat.read(ROOT / "tests" / "notebooks" / name, as_version=4)
    assert [c.source for c in expected.cells] == [c.source for c in template.cells]
    keys = [c for c in expected.cells if "key" in c.metadata.get("tags", [])]
    assert keys and all(c.outputs for c in keys), "key cells carry the outputs nbval compares"


def test_unit_notebook_runs_under_the_papermill_cli(tmp_path):
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(ROOT / "notebooks" / "unit_report.ipynb"), str(out),
         "-p", "data", str(demo_workbook()), "-p", "tahun", "2022", "-p", "unit", "Dinas Sosial",
         "--cwd", str(tmp_path), "--no-progress-bar"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-2000:]
    executed = nbformat.read(out, as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells for o in c.get("outputs", []))
    assert "Dinas Sosial" in html and "IP ASN <strong>" in html
