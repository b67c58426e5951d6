"""Stage 1, input: paths (workbooks, CSV or parquet files, folders) in; raw sheets out.

`read_sources` finds each sheet's role (pegawai, diklat, kursus, kinerja, hukdis) from its name and
columns, its header row below any title rows, and the raw values of the columns ipasn reads, with the
row numbers the user sees in Excel; every sheet or file it does not read is listed with the reason.
The sheet contract (roles, columns, accepted header spellings, the clean contract's columns) is
schema.py; .xlsx workbooks are read by xlsx_book.py (sheet list, shared strings, date styles) and
xlsx.py (each worksheet streamed row by row). Nothing is interpreted here: `ipasn.clean` turns values
into meaning.
"""

from ipasn.input.collect import RawSheet, Skipped
from ipasn.input.sources import Sources, read_sources, read_tables

__all__ = ["RawSheet", "Skipped", "Sources", "read_sources", "read_tables"]
