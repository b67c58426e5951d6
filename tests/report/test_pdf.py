"""The PDF engines: a real headless Chromium (and WeasyPrint, the fallback) on a small report page."""

from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from ipasn.report.document import chromium
from ipasn.report.document.render import html_to_pdf, notebook_html, pdf_engine, weasyprint_pdf

needs_chromium = pytest.mark.skipif(chromium.executable() is None, reason="chromium is not installed")


def _page(rows: int = 40) -> str:
    import nbformat

    cells = "".join(f"<tr><td>1985031220090110{i:02d}</td><td>Pegawai &lt;{i}&gt;</td><td class=\"angka\">"
                    f"{i},5</td></tr>" for i in range(rows))
    table = ('<table class="tabel rinci"><thead><tr><th>NIP</th><th>Nama</th><th class="angka">IP ASN</th>'
             f"</tr></thead><tbody>{cells}</tbody></table>")
    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_markdown_cell("# Laporan Indeks Profesionalitas ASN"),
                      nbformat.v4.new_code_cell("", outputs=[nbformat.v4.new_output(
                          "display_data", data={"text/html": table})])]
    return notebook_html(notebook, "IP ASN 2022 — Uji", "ipasn · data sha256 0123456789ab")


def _text(pdf: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@needs_chromium
def test_chromium_is_the_engine_when_installed(monkeypatch):
    assert pdf_engine() == "chromium"
    assert chromium.version().startswith(("Chromium", "Google Chrome"))


@needs_chromium
def test_chromium_pdf_is_a4_with_footer_and_the_same_bytes_after_other_documents_and_from_a_new_browser():
    document = _page(120)
    chromium.browser().close()
    first = html_to_pdf(document)
    other = html_to_pdf(_page(7))  # the same tab renders another document in between
    assert html_to_pdf(document) == first != other
    chromium.browser().close()  # a brand-new browser process
    assert html_to_pdf(document) == first
    reader = PdfReader(io.BytesIO(first))
    assert len(reader.pages) >= 2
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (595, 842)  # A4 in points
    text = _text(first)
    assert "Laporan Indeks Profesionalitas ASN" in text and "Halaman 1 dari" in text
    assert "Pegawai <7>" in text and "data sha256 0123456789ab" in text
    assert b"/CreationDate (D:20000101000000" in first and b"/ModDate (D:20000101000000" in first


def test_dates_are_fixed_without_moving_any_offset():
    pdf = (b"%PDF-1.4\n1 0 obj\n<</Producer (Skia/PDF m156)\n/CreationDate (D:20261201195207+00'00')\n"
           b"/ModDate (D:20261201195207+07'00')>>\nendobj\n")
    fixed = chromium.deterministic(pdf)
    assert len(fixed) == len(pdf)
    assert b"(D:20000101000000+00'00')" in fixed and b"(D:20000101000000+07'00')" in fixed
    assert b"2026" not in fixed


@needs_chromium
def test_a_browser_that_died_is_replaced():
    dead = chromium.browser()
    dead.process.kill()
    # Wait on that browser, not on `chromium.browser()` again: once the killed one is reaped, that
    # call starts a new browser, which would be waited for forever.
    dead.process.wait(timeout=30)
    assert _text(html_to_pdf(_page(3))).count("Pegawai") == 3
    assert chromium.browser() is not dead and chromium.browser().alive()


def test_weasyprint_fallback_gives_the_same_content():
    pdf = weasyprint_pdf(_page(3))
    assert "Halaman 1 dari" in _text(pdf) and "Pegawai <2>" in _text(pdf)
