"""What a document says.

In: a `ReportData` (one unit's or the instansi's scored rows, findings, rules and period; read from a
bundle or scored on the spot). Out: the tables, sentences and SVG charts a report notebook shows,
with personal data masked on request: present.py about the scores, inputs.py about what they were
made from, markup.py the HTML parts they share. Nothing here runs a kernel or writes a file; the
notebooks reach all of it through `ipasn.report.notebook`.
"""
