"""Documents from BKN's official results when the run has no export (`resmi:` without `data:`).

The numbers are BKN's and the units the file's own (only the per-satker layout names them); there is no
ipasn count to reconcile with, and the sections that need indicator detail say they are left out. The
Dataset is the official file itself: its NIPs as employees, no history tables, its findings and rows.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from ipasn.clean import codes, nips
from ipasn.errors import ParamsError
from ipasn.clean.dataset import DIKLAT_COLUMNS, HUKDIS_COLUMNS, KINERJA_COLUMNS, UNREADABLE_COLUMNS, Dataset
from ipasn.official.points import STRUCTURAL_NAMES
from ipasn.official.read import Official
from ipasn.official.shown import official_scores
from ipasn.ruleset import Ruleset
from ipasn.scoring.period import Period
from ipasn.scoring.score import ScoreResult

NO_UNIT = ("resmi tanpa data: unit kerja diambil dari berkas hasil resmi, tetapi {file} tidak memuat kolom "
           "satuan kerja di setiap baris; beri juga 'data' (ekspor) agar unit diambil dari ekspor menurut NIP")


def _empty(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


def _pegawai(official: Official) -> pd.DataFrame:
    table = official.table
    keys = table["nip"].astype("int64").to_numpy()
    kind = table["jenis_jabatan"].map(lambda v: codes.position_type(v)[0])
    return pd.DataFrame({
        "nip": table["nip"], "nama": table["nama"], "unit_kerja": table["unit_kerja"], "sub_unit": "",
        # "Struktural" needs the eselon BKN's file does not give: unknown rather than guessed
        "jenis_jabatan": kind.where(~kind.isin(STRUCTURAL_NAMES[-1:]), None).astype(object),
        "eselon": pd.array([pd.NA] * len(table), dtype="Int8"), "jabatan": table["jabatan"],
        "pendidikan": None, "pendidikan_input": "", "status": "PNS", "keterangan_status": None,
        "jenis_kelamin": nips.gender_from_keys(keys), "_row": table["baris"].astype("int64"), "_nip": keys,
    })


def official_only_result(official: Official, rules: Ruleset, tahun: int) -> ScoreResult:
    if (official.table["unit_kerja"] == "").any():
        raise ParamsError(NO_UNIT.format(file=official.source))
    pegawai = _pegawai(official)
    # Declared absent: no history is expected, so nothing is reported missing or scored from it.
    dataset = Dataset(official.source, pegawai, _empty(DIKLAT_COLUMNS), _empty(KINERJA_COLUMNS),
                      _empty(HUKDIS_COLUMNS), _empty(UNREADABLE_COLUMNS), official.findings, official.accounting,
                      {"resmi": official.source}, official.column_use,
                      absent={"diklat": True, "kinerja": True, "hukdis": True})
    scores = official_scores(official.table, pegawai.set_index("nip"), rules, official.findings)
    listed = pegawai.drop(columns="_nip").assign(diukur=np.ones(len(pegawai), dtype=bool))
    return ScoreResult(scores, listed, dataset, rules, Period.of(tahun, rules), official.findings)
