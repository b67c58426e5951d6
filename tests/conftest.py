"""Suite-wide settings: one process per `ipasn run`, and the longest test files first.

`make test` runs three pytest workers on this project's two cores (`-n 3 --dist loadfile
--no-loadscope-reorder`): an end-to-end test spends much of its time waiting on the processes it
started (a run's worker, its kernel, the browser, a signal or a lock), and with two workers the cores
were idle a third of the time (measured: 128% CPU of 200%; with three, 151% and 11% less wall time).
A run started by a test uses one worker process (IPASN_JOBS=1) unless the test asks for more with
--jobs (the tests of the process pool, crashes, stops and the cluster do). Each extra process starts
its own kernel zygote and browser: CPU the suite pays for and no test looks at.

xdist hands out whole files in collection order. By default it sorts them by their number of tests,
which puts the few-but-long end-to-end files last, and one worker then finishes them alone while the
other waits. Files listed in LONGEST go first, longest first (measured with `--durations=0`), so the
workers end together; the rest keep pytest's order.
"""

from __future__ import annotations

import os

os.environ.setdefault("IPASN_JOBS", "1")

# Seconds per file, rounded, on this machine with three test workers (make test
# PYTEST_ARGS=--durations=0, summed per file; 3 December 2026, 1,297 tests): only the order matters. A new long
# file belongs here.
LONGEST = {
    "tests/input/test_bad_corpus.py": 140,
    "tests/report/test_stops.py": 135,
    "tests/report/test_reuse.py": 130,
    "tests/report/test_crashes.py": 120,
    "tests/report/test_notebook_toolkit.py": 95,
    "tests/official/test_official_run.py": 85,
    "tests/official/test_official.py": 85,
    "tests/report/test_reproducibility.py": 80,
    "tests/report/test_years.py": 75,
    "tests/report/test_run_end_to_end.py": 65,
    "tests/scoring/test_reference_agreement.py": 60,
    "tests/input/test_bad_input.py": 40,
    "tests/report/test_hostile.py": 40,
    "tests/scoring/test_rules_tables.py": 40,
    "tests/report/test_cluster.py": 40,
    "tests/test_imports.py": 30,
    "tests/report/test_layout.py": 30,
    "tests/input/test_real_exports.py": 30,
    "tests/test_packaging.py": 20,
    "tests/demo/test_siasn_export.py": 20,
}


def pytest_collection_modifyitems(session, config, items):
    def cost(item) -> int:
        return -LONGEST.get(item.nodeid.split("::", 1)[0], 0)

    items.sort(key=cost)  # stable: tests inside a file, and the unlisted files, keep their order
