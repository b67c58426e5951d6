"""The kernel zygote: what it imports before forking, and that forking from it stays safe."""

from __future__ import annotations

import importlib
import os
from pathlib import Path

import pytest

from ipasn.report.document import kernels, zygote

pytestmark = pytest.mark.skipif(kernels.PLAIN, reason="kernels start the ordinary way here (no fork)")


@pytest.mark.parametrize("name", zygote.KERNEL_IMPORTS)
def test_each_kernel_import_exists(name):
    """A renamed module upstream would be skipped silently by the zygote (it tolerates an optional one
    missing) and every kernel would pay for the import again: say so here instead."""
    importlib.import_module(name)


def test_zygote_is_ready_and_forks_a_working_kernel(tmp_path):
    """The zygote says "ready" only when no Python thread but its own runs after all its imports and
    warm-ups (a thread alive at fork time would leave its locks held in every kernel); its kernels then
    run a notebook as usual, with what the zygote imported already there."""
    import nbformat

    from ipasn.report.document.execute import execute

    assert kernels.kernel_manager() is not None  # not refused: the zygote started and said "ready"

    notebook = nbformat.v4.new_notebook()
    notebook.cells = [nbformat.v4.new_code_cell("import sys\nprint('pyarrow.parquet' in sys.modules, 6 * 7)")]
    template = tmp_path / "t.ipynb"
    nbformat.write(notebook, template)
    done, error = execute(template, {}, tmp_path, tmp_path / "out.ipynb")
    assert error is None
    assert done.cells[-1].outputs[0]["text"] == "True 42\n"  # imported in the zygote, before the fork
    assert Path(tmp_path / "out.ipynb").exists()


def test_zygote_refuses_to_fork_with_a_python_thread_running(tmp_path):
    import subprocess
    import sys

    (tmp_path / "starts_a_thread.py").write_text(
        "import threading, time\nthreading.Thread(target=time.sleep, args=(60,), name='penunggu', daemon=True).start()\n")
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(tmp_path), *sys.path])}
    done = subprocess.run([sys.executable, "-m", "ipasn.report.document.zygote", str(os.getpid()), "starts_a_thread"],
                          input="", capture_output=True, text=True, env=env, timeout=120)
    assert done.stdout.strip() == "threads before fork: penunggu"
