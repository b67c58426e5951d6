"""Safe, unique file names for unit names (which may hold '/', quotes, markup or nothing usable)."""

from __future__ import annotations

from slugify import slugify

from ipasn.report.document.job import INSTANSI

MAX_LENGTH = 80


def instansi_slug(instansi: str) -> str:
    """The instansi's folder name under the run's output folder."""
    return slugify(instansi, max_length=MAX_LENGTH) or "instansi"


def unique_slugs(names: list[str]) -> dict[str, str]:
    """name -> slug, unique even when two names slug alike; stable for a given set of names."""
    taken: set[str] = set()
    out: dict[str, str] = {}
    for name in sorted(names):
        base = slugify(name, max_length=MAX_LENGTH, word_boundary=True) or "unit"
        slug, n = base, 2
        while slug in taken or slug == INSTANSI:
            slug, n = f"{base}-{n}", n + 1
        taken.add(slug)
        out[name] = slug
    return out
