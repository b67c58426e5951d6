"""A document's deck as bytes: the slides of its kind, made from its data bundle, the same bytes on
every run."""

from __future__ import annotations

import datetime as dt
import io

from pptx import Presentation

from ipasn.report.content.data import ReportData
from ipasn.report.deck import shapes as sh
from ipasn.report.deck.facts import DeckSettings, facts
from ipasn.report.deck.slides import INSTANSI, UNIT, Slide
from ipasn.report.deck.stable import set_properties, stable_zip


def deck_bytes(report: ReportData, settings: DeckSettings, slides: tuple[Slide, ...] | None = None) -> bytes:
    """The deck of a unit's (report.unit set) or the instansi's report: `slides` in order (default:
    `slides.UNIT` or `slides.INSTANSI`), dated by the reference date, never the clock."""
    chosen = slides if slides is not None else (UNIT if report.unit is not None else INSTANSI)
    shown = facts(report, settings)
    prs = Presentation()
    prs.slide_width, prs.slide_height = sh.WIDTH, sh.HEIGHT
    for slide in chosen:
        slide(prs, shown)
    if settings.footer:
        for slide in list(prs.slides)[1:]:  # not on the cover
            sh.footer(slide, settings.footer)
    when = dt.datetime.combine(report.period.tanggal_acuan.date(), dt.time())
    set_properties(prs.core_properties, when, f"IP ASN {report.period.tahun} — {shown.scope}")
    buffer = io.BytesIO()
    prs.save(buffer)
    app = {"Application": "ipasn", "PresentationFormat": "Layar lebar (16:9)",
           "Slides": str(len(prs.slides)), "TotalTime": "0"}
    return stable_zip(buffer.getvalue(), when, app)
