"""The notebooks as a toolkit: what an analyst adds (a matplotlib chart, a pandas table) reaches the
HTML and the PDF of `ipasn run`, with the same bytes on rerun; the parameters cells are clean for
papermill; a custom notebook that cannot take a run's parameters is refused with a clear message."""

from __future__ import annotations

import base64
import io
import json
import logging
import re
import subprocess
import sys
import unicodedata
from pathlib import Path

import nbformat
import pytest
import yaml
from pypdf import PdfReader

from ipasn.demo.contract import make_demo
from ipasn.report.batch.notebook_params import job_parameters
from ipasn.report.batch.params import RunParams
from ipasn.export.xlsx import workbook_bytes
from tests.report.audit_project import documents

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
SHIPPED = ["unit_report.ipynb", "instansi_report.ipynb", "eksplorasi.ipynb"]
UNIT = "Dinas Pendidikan"
# Titles without "fi"/"fl": the PDF's text layer would hold those as ligatures.
FIGURES = ("Bagan lewat plt.show", "Bagan sebagai nilai akhir", "Bagan lewat display")
ADDED = [
    "## Tambahan analis",
    "import matplotlib.pyplot as plt\nimport pandas as pd\nfrom IPython.display import display\n"
    "fig, ax = plt.subplots(figsize=(4, 2))\n"
    f"ax.bar(['a', 'b'], [1.5, 2.25])\nax.set_title('{FIGURES[0]}')\nnb.decimal_comma(ax)\nplt.show()",
    "pd.DataFrame({'Uraian tabel uji': ['Jumlah JP', 'Rata-rata'], 'Nilai': [1234.5, 61.2]})",
    f"fig2, ax2 = plt.subplots(figsize=(3, 2))\nax2.plot([1, 2])\nax2.set_title('{FIGURES[1]}')\nfig2",
    f"fig3, ax3 = plt.subplots(figsize=(3, 2))\nax3.set_title('{FIGURES[2]}')\ndisplay(fig3)",
]
RUN = {"instansi": "Instansi Toolkit", "tahun": 2022, "data": "data.xlsx", "unit_kerja": [UNIT],
       "formats": ["html", "pdf"], "output": "out", "notebooks": {"unit": "analis.ipynb"}}


def _custom_notebook(path: Path, edit_parameters=None) -> Path:
    notebook = nbformat.read(ROOT / "notebooks" / "unit_report.ipynb", as_version=4)
    for source in ADDED:
        make = nbformat.v4.new_markdown_cell if source.startswith("#") else nbformat.v4.new_code_cell
        notebook.cells.append(make(source))
    if edit_parameters is not None:
        edit_parameters(notebook.cells[0])
    nbformat.write(notebook, path)
    return path


def _project(folder: Path, edit_parameters=None) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    _custom_notebook(folder / "analis.ipynb", edit_parameters)
    (folder / "run.yaml").write_text(yaml.safe_dump(RUN, allow_unicode=True), encoding="utf-8")
    return folder


def _run(folder: Path, *extra: str) -> subprocess.CompletedProcess:
    return subprocess.run([*IPASN, "run", str(folder / "run.yaml"), "--no-progress", *extra],
                          capture_output=True, text=True, timeout=600)


def _svg_texts(html: str) -> list[str]:
    """The SVG images of a page (nbconvert embeds them as base64 data URIs), decoded."""
    return [base64.b64decode(m).decode("utf-8") for m in re.findall(r'src="data:image/svg\+xml;base64,([^"]+)"', html)]


@pytest.fixture(scope="module")
def project(tmp_path_factory) -> Path:
    folder = _project(tmp_path_factory.mktemp("toolkit") / "p")
    result = _run(folder)
    assert result.returncode == 0, result.stdout + result.stderr
    return folder


def _unit_stem(project: Path) -> Path:
    return project / "out" / "instansi-toolkit" / "2022" / "units" / "dinas-pendidikan"


def test_added_chart_and_table_are_in_the_html_once_each_as_svg_and_report_table(project):
    html = _unit_stem(project).with_suffix(".html").read_text(encoding="utf-8")
    svgs = _svg_texts(html)
    for title in FIGURES:
        assert sum(title in svg for svg in svgs) == 1, title  # shown, and shown once
    added = [svg for svg in svgs if any(t in svg for t in FIGURES)]
    assert "0,5" in next(svg for svg in added if FIGURES[0] in svg)  # nb.decimal_comma(ax)
    for svg in added:
        assert "<dc:date>" not in svg  # no timestamp: the rerun test below checks the bytes
        assert "font-family" in svg or "DejaVu" in svg  # text kept as text, like ipasn's own charts
    table = html[html.index("Uraian tabel uji") - 200:]
    assert '<table class="tabel">' in table[:300]
    assert '<td class="angka">1.234,50</td>' in table and '<td class="angka">61,20</td>' in table


def test_added_chart_and_table_are_in_the_pdf(project):
    pdf = PdfReader(_unit_stem(project).with_suffix(".pdf"))
    text = unicodedata.normalize("NFKC", " ".join(page.extract_text() for page in pdf.pages))
    for expected in (*FIGURES, "Uraian tabel uji", "1.234,50", "61,20"):
        assert expected in text, expected


def test_rerun_gives_identical_bytes(project):
    year = project / "out" / "instansi-toolkit" / "2022"
    before = documents(year)
    result = _run(project, "--force")
    assert result.returncode == 0, result.stderr
    manifest = json.loads((year / "manifest.json").read_text(encoding="utf-8"))
    assert {e["status"] for e in manifest["documents"].values()} == {"ok"}  # --force: every one made again
    after = documents(year)
    assert any(name.endswith(".pdf") for name in before)
    assert before == after, [name for name in before if before[name] != after.get(name)]


DROP_TAHUN = (lambda cell: setattr(cell, "source", cell.source.replace("tahun: int = 2022", "year = 2022")),
              "tidak mendefinisikan tahun")


@pytest.mark.parametrize("edit, expected", [
    DROP_TAHUN,
    (lambda cell: setattr(cell, "source", cell.source.replace("mask_personal: bool = False", "")
                          .replace("targets: dict[str, float] = {}", "")),
     "tidak mendefinisikan targets, mask_personal"),
    (lambda cell: cell.metadata.update(tags=[]), "tidak punya sel bertag 'parameters'"),
])
def test_a_custom_notebook_missing_parameters_is_named(tmp_path, edit, expected):
    from ipasn.errors import ParamsError
    from ipasn.report.batch.notebook_params import check_notebooks
    from ipasn.report.batch.params import load_params

    folder = _project(tmp_path / "p", edit)
    with pytest.raises(ParamsError, match=re.escape(expected)) as caught:
        check_notebooks(load_params(folder / "run.yaml"))
    assert "notebooks.unit" in str(caught.value) and "analis.ipynb" in str(caught.value)


def test_ipasn_run_refuses_such_a_notebook_before_any_work(tmp_path):
    folder = _project(tmp_path / "p", DROP_TAHUN[0])
    result = _run(folder)
    assert result.returncode == 2, result.stdout + result.stderr
    assert DROP_TAHUN[1] in result.stderr and "Traceback" not in result.stderr
    assert not (folder / "out").exists() or not list((folder / "out").rglob("*.html"))


def _declared(name: str) -> dict[str, str]:
    """name -> comment, read from the parameters cell of a shipped notebook."""
    cell = nbformat.read(ROOT / "notebooks" / name, as_version=4).cells
    source = next(c.source for c in cell if "parameters" in c.metadata.get("tags", []))
    return dict(re.findall(r"^(\w+): [^=]+ = .*?  # (.+)$", source, flags=re.M))


@pytest.mark.parametrize("name", SHIPPED)
def test_help_notebook_lists_every_parameter_with_type_and_description(name):
    declared = _declared(name)
    assert {"data", "tahun", "rules"} <= set(declared)
    result = subprocess.run([sys.executable, "-m", "papermill", "--help-notebook", str(ROOT / "notebooks" / name)],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stderr
    listed = re.sub(r"\s+", " ", result.stdout)
    for parameter, comment in declared.items():
        assert re.search(rf"\b{parameter}: [\w\[\], ]+ \(default ", listed), parameter
        assert re.sub(r"\s+", " ", comment) in listed, parameter
    assert "Unable to parse" not in result.stdout + result.stderr


@pytest.mark.parametrize("kind, name", [("unit", "unit_report.ipynb"), ("instansi", "instansi_report.ipynb")])
def test_what_ipasn_run_passes_papermill_takes_without_warnings(kind, name, caplog):
    from papermill.iorw import load_notebook_node
    from papermill.parameterize import parameterize_notebook

    params = RunParams(instansi="X", tahun=[2022])
    parameters = job_parameters(params, 2022, "Dinas X" if kind == "unit" else None)
    notebook = load_notebook_node(str(ROOT / "notebooks" / name))  # as papermill reads it
    with caplog.at_level(logging.WARNING, logger="papermill"):
        parameterize_notebook(notebook, parameters)
    assert not caplog.records, [r.getMessage() for r in caplog.records]
    assert set(parameters) <= set(_declared(name))


def test_papermill_with_a_params_file_using_the_run_definition_keys(tmp_path):
    """`papermill -f params.yaml`: the keys a run definition shares with the notebook mean the same."""
    (tmp_path / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    shared = {"instansi": "Instansi Berkas Parameter", "tahun": 2022, "data": str(tmp_path / "data.xlsx"),
              "rules": "perbkn-8-2019", "targets": {"ip_asn": 71, "kinerja": 25}, "unit": UNIT}
    (tmp_path / "params.yaml").write_text(yaml.safe_dump(shared, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out.ipynb"
    result = subprocess.run(
        [sys.executable, "-m", "papermill", str(ROOT / "notebooks" / "unit_report.ipynb"), str(out),
         "-f", str(tmp_path / "params.yaml"), "--cwd", str(tmp_path), "--no-progress-bar"],
        capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, result.stderr[-3000:]
    assert "Passed unknown parameter" not in result.stderr and "Unable to parse" not in result.stderr
    assert not re.search(r"^WARNING:papermill|papermill.*WARNING", result.stderr, flags=re.M), result.stderr
    executed = nbformat.read(out, as_version=4)
    html = "".join(o.get("data", {}).get("text/html", "") for c in executed.cells for o in c.get("outputs", []))
    assert "Instansi Berkas Parameter" in html and UNIT in html
    # The headline is the one of this data, unit and targets (not of the demo data, the default).
    from ipasn.report import notebook as nb

    expected = nb.headline(nb.report_data(data=shared["data"], tahun=2022, unit=UNIT),
                           nb.Targets.of(shared["targets"])).data
    assert expected in html


def test_the_documented_nbval_command_tests_a_custom_notebook(tmp_path):
    """README: `pytest --nbval-lax my.ipynb` runs every cell on its defaults and fails on an error."""
    (tmp_path / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    own_data = (lambda cell: setattr(cell, "source", cell.source.replace(
        'data: str = "demo"', 'data: str = "data.xlsx"').replace('"Dinas Kesehatan"', f'"{UNIT}"')))
    good = _custom_notebook(tmp_path / "unit_saya.ipynb", own_data)
    bad = nbformat.read(good, as_version=4)
    bad.cells.append(nbformat.v4.new_code_cell("report.scores['kolom_yang_tidak_ada']"))
    nbformat.write(bad, tmp_path / "rusak.ipynb")
    result = subprocess.run([sys.executable, "-m", "pytest", "--nbval-lax", "-p", "no:cacheprovider", "-q",
                             "unit_saya.ipynb", "rusak.ipynb"], cwd=tmp_path, capture_output=True, text=True,
                            timeout=600)
    assert result.returncode == 1, result.stdout[-3000:]
    summary = result.stdout.strip().splitlines()[-1]
    assert re.search(r"1 failed, \d+ passed", summary), summary
    assert "rusak.ipynb" in result.stdout and "KeyError" in result.stdout


def test_nb_api_is_documented_with_examples():
    from ipasn.report import notebook as nb

    for name in nb.__all__:
        assert (getattr(nb, name).__doc__ or "").strip(), f"nb.{name} has no docstring"
    buffer = io.StringIO()
    sys_stdout, sys.stdout = sys.stdout, buffer
    try:
        help(nb.table)
    finally:
        sys.stdout = sys_stdout
    assert "Example" in buffer.getvalue() and "decimal comma" in buffer.getvalue()
    for name in ("report_data", "save_excel", "missing_items"):
        assert "Example" in getattr(nb, name).__doc__, name


def test_importing_the_notebook_api_chooses_no_matplotlib_backend():
    """Outside a kernel nothing is forced (charts draw on Figure objects); a kernel gets the inline one."""
    code = ("import matplotlib\nfrom ipasn.report import notebook as nb\n"
            "from ipasn.report.content.charts import _figure\n"
            "fig, ax = _figure()\nax.bar(['a'], [1])\n"
            "print(matplotlib.get_backend(auto_select=False), nb.to_svg(fig).data.count('<svg'))")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=300,
                            env={**__import__("os").environ, "MPLBACKEND": ""})
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["None", "1"]


def test_outputs_a_static_document_cannot_show_are_replaced_by_a_visible_note():
    from ipasn.report.document.render import notebook_html

    new = nbformat.v4
    notebook = new.new_notebook(cells=[new.new_code_cell("", outputs=[
        new.new_output("display_data", data={"application/vnd.plotly.v1+json": {"data": []}}),
        new.new_output("display_data", data={"application/javascript": "alert(1)", "text/plain": "Slider(3)"}),
        new.new_output("stream", name="stdout", text="dicetak oleh sel"),
        new.new_output("display_data", data={"image/png": "iVBORw0KGgo=", "text/plain": "<Figure>"}),
    ])])
    html = notebook_html(notebook, "judul", "kaki")
    assert "tidak dapat ditampilkan di dokumen statis (jenis: application/vnd.plotly.v1+json)" in html
    assert "alert(1)" not in html and "Slider(3)" in html and "(JavaScript atau widget) tidak berjalan" in html
    assert "dicetak oleh sel" in html and 'src="data:image/png;base64,iVBORw0KGgo="' in html
    assert notebook.cells[0].outputs[0]["data"] == {"application/vnd.plotly.v1+json": {"data": []}}  # kept


def test_tables_speak_indonesian_and_say_what_they_leave_out():
    import pandas as pd

    from ipasn.report import notebook as nb

    frame = pd.DataFrame({"unit": ["A", "B", None], "rata": [61.2, float("nan"), 1234.567],
                          "jumlah": [1200, 3, 4], "lengkap": [True, False, True],
                          "tanggal": pd.to_datetime(["2022-12-31", "2023-01-05", None])}, index=[7, 3, 9])
    html = nb.table(frame, decimals=1).data
    assert '<td class="angka">61,2</td>' in html and '<td class="angka">1.234,6</td>' in html
    assert '<td class="angka">1.200</td>' in html and html.count("<td") == 15  # no row numbers
    assert "<td>–</td>" in html.replace(' class=""', "") and ">ya<" in html and "31 Desember 2022" in html
    grouped = frame.groupby("unit")["jumlah"].sum()
    assert "<th class=\"\">unit</th>" in nb.table(grouped).data  # the index of a groupby is data
    long = nb.table(pd.DataFrame({"x": range(30)}), max_rows=10).data
    assert long.count("<tr>") == 11 and "Ditampilkan 10 baris pertama dari 30" in long
