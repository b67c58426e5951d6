"""Property tests: the vectorised scoring (`ipasn.score`) agrees with the plain per-employee reference
(`ipasn.reference.score_reference`) on random, messy input, for the default ruleset, with each option
flipped, and with a non-default reference date (29 February).

Each example is a random CSV folder (employees of every position type and eselon, education codes and
names, trainings, assessments and punishments dated around the window edges, and some unreadable rows),
loaded once through `ipasn.load` and scored under every ruleset variant.
"""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path

import pytest
from tests.builders import NUMERIC_COLUMNS, assert_agrees_with_reference, make_nip, write_csv_folder, write_ruleset
from hypothesis import HealthCheck, Phase, find, given, settings
from hypothesis import strategies as st

import ipasn
from ipasn.clean.codes import parse_training_kind
from ipasn.clean.problems import HARMLESS
from ipasn.ruleset import category_for

N = 2024  # a leap year, so that 29 February can be the reference date
FEB29 = dt.date(N, 2, 29)

# (jenis_jabatan, eselon, the position type it must resolve to); interleaved, because hypothesis draws
# the front of a list more often than its end.
POSITIONS = [
    ("Fungsional Tertentu", None, "Fungsional"), ("Struktural", "II.b", "JPT"), ("Pelaksana", None, "Pelaksana"),
    ("Struktural", "III/a", "Administrator"), ("JFT", None, "Fungsional"), ("Struktural", "IV.b", "Pengawas"),
    ("Struktural", "I.a", "JPT"), ("Fungsional Umum", None, "Pelaksana"), ("JPT", None, "JPT"),
    ("Fungsional", None, "Fungsional"), ("JPT Madya", None, "JPT"), ("Administrator", "III", "Administrator"),
    ("Pelaksana", None, "Pelaksana"), ("Pengawas", "4", "Pengawas"), ("Struktural", "21", "JPT"),
    ("Struktural", 41, "Pengawas"), ("JPT Pratama", "II.a", "JPT"), ("JPT", "I.b", "JPT"),
    ("Administrator", None, "Administrator"), ("Pengawas", None, "Pengawas"), ("Struktural", None, None),
    ("Tenaga Ahli", None, None), ("Pengawas", "II.a", "Pengawas"), ("JPT", "III.a", "JPT"),
    ("Struktural", "VII", None), ("JA", "III.b", "Administrator"), ("Jabatan Administrasi", None, "Pelaksana"),
    ("JA", "IV.a", "Pengawas"), ("JA", "II.a", None), ("Jabatan Struktural", "I.b", "JPT"),
]
TYPE_OF = {(jenis, eselon): kind for jenis, eselon, kind in POSITIONS}
EDUCATION = ["05", "10", "12", "15", "17", "18", "20", "25", "30", "35", "40", "42", "45", "47", "49", "50",
             40, 5, "S-1", "D-III", "SMA", "Doktor", "Magister", "Sarjana Muda", "SMP", "XX", None, "0"]

LEADERSHIP = ["Diklatpim I", "SEPATI", "PKN Tingkat I", "Diklatpim II", "SPAMEN", "SESPA", "PKN Tingkat II",
              "Diklatpim III", "SPAMA", "SEPADYA", "PKA", "Diklatpim IV", "ADUM", "SEPALA", "PKP",
              "Diklat Kepemimpinan", "Pelatihan Kepemimpinan Administrator Angkatan X",
              "Pelatihan Kepemimpinan Pengawas", "Pelatihan Kepemimpinan Nasional Tingkat II"]
# SIASN jenis diklat ids (3 Diklat Teknis, 9 Seminar), LAN's names in the kind column, Latsar (never counts)
KINDS = ["kepemimpinan", "fungsional", "teknis", "PKN", "Bimtek", "seminar", "Workshop", "Outbound", "Diklatpim",
         "3", "9", "Diklat PIM III", "Latsar CPNS", "Kursus"]


def _edges(reference: dt.date, years: int) -> list[dt.date]:
    """The window's first day, the day before it, the reference date and the day after it."""
    try:
        start = reference.replace(year=reference.year - years)
    except ValueError:  # 29 February
        start = reference.replace(year=reference.year - years, day=28)
    one = dt.timedelta(days=1)
    return [start, start + one, reference, reference + one]


EDGE_DATES = sorted({d for ref in (dt.date(N, 12, 31), FEB29) for years in (1, 2, 5) for d in _edges(ref, years)})


def weighted(*choices: tuple[int, st.SearchStrategy]) -> st.SearchStrategy:
    """Draw from one of several strategies with the given relative weights (one_of would be even)."""
    slots = [i for i, (weight, _) in enumerate(choices) for _ in range(weight)]
    return st.sampled_from(slots).flatmap(lambda i: choices[i][1])


# Half of all dates sit on a window edge: an off-by-one day in either implementation shows quickly.
dates = weighted(
    (4, st.sampled_from(EDGE_DATES)),
    (3, st.dates(min_value=dt.date(N - 1, 1, 1), max_value=dt.date(N, 12, 31))),  # inside the windows
    (1, st.dates(min_value=dt.date(N - 12, 1, 1), max_value=dt.date(N + 1, 12, 31))),
)
# A bare year (as a number or as text) around every window edge, for both reference dates.
years = st.integers(N - 7, N + 1)
date_cells = weighted((6, dates), (2, dates.map(lambda d: d.isoformat())),
                      (1, st.sampled_from(["31-13-2024", "kemarin", ""])), (2, years), (1, years.map(str)))
jps = st.sampled_from([None, 0, 4, 8, 10, 12, 12, 19.5, 20, 20, 20, 20.5, 24, 32, "12,5", "7,5", -1, "x"])
values = st.sampled_from([None, None, -1, 0, 50, 50.01, 60, 60.5, 75, 75.5, 90, 90.5, 100, 110, 120, 120.5, "abc"])
predicates = st.sampled_from([None, None, "Sangat Baik", "Baik", "Cukup", "Butuh Perbaikan", "Kurang",
                              "Sangat Kurang", "Buruk", "SB", "Entah"])
statuses = weighted((12, st.just("PNS")), (2, st.just("")), (1, st.sampled_from(["CPNS", "PPPK", "Honorer"])),
                    (2, st.sampled_from(["PPPK Aktif", "CPNS Aktif", "PNS DPK", "Tugas Belajar", "CLTN", "Aktif",
                                         "P", "Pemberhentian sementara", "PNS Aktif"])))
discipline = st.sampled_from(["ringan", "sedang", "berat", "R", "S", "B", "Teguran tertulis", "??",
                              "Penurunan pangkat setingkat lebih rendah selama 1 (satu) tahun",
                              "Penurunan pangkat setingkat lebih rendah selama 3 (tiga) tahun",
                              "Pemotongan tunjangan kinerja sebesar 25% selama 6 bulan", "Tidak ada", "-"])


@st.composite
def datasets(draw):
    count = draw(st.integers(4, 20))
    nips = [make_nip(i, gender=draw(st.sampled_from([1, 2]))) for i in range(count)]
    pegawai, diklat, kinerja, hukdis = [], [], [], []
    for i, nip in enumerate(nips):
        jenis, eselon, _ = draw(st.sampled_from(POSITIONS))
        pegawai.append({"nip": nip, "nama": f"P{i}", "unit_kerja": draw(st.sampled_from(["A", "B"])),
                        "jenis_jabatan": jenis, "eselon": eselon, "jabatan": "",
                        "pendidikan": draw(st.sampled_from(EDUCATION)), "status": draw(statuses)})
    # History rows follow an employee (now and then a stranger's or an unreadable NIP).
    for owner in nips:
        history_nips = weighted((12, st.just(owner)), (1, st.sampled_from([make_nip(999), "12345"])))
        for _ in range(draw(st.integers(0, 5))):
            kind = draw(st.sampled_from(KINDS))
            name = draw(st.sampled_from(LEADERSHIP)) if kind == "kepemimpinan" else f"Kegiatan {kind}"
            diklat.append({"nip": draw(history_nips), "jenis": kind, "nama_diklat": name, "tingkat": "",
                           "tanggal_selesai": draw(date_cells), "jp": draw(jps)})
        for _ in range(draw(st.integers(0, 2))):
            kinerja.append({"nip": draw(history_nips), "tahun": draw(st.sampled_from([N - 2, N - 1, N, N - 1])),
                            "nilai": draw(values), "predikat": draw(predicates)})
        for _ in range(draw(st.integers(0, 1))):
            hukdis.append({"nip": draw(history_nips), "tingkat": draw(discipline), "tanggal": draw(date_cells)})
    return {"pegawai": pegawai, "diklat": diklat, "kinerja": kinerja, "hukdis": hukdis}


VARIANTS = {
    "bawaan": {},
    "kepemimpinan-lebih-tinggi": {"opsi.kepemimpinan_lebih_tinggi_dihitung": True},
    "teknis-tanpa-akumulasi": {"opsi.teknis_akumulasi_jp": False},
    "teknis-jendela-2": {"opsi.teknis_jendela_tahun": 2},
    "kinerja-tahun-N": {"opsi.tahun_kinerja_selisih": 0},
    "semua-opsi": {"opsi.kepemimpinan_lebih_tinggi_dihitung": True, "opsi.teknis_akumulasi_jp": False,
                   "opsi.teknis_jendela_tahun": 2, "opsi.tahun_kinerja_selisih": 0},
}
# (ruleset variant, reference date): each option flipped alone, and 29 February with and without options.
COMBINATIONS = [(name, None) for name in VARIANTS] + [("bawaan", FEB29), ("semua-opsi", FEB29),
                                                      ("teknis-jendela-2", FEB29)]


@pytest.fixture(scope="module")
def rulesets(tmp_path_factory):
    folder = tmp_path_factory.mktemp("aturan")
    return {name: ipasn.load_ruleset(write_ruleset(folder / f"{name}.yaml", changes)) if changes else None
            for name, changes in VARIANTS.items()}


def _check_invariants(result) -> None:
    s = result.scores
    for _, r in s.iterrows():
        assert r["kompetensi"] == sum(r[f"kompetensi_{i}"] for i in ("kepemimpinan", "fungsional", "teknis", "seminar"))
        assert r["ip_asn"] == r["kualifikasi"] + r["kompetensi"] + r["kinerja"] + r["disiplin"]
        assert 0 <= r["kualifikasi"] <= 25 and 0 <= r["kompetensi"] <= 40
        assert 0 <= r["kinerja"] <= 30 and 0 <= r["disiplin"] <= 5
        assert r["kategori"] == category_for(r["ip_asn"], result.rules.kategori)
    assert (result.pegawai["diukur"] == ((result.pegawai["status"] == "PNS")
                                         & result.pegawai["keterangan_status"].isna())).all()
    assert len(s) == int(result.pegawai["diukur"].sum())


@settings(max_examples=35, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(sheets=datasets())
def test_vectorised_scoring_agrees_with_the_reference(rulesets, sheets):
    with tempfile.TemporaryDirectory() as folder:
        data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
    accounting = data.accounting
    assert (accounting["dibaca"] == accounting["dipakai"] + accounting["bermasalah"]).all()
    for name, reference_date in COMBINATIONS:
        rules = rulesets[name]
        result = ipasn.score(data, N, rules, reference_date, explanations=False)
        assert_agrees_with_reference(result, N, rules, reference_date)
        _check_invariants(result)


def test_explanations_do_not_change_the_scores(rulesets):
    """The agreement test scores without explanations (speed); with them the numbers are the same."""
    sheets = {"pegawai": [{"nip": make_nip(1), "nama": "A", "unit_kerja": "U", "jenis_jabatan": "Pengawas",
                           "eselon": "IV.a", "pendidikan": "S-1", "status": "PNS"}],
              "diklat": [{"nip": make_nip(1), "jenis": "PKP", "nama_diklat": "PKP", "tanggal_selesai": "01-02-2020"},
                         {"nip": make_nip(1), "jenis": "Bimtek", "tanggal_selesai": "01-02-2024", "jp": 24}],
              "kinerja": [{"nip": make_nip(1), "tahun": N - 1, "nilai": 77}], "hukdis": []}
    with tempfile.TemporaryDirectory() as folder:
        data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
    plain = ipasn.score(data, N, explanations=False).scores
    explained = ipasn.score(data, N).scores
    assert plain.equals(explained[plain.columns])
    assert explained["ip_asn"].tolist() == [15 + 15 + 15 + 25 + 5]
    assert explained["keterangan_kinerja"].tolist() == [f"SKP {N - 1} nilai 77 (Baik): 25"]


def _plausible(sheets, column: str, kind: str | None) -> bool:
    """A cheap look at the raw rows (no file I/O): could this example reach the target at all?"""
    types = {p["nip"]: TYPE_OF[(p["jenis_jabatan"], p["eselon"])] for p in sheets["pegawai"]
             if p["status"] in ("PNS", "", "P", "Aktif", "PNS Aktif", "PNS DPK", "Tugas Belajar")}
    if kind:
        return kind in types.values()
    indicator = column.removeprefix("kompetensi_")
    needs = {"kepemimpinan": {"JPT", "Administrator", "Pengawas"}, "fungsional": {"Fungsional"}}
    return any(
        parse_training_kind(d["jenis"])[0] == indicator and types.get(d["nip"]) in needs.get(indicator, types.values())
        and isinstance(d["tanggal_selesai"], dt.date) and d["tanggal_selesai"].year == N
        for d in sheets["diklat"]
    )


@pytest.mark.parametrize("target", [
    *(pytest.param(("jenis_jabatan", kind), id=kind)
      for kind in ("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana")),
    *(pytest.param((column, None), id=column) for column in NUMERIC_COLUMNS[1:5]),
])
def test_the_generator_reaches_every_branch(target):
    """A guard on the strategy itself: it does produce every position type (resolved as POSITIONS says),
    and employees who earn each competence indicator (else the agreement test compares zeros with zeros)."""
    column, kind = target

    def reached(sheets) -> bool:
        if not _plausible(sheets, column, kind):
            return False
        with tempfile.TemporaryDirectory() as folder:
            data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
        scores = ipasn.score(data, N, explanations=False).scores
        expected = {p["nip"]: TYPE_OF[(p["jenis_jabatan"], p["eselon"])] for p in sheets["pegawai"]}
        assert all(expected[nip] == (got if isinstance(got, str) else None)
                   for nip, got in zip(scores["nip"], scores["jenis_jabatan"]))
        return bool((scores[column] == kind).any() if kind else (scores[column] > 0).any())

    find(datasets(), reached, settings=settings(max_examples=300, phases=[Phase.generate], database=None,
                                                deadline=None, derandomize=True))


def _new_branch_reached(target: str, sheets) -> bool:
    with tempfile.TemporaryDirectory() as folder:
        data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
    if target == "cltn":
        return bool(((data.pegawai["status"] == "PNS") & data.pegawai["keterangan_status"].notna()).any())
    result = ipasn.score(data, N, None, FEB29, explanations=False)
    found = result.findings[result.findings["nip"].isin(result.scores["nip"])]
    year_only = found["kode"] == "TANGGAL_HANYA_TAHUN"
    return bool({
        "tahun-melintasi-batas": (year_only & found["berdampak"]).any(),
        "tahun-di-satu-sisi": (year_only & ~found["berdampak"]).any(),
        "temuan-tanpa-dampak": (~found["kode"].isin(HARMLESS) & ~year_only & ~found["berdampak"]).any(),
        "disiplin-tak-pasti": (~result.scores["data_lengkap"] & (result.scores["disiplin"] == 0)).any(),
    }[target])


@pytest.mark.parametrize("target", ["cltn", "tahun-melintasi-batas", "tahun-di-satu-sisi", "temuan-tanpa-dampak",
                                    "disiplin-tak-pasti"])
def test_the_generator_reaches_the_new_branches(target):
    """The agreement test sees bare years on both sides of and across a window edge (29 February),
    findings that cannot change this period's score, and PNS who are not measured (CLTN...)."""
    find(datasets(), lambda sheets: _new_branch_reached(target, sheets),
         settings=settings(max_examples=300, phases=[Phase.generate], database=None, deadline=None,
                           derandomize=True))
