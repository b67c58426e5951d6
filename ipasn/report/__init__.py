"""Stage 5, reports: scores in; per-unit and instansi documents out (notebooks executed by papermill,
rendered to HTML and PDF), with a manifest that says what each was made from.

Layers, each importing only those below it: `content/` (what a document says; `notebook.py` is the
notebooks' one import), `document/` (one job: execute, kernels, HTML, PDF), `audit/` (provenance,
manifest, reuse), `batch/` (`ipasn run`: plan, pool or dask, finish, index), and `verify.py`
(`ipasn verify`) on top. `lifetime.py` (signals, parent-death) serves `document/` and `batch/`.
"""
