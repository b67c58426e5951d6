"""ipasn: exact, reproducible Indeks Profesionalitas ASN (PermenPANRB 38/2018, PerBKN 8/2019).

The Python API the notebooks call::

    import ipasn
    data = ipasn.load("pegawai.xlsx")
    result = ipasn.score(data, tahun=2022)
    units = ipasn.summarise(result, by="unit_kerja")
"""

from ipasn.clean.dataset import Dataset
from ipasn.clean.load import load
from ipasn.errors import InputError, IpasnError, ParamsError, RulesetError
from ipasn.ruleset import Ruleset, load_ruleset
from ipasn.scoring.score import OUTPUT_COLUMNS, ScoreResult, score

__version__ = "0.1.0"

__all__ = [
    "OUTPUT_COLUMNS", "Dataset", "InputError", "IpasnError", "ParamsError", "Ruleset", "RulesetError",
    "ScoreResult", "__version__", "load", "load_ruleset", "score",
]
