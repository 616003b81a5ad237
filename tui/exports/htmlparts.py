"""Pieces of the HTML report: escaped text, outlet badges, the outlets, the disputed facts and who copied whom."""

from __future__ import annotations

import html
from collections.abc import Iterable, Iterator
from pathlib import PurePath

from tui.app.palette import document_colour
from tui.engine.model import Comparison, Fact
from tui.engine.provenance import Provenance, pair_passages, provenance
from tui.exports.quoting import disputed, quote
from tui.exports.text import contradiction_text, stated_values
from tui.styled import Piece, Tone
from tui.visible import single_line

COPIED = "●"
"""The mark of a pair that copied text verbatim, as in the app's provenance view."""
MAX_COPIES = 8
"""Copied pairs the report quotes under the matrix (longest runs first)."""
QUOTE_CHARACTERS = 240
"""A shared passage is cut at a word, with "…", beyond this many characters."""

_TONE_TAGS = {
    Tone.DIFFER: ('<span class="differ">', "</span>"),
    Tone.CONFLICT: ('<strong class="clash">', "</strong>"),
    Tone.BOILERPLATE: ('<span class="bp">', "</span>"),
}
"""How a cell's tones read: differing words underlined, clashing values red and bold, furniture dimmed."""


def esc(text: str) -> str:
    """Document text (or a label, a title, a path) on one line, visible and HTML-escaped."""
    return html.escape(single_line(text), quote=True)


def pieces_html(pieces: Iterable[Piece]) -> str:
    """Styled pieces (already made visible) as escaped HTML, each tone in its element."""
    parts = []
    for piece in pieces:
        opening, closing = _TONE_TAGS.get(piece.tone, ("", ""))
        parts.append(f"{opening}{html.escape(piece.text, quote=True)}{closing}")
    return "".join(parts)


def colour(doc: int) -> str:
    """The inline style that gives an element the document's colour (the app's palette)."""
    return f'style="--doc:{document_colour(doc)}"'


def badge(doc: int) -> str:
    """The document's number on a chip of its colour."""
    return f'<span class="num" {colour(doc)}>{doc + 1}</span>'


def named(comparison: Comparison, doc: int, *, date: bool = True) -> str:
    """The badge and label of a document, with its date: what the app's column headers say."""
    document = comparison.documents[doc]
    dated = ""
    if date and document.published:
        dated = f' <time datetime="{esc(document.published)}">{esc(document.published)}</time>'
    return f'<span class="who">{badge(doc)} <span class="label">{esc(document.label)}</span>{dated}</span>'


def _plural(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


# The outlets -------------------------------------------------------------------------------------


def outlets(comparison: Comparison) -> Iterator[str]:
    yield '<section id="outlets" class="sheet" aria-labelledby="outlets-h">'
    yield f'<h2 id="outlets-h">Outlets <span class="count">{len(comparison.documents)}</span></h2>'
    yield '<ol class="outlets">'
    for doc, document in enumerate(comparison.documents):
        sentences = len(comparison.sentences[doc])
        yield f'<li class="outlet" id="doc-{doc + 1}" {colour(doc)}>{badge(doc)}<div class="about">'
        site = single_line(document.site)
        also = f' <span class="site">· {esc(site)}</span>' if site and site != single_line(document.label) else ""
        yield f'<p class="label">{esc(document.label)}{also}</p>'
        if single_line(document.title):
            yield f'<p class="headline">{esc(document.title)}</p>'
        published = (
            f'<time datetime="{esc(document.published)}">{esc(document.published)}</time>'
            if document.published
            else "no date"
        )
        path = (
            ""
            if PurePath(document.path).name == document.label
            else f' · <span class="path">{esc(document.path)}</span>'
        )
        yield f'<p class="meta">{published} · {_plural(sentences, "sentence")}{path}</p>'
        if single_line(document.note):
            yield f'<p class="note">⚠ {esc(document.note)}</p>'
        yield "</div></li>"
    yield "</ol></section>"


# The disputed facts --------------------------------------------------------------------------------


def facts(comparison: Comparison, where: dict[tuple[int, int], int]) -> Iterator[str]:
    """The disputed facts, most disputed first, each with its values, who gives them and the exact quotes."""
    found = disputed(comparison)
    yield '<section id="facts" class="sheet" aria-labelledby="facts-h">'
    yield f'<h2 id="facts-h">Disputed facts <span class="count">{len(found)}</span></h2>'
    if not found:
        yield '<p class="none">No disputed facts: no two statements of a fact give values that clash.</p>'
    others = len(comparison.facts) - len(found)
    if others:
        agreed = "the outlets that state them agree, or one alone does"
        yield f'<p class="muted">{_plural(others, "other fact")}: {agreed}.</p>'
    for fact in found:
        yield from _fact(comparison, fact, where)
    if comparison.self_contradictions:
        yield '<h3 class="selfs">Outlets that contradict themselves</h3><ul class="selfs">'
        for item in comparison.self_contradictions:
            rows = sorted({where[(item.doc, item.first_sentence)], where[(item.doc, item.second_sentence)]})
            links = ", ".join(f'<a href="#row-{row + 1}">row {row + 1}</a>' for row in rows)
            link = f' (<a href="#fact-{esc(item.fact)}">{esc(item.fact)}</a>)' if item.fact else ""
            yield (
                f'<li><span class="glyph">≠</span> {named(comparison, item.doc, date=False)}: '
                f"<strong>{esc(contradiction_text(item))}</strong>{link} · {links}</li>"
            )
        yield "</ul>"
    yield "</section>"


def _fact(comparison: Comparison, fact: Fact, where: dict[tuple[int, int], int]) -> Iterator[str]:
    values = stated_values(fact)
    yield f'<article class="fact" id="fact-{esc(fact.id)}">'
    yield f'<h3><span class="glyph">≠</span> {esc(fact.label)} <span class="fid">{esc(fact.id)}</span></h3>'
    yield (
        f'<p class="muted">{_plural(len(values), "value")} from {_plural(len(fact.docs), "outlet")} · '
        f"{_plural(len(fact.mentions), 'mention')}</p>"
    )
    yield '<ul class="values">'
    for value in values:
        tone = "clash" if value.clashing else "agree"
        who = " ".join(named(comparison, doc, date=False) for doc in value.docs)
        yield (
            f'<li class="value {tone}"><span class="says"><strong>{esc(value.text)}</strong> '
            f'<span class="times">×{len(value.docs)}</span></span> <span class="by">{who}</span></li>'
        )
    yield '</ul><ol class="quotes">'
    clashing = fact.clashing()
    for index, mention in enumerate(fact.mentions):
        found = quote(comparison, mention)
        row = where[(mention.doc, mention.sentence)] + 1
        tone = "clash" if index in clashing else "agree"
        yield (
            f'<li class="quote" {colour(mention.doc)}><p class="by">{named(comparison, mention.doc)} '
            f'<a class="to-row" href="#row-{row}">row {row} ↓</a></p><blockquote>'
            f'{html.escape(found.before, quote=True)}<mark class="{tone}">{html.escape(found.value, quote=True)}</mark>'
            f"{html.escape(found.after, quote=True)}</blockquote></li>"
        )
    yield "</ol></article>"


# Who copied whom -----------------------------------------------------------------------------------


def copied(comparison: Comparison, result: Provenance | None = None) -> Iterator[str]:
    """The outlets × outlets matrix of shared verbatim words and aligned rows, copies marked, clustered."""
    result = result if result is not None else provenance(comparison)
    order = result.order
    copies = result.copies
    yield '<section id="provenance" class="sheet" aria-labelledby="provenance-h">'
    yield f'<h2 id="provenance-h">Who copied whom <span class="count">{_plural(len(copies), "copied pair")}</span></h2>'
    yield (
        f'<p class="muted">Each cell: words of verbatim text two outlets share / rows that align them. '
        f"{COPIED} = they share a run of {result.copy_words}+ words (one copied the other, or both a common source). "
        "Outlets that share most text stand next to each other; the darker the cell, the larger the share.</p>"
    )
    yield '<div class="matrix-wrap" tabindex="0" role="region" aria-label="Who copied whom"><table class="matrix">'
    yield '<thead><tr><th scope="col"><span class="sr">Outlet</span></th>'
    for doc in order:
        yield f'<th scope="col" title="{esc(comparison.documents[doc].label)}">{badge(doc)}</th>'
    yield "</tr></thead><tbody>"
    for a in order:
        yield f'<tr><th scope="row">{named(comparison, a, date=False)}</th>'
        for b in order:
            yield _matrix_cell(comparison, result, a, b)
        yield "</tr>"
    yield "</tbody></table></div>"
    yield from _copies(comparison, result)
    yield "</section>"


def _matrix_cell(comparison: Comparison, result: Provenance, a: int, b: int) -> str:
    if a == b:
        return '<td class="self">—</td>'
    pair = result.pair(a, b)
    names = f"{single_line(comparison.documents[a].label)} ↔ {single_line(comparison.documents[b].label)}"
    about = f"{names}: {_plural(pair.words, 'shared word')}, {_plural(pair.rows, 'aligned row')}"
    if pair.copied:
        about += f", copied verbatim (a run of {pair.longest} words)"
    tone = "copied" if pair.copied else ("shared" if pair.words or pair.rows else "none")
    share = f"{result.share(a, b):.2f}"
    mark = COPIED if pair.copied else ""
    about = html.escape(about, quote=True)
    return f'<td class="{tone}" style="--share:{share}" title="{about}">{mark}{pair.words}/{pair.rows}</td>'


def _copies(comparison: Comparison, result: Provenance) -> Iterator[str]:
    copies = sorted(result.copies, key=lambda key: (-result.pair(*key).longest, key))
    if not copies:
        yield f'<p class="none">No two outlets share a run of {result.copy_words} words or more.</p>'
        return
    yield '<h3>Longest verbatim runs</h3><ul class="copies">'
    for a, b in copies[:MAX_COPIES]:
        pair = result.pair(a, b)
        passages = pair_passages(comparison, a, b, limit=1)
        text = f" <q>{html.escape(_cut(single_line(passages[0].text)), quote=True)}</q>" if passages else ""
        yield (
            f'<li><span class="glyph">{COPIED}</span> {named(comparison, a, date=False)} ↔ '
            f"{named(comparison, b, date=False)} · a run of {pair.longest} words:{text}</li>"
        )
    yield "</ul>"
    if len(copies) > MAX_COPIES:
        more = _plural(len(copies) - MAX_COPIES, "more copied pair")
        yield f'<p class="muted">… and {more} (marked {COPIED} above).</p>'


def _cut(text: str, limit: int = QUOTE_CHARACTERS) -> str:
    """``text``, or its words up to ``limit`` characters and "…"."""
    if len(text) <= limit:
        return text
    space = text.rfind(" ", 0, limit)
    return text[: space if space > 0 else limit].rstrip() + "…"
