"""Running one job: execute its notebook, render HTML and PDF (and the deck), and say how it went
as a JobResult.

`warm_up` starts what the first job would otherwise wait for (a kernel zygote, the PDF engine).
"""

from __future__ import annotations

import time
import traceback

from ipasn.files import write_bytes, write_text
from ipasn.report.document.job import Job, JobError, JobResult


def warm_up(formats: tuple[str, ...] = ()) -> None:
    """In a worker, before its first job: import papermill and nbconvert, start the kernel zygote
    (it keeps importing in the background), the PDF engine when the run makes PDFs, and for decks
    python-pptx. Any failure here is left to the jobs to report."""
    try:
        from ipasn.report.document import execute  # noqa: F401 - papermill
        from ipasn.report.document import render  # noqa: F401 - papermill, nbformat, nbconvert
        from ipasn.report.document.kernels import start_zygote

        start_zygote()
        render.html_exporter()
        if "pdf" in formats and render.pdf_engine() == "chromium":
            from ipasn.report.document import chromium

            chromium.browser()
        if "pptx" in formats:
            from ipasn.report.document import deck  # noqa: F401 - python-pptx, lxml
    except Exception:  # noqa: BLE001, S110 - the first job starts whatever is missing and reports errors
        pass


def run_job(job: Job) -> JobResult:
    """Execute the notebook, then render HTML and PDF; every file is written atomically."""
    from ipasn.files import sha256_file as sha256
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
        if "pptx" in job.formats:  # from the same bundle the notebook read
            from ipasn.report.document.deck import job_deck

            write_bytes(job.output("pptx"), job_deck(job))
            documents[f"{job.relative_stem}.pptx"] = sha256(job.output("pptx"))
        return JobResult(job.key, "ok", time.perf_counter() - started, documents)
    except Exception as exc:  # noqa: BLE001 - reported per job, never raised into the batch
        return JobResult.failed(job.key, JobError.of(exc, str(exc) or traceback.format_exc(limit=1)),
                                time.perf_counter() - started, documents)
