"""manifest.json: from which data, rules, templates and code each document of a year was made.

Each document's fingerprint (bundle data, parameters, template, ruleset, code and environment) is
recorded here; `audit.reuse` compares it with the next run's.
"""

from __future__ import annotations

import json
import os
from pathlib import Path

from ipasn import __version__
from ipasn.files import sha256_bytes, sha256_file, write_text
from ipasn.report.audit import provenance as pv
from ipasn.report.document.job import Job, JobResult

MANIFEST = "manifest.json"
FORMAT = "ipasn-manifest/1"


def bundle_sha256(bundle: Path) -> str:
    """One hash over the files a document is made from."""
    files = "".join(f"{p.name}:{sha256_file(p)};" for p in sorted(bundle.iterdir()) if p.is_file())
    return sha256_bytes(files.encode("utf-8"))


def job_fingerprint(job: Job, rules_sha256: str) -> str:
    """Everything that shapes a job's documents, hashed: change any of it and the job reruns."""
    parts = {
        "bundle": bundle_sha256(job.work_dir / "bundle"),
        "parameters": job.parameters,
        "template": pv.template_sha256(job.template),
        "formats": list(job.formats),
        "title": job.title,
        "footer": job.footer,
        "rules": rules_sha256,
        "code": pv.code_sha256(),
        "environment": pv.environment(),
    }
    return sha256_bytes(json.dumps(parts, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8"))


def read_manifest(year_dir: Path) -> dict | None:
    path = year_dir / MANIFEST
    if not path.is_file():
        return None
    try:
        manifest = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # a damaged manifest proves nothing: everything reruns
    return manifest if manifest.get("format") == FORMAT else None


def _relative(path: Path, start: Path) -> str:
    try:
        return os.path.relpath(path, start)
    except ValueError:  # another drive on Windows
        return str(path)


def _output(path: Path | None, key: str | None = None) -> dict | None:
    """A file the run wrote beside the documents: its name, hash, and the key it was made for (reuse)."""
    if path is None:
        return None
    return {"path": path.name, "sha256": sha256_file(path), **({"key": key} if key is not None else {})}


def build_manifest(*, year_dir: Path, tahun: int, run_file: Path | None, run_text: str | None,
                   canonical: dict, data: list[Path], rules_ref: str, rules_file: Path | None, rules_sha256: str,
                   templates: dict[str, Path], jobs: dict[str, tuple[Job, str]],
                   results: dict[str, JobResult], previous: dict | None, workbook: Path,
                   workbook_key: str, run_key: str | None = None, resmi: Path | None = None,
                   reconciliation: tuple[Path, str] | None = None, plan: tuple[Path, str] | None = None,
                   years_data: dict[int, list[Path]] | None = None, front: dict[str, Path] | None = None,
                   search_data: Path | None = None) -> dict:
    """`data`: this year's inputs. `years_data`: every year the documents show (this one and the earlier
    ones of the run, for the trends) with its inputs. `resmi`: BKN's official results of the year.
    `front`: the files of the documents' front by run key (logo, kata_pengantar)."""
    def located(path: Path) -> dict:  # an input file: where it was (relative and absolute), its hash
        return {"path": _relative(path, year_dir), "path_absolute": str(path), "sha256": sha256_file(path)}

    documents = dict((previous or {}).get("documents", {}))  # --only keeps the others' records
    for key, (job, fingerprint) in jobs.items():
        result = results.get(key)
        if result is None:
            continue
        documents[job.relative_stem] = {
            "unit": job.unit, "fingerprint": fingerprint, "status": result.status,
            "seconds": round(result.seconds, 3), "files": dict(sorted(result.documents.items())),
            "error": result.error.to_dict() if result.error else None,
        }
    return {
        "format": FORMAT,
        "tahun": tahun,
        "run": {
            "file": _relative(run_file, year_dir) if run_file else None,
            "file_absolute": str(run_file) if run_file else None,
            "text": run_text,
            "canonical": canonical,
        },
        "inputs": {
            "data": [located(p) for p in pv.input_files(data)],
            "data_paths": [{"path": _relative(p, year_dir), "path_absolute": str(p)} for p in data],
            # Which files made which year: the trends of this year's documents use them all.
            "years": {str(t): {"paths": [{"path": _relative(p, year_dir), "path_absolute": str(p)} for p in paths],
                               "files": [located(p) for p in pv.input_files(paths)]}
                      for t, paths in sorted((years_data or {}).items())},
            "one_snapshot_for_all_years": len({tuple(v) for v in (years_data or {}).values()}) == 1
            and len(years_data or {}) > 1,
            "rules": {"ref": rules_ref, "sha256": rules_sha256,
                      "path": _relative(rules_file, year_dir) if rules_file else None,
                      "path_absolute": str(rules_file) if rules_file else None},
            # BKN's official results the documents show (runs with `resmi:`)
            "resmi": located(resmi) if resmi else None,
            "dokumen": {key: located(path) for key, path in sorted((front or {}).items())},
        },
        "templates": {name: {"path": str(path), "sha256": pv.template_sha256(path)}
                      for name, path in sorted(templates.items())},
        "code": {"ipasn": __version__, "git": pv.git_commit(), "sha256": pv.code_sha256()},
        "environment": pv.environment(),
        "documents": dict(sorted(documents.items())),
        "scores_workbook": _output(workbook, workbook_key),
        "reconciliation_workbook": _output(*reconciliation) if reconciliation else None,
        # The plans to reach the target (runs with targets.ip_asn or targets.kategori): personal data.
        "plan_workbook": _output(*plan) if plan else None,
        # The index pages' employee search (personal data; none when the run masks it).
        "search_data": _output(search_data),
        # Set after a complete run without failures: what an unchanged rerun compares (run.run_key).
        "run_key": run_key,
    }


def write_manifest(year_dir: Path, manifest: dict) -> Path:
    target = year_dir / MANIFEST
    write_text(target, json.dumps(manifest, indent=1, sort_keys=False, ensure_ascii=False) + "\n")
    return target
