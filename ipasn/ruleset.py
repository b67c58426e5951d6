"""The ruleset: every weight, table, window and decided option, loaded from a validated YAML file."""

from __future__ import annotations

import datetime as dt
import hashlib
from functools import cached_property, lru_cache
from importlib import resources
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from ipasn.errors import RulesetError
from ipasn.validation_id import validation_text, yaml_error_text

POSITION_TYPES = ("JPT", "Administrator", "Pengawas", "Fungsional", "Pelaksana")
STRUCTURAL_TYPES = ("JPT", "Administrator", "Pengawas")
INDICATORS = ("kepemimpinan", "fungsional", "teknis", "seminar")
DIMENSIONS = ("kualifikasi", "kompetensi", "kinerja", "disiplin")
DEFAULT_RULESET = "perbkn-8-2019"


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Band(_Frozen):
    """One band of a half-open scale: values greater than `lebih_dari` (None: everything else)."""

    lebih_dari: float | None


class PerformanceBand(Band):
    poin: float
    predikat: str


class CategoryBand(Band):
    nama: str


class EducationLevel(_Frozen):
    nama: str
    poin: float = Field(ge=0)


class IndicatorPoints(_Frozen):
    kepemimpinan: float = Field(ge=0)
    fungsional: float = Field(ge=0)
    teknis: float = Field(ge=0)
    seminar: float = Field(ge=0)

    @property
    def total(self) -> float:
        return self.kepemimpinan + self.fungsional + self.teknis + self.seminar


class Performance(_Frozen):
    pita: tuple[PerformanceBand, ...]
    nilai_maks: float = Field(gt=0)
    predikat: dict[str, float]


class Discipline(_Frozen):
    jendela_tahun: int = Field(ge=1)
    poin: dict[Literal["tidak_ada", "ringan", "sedang", "berat"], float]


class Options(_Frozen):
    kepemimpinan_lebih_tinggi_dihitung: bool = False
    teknis_akumulasi_jp: bool = True
    teknis_jendela_tahun: int = Field(default=1, ge=1)
    tahun_kinerja_selisih: int = Field(default=1, ge=0)
    jpt_eselon_bawaan: Literal[1, 2] = 2


def _check_bands(bands: tuple[Band, ...], what: str) -> None:
    bounds = [b.lebih_dari for b in bands]
    if not bounds or bounds[-1] is not None or any(b is None for b in bounds[:-1]):
        raise ValueError(f"{what}: hanya rentang terakhir yang boleh (dan harus) lebih_dari: null")
    if any(a <= b for a, b in zip(bounds[:-2], bounds[1:-1])):
        raise ValueError(f"{what}: batas bawah harus terus menurun, tertulis {bounds}")


class Ruleset(_Frozen):
    id: str
    nama: str
    berlaku_mulai: dt.date
    dimensi_maks: dict[Literal["kualifikasi", "kompetensi", "kinerja", "disiplin"], float]
    kualifikasi: dict[str, EducationLevel]
    kompetensi: dict[Literal[POSITION_TYPES], IndicatorPoints]  # type: ignore[valid-type]
    teknis_min_jp: float = Field(gt=0)
    seminar_jendela_tahun: int = Field(ge=1)
    kinerja: Performance
    disiplin: Discipline
    kategori: tuple[CategoryBand, ...]
    opsi: Options = Options()

    @model_validator(mode="after")
    def _consistent(self) -> Ruleset:
        maks = self.dimensi_maks
        if set(maks) != set(DIMENSIONS):
            raise ValueError(f"dimensi_maks harus menyebut tepat {DIMENSIONS}")
        if abs(sum(maks.values()) - 100) > 1e-9:
            raise ValueError(f"jumlah dimensi_maks harus 100, tertulis {sum(maks.values())}")
        if set(self.kompetensi) != set(POSITION_TYPES):
            raise ValueError(f"kompetensi harus menyebut tepat {POSITION_TYPES}")
        for jenis, points in self.kompetensi.items():
            if abs(points.total - maks["kompetensi"]) > 1e-9:
                raise ValueError(f"jumlah kompetensi.{jenis} {points.total}, seharusnya {maks['kompetensi']}")
        for code, level in self.kualifikasi.items():
            if level.poin > maks["kualifikasi"]:
                raise ValueError(f"kualifikasi.{code} memberi {level.poin}, di atas maksimum {maks['kualifikasi']}")
        for band in self.kinerja.pita:
            if band.poin > maks["kinerja"]:
                raise ValueError(f"pita kinerja {band.predikat} memberi {band.poin}, di atas maksimum {maks['kinerja']}")
        if any(p > maks["kinerja"] for p in self.kinerja.predikat.values()):
            raise ValueError("ada predikat kinerja yang memberi poin di atas maksimum dimensi")
        if any(p > maks["disiplin"] for p in self.disiplin.poin.values()):
            raise ValueError("ada tingkat disiplin yang memberi poin di atas maksimum dimensi")
        if set(self.disiplin.poin) != {"tidak_ada", "ringan", "sedang", "berat"}:
            raise ValueError("disiplin.poin harus menyebut tidak_ada, ringan, sedang dan berat")
        _check_bands(self.kinerja.pita, "kinerja.pita")
        _check_bands(self.kategori, "kategori")
        return self

    # Derived lookups, computed once per ruleset.
    @cached_property
    def education_points(self) -> dict[str, float]:
        return {code: level.poin for code, level in self.kualifikasi.items()}

    @cached_property
    def performance_predicates(self) -> dict[str, float]:
        return {k.upper(): v for k, v in self.kinerja.predikat.items()}

    def indicator_points(self, jenis_jabatan: str, indicator: str) -> float:
        return getattr(self.kompetensi[jenis_jabatan], indicator)

    def options_in_force(self) -> dict[str, object]:
        return self.opsi.model_dump()


_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml when present: 20x faster


def _read_yaml(path: Path | str, text: str) -> dict:
    try:
        data = yaml.load(text, Loader=_YAML_LOADER)  # noqa: S506 - a safe loader
    except yaml.YAMLError as exc:
        raise RulesetError(f"{path}: {yaml_error_text(exc)}") from exc
    if not isinstance(data, dict):
        raise RulesetError(f"{path}: aturan harus berupa pemetaan YAML (kunci: nilai)")
    return data


@lru_cache(maxsize=32)
def parse_ruleset(text: str, source: str = "<ruleset>") -> Ruleset:
    """Validate a ruleset's YAML text. Cached: a Ruleset is frozen, and the same text means the same rules."""
    data = _read_yaml(source, text)
    try:
        return Ruleset.model_validate(data)
    except ValidationError as exc:
        raise RulesetError(f"{source}: aturan tidak valid: {validation_text(exc.errors())}") from exc


def ruleset_text(name_or_path: str | Path | None = None) -> tuple[str, str]:
    """Return (source label, YAML text) for a bundled ruleset id or a file path."""
    name = str(name_or_path or DEFAULT_RULESET)
    bundled = resources.files("ipasn") / "rules" / f"{name}.yaml"
    if bundled.is_file() and not Path(name).suffix:
        return f"ipasn/rules/{name}.yaml", bundled.read_text(encoding="utf-8")
    path = Path(name)
    if not path.is_file():
        raise RulesetError(f"aturan tidak ditemukan: {name} (bukan kode aturan bawaan dan bukan berkas)")
    return str(path), path.read_text(encoding="utf-8")


def load_ruleset(name_or_path: str | Path | None = None) -> Ruleset:
    """Load a bundled ruleset by id (default: the PerBKN 8/2019 rules) or a YAML file by path."""
    source, text = ruleset_text(name_or_path)
    return parse_ruleset(text, source)


def ruleset_sha256(name_or_path: str | Path | None = None) -> str:
    return hashlib.sha256(ruleset_text(name_or_path)[1].encode("utf-8")).hexdigest()


# JP are added as whole millionths, so that 3,5 + 12,2 + 1,4 + 2,9 is exactly 20 JP however binary
# floats round their sum (a plain float sum gives 19,999999999999996 and misses the minimum).
JP_UNITS = 1_000_000


def jp_units(jp: float) -> int:
    """A JP amount as a whole number of millionths of a JP."""
    return round(jp * JP_UNITS)


def category_for(value: float, bands: tuple[CategoryBand, ...]) -> str:
    """Category of one value on the half-open scale (reference form; scoring vectorises it)."""
    for band in bands:
        if band.lebih_dari is None or value > band.lebih_dari:
            return band.nama
    raise AssertionError("unreachable: the last band is open")
