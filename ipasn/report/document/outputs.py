"""Say so in the document when a cell's output cannot appear in it (instead of leaving a silent gap).

nbconvert shows one representation per output, the first it knows in `SHOWN` order. A printed
report is static HTML read by a browser with JavaScript off (the PDF engine): an output with no
static representation (a widget without its state, a plotly or vega spec only, JavaScript) would
vanish. Such an output is replaced, in the HTML and PDF only, by a visible note naming its type and
what to use instead; the executed .ipynb keeps the original.
"""

from __future__ import annotations

import copy
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

# What ipasn's page shows without JavaScript, as nbconvert's HTML exporter prefers them.
SHOWN = ("text/html", "text/markdown", "image/svg+xml", "image/png", "image/jpeg", "text/latex", "text/plain")
# What nbconvert would prefer to those and what needs a script to appear at all.
DYNAMIC = ("application/vnd.jupyter.widget-view+json", "application/javascript", "text/vnd.mermaid")
NOTE = ('<p class="peringatan">Keluaran sel {cell} tidak dapat ditampilkan di dokumen statis (jenis: {kinds}). '
        "Tampilkan sebagai gambar atau tabel, mis. plt.show() atau nb.table(...).</p>")
SCRIPT_NOTE = ('<p class="peringatan">Bagian interaktif keluaran sel {cell} (JavaScript atau widget) tidak '
               "berjalan di dokumen ini; yang tampil hanya bagian statisnya.</p>")


def _note(html: str) -> dict:
    return {"output_type": "display_data", "metadata": {}, "data": {"text/html": html}}


def _problem(output: dict) -> str | None:
    """"unshown" (nothing static to show), "dynamic" (a script or widget part), or None."""
    if output.get("output_type") not in ("display_data", "execute_result"):
        return None
    data = output.get("data", {})
    if not any(kind in data for kind in SHOWN):
        return "unshown"
    html = data.get("text/html", "")
    html = html if isinstance(html, str) else "".join(html)
    if any(kind in data for kind in DYNAMIC) or "<script" in html.lower():
        return "dynamic"
    return None


def with_notes(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """The notebook to render: unshowable outputs replaced by a note; an output with a script or
    widget part shown by its static part and followed by a note.

    Returns the notebook itself when nothing needs a note (the common case: no copy)."""
    if not any(_problem(o) for c in notebook.cells for o in c.get("outputs", [])):
        return notebook
    notebook = copy.deepcopy(notebook)
    for index, cell in enumerate(notebook.cells):
        outputs = []
        for output in cell.get("outputs", []):
            problem = _problem(output)
            if problem == "unshown":
                kinds = ", ".join(sorted(output.get("data", {}))) or "kosong"
                outputs.append(_note(NOTE.format(cell=index, kinds=kinds)))
                continue
            if problem == "dynamic":
                # nbconvert would prefer the script or widget view, which show nothing without JavaScript.
                output["data"] = {k: v for k, v in output["data"].items() if k not in DYNAMIC}
            outputs.append(output)
            if problem == "dynamic":
                outputs.append(_note(SCRIPT_NOTE.format(cell=index)))
        if "outputs" in cell:
            cell["outputs"] = outputs
    return notebook
