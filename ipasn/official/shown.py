"""Documents from BKN's official numbers: a ScoreResult whose values are BKN's, and the part of a
report bundle that carries ipasn's own count (for indicator detail) and the reconciliation.

The official result has one scored row per NIP of BKN's file: the four dimensions, the IP, BKN's
keterangan, the unit (the file's, else the export's) and the export's descriptive columns (position
type, eselon, education, gender) where the export lists the NIP. Competence indicators are not in
BKN's file: their columns are empty, and the sections that need them read ipasn's own count instead
(`OfficialPart.computed`). Every listed employee of the export is in `pegawai`; a measured PNS that
BKN's file lacks is "tidak ada di hasil resmi BKN", so participation says so.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from ipasn.scoring.bands import categorize
from ipasn.official.compare import Reconciliation, official_units
from ipasn.ruleset import DIMENSIONS, INDICATORS, Ruleset
from ipasn.scoring.score import ScoreResult

SOURCE = "hasil resmi BKN"
# What sections that need indicator detail say in a document of official numbers.
NO_EXPORT_DETAIL = ("Rincian indikator (kompetensi per indikator, upaya per pegawai) tidak ada di hasil resmi BKN, "
                    "dan tidak ada ekspor data yang dihitung ipasn; bagian ini dilewati.")
COMPUTED_NOTE = "Rincian indikator di bagian ini dihitung ipasn dari ekspor data, bukan diambil dari hasil resmi BKN."
NOT_AT_BKN = "tidak ada di hasil resmi BKN"
DESCRIPTIVE = ["jenis_jabatan", "eselon", "pendidikan", "jenis_kelamin", "sub_unit", "jabatan"]
PREFIX = "resmi-"  # the bundle files of the official part
FRAMES = ("computed", "selisih", "hanya_bkn", "hanya_data", "ringkasan")


def official_scores(table: pd.DataFrame, listed: pd.DataFrame, rules: Ruleset,
                    findings: pd.DataFrame) -> pd.DataFrame:
    """BKN's rows (`table`, its units decided) as scored rows; descriptive columns from `listed`
    (indexed by NIP) where it has them."""
    scores = pd.DataFrame({"nip": table["nip"], "nama": table["nama"].where(
        table["nama"] != "", table["nip"].map(listed["nama"]).fillna(""))})
    scores["unit_kerja"] = table["unit_kerja"]
    for column in DESCRIPTIVE:
        scores[column] = table["nip"].map(listed[column]) if column in listed else None
    for dimension in DIMENSIONS:
        scores[dimension] = table[dimension].to_numpy("float64")
    for indicator in INDICATORS:
        scores[f"kompetensi_{indicator}"] = np.nan  # BKN gives the dimension only
    scores["ip_asn"] = table["ip_asn"].to_numpy("float64")
    scores["kategori"] = categorize(scores["ip_asn"], rules)
    harmful = findings.loc[findings["berdampak"], "nip"].dropna()
    scores["data_lengkap"] = scores["ip_asn"].notna() & ~scores["nip"].isin(harmful)
    for dimension in DIMENSIONS:
        scores[f"keterangan_{dimension}"] = table[f"keterangan_{dimension}"]
    scores["eselon"] = scores["eselon"].astype("Int8")
    return scores.reset_index(drop=True)


def official_result(rec: Reconciliation) -> ScoreResult:
    """BKN's numbers as a ScoreResult over the export's Dataset (findings and accounting of both)."""
    official, result = rec.official, rec.result
    table = official.table.assign(unit_kerja=official_units(official, result.pegawai))
    scores = official_scores(table, result.pegawai.set_index("nip"), result.rules, official.findings)
    pegawai = _listed(result, scores)
    found = pd.concat([official.findings, result.findings], ignore_index=True)
    accounting = pd.concat([official.accounting, result.dataset.accounting], ignore_index=True)
    dataset = dataclasses.replace(result.dataset, accounting=accounting)
    return ScoreResult(scores, pegawai, dataset, result.rules, result.period, found)


def _listed(result: ScoreResult, scores: pd.DataFrame) -> pd.DataFrame:
    """Everyone the export lists, measured when BKN's file scores them, and BKN's NIPs it does not list."""
    pegawai = result.pegawai.copy()
    at_bkn = pegawai["nip"].isin(scores["nip"])
    missing = pegawai["diukur"] & ~at_bkn
    # BKN's file decides who is measured: whoever it scores (whatever the export says) is
    pegawai["keterangan_status"] = pegawai["keterangan_status"].where(~missing, NOT_AT_BKN).where(~at_bkn, None)
    pegawai["diukur"] = at_bkn
    pegawai["unit_kerja"] = pegawai["nip"].map(scores.set_index("nip")["unit_kerja"]).fillna(pegawai["unit_kerja"])
    extra = scores[~scores["nip"].isin(pegawai["nip"])]
    added = pd.DataFrame({c: extra[c] if c in extra else None for c in pegawai.columns if c != "diukur"})
    added["status"], added["keterangan_status"], added["diukur"] = "PNS", None, True
    return pd.concat([pegawai, added], ignore_index=True)


@dataclass
class OfficialPart:
    """What a document from official numbers adds to its bundle: ipasn's own count of its scope (for
    indicator detail; None when the run has no export) and the reconciliation of its scope."""

    source: str  # the official file(s), as named in headings
    computed: pd.DataFrame | None = None
    selisih: pd.DataFrame = field(default_factory=pd.DataFrame)
    hanya_bkn: pd.DataFrame = field(default_factory=pd.DataFrame)
    hanya_data: pd.DataFrame = field(default_factory=pd.DataFrame)
    ringkasan: pd.DataFrame = field(default_factory=pd.DataFrame)

    @classmethod
    def of(cls, rec: Reconciliation, unit: str | None) -> OfficialPart:
        def scope(frame: pd.DataFrame) -> pd.DataFrame:
            return (frame if unit is None else frame[frame["unit_kerja"] == unit]).reset_index(drop=True)

        computed = rec.result.scores
        return cls(", ".join(rec.official.files), scope(computed), scope(rec.selisih), scope(rec.hanya_bkn),
                   scope(rec.hanya_data), scope(rec.ringkasan))

    # Flat in the bundle folder, beside the scores: a document's fingerprint hashes that folder's files.
    def write(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{PREFIX}sumber.txt").write_text(self.source, encoding="utf-8")
        for name in FRAMES:
            frame = getattr(self, name)
            if frame is not None:
                frame.to_parquet(folder / f"{PREFIX}{name}.parquet", index=False)

    @classmethod
    def read(cls, folder: Path) -> OfficialPart | None:
        if not (folder / f"{PREFIX}sumber.txt").is_file():
            return None
        frames = {name: pd.read_parquet(path) if (path := folder / f"{PREFIX}{name}.parquet").is_file() else None
                  for name in FRAMES}
        return cls((folder / f"{PREFIX}sumber.txt").read_text(encoding="utf-8"), **frames)
