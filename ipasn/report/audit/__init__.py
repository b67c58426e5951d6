"""From what each document was made, and whether it still would be.

In: jobs, their results and the run's inputs. Out: `manifest.json` (input, ruleset, template, code
and environment hashes, and every document's hash and status), the reuse decision for a rerun, and
`ipasn verify`, which re-executes a report folder and compares bytes.
"""
