"""`ipasn run --scheduler`: a real `dask scheduler` and two `dask worker` processes on 127.0.0.1 give
the same bytes as a local run; the connection refuses what would give wrong documents."""

from __future__ import annotations

import json
import os
import pickle
import shutil
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import pytest
from click.testing import CliRunner

from ipasn.demo.contract import make_demo
from ipasn.export.xlsx import workbook_bytes
from tests.report.audit_project import documents

distributed = pytest.importorskip("distributed")

ROOT = Path(__file__).resolve().parents[2]
IPASN = [sys.executable, "-m", "ipasn.cli"]
DASK = str(Path(sys.executable).with_name("dask"))
RUN_YAML = ("instansi: Instansi Klaster\ntahun: 2022\ndata: data.xlsx\ntargets: {ip_asn: 75}\n"
            "formats: [html, pdf]\noutput: out\nnotebooks: {unit: unit.ipynb}\n")
# Loopback only; the HTTP endpoints (health, metrics) listen even with --no-dashboard, so pin them too.
LOOPBACK = ["--host", "127.0.0.1", "--no-dashboard", "--dashboard-address", "127.0.0.1:0"]
START_TIMEOUT = 60
RUN_TIMEOUT = 180


def _make_project(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "data.xlsx").write_bytes(workbook_bytes(make_demo(units=2, employees=16, seed=5)))
    shutil.copy(ROOT / "notebooks" / "unit_report.ipynb", folder / "unit.ipynb")
    (folder / "run.yaml").write_text(RUN_YAML, encoding="utf-8")
    return folder


def _year(folder: Path) -> Path:
    return folder / "out" / "instansi-klaster" / "2022"


def _stop(processes: list[subprocess.Popen], grace: float = 15) -> None:
    """SIGTERM to all (the dask CLIs shut their workers and kernels down), then SIGKILL whatever is
    left of each session this test created: nanny children, zygotes, kernels."""
    for process in processes:
        if process.poll() is None:
            process.terminate()
    deadline = time.monotonic() + grace
    for process in processes:
        try:
            process.wait(timeout=max(0.1, deadline - time.monotonic()))
        except subprocess.TimeoutExpired:
            pass
    for process in processes:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            pass


def _logs(folder: Path) -> str:
    return "\n".join(f"--- {log.name}\n{log.read_text(errors='replace')[-3000:]}" for log in sorted(folder.glob("*.log")))


@pytest.fixture(scope="module")
def scheduler(tmp_path_factory):
    """A real `dask scheduler` and two single-threaded `dask worker` processes, all on 127.0.0.1.
    Everything started here is stopped here, whatever the test did."""
    folder = tmp_path_factory.mktemp("dask")
    scheduler_file = folder / "scheduler.json"
    started: list[subprocess.Popen] = []

    def start(name: str, *args: str) -> None:
        log = open(folder / f"{name}.log", "wb")  # noqa: SIM115 - closed below
        try:
            started.append(subprocess.Popen([DASK, *args], stdout=log, stderr=subprocess.STDOUT,
                                            stdin=subprocess.DEVNULL, start_new_session=True, cwd=folder))
        finally:
            log.close()

    try:
        # --idle-timeout and --death-timeout: a safety net should this process die without cleaning up.
        start("scheduler", "scheduler", "--port", "0", "--scheduler-file", str(scheduler_file),
              "--idle-timeout", "600s", *LOOPBACK)
        deadline = time.monotonic() + START_TIMEOUT
        while not scheduler_file.is_file() or not scheduler_file.read_text().strip():
            assert started[0].poll() is None, "dask scheduler stopped:\n" + _logs(folder)
            assert time.monotonic() < deadline, "dask scheduler did not start:\n" + _logs(folder)
            time.sleep(0.2)
        address = json.loads(scheduler_file.read_text())["address"]
        assert address.startswith("tcp://127.0.0.1:"), address
        for name in ("w1", "w2"):
            start(name, "worker", address, "--name", name, "--nthreads", "1", "--nworkers", "1",
                  "--local-directory", str(folder / name), "--death-timeout", "60s", *LOOPBACK)
        with distributed.Client(address, timeout=START_TIMEOUT, set_as_default=False) as client:
            try:
                client.wait_for_workers(2, timeout=START_TIMEOUT)
            except (TimeoutError, OSError):
                pytest.fail("the dask workers did not join:\n" + _logs(folder))
        yield address, folder
    finally:
        _stop(started[1:])  # the workers first: without their scheduler they take longer to stop
        _stop(started[:1])


def test_cluster_run_gives_the_same_bytes_as_a_local_run(scheduler, tmp_path):
    address, logs = scheduler
    remote = _make_project(tmp_path / "dask")
    local = _make_project(tmp_path / "local")

    # The local run alongside the cluster run: each one's serial parts overlap the other's notebooks.
    local_run = subprocess.Popen([*IPASN, "run", str(local / "run.yaml"), "--jobs", "2", "--no-progress"],
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        # --jobs 1: only the scheduler's workers may run documents in parallel.
        ran = subprocess.run([*IPASN, "run", str(remote / "run.yaml"), "--scheduler", address, "--jobs", "1",
                              "--no-progress"], capture_output=True, text=True, timeout=RUN_TIMEOUT)
        _, local_err = local_run.communicate(timeout=RUN_TIMEOUT)
    finally:
        if local_run.poll() is None:
            local_run.kill()
            local_run.wait(timeout=10)
    assert local_run.returncode == 0, local_err
    assert ran.returncode == 0, ran.stdout + ran.stderr + _logs(logs)
    assert "3 dokumen dibuat, 0 dipakai ulang, 0 gagal" in ran.stdout
    assert "2 pekerja dask: w1, w2)." in ran.stdout, ran.stdout  # the cluster's workers, not --jobs 1
    assert "proses)" not in ran.stdout
    assert "Traceback" not in ran.stderr

    # The workers, not this machine's process pool, ran the three documents, each warm zygote-forked
    # kernels unless the environment asks for plain ones.
    def status(dask_worker):
        from ipasn.report.document import kernels

        return {"executed": dask_worker.state.executed_count,
                "zygote": kernels._zygote is not None and kernels._zygote.alive()}

    def prefixes(dask_scheduler):
        return {name: dict(prefix.state_counts) for name, prefix in dask_scheduler.task_prefixes.items()}

    with distributed.Client(address, timeout=30, set_as_default=False) as client:
        workers = client.run(status)
        tasks = client.run_on_scheduler(prefixes)
    assert len(workers) == 2
    assert sum(w["executed"] for w in workers.values()) == 3, workers
    if os.environ.get("IPASN_PLAIN_KERNELS") != "1":
        assert all(w["zygote"] for w in workers.values()), workers
    assert "run_job" in tasks, tasks

    a, b = documents(_year(remote)), documents(_year(local))
    expected = {"index.html", "instansi.html", "instansi.pdf", "instansi.ipynb", "skor-ipasn-2022-data-pribadi.xlsx"}
    assert expected <= set(a)
    assert sum(name.startswith("units/") for name in a) == 2 * 3
    assert set(a) == set(b)
    assert a == b, [name for name in a if a[name] != b[name]]
    manifest = json.loads((_year(remote) / "manifest.json").read_text(encoding="utf-8"))
    assert {entry["status"] for entry in manifest["documents"].values()} == {"ok"}


def test_unreachable_scheduler_is_one_clear_message(tmp_path, monkeypatch):
    from ipasn.cli import main
    from ipasn.report.batch import cluster

    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    address = f"tcp://127.0.0.1:{port}"
    monkeypatch.setattr(cluster, "CONNECT_TIMEOUT", 1.0)
    project = _make_project(tmp_path / "p")
    started = time.monotonic()
    result = CliRunner().invoke(main, ["run", str(project / "run.yaml"), "--scheduler", address, "--no-progress"])
    assert time.monotonic() - started < 30
    assert result.exit_code == 2, result.output
    assert f"Galat: tidak dapat terhubung ke penjadwal dask {address}" in result.output
    assert "Traceback" not in result.output
    assert not (project / "out").exists(), "nothing is prepared before the cluster is reachable"


def test_workers_with_more_than_one_thread_are_refused():
    from ipasn.report.batch.cluster import ClusterError, dask_client

    with distributed.LocalCluster(n_workers=1, threads_per_worker=2, processes=False, dashboard_address=None,
                                  protocol="inproc") as cluster:
        with pytest.raises(ClusterError, match="satu thread") as refused:
            dask_client(cluster.scheduler_address, timeout=10)
    assert "--nthreads 1" in str(refused.value)


def test_jobs_travel_by_value_and_a_worker_without_the_shared_folder_says_so(tmp_path):
    from ipasn.report.batch.cluster import run_on_worker
    from ipasn.report.document.job import Job, notebook_template
    from ipasn.report.document.run import run_job

    job = Job(tahun=2022, unit="Dinas A", slug="dinas-a", template=notebook_template("unit_report.ipynb"),
              year_dir=tmp_path / "tidak-dibagi" / "2022", parameters={"tahun": 2022}, title="t", footer="f")
    assert pickle.loads(pickle.dumps(job)) == job
    assert pickle.loads(pickle.dumps(run_job)) is run_job  # by reference: the workers import ipasn
    result = run_on_worker(run_job, job)
    assert result.status == "failed" and result.error.name == "SharedStorageError"
    assert str(job.work_dir / "bundle") in result.error.message
    assert not job.work_dir.exists(), "nothing is written where the run's files are not"
