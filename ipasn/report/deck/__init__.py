"""The editable PowerPoint deck of a report (`formats: [..., pptx]`): native tables and charts in
the order of a provincial deck. `deck_bytes(report, settings)` makes one; `slides` lists the slides."""

from ipasn.report.deck.build import deck_bytes
from ipasn.report.deck.facts import DeckSettings

__all__ = ["DeckSettings", "deck_bytes"]
