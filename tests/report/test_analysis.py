"""The improvement list (upaya, the plan's candidates, the deck) against a plain per-employee reading
of what each person misses, as the ruleset says it."""

from __future__ import annotations

import pandas as pd
import pytest

from ipasn.report.content.analysis import improvement_items
from ipasn.report.content.data import report_data
from ipasn.ruleset import INDICATORS

LEADERSHIP = {1: "eselon I (PKN Tingkat I/Diklatpim I)", 2: "eselon II (PKN Tingkat II/Diklatpim II)",
              3: "eselon III (PKA/Diklatpim III)", 4: "eselon IV (PKP/Diklatpim IV)"}


@pytest.fixture(scope="module")
def report():
    return report_data(data="demo", tahun=2022)


def _expected(row: pd.Series, rules) -> list[tuple]:
    """What one employee misses, read row by row like the regulation's table of points."""
    out = []
    kind = row["jenis_jabatan"]
    for indicator in INDICATORS:
        weight = getattr(rules.kompetensi[kind], indicator) if kind in rules.kompetensi else 0
        if weight > 0 and row[f"kompetensi_{indicator}"] == 0:
            out.append((row["nip"], indicator, float(weight), True))
    if str(row["keterangan_kinerja"]).startswith("Tidak ada penilaian kinerja"):
        out.append((row["nip"], "skp", float(rules.dimensi_maks["kinerja"]), False))
    if row["kualifikasi"] == 0:
        out.append((row["nip"], "pendidikan", float(max(rules.education_points.values())), False))
    if row["disiplin"] == 0:
        out.append((row["nip"], "hukdis", float(rules.disiplin.poin["tidak_ada"]), False))
    return out


def test_every_missing_item_of_every_employee_and_nothing_else(report):
    items = improvement_items(report.scores, report.rules)
    expected = [item for _, row in report.scores.iterrows() for item in _expected(row, report.rules)]
    found = list(items[["nip", "indikator", "tambahan", "pasti"]].itertuples(index=False, name=None))
    assert sorted(found) == sorted(expected) and len(found) > 1000
    # each row carries its own employee's name, position and IP ASN
    people = report.scores.set_index("nip")
    assert (items["nama"].to_numpy() == people.loc[items["nip"], "nama"].to_numpy()).all()
    assert (items["ip_asn"].to_numpy() == people.loc[items["nip"], "ip_asn"].to_numpy()).all()


def test_largest_gain_first_and_each_action_in_words(report):
    items = improvement_items(report.scores, report.rules)
    assert items["tambahan"].is_monotonic_decreasing
    assert set(items.loc[items["indikator"] == "skp", "tindakan"]) == {"Lengkapi data penilaian kinerja (SKP)"}
    teknis = set(items.loc[items["indikator"] == "teknis", "tindakan"])
    assert teknis == {"Ikuti/unggah diklat teknis hingga 20 JP dalam 1 tahun terakhir"}
    lead = items[items["indikator"] == "kepemimpinan"]
    assert len(lead) > 0
    people = report.scores.set_index("nip")
    for nip, text in zip(lead["nip"], lead["tindakan"]):
        eselon = people.loc[nip, "eselon"]
        if pd.notna(eselon):  # the leadership programme of the person's own level
            assert text.endswith("sesuai " + LEADERSHIP[int(eselon)]), (nip, eselon, text)


def test_every_unit_slice_and_a_scope_whose_only_gap_is_leadership(report):
    """The plan and the unit documents ask per unit: small scopes, some with one kind of item only."""
    for _, unit in report.scores.groupby("unit_kerja"):
        items = improvement_items(unit, report.rules)
        found = list(items[["nip", "indikator", "tambahan", "pasti"]].itertuples(index=False, name=None))
        assert sorted(found) == sorted(i for _, row in unit.iterrows() for i in _expected(row, report.rules))
    leader = report.scores[report.scores["eselon"].notna()].head(1).copy()
    leader["kompetensi_kepemimpinan"] = 0.0
    for indicator in ("fungsional", "teknis", "seminar"):
        leader[f"kompetensi_{indicator}"] = 99.0  # met
    leader[["kualifikasi", "disiplin"]] = 5.0
    leader["keterangan_kinerja"] = "SKP 2021 nilai 90,00 (Sangat Baik): 30,00"
    (text,) = improvement_items(leader, report.rules)["tindakan"]
    assert text.startswith("Ikuti/unggah sertifikat diklat kepemimpinan sesuai eselon ")


def test_remembered_items_follow_the_content_not_the_frame(report):
    """Asked again for the same rows, the list is not computed again but is still the caller's own
    copy; a frame changed in place (an analyst's correction in a notebook) gets a new list."""
    from ipasn.report.content import analysis

    scores = report.scores.copy()
    first = improvement_items(scores, report.rules)
    remembered = dict(analysis._items_memo)
    first.loc[0, "tambahan"] = -1.0  # the caller's copy: changing it changes nothing remembered
    again = improvement_items(scores, report.rules)
    # taken from memory, not computed and stored again
    assert list(analysis._items_memo) == list(remembered)
    assert all(analysis._items_memo[key] is remembered[key] for key in remembered)
    assert again.loc[0, "tambahan"] > 0
    pd.testing.assert_frame_equal(again, improvement_items(scores.copy(), report.rules))

    someone = scores.index[(scores["kinerja"] > 0) & (scores["disiplin"] > 0)][0]
    nip = scores.loc[someone, "nip"]
    before = set(again.loc[again["nip"] == nip, "indikator"])
    scores.loc[someone, "disiplin"] = 0.0  # in place: same frame object, new content
    after = set(improvement_items(scores, report.rules).query("nip == @nip")["indikator"])
    assert "hukdis" not in before and after == before | {"hukdis"}
