"""Regenerate the nbval expectations: `make expected` (run after changing a notebook or its output).

Each shipped notebook in notebooks/ (the two reports and eksplorasi) is executed as-is (default parameters: the bundled demo data) and
saved here with its outputs. Cells tagged `key` (headline numbers, analysis tables) are compared by
nbval; every other code cell is tagged `nbval-ignore-output` (it must still run without error).
"""

from __future__ import annotations

from pathlib import Path

import nbformat
from nbclient import NotebookClient

from ipasn.report.document.execute import strip_volatile

HERE = Path(__file__).resolve().parent
TEMPLATES = HERE.parents[1] / "notebooks"
NAMES = ("unit_report.ipynb", "instansi_report.ipynb", "eksplorasi.ipynb")


def regenerate(name: str) -> Path:
    notebook = nbformat.read(TEMPLATES / name, as_version=4)
    NotebookClient(notebook, kernel_name="python3", resources={"metadata": {"path": str(HERE)}},
                   timeout=600).execute()
    notebook = strip_volatile(notebook)
    for cell in notebook.cells:
        tags = cell.metadata.setdefault("tags", [])
        if cell.cell_type == "code" and "key" not in tags and "nbval-ignore-output" not in tags:
            tags.append("nbval-ignore-output")
    target = HERE / name
    nbformat.write(notebook, target)
    return target


if __name__ == "__main__":
    for name in NAMES:
        print(regenerate(name))
