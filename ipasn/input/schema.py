"""The input contract: which tables (roles), which columns, and the header spellings accepted for each.

A sheet's role (pegawai, diklat, kursus, kinerja, hukdis) is recognised from its name and its columns
(`roles.py`). Headers match case-, space- and underscore-insensitively (see `header_key`); for each
column the first alias that a sheet has wins, and a header cell serves one column only, so columns are
matched in the order listed (`unit_kerja` takes "UNOR INDUK NAMA" before `sub_unit` may take "UNOR
NAMA").

SIASN writes a code and a name for several fields ("JENIS JABATAN ID" and "JENIS JABATAN NAMA"): both
are read, into `<column>_id` and `<column>`, and `ipasn.clean.columns.id_or_name` decides between
them. Columns with `use=False` are recognised only to say why they are not used (the employee's
`NAMA` in a history sheet is the person, never the training's name).
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
    # False: the canonical name itself is not a header spelling (too generic for this column).
    own_name: bool = True
    # Why a recognised column is not read (None: it is read).
    unused: str | None = None
    # A column of the clean contract: what a hand-made workbook and the demo write (CONTRACT_COLUMNS).
    contract: bool = False

    @property
    def keys(self) -> tuple[str, ...]:
        names = (*self.aliases, self.name) if self.own_name else self.aliases
        return tuple(dict.fromkeys(header_key(a) for a in names))


@dataclass(frozen=True)
class Sheet:
    name: str
    columns: tuple[Column, ...]
    required: bool = False
    # Groups of columns of which at least one must be present (e.g. nilai or predikat).
    one_of: tuple[tuple[str, ...], ...] = field(default=())
    # The table the rows are loaded into (a kursus sheet is training history like diklat).
    table: str = ""

    @property
    def target(self) -> str:
        return self.table or self.name

    def column(self, name: str) -> Column:
        return next(c for c in self.columns if c.name == name)

    @property
    def read_columns(self) -> tuple[str, ...]:
        return tuple(c.name for c in self.columns if c.unused is None)


NIP = Column("nip", ("nip baru", "nipbaru", "nip_baru", "nip 18", "nomor induk pegawai", "nip"), contract=True)
# In a history sheet the employee is identified by NIP; their name is only shown beside it.
EMPLOYEE_NAME = Column("nama_pegawai", ("nama", "nama pegawai", "nama lengkap", "nama pns"), required=False,
                       own_name=False, unused="nama pegawai: riwayat dicocokkan dengan pegawai lewat NIP")
OLD_NIP = Column("nip_lama", ("nip lama",), required=False, own_name=False,
                 unused="NIP lama: pegawai dicocokkan lewat NIP baru")

PEGAWAI = Sheet(
    "pegawai",
    (
        NIP,
        OLD_NIP,
        Column("nama", ("nama pegawai", "nama lengkap"), contract=True),
        # SIASN: UNOR INDUK is the SKPD, UNOR the sub-unit inside it.
        Column("unit_kerja", ("unor induk nama", "unor induk", "unit kerja", "unor nama", "unit organisasi",
                              "satuan kerja", "skpd", "opd", "perangkat daerah", "satuan kerja nama", "unor"),
               contract=True),
        Column("sub_unit", ("unor nama", "sub unit", "subunit", "unit organisasi", "unor"), required=False,
               own_name=True),
        Column("jenis_jabatan", ("jenis jabatan nama", "jenis jabatan"), required=False, contract=True),
        Column("jenis_jabatan_id", ("jenis jabatan id",), required=False, own_name=False),
        Column("eselon", ("eselon nama", "eselon"), required=False, contract=True),
        Column("eselon_id", ("eselon id",), required=False, own_name=False),
        Column("jabatan", ("jabatan nama", "nama jabatan"), required=False, contract=True),
        Column("pendidikan", ("tingkat pendidikan nama", "tingkat pendidikan", "pendidikan terakhir",
                              "jenjang pendidikan", "pendidikan terakhir nama"), required=False, contract=True),
        Column("pendidikan_id", ("tingkat pendidikan id", "pendidikan terakhir id"), required=False,
               own_name=False),
        Column("status", ("status cpns pns", "status pegawai", "status kepegawaian", "status"), required=False,
               contract=True),
        Column("kedudukan", ("kedudukan hukum nama", "kedudukan hukum", "kedudukan pegawai", "kedudukan"),
               required=False),
    ),
    required=True,
    one_of=(("jenis_jabatan", "jenis_jabatan_id"), ("pendidikan", "pendidikan_id")),
)

_TRAINING_COLUMNS = (
    NIP,
    EMPLOYEE_NAME,
    OLD_NIP,
    Column("jenis", ("jenis diklat nama", "jenis diklat", "jenis kursus nama", "jenis kursus",
                     "jenis pengembangan kompetensi"), required=False, contract=True),
    Column("jenis_id", ("jenis diklat id", "jenis kursus id"), required=False, own_name=False),
    Column("nama_diklat", ("nama diklat", "nama kursus", "nama pelatihan", "nama pengembangan kompetensi"),
           required=False, contract=True),
    # The leadership level as text ("PIM III", "SEPALA") and as SIASN's latihan struktural id (1..5).
    Column("tingkat", ("tingkat diklat", "latihan struktural nama", "jenjang diklat", "jenjang"),
           required=False, contract=True),
    Column("tingkat_id", ("latihan struktural id",), required=False, own_name=False),
    # A date, or only the year when that is all the export has.
    Column("tanggal_selesai", ("tanggal selesai", "tanggal selesai kursus", "tgl selesai", "tanggal kursus",
                               "tanggal", "tahun diklat", "tahun kursus", "tahun"), contract=True),
    Column("jp", ("jumlah jam", "jumlah jp", "jam pelajaran", "lama jam", "durasi jp"), required=False, contract=True),
)
# At least one of these says what kind of training a row is.
_TRAINING_KIND = (("jenis", "jenis_id", "tingkat", "tingkat_id"),)

DIKLAT = Sheet("diklat", _TRAINING_COLUMNS, one_of=_TRAINING_KIND)
KURSUS = Sheet("kursus", _TRAINING_COLUMNS, one_of=_TRAINING_KIND, table="diklat")

KINERJA = Sheet(
    "kinerja",
    (
        NIP,
        EMPLOYEE_NAME,
        OLD_NIP,
        Column("tahun", ("tahun penilaian", "tahun skp", "periode", "tahun"), contract=True),
        # PP 46/2011's nilai prestasi kerja (SKP 60% + perilaku 40%) is the assessment's result, so it
        # comes before the SKP part alone when an export has both.
        Column("nilai", ("nilai prestasi kerja", "nilai akhir", "nilai skp", "nilai kinerja", "nilai"),
               required=False, contract=True),
        Column("predikat", ("kuadran kinerja nama", "kuadran kinerja", "predikat kinerja", "rating hasil kerja",
                            "predikat"), required=False, contract=True),
    ),
    one_of=(("nilai", "predikat"),),
)

HUKDIS = Sheet(
    "hukdis",
    (
        NIP,
        EMPLOYEE_NAME,
        OLD_NIP,
        # The level (ringan/sedang/berat, or SIASN's R/S/B) ...
        Column("tingkat", ("tingkat hukuman", "jenis tingkat hukuman id", "tingkat hukuman disiplin",
                           "jenis tingkat hukuman", "tingkat"), required=False, contract=True),
        # ... and the punishment itself, from which the level follows (PP 94/2021, PP 53/2010).
        Column("jenis_hukuman", ("jenis hukuman nama", "jenis hukuman", "hukuman disiplin", "nama hukuman"),
               required=False),
        Column("jenis_hukuman_id", ("jenis hukuman id",), required=False, own_name=False),
        Column("tanggal", ("hukuman tanggal", "tanggal hukuman", "tmt hukuman", "tanggal sk", "sk tanggal",
                           "tanggal", "tahun hukuman", "tahun"), contract=True),
    ),
    one_of=(("tingkat", "jenis_hukuman", "jenis_hukuman_id"),),
)

SHEETS = {s.name: s for s in (PEGAWAI, DIKLAT, KURSUS, KINERJA, HUKDIS)}
TABLES = ("pegawai", "diklat", "kinerja", "hukdis")  # what a Dataset holds, in this order
# The clean contract's sheets and columns, in order (README "Input"; the demo writes exactly these).
CONTRACT_COLUMNS = {table: tuple(c.name for c in SHEETS[table].columns if c.contract) for table in TABLES}

# Sheet (or file) names that say a role. A sheet whose name says nothing is recognised by its columns.
SHEET_ALIASES = {
    "pegawai": ("pegawai", "data pegawai", "datapegawai", "data utama", "data utama pns", "pns", "daftar pegawai",
                "asn", "data asn"),
    "diklat": ("diklat", "riwayat diklat", "pengembangan kompetensi", "riwayat diklat struktural",
               "diklat struktural", "pelatihan", "riwayat pelatihan"),
    "kursus": ("kursus", "riwayat kursus"),
    "kinerja": ("kinerja", "skp", "riwayat skp", "riwayat kinerja", "penilaian kinerja", "prestasi kerja",
                "riwayat prestasi kerja"),
    "hukdis": ("hukdis", "hukuman disiplin", "riwayat hukdis", "riwayat hukuman disiplin", "riwayat hukuman"),
}
# Words that, inside a longer sheet name ("SKP 2021", "Riwayat Diklat PNS"), say its role.
SHEET_WORDS = {
    "hukdis": ("hukdis", "hukuman"),
    "kursus": ("kursus",),
    "diklat": ("diklat", "pelatihan", "latihan"),
    "kinerja": ("skp", "kinerja", "prestasi"),
    "pegawai": ("pegawai", "pns", "asn", "datautama"),
}
