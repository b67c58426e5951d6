"""A small audited project (two units, a custom unit template, a signatory) and the helpers the
reproducibility and reuse tests share: run it, find its year folder, read its documents' hashes and
the manifest's statuses."""

from __future__ import annotations

import hashlib
import json
import shutil
import subprocess
import sys
from pathlib import Path

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
RUN_YAML = ("instansi: Instansi Audit\ntahun: 2022\ndata: data.xlsx\ntargets: {{ip_asn: {target}}}\n"
            "formats: {formats}\noutput: out\nnotebooks: {{unit: unit.ipynb}}\n"
            "penandatangan: {{jabatan: Kepala BKD, nama: Budi Santoso, kota: Banjarmasin, tanggal: 2024-01-03}}\n")


def make_project(folder: Path, target: int = 75, formats: str = "[html, pdf, pptx]") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    shutil.copy(ROOT / "notebooks" / "unit_report.ipynb", folder / "unit.ipynb")
    (folder / "run.yaml").write_text(RUN_YAML.format(target=target, formats=formats), encoding="utf-8")
    return folder


def run(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    result = subprocess.run([*IPASN, "run", str(folder / "run.yaml"), "--no-progress", *extra],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stderr
    return result


def year_of(folder: Path) -> Path:
    return folder / "out" / "instansi-audit" / "2022"


def documents(year: Path) -> dict[str, str]:
    names = [p for p in year.rglob("*") if p.is_file() and "_kerja" not in p.parts and p.name != "manifest.json"]
    return {str(p.relative_to(year)): hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(names)}


def statuses(year: Path) -> dict[str, str]:
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    return {stem: entry["status"] for stem, entry in manifest["documents"].items()}
