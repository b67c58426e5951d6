"""Plan and run one report job per unit and per instansi, in worker processes (or on a dask cluster).

Each job has its own working folder and its own output paths; a job never raises: it returns a
JobResult, so one failing unit never stops the batch.
"""

from __future__ import annotations

import hashlib
import time
import traceback
from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path

from ipasn.files import write_bytes, write_text

UNIT_TEMPLATE = "unit_report.ipynb"
INSTANSI_TEMPLATE = "instansi_report.ipynb"


def notebook_template(name: str) -> Path:
    """The report notebooks: from the source tree's notebooks/ folder, else the installed copy."""
    source_tree = Path(__file__).resolve().parents[2] / "notebooks" / name
    if source_tree.is_file():
        return source_tree
    return Path(str(resources.files("ipasn") / "notebooks" / name))


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
        return f"{self.tahun}/{self.relative_stem}"

    @property
    def relative_stem(self) -> str:
        return f"units/{self.slug}" if self.unit is not None else "instansi"

    @property
    def work_dir(self) -> Path:
        return self.year_dir / "_kerja" / self.relative_stem

    def output(self, suffix: str) -> Path:
        return self.year_dir / f"{self.relative_stem}.{suffix}"

    def outputs(self) -> list[Path]:
        return [self.output("ipynb")] + [self.output(f) for f in self.formats]


@dataclass
class JobResult:
    key: str
    status: str  # ok, failed
    seconds: float
    documents: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    error: dict | None = None  # name, message, cell


def sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def warm_up() -> None:
    """In a worker, before its first job: import papermill and nbconvert, start the kernel zygote
    (it keeps importing in the background) and the PDF engine. Any failure here is left to the jobs
    to report."""
    try:
        from ipasn.report import execute, render  # noqa: F401 - papermill, nbformat, nbconvert
        from ipasn.report.kernels import start_zygote

        start_zygote()
        render._exporter()
        if render.pdf_engine() == "chromium":
            from ipasn.report import chromium

            chromium.browser()
    except Exception:  # noqa: BLE001, S110 - the first job starts whatever is missing and reports errors
        pass


def run_job(job: Job) -> JobResult:
    """Execute the notebook, then render HTML and PDF; every file is written atomically."""
    from ipasn.report.execute import execute
    from ipasn.report.render import html_to_pdf, notebook_html

    started = time.perf_counter()
    documents: dict[str, str] = {}
    try:
        job.work_dir.mkdir(parents=True, exist_ok=True)
        notebook, error = execute(job.template, job.parameters, job.work_dir, job.output("ipynb"))
        documents[f"{job.relative_stem}.ipynb"] = sha256(job.output("ipynb"))
        if error is not None:
            for stale in (job.output(f) for f in job.formats):
                stale.unlink(missing_ok=True)  # never leave last run's document beside a failure
            return JobResult(job.key, "failed", time.perf_counter() - started, documents,
                             {"name": error.name, "message": error.message, "cell": error.cell})
        document = notebook_html(notebook, job.title, job.footer)
        if "html" in job.formats:
            write_text(job.output("html"), document)
            documents[f"{job.relative_stem}.html"] = sha256(job.output("html"))
        if "pdf" in job.formats:
            write_bytes(job.output("pdf"), html_to_pdf(document))
            documents[f"{job.relative_stem}.pdf"] = sha256(job.output("pdf"))
        return JobResult(job.key, "ok", time.perf_counter() - started, documents)
    except Exception as exc:  # noqa: BLE001 - reported per job, never raised into the batch
        return JobResult(job.key, "failed", time.perf_counter() - started, documents,
                         {"name": type(exc).__name__, "message": str(exc) or traceback.format_exc(limit=1),
                          "cell": None})
