"""Crashes and interruptions: a killed run leaves only complete files; a dying worker costs one unit."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import nbformat
import openpyxl
import pytest
from pypdf import PdfReader

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from ipasn.files import TEMP_PREFIX

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
KILL_WORKER = '''import os, signal
if unit == "{unit}":
    def parent(pid):
        return int(open(f"/proc/{{pid}}/stat").read().rsplit(")", 1)[1].split()[1])
    target = os.getppid()
    if "ipasn.report.document.zygote" in open(f"/proc/{{target}}/cmdline").read():
        target = parent(target)  # the zygote's parent is the worker
    os.kill(target, signal.SIGKILL)'''


def _project(folder: Path, units: int = 3, template: Path | None = None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=units, employees=30, seed=9)))
    extra = f"notebooks: {{unit: {template.name}}}\n" if template else ""
    (folder / "run.yaml").write_text(
        f"instansi: Instansi Uji\ntahun: 2022\ndata: data.xlsx\noutput: out\n{extra}", encoding="utf-8")
    return folder


def _complete(path: Path) -> None:
    """Raise if a file is not a whole document of its kind."""
    if path.suffix == ".html":
        assert path.read_text(encoding="utf-8").rstrip().endswith("</html>"), path
    elif path.suffix == ".pdf":
        assert len(PdfReader(path).pages) >= 1, path
    elif path.suffix == ".ipynb":
        nbformat.read(path, as_version=4)
    elif path.suffix == ".json":
        json.loads(path.read_text(encoding="utf-8"))
    elif path.suffix == ".xlsx":
        openpyxl.load_workbook(path, read_only=True).close()


def _documents(year: Path) -> list[Path]:
    return [p for p in year.rglob("*") if p.is_file() and "_kerja" not in p.parts]


@pytest.mark.parametrize("delay", [pytest.param(2.5, id="early"), pytest.param(6.0, id="mid-batch")])
def test_sigkill_leaves_only_complete_files_and_the_next_run_finishes(tmp_path, delay):
    folder = _project(tmp_path / "p")
    year = folder / "out" / "instansi-uji" / "2022"
    run = subprocess.Popen([*IPASN, "run", str(folder / "run.yaml"), "--no-progress"], start_new_session=True,
                           stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    time.sleep(delay)
    os.killpg(run.pid, signal.SIGKILL)
    run.wait(timeout=30)
    if year.exists():
        for path in _documents(year):
            if not path.name.startswith(TEMP_PREFIX):
                _complete(path)

    again = subprocess.run([*IPASN, "run", str(folder / "run.yaml"), "--no-progress"],
                           capture_output=True, text=True, timeout=600)
    assert again.returncode == 0, again.stderr
    leftovers = [p for p in year.rglob(f"{TEMP_PREFIX}*")]
    assert leftovers == [], leftovers
    for path in _documents(year):
        _complete(path)
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert len(manifest["documents"]) == 4
    assert all(entry["status"] in ("ok", "reused") for entry in manifest["documents"].values())


def test_a_worker_that_dies_costs_only_its_unit(tmp_path):
    frames = make_demo(units=3, employees=30, seed=9)
    victim = sorted(frames["pegawai"]["unit_kerja"].unique())[1]
    template = nbformat.read(ROOT / "notebooks" / "unit_report.ipynb", as_version=4)
    template.cells.insert(2, nbformat.v4.new_code_cell(KILL_WORKER.format(unit=victim)))
    (tmp_path / "killer.ipynb").parent.mkdir(parents=True, exist_ok=True)
    nbformat.write(template, tmp_path / "killer.ipynb")
    folder = _project(tmp_path, template=tmp_path / "killer.ipynb")
    result = subprocess.run([*IPASN, "run", str(folder / "run.yaml"), "--no-progress", "--jobs", "2"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 4, result.stdout + result.stderr
    assert "WorkerCrash" in result.stderr and "Traceback" not in result.stderr
    year = folder / "out" / "instansi-uji" / "2022"
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    failed = [stem for stem, entry in manifest["documents"].items() if entry["status"] == "failed"]
    assert [manifest["documents"][stem]["unit"] for stem in failed] == [victim]
    others = [stem for stem in manifest["documents"] if stem not in failed]
    assert len(others) == 3
    for stem in others:
        assert (year / f"{stem}.pdf").is_file() and (year / f"{stem}.html").is_file()
