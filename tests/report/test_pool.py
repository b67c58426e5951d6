"""The local process pool's stop: nothing of the pool is left running when `stop()` returns."""

from __future__ import annotations

import concurrent.futures.process as futures_process
import contextlib
import os
import signal
import subprocess
import sys
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


STOPPED_WHILE_SHUTTING_DOWN = """
import time
from ipasn.report.batch.pool import local_executor
from ipasn.report.lifetime import Stopped, stop_on_signals

with stop_on_signals():
    try:
        with local_executor(2) as pool:
            pool.submit(time.sleep, 120)
            pool.submit(time.sleep, 120)
            print("leaving", flush=True)
    except Stopped:
        print("stopped", flush=True)
"""


def test_a_stop_while_the_pool_waits_for_its_workers_stops_them_and_the_process_ends():
    # Leaving the pool's block normally waits for its workers; a SIGTERM then must stop them. Before,
    # the process printed its stop and then hung at exit (Python 3.11 took the interrupted pool thread
    # for ended) with both workers alive.
    process = subprocess.Popen([sys.executable, "-c", STOPPED_WHILE_SHUTTING_DOWN], stdout=subprocess.PIPE,
                               stderr=subprocess.PIPE, text=True, start_new_session=True)
    try:
        assert process.stdout.readline() == "leaving\n"
        time.sleep(1.0)  # in shutdown(wait=True) by now
        process.send_signal(signal.SIGTERM)
        stdout, stderr = process.communicate(timeout=60)  # a hang, not a speed: the stop takes seconds
    finally:
        with contextlib.suppress(ProcessLookupError):
            os.killpg(process.pid, signal.SIGKILL)
    assert stdout == "stopped\n" and process.returncode == 0, stderr
    assert "Traceback" not in stderr
