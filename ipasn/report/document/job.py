"""One report job: a unit's or the instansi's document for one year, executed and rendered.

Each job has its own working folder and its own output paths; a job never raises: it returns a
JobResult, so one failing unit never stops the batch.
"""

from __future__ import annotations

import time
import traceback
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ipasn.files import write_bytes, write_text

UNIT_TEMPLATE = "unit_report.ipynb"
INSTANSI_TEMPLATE = "instansi_report.ipynb"
TEMPLATES = {"unit": UNIT_TEMPLATE, "instansi": INSTANSI_TEMPLATE}
INSTANSI = "instansi"  # the instansi document's file stem; no unit's slug is ever this


def notebook_template(name: str) -> Path:
    """ipasn's own report notebook `name`, shipped inside the package (`ipasn/notebooks/`; the
    repository's top-level `notebooks/` links to the same files, for analysts and JupyterLab)."""
    return Path(str(resources.files("ipasn") / "notebooks" / name))


def document_stem(slug: str | None) -> str:
    """A document's path without suffix inside its year folder: a unit's slug, or None for the instansi."""
    return f"units/{slug}" if slug is not None else INSTANSI


def job_key(tahun: int, slug: str | None) -> str:
    """The one spelling of a job's key: `<year>/<document stem>`."""
    return f"{tahun}/{document_stem(slug)}"


@dataclass(frozen=True)
class Job:
    """One document: a unit's (unit set) or the instansi's (unit None) report for one year."""

    tahun: int
    unit: str | None
    slug: str  # file stem, unique within the year
    template: Path
    year_dir: Path  # reports/<instansi>/<tahun>
    parameters: dict = field(hash=False, compare=False)
    formats: tuple[str, ...] = ("html", "pdf")
    title: str = ""
    footer: str = ""
    weight: int = field(default=0, compare=False)  # employees shown: how long the job will take

    @property
    def key(self) -> str:
        return job_key(self.tahun, self.slug if self.unit is not None else None)

    @property
    def relative_stem(self) -> str:
        return document_stem(self.slug if self.unit is not None else None)

    @property
    def work_dir(self) -> Path:
        return self.year_dir / "_kerja" / self.relative_stem

    def output(self, suffix: str) -> Path:
        return self.year_dir / f"{self.relative_stem}.{suffix}"

    def outputs(self) -> list[Path]:
        return [self.output("ipynb")] + [self.output(f) for f in self.formats]


@dataclass(frozen=True)
class JobError:
    """Why a document failed: the exception's name and message, and the notebook cell if one failed."""

    name: str
    message: str
    cell: int | None = None

    @classmethod
    def of(cls, exc: BaseException, message: str | None = None) -> JobError:
        return cls(type(exc).__name__, str(exc) if message is None else message)

    def to_dict(self) -> dict:
        """As the manifest records it."""
        return {"name": self.name, "message": self.message, "cell": self.cell}

    @classmethod
    def from_dict(cls, entry: dict | None) -> JobError | None:
        return None if not entry else cls(entry.get("name", ""), entry.get("message", ""), entry.get("cell"))

    def __str__(self) -> str:
        cell = f", sel {self.cell}" if self.cell is not None else ""
        return f"{self.name}: {self.message}{cell}"


@dataclass
class JobResult:
    key: str
    status: str  # ok, failed, reused
    seconds: float
    documents: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    error: JobError | None = None

    @classmethod
    def failed(cls, key: str, error: JobError, seconds: float = 0.0,
               documents: dict[str, str] | None = None) -> JobResult:
        return cls(key, "failed", seconds, dict(documents or {}), error)


def warm_up() -> None:
    """In a worker, before its first job: import papermill and nbconvert, start the kernel zygote
    (it keeps importing in the background) and the PDF engine. Any failure here is left to the jobs
    to report."""
    try:
        from ipasn.report.document import execute
        from ipasn.report.document import render  # noqa: F401 - papermill, nbformat, nbconvert
        from ipasn.report.document.kernels import start_zygote

        start_zygote()
        render._exporter()
        if render.pdf_engine() == "chromium":
            from ipasn.report.document import chromium

            chromium.browser()
    except Exception:  # noqa: BLE001, S110 - the first job starts whatever is missing and reports errors
        pass


def run_job(job: Job) -> JobResult:
    """Execute the notebook, then render HTML and PDF; every file is written atomically."""
    from ipasn.report.audit.provenance import sha256_file as sha256
    from ipasn.report.document.execute import execute
    from ipasn.report.document.render import html_to_pdf, notebook_html

    started = time.perf_counter()
    documents: dict[str, str] = {}
    try:
        job.work_dir.mkdir(parents=True, exist_ok=True)
        notebook, error = execute(job.template, job.parameters, job.work_dir, job.output("ipynb"))
        documents[f"{job.relative_stem}.ipynb"] = sha256(job.output("ipynb"))
        if error is not None:
            for stale in (job.output(f) for f in job.formats):
                stale.unlink(missing_ok=True)  # never leave last run's document beside a failure
            return JobResult.failed(job.key, error, time.perf_counter() - started, documents)
        document = notebook_html(notebook, job.title, job.footer)
        if "html" in job.formats:
            write_text(job.output("html"), document)
            documents[f"{job.relative_stem}.html"] = sha256(job.output("html"))
        if "pdf" in job.formats:
            write_bytes(job.output("pdf"), html_to_pdf(document))
            documents[f"{job.relative_stem}.pdf"] = sha256(job.output("pdf"))
        return JobResult(job.key, "ok", time.perf_counter() - started, documents)
    except Exception as exc:  # noqa: BLE001 - reported per job, never raised into the batch
        return JobResult.failed(job.key, JobError.of(exc, str(exc) or traceback.format_exc(limit=1)),
                                time.perf_counter() - started, documents)
