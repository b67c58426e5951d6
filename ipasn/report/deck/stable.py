"""The same deck bytes on every run: fixed document properties, zip dates and entry order.

python-pptx stamps nothing itself, but the template's core properties name its author, and each
chart embeds an XlsxWriter workbook (its data, editable in PowerPoint) whose core properties carry
the clock. The deck is re-zipped with every entry dated `when` (from the data, never the clock),
entries sorted ("[Content_Types].xml" sorts first), embedded workbooks treated the same way.
"""

from __future__ import annotations

import datetime as dt
import re

from ipasn.files import normalise_zip

EMBEDDED = re.compile(r"^ppt/embeddings/.+\.xlsx$")
CORE = "docProps/core.xml"
APP = "docProps/app.xml"  # the template's: PowerPoint for Mac, a 4:3 show of 0 slides
# dcterms:created / dcterms:modified, as both python-pptx and XlsxWriter write them.
STAMP = re.compile(rb"(<dcterms:(created|modified)[^>]*>)[^<]*(</dcterms:\2>)")


def set_properties(core, when: dt.datetime, title: str) -> None:
    """The deck's own properties: a title, ipasn as author, `when` as created and modified."""
    core.title = title
    core.author = core.last_modified_by = "ipasn"
    core.created = core.modified = when
    core.revision = 1
    core.subject = core.keywords = core.comments = core.category = ""


def stable_zip(data: bytes, when: dt.datetime, app: dict[str, str] | None = None) -> bytes:
    """The zip (a .pptx or .xlsx) rewritten with fixed dates and sorted entries; `app` sets elements
    of the application properties (e.g. {"Slides": "9"}), so they describe this file."""
    stamp = when.strftime("%Y-%m-%dT%H:%M:%SZ").encode("ascii")

    def rewrite(name: str, content: bytes) -> bytes:
        if EMBEDDED.match(name):
            return stable_zip(content, when)
        if name == CORE:
            return STAMP.sub(lambda m: m.group(1) + stamp + m.group(3), content)
        if name == APP and app:
            for element, value in app.items():
                content = re.sub(rb"<%s>[^<]*</%s>" % (element.encode(), element.encode()),
                                 f"<{element}>{value}</{element}>".encode(), content)
        return content

    return normalise_zip(data, date_time=when.timetuple()[:6], sort=True, transform=rewrite)
