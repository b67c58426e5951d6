"""The plans to reach the target as a workbook for people: `rencana-<tahun>-data-pribadi.xlsx`.

The instansi's plan and each unit's own plan, their steps, and every person each one trains (NIP and
name: personal data, like the scores workbook). Deterministic bytes through ipasn's one xlsx writer.
"""

from __future__ import annotations

import pandas as pd

from ipasn import fmt
from ipasn.export.scores import PERSONAL_DATA_SUFFIX, rules_table
from ipasn.export.xlsx import workbook_bytes
from ipasn.report.content.present_plan import action_text, goal_text, plan_sentence
from ipasn.report.content.target_plan import Goal, TargetPlan, plan_to_target
from ipasn.scoring.score import ScoreResult

INSTANSI = "instansi"  # the `lingkup` of the instansi's plan
WIDTHS = {"lingkup": 34, "unit_kerja": 34, "nama": 30, "nip": 21, "rencana": 80, "tindakan": 32}


def plan_workbook_name(tahun: int) -> str:
    return f"rencana-{tahun}-{PERSONAL_DATA_SUFFIX}.xlsx"


def _plans(result: ScoreResult, goal: Goal) -> dict[str, TargetPlan]:
    scores = result.scores
    plans = {INSTANSI: plan_to_target(scores, result.rules, goal)}
    for unit, rows in scores.groupby("unit_kerja", sort=True):
        plans[str(unit)] = plan_to_target(rows, result.rules, goal)
    return plans


def plan_workbook(result: ScoreResult, goal: Goal) -> bytes:
    """Sheets ringkasan (one row per plan), langkah (its steps), rencana_instansi (who the instansi's
    plan trains), rencana_unit (who each unit's own plan trains) and aturan."""
    rules = result.rules
    plans = _plans(result, goal)
    summary = pd.DataFrame([{
        "lingkup": scope, "target": goal_text(goal), "pns_diukur": plan.diukur, "ip_asn_awal": plan.ip_awal,
        "ip_asn_sesudah": plan.ip_akhir, "ip_asn_maksimal_pelatihan": plan.ip_maksimal,
        "tercapai": plan.tercapai, "pns_dilatih": len(plan.people), "rencana": plan_sentence(plan, rules),
    } for scope, plan in plans.items()])
    steps = pd.DataFrame([{
        "lingkup": scope, "langkah": number, "tindakan": action_text(step, rules),
        "jenis_jabatan": ", ".join(step.jenis_jabatan), "pns_dilatih": step.pegawai, "pns_belum": step.belum,
        "poin_per_orang": step.poin, "ip_asn_sesudah": step.ip_sesudah,
        "ip_asn_sesudah_tampil": fmt.number(step.ip_sesudah),
    } for scope, plan in plans.items() for number, step in enumerate(plan.steps, start=1)],
        columns=["lingkup", "langkah", "tindakan", "jenis_jabatan", "pns_dilatih", "pns_belum", "poin_per_orang",
                 "ip_asn_sesudah", "ip_asn_sesudah_tampil"])
    units = pd.concat([_listed(plan, rules).assign(lingkup=scope) for scope, plan in plans.items()],
                      ignore_index=True)
    units = units[units["lingkup"] != INSTANSI]  # the instansi's own plan has its sheet
    return workbook_bytes({
        "ringkasan": summary, "langkah": steps, "rencana_instansi": _listed(plans[INSTANSI], rules),
        "rencana_unit": units[["lingkup", *units.columns.drop("lingkup")]],
        "aturan": rules_table(result),
    }, title=f"Rencana mencapai target IP ASN {result.period.tahun}", widths=WIDTHS, for_people=True)


def _listed(plan: TargetPlan, rules) -> pd.DataFrame:
    """One row per person trained, with the step's action in words."""
    texts = {number: action_text(step, rules) for number, step in enumerate(plan.steps, start=1)}
    people = plan.people.copy()
    people.insert(1, "tindakan", people["langkah"].map(texts).astype(object))
    return people.rename(columns={"tambahan": "tambahan_poin"})
