"""Stage 3, scoring: a Dataset and a ruleset in; a ScoreResult (scores, explanations, findings for the
period) out.

period.py fixes the dates one measurement looks at, join.py joins history rows to employees,
score.py computes the four dimensions vectorised and explain.py says why in Indonesian; bands.py
holds the point bands and categories, summary.py the aggregates reports show, and reference.py the
plain per-employee form the vectorised one is checked against.
"""
