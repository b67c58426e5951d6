"""A national-scale synthetic HR export (3.8 million PNS, about 20 million history rows), as parquet.

Used by bench_scoring.py. It produces the same kind of raw columns as `ipasn.demo.contract.make_demo` (every
value text, as an HR export gives it: dates "dd-mm-yyyy", decimal commas, mixed spellings of the
same code, a small share of dirty rows) but is written for size: people are drawn as integer codes
with numpy, text columns are built with pyarrow (`take` from small vocabularies, element-wise joins),
and the four sheets are streamed to parquet one chunk of employees at a time, so generating the full
scale needs a few hundred MB, not tens of GB.

Layout and mix (scale 1.0, measurement year 2022):

- pegawai: 3,800,000 PNS plus 5% CPNS/PPPK (not measured) = 3,990,000 rows, in about 25,000 units
  of lognormal sizes (a few people to several thousand); position types about 0.6% JPT,
  2.5% Administrator, 6% Pengawas, 50% Fungsional, 41% Pelaksana; the national education mix.
- diklat: leadership courses of structural officials, functional courses, 0-4 technical trainings
  and 0-5 seminars per person (about 13 million rows).
- kinerja: SKP of tahun-1 (93% of PNS) and tahun-2 (80% of PNS appointed by tahun-3) (about 6.6 million).
- hukdis: about 3% of employees, some twice (about 140 thousand).
- dirt, as in make_demo: NIPs with spaces, unknown or empty education, an unknown position type,
  impossible dates, negative or empty JP, exact duplicate rows, history rows of unknown NIPs,
  conflicting assessments, an unknown punishment level.

Deterministic: the same (scale, seed, tahun) always gives the same files.
"""

from __future__ import annotations

import datetime as dt
import json
import shutil
import time
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.parquet as pq

FULL_PNS = 3_800_000
FULL_UNITS = 25_000
NON_PNS_SHARE = 0.05  # CPNS and PPPK on top of the PNS, half each
CHUNK = 200_000  # employees per generated chunk (and parquet row group)
GENERATOR_VERSION = 2  # 2: the diklat name column is nama_diklat

SHEETS = {
    "pegawai": ("nip", "nama", "unit_kerja", "jenis_jabatan", "eselon", "jabatan", "pendidikan", "status"),
    "diklat": ("nip", "jenis", "nama_diklat", "tingkat", "tanggal_selesai", "jp"),
    "kinerja": ("nip", "tahun", "nilai", "predikat"),
    "hukdis": ("nip", "tingkat", "tanggal"),
}

# --- vocabularies ------------------------------------------------------------------------------

UNIT_TYPES = (
    "Dinas Pendidikan", "Dinas Kesehatan", "RSUD", "Sekretariat Daerah", "Sekretariat DPRD",
    "Dinas Pekerjaan Umum dan Penataan Ruang", "Badan Pendapatan Daerah", "Badan Kepegawaian Daerah",
    "Inspektorat", "Dinas Sosial", "Satuan Polisi Pamong Praja", "Badan Perencanaan Pembangunan Daerah",
    "Badan Pengelolaan Keuangan dan Aset Daerah", "Dinas Perhubungan", "Dinas Kependudukan dan Pencatatan Sipil",
    "Dinas Tenaga Kerja", "Dinas Pertanian", "Dinas Lingkungan Hidup", "Dinas Perdagangan",
    "Dinas Koperasi dan UKM", "Dinas Pemuda dan Olahraga", "Dinas Pariwisata", "Dinas Perpustakaan dan Kearsipan",
    "Dinas Komunikasi dan Informatika", "Dinas Penanaman Modal dan PTSP", "Dinas Pemberdayaan Perempuan",
    "Dinas Pemberdayaan Masyarakat dan Desa", "Dinas Perumahan dan Kawasan Permukiman", "Dinas Ketahanan Pangan",
    "Badan Penanggulangan Bencana Daerah", "Badan Kesatuan Bangsa dan Politik", "Puskesmas", "SMA Negeri",
    "SMK Negeri", "SD Negeri", "SMP Negeri", "Kecamatan", "Kelurahan", "UPT Laboratorium Kesehatan",
    "Direktorat", "Biro Umum", "Kantor Wilayah", "Balai Besar", "Pusat Data dan Informasi",
)
INSTANSI_KINDS = ("Provinsi", "Kabupaten", "Kota", "Kementerian", "Lembaga")

MALE = ("Ahmad", "Muhammad", "Abdul", "Budi", "Agus", "Bambang", "Eko", "Hendra", "Rudi", "Joko", "Slamet",
        "Wahyu", "Dedi", "Rahmat", "Fauzan", "Rizky", "Arif", "Yusuf", "Hasan", "Ilham", "Irfan", "Gusti",
        "Fahmi", "Taufik", "Zainal", "Iwan", "Andi", "Yudi", "Bayu", "Imam", "Lukman", "Ridwan", "Teguh")
FEMALE = ("Siti", "Nur", "Dewi", "Sri", "Rina", "Wulan", "Ratna", "Fitri", "Yuliana", "Rahmah", "Aminah",
          "Fatimah", "Erna", "Lestari", "Indah", "Maya", "Nurul", "Rizka", "Ayu", "Dian", "Eka", "Herlina",
          "Kartini", "Lina", "Mariani", "Novita", "Putri", "Safitri", "Tuti", "Winda", "Yanti", "Zahra")
LAST = ("Saputra", "Kurniawan", "Setiawan", "Pratama", "Santoso", "Nugroho", "Hidayat", "Rahman", "Fauzi",
        "Maulana", "Hakim", "Effendi", "Wijaya", "Gunawan", "Siregar", "Nasution", "Harahap", "Lubis",
        "Sari", "Wati", "Lestari", "Hasanah", "Rahmawati", "Handayani", "Wulandari", "Susanti", "Rahayu")
TITLES = ("S.E.", "S.H.", "S.Sos.", "S.T.", "S.Kom.", "S.Pd.", "S.Kep., Ners", "S.KM.", "M.Si.", "M.M.",
          "S.Pd., M.Pd.", "A.Md.", "A.Md.Kep.", "S.AP.", "S.IP.")

# Position types 0..4: JPT, Administrator, Pengawas, Fungsional, Pelaksana (national mix among PNS).
PNS_TYPE_P = np.array([0.006, 0.025, 0.06, 0.50, 0.409])
ESELON_LEVEL = (2, 3, 4)
ROMAN = {1: "I", 2: "II", 3: "III", 4: "IV"}
JABATAN = (
    ("Kepala Dinas", "Sekretaris Daerah", "Asisten Perekonomian", "Direktur", "Kepala Badan"),
    ("Sekretaris", "Kepala Bidang Perencanaan", "Kepala Bagian Umum", "Kepala Bidang Pelayanan", "Camat"),
    ("Kepala Sub Bagian Umum", "Kepala Seksi Pelayanan", "Kepala Sub Bagian Keuangan", "Lurah"),
    ("Guru Ahli Pertama", "Guru Ahli Muda", "Perawat Terampil", "Bidan Ahli Pertama", "Dokter Ahli Muda",
     "Analis Kebijakan Ahli Muda", "Pranata Komputer Ahli Pertama", "Auditor Ahli Muda", "Penyuluh Pertanian"),
    ("Pengadministrasi Umum", "Pengolah Data", "Bendahara Pengeluaran", "Pengemudi", "Caraka",
     "Pengelola Barang Milik Daerah", "Pengadministrasi Kepegawaian"),
)
# Education levels 0..8: S-3, S-2, S-1, D-IV, D-III, D-II/D-I, SLTA, SMP, SD; rows: position type.
EDU_P = np.array([
    [0.10, 0.75, 0.15, 0.00, 0.00, 0.00, 0.00, 0.00, 0.00],
    [0.02, 0.50, 0.45, 0.03, 0.00, 0.00, 0.00, 0.00, 0.00],
    [0.00, 0.25, 0.65, 0.05, 0.05, 0.00, 0.00, 0.00, 0.00],
    [0.015, 0.10, 0.655, 0.04, 0.17, 0.01, 0.01, 0.00, 0.00],
    [0.00, 0.02, 0.4772, 0.004, 0.1025, 0.033, 0.3355, 0.019, 0.0088],
])
EDU_P = EDU_P / EDU_P.sum(axis=1, keepdims=True)
EDU_SPELLING = (
    (("S-3", "S3", "Doktor", "Strata 3"), (0.4, 0.3, 0.2, 0.1)),
    (("S-2", "S2", "Magister", "Strata 2", "45"), (0.4, 0.25, 0.15, 0.1, 0.1)),
    (("S-1", "S1", "Strata 1", "Sarjana", "40", "S-1 Ekonomi"), (0.42, 0.25, 0.12, 0.05, 0.12, 0.04)),
    (("D-IV", "D IV", "D4", "Diploma IV"), (0.45, 0.25, 0.2, 0.1)),
    (("D-III", "D III", "D3", "30", "Sarjana Muda"), (0.45, 0.25, 0.12, 0.13, 0.05)),
    (("D-II", "D-I", "D II", "D I"), (0.35, 0.35, 0.15, 0.15)),
    (("SLTA", "SMA", "SMK", "15", "SMU", "STM"), (0.35, 0.25, 0.18, 0.1, 0.07, 0.05)),
    (("SMP", "SLTP"), (0.7, 0.3)),
    (("SD",), (1.0,)),
)
EDU_DIRTY = ("Kursus Komputer", "-", "")

LEADERSHIP_NAMES = {
    1: ("Diklatpim Tk. I", "PIM I", "PKN Tingkat I", "SEPATI"),
    2: ("Diklatpim Tk. II", "PIM II", "PKN Tingkat II", "SPAMEN"),
    3: ("Diklatpim Tk. III", "PIM III", "PKA", "SPAMA"),
    4: ("Diklatpim Tk. IV", "PIM IV", "PKP", "ADUM"),
    5: ("Diklatpim Tk. V", "PIM V", "SEPADA", "Diklatpim Tk. V"),
}
LEADERSHIP_JP = {1: "400", 2: "360", 3: "300", 4: "285", 5: "200"}
TECH_TOPICS = ("Penyusunan SKP", "Pengadaan Barang/Jasa Pemerintah", "Pengelolaan Keuangan Daerah",
               "Aplikasi SIPD", "Pengelolaan Barang Milik Daerah", "Penyusunan Laporan Kinerja",
               "Kearsipan Dinamis", "Manajemen Risiko", "Penyusunan Standar Pelayanan", "SIASN",
               "Kurikulum Merdeka", "Pelayanan Prima", "Keselamatan Pasien", "Audit Kinerja",
               "Analisis Jabatan", "Sistem Informasi Geografis", "Penulisan Naskah Dinas", "Manajemen Aset")
TECH_JP = (8, 10, 12, 16, 18, 20, 24, 25, 30, 32, 36, 40, 45, 48, 56, 60)
TECH_JP_P = np.array([9, 6, 6, 9, 5, 8, 8, 5, 8, 8, 4, 6, 3, 4, 2, 2], dtype=float)
SEMINAR_KINDS = ("Seminar", "Workshop", "Webinar", "Kursus", "Magang")
SEMINAR_TOPICS = ("Reformasi Birokrasi", "Smart ASN", "Manajemen Talenta ASN", "Zona Integritas",
                  "Transformasi Digital", "Pencegahan Korupsi", "Moderasi Beragama", "Sistem Merit",
                  "Public Speaking", "Inovasi Pelayanan Publik", "Keterbukaan Informasi Publik")
PREDICATES = ("Sangat Baik", "Baik", "Butuh Perbaikan", "Kurang")
DISCIPLINE = (("Ringan", "R", "Teguran tertulis", "Teguran Lisan"), ("Sedang", "S", "Penundaan Kenaikan Pangkat"),
              ("Berat", "B"))


class Vocab:
    """A growing list of distinct strings; `code(text)` gives its index, `column(codes)` the text column."""

    def __init__(self, values=()) -> None:
        self.values: list[str] = []
        self.index: dict[str, int] = {}
        for v in values:
            self.code(v)

    def code(self, value: str) -> int:
        if value not in self.index:
            self.index[value] = len(self.values)
            self.values.append(value)
        return self.index[value]

    def codes(self, values) -> np.ndarray:
        return np.array([self.code(v) for v in values], dtype=np.int64)

    def column(self, codes: np.ndarray) -> pa.Array:
        return pc.take(pa.array(self.values, pa.string()), pa.array(np.asarray(codes, dtype=np.int64)))


def _pick(rng: np.random.Generator, codes: np.ndarray, n: int, p=None) -> np.ndarray:
    if n == 0:
        return np.empty(0, dtype=np.int64)
    if p is not None:
        p = np.asarray(p, dtype=float)
        p = p / p.sum()
    return np.asarray(codes, dtype=np.int64)[rng.choice(len(codes), size=n, p=p)]


def _dirty(rng: np.random.Generator, n: int, share: float) -> np.ndarray:
    """A boolean mask with about `share` of n set (at least one when n > 0)."""
    mask = rng.random(n) < share
    if n and not mask.any():
        mask[rng.integers(n)] = True
    return mask


# --- people ------------------------------------------------------------------------------------


def people(scale: float, seed: int, tahun: int) -> dict[str, np.ndarray]:
    """One row per employee, integer-coded, in export order (unit, position type, NIP)."""
    rng = np.random.default_rng([seed, 0xBE4C])
    n_pns = max(10, round(FULL_PNS * scale))
    n_other = max(2, round(n_pns * NON_PNS_SHARE))
    n = n_pns + n_other
    status = rng.permutation(np.concatenate([np.zeros(n_pns, np.int8), np.ones(n_other // 2, np.int8),
                                             np.full(n_other - n_other // 2, 2, np.int8)]))  # PNS, CPNS, PPPK
    n_units = max(5, round(FULL_UNITS * scale))
    weights = rng.lognormal(0.0, 1.2, n_units)
    unit = rng.choice(n_units, size=n, p=weights / weights.sum())

    ptype = rng.choice(5, size=n, p=PNS_TYPE_P).astype(np.int8)
    new = status != 0
    ptype[new] = np.where(rng.random(new.sum()) < 0.6, 3, 4)

    # NIP: birth date (8) + TMT CPNS year and month (6) + gender (1) + serial (3); unique by construction.
    pns = status == 0
    birth_year = 1963 + np.floor(rng.beta(2.0, 2.3, n) * (tahun - 21 - 1963 + 1)).astype(np.int64)
    age = np.rint(rng.triangular(19, 25, 35, n)).astype(np.int64)
    tmt = np.minimum(birth_year + age, tahun - 2)
    tmt = np.maximum(tmt, birth_year + 18)
    tmt[~pns] = tahun - rng.integers(0, 2, (~pns).sum())
    first = (birth_year - 1970).astype("datetime64[Y]").astype("datetime64[D]")
    born = first + rng.integers(0, 365, n).astype("timedelta64[D]")
    year = born.astype("datetime64[Y]").astype(np.int64) + 1970
    month = born.astype("datetime64[M]").astype(np.int64) % 12 + 1
    day = (born - born.astype("datetime64[M]").astype("datetime64[D]")).astype(np.int64) + 1
    tmt_month = rng.choice(np.arange(1, 13), size=n, p=np.array([30, 5, 25, 6, 3, 3, 4, 3, 3, 3, 4, 11]) / 100)
    gender = rng.integers(1, 3, n)
    prefix = ((((year * 100 + month) * 100 + day) * 10000 + tmt) * 100 + tmt_month) * 10 + gender
    order = np.argsort(prefix, kind="stable")
    sorted_prefix = prefix[order]
    starts = np.r_[0, np.flatnonzero(sorted_prefix[1:] != sorted_prefix[:-1]) + 1]
    group_start = np.repeat(starts, np.diff(np.r_[starts, n]))
    serial = np.empty(n, dtype=np.int64)
    serial[order] = np.arange(n) - group_start + 1
    assert serial.max() < 900, "serials 900-999 are kept for NIPs that are not in pegawai"
    nip = prefix * 1000 + serial

    export = np.lexsort((nip, ptype, unit))
    return {"unit": unit[export], "status": status[export], "ptype": ptype[export], "nip": nip[export],
            "tmt": tmt[export], "gender": gender[export], "n_units": np.array([n_units])}


def unit_names(n_units: int) -> list[str]:
    names = []
    for k in range(n_units):
        kind = UNIT_TYPES[k % len(UNIT_TYPES)]
        instansi = k // len(UNIT_TYPES)
        names.append(f"{kind} {INSTANSI_KINDS[instansi % len(INSTANSI_KINDS)]} {instansi + 1:04d}")
    return names


# --- sheets (one chunk of employees) -----------------------------------------------------------


class Generator:
    def __init__(self, scale: float, seed: int, tahun: int) -> None:
        self.seed, self.tahun = seed, tahun
        self.p = people(scale, seed, tahun)
        self.units = pa.array(unit_names(int(self.p["n_units"][0])), pa.string())
        self.text = Vocab([""])
        self.base_day = np.datetime64("1960-01-01")
        last = np.datetime64(f"{tahun + 1:04d}-12-31")
        days = np.arange(self.base_day, last + 1).astype(dt.date)
        self.dates = Vocab([d.strftime("%d-%m-%Y") for d in days])
        self.bad_dates = self.dates.codes([f"31-02-{tahun - 1}", "kemarin"])
        hundredths = np.arange(0, 12001)
        self.values = Vocab([_format_hundredths(h) for h in hundredths])  # code == hundredths

    def day_codes(self, days: np.ndarray) -> np.ndarray:
        return (days - self.base_day).astype(np.int64)

    def nip_text(self, nip: np.ndarray, spaced: np.ndarray | None = None) -> pa.Array:
        text = pc.cast(pa.array(nip, pa.int64()), pa.string())
        if spaced is None or not spaced.any():
            return text
        parts = [pc.utf8_slice_codeunits(text, a, b) for a, b in ((0, 8), (8, 14), (14, 15), (15, 18))]
        return pc.if_else(pa.array(spaced), pc.binary_join_element_wise(*parts, " "), text)

    # pegawai -----------------------------------------------------------------------------------
    def pegawai(self, rng: np.random.Generator, lo: int, hi: int) -> pa.Table:
        p = {k: v[lo:hi] for k, v in self.p.items() if k != "n_units"}
        n = hi - lo
        t = self.text
        ptype, status = p["ptype"], p["status"]

        jenis = np.zeros(n, np.int64)
        eselon = np.zeros(n, np.int64)
        for kind in range(3):
            rows = np.flatnonzero(ptype == kind)
            structural = rng.random(len(rows)) < 0.7
            own = t.codes([("JPT Pratama", "Administrator", "Pengawas")[kind]])[0]
            jenis[rows] = np.where(structural, t.code("Struktural"), own)
            roman = ROMAN[ESELON_LEVEL[kind]]
            sub = np.where(rng.random(len(rows)) < 0.45, t.code(f"{roman}.a"), t.code(f"{roman}.b"))
            with_eselon = structural | (rng.random(len(rows)) < 0.5)
            eselon[rows] = np.where(with_eselon, sub, 0)
        rows = np.flatnonzero(ptype == 3)
        jenis[rows] = _pick(rng, t.codes(["Fungsional Tertentu", "Fungsional", "JFT"]), len(rows), [0.45, 0.35, 0.2])
        rows = np.flatnonzero(ptype == 4)
        jenis[rows] = _pick(rng, t.codes(["Pelaksana", "Fungsional Umum", "JFU"]), len(rows), [0.55, 0.3, 0.15])

        jabatan = np.zeros(n, np.int64)
        level = np.zeros(n, np.int64)
        for kind in range(5):
            rows = np.flatnonzero(ptype == kind)
            jabatan[rows] = _pick(rng, t.codes(JABATAN[kind]), len(rows))
            level[rows] = rng.choice(9, size=len(rows), p=EDU_P[kind])
        pendidikan = np.zeros(n, np.int64)
        for lv, (spellings, prob) in enumerate(EDU_SPELLING):
            rows = np.flatnonzero(level == lv)
            pendidikan[rows] = _pick(rng, t.codes(spellings), len(rows), prob)

        female = p["gender"] == 2
        first = np.where(female, _pick(rng, t.codes(FEMALE), n), _pick(rng, t.codes(MALE), n))
        last = _pick(rng, t.codes(LAST), n)
        nama = pc.binary_join_element_wise(t.column(first), t.column(last), " ")
        titled = rng.random(n) < 0.6
        nama = pc.if_else(pa.array(titled),
                          pc.binary_join_element_wise(nama, t.column(_pick(rng, t.codes(TITLES), n)), ", "), nama)

        status_text = np.where(status == 1, t.code("CPNS"), np.where(status == 2, t.code("PPPK"), t.code("PNS")))
        status_text[(status == 0) & (rng.random(n) < 0.3)] = 0  # empty means PNS

        # Dirt: spaced NIPs, unknown and empty education, an unknown position type.
        spaced = _dirty(rng, n, 0.008)
        bad_edu = np.flatnonzero(_dirty(rng, n, 0.006))
        pendidikan[bad_edu] = _pick(rng, t.codes(EDU_DIRTY), len(bad_edu))
        expert = np.flatnonzero((ptype == 4) & (rng.random(n) < 0.002))
        jenis[expert] = t.code("Tenaga Ahli")

        return pa.table({
            "nip": self.nip_text(p["nip"], spaced), "nama": nama, "unit_kerja": pc.take(self.units, pa.array(p["unit"])),
            "jenis_jabatan": t.column(jenis), "eselon": t.column(eselon), "jabatan": t.column(jabatan),
            "pendidikan": t.column(pendidikan), "status": t.column(status_text),
        })

    # diklat ------------------------------------------------------------------------------------
    def diklat(self, rng: np.random.Generator, lo: int, hi: int) -> pa.Table:
        t, tahun = self.text, self.tahun
        ptype, tmt, nip = self.p["ptype"][lo:hi], self.p["tmt"][lo:hi], self.p["nip"][lo:hi]
        n = hi - lo
        end = np.datetime64(f"{tahun:04d}-12-31")
        parts = []

        def days_between(first_year: np.ndarray, last: np.datetime64) -> np.ndarray:
            first = (np.asarray(first_year, np.int64) - 1970).astype("datetime64[Y]").astype("datetime64[D]")
            span = np.maximum((last - first).astype(np.int64) + 1, 1)
            return first + np.floor(rng.random(len(first)) * span).astype(np.int64)

        # Leadership: ~75% of structural officials at their level, some one level off, some none.
        structural = np.flatnonzero(ptype <= 2)
        own = np.array(ESELON_LEVEL, np.int64)[ptype[structural]]
        u = rng.random(len(structural))
        lv = np.where(u < 0.75, own, np.where(u < 0.83, own + 1, np.where(u < 0.88, own - 1, 0)))
        who, lv = structural[lv > 0], lv[lv > 0]
        if len(who):
            days = days_between(np.minimum(tmt[who] + 2, tahun), end)
            name_codes = np.array([[t.code(s) for s in LEADERSHIP_NAMES[v]] for v in range(1, 6)])
            names = name_codes[lv - 1, rng.integers(0, 4, len(who))]
            tingkat = np.where(rng.random(len(who)) < 0.4, np.array([t.code(ROMAN.get(v, "V")) for v in range(1, 6)])[lv - 1], 0)
            jp = np.where(rng.random(len(who)) < 0.7, np.array([t.code(LEADERSHIP_JP[v]) for v in range(1, 6)])[lv - 1], 0)
            jenis = _pick(rng, t.codes(["Kepemimpinan", "Struktural", "Diklat PIM"]), len(who), [0.5, 0.3, 0.2])
            parts.append((who, jenis, names, tingkat, self.day_codes(days), jp, 0))

        # Functional: ~60% of functional officials, within the last ten years.
        who = np.flatnonzero((ptype == 3) & (rng.random(n) < 0.6))
        if len(who):
            days = days_between(np.minimum(np.maximum(tmt[who], tahun - 10), tahun), end)
            names = _pick(rng, t.codes(["Diklat Fungsional Guru", "Pelatihan Pembentukan Jabatan Fungsional",
                                        "Diklat Penjenjangan Tenaga Kesehatan", "Diklat Fungsional Auditor"]), len(who))
            jp = _pick(rng, t.codes(["40", "60", "80", "120", "150", ""]), len(who), [0.15, 0.2, 0.25, 0.2, 0.1, 0.1])
            jenis = _pick(rng, t.codes(["Fungsional", "Diklat Fungsional"]), len(who))
            parts.append((who, jenis, names, np.zeros(len(who), np.int64), self.day_codes(days), jp, 1))

        # Technical: 0-4 per person over tahun-3 .. tahun (a few registered after the reference date).
        count = rng.choice(5, size=n, p=[0.3, 0.3, 0.2, 0.12, 0.08])
        who = np.repeat(np.arange(n), count)
        if len(who):
            days = days_between(np.full(len(who), tahun - 3), end)
            later = rng.random(len(who)) < 0.004
            days[later] = end + rng.integers(1, 90, later.sum())
            jp_values = _pick(rng, np.array(TECH_JP), len(who), TECH_JP_P) * 100
            jp_values[rng.random(len(who)) < 0.01] += 50
            jp = np.array([t.code(_format_hundredths(v)) for v in range(0, 6100, 50)])[jp_values // 50]
            topic = _pick(rng, np.arange(len(TECH_TOPICS)), len(who))
            bimtek = rng.random(len(who)) < 0.35
            nama_codes = np.array([[t.code(f"Pelatihan {x}") for x in TECH_TOPICS],
                                   [t.code(f"Bimtek {x}") for x in TECH_TOPICS]])
            names = nama_codes[bimtek.astype(int), topic]
            jenis = np.where(bimtek, t.code("Bimtek"), _pick(rng, t.codes(["Teknis", "Diklat Teknis"]), len(who), [0.6, 0.4]))
            parts.append((who, jenis, names, np.zeros(len(who), np.int64), self.day_codes(days), jp, 2))

        # Seminars and the like: 0-5 per person over tahun-3 .. tahun.
        count = rng.choice(6, size=n, p=[0.3, 0.25, 0.2, 0.12, 0.08, 0.05])
        who = np.repeat(np.arange(n), count)
        if len(who):
            days = days_between(np.full(len(who), tahun - 3), end)
            kind = rng.choice(len(SEMINAR_KINDS), size=len(who), p=[0.3, 0.25, 0.3, 0.1, 0.05])
            topic = rng.integers(0, len(SEMINAR_TOPICS), len(who))
            nama_codes = np.array([[t.code(f"{k} {x}") for x in SEMINAR_TOPICS] for k in SEMINAR_KINDS])
            jenis = t.codes(SEMINAR_KINDS)[kind]
            jp = _pick(rng, t.codes(["", "", "2", "3", "4", "8"]), len(who))
            parts.append((who, jenis, nama_codes[kind, topic], np.zeros(len(who), np.int64), self.day_codes(days), jp, 3))

        emp = np.concatenate([x[0] for x in parts])
        cols = [np.concatenate([x[i] for x in parts]) for i in range(1, 6)]
        cat = np.concatenate([np.full(len(x[0]), x[6]) for x in parts])
        order = np.lexsort((cat, cols[3], emp))
        emp, cat = emp[order], cat[order]
        jenis, nama, tingkat, date, jp = (c[order] for c in cols)
        m = len(emp)

        # Dirt: impossible dates, negative JP, empty JP on a technical row, exact duplicates, unknown NIPs.
        bad = np.flatnonzero((cat == 3) & _dirty(rng, m, 0.003))
        date[bad] = self.bad_dates[rng.integers(0, 2, len(bad))]
        tech = np.flatnonzero(cat == 2)
        negative = tech[_dirty(rng, len(tech), 0.002)]
        jp[negative] = np.array([t.code("-" + t.values[c]) for c in jp[negative]], dtype=np.int64)
        empty = tech[_dirty(rng, len(tech), 0.002)]
        jp[empty] = 0
        rows = np.arange(m)
        duplicated = tech[_dirty(rng, len(tech), 0.002)]
        rows = np.sort(np.concatenate([rows, duplicated]), kind="stable")
        nips = nip[emp]
        stranger = _dirty(rng, m, 0.001)
        nips = np.where(stranger, nips // 1000 * 1000 + 999, nips)
        return pa.table({
            "nip": self.nip_text(nips[rows]), "jenis": t.column(jenis[rows]), "nama_diklat": t.column(nama[rows]),
            "tingkat": t.column(tingkat[rows]), "tanggal_selesai": self.dates.column(date[rows]),
            "jp": t.column(jp[rows]),
        })

    # kinerja -----------------------------------------------------------------------------------
    def kinerja(self, rng: np.random.Generator, lo: int, hi: int) -> pa.Table:
        t, tahun = self.text, self.tahun
        status, tmt, nip = self.p["status"][lo:hi], self.p["tmt"][lo:hi], self.p["nip"][lo:hi]
        pns = np.flatnonzero(status == 0)
        last = pns[rng.random(len(pns)) < 0.93]
        before = pns[(tmt[pns] <= tahun - 3) & (rng.random(len(pns)) < 0.8)]
        emp = np.concatenate([before, last])
        year = np.concatenate([np.full(len(before), tahun - 2), np.full(len(last), tahun - 1)])
        order = np.lexsort((year, emp))
        emp, year = emp[order], year[order]
        m = len(emp)
        values = np.clip(rng.normal(86.5, 4.8, m), 76.01, 97.5)
        u = rng.random(m)
        values = np.where(u < 0.06, rng.uniform(60.01, 76.0, m), values)
        values = np.where(u > 0.988, rng.uniform(40.0, 60.0, m), values)
        hundredths = np.rint(values * 100).astype(np.int64)
        nilai = hundredths.copy()  # Vocab code == hundredths
        pred_codes = t.codes(["Sangat Baik", "Baik", "Cukup", "Kurang", "Sangat Kurang"])
        band = np.select([hundredths > 9000, hundredths > 7500, hundredths > 6000, hundredths > 5000], [0, 1, 2, 3], 4)
        predikat = np.where(rng.random(m) < 0.3, pred_codes[band], 0)
        only_predicate = rng.random(m) < 0.08
        nilai_text = self.values.column(nilai)
        nilai_text = pc.if_else(pa.array(only_predicate), pa.scalar("", pa.string()), nilai_text)
        predikat[only_predicate] = _pick(rng, t.codes(PREDICATES), only_predicate.sum(), [0.2, 0.72, 0.06, 0.02])
        table = pa.table({"nip": self.nip_text(nip[emp]), "tahun": pc.cast(pa.array(year), pa.string()),
                          "nilai": nilai_text, "predikat": t.column(predikat)})
        # Dirt: a second, different assessment for one year, and assessments of unknown NIPs.
        clash = np.flatnonzero(~only_predicate & (year == tahun - 1) & _dirty(rng, m, 0.002))
        extra = pa.table({"nip": self.nip_text(nip[emp[clash]]), "tahun": pa.array([str(tahun - 1)] * len(clash)),
                          "nilai": self.values.column(np.minimum(hundredths[clash] + rng.integers(100, 600, len(clash)), 9999)),
                          "predikat": pa.array([""] * len(clash), pa.string())})
        k = max(1, round(m * 0.003))
        strangers = nip[rng.integers(0, len(nip), k)] // 1000 * 1000 + 999
        alien = pa.table({"nip": self.nip_text(strangers), "tahun": pa.array([str(tahun - 1)] * k),
                          "nilai": self.values.column(rng.integers(7600, 9500, k)),
                          "predikat": pa.array([""] * k, pa.string())})
        both = pa.concat_tables([table, extra, alien])
        key = np.concatenate([np.arange(m, dtype=float), clash + 0.5, np.sort(rng.integers(0, m, k)) + 0.25])
        return both.take(pa.array(np.argsort(key, kind="stable")))

    # hukdis ------------------------------------------------------------------------------------
    def hukdis(self, rng: np.random.Generator, lo: int, hi: int) -> pa.Table:
        t, tahun = self.text, self.tahun
        nip = self.p["nip"][lo:hi]
        n = hi - lo
        punished = np.flatnonzero(rng.random(n) < 0.03)
        emp = np.repeat(punished, np.where(rng.random(len(punished)) < 0.2, 2, 1))
        m = len(emp)
        first = np.datetime64(f"{tahun - 7:04d}-01-01")
        days = first + rng.integers(0, (np.datetime64(f"{tahun:04d}-12-31") - first).astype(int) + 1, m)
        severity = rng.choice(3, size=m, p=[0.6, 0.28, 0.12])
        tingkat = np.zeros(m, np.int64)
        for s, spellings in enumerate(DISCIPLINE):
            rows = np.flatnonzero(severity == s)
            tingkat[rows] = _pick(rng, t.codes(spellings), len(rows))
        tingkat[_dirty(rng, m, 0.02)] = t.code("Sanksi Adat")
        order = np.lexsort((days.astype(np.int64), emp))
        return pa.table({"nip": self.nip_text(nip[emp[order]]), "tingkat": t.column(tingkat[order]),
                         "tanggal": self.dates.column(self.day_codes(days[order]))})


def _format_hundredths(h: int) -> str:
    """Integer hundredths -> Indonesian text: 8550 -> "85,5", 9000 -> "90", 8553 -> "85,53"."""
    whole, frac = divmod(int(h), 100)
    if frac == 0:
        return str(whole)
    if frac % 10 == 0:
        return f"{whole},{frac // 10}"
    return f"{whole},{frac:02d}"


# --- writing and caching -----------------------------------------------------------------------


def folder_for(out: Path, scale: float, seed: int, tahun: int) -> Path:
    return out / f"national-scale{scale:g}-seed{seed}-tahun{tahun}"


def ensure(out: Path, scale: float, seed: int, tahun: int, regenerate: bool = False,
           log=print) -> tuple[Path, dict]:
    """The cached dataset folder (generated when missing or stale) and its metadata."""
    folder = folder_for(out, scale, seed, tahun)
    meta_path = folder / "_meta.json"
    if not regenerate and meta_path.is_file():
        meta = json.loads(meta_path.read_text())
        if meta.get("generator_version") == GENERATOR_VERSION:
            meta["cached"] = True
            return folder, meta
    if folder.exists():
        shutil.rmtree(folder)
    scratch = folder.with_name(folder.name + ".partial")
    if scratch.exists():
        shutil.rmtree(scratch)
    scratch.mkdir(parents=True)
    started = time.perf_counter()
    gen = Generator(scale, seed, tahun)
    n = len(gen.p["nip"])
    log(f"generating {n:,} employees in {max(1, -(-n // CHUNK))} chunks of {CHUNK:,} -> {folder}")
    schema = {name: pa.schema([(c, pa.string()) for c in cols]) for name, cols in SHEETS.items()}
    writers = {name: pq.ParquetWriter(scratch / f"{name}.parquet", schema[name]) for name in SHEETS}
    rows = dict.fromkeys(SHEETS, 0)
    try:
        for index, lo in enumerate(range(0, n, CHUNK)):
            hi = min(n, lo + CHUNK)
            rng = np.random.default_rng([seed, index])
            for name in SHEETS:
                table = getattr(gen, name)(rng, lo, hi).select(list(SHEETS[name]))
                writers[name].write_table(table.cast(schema[name]))
                rows[name] += table.num_rows
    finally:
        for writer in writers.values():
            writer.close()
    meta = {"generator_version": GENERATOR_VERSION, "scale": scale, "seed": seed, "tahun": tahun,
            "rows": rows, "pns": int((gen.p["status"] == 0).sum()), "employees": n,
            "units": int(gen.p["n_units"][0]), "bytes": {name: (scratch / f"{name}.parquet").stat().st_size
                                                         for name in SHEETS},
            "generation_seconds": round(time.perf_counter() - started, 1)}
    (scratch / "_meta.json").write_text(json.dumps(meta, indent=1))
    scratch.rename(folder)
    meta["cached"] = False
    return folder, meta
