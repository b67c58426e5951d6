"""The local process pool's stop: nothing of the pool is left running when `stop()` returns."""

from __future__ import annotations

import concurrent.futures.process as futures_process
import time

from ipasn.report.batch.pool import local_executor


def test_stop_returns_only_after_the_pools_own_thread_has_ended():
    # If that thread is still closing its wake-up pipe when the interpreter exits, Python 3.11's exit
    # hook writes to the pipe as it closes and prints a traceback (seen in CI after a refused run).
    pool = local_executor(2)
    pool.submit(time.sleep, 60)
    pool.submit(time.sleep, 60)
    manager = pool._executor_manager_thread
    wakeup = futures_process._threads_wakeups[manager]
    pool.stop()
    assert not manager.is_alive()
    assert wakeup._closed  # the exit hook will not write to it
