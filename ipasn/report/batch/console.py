"""The console side of `ipasn run`: progress bar, summary, exit status."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
from tqdm import tqdm

from ipasn import fmt
from ipasn.report.batch.params import load_params
from ipasn.report.batch.pool import default_jobs, local_executor
from ipasn.report.batch.run import RunOutcome, run


def executor_factory(jobs: int, scheduler: str | None):
    """(factory, owner, workers): the factory makes an executor per batch; the owner closes shared
    resources; workers() says what ran the documents, for the summary."""
    if scheduler is None:
        return (lambda: local_executor(jobs)), contextlib.nullcontext(), lambda: f"{jobs} proses"
    from ipasn.report.batch.cluster import cluster_executor, dask_client, describe_workers

    client = dask_client(scheduler)
    return (lambda: contextlib.nullcontext(cluster_executor(client))), client, lambda: describe_workers(client)


def print_outcome(outcome: RunOutcome, workers: str) -> None:
    results = outcome.results.values()
    seconds = sum(r.seconds for r in results)
    click.echo(f"Selesai: {fmt.integer(outcome.count('ok'))} dokumen dibuat, "
               f"{fmt.integer(outcome.count('reused'))} dipakai ulang, {fmt.integer(outcome.count('failed'))} "
               f"gagal ({fmt.number(seconds, 1)} detik kerja, {workers}).")
    for result in sorted((r for r in results if r.status == "failed"), key=lambda r: r.key):
        click.echo(f"  GAGAL {result.key}: {result.error}", err=True)
    for index in outcome.indexes:
        click.echo(f"Indeks laporan: {index}")


def waiting_message(who: str) -> None:
    """Said by `--wait` before it waits for the lock (run, verify)."""
    click.echo(f"Menunggu proses ipasn lain yang sedang memakai folder yang sama selesai ({who}) ...", err=True)


def run_reports(params_file: Path, jobs: int | None = None, only: str | None = None,
                scheduler: str | None = None, force: bool = False, progress: bool = True,
                wait: bool = False) -> int:
    """Run the reports; print a summary; return the number of failed documents."""
    params = load_params(params_file)
    click.echo(f"Menyiapkan data: {params.data_label} (tahun {', '.join(map(str, params.tahun))})")
    factory, owner, workers = executor_factory(jobs or default_jobs(), scheduler)
    bar = tqdm(total=0, desc="Laporan", unit="dok", disable=not progress, leave=False)

    def planned(n: int) -> None:
        bar.total = n
        bar.refresh()

    with owner, bar:
        outcome = run(params, factory, only=only, force=force, run_file=Path(params_file),
                      progress=lambda r: bar.update(1), planned=planned, wait=wait, waiting=waiting_message)
        ran_on = workers()
    print_outcome(outcome, ran_on)
    return outcome.count("failed")
