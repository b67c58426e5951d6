"""One report job: a unit's or the instansi's document for one year, executed and rendered.

Each job has its own working folder and its own output paths; a job never raises: it returns a
JobResult, so one failing unit never stops the batch.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from importlib import resources
from pathlib import Path


UNIT_TEMPLATE = "unit_report.ipynb"
INSTANSI_TEMPLATE = "instansi_report.ipynb"
TEMPLATES = {"unit": UNIT_TEMPLATE, "instansi": INSTANSI_TEMPLATE}
INSTANSI = "instansi"  # the instansi document's file stem; no unit's slug is ever this


def notebook_template(name: str) -> Path:
    """ipasn's own report notebook `name`, shipped inside the package (`ipasn/notebooks/`; the
    repository's top-level `notebooks/` links to the same files, for analysts and JupyterLab)."""
    return Path(str(resources.files("ipasn") / "notebooks" / name))


def document_stem(slug: str | None) -> str:
    """A document's path without suffix inside its year folder: a unit's slug, or None for the instansi."""
    return f"units/{slug}" if slug is not None else INSTANSI


def job_key(tahun: int, slug: str | None) -> str:
    """The one spelling of a job's key: `<year>/<document stem>`."""
    return f"{tahun}/{document_stem(slug)}"


@dataclass(frozen=True)
class Job:
    """One document: a unit's (unit set) or the instansi's (unit None) report for one year."""

    tahun: int
    unit: str | None
    slug: str  # file stem, unique within the year
    template: Path
    year_dir: Path  # reports/<instansi>/<tahun>
    parameters: dict = field(hash=False, compare=False)
    formats: tuple[str, ...] = ("html", "pdf")
    title: str = ""
    footer: str = ""
    weight: int = field(default=0, compare=False)  # employees shown: how long the job will take

    @property
    def key(self) -> str:
        return job_key(self.tahun, self.slug if self.unit is not None else None)

    @property
    def relative_stem(self) -> str:
        return document_stem(self.slug if self.unit is not None else None)

    @property
    def work_dir(self) -> Path:
        return self.year_dir / "_kerja" / self.relative_stem

    def output(self, suffix: str) -> Path:
        return self.year_dir / f"{self.relative_stem}.{suffix}"

    def outputs(self) -> list[Path]:
        return [self.output("ipynb")] + [self.output(f) for f in self.formats]


@dataclass(frozen=True)
class JobError:
    """Why a document failed: the exception's name and message, and the notebook cell if one failed."""

    name: str
    message: str
    cell: int | None = None

    @classmethod
    def of(cls, exc: BaseException, message: str | None = None) -> JobError:
        return cls(type(exc).__name__, str(exc) if message is None else message)

    def to_dict(self) -> dict:
        """As the manifest records it."""
        return {"name": self.name, "message": self.message, "cell": self.cell}

    @classmethod
    def from_dict(cls, entry: dict | None) -> JobError | None:
        return None if not entry else cls(entry.get("name", ""), entry.get("message", ""), entry.get("cell"))

    def __str__(self) -> str:
        cell = f", sel {self.cell}" if self.cell is not None else ""
        return f"{self.name}: {self.message}{cell}"


@dataclass
class JobResult:
    key: str
    status: str  # ok, failed, reused
    seconds: float
    documents: dict[str, str] = field(default_factory=dict)  # relative path -> sha256
    error: JobError | None = None

    @classmethod
    def failed(cls, key: str, error: JobError, seconds: float = 0.0,
               documents: dict[str, str] | None = None) -> JobResult:
        return cls(key, "failed", seconds, dict(documents or {}), error)
