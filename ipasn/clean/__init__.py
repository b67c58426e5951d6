"""Stage 2, clean: raw sheets in (ipasn.input); a Dataset of typed, canonical tables and findings out.

`load` (load.py) reads the sources and hands each table to its loader (pegawai.py, history.py), which
parses every column once per distinct value (parse.py, nips.py, dates.py, codes.py through the
vocabulary in vocab.py), rejects or flags rows with a problem code (problems.py, findings.py) and
counts every row and column read (accounting.py). Nothing is scored here.
"""
