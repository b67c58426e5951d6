"""What a report was made from: hashes of inputs, templates, code and environment."""

from __future__ import annotations

import hashlib
import json
import platform
import subprocess
from functools import lru_cache
from importlib import metadata
from pathlib import Path

import ipasn
from ipasn.files import sha256_bytes, sha256_file

# Packages whose version can change a document's bytes.
SHAPING_PACKAGES = (
    "pandas", "numpy", "pyarrow", "openpyxl", "matplotlib", "babel", "nbconvert", "nbclient", "nbformat",
    "papermill", "ipykernel", "ipython", "jinja2", "weasyprint", "pydyf", "fonttools", "tinycss2",
    "pydantic", "pyyaml", "python-slugify", "python-pptx", "lxml", "resvg-py", "mistune",
)
PACKAGE_ROOT = Path(ipasn.__file__).resolve().parent




def input_files(data: Path | list[Path]) -> list[Path]:
    """The files the data paths stand for, exactly those the reader reads (ipasn.input.sources)."""
    from ipasn.input.sources import input_files as files_of

    return [file for path in ([data] if isinstance(data, Path) else data) for file in files_of(path)]


def template_sha256(path: Path) -> str:
    """A notebook's hash without outputs and volatile metadata: what it does, not when it last ran."""
    notebook = json.loads(Path(path).read_text(encoding="utf-8"))
    if notebook.get("nbformat") != 4:  # older formats: nbformat converts them (and costs 1.4 s to import)
        import nbformat

        notebook = nbformat.read(path, as_version=4)
    # Plain JSON, as nbformat would read it (a cell's source may be stored as a list of lines).
    cells = [{"type": c["cell_type"], "source": _text(c.get("source", "")),
              "tags": sorted(c.get("metadata", {}).get("tags", []))} for c in notebook["cells"]]
    return sha256_bytes(json.dumps(cells, sort_keys=True, ensure_ascii=False).encode("utf-8"))


def _text(source: str | list[str]) -> str:
    return "".join(source) if isinstance(source, list) else source


@lru_cache(maxsize=1)
def code_sha256() -> str:
    """Hash of ipasn's own source, rules and templates (exact even in an uncommitted checkout)."""
    digest = hashlib.sha256()
    for path in sorted(PACKAGE_ROOT.rglob("*")):
        if path.is_file() and path.suffix in (".py", ".yaml", ".css", ".ipynb") and "__pycache__" not in path.parts:
            digest.update(str(path.relative_to(PACKAGE_ROOT)).encode() + b"\0")
            digest.update(path.read_bytes() + b"\0")
    return digest.hexdigest()


@lru_cache(maxsize=1)
def git_commit() -> str | None:
    try:
        out = subprocess.run(["git", "-C", str(PACKAGE_ROOT), "describe", "--always", "--dirty", "--abbrev=40"],
                             capture_output=True, text=True, timeout=10)
    except (OSError, subprocess.TimeoutExpired):
        return None
    return out.stdout.strip() or None if out.returncode == 0 else None


@lru_cache(maxsize=1)
def environment() -> dict:
    versions = {}
    for name in SHAPING_PACKAGES:
        try:
            versions[name] = metadata.version(name)
        except metadata.PackageNotFoundError:
            versions[name] = None
    from ipasn.report.document.render import pdf_engine, pdf_engine_version

    from openpyxl.xml import LXML  # openpyxl writes other (valid) bytes without lxml, or with OPENPYXL_LXML=False

    return {"python": platform.python_version(), "implementation": platform.python_implementation(),
            "packages": versions, "pdf_engine": {"name": pdf_engine(), "version": pdf_engine_version()},
            "xlsx_writer": "lxml" if LXML else "xml.etree"}


def dataset_key(data: list[Path], rules_sha256: str, reading: dict) -> str:
    """Hash of every input file, how they are read (`reading`: the run's unit column and absent
    sheets), the ruleset and ipasn's code: what the scores workbook depends on."""
    parts = {"data": [[p.name, sha256_file(p)] for p in input_files(data)], "rules": rules_sha256,
             "code": code_sha256(), "reading": reading}
    return sha256_bytes(json.dumps(parts, sort_keys=True).encode("utf-8"))
