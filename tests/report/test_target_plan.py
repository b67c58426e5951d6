"""The plan to reach the target is exact: its people given the trainings it names, as history rows,
and scored again by the real scoring (and the reference, on small inputs), give the IP it states."""

from __future__ import annotations

import dataclasses

import pandas as pd
import pytest
from tests.builders import assessment, employee, make_nip, punishment, run, training

import ipasn
from ipasn import fmt
from ipasn.errors import ParamsError
from ipasn.report.content.data import ReportData, demo_workbook
from ipasn.report.content.present_plan import plan_sentence, target_plan
from ipasn.report.content.target_plan import Goal, goal_of, plan_to_target, rescore
from ipasn.report.content.targets import Targets
from ipasn.scoring.score import STRUCTURAL_LEVEL
from ipasn.scoring.summary import instansi, summarise

NIPS = [make_nip(i) for i in range(1, 9)]
LEADERSHIP_INPUT = {1: "PKN Tingkat I", 2: "PKN Tingkat II", 3: "PKA", 4: "PKP"}


def _sheets(extra_training: list[dict] = ()) -> dict:
    """Eight PNS of every position type, in two units, with some indicators already earned."""
    n = NIPS
    return {
        "pegawai": [
            employee(n[0]), employee(n[1], pendidikan="SLTA"), employee(n[2], unit_kerja="Dinas B"),
            employee(n[3], jenis_jabatan="Fungsional", jabatan="Dokter", pendidikan="S-2"),
            employee(n[4], jenis_jabatan="Pengawas", eselon="IV.a", pendidikan="D-III", unit_kerja="Dinas B"),
            employee(n[5], jenis_jabatan="Administrator", eselon="III.a"),
            employee(n[6], jenis_jabatan="JPT", eselon=None, pendidikan="S-3"),
            employee(n[7], jenis_jabatan="Pelaksana", unit_kerja="Dinas B"),
        ],
        "diklat": [training(n[3], jenis="seminar", jp=8), training(n[7], jp=24), *extra_training],
        "kinerja": [assessment(n[0], nilai=80), assessment(n[1], nilai=70), assessment(n[2], nilai=95),
                    assessment(n[3], nilai=95), assessment(n[4], nilai=70), assessment(n[5], nilai=85),
                    assessment(n[6], nilai=91), assessment(n[7], nilai=55)],
        "hukdis": [punishment(n[2], tingkat="sedang")],
    }


def _history_rows(plan, scores: pd.DataFrame, rules, day: str) -> list[dict]:
    """The plan as the export would show it once done: one training per person and step, finished
    on `day` (the reference date)."""
    people = scores.set_index("nip")
    rows = []
    for person in plan.people.itertuples(index=False):
        if person.indikator == "teknis":
            rows.append(training(person.nip, jp=rules.teknis_min_jp, tanggal=day, nama="Diklat teknis rencana"))
        elif person.indikator == "kepemimpinan":
            kind, eselon = people.at[person.nip, "jenis_jabatan"], people.at[person.nip, "eselon"]
            level = int(eselon) if pd.notna(eselon) else (
                rules.opsi.jpt_eselon_bawaan if kind == "JPT" else STRUCTURAL_LEVEL[kind])
            rows.append(training(person.nip, jenis="kepemimpinan", nama=LEADERSHIP_INPUT[level], jp=None,
                                 tanggal=day))
        else:
            rows.append(training(person.nip, jenis=person.indikator, jp=8, tanggal=day,
                                 nama=f"{person.indikator} rencana"))
    return rows


@pytest.fixture(scope="module")
def base(tmp_path_factory):
    return run(tmp_path_factory.mktemp("plan"), _sheets())


@pytest.mark.parametrize("targets", [
    pytest.param({"ip_asn": 55}, id="one-partial-step"),
    pytest.param({"ip_asn": 71}, id="several-steps"),
    pytest.param({"kategori": "Sedang"}, id="category-bound-exceeded"),
    pytest.param({"kategori": "Sangat Tinggi"}, id="unreachable-all-actions"),
])
def test_the_plan_rescored_from_history_rows_gives_the_stated_ip(tmp_path, base, targets):
    rules = base.rules
    plan = plan_to_target(base.scores, rules, goal_of(Targets.of(targets), rules))
    assert plan.steps and plan.ip_awal == instansi(base)["ip_asn"]
    done = run(tmp_path, _sheets(_history_rows(plan, base.scores, rules, "31-12-2022")))  # + the reference
    after = instansi(done)["ip_asn"]
    assert after == plan.ip_akhir
    assert fmt.number(after) in plan_sentence(plan, rules)
    assert plan.tercapai == plan.goal.met(after)
    if plan.tercapai:  # the fewest people: one fewer in the last step misses the target
        fewer = plan.people.iloc[:-1][["nip", "indikator", "tambahan"]]
        assert not plan.goal.met(rescore(base.scores, fewer)["ip_asn"].mean())
    else:
        assert plan.ip_akhir == plan.ip_maksimal
        assert all(step.pegawai == step.belum for step in plan.steps)
    gains = [step.poin for step in plan.steps]
    assert gains == sorted(gains, reverse=True)
    # per person too: what the plan says each one reaches
    scored = done.scores.set_index("nip")["ip_asn"]
    assert plan.people["ip_asn_sesudah"].tolist() == plan.people["nip"].map(scored).tolist()


def test_a_category_needs_more_than_its_bound():
    goal = Goal(70.0, lebih_dari=True, kategori="Sedang")
    assert not goal.met(70.0) and goal.met(70.0 + 1e-9)
    assert Goal(70.0).met(70.0)


def test_targets_name_a_category_of_the_rules(base):
    assert goal_of(Targets.of({"kategori": "tinggi"}), base.rules) == Goal(80.0, True, "Tinggi")
    assert goal_of(Targets.of({"ip_asn": 85, "kategori": "Tinggi"}), base.rules) == Goal(85.0)
    assert goal_of(Targets.of({}), base.rules) is None
    with pytest.raises(ParamsError, match="Luar Biasa"):
        goal_of(Targets.of({"kategori": "Luar Biasa"}), base.rules)


def test_a_target_already_met_needs_no_training(base):
    plan = plan_to_target(base.scores, base.rules, Goal(10.0))
    assert plan.sudah_tercapai and not plan.steps and plan.people.empty
    assert "tidak ada pelatihan yang diperlukan" in plan_sentence(plan, base.rules)


def test_a_unit_report_lists_its_people_masked_and_the_instansi_report_names_none(base):
    unit = ReportData.from_result(base, "perbkn-8-2019", "", "Dinas A")
    shown = target_plan(unit, Targets.of({"ip_asn": 75}), mask=True).data
    assert NIPS[0] not in shown and NIPS[0][:6] + "*" in shown
    whole = target_plan(ReportData.from_result(base, "perbkn-8-2019", ""), Targets.of({"ip_asn": 75})).data
    assert not any(nip in whole for nip in NIPS) and "Dinas B" in whole


def test_a_unit_report_lists_each_steps_people_under_the_step(demo):
    """One list per action, headed by the action and its count: every person the plan trains in that
    step, and no one else."""
    import re

    report = ReportData.from_result(demo, "perbkn-8-2019", "", "Dinas Kesehatan")
    scores = demo.scores[demo.scores["unit_kerja"] == "Dinas Kesehatan"]
    plan = plan_to_target(scores, demo.rules, Goal(75.0))
    shown = target_plan(report, Targets.of({"ip_asn": 75})).data
    parts = shown.split('<p class="langkah">')[1:]
    assert len(parts) == len(plan.steps) >= 2
    for number, part in enumerate(parts, start=1):
        people = plan.people[plan.people["langkah"] == number]
        assert part.startswith(f"Langkah {number}: ") and f"untuk {fmt.integer(len(people))} PNS" in part
        listed = re.findall(r"<tr><td[^>]*>(\d{18})</td>", part.split("</table>")[0])
        assert listed == people["nip"].tolist()


@pytest.fixture(scope="module")
def demo():
    return ipasn.score(ipasn.load(demo_workbook()), 2022)


def test_the_demo_plan_is_exact_for_the_instansi_and_a_unit(demo):
    """The demo scored in-process; the plan's trainings appended to its history and scored again."""
    rules = demo.rules
    unit = demo.scores[demo.scores["unit_kerja"] == "Dinas Kesehatan"]
    for scores, target in ((demo.scores, 71.0), (unit, 75.0)):
        plan = plan_to_target(scores, rules, Goal(target))
        added = pd.DataFrame(_history_rows(plan, scores, rules, "2022-12-31"))
        added = added.assign(tanggal_selesai=pd.to_datetime(added["tanggal_selesai"]), hanya_tahun=False,
                             tingkat=added["tingkat"].astype("Int8"), _row=-1)
        added = added.drop(columns="nama_diklat").assign(nama=added["nama_diklat"])
        diklat = pd.concat([demo.dataset.diklat.astype({"jenis": object, "nama": object}), added],
                           ignore_index=True).drop(columns=["_nip", "_pegawai"])  # joined on the text
        again = ipasn.score(dataclasses.replace(demo.dataset, diklat=diklat), 2022, explanations=False)
        shown = summarise(again, by=None).iloc[0]["ip_asn"] if scores is demo.scores else \
            summarise(again, by=None, unit="Dinas Kesehatan").iloc[0]["ip_asn"]
        assert shown == plan.ip_akhir and plan.tercapai
        assert fmt.number(shown) == fmt.number(plan.steps[-1].ip_sesudah)
