"""Nothing that `ipasn run` starts outlives it, however it is stopped.

The process tree of a local run: the `ipasn` process; its pool workers; in each worker a kernel
zygote (which forks one kernel per document) and a headless Chromium (with its own helpers). Two
mechanisms keep that tree from outliving its root:

- The parent-death signal (Linux `prctl(PR_SET_PDEATHSIG)`): every process ipasn starts asks the
  kernel for a signal when the process that started it dies, however it died (SIGKILL included).
  Workers ask for SIGTERM, which they answer by killing what they started (`stop_worker`); the
  zygote, the kernels and the browser ask for SIGKILL. Chromium's own helpers (its zygotes,
  renderers, network service and crashpad handlers) exit by themselves when their browser is gone,
  and each browser leads its own process group, which is killed with it.
- A clean stop: SIGINT, SIGTERM and SIGHUP in the `ipasn` process raise `Stopped` (a
  KeyboardInterrupt), so the code unwinds as on Ctrl-C; the worker pool then sends SIGTERM to its
  workers instead of letting them finish the queue, and the CLI exits with 128 + the signal.

The death signal is tied to the thread that started the child, so ipasn starts its children from
long-lived threads (the main thread of the `ipasn` process and of each worker).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import signal
import sys
import threading
from collections.abc import Callable, Iterator

PR_SET_PDEATHSIG = 1
# Loaded now, not in a child between fork and exec, where importing or loading a library is unsafe.
_PRCTL = None
if sys.platform.startswith("linux"):
    try:
        _PRCTL = ctypes.CDLL(None, use_errno=True).prctl
    except (OSError, AttributeError):
        _PRCTL = None

STOP_SIGNALS = tuple(getattr(signal, name) for name in ("SIGINT", "SIGTERM", "SIGHUP") if hasattr(signal, name))


def die_with_parent(parent: int, signum: int = getattr(signal, "SIGKILL", 9)) -> None:
    """In a child process: receive `signum` when `parent` (the process that started this one) dies.

    Safe between fork and exec (no import, no allocation that matters). If the parent is already
    gone (it died between fork and this call, so the kernel will never send the signal), the
    signal is sent now. Elsewhere than on Linux this does nothing."""
    if _PRCTL is None:
        return
    _PRCTL(PR_SET_PDEATHSIG, int(signum), 0, 0, 0)
    if os.getppid() != parent:
        os.kill(os.getpid(), signum)


# --- in a worker process ---------------------------------------------------------------------------

_on_stop: list[Callable[[], None]] = []


def at_stop(kill: Callable[[], None]) -> None:
    """Register what a worker must kill at once when it is stopped (its browser, its kernel zygote)."""
    _on_stop.append(kill)


def stop_worker(signum: int, frame=None) -> None:  # noqa: ARG001 - a signal handler
    """A worker's SIGTERM (from the pool, or the parent-death signal): kill what it started, then
    exit at once. Not SystemExit: the pool's worker loop would catch it and carry on."""
    for kill in reversed(_on_stop):
        with contextlib.suppress(Exception):
            kill()
    os._exit(128 + signum)


def init_worker(parent: int) -> None:
    """A pool worker's initializer: quiet, deaf to the terminal's signals (the parent decides when
    workers stop), stopped cleanly by SIGTERM, and sent SIGTERM when the parent dies."""
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 2)  # kernels inherit stderr; their start-up chatter is not for the terminal
    os.close(devnull)
    for signum in STOP_SIGNALS:
        if signum != signal.SIGTERM:
            signal.signal(signum, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, stop_worker)
    die_with_parent(parent, signal.SIGTERM)


# --- in the `ipasn` process ------------------------------------------------------------------------


class Stopped(KeyboardInterrupt):
    """The run was asked to stop by a signal; the CLI exits with 128 + `signum`."""

    def __init__(self, signum: int) -> None:
        super().__init__(signal.Signals(signum).name)
        self.signum = signum


def _raise_stopped(signum: int, frame) -> None:  # noqa: ARG001 - a signal handler
    # Stop once: while the stop unwinds (bounded: see WorkerPool.stop), further signals are ignored.
    for other in STOP_SIGNALS:
        signal.signal(other, signal.SIG_IGN)
    raise Stopped(signum)


@contextlib.contextmanager
def stop_on_signals() -> Iterator[None]:
    """SIGINT, SIGTERM and SIGHUP raise `Stopped` in the main thread; the old handlers come back after."""
    with _stop_signals_handled_by(_raise_stopped):
        yield


@contextlib.contextmanager
def stops_ignored() -> Iterator[None]:
    """For a stop already under way: a further Ctrl-C or SIGTERM would break off a wait that must end
    (and Python 3.11 then takes the awaited thread for ended, and hangs at exit waiting for it)."""
    with _stop_signals_handled_by(signal.SIG_IGN):
        yield


@contextlib.contextmanager
def _stop_signals_handled_by(handler) -> Iterator[None]:
    """`handler` for every stop signal during the block, then the old ones (main thread only: the
    only one Python lets set them, and the one they interrupt)."""
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {signum: signal.signal(signum, handler) for signum in STOP_SIGNALS}
    try:
        yield
    finally:
        for signum, old in previous.items():
            signal.signal(signum, old)


def exit_status(stop: KeyboardInterrupt) -> int:
    """128 + the signal, as a shell reports a process killed by it: 130 for Ctrl-C, 143 for SIGTERM."""
    return 128 + getattr(stop, "signum", signal.SIGINT)
