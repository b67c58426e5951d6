"""Fresh kernels in milliseconds: fork them from a warm, pre-imported parent ("zygote").

Starting a Python kernel and importing pandas, matplotlib and ipasn costs about 1.9 s of CPU per
document, more than the notebook's own work. Each worker process keeps one zygote: a Python process
that has imported ipykernel and everything the report notebooks import, and nothing else. For each
document it forks; the child becomes a brand-new ipykernel on the connection file jupyter_client wrote.
The child shares no state with any other document's kernel: it starts from the same clean snapshot
every time, so each document still gets a fresh kernel. Where fork is unavailable (or
IPASN_PLAIN_KERNELS=1), kernels start the ordinary way.
"""

from __future__ import annotations

import atexit
import contextlib
import json
import os
import signal
import subprocess
import sys
import time
from queue import Empty

from jupyter_client.blocking.client import BlockingKernelClient
from jupyter_client.manager import KernelManager

from ipasn.errors import KernelError
from ipasn.report.lifetime import at_stop

PLAIN = os.environ.get("IPASN_PLAIN_KERNELS") == "1" or not hasattr(os, "fork")
# Everything the report notebooks import, loaded once in the zygote.
WARM_IMPORTS = "ipasn.report.notebook"


class ForkedProcess:
    """The Popen interface jupyter_client needs, for a kernel that is the zygote's child.

    The zygote reaps its children itself, so a finished kernel simply stops existing."""

    stdin = stdout = stderr = None

    def __init__(self, pid: int) -> None:
        self.pid = pid
        self.returncode: int | None = None

    def poll(self) -> int | None:
        if self.returncode is None:
            try:
                os.kill(self.pid, 0)
            except ProcessLookupError:
                self.returncode = 0
        return self.returncode

    def wait(self, timeout: float | None = None) -> int:
        deadline = None if timeout is None else time.monotonic() + timeout
        while self.poll() is None:
            if deadline is not None and time.monotonic() > deadline:
                raise subprocess.TimeoutExpired(str(self.pid), timeout)
            time.sleep(0.005)
        return self.returncode

    def send_signal(self, signum: int) -> None:
        try:
            os.kill(self.pid, signum)
        except ProcessLookupError:
            pass

    def kill(self) -> None:
        self.send_signal(signal.SIGKILL)

    def terminate(self) -> None:
        self.send_signal(signal.SIGTERM)


class Zygote:
    """A warm parent process that forks kernels on request (one per worker process)."""

    def __init__(self) -> None:
        """Start the zygote; it imports in the background until the first `fork` waits for it."""
        self.process = subprocess.Popen(
            [sys.executable, "-m", "ipasn.report.document.zygote", str(os.getpid()), WARM_IMPORTS],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, text=True, bufsize=1)
        self.ready = False
        atexit.register(self.close)

    def wait_ready(self) -> None:
        if not self.ready:
            answer = self.process.stdout.readline().strip()
            if answer != "ready":
                self.close()
                raise KernelError(f"zygote kernel tidak berhasil dimulai (jawabannya: {answer!r})")
            self.ready = True

    def fork(self, connection_file: str, cwd: str) -> int:
        self.wait_ready()
        self.process.stdin.write(json.dumps({"connection_file": connection_file, "cwd": cwd}) + "\n")
        self.process.stdin.flush()
        answer = self.process.stdout.readline().strip()
        if not answer.isdigit():
            raise KernelError(f"zygote kernel tidak berhasil membuat kernel (jawabannya: {answer!r})")
        return int(answer)

    def alive(self) -> bool:
        return self.process.poll() is None

    def close(self) -> None:
        """At once: the zygote keeps nothing worth an orderly exit (a third of a second of interpreter
        teardown at the end of every run), and its kernels die with it by their death signal."""
        if self.process.poll() is None:
            self.process.kill()
            with contextlib.suppress(subprocess.TimeoutExpired):
                self.process.wait(timeout=5)
        for stream in (self.process.stdin, self.process.stdout):
            with contextlib.suppress(OSError):
                stream.close()


_zygote: Zygote | None = None


def zygote(wait: bool = True) -> Zygote:
    """This worker's zygote, started if needed; `wait=False` returns while it is still importing."""
    global _zygote
    if _zygote is None or not _zygote.alive():
        _zygote = Zygote()
    if wait:
        _zygote.wait_ready()
    return _zygote


def _kill_zygote() -> None:
    """When the worker is stopped: the zygote at once (its kernels die with it, by their death signal)."""
    if _zygote is not None:
        _zygote.close()


at_stop(_kill_zygote)


def start_zygote() -> None:
    """Begin warming this worker's zygote now (e.g. while the parent process prepares the data)."""
    if not PLAIN:
        try:
            zygote(wait=False)
        except OSError:
            pass


class ReadyClient(BlockingKernelClient):
    """jupyter_client's client, without the idle wait at the end of `wait_for_ready`.

    jupyter_client (8.x) returns from `wait_for_ready` only after IOPub has been silent for 0.2 s,
    to throw away the status messages of its kernel_info request: 0.2 s of nothing per document.
    nbclient matches every IOPub message to the request it made, so stray ones are harmless; here
    they are drained without waiting. An owned copy of jupyter_client's `_async_wait_for_ready`:
    pyproject bounds jupyter_client and tests/report/test_upstream.py fails when the upstream method changes.
    """

    def wait_for_ready(self, timeout: float | None = None) -> None:
        deadline = time.monotonic() + (float("inf") if timeout is None else timeout)
        while True:
            self.kernel_info()
            try:
                msg = self.shell_channel.get_msg(timeout=1)
            except Empty:
                pass
            else:
                if msg["msg_type"] == "kernel_info_reply":
                    try:  # IOPub connected? (its subscription can lag behind the shell socket)
                        self.iopub_channel.get_msg(timeout=1)
                    except Empty:
                        pass
                    else:
                        self._handle_kernel_info_reply(msg)
                        break
            if not self.is_alive():
                raise KernelError("kernel berhenti sebelum menjawab kernel_info")
            if time.monotonic() > deadline:
                raise KernelError(f"kernel tidak menjawab dalam {timeout} detik")
        while True:
            try:
                self.iopub_channel.get_msg(timeout=0)
            except Empty:
                break


class ForkedKernelManager(KernelManager):
    """A KernelManager whose kernel process is forked by the worker's zygote (overrides jupyter_client's
    private `_async_launch_kernel`; watched by tests/report/test_upstream.py)."""

    client_class = "ipasn.report.document.kernels.ReadyClient"

    async def _async_launch_kernel(self, kernel_cmd: list[str], **kw) -> None:
        cwd = str(kw.get("cwd") or os.getcwd())
        pid = zygote().fork(self.connection_file, cwd)
        provisioner = self.provisioner
        provisioner.process = ForkedProcess(pid)
        provisioner.pid = pid
        provisioner.pgid = pid  # the child leads its own process group
        provisioner.cwd = cwd
        self._reconcile_connection_info(provisioner.connection_info)


_refused = False  # a zygote of this worker could not start: later documents do not try again


def kernel_manager() -> KernelManager | None:
    """A manager for the next document's kernel, or None to let papermill start one normally."""
    global _refused
    if PLAIN or _refused:
        return None
    try:
        zygote()
    except (OSError, KernelError):
        _refused = True
        return None
    return ForkedKernelManager(kernel_name="python3")
