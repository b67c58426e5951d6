"""BKN's official IP ASN results: read them, validate them, and reconcile them with ipasn's own count.

What enters: BKN's per-NIP results file for one year (SIASN `nilaiipasn` fields, the DJASN progress
table, or a per-satker workbook; .xlsx, .xls, .ods or .csv) and, for the reconciliation, the employee
export that ipasn scores for the same year. What leaves: an `Official` table (one row per NIP, the four
dimensions, BKN's keterangan, findings on every row that could not be used as given) and a
`Reconciliation`: per NIP and dimension where the two differ, the likely cause in plain Indonesian,
the NIPs on one side only, and per unit how the official IP would change with the export's data.
"""

__all__ = ["Official", "read_official"]


def __getattr__(name: str):
    # Lazily: the CLI registers `reconcile` at start-up without loading pandas for other commands.
    if name in __all__:
        from ipasn.official import read

        return getattr(read, name)
    raise AttributeError(name)
