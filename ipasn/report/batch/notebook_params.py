"""What `ipasn run` passes each report notebook, and the check that a custom notebook takes it all.

A run definition may name its own notebooks (`notebooks: {unit: my.ipynb}`). papermill injects the
parameters below after the notebook's `parameters` cell; a name that cell does not define would be
ignored with only a papermill warning (hidden in a batch), so the notebook would silently run on
its defaults (the demo data). The check runs before any data is read and names what is missing.
"""

from __future__ import annotations

from pathlib import Path

from ipasn.errors import ParamsError
from ipasn.report.batch.params import RunParams
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.document.job import TEMPLATES

def job_parameters(params: RunParams, tahun: int, unit: str | None, dokumen: dict | None = None) -> dict:
    """The papermill parameters of one document: a unit's (unit given) or the instansi's. `dokumen`:
    the run's front and back (`front_parameter`), passed only when the run gives any, so a custom
    notebook made before those keys existed still takes a run without them."""
    parameters = {"tahun": tahun, "instansi": params.instansi,
                  "targets": params.targets.model_dump(exclude_none=True), "scored": "bundle"}
    if unit is not None:
        parameters.update(unit=unit, mask_personal=params.options.mask_personal_data)
    if dokumen:
        parameters["dokumen"] = dokumen
    return parameters


def front_parameter(params: RunParams) -> dict:
    """The `dokumen` parameter of every document of the run (logo and foreword read and checked
    here, once): {} when the run gives no logo, kata_pengantar, penandatangan or pembanding."""
    return params.dokumen().model_dump(mode="json", exclude_defaults=True)


def _front_given(params: RunParams) -> bool:
    return any(getattr(params, key) for key in Dokumen.model_fields)  # the run keys are Dokumen's fields


def declared_parameters(path: Path) -> list[str] | None:
    """The names a notebook's `parameters` cell defines as papermill reads them; None without that cell."""
    import nbformat
    from papermill.inspection import inspect_notebook

    try:
        notebook = nbformat.read(path, as_version=4)
    except Exception as exc:  # noqa: BLE001 - nbformat raises JSON, validation and OS errors
        raise ParamsError(f"{path}: bukan notebook Jupyter yang bisa dibaca ({exc})") from exc
    if not any("parameters" in cell.metadata.get("tags", []) for cell in notebook.cells):
        return None
    return list(inspect_notebook(str(path)))


def check_notebooks(params: RunParams) -> None:
    """Every custom notebook of the run defines every parameter ipasn passes it (ParamsError if not)."""
    for kind in ("unit", "instansi"):
        path = params.notebook(kind)
        if path is None:
            continue
        wanted = list(job_parameters(params, params.tahun[0], "?" if kind == "unit" else None,
                                     {"?": True} if _front_given(params) else None))
        declared = declared_parameters(path)
        shipped = f"notebooks/{TEMPLATES[kind]}"
        if declared is None:
            raise ParamsError(
                f"notebooks.{kind}: {path.name} tidak punya sel bertag 'parameters'; `ipasn run` mengisi "
                f"{', '.join(wanted)} lewat sel itu. Salin sel parameter dari {shipped}.")
        missing = [name for name in wanted if name not in declared]
        if missing:
            raise ParamsError(
                f"notebooks.{kind}: sel parameter {path.name} tidak mendefinisikan {', '.join(missing)}, "
                f"yang diberikan `ipasn run` (tanpanya notebook memakai nilai bawaannya). Tambahkan satu "
                f"baris per parameter seperti di {shipped}, mis. `tahun: int = 2022  # tahun pengukuran`.")
