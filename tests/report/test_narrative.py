"""The narrative summary: every sentence is read back, its numbers parsed from the Indonesian text and
compared with the frames they came from (computed here again, not through the narrative's helpers),
and a sentence whose data is absent is not written at all."""

from __future__ import annotations

import re

import pandas as pd
import pytest

from ipasn.official.compare import ALL_UNITS
from ipasn.official.shown import OfficialPart
from ipasn.report.content import narrative
from ipasn.report.content.data import ReportData
from ipasn.ruleset import parse_ruleset, ruleset_text
from ipasn.scoring.bands import categorize
from ipasn.scoring.period import Period

RULES = parse_ruleset(ruleset_text(None)[1], "perbkn-8-2019")
NUMBER = r"-?[\d.]+,\d+|\d[\d.]*"
TARGETS = {"ip_asn": 60, "kualifikasi": 15, "kompetensi": 20, "kinerja": 25, "disiplin": 4.5}


def num(text: str) -> float:
    """"1.234,56" -> 1234.56; "−3,10" (a real minus) -> -3.1."""
    return float(text.replace("−", "-").replace(".", "").replace(",", "."))


def close(shown: str, value: float, decimals: int = 2) -> bool:
    """The text is the value as a document shows it (rounded to `decimals`)."""
    return abs(num(shown) - value) <= 0.5 * 10 ** -decimals + 1e-9


# One row per PNS: unit, position type and points per indicator/dimension (teknis and seminar are the
# indicators a Pelaksana can earn; 0 means missing).
PEOPLE = [
    ("Dinas A", 25.0, 0.0, 0.0, 27.0, 5.0),
    ("Dinas A", 20.0, 20.0, 0.0, 30.0, 5.0),
    ("Dinas A", 20.0, 20.0, 20.0, 27.0, 5.0),
    ("Dinas B", 15.0, 0.0, 0.0, 27.0, 5.0),
    ("Dinas B", 15.0, 20.0, 0.0, 0.0, 5.0),
    ("Dinas C", 25.0, 20.0, 20.0, 30.0, 5.0),
]


COLUMNS = ["nip", "nama", "unit_kerja", "jenis_jabatan", "eselon", "kualifikasi", "kompetensi_kepemimpinan",
           "kompetensi_fungsional", "kompetensi_teknis", "kompetensi_seminar", "kompetensi", "kinerja", "disiplin",
           "ip_asn", "data_lengkap"]


def make_report(people=PEOPLE, unit: str | None = None, tahun: int = 2022) -> ReportData:
    rows = []
    for i, (where, kualifikasi, teknis, seminar, kinerja, disiplin) in enumerate(people):
        rows.append({
            "nip": f"19850101201001100{i}", "nama": f"Pegawai {i}", "unit_kerja": where,
            "jenis_jabatan": "Pelaksana", "eselon": pd.NA, "kualifikasi": kualifikasi,
            "kompetensi_kepemimpinan": 0.0, "kompetensi_fungsional": 0.0, "kompetensi_teknis": teknis,
            "kompetensi_seminar": seminar, "kompetensi": teknis + seminar, "kinerja": kinerja,
            "disiplin": disiplin, "ip_asn": kualifikasi + teknis + seminar + kinerja + disiplin,
            "data_lengkap": True,
        })
    scores = pd.DataFrame(rows, columns=COLUMNS).astype({"eselon": "Int8", "kualifikasi": "float64",
                                                          "ip_asn": "float64", "data_lengkap": bool})
    scores["kategori"] = categorize(scores["ip_asn"], RULES)
    pegawai = scores[["nip", "nama", "unit_kerja"]].assign(diukur=True)
    if unit is not None:
        scores, pegawai = scores[scores["unit_kerja"] == unit], pegawai[pegawai["unit_kerja"] == unit]
    period = Period(tahun, pd.Timestamp(f"{tahun}-12-31"), tahun - 1)
    return ReportData(scores.reset_index(drop=True), pegawai.reset_index(drop=True), pd.DataFrame(),
                      pd.DataFrame(), RULES, "perbkn-8-2019", "", period, unit)


@pytest.fixture
def report() -> ReportData:
    return make_report()


def one(sentences: list[str], start: str) -> str:
    found = [s for s in sentences if s.startswith(start)]
    assert len(found) == 1, sentences
    return found[0]


def test_the_ip_sentence_states_the_mean_category_target_gap_and_capaian(report):
    mean = report.scores["ip_asn"].mean()
    text = one(narrative.sentences(report, {"ip_asn": 80}), "IP ASN instansi tahun 2022")
    match = re.fullmatch(rf"IP ASN instansi tahun 2022 sebesar ({NUMBER}), kategori (.+); di bawah target "
                         rf"({NUMBER}) \(kurang ({NUMBER}) poin\), capaian ({NUMBER})%\.", text)
    assert match, text
    value, category, target, gap, capaian = match.groups()
    assert close(value, mean) and close(target, 80) and close(capaian, mean / 80 * 100)
    assert close(gap, round(80 - mean, 2))
    assert category == categorize(pd.Series([mean]), RULES).iloc[0]


@pytest.mark.parametrize("target, words", [
    pytest.param(50, "telah mencapai target", id="reached"),
    pytest.param(None, None, id="no-target"),
])
def test_the_ip_sentence_without_a_gap(report, target, words):
    text = narrative.sentences(report, {"ip_asn": target} if target else {})[0]
    if words is None:
        assert "target" not in text and text.endswith(".")
        assert close(re.search(rf"sebesar ({NUMBER})", text).group(1), report.scores["ip_asn"].mean())
    else:
        assert words in text and "kurang" not in text


def test_the_strongest_and_weakest_dimension_by_capaian_of_target(report):
    text = one(narrative.sentences(report, TARGETS), "Dimensi terkuat")
    found = re.findall(rf"(\w+) \(({NUMBER}) dari target ({NUMBER}); capaian ({NUMBER})%\)", text)
    assert len(found) == 2, text
    capaian = {d: report.scores[d].mean() / TARGETS[d] for d in ("kualifikasi", "kompetensi", "kinerja", "disiplin")}
    best, worst = max(capaian, key=capaian.get), min(capaian, key=capaian.get)
    for (name, value, target, shown), dimension in zip(found, (best, worst)):
        assert name.lower() == dimension
        assert close(value, report.scores[dimension].mean()) and num(target) == TARGETS[dimension]
        assert close(shown, capaian[dimension] * 100)


def test_without_every_dimension_target_capaian_is_of_the_maximum(report):
    text = one(narrative.sentences(report, {"ip_asn": 60, "kinerja": 25}), "Dimensi terkuat")
    found = re.findall(rf"(\w+) \(({NUMBER}) dari bobot maksimal ({NUMBER}); capaian ({NUMBER})%\)", text)
    maxima = RULES.dimensi_maks
    for name, value, maximum, shown in found:
        dimension = name.lower()
        assert num(maximum) == maxima[dimension]
        assert close(shown, report.scores[dimension].mean() / maxima[dimension] * 100)


def test_units_above_and_below_the_target_are_counted_and_named(report):
    means = report.scores.groupby("unit_kerja")["ip_asn"].mean()
    target = 60
    text = one(narrative.sentences(report, {"ip_asn": target}), "Dari ")
    match = re.fullmatch(rf"Dari (\d+) unit kerja, (\d+) telah mencapai target IP ASN ({NUMBER}) \((.+)\) dan "
                         rf"(\d+) belum; terendah (.+) \(({NUMBER})\)\.", text)
    assert match, text
    total, above, shown_target, names, below, lowest, lowest_value = match.groups()
    assert int(total) == len(means) and num(shown_target) == target
    reached = means[means >= target].sort_values(ascending=False)
    assert int(above) == len(reached) and int(below) == len(means) - len(reached)
    listed = list(reached.index)
    assert names == (listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " dan " + listed[-1])
    assert lowest == means.idxmin() and close(lowest_value, means.min())


def test_a_unit_report_says_nothing_about_units():
    unit = make_report(unit="Dinas A")
    assert not any(s.startswith(("Dari ", "Seluruh", "Belum ada")) for s in narrative.sentences(unit, {"ip_asn": 60}))
    assert narrative.sentences(unit)[0].startswith("IP ASN Dinas A tahun 2022 sebesar")


def test_the_three_largest_gains_name_their_people_and_points(report):
    text = one(narrative.sentences(report), "Tiga upaya")
    found = re.findall(rf"(diklat teknis|seminar/workshop/kursus|data kinerja \(SKP\)) bagi (\d+) PNS "
                       rf"\((hingga )?\+({NUMBER})\)", text)
    scores, n, pelaksana = report.scores, len(report.scores), RULES.kompetensi["Pelaksana"]
    expected = {  # label: (people missing it, mean gain if all close it, sure)
        "diklat teknis": ((scores["kompetensi_teknis"] == 0).sum(), pelaksana.teknis, True),
        "seminar/workshop/kursus": ((scores["kompetensi_seminar"] == 0).sum(), pelaksana.seminar, True),
        "data kinerja (SKP)": ((scores["kinerja"] == 0).sum(), RULES.dimensi_maks["kinerja"], False),
    }
    gains = {label: missing * points / n for label, (missing, points, _) in expected.items()}
    assert [f[0] for f in found] == sorted(gains, key=gains.get, reverse=True), text
    for label, people, hingga, gain in found:
        assert int(people) == expected[label][0] and close(gain, gains[label])
        assert (hingga == "") == expected[label][2]  # an SKP's points are "up to": its predikat is unknown


def test_everyone_complete_says_so():
    report = make_report([("Dinas A", 25.0, 20.0, 20.0, 30.0, 5.0)])
    assert "Seluruh butir kompetensi dan data telah terpenuhi." in narrative.sentences(report)


def test_the_change_against_the_previous_year(report):
    report.history = pd.DataFrame({"tahun": [2021, 2022], "unit_kerja": [None, None], "ip_asn": [50.004, 71.5]})
    report.trend = {"tahun": [2021, 2022]}
    text = one(narrative.sentences(report), "Dibanding tahun")
    match = re.fullmatch(rf"Dibanding tahun (\d+) \(({NUMBER})\), IP ASN (naik|turun) ({NUMBER}) poin\.", text)
    assert match, text
    assert match.group(1) == "2021" and close(match.group(2), 50.004) and match.group(3) == "naik"
    assert close(match.group(4), 71.5 - 50.0)  # the difference of the numbers as shown


def test_one_year_has_no_change_sentence(report):
    assert not any("Dibanding" in s for s in narrative.sentences(report))


def test_comparison_figures_of_the_same_year_only(report):
    mean = report.scores["ip_asn"].mean()
    figures = [{"nama": "Nasional", "tahun": 2022, "ip_asn": 99.5}, {"nama": "Provinsi", "tahun": 2021, "ip_asn": 1}]
    found = [s for s in narrative.sentences(report, {}, {"pembanding": figures}) if "Nasional" in s or "Provinsi" in s]
    assert len(found) == 1
    match = re.fullmatch(rf"IP ASN instansi ({NUMBER}) poin di bawah IP ASN Nasional tahun 2022 \(({NUMBER})\)\.",
                         found[0])
    assert match and close(match.group(2), 99.5) and close(match.group(1), 99.5 - round(mean, 2))


def test_the_reconciliation_gap_of_official_numbers(report):
    ringkasan = pd.DataFrame({"unit_kerja": [ALL_UNITS], "dimensi": ["ip_asn"], "nilai_resmi": [58.123],
                              "nilai_dengan_data_ekspor": [61.2], "perubahan": [3.077], "pns_berbeda": [4]})
    report.official = OfficialPart("hasil.xlsx", computed=report.scores, ringkasan=ringkasan)
    text = one(narrative.sentences(report), "Menurut hasil resmi BKN")
    match = re.fullmatch(rf"Menurut hasil resmi BKN IP ASN ({NUMBER}); dengan data yang sudah ada di ekspor menjadi "
                         rf"({NUMBER}) \(\+({NUMBER}) poin; (\d+) PNS dengan nilai berbeda\)\.", text)
    assert match, text
    assert close(match.group(1), 58.123) and close(match.group(2), 61.2) and close(match.group(3), 3.077)  # the reconciliation's own change
    assert int(match.group(4)) == 4
    assert "(dihitung ipasn dari ekspor data)" in one(narrative.sentences(report), "Tiga upaya")


def test_nobody_measured_is_one_sentence_and_no_blank_anywhere():
    empty = make_report([])
    assert narrative.sentences(empty, TARGETS) == ["Tidak ada PNS yang diukur pada tahun 2022."]
    for sentences in (narrative.sentences(make_report(), TARGETS), narrative.sentences(make_report(unit="Dinas B"))):
        for text in sentences:
            assert not re.search(r"nan|None|\{|\}|–|\(\)|  ", text), text


def test_the_notebook_shows_the_sentences_escaped():
    report = make_report([(u.replace("Dinas C", "Dinas <C>"), *rest) for u, *rest in PEOPLE])
    shown = narrative.narrative(report, {"ip_asn": 60}).data
    assert "Dinas &lt;C&gt;" in shown and shown.startswith('<p class="narasi">')
