"""Everything a report notebook calls, in one import: `from ipasn.report import notebook as nb`."""

from ipasn.report.content.targets import Targets
from ipasn.report.content.charts import (breakdown, category_distribution, dimensions_against_maximum,
                                 unit_ranking, warm_up)
from ipasn.report.content.data import ReportData, report_data
from ipasn.report.content.present import (accounting_table, analysis_table, breakdown_table, category_table,
                                  competence_table, employee_table, findings_summary, findings_table,
                                  headline, improvement_summary, improvement_table,
                                  rules_in_force, sub_unit_table, target_table, title, unit_ranking_table)

from ipasn.report.content.trend_report import movements, trends, unit_changes

# Called once by the kernel zygote before it forks document kernels (see kernels.py).
WARM_UP = (warm_up,)

__all__ = [
    "ReportData", "Targets", "accounting_table", "analysis_table", "breakdown", "breakdown_table",
    "category_distribution", "category_table", "competence_table", "dimensions_against_maximum",
    "employee_table", "findings_summary", "findings_table", "headline",
    "improvement_summary", "improvement_table", "report_data", "rules_in_force", "sub_unit_table", "target_table",
    "title", "trends", "unit_changes", "unit_ranking", "unit_ranking_table", "movements",
]
