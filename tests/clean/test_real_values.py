"""Issue 10: real SIASN values are read right, or refused loudly; never a silently wrong score.

One SIASN-looking workbook (title rows above uppercase SIASN headers with spaces, the employee's NAMA
in every riwayat sheet, NIPs as text, dd-mm-yyyy text beside Excel date cells, ids beside names) holds
one employee per problem. It is scored once through the real command line (`ipasn score`), and each
problem is checked on the written `skor` and `temuan` sheets, as the analyst reads them.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import openpyxl
import pandas as pd
import pytest
from tests.builders import make_nip, write_ruleset, write_workbook
from click.testing import CliRunner

from ipasn.clean.problems import HARMLESS, PROBLEMS
from ipasn.cli import main

N = 2022
TITLES = [["DAFTAR PEGAWAI NEGERI SIPIL"], ["Sumber: SIASN, diunduh 05-01-2023"], []]

PEGAWAI = ["NIP BARU", "NAMA", "UNOR INDUK NAMA", "UNOR NAMA", "JENIS JABATAN ID", "JENIS JABATAN NAMA", "ESELON ID",
           "ESELON NAMA", "JABATAN NAMA", "TINGKAT PENDIDIKAN ID", "TINGKAT PENDIDIKAN NAMA", "STATUS CPNS PNS",
           "KEDUDUKAN HUKUM NAMA"]
STRUKTURAL = ["NIP BARU", "NAMA", "LATIHAN STRUKTURAL ID", "LATIHAN STRUKTURAL NAMA", "TAHUN"]
KURSUS = ["NIP BARU", "NAMA", "JENIS DIKLAT ID", "JENIS KURSUS NAMA", "NAMA KURSUS", "JUMLAH JAM", "TANGGAL KURSUS"]
SKP = ["NIP BARU", "NAMA", "TAHUN", "NILAI SKP", "PREDIKAT"]
HUKDIS = ["NIP BARU", "NAMA", "JENIS TINGKAT HUKUMAN ID", "JENIS HUKUMAN ID", "JENIS HUKUMAN NAMA", "TMT HUKUMAN"]

# SIASN's own ids and names (JENIS JABATAN, ESELON, TINGKAT PENDIDIKAN).
PELAKSANA = {"JENIS JABATAN ID": "4", "JENIS JABATAN NAMA": "Jabatan Pelaksana"}
FUNGSIONAL = {"JENIS JABATAN ID": "2", "JENIS JABATAN NAMA": "Jabatan Fungsional Tertentu"}
STRUKTURAL_ = {"JENIS JABATAN ID": "1", "JENIS JABATAN NAMA": "Jabatan Struktural"}
ESELON = {level: {"ESELON ID": eid, "ESELON NAMA": name} for level, eid, name in
          [(1, "11", "I.a"), (2, "21", "II.a"), (3, "31", "III.a"), (4, "41", "IV.a")]}


class Export:
    """The rows of a SIASN-looking workbook, keyed by their SIASN headers."""

    def __init__(self) -> None:
        self.sheets: dict[str, list[dict]] = {"Data Utama PNS": [], "Riwayat Diklat Struktural": [],
                                              "Riwayat Kursus": [], "Riwayat SKP": [], "Riwayat Hukuman Disiplin": []}
        self.headers = {"Data Utama PNS": PEGAWAI, "Riwayat Diklat Struktural": STRUKTURAL,
                        "Riwayat Kursus": KURSUS, "Riwayat SKP": SKP, "Riwayat Hukuman Disiplin": HUKDIS}

    def person(self, i: int, skp: object = 80, **fields: object) -> str:
        """A PNS Pelaksana, S-1, with SKP N-1 (so every dimension is known unless a test says not)."""
        nip = make_nip(i)
        row = {"NIP BARU": nip, "NAMA": f"PEGAWAI {i}", "UNOR INDUK NAMA": "DINAS A", "UNOR NAMA": "BIDANG 1",
               **PELAKSANA, "ESELON ID": None, "ESELON NAMA": None, "JABATAN NAMA": "PENGADMINISTRASI UMUM",
               "TINGKAT PENDIDIKAN ID": "40", "TINGKAT PENDIDIKAN NAMA": "S-1/Sarjana", "STATUS CPNS PNS": "P",
               "KEDUDUKAN HUKUM NAMA": "Aktif"}
        row.update(fields)
        self.sheets["Data Utama PNS"].append({h: row.get(h) for h in PEGAWAI})
        if skp is not None:
            self.skp(nip, N - 1, skp)
        return nip

    def _add(self, sheet: str, nip: str, values: dict) -> None:
        row = {"NIP BARU": nip, "NAMA": f"PEGAWAI {nip[-3:]}", **values}
        self.sheets[sheet].append({h: row.get(h) for h in self.headers[sheet]})

    def struktural(self, nip: str, lsid: object, name: object, tahun: object = 2015) -> None:
        self._add("Riwayat Diklat Struktural", nip,
                  {"LATIHAN STRUKTURAL ID": lsid, "LATIHAN STRUKTURAL NAMA": name, "TAHUN": tahun})

    def kursus(self, nip: str, jenis_id: object, jenis: object, name: object, jp: object, tanggal: object) -> None:
        self._add("Riwayat Kursus", nip, {"JENIS DIKLAT ID": jenis_id, "JENIS KURSUS NAMA": jenis, "NAMA KURSUS": name,
                                          "JUMLAH JAM": jp, "TANGGAL KURSUS": tanggal})

    def skp(self, nip: str, tahun: object, nilai: object, predikat: object = None) -> None:
        self._add("Riwayat SKP", nip, {"TAHUN": tahun, "NILAI SKP": nilai, "PREDIKAT": predikat})

    def hukdis(self, nip: str, tingkat: object, jenis: object, tanggal: object, jenis_id: object = None) -> None:
        self._add("Riwayat Hukuman Disiplin", nip, {"JENIS TINGKAT HUKUMAN ID": tingkat, "JENIS HUKUMAN ID": jenis_id,
                                                    "JENIS HUKUMAN NAMA": jenis, "TMT HUKUMAN": tanggal})

    def write(self, path: Path) -> Path:
        sheets = {name: rows for name, rows in self.sheets.items() if rows}
        return write_workbook(path, sheets, title_rows=TITLES, headers={n: self.headers[n] for n in sheets},
                              history=False)


def score_cli(path: Path, out: Path, *args: str) -> tuple[pd.DataFrame, pd.DataFrame, str]:
    """`ipasn score` as the user runs it; the written skor and temuan sheets."""
    result = CliRunner().invoke(main, ["score", str(path), "--year", str(N), "--output", str(out), *args])
    assert result.exit_code == 0, result.output
    book = openpyxl.load_workbook(out, read_only=True)
    sheets = {}
    for name in ("skor", "temuan"):
        rows = list(book[name].iter_rows(values_only=True))
        sheets[name] = pd.DataFrame(rows[1:], columns=rows[0])
    book.close()
    return sheets["skor"].set_index("nip"), sheets["temuan"], result.output


# --- the shared workbook: one employee per case --------------------------------------------------

E = Export()
# 3. LATIHAN STRUKTURAL ID 1..5 is a table, not the level: 2 is eselon IV, 5 eselon I.
LSID = {}
for i, (level, lsid, name) in enumerate([(4, "2", "SEPALA/ADUM/DIKLAT PIM TK.IV"), (3, "3", "SEPADYA/SPAMA/DIKLAT PIM TK. III"),
                                         (2, "4", "SPAMEN/SESPA/SESPANAS/DIKLAT PIM TK. II"), (1, "5", "SEPATI/DIKLAT PIM TK. I")]):
    nip = E.person(10 + i, **STRUKTURAL_, **ESELON[level], **{"JABATAN NAMA": "KEPALA"})
    E.struktural(nip, lsid, name)
    LSID[lsid] = nip
# id and name disagree: the id (3, PIM III) decides, for a Pengawas (IV) that earns nothing by it
ID_NAME_CLASH = E.person(14, **STRUKTURAL_, **ESELON[4])
E.struktural(ID_NAME_CLASH, "3", "SEPALA/ADUM/DIKLAT PIM TK.IV")
POSITION_CLASH = E.person(15, **{"JENIS JABATAN ID": "2", "JENIS JABATAN NAMA": "Jabatan Pelaksana"})

# ids alone, without names; an id ipasn does not know beside a name it does
IDS_ONLY = E.person(16, **{"JENIS JABATAN ID": "2", "JENIS JABATAN NAMA": None, "TINGKAT PENDIDIKAN ID": "45",
                           "TINGKAT PENDIDIKAN NAMA": None})
UNKNOWN_ID = E.person(17, **{"JENIS JABATAN ID": "3", "JENIS JABATAN NAMA": "Jabatan Fungsional Tertentu"})

# 4. a year typed in a date cell: 2020 as a number, as text, and as Excel shows it (12-07-1905)
HEAVY_2020 = E.person(20)
E.hukdis(HEAVY_2020, "B", "Pemberhentian dengan hormat tidak atas permintaan sendiri sebagai PNS", 2020)
HEAVY_1905 = E.person(21)
E.hukdis(HEAVY_1905, "B", None, dt.datetime(1905, 7, 12))
TRAINED_YEAR = E.person(22)
E.kursus(TRAINED_YEAR, "8", "Bimbingan Teknis", "Bimtek Arsip", 24, "2022")
E.kursus(TRAINED_YEAR, "9", "Seminar", "Seminar Kearsipan", None, N)
OLD_YEAR = E.person(23)
E.kursus(OLD_YEAR, "8", "Bimbingan Teknis", "Bimtek Lama", 24, 2021)  # the whole of 2021 is outside

# 5. Jabatan Administrasi (JA) by eselon; Jabatan Struktural with eselon II is JPT
JA_III = E.person(30, **{"JENIS JABATAN ID": None, "JENIS JABATAN NAMA": "JA"}, **ESELON[3])
JA_NONE = E.person(31, **{"JENIS JABATAN ID": None, "JENIS JABATAN NAMA": "JA"})
STRUCTURAL_II = E.person(32, **STRUKTURAL_, **{"ESELON ID": None, "ESELON NAMA": "II.b"})

# 6. leadership level from the kind and from LAN's names
PIM_IN_KIND = E.person(40, **STRUKTURAL_, **ESELON[4])
E.kursus(PIM_IN_KIND, None, "Diklat PIM IV", None, None, "15-03-2016")
PKA = E.person(41, **STRUKTURAL_, **ESELON[3])
E.kursus(PKA, None, None, "Pelatihan Kepemimpinan Administrator Angkatan X", None, dt.date(2020, 9, 1))
PKN_II = E.person(42, **STRUKTURAL_, **ESELON[2])
E.kursus(PKN_II, None, None, "PKN Tingkat II Angkatan XLV", None, "01-10-2019")
PKP = E.person(43, **STRUKTURAL_, **ESELON[4])
E.kursus(PKP, None, None, "Pelatihan Kepemimpinan Pengawas", None, dt.date(2021, 5, 5))

# 7. punishments given by name only (JENIS HUKUMAN NAMA), the level column empty
PUNISHMENT_CASES = [
    ("Teguran lisan", 3), ("Pernyataan tidak puas secara tertulis", 3),
    ("Pemotongan tunjangan kinerja sebesar 25% selama 9 bulan", 2),
    ("Penundaan kenaikan gaji berkala selama 1 (satu) tahun", 2),
    ("Penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun", 2),
    ("Penurunan pangkat setingkat lebih rendah selama 3 (tiga) tahun", 1),
    ("Pembebasan dari jabatannya menjadi jabatan pelaksana selama 12 (dua belas) bulan", 1),
    ("Pemberhentian tidak dengan hormat sebagai PNS", 1),
]
PUNISHED = {}
for i, (name, points) in enumerate(PUNISHMENT_CASES):
    PUNISHED[name] = E.person(50 + i)
    E.hukdis(PUNISHED[name], None, name, dt.date(N - 1, 3, 1))
NO_PUNISHMENT = E.person(60)
E.hukdis(NO_PUNISHMENT, None, "Tidak ada", None)
LEVEL_WINS = E.person(61)
E.hukdis(LEVEL_WINS, "R", "Pemberhentian tidak dengan hormat", "01-02-2021")
ID_ONLY = E.person(62)
E.hukdis(ID_ONLY, None, None, "01-02-2021", jenis_id="05")

# 8. status and kedudukan
STATUS_CASES = [("PNS", "Aktif", True), ("P", "Tugas Belajar", True), ("PNS", "PNS DPK", True),
                ("C", "CPNS Aktif", False), (None, "PPPK Aktif", False), ("P", "CLTN", False),
                ("PNS", "Pemberhentian sementara", False), ("Honorer", None, False)]
STATUS = {}
for i, (status, kedudukan, measured) in enumerate(STATUS_CASES):
    STATUS[(status, kedudukan)] = E.person(70 + i, **{"STATUS CPNS PNS": status, "KEDUDUKAN HUKUM NAMA": kedudukan})

# 10. rows that cannot matter this year, and Latsar
OLD_NO_JP = E.person(80)
E.kursus(OLD_NO_JP, "3", "Diklat Teknis", "Diklat Teknis Lama", None, "05-05-2005")
OLD_UNREADABLE = E.person(81)
E.hukdis(OLD_UNREADABLE, "X", None, dt.date(2010, 6, 1))
TWO_SKP_2018 = E.person(82)
E.skp(TWO_SKP_2018, 2018, 70)
E.skp(TWO_SKP_2018, 2018, 85)
LATSAR = E.person(83)
E.kursus(LATSAR, "3", "Diklat Teknis", "Pelatihan Dasar CPNS Golongan III Angkatan 5", 480, dt.date(N, 4, 1))

# 13. smaller ones
SEDANG = E.person(90, skp=None)
E.skp(SEDANG, N - 1, None, "Sedang")
HUGE_JP = E.person(91)
E.kursus(HUGE_JP, "3", "Diklat Teknis", "Diklat Teknis", "1e303", dt.date(N, 2, 2))
BAD_ESELON = E.person(92, **STRUKTURAL_, **{"ESELON ID": None, "ESELON NAMA": "Eselon Tujuh"})

# every SIASN jenis diklat id, each for its own Pelaksana, and kursus kinds by name
KIND_CASES = [("3", None, "teknis"), ("5", None, "teknis"), ("6", None, "teknis"), ("8", None, "teknis"),
              ("4", None, "seminar"), ("7", None, "seminar"), ("9", None, "seminar"), ("10", None, "seminar"),
              (None, "Bimtek", "teknis"), (None, "Workshop", "seminar"), (None, "Kursus", "seminar"),
              (None, "Webinar", "seminar")]
KINDS = {}
for i, (jenis_id, jenis, _) in enumerate(KIND_CASES):
    KINDS[(jenis_id, jenis)] = E.person(100 + i)
    E.kursus(KINDS[(jenis_id, jenis)], jenis_id, jenis, f"Kegiatan {i}", 20, f"{1 + i:02d}-06-{N}")


@pytest.fixture(scope="module")
def scored(tmp_path_factory):
    folder = tmp_path_factory.mktemp("siasn")
    return score_cli(E.write(folder / "unduhan-siasn.xlsx"), folder / "skor.xlsx")


def findings(found: pd.DataFrame, nip: str) -> pd.DataFrame:
    return found[found["nip"] == nip]


def codes(found: pd.DataFrame, nip: str) -> list[str]:
    return findings(found, nip)["kode"].tolist()


def codes_beside_the_year(found: pd.DataFrame, nip: str) -> list[str]:
    """The findings other than TANGGAL_HANYA_TAHUN, which every row of the struktural sheet has (its
    TAHUN column gives years only), and which here can never change the score."""
    mine = findings(found, nip)
    year = mine["kode"] == "TANGGAL_HANYA_TAHUN"
    assert not mine.loc[year, "berdampak"].any()
    return mine.loc[~year, "kode"].tolist()


# --- 3. latihan struktural ids, id beside name ---------------------------------------------------

@pytest.mark.parametrize("lsid", ["2", "3", "4", "5"])
def test_latihan_struktural_id_is_read_through_siasn_table(scored, lsid):
    skor, found, _ = scored
    assert skor.loc[LSID[lsid], "kompetensi_kepemimpinan"] == 15
    assert codes_beside_the_year(found, LSID[lsid]) == []
    assert skor.loc[LSID[lsid], "data_lengkap"]


def test_id_and_name_disagree_the_id_decides_with_a_harmless_finding(scored):
    skor, found, _ = scored
    assert skor.loc[ID_NAME_CLASH, "kompetensi_kepemimpinan"] == 0  # PIM III (the id) is not a Pengawas's
    assert codes_beside_the_year(found, ID_NAME_CLASH) == ["KODE_NAMA_BERBEDA"]
    mine = findings(found, ID_NAME_CLASH).query("kode == 'KODE_NAMA_BERBEDA'")
    assert mine["nilai"].iloc[0] == "3 / SEPALA/ADUM/DIKLAT PIM TK.IV"  # both values named
    assert not mine["berdampak"].iloc[0] and skor.loc[ID_NAME_CLASH, "data_lengkap"]
    assert skor.loc[POSITION_CLASH, "jenis_jabatan"] == "Fungsional"
    assert codes(found, POSITION_CLASH) == ["KODE_NAMA_BERBEDA"]


def test_ids_alone_are_read_and_an_unknown_id_gives_way_to_its_name(scored):
    skor, found, _ = scored
    assert skor.loc[IDS_ONLY, "jenis_jabatan"] == "Fungsional" and skor.loc[IDS_ONLY, "kualifikasi"] == 20
    assert codes(found, IDS_ONLY) == [] and skor.loc[IDS_ONLY, "data_lengkap"]
    assert skor.loc[UNKNOWN_ID, "jenis_jabatan"] == "Fungsional"
    mine = findings(found, UNKNOWN_ID)
    assert mine["kode"].tolist() == ["KODE_TIDAK_DIKENALI"] and mine["kolom"].tolist() == ["jenis_jabatan_id"]
    assert skor.loc[UNKNOWN_ID, "data_lengkap"]


# --- 4. a bare year in a date column -------------------------------------------------------------

@pytest.mark.parametrize("who", [pytest.param(HEAVY_2020, id="angka-2020"), pytest.param(HEAVY_1905, id="sel-tanggal-1905")])
def test_heavy_punishment_dated_by_its_year_counts(scored, who):
    skor, found, _ = scored
    assert skor.loc[who, "disiplin"] == 1
    mine = findings(found, who)
    assert mine["kode"].tolist() == ["TANGGAL_HANYA_TAHUN"]
    assert not mine["berdampak"].any() and skor.loc[who, "data_lengkap"]  # 2020 lies wholly in the window
    if who == HEAVY_1905:
        assert "2020" in mine["nilai"].iloc[0]


def test_trainings_dated_by_their_year_count_when_the_year_is_inside(scored):
    skor, found, _ = scored
    assert skor.loc[TRAINED_YEAR, "kompetensi_teknis"] == 22.5
    assert skor.loc[TRAINED_YEAR, "kompetensi_seminar"] == 17.5
    assert codes(found, TRAINED_YEAR) == ["TANGGAL_HANYA_TAHUN", "TANGGAL_HANYA_TAHUN"]
    assert skor.loc[TRAINED_YEAR, "data_lengkap"]
    assert skor.loc[OLD_YEAR, "kompetensi_teknis"] == 0 and skor.loc[OLD_YEAR, "data_lengkap"]


def test_a_year_across_the_window_edge_is_unknown(tmp_path):
    """Reference date 30 June 2022: a training of 2022 may be before or after it, a punishment of 2017
    before or after the window's start. Neither counts, both make the record incomplete."""
    export = Export()
    trained = export.person(1)
    export.kursus(trained, "8", "Bimbingan Teknis", "Bimtek", 24, 2022)
    punished = export.person(2)
    export.hukdis(punished, "B", None, 2017)
    skor, found, _ = score_cli(export.write(tmp_path / "x.xlsx"), tmp_path / "s.xlsx", "--reference-date",
                               "2022-06-30")
    assert skor.loc[trained, "kompetensi_teknis"] == 0 and not skor.loc[trained, "data_lengkap"]
    assert skor.loc[punished, "disiplin"] == 0 and not skor.loc[punished, "data_lengkap"]
    assert "hanya bertahun" in skor.loc[punished, "keterangan_disiplin"]
    assert found.loc[found["kode"] == "TANGGAL_HANYA_TAHUN", "berdampak"].tolist() == [True, True]


# --- 5. Jabatan Administrasi ---------------------------------------------------------------------

@pytest.mark.parametrize(("who", "jenis"), [pytest.param(JA_III, "Administrator", id="JA-III"),
                                            pytest.param(JA_NONE, "Pelaksana", id="JA-tanpa-eselon"),
                                            pytest.param(STRUCTURAL_II, "JPT", id="struktural-II")])
def test_position_resolved_by_eselon(scored, who, jenis):
    skor, found, _ = scored
    assert skor.loc[who, "jenis_jabatan"] == jenis
    assert codes(found, who) == []


# --- 6. leadership level from the kind and LAN's names --------------------------------------------

@pytest.mark.parametrize("who", [pytest.param(PIM_IN_KIND, id="diklat-pim-iv-di-jenis"), pytest.param(PKA, id="PKA"),
                                 pytest.param(PKN_II, id="PKN-II"), pytest.param(PKP, id="PKP")])
def test_leadership_level_from_kind_or_lan_name(scored, who):
    skor, found, _ = scored
    assert skor.loc[who, "kompetensi_kepemimpinan"] == 15
    assert codes(found, who) == []


# --- 7. punishments by name ----------------------------------------------------------------------

@pytest.mark.parametrize(("name", "points"), [pytest.param(n, p, id=n[:40]) for n, p in PUNISHMENT_CASES])
def test_punishment_name_gives_its_level(scored, name, points):
    skor, found, _ = scored
    assert skor.loc[PUNISHED[name], "disiplin"] == points
    assert skor.loc[PUNISHED[name], "data_lengkap"]
    assert codes(found, PUNISHED[name]) == []


def test_no_punishment_row_is_a_harmless_finding(scored):
    skor, found, _ = scored
    assert skor.loc[NO_PUNISHMENT, "disiplin"] == 5 and skor.loc[NO_PUNISHMENT, "data_lengkap"]
    assert codes(found, NO_PUNISHMENT) == ["HUKDIS_TIDAK_ADA"]
    assert "HUKDIS_TIDAK_ADA" in HARMLESS


def test_level_column_wins_over_the_name(scored):
    skor, found, _ = scored
    assert skor.loc[LEVEL_WINS, "disiplin"] == 3
    mine = findings(found, LEVEL_WINS)
    assert mine["kode"].tolist() == ["TINGKAT_DAN_JENIS_HUKUMAN_BERBEDA"]
    assert mine["nilai"].iloc[0] == "R / Pemberhentian tidak dengan hormat"


def test_an_id_alone_is_a_loud_finding_not_a_guess(scored):
    skor, found, _ = scored
    assert skor.loc[ID_ONLY, "disiplin"] == 0 and not skor.loc[ID_ONLY, "data_lengkap"]
    mine = findings(found, ID_ONLY)
    assert mine["kode"].tolist() == ["JENIS_HUKUMAN_HANYA_KODE"]
    assert mine["kolom"].iloc[0] == "jenis_hukuman_id" and mine["berdampak"].iloc[0]


# --- 8. status and kedudukan ---------------------------------------------------------------------

@pytest.mark.parametrize(("status", "kedudukan", "measured"),
                         [pytest.param(*case, id=f"{case[0]}|{case[1]}") for case in STATUS_CASES])
def test_status_and_kedudukan(scored, status, kedudukan, measured):
    skor, found, _ = scored
    nip = STATUS[(status, kedudukan)]
    assert (nip in skor.index) == measured
    # the person is registered either way: their SKP row finds them
    assert "NIP_TIDAK_ADA_DI_PEGAWAI" not in found["kode"].tolist()
    expected = ["STATUS_TIDAK_DIKENALI"] if status == "Honorer" else []
    assert codes(found, nip) == expected


def test_the_summary_counts_everyone_registered(scored):
    _, _, output = scored
    not_measured = sum(1 for *_, m in STATUS_CASES if not m)
    assert f"tidak diukur {not_measured}" in output


# --- 10. findings that cannot change this year's score; Latsar -----------------------------------

@pytest.mark.parametrize(("who", "code"), [pytest.param(OLD_NO_JP, "JP_KOSONG", id="diklat-2005-tanpa-jp"),
                                           pytest.param(OLD_UNREADABLE, "TINGKAT_HUKDIS_TIDAK_DIKENALI", id="hukdis-2010"),
                                           pytest.param(TWO_SKP_2018, "KINERJA_GANDA", id="dua-skp-2018"),
                                           pytest.param(LATSAR, "DIKLAT_PRAJABATAN", id="latsar")])
def test_findings_that_cannot_change_the_score_keep_the_record_complete(scored, who, code):
    skor, found, _ = scored
    mine = findings(found, who)
    assert set(mine["kode"]) == {code}
    assert not mine["berdampak"].any()
    assert skor.loc[who, "data_lengkap"]


def test_latsar_never_counts(scored):
    skor, found, _ = scored
    assert skor.loc[LATSAR, "kompetensi_teknis"] == 0
    assert findings(found, LATSAR)["masalah"].tolist() == [PROBLEMS["DIKLAT_PRAJABATAN"]]


# --- 13. smaller ones ----------------------------------------------------------------------------

def test_sedang_is_a_predicate_of_the_regulation(scored):
    skor, found, _ = scored
    assert skor.loc[SEDANG, "kinerja"] == 5
    assert codes(found, SEDANG) == []


def test_absurd_jp_is_refused_not_printed_as_infinity(scored):
    skor, found, _ = scored
    assert codes(found, HUGE_JP) == ["JP_TIDAK_WAJAR"]
    assert skor.loc[HUGE_JP, "kompetensi_teknis"] == 0
    assert "∞" not in skor.loc[HUGE_JP, "keterangan_kompetensi"]


def test_one_bad_eselon_cell_is_one_finding(scored):
    _, found, _ = scored
    assert codes(found, BAD_ESELON) == ["ESELON_TIDAK_VALID"]


@pytest.mark.parametrize(("jenis_id", "jenis", "kind"), [pytest.param(*c, id=f"{c[0]}|{c[1]}") for c in KIND_CASES])
def test_siasn_training_kinds(scored, jenis_id, jenis, kind):
    skor, found, _ = scored
    nip = KINDS[(jenis_id, jenis)]
    assert skor.loc[nip, f"kompetensi_{kind}"] > 0
    assert codes(found, nip) == []


def test_longest_single_training_wording_without_accumulation(tmp_path):
    export = Export()
    nip = export.person(1)
    for day, jp in ((1, 12), (2, 12)):
        export.kursus(nip, "8", "Bimbingan Teknis", f"Bimtek {day}", jp, dt.date(N, 3, day))
    rules = write_ruleset(tmp_path / "aturan.yaml", {"opsi.teknis_akumulasi_jp": False})
    skor, _, _ = score_cli(export.write(tmp_path / "x.xlsx"), tmp_path / "s.xlsx", "--rules", str(rules))
    text = skor.loc[nip, "keterangan_kompetensi"]
    assert "diklat teknis terpanjang dalam 1 tahun terakhir 12 JP" in text
    assert "24 JP" not in text and skor.loc[nip, "kompetensi_teknis"] == 0
