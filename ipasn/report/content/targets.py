"""Targets (capaian = nilai / target): per dimension and for IP ASN, any of them absent; or a
category to reach (`kategori: Tinggi`: above its lower bound), which the plan to the target uses."""

from __future__ import annotations

from collections.abc import Mapping

from pydantic import BaseModel, ConfigDict, Field


class Targets(BaseModel):
    """One type for a run definition's `targets:` and the notebooks' `targets` parameter.

    The ceiling of each dimension is the ruleset's (`dimensi_maks`), checked by `beyond`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    ip_asn: float | None = Field(default=None, gt=0, le=100)
    kualifikasi: float | None = Field(default=None, gt=0)
    kompetensi: float | None = Field(default=None, gt=0)
    kinerja: float | None = Field(default=None, gt=0)
    disiplin: float | None = Field(default=None, gt=0)
    kategori: str | None = Field(default=None, min_length=1)  # a category name of the ruleset

    @classmethod
    def of(cls, mapping: Mapping | None) -> Targets:
        return cls.model_validate(dict(mapping or {}))

    def get(self, key: str) -> float | None:
        return getattr(self, key)

    def beyond(self, maxima: Mapping[str, float]) -> str:
        """The targets above their dimension's maximum, said as the user reads it ('' if none)."""
        return "; ".join(f"{key} {value:g} melebihi maksimum {maxima[key]:g}"
                         for key, value in self.model_dump(exclude_none=True).items()
                         if key in maxima and not isinstance(value, str) and value > maxima[key])
