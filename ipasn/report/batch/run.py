"""`ipasn run`: under the folder lock, plan, reuse what still matches, execute the rest, finish."""

from __future__ import annotations

from collections.abc import Callable
from concurrent.futures import Executor
from pathlib import Path

from ipasn.report.audit import manifest as mf
from ipasn.report.audit.reuse import reusable
from ipasn.report.batch.finish import RunOutcome, finish, unchanged_run, write_workbooks
from ipasn.report.batch.params import RunParams
from ipasn.report.batch.notebook_params import check_notebooks
from ipasn.report.batch.plan import instansi_dir, prepare
from ipasn.report.batch.pool import WorkerPool, execute_jobs
from ipasn.report.batch.runlock import run_lock
from ipasn.report.document.job import JobResult

__all__ = ["RunOutcome", "run"]


def run(params: RunParams, make_executor: Callable[[], Executor], *, only: str | None = None,
        force: bool = False, run_file: Path | None = None,
        progress: Callable[[JobResult], None] = lambda r: None,
        planned: Callable[[int], None] = lambda n: None,
        wait: bool = False, waiting: Callable[[str], None] = lambda who: None) -> RunOutcome:
    """Prepare, reuse what still matches the manifest, execute the rest, then index and manifest.

    One run at a time per instansi folder, and none while a verify reads it: their lock refuses this
    run (RunBusyError), or with `wait` this one waits for it (`waiting(who)` first)."""
    with run_lock(instansi_dir(params), wait=wait, waiting=waiting):
        return _run(params, make_executor, only=only, force=force, run_file=run_file, progress=progress,
                    planned=planned)


def _run(params: RunParams, make_executor: Callable[[], Executor], *, only: str | None, force: bool,
         run_file: Path | None, progress: Callable[[JobResult], None],
         planned: Callable[[int], None]) -> RunOutcome:
    check_notebooks(params)  # before workers start and data is read: fails in a moment
    if not force and only is None:
        outcome = unchanged_run(params, run_file)
        if outcome is not None:
            planned(0)
            return outcome
    with make_executor() as executor:
        if isinstance(executor, WorkerPool):
            executor.warm_up(tuple(params.formats))  # zygotes, PDF engines start while this process scores
        prepared = prepare(params, only=only)
        previous = {t: mf.read_manifest(prepared.year_dir(t)) for t in prepared.results}
        results: dict[str, JobResult] = {}
        to_run = []
        for job in prepared.jobs:
            reused = None if force else reusable(job, prepared.fingerprints[job.key], previous[job.tahun])
            if reused is not None:
                results[job.key] = reused
            else:
                to_run.append(job)
        planned(len(to_run))
        # The workbooks need the scores only: written while the workers make the documents (after every
        # job is handed out, before waiting for the first), not after them with every worker idle.
        # An error writing them is raised once the documents are done, as before; a stop is at once.
        workbooks, failed = {}, []

        def write() -> None:
            try:
                workbooks.update(write_workbooks(prepared, previous, force))
            except Exception as exc:  # noqa: BLE001 - raised below, after the documents
                failed.append(exc)

        results.update(execute_jobs(to_run, make_executor, progress, executor=executor, meanwhile=write))
    if failed:
        raise failed[0]
    indexes, manifests = finish(prepared, results, previous, run_file, complete=only is None, force=force,
                                workbooks=workbooks or None)
    return RunOutcome(prepared, results, indexes, manifests)
