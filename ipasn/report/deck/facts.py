"""What a deck shows, computed once from a document's data by the reports' own functions.

Nothing here computes a number a second way: the tables are `present`'s text frames (the HTML
report's very cells), the charts take the numbers those frames were formatted from.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass, field

import pandas as pd

from ipasn.report.content import analysis as an
from ipasn.report.content import narrative as nr
from ipasn.report.content import present
from ipasn.report.content import present_plan as pp
from ipasn.report.content.data import ReportData
from ipasn.report.content.dokumen import Dokumen, Pembanding
from ipasn.report.content.targets import Targets
from ipasn.scoring.summary import summarise


@dataclass(frozen=True)
class DeckSettings:
    """What the run says about a deck beyond its data: names, targets, the front and back."""

    instansi: str
    targets: Targets = field(default_factory=Targets)
    dokumen: Dokumen = field(default_factory=Dokumen)  # logo, penandatangan, pembanding (as the documents)
    footer: str = ""  # provenance, as on every page of the PDF


@dataclass(frozen=True)
class PlanFacts:
    """The plan to reach the target: its sentence and its steps, as the documents show them."""

    sentence: str
    steps: pd.DataFrame  # present_plan.steps_frame; empty when no step


@dataclass(frozen=True)
class Gains:
    """Upaya: per item, the PNS who miss it and the mean rise of IP ASN; now and at best."""

    table: pd.DataFrame  # analysis.indicator_gains
    text: pd.DataFrame  # present.gains_frame
    current: float
    best: float


@dataclass(frozen=True)
class Facts:
    report: ReportData
    settings: DeckSettings
    whole: pd.Series  # summarise(by=None): the scope's one row
    dims: pd.DataFrame  # analysis.dimension_table
    target_text: pd.DataFrame
    analysis_text: pd.DataFrame
    detail_note: str  # said under competence-based tables when the numbers are BKN's
    competence_text: pd.DataFrame | None  # None: BKN's numbers without an export
    categories: pd.Series  # PNS per category
    category_text: pd.DataFrame
    gains: Gains | None  # None: BKN's numbers without an export, no indicators to rank
    narrative: list[str] = field(default_factory=list)  # narrative.sentences, as the documents open
    comparison_text: pd.DataFrame | None = None  # present.comparison_frame: the year's pembanding
    plan: PlanFacts | None = None  # None: BKN's numbers without an export, no indicators to train
    ranking: pd.DataFrame | None = None  # instansi only: present.ranked_units
    ranking_text: pd.DataFrame | None = None
    references: list[Pembanding] = field(default_factory=list)  # the year's pembanding: lines in the ranking chart

    @property
    def scope(self) -> str:
        """Who the deck is about: the unit and its instansi, or the instansi."""
        unit = self.report.unit
        return f"{unit} — {self.settings.instansi}" if unit is not None else self.settings.instansi


def facts(report: ReportData, settings: DeckSettings) -> Facts:
    targets = settings.targets
    analysis_text, note = present.analysis_frame(report, targets)
    detail, _ = present.detail_scores(report)
    gains = None
    if detail is not None and len(detail):
        items = an.improvement_items(detail, report.rules)
        table = an.indicator_gains(detail, items)
        gains = Gains(table, present.gains_frame(table), float(detail["ip_asn"].mean()),
                      float(an.potential(detail, items).mean()))
    plan = None
    if detail is not None:
        steps = pp.plan(report, targets)  # the documents' own plan of this scope
        plan = PlanFacts(pp.plan_sentence(steps, report.rules), pp.steps_frame(steps, report.rules))
    instansi = report.unit is None
    whole = summarise(report, by=None).iloc[0]
    return Facts(
        report, settings, whole,
        an.dimension_table(report.scores, report.rules, targets), present.target_frame(report, targets),
        analysis_text, _text(note), present.competence_frame(report)[0], present.category_counts(report),
        present.category_frame(report), gains,
        narrative=nr.sentences(report, targets, settings.dokumen),
        comparison_text=present.comparison_frame(report, whole["ip_asn"], settings.dokumen),
        plan=plan,
        ranking=present.ranked_units(report) if instansi else None,
        ranking_text=present.unit_ranking_frame(report) if instansi else None,
        references=list(settings.dokumen.pembanding_of(report.period.tahun)),
    )


def _text(note: str) -> str:
    """A note of `present` without its HTML paragraph."""
    return html.unescape(re.sub(r"<[^>]+>", "", note)).strip()
