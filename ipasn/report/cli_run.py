"""The console side of `ipasn run`: progress bar, summary table, exit status."""

from __future__ import annotations

import contextlib
from pathlib import Path

import click
from tqdm import tqdm

from ipasn import fmt
from ipasn.report.params import load_params
from ipasn.report.run import default_jobs, execute_jobs, finish, local_executor, prepare


def _executor_factory(jobs: int, scheduler: str | None):
    if scheduler is None:
        return (lambda: local_executor(jobs)), contextlib.nullcontext()
    from ipasn.report.cluster import dask_client

    client = dask_client(scheduler)
    return (lambda: contextlib.nullcontext(client.get_executor())), client


def run_reports(params_file: Path, jobs: int | None = None, only: str | None = None,
                scheduler: str | None = None, progress: bool = True) -> int:
    """Run the reports; print a summary; return the number of failed documents."""
    params = load_params(params_file)
    click.echo(f"Menyiapkan data: {params.data_path().name} (tahun {', '.join(map(str, params.tahun))})")
    prepared = prepare(params, only=only)
    workers = jobs or default_jobs()
    factory, owner = _executor_factory(workers, scheduler)
    bar = tqdm(total=len(prepared.jobs), desc="Laporan", unit="dok", disable=not progress, leave=False)
    with owner, bar:
        results = execute_jobs(prepared.jobs, factory, progress=lambda r: bar.update(1))
    indexes = finish(prepared, results)
    ok = [r for r in results.values() if r.status == "ok"]
    failed = [r for r in results.values() if r.status == "failed"]
    seconds = sum(r.seconds for r in results.values())
    click.echo(f"Selesai: {fmt.integer(len(ok))} dokumen dibuat, {fmt.integer(len(failed))} gagal "
               f"({fmt.number(seconds, 1)} detik kerja, {workers} proses).")
    for result in sorted(failed, key=lambda r: r.key):
        error = result.error or {}
        cell = f", sel {error['cell']}" if error.get("cell") is not None else ""
        click.echo(f"  GAGAL {result.key}: {error.get('name')}: {error.get('message')}{cell}", err=True)
    for index in indexes:
        click.echo(f"Indeks laporan: {index}")
    return len(failed)
