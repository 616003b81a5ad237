"""The visible text of an HTML page, for pages where no article is found: every text node but scripts."""

from __future__ import annotations

from html.parser import HTMLParser

_HIDDEN = frozenset({"script", "style", "noscript", "template", "head", "svg", "iframe", "object"})
_BLOCKS = frozenset(
    """address article aside blockquote br dd div dl dt fieldset figcaption figure footer form h1 h2 h3
    h4 h5 h6 header hr li main nav ol p pre section table td th tr ul""".split()
)


_UNNESTED = frozenset(
    """area base br col dd dt embed hr img input li link meta option optgroup p param rb rp rt source tbody td
    tfoot th thead tr track wbr""".split()
)
"""Tags that hold nothing or that the next of their kind closes: they never make a page deeper."""


class _VisibleText(HTMLParser):
    """Collects text outside hidden elements, one line per block, and how deep the other tags nest;
    depth is a counter, not recursion, so an article inside thousands of nested tags is read like
    any other."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[list[str]] = [[]]
        self.hidden = 0
        self.depth = 0
        self.deepest = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag not in _UNNESTED:
            self.depth += 1
            self.deepest = max(self.deepest, self.depth)
        if tag in _HIDDEN:
            self.hidden += 1
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCKS:
            self.lines.append([])

    def handle_endtag(self, tag: str) -> None:
        if tag not in _UNNESTED:
            self.depth = max(0, self.depth - 1)
        if tag in _HIDDEN:
            self.hidden = max(0, self.hidden - 1)
        elif tag in _BLOCKS:
            self.lines.append([])

    def handle_data(self, data: str) -> None:
        if not self.hidden:
            self.lines[-1].append(data)


def visible_text(html: str) -> str:
    """The page's text outside scripts and styles, a line per block, whitespace folded.

    >>> visible_text("<div><p>First <b>part</b>.</p><script>x()</script><p>Second.</p></div>")
    'First part.\\nSecond.'
    """
    return visible_text_and_depth(html)[0]


def visible_text_and_depth(html: str) -> tuple[str, int]:
    """``visible_text`` and the deepest nesting of the page's tags (those that hold others).

    >>> visible_text_and_depth("<div><div><p>Deep.</div></div><p>Shallow.")
    ('Deep.\\nShallow.', 2)
    """
    parser = _VisibleText()
    parser.feed(html)
    parser.close()
    lines = (" ".join("".join(parts).split()) for parts in parser.lines)
    return "\n".join(line for line in lines if line), parser.deepest
