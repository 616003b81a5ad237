"""Read input files (text, Markdown, HTML, stdin) into documents, or fail with one clear line."""

from __future__ import annotations

import codecs
import os
import re
import stat
import sys
from collections.abc import Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import BinaryIO

from tui.engine.errors import InputError
from tui.engine.identity import headline, identify
from tui.engine.model import Document
from tui.engine.pagetext import visible_text, visible_text_and_depth

MAX_BYTES = 64 * 1024 * 1024
"""Largest input read; a FIFO or device that keeps giving bytes is cut off here with an error."""

_CHUNK = 1024 * 1024
_HTML_SUFFIXES = {".html", ".htm", ".xhtml", ".shtml"}
_MARKDOWN_SUFFIXES = {".md", ".markdown", ".mdown", ".mkd"}
_BOMS: tuple[tuple[bytes, str], ...] = (
    (codecs.BOM_UTF32_LE, "utf-32-le"),
    (codecs.BOM_UTF32_BE, "utf-32-be"),
    (codecs.BOM_UTF8, "utf-8"),
    (codecs.BOM_UTF16_LE, "utf-16-le"),
    (codecs.BOM_UTF16_BE, "utf-16-be"),
)
_CONTROL_BYTES = bytes(b for b in range(32) if b not in b"\t\n\r\x0c\x1b")
_HTML_START = re.compile(rb"\A\s*(<!doctype\s+html|<html[\s>]|<head[\s>]|<body[\s>])", re.IGNORECASE)


def read_bytes(path: str, *, stdin: BinaryIO | None = None, limit: int = MAX_BYTES) -> bytes:
    """Read at most ``limit`` bytes of ``path`` (``-`` is stdin); raise InputError on anything odd."""
    if path == "-":
        stream = stdin if stdin is not None else sys.stdin.buffer
        return _read_stream(stream, "standard input", limit)
    target = Path(path)
    try:
        info = target.stat()
    except FileNotFoundError:
        raise InputError(f"{path}: no such file") from None
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None
    if stat.S_ISDIR(info.st_mode):
        raise InputError(f"{path}: is a directory, not a file")
    try:
        with open(target, "rb") as stream:
            return _read_stream(stream, path, limit)
    except PermissionError:
        raise InputError(f"{path}: permission denied") from None
    except OSError as error:
        raise InputError(f"{path}: cannot read ({error.strerror or error})") from None


def _read_stream(stream: BinaryIO, name: str, limit: int) -> bytes:
    chunks: list[bytes] = []
    size = 0
    while True:
        chunk = stream.read(_CHUNK)
        if not chunk:
            break
        if not chunks and _looks_binary(chunk):
            raise InputError(f"{name}: binary data, not text")
        chunks.append(chunk)
        size += len(chunk)
        if size > limit:
            raise InputError(f"{name}: larger than the {limit // (1024 * 1024)} MiB limit")
    return b"".join(chunks)


def _bom_encoding(data: bytes) -> str | None:
    for bom, encoding in _BOMS:
        if data.startswith(bom):
            return encoding
    return None


def _looks_binary(head: bytes) -> bool:
    if _bom_encoding(head) is not None:
        return False
    if b"\x00" in head:
        return True
    sample = head[:8192]
    controls = sum(sample.count(bytes([b])) for b in _CONTROL_BYTES)
    return len(sample) > 0 and controls / len(sample) > 0.1


def decode(data: bytes, name: str) -> tuple[str, str]:
    """Decode bytes to text: BOM first, then UTF-8, then charset detection. Returns (text, encoding)."""
    encoding = _bom_encoding(data)
    if encoding is not None:
        try:
            text = data.decode(encoding)
        except UnicodeDecodeError:
            raise InputError(f"{name}: cannot decode the text as {encoding}") from None
        return _normalise(text), encoding
    if b"\x00" in data:
        raise InputError(f"{name}: binary data, not text")
    try:
        return _normalise(data.decode("utf-8")), "utf-8"
    except UnicodeDecodeError:
        pass
    from charset_normalizer import from_bytes

    best = from_bytes(data).best()
    if best is None or best.encoding is None:
        raise InputError(f"{name}: cannot decode the text (unknown encoding)")
    western = _western(data) if _single_byte(best.encoding) else None
    if western is not None:
        return _normalise(western), "cp1252"
    return _normalise(str(best)), best.encoding


_MULTI_BYTE = ("utf", "shift", "cp932", "euc", "gb", "big5", "hz", "iso2022", "cp949", "johab", "cp950", "koi8")
"""Codec name prefixes that are not one of the single-byte Western or Central European pages."""
_NOT_LATIN = ("cp1251", "cp1253", "cp1255", "cp1256", "cp866", "cp855", "iso8859_5", "iso8859_6", "iso8859_7",
              "iso8859_8", "mac_cyrillic", "mac_greek", "cp874", "tis_620", "kz1048", "ptcp154")  # fmt: skip
_SYMBOL_IN_WORD = re.compile(r"[^\W\d_][\xa1-\xbf][^\W\d_]")
"""A sign such as "³" or "¿" inside a word: Central European letters read as Windows-1252 ("Za¿ó³æ")."""
WESTERN_ASCII_SHARE = 0.7
"""Text read as Windows-1252 is taken when at least this share of its letters are plain ASCII."""


def _single_byte(encoding: str) -> bool:
    lowered = encoding.lower()
    return not lowered.startswith(_MULTI_BYTE) and lowered not in _NOT_LATIN


def _western(data: bytes) -> str | None:
    """The bytes as Windows-1252 when that reads as Western text: no C1 control characters (a
    cp1252 "’" is never U+0092), no sign inside a word, and mostly ASCII letters with a few accented
    ones. Short Latin-1
    or cp1252 text is otherwise often taken for a Central European page ("naïve" as "naďve")."""
    try:
        text = data.decode("cp1252")
    except UnicodeDecodeError:
        return None
    if any("\x80" <= character <= "\x9f" for character in text) or _SYMBOL_IN_WORD.search(text):
        return None
    letters = [character for character in text if character.isalpha()]
    ascii_letters = sum(character.isascii() for character in letters)
    return text if letters and ascii_letters >= WESTERN_ASCII_SHARE * len(letters) else None


def _normalise(text: str) -> str:
    if text.startswith("\ufeff"):
        text = text[1:]
    return text.replace("\r\n", "\n").replace("\r", "\n")


def detect_format(path: str, data: bytes) -> str:
    """Return ``html``, ``markdown`` or ``text`` from the file name, else from the content."""
    suffix = Path(path).suffix.lower() if path != "-" else ""
    if suffix in _HTML_SUFFIXES:
        return "html"
    if suffix in _MARKDOWN_SUFFIXES:
        return "markdown"
    if _HTML_START.match(data[:4096]):
        return "html"
    return "text"


_ISO_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")


@dataclass(frozen=True, slots=True)
class Page:
    """What an HTML page gives: its article text and what it says of itself."""

    text: str
    title: str = ""
    published: str = ""
    site: str = ""
    note: str = ""
    """Why the text is not the article alone ("" when it is)."""
    author: str = ""


FALLBACK_NOTE = "no article found: the page's visible text"

PARSER_DEPTH = 250
"""How deep tags may nest before the article extractor's parser (libxml2, 256 levels) stops reading: a
page nested deeper (thousands of unclosed tags) whose article found is under half its visible text
is read whole, with a note, rather than cut short without a word."""


def html_to_text(html: str) -> Page:
    """The article of an HTML page by trafilatura (page furniture left out), with its title, date,
    site name and author. Where no article is found (a fragment, plain text named .html, an article buried
    in hundreds of nested tags, or only its start in a page nested too deep to parse), the page's
    visible text instead, and a note that says so."""
    import trafilatura

    text = (
        trafilatura.extract(html, include_comments=False, include_tables=True, favor_recall=True, with_metadata=False)
        or trafilatura.html2txt(html)
        or ""
    )
    note = ""
    if not text.strip():
        text, note = visible_text(html), FALLBACK_NOTE
    elif len(text) * 2 < len(html):  # the article may be the start of a page nested too deep to parse: look
        visible, deepest = visible_text_and_depth(html)
        if deepest > PARSER_DEPTH and len(text) * 2 < len(visible):
            note = (
                f"tags nested {deepest:,} deep, and the article found held {len(text):,} of the page's"
                f" {len(visible):,} visible characters: the page's visible text"
            )
            text = visible
    metadata = trafilatura.extract_metadata(html)
    if metadata is None:
        return Page(_normalise(text), note=note)
    date = str(metadata.date or "")
    return Page(
        _normalise(text),
        title=" ".join(str(metadata.title or "").split()),
        published=date if _ISO_DATE.fullmatch(date) else "",
        site=" ".join(str(metadata.sitename or "").split()),
        note=note,
        author=" ".join(str(metadata.author or "").split()),
    )


def read_document(path: str, doc_id: str, *, stdin: BinaryIO | None = None) -> Document:
    """Read one file (or ``-``) into a Document; raise InputError with a one-line reason."""
    name = "standard input" if path == "-" else path
    data = read_bytes(path, stdin=stdin)
    fmt = detect_format(path, data)
    text, _encoding = decode(data, name)
    page = html_to_text(text) if fmt == "html" else Page(text)
    if not page.text.strip():
        raise InputError(f"{name}: no text to compare (empty or only whitespace)")
    label = "stdin" if path == "-" else os.path.basename(os.path.normpath(path))
    document = Document(
        id=doc_id,
        path=path,
        label=label,
        title=page.title,
        text=page.text,
        format=fmt,
        published=page.published,
        site=page.site,
        note=page.note,
    )
    return document if page.title else replace(document, title=headline(document))


def read_documents(
    paths: Sequence[str], *, stdin: BinaryIO | None = None, labels: Sequence[str] = ()
) -> list[Document]:
    """Read every path in order and say who each document is (see ``identify``)."""
    if sum(1 for path in paths if path == "-") > 1:
        raise InputError("-: standard input can be given only once")
    documents = [read_document(path, f"d{index}", stdin=stdin) for index, path in enumerate(paths)]
    return identify(documents, labels)


def bundled_seeds() -> list[str]:
    """Paths of the sample articles shipped with claimdiff (inside the wheel, or beside the source)."""
    here = Path(__file__).resolve().parent
    for folder in (here.parent / "seeds", here.parent.parent / "seeds"):
        files = sorted(str(p) for p in folder.glob("*.txt")) if folder.is_dir() else []
        if files:
            return files
    raise InputError("the bundled sample articles are missing from this installation")
