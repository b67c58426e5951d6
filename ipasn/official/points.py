"""The point values the ruleset allows for each dimension, which an official result must be one of.

Taken from the ruleset, never written here: kualifikasi from the education levels, kinerja from the
bands and predicates, disiplin from the punishment levels, kompetensi as every sum of a position
type's indicator points (a sum of indicators earned). 0 is allowed in every dimension [D]: it is what
both BKN and ipasn give where the data for a dimension is missing.
"""

from __future__ import annotations

import itertools

from ipasn.ruleset import DIMENSIONS, INDICATORS, STRUCTURAL_TYPES, Ruleset

TOLERANCE = 1e-9  # point values are sums of halves: exact in binary; this only absorbs text rounding
# Position types a BKN `jenis_jabatan` may name, by the indicator points they share.
STRUCTURAL_NAMES = (*STRUCTURAL_TYPES, "Struktural")


def indicator_sums(rules: Ruleset, jenis: str) -> frozenset[float]:
    """Every kompetensi a position type can earn: the sums of its indicators' points."""
    points = [rules.indicator_points(jenis, i) for i in INDICATORS]
    return frozenset(float(sum(chosen)) for n in range(len(points) + 1)
                     for chosen in itertools.combinations(points, n))


def allowed_points(rules: Ruleset) -> dict[str, frozenset[float]]:
    """Dimension -> the values the rules can give (kompetensi: for any position type)."""
    performance = {b.poin for b in rules.kinerja.pita} | set(rules.kinerja.predikat.values())
    competence = frozenset().union(*(indicator_sums(rules, t) for t in rules.kompetensi))
    out = {
        "kualifikasi": {level.poin for level in rules.kualifikasi.values()},
        "kompetensi": competence,
        "kinerja": performance,
        "disiplin": set(rules.disiplin.poin.values()),
    }
    return {d: frozenset(float(v) for v in out[d]) | {0.0} for d in DIMENSIONS}


def competence_for(rules: Ruleset, jenis: str | None) -> frozenset[float]:
    """The kompetensi values a BKN position type allows (all types' when it is not known)."""
    if jenis in STRUCTURAL_NAMES:
        return indicator_sums(rules, STRUCTURAL_TYPES[0])
    if jenis in rules.kompetensi:
        return indicator_sums(rules, jenis)
    return allowed_points(rules)["kompetensi"]


def on_grid(value: float, allowed: frozenset[float]) -> bool:
    return any(abs(value - a) <= TOLERANCE for a in allowed)


def shown_points(allowed: frozenset[float]) -> str:
    """"0, 1, 5, 10, 15, 20, 25" with decimal commas."""
    from ipasn import fmt

    return ", ".join(fmt.points(v) for v in sorted(allowed))


def education_names(rules: Ruleset, points: float) -> str:
    """The education levels that give these points ("S-1/D-IV/Profesi"), for a likely cause."""
    names = [lv.nama for _, lv in sorted(rules.kualifikasi.items()) if abs(lv.poin - points) <= TOLERANCE]
    return "/".join(dict.fromkeys(names)) or "tanpa jenjang yang dikenali"
