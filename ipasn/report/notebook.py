"""Everything a report notebook calls, in one import: ``from ipasn.report import notebook as nb``.

Start with the data, then show it; every function returns something the notebook displays::

    report = nb.report_data(data="demo", tahun=2022, unit="Dinas Kesehatan")
    report.scores      # one row per PNS: points per dimension, ip_asn, kategori, keterangan_*
    report.findings    # data problems (temuan): berkas, lembar, baris, kolom, nilai, masalah, nip
    report.pegawai     # the employees read, measured or not (diukur) and why
    nb.headline(report, nb.Targets.of({"ip_asn": 75}))

Loading
    report_data, ReportData, Targets, Dokumen
Front and back (from the run definition's logo, kata_pengantar, penandatangan, pembanding)
    cover, foreword, signature
Tables and text of the reports
    narrative, sentences, title, headline, analysis_table, competence_table, sub_unit_table, improvement_summary,
    improvement_table, findings_table, findings_summary, employee_table, rules_in_force,
    target_table, unit_ranking_table, category_table, breakdown_table, accounting_table
Plan to reach the target (targets.ip_asn or targets.kategori)
    target_plan(report, targets, mask): the section "Rencana mencapai target";
    plan(report, targets): the plan itself (steps, re-scored IP, people trained) for your own tables.
Trends across years (runs of several years)
    trends, unit_changes, movements
Charts of the reports (SVG)
    category_distribution, dimensions_against_maximum, breakdown, unit_ranking
Your own additions
    missing_items(report): who lacks which indicator, one row per PNS and item (a DataFrame).
    table(frame): any pandas table in the report's style, Indonesian numbers.
    to_svg(fig): a matplotlib figure as a fixed SVG image (or simply ``plt.show()``).
    decimal_comma(ax): axis numbers with the decimal comma, like the report's charts.
    save_excel(frame, path): a list for colleagues, as an Excel workbook.

Importing this module in a Jupyter kernel sets the kernel up (inline.py): figures from ``plt.show()``,
``display(fig)`` or a figure as a cell's last value appear inline and in the documents of
``ipasn run`` as SVG, and DataFrames render as report tables. ``help(nb.table)`` and the like
explain each function.
"""

from ipasn.report.content.charts import (breakdown, category_distribution, decimal_comma,
                                         dimensions_against_maximum, to_svg, unit_ranking, warm_up)
from ipasn.report.content.data import ReportData, preload_bundle, report_data
from ipasn.report.content.dokumen import Dokumen
from ipasn.report.content.explore import missing_items
from ipasn.report.content.front import cover, foreword, signature
from ipasn.report.content.narrative import narrative, sentences
from ipasn.report.content.frames import table
from ipasn.report.content.inline import configure, preload
from ipasn.report.content.present_plan import plan, target_plan
from ipasn.report.content.reconciliation import reconciliation, reconciliation_list
from ipasn.report.content.inputs import accounting_table, findings_summary, findings_table, rules_in_force
from ipasn.report.content.present import (analysis_table, breakdown_table, category_table, competence_table,
                                          employee_table, headline, improvement_summary, improvement_table,
                                          sub_unit_table, target_table, title, unit_ranking_table)
from ipasn.report.content.targets import Targets
from ipasn.report.content.trend_report import movements, trends, unit_changes
from ipasn.report.content.workbook import save_excel

# Called once by the kernel zygote before it forks document kernels, and in each forked kernel with
# its shell (see zygote.py): a forked kernel has this module already imported, so the import below
# does not run there.
WARM_UP = (warm_up, preload, preload_bundle)
KERNEL_SETUP = (configure,)

configure()  # in a Jupyter kernel: figures and tables as above; elsewhere nothing

__all__ = [
    "Dokumen", "ReportData", "Targets", "accounting_table", "cover", "foreword", "narrative", "sentences",
    "signature", "analysis_table", "breakdown", "breakdown_table",
    "category_distribution", "category_table", "competence_table", "decimal_comma", "dimensions_against_maximum",
    "employee_table", "findings_summary", "findings_table", "headline", "movements",
    "improvement_summary", "improvement_table", "missing_items", "plan", "reconciliation", "reconciliation_list",
    "report_data", "rules_in_force", "save_excel", "trends", "unit_changes",
    "sub_unit_table", "table", "target_plan", "target_table", "title", "to_svg", "unit_ranking", "unit_ranking_table",
]
