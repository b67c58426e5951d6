"""The run lock's reader side (verify): it leaves a folder that does not exist or is read-only alone."""

from __future__ import annotations

import os
import subprocess

import pytest

from ipasn.report.batch.runlock import LOCK_NAME, RunBusyError, run_lock


def test_a_reader_of_a_missing_folder_creates_nothing_and_a_run_creates_its_folder(tmp_path):
    missing = tmp_path / "tidak-ada" / "instansi"
    with run_lock(missing, shared=True):
        pass
    assert not (tmp_path / "tidak-ada").exists()  # verify then names the missing report folder itself
    with run_lock(missing):
        assert (missing / LOCK_NAME).is_file()


def test_an_exclusive_holder_refuses_a_reader(tmp_path):
    with run_lock(tmp_path), pytest.raises(RunBusyError, match="sedang dipakai oleh proses ipasn lain"):
        with run_lock(tmp_path, shared=True):
            pass


@pytest.fixture
def read_only(tmp_path):
    """`tmp_path/ro`: a read-only bind mount of `tmp_path/rw` (an archived copy an auditor verifies)."""
    writable, mounted = tmp_path / "rw", tmp_path / "ro"
    writable.mkdir()
    mounted.mkdir()
    if os.geteuid() != 0:
        pytest.skip("a read-only mount needs root")
    done = subprocess.run(["mount", "--bind", str(writable), str(mounted)], capture_output=True)
    if done.returncode != 0:
        pytest.skip(f"mount --bind: {done.stderr.decode(errors='replace').strip()}")
    try:
        subprocess.run(["mount", "-o", "remount,ro,bind", str(mounted)], check=True, capture_output=True)
        yield writable, mounted
    finally:
        subprocess.run(["umount", str(mounted)], check=True)


def test_a_reader_locks_a_read_only_copy_without_writing_to_it(read_only):
    writable, mounted = read_only
    with run_lock(mounted, shared=True):  # never locked: nothing to lock, nothing written
        pass
    assert list(writable.iterdir()) == []
    (writable / LOCK_NAME).write_bytes(b"")  # locked once before it was archived: locked read-only now
    with run_lock(writable), pytest.raises(RunBusyError):
        with run_lock(mounted, shared=True):
            pass
    with run_lock(mounted, shared=True), run_lock(writable, shared=True):
        pass
    with pytest.raises(OSError, match="Read-only"):  # a run there stops at once, naming it
        with run_lock(mounted / "baru"):
            pass
