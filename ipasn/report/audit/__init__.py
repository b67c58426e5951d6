"""From what each document was made, and whether it still would be.

In: jobs, their results and the run's inputs. Out: `manifest.json` (input, ruleset, template, code
and environment hashes, and every document's hash and status) and the reuse decision for a rerun.
`ipasn verify`, which re-executes a report folder through the batch and compares bytes with the
manifest, sits above both: `ipasn.report.verify`.
"""
