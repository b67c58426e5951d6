"""A batch document's deck: made in the job's worker from the bundle its notebook read."""

from __future__ import annotations

from ipasn.report.content.data import ReportData
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.content.targets import Targets
from ipasn.report.deck import DeckSettings, deck_bytes
from ipasn.report.document.job import Job


def job_deck(job: Job) -> bytes:
    """The deck of `job`: its bundle's data, and the run's names, targets and front and back (the
    notebook's own `dokumen` parameter, logo included), with its footer (provenance)."""
    report = ReportData.read(job.work_dir / "bundle")
    parameters = job.parameters
    settings = DeckSettings(parameters["instansi"], Targets.of(parameters.get("targets")),
                            Dokumen.of(parameters.get("dokumen")), job.footer)
    return deck_bytes(report, settings)
