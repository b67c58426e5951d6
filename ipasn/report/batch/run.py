"""`ipasn run`: under the folder lock, plan, reuse what still matches, execute the rest, finish."""

from __future__ import annotations

import threading
from collections.abc import Callable
from concurrent.futures import Executor, Future
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

    One run at a time per instansi folder: another live run's lock refuses this one (RunBusyError),
    or with `wait` this one waits for it (`waiting(who)` first)."""
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
        # The workbooks need the scores only: made here while the workers make the documents, instead
        # of after them with every worker idle (the plans of every unit take seconds in a province).
        workbooks = _beside(write_workbooks, prepared, previous, force)
        results.update(execute_jobs(to_run, make_executor, progress, executor=executor))
    indexes, manifests = finish(prepared, results, previous, run_file, complete=only is None, force=force,
                                workbooks=workbooks.result())
    return RunOutcome(prepared, results, indexes, manifests)


def _beside(work: Callable, *args) -> Future:
    """`work(*args)` on a thread of its own; its future gives the result or raises its error. A daemon
    thread: a stopped run exits without waiting for it (its files are written atomically)."""
    future: Future = Future()

    def body() -> None:
        try:
            future.set_result(work(*args))
        except BaseException as exc:  # noqa: BLE001 - handed to whoever waits for the result
            future.set_exception(exc)

    threading.Thread(target=body, name="ipasn-buku-kerja", daemon=True).start()
    return future
