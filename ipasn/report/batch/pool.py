"""Executors for the batch: the local process pool, and running a list of jobs on any executor."""

from __future__ import annotations

import contextlib
import multiprocessing
import multiprocessing.connection
import os
import time
from collections.abc import Callable
from concurrent.futures import Executor, ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from ipasn.errors import ParamsError
from ipasn.report.document.job import Job, JobError, JobResult
from ipasn.report.document.run import run_job, warm_up
from ipasn.report.lifetime import init_worker, stops_ignored


def default_jobs() -> int:
    """Worker processes when --jobs is not given: IPASN_JOBS if set (a shared server, a test suite
    that already keeps every core busy), otherwise the cores this process may use."""
    given = os.environ.get("IPASN_JOBS", "").strip()
    if given:
        if not given.isdigit() or int(given) < 1:
            raise ParamsError(f"IPASN_JOBS={given!r}: beri bilangan bulat 1 atau lebih (jumlah proses)")
        return int(given)
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1)


class WorkerPool(ProcessPoolExecutor):
    """The local process pool. Leaving its `with` block normally waits for the queued jobs; leaving
    it by an exception (Ctrl-C, SIGTERM: `lifetime.Stopped`) stops the workers at once instead."""

    STOP_GRACE = 5.0  # seconds for a worker to kill its browser and zygote before it is killed

    def __init__(self, workers: int, **kwargs) -> None:
        super().__init__(max_workers=workers, **kwargs)
        self.workers = workers

    def warm_up(self, formats: tuple[str, ...] = ()) -> None:
        """Let every worker start its kernel zygote and PDF engine (and import what the run's
        `formats` need) now, while the parent prepares."""
        for _ in range(self.workers):
            self.submit(warm_up, tuple(formats))

    def __exit__(self, exc_type, exc, tb) -> bool:
        if exc_type is None:
            try:
                self.shutdown(wait=True)
            except BaseException:  # stopped while waiting for the workers: stop them, do not leave them
                self.stop()
                raise
        else:
            self.stop()
        return False

    def stop(self) -> None:
        """Cancel what has not started; SIGTERM every worker (each kills what it started and exits,
        see lifetime.stop_worker), SIGKILL any still there after STOP_GRACE. The pool's own thread
        reaps them."""
        with stops_ignored():  # a second Ctrl-C must not break off the waits below
            self._stop()

    def _stop(self) -> None:
        processes = list((self._processes or {}).values())  # private, but the only handle on the workers
        manager = self._executor_manager_thread  # private too; taken now, as shutdown() forgets it
        self.shutdown(wait=False, cancel_futures=True)
        for process in processes:
            with contextlib.suppress(OSError, ValueError):
                process.terminate()
        if not _wait_ended(processes, self.STOP_GRACE):
            for process in processes:
                with contextlib.suppress(OSError, ValueError):
                    process.kill()
            _wait_ended(processes, self.STOP_GRACE)
        # Let the pool's own thread finish (it closes its wake-up pipe) before the interpreter exits:
        # otherwise Python 3.11's exit hook may write to that pipe while it is being closed and print
        # a traceback after "Dihentikan." or a refused run (a race in concurrent.futures: _python_exit
        # against _ThreadWakeup.close).
        if manager is not None:
            manager.join(timeout=self.STOP_GRACE)


def _wait_ended(processes: list, timeout: float) -> bool:
    """Wait until every process has ended (its sentinel is ready; reaping is left to the pool)."""
    deadline = time.monotonic() + timeout
    sentinels = []
    for process in processes:
        with contextlib.suppress(ValueError):  # a closed process object: already reaped
            sentinels.append(process.sentinel)
    while sentinels:
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return False
        ready = multiprocessing.connection.wait(sentinels, timeout=remaining)
        sentinels = [s for s in sentinels if s not in ready]
    return True


def local_executor(workers: int) -> Executor:
    # Processes, never threads: papermill and matplotlib are not thread-safe. Spawn: no inherited state.
    return WorkerPool(workers, mp_context=multiprocessing.get_context("spawn"),
                      initializer=init_worker, initargs=(os.getpid(),))


def execute_jobs(jobs: list[Job], make_executor: Callable[[], Executor],
                 progress: Callable[[JobResult], None] = lambda r: None,
                 executor: Executor | None = None,
                 meanwhile: Callable[[], None] = lambda: None) -> dict[str, JobResult]:
    """Run every job (on `executor` if given, else on a new one). A crashed worker breaks its pool;
    the jobs it took down are retried once, each in its own worker, so only the culprit fails.
    `meanwhile` runs in this process once every job is handed out, before waiting for the first."""
    results: dict[str, JobResult] = {}
    if not jobs:
        meanwhile()
        return results
    crashed: list[Job] = []
    # Largest documents first, so no big unit is left running alone at the end.
    jobs = sorted(jobs, key=lambda j: (-j.weight, j.key))
    with contextlib.nullcontext(executor) if executor is not None else make_executor() as executor:
        futures = {executor.submit(run_job, job): job for job in jobs}
        meanwhile()
        for future in as_completed(futures):
            job = futures[future]
            try:
                result = future.result()
            except BrokenProcessPool:
                crashed.append(job)
                continue
            except Exception as exc:  # noqa: BLE001 - e.g. a lost dask worker: that job fails
                result = JobResult.failed(job.key, JobError.of(exc))
            results[job.key] = result
            progress(result)
    for job in sorted(crashed, key=lambda j: j.key):
        with make_executor() as executor:
            try:
                result = executor.submit(run_job, job).result()
            except Exception as exc:  # noqa: BLE001
                result = JobResult.failed(job.key, JobError(
                    "WorkerCrash", f"proses pekerja berhenti mendadak ({type(exc).__name__})"))
        results[job.key] = result
        progress(result)
    return results
