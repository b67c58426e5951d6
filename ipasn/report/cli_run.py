"""The console side of `ipasn run`: progress bar, summary, exit status."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
from tqdm import tqdm

from ipasn import fmt
from ipasn.report.params import load_params
from ipasn.report.run import RunOutcome, default_jobs, local_executor, run


def executor_factory(jobs: int, scheduler: str | None):
    """(factory, owner, workers): the factory makes an executor per batch; the owner closes shared
    resources; workers() says what ran the documents, for the summary."""
    if scheduler is None:
        return (lambda: local_executor(jobs)), contextlib.nullcontext(), lambda: f"{jobs} proses"
    from ipasn.report.cluster import cluster_executor, dask_client, describe_workers

    client = dask_client(scheduler)
    return (lambda: contextlib.nullcontext(cluster_executor(client))), client, lambda: describe_workers(client)


def print_outcome(outcome: RunOutcome, workers: str) -> None:
    results = outcome.results.values()
    seconds = sum(r.seconds for r in results)
    click.echo(f"Selesai: {fmt.integer(outcome.count('ok'))} dokumen dibuat, "
               f"{fmt.integer(outcome.count('reused'))} dipakai ulang, {fmt.integer(outcome.count('failed'))} "
               f"gagal ({fmt.number(seconds, 1)} detik kerja, {workers}).")
    for result in sorted((r for r in results if r.status == "failed"), key=lambda r: r.key):
        error = result.error or {}
        cell = f", sel {error['cell']}" if error.get("cell") is not None else ""
        click.echo(f"  GAGAL {result.key}: {error.get('name')}: {error.get('message')}{cell}", err=True)
    for index in outcome.indexes:
        click.echo(f"Indeks laporan: {index}")


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

    def waiting(who: str) -> None:
        click.echo(f"Menunggu run lain yang sedang menulis folder yang sama selesai ({who}) ...", err=True)

    with owner, bar:
        outcome = run(params, factory, only=only, force=force, run_file=Path(params_file),
                      progress=lambda r: bar.update(1), planned=planned, wait=wait, waiting=waiting)
        ran_on = workers()
    print_outcome(outcome, ran_on)
    return outcome.count("failed")
