#!/usr/bin/env python3
"""Prints the fields of an HTML form as name<TAB>value lines (inputs with a name), for run.sh.

    form.py PAGE.html SELECTOR      SELECTOR: a data-testid value, or "action:TEXT" (the form whose action contains TEXT)
    form.py PAGE.html text:TESTID   prints the text of the element with that data-testid (whitespace collapsed)
"""
import sys
from html.parser import HTMLParser


class Forms(HTMLParser):
    def __init__(self, selector):
        super().__init__()
        self.selector = selector
        self.inside = 0
        self.fields = []
        self.text = []
        self.depth = 0

    def matches(self, tag, attrs):
        if self.selector.startswith("action:"):
            return tag == "form" and self.selector[7:] in (attrs.get("action") or "")
        if self.selector.startswith("text:"):
            return attrs.get("data-testid") == self.selector[5:]
        return tag == "form" and attrs.get("data-testid") == self.selector

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if self.inside:
            self.depth += 1
            if tag == "input" and attrs.get("name"):
                self.fields.append((attrs["name"], attrs.get("value") or ""))
        elif self.matches(tag, attrs):
            self.inside = 1
            self.depth = 1

    def handle_endtag(self, tag):
        if self.inside:
            self.depth -= 1
            if self.depth <= 0:
                self.inside = 0

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if self.inside:
            self.depth -= 1

    def handle_data(self, data):
        if self.inside:
            self.text.append(data)


page, selector = sys.argv[1], sys.argv[2]
parser = Forms(selector)
with open(page, encoding="utf-8") as f:
    parser.feed(f.read())
if selector.startswith("text:"):
    print(" ".join("".join(parser.text).split()))
else:
    for name, value in parser.fields:
        print(f"{name}\t{value}")
