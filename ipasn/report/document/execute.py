"""Execute one parameterised notebook with papermill and strip everything that varies between runs."""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import nbformat

from ipasn.files import atomic_path
from ipasn.report.document.job import JobError


def strip_volatile(notebook: nbformat.NotebookNode) -> nbformat.NotebookNode:
    """Drop timings, absolute paths and random ids, so equal runs give equal bytes."""
    papermill = notebook.metadata.get("papermill", {})
    notebook.metadata["papermill"] = {k: papermill[k] for k in ("parameters", "default_parameters")
                                      if k in papermill}
    notebook.metadata.pop("widgets", None)
    for index, cell in enumerate(notebook.cells):
        cell["id"] = f"c{index:02d}"
        cell.metadata.pop("execution", None)
        cell.metadata.pop("papermill", None)
    return notebook


def _first_error(notebook: nbformat.NotebookNode) -> JobError | None:
    for index, cell in enumerate(notebook.cells):
        for output in cell.get("outputs", []):
            if output.get("output_type") == "error":
                return JobError(output.get("ename", "Error"), output.get("evalue", ""), index)
    return None


def execute(template: Path, parameters: dict, cwd: Path, output: Path,
            start_timeout: int = 120) -> tuple[nbformat.NotebookNode, JobError | None]:
    """Run `template` with `parameters` in a fresh kernel started in `cwd`; save the cleaned result.

    A failing notebook is saved too, with its error output, before the error is returned: the
    evidence survives. The output file is replaced atomically.
    """
    import papermill
    from papermill.exceptions import PapermillExecutionError

    from ipasn.report.document.kernels import kernel_manager

    error: JobError | None = None
    notebook: nbformat.NotebookNode | None = None
    km = kernel_manager()
    engine = {"km": km} if km is not None else {}
    with atomic_path(output) as scratch:
        try:
            with contextlib.redirect_stderr(io.StringIO()):
                notebook = papermill.execute_notebook(
                    str(template), str(scratch), parameters=parameters, cwd=str(cwd),
                    kernel_name="python3", progress_bar=False, log_output=False,
                    request_save_on_cell_execute=False, start_timeout=start_timeout,
                    # The outputs are in hand when the last cell replies: nothing for the kernel to
                    # flush, so no shutdown request and wait (about 0.1 s a document).
                    shutdown_kernel="immediate", **engine,
                )
        except PapermillExecutionError as exc:
            error = JobError(exc.ename, exc.evalue, exc.exec_count or -1)
        finally:
            if km is not None and km.has_kernel:
                km.shutdown_kernel(now=True)  # nothing to flush: outputs are already saved
        if notebook is None:  # failed: the notebook papermill saved, with its error output and marker
            notebook = nbformat.read(scratch, as_version=4)
            error = _first_error(notebook) or error
        notebook = strip_volatile(notebook)
        nbformat.write(notebook, scratch)
    return notebook, error
