"""The plan to reach the target, in Indonesian: a sentence, the steps, and who is trained.

The instansi report names no one: it shows the steps and their effect per unit kerja. A unit report
lists its people per step (NIP and names masked on request); the run's `rencana-<tahun>-data-pribadi.xlsx`
holds every list.
"""

from __future__ import annotations

import pandas as pd
from IPython.display import HTML

from ipasn import fmt
from ipasn.errors import IpasnError
from ipasn.report.content.data import ReportData
from ipasn.report.content.markup import esc, show, table
from ipasn.report.content.present import detail_scores
from ipasn.report.content.privacy import mask_name, mask_nip
from ipasn.report.content.target_plan import Goal, PlanStep, TargetPlan, goal_of, plan_to_target, unit_effect
from ipasn.report.content.targets import Targets
from ipasn.ruleset import Ruleset
from ipasn.scoring.bands import categorize


def shown_gain(before: float, after: float) -> str:
    """A step's gain as the difference of the two IPs as shown, so the gains add up to what is shown."""
    return "+" + fmt.number(fmt.rounded(after) - fmt.rounded(before))


def action_text(step: PlanStep, rules: Ruleset) -> str:
    """"20 JP diklat teknis", "seminar/workshop/kursus", ..."""
    return {"teknis": f"{fmt.points(rules.teknis_min_jp)} JP diklat teknis",
            "seminar": "seminar/workshop/kursus/magang",
            "fungsional": "diklat fungsional",
            "kepemimpinan": "diklat kepemimpinan sesuai eselon (PKP/PKA/PKN)"}[step.indikator]


def _who(step: PlanStep) -> str:
    kinds = [k if k == "JPT" else k.lower() for k in step.jenis_jabatan]
    return " dan ".join([", ".join(kinds[:-1]), kinds[-1]] if len(kinds) > 1 else kinds)


def goal_text(goal: Goal) -> str:
    if goal.kategori is not None:
        return f"kategori {goal.kategori} (IP ASN di atas {fmt.number(goal.nilai)})" if goal.lebih_dari \
            else f"kategori {goal.kategori}"
    return f"target {fmt.number(goal.nilai)}"


def _category(value: float, rules: Ruleset) -> str:
    return categorize(pd.Series([value]), rules).iloc[0] or fmt.EMPTY


def plan_sentence(plan: TargetPlan, rules: Ruleset) -> str:
    """What the plan says in one or two sentences; every number from the re-scored result."""
    if plan.diukur == 0:
        return "Tidak ada PNS yang diukur."
    start = f"{fmt.number(plan.ip_awal)} ({_category(plan.ip_awal, rules)})"
    if plan.goal is None:
        return (f"Target belum ditetapkan (isi targets.ip_asn atau targets.kategori pada definisi run). Dengan "
                f"seluruh pelatihan yang tersedia, IP ASN naik dari {start} menjadi paling tinggi "
                f"{fmt.number(plan.ip_maksimal)} ({_category(plan.ip_maksimal, rules)}).")
    if plan.sudah_tercapai:
        return f"IP ASN {start} sudah mencapai {goal_text(plan.goal)}; tidak ada pelatihan yang diperlukan."
    if not plan.steps:  # nobody lacks a training the plan can give (e.g. a unit with no history at all)
        goal = goal_text(plan.goal)
        return (f"{goal[0].upper()}{goal[1:]} tidak tercapai dengan pelatihan saja: tidak ada pelatihan yang "
                f"menaikkan IP ASN {start}.")
    parts, before = [], plan.ip_awal
    for step in plan.steps:
        parts.append(f"{action_text(step, rules)} untuk {fmt.integer(step.pegawai)} PNS {_who(step)} "
                     f"({shown_gain(before, step.ip_sesudah)})")
        before = step.ip_sesudah
    actions = ", ".join(parts[:-1]) + " dan " + parts[-1] if len(parts) > 1 else parts[0]
    end = f"{fmt.number(plan.ip_akhir)} ({_category(plan.ip_akhir, rules)})"
    if plan.tercapai:
        return f"{actions[0].upper()}{actions[1:]} menaikkan IP ASN dari {start} ke {end}, mencapai {goal_text(plan.goal)}."
    goal = goal_text(plan.goal)
    return (f"{goal[0].upper()}{goal[1:]} tidak tercapai dengan pelatihan saja: bila seluruh PNS yang "
            f"belum memenuhi dilatih ({actions}), IP ASN naik dari {start} paling tinggi ke {end}.")


def scope_note(report: ReportData) -> str:
    """Which dimensions an office can act on within the year, and when a training must be finished."""
    rules, period = report.rules, report.period
    return (f'<p class="keterangan">Rencana hanya memuat pelatihan yang poinnya pasti menurut aturan: diklat teknis '
            f"minimal {fmt.points(rules.teknis_min_jp)} JP dalam {rules.opsi.teknis_jendela_tahun} tahun terakhir, "
            f"seminar/workshop/kursus dalam {rules.seminar_jendela_tahun} tahun terakhir, diklat fungsional dan "
            "diklat kepemimpinan sesuai eselon, semuanya selesai paling lambat tanggal acuan "
            f"{fmt.date(period.tanggal_acuan.date())}. Urutan: tambahan poin per orang terbesar lebih dulu; pada "
            "langkah terakhir hanya sebanyak yang diperlukan, mulai dari IP ASN terendah. Kualifikasi naik hanya "
            f"lewat pendidikan formal, kinerja berasal dari SKP {period.tahun_kinerja} yang sudah dinilai, dan "
            f"disiplin dari riwayat hukuman {rules.disiplin.jendela_tahun} tahun terakhir: ketiganya tidak dapat "
            "diubah dengan pelatihan. Perbaikan data (SKP, pendidikan, hukuman disiplin) dapat menaikkan nilai, "
            "tetapi besarnya belum pasti; lihat bagian Upaya. IP ASN sesudah setiap langkah dihitung ulang dari "
            "nilai per pegawai.</p>")


def steps_frame(plan: TargetPlan, rules: Ruleset) -> pd.DataFrame:
    """The plan's steps as shown: the HTML table's and the deck's cells."""
    rows, before = [], plan.ip_awal
    for number, step in enumerate(plan.steps, start=1):
        rows.append({"Langkah": str(number), "Tindakan": action_text(step, rules),
                     "Jenis jabatan": _who(step), "PNS dilatih": fmt.integer(step.pegawai),
                     "Dari yang belum": fmt.integer(step.belum), "Poin per orang": "+" + fmt.points(step.poin),
                     "IP ASN sesudah": fmt.number(step.ip_sesudah), "Kenaikan": shown_gain(before, step.ip_sesudah)})
        before = step.ip_sesudah
    return pd.DataFrame(rows)


STEP_NUMBERS = ("Langkah", "PNS dilatih", "Dari yang belum", "Poin per orang", "IP ASN sesudah", "Kenaikan")


def steps_table(plan: TargetPlan, rules: Ruleset) -> str:
    return table(steps_frame(plan, rules), "tabel", STEP_NUMBERS)


def _units_table(scores: pd.DataFrame, plan: TargetPlan) -> str:
    effect = unit_effect(scores, plan)
    frame = pd.DataFrame({
        "Unit kerja": effect["unit_kerja"], "PNS diukur": effect["diukur"].map(fmt.integer),
        "PNS dilatih": effect["dilatih"].map(fmt.integer), "IP ASN sekarang": effect["ip_awal"].map(fmt.number),
        "IP ASN sesudah": effect["ip_sesudah"].map(fmt.number),
    })
    return ("<p>Dampak rencana instansi per unit kerja. Rencana tiap unit untuk mencapai target dengan PNS-nya "
            "sendiri ada di laporan unit tersebut; daftar nama per langkah ada di buku kerja rencana (data "
            "pribadi) di folder laporan tahun ini.</p>"
            + table(frame, "tabel", tuple(frame.columns[1:]), (44, 14, 14, 14, 14)))


def _people_table(plan: TargetPlan, rules: Ruleset, mask: bool) -> str:
    """Per step, who is trained: a heading naming the step's action, then NIP, name and IP ASN before and
    after the whole plan. One table per step rather than one with the action on every row: the list
    reads per action, and the PDF of a large unit has 43% fewer cells in these lists to lay out."""
    people, parts = plan.people, ["<p>Pegawai yang dilatih per langkah:</p>"]
    for number, step in enumerate(plan.steps, start=1):
        part = people[people["langkah"] == number]
        frame = pd.DataFrame({
            "NIP": part["nip"].map(lambda v: mask_nip(v) if mask else v),
            "Nama": part["nama"].map(lambda v: mask_name(v) if mask else v),
            "IP ASN": part["ip_asn"].map(fmt.points),
            "Sesudah rencana": part["ip_asn_sesudah"].map(fmt.points),
        })
        parts.append(f'<p class="langkah">Langkah {number}: {esc(action_text(step, rules))} untuk '
                     f"{fmt.integer(len(part))} PNS {esc(_who(step))}</p>")
        parts.append(table(frame, "tabel rinci", ("IP ASN", "Sesudah rencana"), (26, 50, 12, 12)))
    return "\n".join(parts)


def target_plan(report: ReportData, targets: Targets, mask: bool = False) -> HTML:
    """Rencana mencapai target: ``nb.target_plan(report, nb.Targets.of({"ip_asn": 71}), mask=False)``.

    The steps with the re-scored IP after each; a unit report lists its people per step, the
    instansi report the plan's effect per unit kerja."""
    scores, note = detail_scores(report)
    if scores is None:
        return show(note)
    plan = plan_to_target(scores, report.rules, goal_of(targets, report.rules))
    parts = [f"<p>{esc(plan_sentence(plan, report.rules))}</p>"]
    if plan.steps:
        parts.append(steps_table(plan, report.rules))
        parts.append(_people_table(plan, report.rules, mask) if report.unit is not None
                     else _units_table(scores, plan))
    return show(*parts, scope_note(report), note)


def plan(report: ReportData, targets: Targets) -> TargetPlan:
    """The plan itself, for your own tables: ``rencana = nb.plan(report, nb.Targets.of({"kategori": "Sedang"}))``;
    `rencana.steps`, `rencana.ip_akhir`, and `rencana.people` (one row per person trained)."""
    scores, _ = detail_scores(report)
    if scores is None:
        raise IpasnError("hasil resmi BKN tanpa ekspor: rincian indikator tidak ada, rencana tidak dapat dihitung")
    return plan_to_target(scores, report.rules, goal_of(targets, report.rules))
