"""A page in the headless Chromium that ipasn prints PDFs with, but with JavaScript on: what a reader
sees in a browser. Driven over the same DevTools pipe (`ipasn.report.document.chromium.Chromium`):
typing is `Input.insertText`, a click is a real mouse press and release at the element's centre."""

from __future__ import annotations

import json

from ipasn.report.document.chromium import Chromium


class Page:
    def __init__(self, browser: Chromium, url: str) -> None:
        self.browser = browser
        target = browser.call("Target.createTarget", {"url": "about:blank"})["targetId"]
        self.session = browser.call("Target.attachToTarget", {"targetId": target, "flatten": True})["sessionId"]
        browser.call("Page.enable", session=self.session)
        browser.call("Page.navigate", {"url": url}, self.session)
        browser._wait_event("Page.loadEventFired", self.session)

    def js(self, expression: str):
        answer = self.browser.call("Runtime.evaluate", {"expression": expression, "returnByValue": True},
                                   self.session)
        if "exceptionDetails" in answer:
            raise AssertionError(answer["exceptionDetails"])
        return answer["result"].get("value")

    def type(self, selector: str, text: str) -> None:
        """Replaces the field's text, as a user who selects it all and types."""
        self.js(f"(e => {{ e.focus(); e.select(); }})(document.querySelector({json.dumps(selector)}))")
        self.browser.call("Input.insertText", {"text": text}, self.session)

    def click(self, selector: str) -> None:
        box = self.js(f"(e => {{ e.scrollIntoView({{block: 'center'}}); const r = e.getBoundingClientRect();"
                      f" return [r.x + r.width / 2, r.y + r.height / 2]; }})"
                      f"(document.querySelector({json.dumps(selector)}))")
        for kind in ("mousePressed", "mouseReleased"):
            self.browser.call("Input.dispatchMouseEvent", {"type": kind, "x": box[0], "y": box[1],
                                                           "button": "left", "clickCount": 1}, self.session)

    def rows(self, selector: str) -> list[list[str]]:
        """The visible body rows of a table, as the text of their cells."""
        return self.js(f"Array.from(document.querySelector({json.dumps(selector)}).tBodies[0].rows)"
                       ".filter(r => !r.hidden).map(r => Array.from(r.cells).map(c => c.textContent))")
