"""The run lock's reader side (verify): it leaves a folder that does not exist alone."""

from __future__ import annotations

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
