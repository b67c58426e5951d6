"""The front and back of the documents: the cover, the foreword (kata pengantar) and the closing
signature block, as escaped HTML from a `Dokumen` (see dokumen.py)."""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

from IPython.display import HTML

from ipasn import fmt
from ipasn.report.content.data import ReportData
from ipasn.report.content.dokumen import DATA_URI, Dokumen, Penandatangan, logo_data_uri
from ipasn.report.content import present
from ipasn.report.content.markup import esc


def _logo(dokumen: Dokumen) -> str:
    if not dokumen.logo:
        return ""
    uri = dokumen.logo if dokumen.logo.startswith(DATA_URI) else logo_data_uri(Path(dokumen.logo))
    return f'<img class="logo" alt="Logo" src="{esc(uri)}">'


def cover(report: ReportData, instansi: str, dokumen: Mapping | Dokumen | None = None) -> HTML:
    """The cover page: logo (if any), title, year, the unit and the instansi, what the numbers are
    from. Printed on its own page: ``nb.cover(report, instansi, dokumen)``."""
    dokumen = Dokumen.of(dokumen)
    period = report.period
    scope = [f'<p class="sampul-unit">{esc(report.unit)}</p>'] if report.unit is not None else []
    said = present.numbers_source(report)
    official = [f'<p class="sumber-nilai">{esc(said)}</p>'] if said else []
    return HTML("\n".join(part for part in [
        '<section class="sampul">', _logo(dokumen),
        "<h1>Laporan Indeks Profesionalitas ASN</h1>",
        f'<p class="sampul-tahun">Tahun {period.tahun}</p>', *scope,
        f'<p class="lingkup">{esc(instansi)}</p>',
        f'<p class="keterangan">{esc(present.basis(report))}</p>', *official,
        "</section>",
    ] if part))


def markdown_html(text: str) -> str:
    """Markdown as HTML through mistune (nbconvert's own renderer); raw HTML in the text is escaped."""
    import mistune

    return mistune.create_markdown(escape=True, plugins=["strikethrough", "table"])(text)


def foreword(dokumen: Mapping | Dokumen | None = None) -> HTML | None:
    """The foreword (kata pengantar) on its own page, or nothing: ``nb.foreword(dokumen)``."""
    dokumen = Dokumen.of(dokumen)
    if not (dokumen.kata_pengantar or "").strip():
        return None
    return HTML(f'<section class="pengantar"><h2>Kata Pengantar</h2>\n{markdown_html(dokumen.kata_pengantar)}'
                "</section>")


def place_and_date(signer: Penandatangan) -> str:
    """"Banjarbaru, 3 Januari 2024"; either part alone when the other is not given."""
    parts = [signer.kota, fmt.date(signer.tanggal) if signer.tanggal else None]
    return ", ".join(p for p in parts if p)


def signature(dokumen: Mapping | Dokumen | None = None) -> HTML | None:
    """The closing block: place and date, position, (room to sign), name and NIP; nothing without
    `penandatangan`: ``nb.signature(dokumen)``."""
    signer = Dokumen.of(dokumen).penandatangan
    if signer is None:
        return None
    lines = [f"<p>{esc(place_and_date(signer))}</p>" if place_and_date(signer) else "",
             f'<p class="jabatan">{esc(signer.jabatan)}</p>', '<div class="ruang-tanda-tangan"></div>',
             f'<p class="nama">{esc(signer.nama)}</p>',
             f"<p>NIP {esc(signer.nip)}</p>" if signer.nip else ""]
    return HTML('<section class="penutup"><div class="tanda-tangan">' + "".join(lines) + "</div></section>")
