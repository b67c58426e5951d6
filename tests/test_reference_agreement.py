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
from builders import NUMERIC_COLUMNS, assert_agrees_with_reference, make_nip, write_csv_folder, write_ruleset
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import ipasn
from ipasn.ruleset import category_for

N = 2024  # a leap year, so that 29 February can be the reference date
FEB29 = dt.date(N, 2, 29)

POSITIONS = [
    ("Struktural", "I.a"), ("Struktural", "II.b"), ("Struktural", "III/a"), ("Struktural", "IV.b"),
    ("Struktural", "21"), ("Struktural", 41), ("JPT", None), ("JPT Pratama", "II.a"), ("JPT Madya", None),
    ("JPT", "I.b"), ("Administrator", "III"), ("Administrator", None), ("Pengawas", "4"), ("Pengawas", None),
    ("Fungsional Tertentu", None), ("JFT", None), ("Pelaksana", None), ("Fungsional Umum", None),
    ("Struktural", None), ("Tenaga Ahli", None), ("Pengawas", "II.a"), ("JPT", "III.a"), ("Struktural", "VII"),
]
EDUCATION = ["05", "10", "12", "15", "17", "18", "20", "25", "30", "35", "40", "42", "45", "47", "49", "50",
             40, 5, "S-1", "D-III", "SMA", "Doktor", "Magister", "Sarjana Muda", "SMP", "XX", None, "0"]
STATUS = ["PNS", "PNS", "PNS", "", "CPNS", "PPPK", "Honorer"]

LEADERSHIP = ["Diklatpim I", "SEPATI", "PKN Tingkat I", "Diklatpim II", "SPAMEN", "SESPA", "PKN Tingkat II",
              "Diklatpim III", "SPAMA", "SEPADYA", "PKA", "Diklatpim IV", "ADUM", "SEPALA", "PKP",
              "Diklat Kepemimpinan"]
KINDS = ["kepemimpinan", "fungsional", "teknis", "teknis", "Bimtek", "seminar", "Workshop", "Outbound"]


def _edges(reference: dt.date, years: int) -> list[dt.date]:
    """The window's first day, the day before it, the reference date and the day after it."""
    try:
        start = reference.replace(year=reference.year - years)
    except ValueError:  # 29 February
        start = reference.replace(year=reference.year - years, day=28)
    one = dt.timedelta(days=1)
    return [start, start + one, reference, reference + one]


EDGE_DATES = sorted({d for ref in (dt.date(N, 12, 31), FEB29) for years in (1, 2, 5) for d in _edges(ref, years)})
dates = st.one_of(
    st.sampled_from(EDGE_DATES),
    st.dates(min_value=dt.date(N - 12, 1, 1), max_value=dt.date(N + 1, 12, 31)),
)
date_cells = st.one_of(dates, dates.map(lambda d: d.isoformat()), st.sampled_from(["31-13-2024", "kemarin", ""]))
jps = st.sampled_from([None, 0, 4, 8, 10, 12, 19.5, 20, 20.5, 32, "12,5", "7,5", -1, "x"])
values = st.sampled_from([None, None, -1, 0, 50, 50.01, 60, 60.5, 75, 75.5, 90, 90.5, 100, 110, 120, 120.5, "abc"])
predicates = st.sampled_from([None, None, "Sangat Baik", "Baik", "Cukup", "Butuh Perbaikan", "Kurang",
                              "Sangat Kurang", "Buruk", "SB", "Entah"])
discipline = st.sampled_from(["ringan", "sedang", "berat", "R", "S", "B", "Teguran tertulis", "??"])


@st.composite
def datasets(draw):
    count = draw(st.integers(1, 7))
    nips = [make_nip(i, gender=draw(st.sampled_from([1, 2]))) for i in range(count)]
    history_nips = st.sampled_from(nips + [make_nip(999), "12345"])
    pegawai, diklat, kinerja, hukdis = [], [], [], []
    for i, nip in enumerate(nips):
        jenis, eselon = draw(st.sampled_from(POSITIONS))
        pegawai.append({"nip": nip, "nama": f"P{i}", "unit_kerja": draw(st.sampled_from(["A", "B"])),
                        "jenis_jabatan": jenis, "eselon": eselon, "jabatan": "",
                        "pendidikan": draw(st.sampled_from(EDUCATION)), "status": draw(st.sampled_from(STATUS))})
    for _ in range(draw(st.integers(0, 4 * count))):
        kind = draw(st.sampled_from(KINDS))
        name = draw(st.sampled_from(LEADERSHIP)) if kind == "kepemimpinan" else f"Kegiatan {kind}"
        diklat.append({"nip": draw(history_nips), "jenis": kind, "nama": name, "tingkat": "",
                       "tanggal_selesai": draw(date_cells), "jp": draw(jps)})
    for _ in range(draw(st.integers(0, 2 * count))):
        kinerja.append({"nip": draw(history_nips), "tahun": draw(st.sampled_from([N - 2, N - 1, N, N - 1])),
                        "nilai": draw(values), "predikat": draw(predicates)})
    for _ in range(draw(st.integers(0, count))):
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
REFERENCE_DATES = {"31-12-N": None, "29-02-N": FEB29}


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
    assert (result.pegawai["diukur"] == (result.pegawai["status"] == "PNS")).all()
    assert len(s) == int(result.pegawai["diukur"].sum())


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture,
                                                                 HealthCheck.too_slow])
@given(sheets=datasets())
def test_vectorised_scoring_agrees_with_the_reference(rulesets, sheets):
    with tempfile.TemporaryDirectory() as folder:
        data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
    accounting = data.accounting
    assert (accounting["dibaca"] == accounting["dipakai"] + accounting["bermasalah"]).all()
    for rules in rulesets.values():
        for reference_date in REFERENCE_DATES.values():
            result = ipasn.score(data, N, rules, reference_date, explanations=False)
            assert_agrees_with_reference(result, N, rules, reference_date)
            _check_invariants(result)


def test_the_generator_reaches_every_branch():
    """A guard on the strategy itself: the examples do exercise every position type and indicator."""
    seen_types, seen_points = set(), set()

    @settings(max_examples=40, deadline=None, database=None)
    @given(sheets=datasets())
    def collect(sheets):
        with tempfile.TemporaryDirectory() as folder:
            data = ipasn.load(write_csv_folder(Path(folder) / "data", sheets))
        scores = ipasn.score(data, N, explanations=False).scores
        seen_types.update(scores["jenis_jabatan"].dropna())
        for column in NUMERIC_COLUMNS[1:5]:
            if (scores[column] > 0).any():
                seen_points.add(column)

    collect()
    assert seen_types == {"JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana"}
    assert seen_points == set(NUMERIC_COLUMNS[1:5])
