"""The HTML documents work as pages in a browser: long tables sort on a header click and filter as
one types, short ones stay as they are, and the script changes nothing in the PDF. Real headless
Chromium with JavaScript on (tests/report/browser.py); the document is built from a small notebook."""

from __future__ import annotations

import nbformat
import pandas as pd
import pytest

from ipasn.report.content.markup import table
from ipasn.report.document import chromium
from ipasn.report.document.render import notebook_html, page_controls
from tests.report.browser import Page

pytestmark = pytest.mark.skipif(chromium.executable() is None, reason="chromium is not installed")

UNITS = ("Dinas Kesehatan", "Dinas Pendidikan", "Badan Keuangan")
VALUES = ["61,20", "9,50", "100,00", "–", "1.250,00", "−3,10"]  # Indonesian numbers, one missing


def _long() -> pd.DataFrame:
    return pd.DataFrame({
        "NIP": [f"19850312200901{i:04d}" for i in range(30)],
        "Nama": [f"Pegawai {i:02d} <b>" for i in range(30)],
        "Unit kerja": [UNITS[i % 3] for i in range(30)],
        "Nilai": [VALUES[i % len(VALUES)] for i in range(30)],
    })


def _document() -> str:
    short = pd.DataFrame({"Dimensi": ["Kualifikasi", "Kinerja"], "Nilai": ["20,00", "25,00"]})
    html = (f'<div id="panjang">{table(_long(), css="rinci", numeric=("Nilai",))}</div>'
            f'<div id="pendek">{table(short, numeric=("Nilai",))}</div>')
    cell = nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
        "display_data", data={"text/html": html})])
    return notebook_html(nbformat.v4.new_notebook(cells=[cell]), "Uji halaman", "kaki halaman")


@pytest.fixture(scope="module")
def browser():
    started = chromium.Chromium(chromium.executable())
    yield started
    started.close()


@pytest.fixture(scope="module")
def document(tmp_path_factory) -> str:
    return _document()


@pytest.fixture
def page(browser, document, tmp_path) -> Page:
    path = tmp_path / "dokumen.html"
    path.write_text(document, encoding="utf-8")
    return Page(browser, path.as_uri())


def test_a_header_click_sorts_indonesian_numbers_as_numbers_with_empty_cells_last(page):
    page.click("#panjang th:nth-child(4)")
    values = [row[3] for row in page.rows("#panjang table")]
    assert values[:5] == ["−3,10", "−3,10", "−3,10", "−3,10", "−3,10"]
    assert values[5] == "9,50" and values[-6] == "1.250,00" and values[-5:] == ["–"] * 5
    assert page.js("document.querySelector('#panjang th:nth-child(4)').getAttribute('aria-sort')") == "ascending"
    page.click("#panjang th:nth-child(4)")
    values = [row[3] for row in page.rows("#panjang table")]
    assert values[0] == "1.250,00" and values[5] == "100,00" and values[-5:] == ["–"] * 5
    page.click("#panjang th:nth-child(2)")  # text: in Indonesian collation, 2 before 10
    assert page.rows("#panjang table")[0][1] == "Pegawai 00 <b>"


def test_typing_in_the_filter_leaves_the_matching_rows(page):
    page.type("#panjang .saring", "kesehatan")
    rows = page.rows("#panjang table")
    assert len(rows) == 10 and {row[2] for row in rows} == {"Dinas Kesehatan"}
    assert page.js("document.querySelector('#panjang .jumlah-baris').textContent") == "10 dari 30 baris"
    page.type("#panjang .saring", "198503122009010007")
    assert [row[1] for row in page.rows("#panjang table")] == ["Pegawai 07 <b>"]
    page.type("#panjang .saring", "")
    assert len(page.rows("#panjang table")) == 30


def test_a_short_table_gets_no_controls(page):
    assert page.js("document.querySelectorAll('.kendali').length") == 1
    assert page.js("document.querySelector('#pendek th').classList.contains('urutkan')") is False


def test_the_script_changes_nothing_in_the_pdf(document):
    """Printed with JavaScript off and the controls hidden in print: the same PDF bytes as without it."""
    assert page_controls() in document
    assert chromium.html_to_pdf(document) == chromium.html_to_pdf(document.replace(page_controls(), ""))
