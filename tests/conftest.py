"""Suite-wide settings: one process per `ipasn run`, and the longest test files first.

`make test` runs two pytest workers (`-n 2 --dist loadfile --no-loadscope-reorder`), which already keep
both cores busy, so a run started by a test uses one worker process (IPASN_JOBS=1) unless the test asks
for more with --jobs (the tests of the process pool, crashes, stops and the cluster do). Each extra
process starts its own kernel zygote and browser: CPU the suite pays for and no test looks at.

xdist hands out whole files in collection order. By default it sorts them by their number of tests,
which puts the few-but-long end-to-end files last, and one worker then finishes them alone while the
other waits. Files listed in LONGEST go first, longest first (measured with `--durations=0`), so the
two workers end together; the rest keep pytest's order.
"""

from __future__ import annotations

import os

os.environ.setdefault("IPASN_JOBS", "1")

# Seconds per file, rounded, on this machine under load (make test PYTEST_ARGS=--durations=0): only
# the order matters. A new long file belongs here.
LONGEST = {
    "tests/report/test_reproducibility.py": 850,
    "tests/report/test_stops.py": 460,
    "tests/report/test_crashes.py": 320,
    "tests/official/test_official_run.py": 300,
    "tests/report/test_run_end_to_end.py": 240,
    "tests/report/test_notebook_toolkit.py": 215,
    "tests/report/test_years.py": 200,
    "tests/input/test_real_exports.py": 165,
    "tests/report/test_cluster.py": 125,
    "tests/test_imports.py": 120,
    "tests/report/test_hostile.py": 120,
    "tests/input/test_bad_corpus.py": 110,
    "tests/scoring/test_reference_agreement.py": 100,
    "tests/report/test_layout.py": 85,
    "tests/test_packaging.py": 70,
    "tests/official/test_official.py": 55,
    "tests/report/test_notebooks.py": 55,
    "tests/report/test_personal_data.py": 52,
    "tests/report/test_jupyterlab.py": 41,
    "tests/demo/test_demo_years.py": 31,
}


def pytest_collection_modifyitems(session, config, items):
    def cost(item) -> int:
        return -LONGEST.get(item.nodeid.split("::", 1)[0], 0)

    items.sort(key=cost)  # stable: tests inside a file, and the unlisted files, keep their order
