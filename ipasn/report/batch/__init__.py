"""`ipasn run`: many documents from one run definition.

In: a run definition (`params/*.yaml`, `RunParams`). The batch scores once, plans one `Job` per unit
and per instansi and year, skips what `audit` says is unchanged, runs the rest on a local process
pool or a dask cluster, then writes the scores workbook, `index.html` and the manifest. Out: the
report folder `<output>/<instansi>/<year>/`. Also here: the folder lock. (The lifetime of every
process a run starts, signals and parent-death, is `ipasn.report.lifetime`, beside this package and
`document/`, which both use it.)
"""
