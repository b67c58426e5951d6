"""A batch document's deck: made in the job's worker from the bundle its notebook read."""

from __future__ import annotations

from pathlib import Path

from ipasn.report.content.data import ReportData
from ipasn.report.content.targets import Targets
from ipasn.report.deck import DeckSettings, Signatory, deck_bytes
from ipasn.report.document.job import Job


def job_deck(job: Job) -> bytes:
    """The deck of `job`: its bundle's data, the run's names and targets, its footer (provenance)."""
    report = ReportData.read(job.work_dir / "bundle")
    logo = job.deck.get("logo")
    settings = DeckSettings(job.parameters["instansi"], Targets.of(job.parameters.get("targets")),
                            Signatory.of(job.deck.get("penandatangan")), Path(logo) if logo else None,
                            job.footer)
    return deck_bytes(report, settings)
