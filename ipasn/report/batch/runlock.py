"""One `ipasn run` at a time per instansi folder (`<output>/<instansi>/`), and none while `ipasn verify`
reads one of its years (verify holds the lock shared: several may read at once).

The lock is `fcntl.flock` on `.ipasn-run.lock` in that folder: the kernel releases it when the
holding process ends, however it ends, so a dead run's lock file never blocks the next run. The
holder writes who it is into the file (pid, host, start time, command) so that a refused or waiting
run can name it. Only the `ipasn` process holds it (the descriptor is not inherited): its workers
die with it (lifetime.py). The file stays in place after the run: removing it would let two runs
lock two different files of the same name.

Without fcntl (Windows) there is no lock.
"""

from __future__ import annotations

import contextlib
import errno
import json
import os
import socket
import sys
import time
from collections.abc import Callable, Iterator
from pathlib import Path

from ipasn.errors import IpasnError

try:
    import fcntl
except ImportError:  # pragma: no cover - Windows
    fcntl = None

LOCK_NAME = ".ipasn-run.lock"


class RunBusyError(IpasnError):
    """Another live ipasn process holds the folder (a run writing it, or verify reading it). EX_TEMPFAIL:
    try again later (or use --wait)."""

    exit_code = 75


def holder(path: Path) -> str:
    """Who holds the lock, as the holder wrote it, for a message."""
    unknown = "proses yang tidak mencatat dirinya"  # not written yet, or not allowed to write the file
    try:
        record = json.loads(Path(path).read_text(encoding="utf-8"))
        pid, host = int(record["pid"]), str(record["host"])
        if host == socket.gethostname() and not _alive(pid):
            return unknown  # the record of an earlier holder
        return f"PID {pid} di {host}, mulai {record['started']}: {record['command']}"
    except (OSError, ValueError, KeyError, TypeError):
        return unknown


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _record() -> bytes:
    command = " ".join(["ipasn", *sys.argv[1:]]) if sys.argv else "ipasn"
    return json.dumps({"pid": os.getpid(), "host": socket.gethostname(),
                       "started": time.strftime("%Y-%m-%d %H:%M:%S"), "command": command},
                      ensure_ascii=False).encode("utf-8")


@contextlib.contextmanager
def run_lock(folder: Path, wait: bool = False, waiting: Callable[[str], None] = lambda who: None,
             shared: bool = False) -> Iterator[None]:
    """Hold the folder's lock for the block. Busy: RunBusyError naming the holder, or, with `wait`,
    `waiting(holder)` and then wait for it (Ctrl-C and SIGTERM still stop the waiting). `shared` (for
    readers: verify) excludes runs but not other readers, and never needs to write: a folder that is
    missing or read-only and was never locked is read without a lock (no run can be writing it)."""
    if fcntl is None:  # pragma: no cover
        yield
        return
    if not shared:
        folder.mkdir(parents=True, exist_ok=True)
    fd = _open(folder / LOCK_NAME, shared)
    if fd is None:
        yield
        return
    try:
        mode = fcntl.LOCK_SH if shared else fcntl.LOCK_EX
        try:
            fcntl.flock(fd, mode | fcntl.LOCK_NB)
        except BlockingIOError:
            who = holder(folder / LOCK_NAME)
            if not wait:
                raise RunBusyError(f"folder {folder} sedang dipakai oleh proses ipasn lain ({who}); tunggu sampai "
                                   "proses itu selesai, atau jalankan dengan --wait untuk menunggunya") from None
            waiting(who)
            fcntl.flock(fd, mode)
        record = _record()
        with contextlib.suppress(OSError):  # read-only: the record stays the earlier holder's (see holder)
            os.pwrite(fd, record, 0)
            os.ftruncate(fd, len(record))
        yield
    finally:
        os.close(fd)  # releases the lock


def _open(path: Path, shared: bool) -> int | None:
    """The lock file's descriptor (not inheritable), or None for a reader where there is nothing to lock."""
    try:
        return os.open(path, os.O_RDWR | os.O_CREAT, 0o666)  # as shared as the documents (umask)
    except FileNotFoundError:
        if shared:
            return None  # no such folder: the reader says so itself
        raise
    except OSError as exc:
        # Not ours to write: another user's lock file, or (for a reader) a read-only copy. A run on a
        # read-only file system stops here, naming it.
        if not (isinstance(exc, PermissionError) or (shared and exc.errno == errno.EROFS)):
            raise
    try:
        return os.open(path, os.O_RDONLY)  # lockable all the same
    except FileNotFoundError:
        if shared:
            return None  # never locked, and no run can create the file here to write the folder
        raise
