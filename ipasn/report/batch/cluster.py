"""`ipasn run --scheduler tcp://HOST:8786`: the same report jobs on a dask.distributed cluster.

The batch code is the one the local process pool uses (`ipasn.report.batch.pool.execute_jobs`); only the
executor differs: dask's `Client.get_executor()`, which runs `run_job(job)` on a worker and sends the
JobResult back. `run_job` is pickled by reference and `Job` is a plain frozen dataclass of paths,
strings and numbers, so every worker needs ipasn importable (the same code, see below), nothing else.

What a cluster must provide (README, "Running on a dask cluster"):

- Shared storage. The machine that runs `ipasn run` scores the data and writes each job's input
  bundle under the run's output folder; workers read that bundle and the notebook template from the
  absolute paths in the Job and write the documents next to it. Every worker must see the same files
  at the same absolute paths (one NFS/Lustre/CephFS mount, mounted at the same place everywhere).
- One thread per worker process: `dask worker ADDRESS --nthreads 1 --nworkers N`. Papermill is not
  thread-safe (it changes the process's working directory while a notebook runs), nor is the
  worker's kernel zygote, which answers one request at a time. Workers with more threads are refused
  when connecting; a worker that joins later with more threads still runs one document at a time
  (a per-process lock), it only wastes its other threads.
- The same ipasn code and the same versions of the packages that shape a document as the machine that
  runs `ipasn run`, or the manifest would describe documents made by different code. Checked when
  connecting.

Kernels on workers: a dask worker runs each task in a thread of a (by default daemonic) process that
the nanny started. Daemonic processes may not start multiprocessing children, but the kernel zygote
is an ordinary subprocess, so fork-started kernels work there exactly as in the local pool. Each
worker's zygote is started when connecting, from the worker's main (event-loop) thread, so it is
warm for the first document and lives as long as the worker process; a zygote that cannot start
leaves that worker on ordinary kernels (`kernels.kernel_manager()` returns None), and
IPASN_PLAIN_KERNELS=1 in the workers' environment asks for ordinary kernels.
"""

from __future__ import annotations

import socket
import threading
import uuid
from concurrent.futures import Executor, Future, ThreadPoolExecutor
from concurrent.futures import TimeoutError as FuturesTimeoutError

from ipasn.errors import ClusterError

__all__ = ["ClusterError", "cluster_executor", "dask_client", "describe_workers", "run_on_worker"]

# Seconds to reach the scheduler and to see at least one worker.
CONNECT_TIMEOUT = 10.0
# Seconds for every worker to report its code and start its kernel zygote (slow on a busy worker).
PREPARE_TIMEOUT = 120.0
INSTALL_HINT = "pip install 'ipasn[dask]'"
WORKER_HINT = "dask worker {address} --nthreads 1 --nworkers N"


# ---------------------------------------------------------------------------------------------------
# Executed on the workers (pickled by reference: the workers import this module).

_ONE_AT_A_TIME = threading.Lock()


def run_on_worker(fn, job):
    """One document at a time per worker process, whatever its thread count (papermill changes the
    working directory; the zygote serves one request at a time). The bundle must be visible here:
    otherwise the worker does not share the run's storage, and the job says so by name."""
    from ipasn.report.document.job import JobError, JobResult

    bundle = job.work_dir / "bundle"
    if not bundle.is_dir():
        return JobResult.failed(job.key, JobError(
            "SharedStorageError",
            f"pekerja dask di {socket.gethostname()} tidak melihat {bundle}; semua pekerja harus "
            "melihat folder keluaran run pada path absolut yang sama"))
    with _ONE_AT_A_TIME:
        return fn(job)


def worker_identity() -> dict:
    """What must match the client: ipasn's version and source, and the packages that shape a document."""
    from ipasn import __version__
    from ipasn.report.audit import provenance

    return {"ipasn": __version__, "code": provenance.code_sha256(), "environment": provenance.environment()}


def warm_worker() -> str:
    """Start this worker's kernel zygote now (from the worker's main thread, which lives as long as
    the worker) so the first document does not wait for it. Returns which kernels the worker uses."""
    from ipasn.report.document import kernels

    # A zygote that cannot start is remembered: every document of this worker uses plain kernels.
    return "plain" if kernels.kernel_manager() is None else "zygote"


def prepare_worker() -> dict:
    """Run once per worker when connecting (client.run: in the worker's main thread)."""
    return {**worker_identity(), "kernels": warm_worker()}


# ---------------------------------------------------------------------------------------------------
# The client side.


class ClusterExecutor(Executor):
    """dask's `Client.get_executor()`, with every call guarded by `run_on_worker`."""

    def __init__(self, client) -> None:
        self._inner = client.get_executor()

    def submit(self, fn, /, *args, **kwargs) -> Future:
        if kwargs or len(args) != 1:
            raise TypeError("ClusterExecutor runs fn(job) only")
        # A readable task name on the dashboard: run_job-<random>.
        name = getattr(fn, "__name__", "job")
        return self._inner.submit(run_on_worker, fn, args[0], key=f"{name}-{uuid.uuid4().hex}")

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        self._inner.shutdown(wait=wait and not cancel_futures)  # dask cancels what is left when not waiting


def cluster_executor(client) -> Executor:
    return ClusterExecutor(client)


SHOWN_WORKERS = 8  # named in the summary; more are counted


def describe_workers(client) -> str:
    """The summary's "who ran the documents": the cluster's workers, by name, not the local --jobs."""
    try:
        try:
            workers = client.scheduler_info(n_workers=-1)["workers"]
        except TypeError:  # dask before the n_workers argument: always all of them
            workers = client.scheduler_info()["workers"]
    except Exception:  # noqa: BLE001 - the documents are made; only the summary lacks the names
        return "pekerja dask"
    names = sorted(str(info.get("name", address)) for address, info in workers.items())
    shown = ", ".join(names[:SHOWN_WORKERS]) + (", ..." if len(names) > SHOWN_WORKERS else "")
    return f"{len(names)} pekerja dask: {shown}"


def dask_client(address: str, timeout: float | None = None):
    """A Client connected to `address`, with at least one worker, all of them single-threaded and
    running the same ipasn as this process. Every failure is a ClusterError naming the address."""
    timeout = CONNECT_TIMEOUT if timeout is None else timeout
    try:
        from distributed import Client
    except ImportError as exc:
        raise ClusterError(f"--scheduler membutuhkan dask.distributed ({INSTALL_HINT}): {exc}") from None

    try:
        client = Client(address, timeout=timeout, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise ClusterError(f"tidak dapat terhubung ke penjadwal dask {address} dalam {timeout:g} detik: "
                           f"{type(exc).__name__}: {exc}") from None
    try:
        _check_workers(client, address, timeout)
    except BaseException:
        client.close()
        raise
    return client


def _check_workers(client, address: str, timeout: float) -> None:
    try:
        client.wait_for_workers(1, timeout=timeout)
    except (OSError, TimeoutError):
        raise ClusterError(f"penjadwal dask {address} tidak punya pekerja dalam {timeout:g} detik; jalankan "
                           f"'{WORKER_HINT.format(address=address)}'") from None
    threads = client.nthreads()
    multi = sorted(f"{worker} ({n} thread)" for worker, n in threads.items() if n != 1)
    if multi:
        raise ClusterError(f"pekerja dask harus berjalan dengan satu thread (papermill tidak aman untuk "
                           f"thread): {', '.join(multi)}; jalankan '{WORKER_HINT.format(address=address)}'")
    pool = ThreadPoolExecutor(2)
    try:
        mine = pool.submit(worker_identity)  # hashing ipasn's source here while the workers do the same
        theirs = pool.submit(client.run, prepare_worker)
        try:
            identities = theirs.result(timeout=PREPARE_TIMEOUT)
        except FuturesTimeoutError:
            raise ClusterError(f"pekerja dask {address} tidak menjawab dalam {PREPARE_TIMEOUT:g} detik") from None
        except Exception as exc:  # noqa: BLE001 - e.g. ipasn is not importable on a worker
            raise ClusterError(f"pekerja dask {address} tidak dapat menjalankan ipasn: {type(exc).__name__}: "
                               f"{exc}; pasang ipasn yang sama di semua pekerja") from None
        mine = mine.result()
    finally:
        pool.shutdown(wait=False)  # a worker that hangs is let go when the client closes
    identities = {worker: {k: v for k, v in identity.items() if k != "kernels"}
                  for worker, identity in identities.items()}
    differ = sorted(worker for worker, identity in identities.items() if identity != mine)
    if differ:
        detail = _difference(mine, identities[differ[0]])
        raise ClusterError(f"pekerja dask memakai kode atau paket yang berbeda dari mesin ini ({detail}): "
                           f"{', '.join(differ)}; pasang versi yang sama lalu mulai ulang pekerja")


def _difference(mine: dict, theirs: dict) -> str:
    if mine["ipasn"] != theirs["ipasn"]:
        return f"ipasn {theirs['ipasn']} ≠ {mine['ipasn']}"
    if mine["code"] != theirs["code"]:
        return "kode sumber ipasn berbeda"
    if mine["environment"]["python"] != theirs["environment"]["python"]:
        return f"python {theirs['environment']['python']} ≠ {mine['environment']['python']}"
    packages = [f"{name} {theirs['environment']['packages'].get(name)} ≠ {version}"
                for name, version in mine["environment"]["packages"].items()
                if theirs["environment"]["packages"].get(name) != version]
    if not packages and mine["environment"].get("pdf_engine") != theirs["environment"].get("pdf_engine"):
        engine = theirs["environment"].get("pdf_engine") or {}
        return f"mesin PDF {engine.get('version') or engine.get('name')} ≠ " \
               f"{(mine['environment'].get('pdf_engine') or {}).get('version')}"
    return ", ".join(packages) or "lingkungan berbeda"
