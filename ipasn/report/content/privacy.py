"""Personal data in unit documents (UU 27/2022): NIP and names masked when the run asks for it."""

from __future__ import annotations


def mask_nip(nip: object) -> str:
    """198503122009011001 -> 198503**********01: birth year-month stays, the person does not."""
    text = "" if nip is None else str(nip)
    return text[:6] + "*" * max(len(text) - 8, 0) + text[-2:] if len(text) > 8 else "*" * len(text)


def mask_name(name: object) -> str:
    """"Siti Rahmawati, S.E." -> "S. R." (initials of the words before any title)."""
    text = "" if name is None else str(name).split(",")[0]
    initials = [w[0].upper() + "." for w in text.split() if w and w[0].isalpha()]
    return " ".join(initials) or "***"
