"""Executed notebook -> standalone HTML (code hidden) -> A4 PDF, without new interpreters.

HTML uses nbconvert's `basic` template (cells only) inside ipasn's own small, print-ready page, so
the same document reads well on screen and on A4. PDF: a persistent headless Chromium per worker
process (`ipasn/report/document/chromium.py`) when the `chromium` package is installed, else WeasyPrint
in-process (about five times slower on long tables). IPASN_PDF_ENGINE=weasyprint or =chromium
chooses; the manifest records which engine (and version) made the PDFs.
"""

from __future__ import annotations

import contextlib
import html
import logging
import os
import re
from functools import lru_cache
from importlib import resources
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import nbformat

PDF_METADATA_DATE = "2000-01-01"
SOURCE_DATE_EPOCH = "946684800"  # 2000-01-01T00:00:00Z


@lru_cache(maxsize=1)
def html_exporter():
    """The HTML exporter every document is rendered with, built once per process."""
    from nbconvert import HTMLExporter
    from nbconvert.exporters.templateexporter import TemplateExporter
    from nbconvert.filters.highlight import Highlight2HTML
    from nbconvert.filters.widgetsdatatypefilter import WidgetsDataTypeFilter

    class ReportExporter(HTMLExporter):
        """nbconvert's HTMLExporter without its last step, a BeautifulSoup parse and re-serialisation
        of the whole page (to add alt text to images and tabindex to cells): 0.7 s on a unit of
        1,000 employees, for nothing a printed report uses. Alt text is added below instead.

        An owned copy of nbconvert's `HTMLExporter.from_notebook_node`: pyproject bounds nbconvert and
        tests/report/test_upstream.py fails when the upstream method changes."""

        def from_notebook_node(self, nb, resources=None, **kw):
            langinfo = nb.metadata.get("language_info", {})
            lexer = langinfo.get("pygments_lexer", langinfo.get("name", None))
            self.register_filter("highlight_code", self.filters.get(
                "highlight_code", Highlight2HTML(pygments_lexer=lexer, parent=self)))
            resources = self._init_resources(resources)
            self.register_filter("filter_data_type", WidgetsDataTypeFilter(
                notebook_metadata=self._nb_metadata, parent=self, resources=resources))
            return TemplateExporter.from_notebook_node(self, nb, resources, **kw)

    # No heading anchor links: the template writes them as `<a ... />`, which HTML does not close.
    return ReportExporter(template_name="basic", exclude_input=True, exclude_input_prompt=True,
                          exclude_output_prompt=True, exclude_anchor_links=True)


_IMG_WITHOUT_ALT = re.compile(r"<img(?![^>]*\balt=)")


@lru_cache(maxsize=1)
def stylesheet() -> str:
    return (resources.files("ipasn") / "templates" / "report.css").read_text(encoding="utf-8")


@lru_cache(maxsize=1)
def page_controls() -> str:
    """The style and script that make long tables sortable and filterable and the index pages
    searchable in a browser (`templates/halaman.js`); inert in the PDF, which is printed with
    JavaScript off, and hidden in print."""
    folder = resources.files("ipasn") / "templates"
    script = (folder / "halaman.js").read_text(encoding="utf-8")
    if "</" in script:  # would end the script element early
        raise ValueError("halaman.js must not contain '</'")
    return f"<style>\n{(folder / 'halaman.css').read_text(encoding='utf-8')}</style>\n<script>\n{script}</script>\n"


def _css_string(text: str) -> str:
    """A CSS string literal: quotes and backslashes escaped, no way to close the style element."""
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", " ").replace("<", "\\3c ")
    return f'"{escaped}"'


def notebook_html(notebook: nbformat.NotebookNode, title: str, footer: str) -> str:
    """A complete, self-contained HTML document of the notebook's outputs and markdown."""
    from ipasn.report.document.outputs import with_notes

    body, _ = html_exporter().from_notebook_node(with_notes(notebook))
    body = _IMG_WITHOUT_ALT.sub('<img alt="Grafik"', body)  # the charts (SVG images)
    return (
        "<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n"
        f"<title>{html.escape(title)}</title>\n"
        f"<meta name=\"dcterms.created\" content=\"{PDF_METADATA_DATE}\">\n"
        f"<meta name=\"generator\" content=\"ipasn\">\n"
        f"<style>\n{stylesheet()}\n@page {{ @bottom-left {{ content: {_css_string(footer)}; }} }}\n</style>\n"
        f"</head>\n<body>\n{body}\n"
        f"<p class=\"catatan-kaki\">{html.escape(footer)}</p>\n{page_controls()}</body>\n</html>\n"
    )


@contextlib.contextmanager
def _fixed_source_date():
    """fontTools stamps each embedded font subset with the time it was written unless
    SOURCE_DATE_EPOCH is set: fix it so a PDF's bytes depend on its content only."""
    before = os.environ.get("SOURCE_DATE_EPOCH")
    os.environ["SOURCE_DATE_EPOCH"] = SOURCE_DATE_EPOCH
    try:
        yield
    finally:
        if before is None:
            os.environ.pop("SOURCE_DATE_EPOCH", None)
        else:
            os.environ["SOURCE_DATE_EPOCH"] = before


@lru_cache(maxsize=1)
def pdf_engine() -> str:
    """"chromium" when installed (or asked for), else "weasyprint"."""
    from ipasn.report.document import chromium

    wanted = os.environ.get("IPASN_PDF_ENGINE", "").strip().lower()
    if wanted == "weasyprint":
        return "weasyprint"
    if wanted == "chromium" or chromium.executable() is not None:
        return "chromium"
    return "weasyprint"


def pdf_engine_version() -> str | None:
    """What the manifest records of the PDF engine (its version shapes the PDF bytes)."""
    if pdf_engine() == "chromium":
        from ipasn.report.document import chromium

        return chromium.version()
    from importlib import metadata

    return f"WeasyPrint {metadata.version('weasyprint')}"


def html_to_pdf(document: str) -> bytes:
    """A4 PDF of a complete HTML document, with the same bytes for the same document."""
    if pdf_engine() == "chromium":
        from ipasn.report.document import chromium

        return chromium.html_to_pdf(document)
    return weasyprint_pdf(document)


def weasyprint_pdf(document: str) -> bytes:
    """A4 PDF through WeasyPrint (Pango from Debian; no browser, no LaTeX)."""
    from weasyprint import HTML

    logging.getLogger("weasyprint").setLevel(logging.ERROR)
    logging.getLogger("fontTools").setLevel(logging.ERROR)
    with _fixed_source_date():
        return HTML(string=document, base_url=".").write_pdf(uncompressed_pdf=False)
