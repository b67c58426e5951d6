"""The Dataset: the clean, typed tables `load` returns, with their findings and accounting.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

# What scoring assumes of a history table that is not there at all.
ABSENT_MEANS = {
    "diklat": "tanpa riwayat diklat/kursus, kompetensi setiap PNS dihitung 0",
    "kinerja": "tanpa penilaian kinerja, kinerja setiap PNS dihitung 0",
    "hukdis": "tanpa riwayat hukuman disiplin, setiap PNS dianggap tidak pernah dihukum (disiplin 5)",
}


@dataclass
class Dataset:
    """Normalised input. History tables hold only usable rows; everything else is in `findings`.

    Columns starting with "_" are derived at load: `_row` the row the user sees in Excel, `_nip` the
    NIP as an int64 key, `_pegawai` (history tables) the employee's row in `pegawai`, which scoring
    uses only where `_nip` confirms it. Code that changes NIPs after loading must drop `_nip` and
    `_pegawai` (scoring then joins on the text)."""

    source: str
    pegawai: pd.DataFrame
    diklat: pd.DataFrame
    kinerja: pd.DataFrame
    hukdis: pd.DataFrame
    # Punishments that could not be read: (nip, tanggal or NaT). They make disiplin unknown.
    hukdis_unreadable: pd.DataFrame
    findings: pd.DataFrame
    accounting: pd.DataFrame  # per sheet read or skipped: peran, dibaca, dipakai, bermasalah, ditolak
    files: dict[str, str] = field(default_factory=dict)  # table -> the file(s) it was read from
    column_use: pd.DataFrame = field(default_factory=pd.DataFrame)  # every titled column: used as what, or why not
    # History tables that no input held: table -> whether the run said so on purpose.
    absent: dict[str, bool] = field(default_factory=dict)
    kinerja_years: tuple[int, ...] = ()  # every year the kinerja rows name, usable or not

    @property
    def undeclared_absent(self) -> list[str]:
        return [table for table, declared in self.absent.items() if not declared]


def empty_table(columns: dict[str, str]) -> pd.DataFrame:
    return pd.DataFrame({c: pd.Series(dtype=t) for c, t in columns.items()})


# The pegawai table (pegawai.load_pegawai): nip, nama, unit_kerja, sub_unit, jenis_jabatan, eselon,
# jabatan, pendidikan, pendidikan_input, status, keterangan_status, jenis_kelamin, _row, _nip.
# `status`: PNS, CPNS, PPPK (None: not recognised). `keterangan_status`: why the employee is not
# measured ("CPNS", "PPPK", "CLTN", "pemberhentian sementara", "status tidak dikenali", "status
# bertentangan"); None for the measured PNS. `hanya_tahun` (history tables): the date column held
# only a year, and the date is 31 December of it (RULES.md "A bare year in a date column").
DIKLAT_COLUMNS = {"nip": "object", "jenis": "category", "nama": "category", "tingkat": "Int8",
                  "tanggal_selesai": "datetime64[ns]", "hanya_tahun": "bool", "jp": "float64", "_row": "int64",
                  "_nip": "int64", "_pegawai": "int32"}
KINERJA_COLUMNS = {"nip": "object", "tahun": "int64", "nilai": "float64", "predikat": "category",
                   "_row": "int64", "_nip": "int64", "_pegawai": "int32"}
HUKDIS_COLUMNS = {"nip": "object", "tingkat": "category", "tanggal": "datetime64[ns]", "hanya_tahun": "bool",
                  "_row": "int64", "_nip": "int64", "_pegawai": "int32"}
UNREADABLE_COLUMNS = {"nip": "object", "tanggal": "datetime64[ns]", "hanya_tahun": "bool", "_nip": "int64",
                      "_pegawai": "int32"}
