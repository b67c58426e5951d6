"""Click's own strings in Indonesian: "Usage:", "Options", "Show this message and exit.", and its
messages for a wrong command line ("Missing argument", "No such option", ...).

Click marks these for gettext (each of its modules does `from gettext import gettext as _`), and plain
gettext picks a catalog by the user's LANGUAGE/LANG. ipasn's readers are Indonesian analysts whatever
their machine's locale (often C or en_US on servers), so ipasn's catalog
(`locale/id/LC_MESSAGES/click.po`) is given to click's modules directly, before any command is
declared (click translates some names, such as a path's "file", when an option is declared).
"""

from __future__ import annotations

import gettext
import importlib
import io
from functools import lru_cache
from importlib import resources

CATALOG = ("locale", "id", "LC_MESSAGES", "click.po")
# Every click module that translates a string; a module a later click lacks is skipped.
MODULES = ("core", "decorators", "exceptions", "formatting", "parser", "types", "termui", "utils",
           "shell_completion", "_termui_impl")


@lru_cache(maxsize=1)
def catalog() -> gettext.GNUTranslations:
    from babel.messages.mofile import write_mo
    from babel.messages.pofile import read_po

    po = resources.files("ipasn").joinpath(*CATALOG).read_text(encoding="utf-8")
    mo = io.BytesIO()
    write_mo(mo, read_po(io.StringIO(po), locale="id"))
    mo.seek(0)
    return gettext.GNUTranslations(mo)


def speak_indonesian() -> None:
    translations = catalog()
    for name in MODULES:
        try:
            module = importlib.import_module(f"click.{name}")
        except ImportError:  # pragma: no cover - a click without this module
            continue
        if hasattr(module, "_"):
            module._ = translations.gettext
        if hasattr(module, "ngettext"):
            module.ngettext = translations.ngettext
