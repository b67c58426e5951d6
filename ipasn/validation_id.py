"""pydantic's validation errors and YAML syntax errors in Indonesian, for messages the user reads
(run definitions, rulesets). pydantic's own text is English; each error has a stable `type` code,
and the codes a run definition or ruleset can meet are said here. Messages ipasn's own validators
raise (`value_error`) are already Indonesian and are kept as they are."""

from __future__ import annotations

TYPES = {
    "missing": "wajib diisi",
    "extra_forbidden": "kunci tidak dikenal",
    "int_type": "harus bilangan bulat", "int_parsing": "harus bilangan bulat",
    "int_from_float": "harus bilangan bulat",
    "float_type": "harus angka", "float_parsing": "harus angka",
    "bool_type": "harus true atau false", "bool_parsing": "harus true atau false",
    "string_type": "harus teks", "list_type": "harus daftar", "tuple_type": "harus daftar",
    "dict_type": "harus pemetaan (kunci: nilai)", "model_type": "harus pemetaan (kunci: nilai)",
    "model_attributes_type": "harus pemetaan (kunci: nilai)",
    "date_type": "harus tanggal TTTT-BB-HH", "date_parsing": "harus tanggal TTTT-BB-HH",
    "date_from_datetime_parsing": "harus tanggal TTTT-BB-HH", "date_from_datetime_inexact": "harus tanggal tanpa jam",
    "too_short": "terlalu sedikit isinya", "too_long": "terlalu banyak isinya",
    "string_too_short": "tidak boleh kosong",
    "frozen_instance": "tidak dapat diubah", "none_required": "harus kosong",
}
BOUNDS = {"greater_than": "harus lebih dari {gt}", "greater_than_equal": "harus paling sedikit {ge}",
          "less_than": "harus kurang dari {lt}", "less_than_equal": "harus paling banyak {le}",
          "literal_error": "harus salah satu dari: {expected}", "enum": "harus salah satu dari: {expected}"}


def problem_text(error: dict) -> str:
    """One pydantic error (an item of `ValidationError.errors()`) as Indonesian text."""
    kind = error.get("type", "")
    if kind in ("value_error", "assertion_error"):
        return str(error.get("msg", "")).removeprefix("Value error, ").removeprefix("Assertion failed, ")
    if kind in BOUNDS:
        context = {key: str(value).replace(" or ", " atau ") for key, value in (error.get("ctx") or {}).items()}
        try:
            return BOUNDS[kind].format(**context)
        except KeyError:
            pass
    return TYPES.get(kind, f"nilai tidak sah ({kind})")


def validation_text(errors: list[dict], top: str = "(atas)") -> str:
    """Every error as `where: what`, joined by '; ' (`where` is the dotted key path)."""
    return "; ".join(f"{'.'.join(str(p) for p in e.get('loc', ())) or top}: {problem_text(e)}" for e in errors)


def yaml_error_text(exc: Exception) -> str:
    """Where a YAML syntax error is ("baris 3, kolom 5"), without PyYAML's English description."""
    mark = getattr(exc, "problem_mark", None) or getattr(exc, "context_mark", None)
    if mark is None:
        return "bukan YAML yang valid"
    return f"bukan YAML yang valid (baris {mark.line + 1}, kolom {mark.column + 1})"
