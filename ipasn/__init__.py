"""ipasn: exact, reproducible Indeks Profesionalitas ASN (PermenPANRB 38/2018, PerBKN 8/2019).

The pipeline, one package per stage: `input/` (files to raw sheets, the sheet contract) -> `clean/`
(raw sheets to a typed Dataset and findings) -> `scoring/` (a Dataset to scores and explanations) ->
`export/` (the scores workbook, CSV, parquet) and `report/` (documents); `demo/` makes synthetic
input. Beside them: `cli.py`, `errors.py` (the one exception root), `ruleset.py`, `fmt.py`,
`files.py`, `missing.py`.

The Python API::

    import ipasn
    from ipasn.scoring.summary import summarise
    data = ipasn.load("pegawai.xlsx")
    result = ipasn.score(data, tahun=2022)
    units = summarise(result, by="unit_kerja")
"""

from ipasn import deferred_imports

deferred_imports.defer()  # before anything imports nbformat: see deferred_imports.py

from ipasn.clean.dataset import Dataset  # noqa: E402
from ipasn.clean.load import load  # noqa: E402
from ipasn.errors import InputError, IpasnError, ParamsError, RulesetError  # noqa: E402
from ipasn.ruleset import Ruleset, load_ruleset  # noqa: E402
from ipasn.scoring.score import OUTPUT_COLUMNS, ScoreResult, score  # noqa: E402

__version__ = "0.1.0"

__all__ = [
    "OUTPUT_COLUMNS", "Dataset", "InputError", "IpasnError", "ParamsError", "Ruleset", "RulesetError",
    "ScoreResult", "__version__", "load", "load_ruleset", "score",
]
