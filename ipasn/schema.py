"""The input contract: which sheets, which columns, and the header spellings accepted for each.

Headers match case-, space- and underscore-insensitively (see `header_key`); the first alias of a
column that a sheet has wins, so a SIASN export with both an id and a name column uses the one listed
first.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_HEADER_NOISE = re.compile(r"[\s_\-.]+")


def header_key(text: object) -> str:
    return _HEADER_NOISE.sub("", str(text or "")).lower()


@dataclass(frozen=True)
class Column:
    name: str
    aliases: tuple[str, ...] = ()
    required: bool = True

    @property
    def keys(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(header_key(a) for a in (self.name, *self.aliases)))


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    required: bool = False
    # Groups of columns of which at least one must be present (e.g. nilai or predikat).
    one_of: tuple[tuple[str, ...], ...] = field(default=())

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)


NIP = Column("nip", ("nip baru", "nipbaru", "nip_baru", "nip 18", "nomor induk pegawai"))

PEGAWAI = Sheet(
    "pegawai",
    (
        NIP,
        Column("nama", ("nama pegawai", "nama lengkap")),
        Column("unit_kerja", ("unor nama", "unit organisasi", "satuan kerja", "skpd", "opd",
                              "perangkat daerah", "satuan kerja kerja nama", "unor")),
        Column("jenis_jabatan", ("jenis jabatan nama", "jenis jabatan id", "jenis jabatan")),
        Column("eselon", ("eselon nama", "eselon id", "eselon"), required=False),
        Column("jabatan", ("jabatan nama", "nama jabatan"), required=False),
        Column("pendidikan", ("tingkat pendidikan id", "tingkat pendidikan nama",
                              "tingkat pendidikan", "pendidikan terakhir", "jenjang pendidikan")),
        Column("status", ("status cpns pns", "status pegawai", "status kepegawaian"), required=False),
    ),
    required=True,
)

DIKLAT = Sheet(
    "diklat",
    (
        NIP,
        Column("jenis", ("jenis diklat", "jenis diklat id", "jenis diklat nama", "jenis kursus",
                         "jenis pengembangan kompetensi")),
        Column("nama", ("nama diklat", "nama kursus", "latihan struktural nama"), required=False),
        Column("tingkat", ("tingkat diklat", "latihan struktural id", "jenjang"), required=False),
        Column("tanggal_selesai", ("tanggal selesai", "tanggal selesai kursus", "tgl selesai",
                                   "tanggal")),
        Column("jp", ("jumlah jam", "jumlah jp", "jam pelajaran", "lama jam"), required=False),
    ),
)

KINERJA = Sheet(
    "kinerja",
    (
        NIP,
        Column("tahun", ("tahun penilaian", "tahun skp", "periode")),
        Column("nilai", ("nilai skp", "nilai prestasi kerja", "nilai kinerja", "nilai akhir"),
               required=False),
        Column("predikat", ("kuadran kinerja", "predikat kinerja", "rating hasil kerja"),
               required=False),
    ),
    one_of=(("nilai", "predikat"),),
)

HUKDIS = Sheet(
    "hukdis",
    (
        NIP,
        Column("tingkat", ("jenis tingkat hukuman id", "tingkat hukuman", "tingkat hukuman disiplin",
                           "jenis hukuman", "jenis hukuman nama")),
        Column("tanggal", ("hukuman tanggal", "tanggal hukuman", "tmt hukuman", "tanggal sk")),
    ),
)

SHEETS = {s.name: s for s in (PEGAWAI, DIKLAT, KINERJA, HUKDIS)}

# Sheet names accepted for each sheet (a workbook may say "Data Pegawai" or "Riwayat Diklat").
SHEET_ALIASES = {
    "pegawai": ("pegawai", "data pegawai", "datapegawai", "data utama", "pns"),
    "diklat": ("diklat", "riwayat diklat", "kursus", "riwayat kursus", "pengembangan kompetensi"),
    "kinerja": ("kinerja", "skp", "riwayat skp", "riwayat kinerja", "penilaian kinerja"),
    "hukdis": ("hukdis", "hukuman disiplin", "riwayat hukdis", "riwayat hukuman disiplin"),
}
