"""Run a benchmark against a fixed revision of the code instead of the live working tree.

`--snapshot REV` extracts `git archive REV` (a read-only git command) into
benchmarks/out/snapshot-<commit>/ and runs every child process with that folder first on PYTHONPATH
and as its working directory, so `import ipasn`, the report notebooks, the kernel zygote and the
kernels all use that revision. Without it, the benchmarks use the installed (editable) package: fine
on a quiet checkout, but when the working tree is edited during a run, the code changes under the
benchmark, and `ipasn run`'s reuse check (which hashes ipasn's source) sees a different code hash.
"""

from __future__ import annotations

import io
import os
import subprocess
import tarfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def resolve(rev: str) -> str:
    out = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--verify", f"{rev}^{{commit}}"],
                         capture_output=True, text=True, check=True)
    return out.stdout.strip()


def extract(rev: str, out: Path) -> tuple[Path, str]:
    """The snapshot folder of `rev` (extracted once) and its full commit id."""
    commit = resolve(rev)
    folder = out / f"snapshot-{commit[:12]}"
    if not (folder / "ipasn" / "__init__.py").is_file():
        archive = subprocess.run(["git", "-C", str(ROOT), "archive", "--format=tar", commit],
                                 capture_output=True, check=True).stdout
        partial = folder.with_name(folder.name + ".partial")
        partial.mkdir(parents=True, exist_ok=True)
        with tarfile.open(fileobj=io.BytesIO(archive)) as tar:
            tar.extractall(partial, filter="data")
        partial.rename(folder)
    return folder, commit


def environment(code_root: Path | None) -> dict[str, str]:
    """The environment for child processes: the snapshot first on PYTHONPATH."""
    env = dict(os.environ)
    if code_root is not None:
        # Children run in code_root, so entries relative to this process's folder are made absolute.
        existing = [os.path.abspath(p) for p in env.get("PYTHONPATH", "").split(os.pathsep) if p]
        env["PYTHONPATH"] = os.pathsep.join([str(code_root), *existing])
    return env


def describe(code_root: Path | None, commit: str | None) -> str:
    if code_root is None:
        try:
            head = subprocess.run(["git", "-C", str(ROOT), "describe", "--always", "--dirty"], capture_output=True,
                                  text=True, timeout=10).stdout.strip()
        except (OSError, subprocess.SubprocessError):
            head = "?"
        return f"the installed ipasn (live working tree, git {head or '?'})"
    return f"snapshot of commit {commit[:12]} in {code_root}"
