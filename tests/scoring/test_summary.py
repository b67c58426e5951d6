"""Summaries per group: every measured PNS is in exactly one category of its group, whatever the key."""

from __future__ import annotations

import pytest

from ipasn.report.content.data import report_data
from ipasn.scoring.summary import summarise


@pytest.fixture(scope="module")
def report():
    return report_data(data="demo", tahun=2022)


@pytest.mark.parametrize("by", ["unit_kerja", "jenis_jabatan", "pendidikan", "jenis_kelamin", "eselon",
                                ["unit_kerja", "jenis_jabatan"], None])
def test_categories_add_up_to_the_measured_in_every_group(report, by):
    """`eselon` is empty for everyone outside a structural position: that group (key NaN) counts its
    categories too (it once showed 0 in every category next to its 1,500 measured PNS)."""
    summary = summarise(report, by=by)
    names = [band.nama for band in report.rules.kategori]
    assert (summary[names].sum(axis=1) == summary["diukur"]).all()
    assert summary["diukur"].sum() == len(report.scores)
    assert summary["terdaftar"].sum() == len(report.pegawai)
    if by == "eselon":
        assert summary.index.isna().any() and summary.loc[summary.index.isna(), "diukur"].iloc[0] > 0


def test_group_means_are_plain_means_of_their_rows(report):
    summary = summarise(report, by="pendidikan")
    names = {c: lv.nama for c, lv in report.rules.kualifikasi.items()}
    labels = report.scores["pendidikan"].map(names).fillna("Tidak diketahui")
    expected = report.scores.groupby(labels)["ip_asn"].mean()
    shown = summary.loc[summary["diukur"] > 0, "ip_asn"]
    assert {str(k): v for k, v in shown.items()} == pytest.approx(expected.to_dict(), rel=1e-12)
