"""Stage 4, export: a ScoreResult in; the scores workbook (.xlsx with its findings and rules sheets),
CSV or parquet out, byte-identical on rerun (xlsx.py writes deterministic workbooks; guide.py explains
the workbook's sheets and columns on its first sheet, `petunjuk`)."""
