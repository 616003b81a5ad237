"""Fetch one web page (http or https) into a document, or fail with one clear line naming its address."""

from __future__ import annotations

import codecs
import re
import ssl
import time
from dataclasses import dataclass, replace
from http import HTTPStatus
from urllib.parse import urljoin, urlsplit

import urllib3
from urllib3.exceptions import (
    ConnectTimeoutError,
    DecodeError,
    HTTPError,
    LocationValueError,
    NameResolutionError,
    NewConnectionError,
    ProtocolError,
    ReadTimeoutError,
    SSLError,
)

from tui import __version__
from tui.engine.errors import InputError
from tui.engine.identity import headline
from tui.engine.model import Document
from tui.engine.reading import Page, decode, detect_format, html_to_text
from tui.engine.sources import DEFAULT_LIMITS, Limits, is_url

USER_AGENT = f"claimdiff/{__version__}"
"""Who is asking, said plainly."""
_HEADERS = {
    "User-Agent": USER_AGENT,
    "Accept": "text/html,application/xhtml+xml;q=0.9,text/plain;q=0.8,*/*;q=0.5",
    "Accept-Encoding": "gzip, deflate",
}


@dataclass(frozen=True, slots=True)
class Fetched:
    """A page as the server sent it: where it ended up, its media type and charset, its bytes."""

    url: str
    media: str
    charset: str
    data: bytes


_CHUNK = 64 * 1024
_REDIRECTS = frozenset({301, 302, 303, 307, 308})
_FORMATS = {"text/html": "html", "application/xhtml+xml": "html", "text/plain": "text", "text/markdown": "markdown"}
_SNIFFED = frozenset({"", "application/octet-stream"})
"""Media types (none, or "some bytes") where the body decides: an HTML page is read, anything else is not."""
_UNICODE_BOMS = (codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)
_CHARSET = re.compile(r"charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_META_CHARSET = re.compile(rb"<meta[^>]*?charset\s*=\s*[\"']?\s*([\w.:-]+)", re.IGNORECASE)
_WINDOWS_1252 = frozenset({"latin-1", "iso8859-1", "ascii"})
"""Labels that browsers read as Windows-1252 (the WHATWG encoding standard): "’" is 0x92 there."""


def new_pool(workers: int = 8) -> urllib3.PoolManager:
    """A connection pool for fetching up to ``workers`` pages at once, certificates verified."""
    try:
        import certifi

        certificates: str | None = certifi.where()
    except ImportError:  # the system's certificates, as urllib3 finds them
        certificates = None
    return urllib3.PoolManager(num_pools=16, maxsize=workers, headers=_HEADERS, ca_certs=certificates)


def read_url(
    url: str, doc_id: str, *, pool: urllib3.PoolManager | None = None, limits: Limits = DEFAULT_LIMITS
) -> Document:
    """Fetch ``url`` into a Document (``path`` the address it ended at, ``label`` its host, ``site`` the
    site's name when the page gives one); raise InputError with one line naming ``url``."""
    fetched = fetch(url, pool=pool, limits=limits)
    fmt, page = page_of(url, fetched)
    host = (urlsplit(fetched.url).hostname or url).removeprefix("www.")
    document = Document(
        id=doc_id,
        path=fetched.url,
        label=host,
        title=page.title,
        text=page.text,
        format=fmt,
        published=page.published,
        site=page.site,
        note=page.note,
    )
    return document if page.title else replace(document, title=headline(document))


def page_of(url: str, fetched: Fetched) -> tuple[str, Page]:
    """The page's format (html, text or markdown) and its text; raise InputError when it is not a web page
    or has no text."""
    head = fetched.data[:8192]
    if head.startswith(b"%PDF-") or (b"\x00" in head and not head.startswith(_UNICODE_BOMS)):
        kind = fetched.media if fetched.media == "application/octet-stream" else "binary data"
        raise InputError(f"{url}: not a web page ({kind})")
    fmt = _FORMATS.get(fetched.media) or detect_format("", fetched.data)
    if fetched.media == "application/octet-stream" and fmt != "html":
        raise InputError(f"{url}: not a web page ({fetched.media})")
    text = page_text(fetched.data, fetched.charset, url)
    page = html_to_text(text) if fmt == "html" else Page(text)
    if not page.text.strip():
        raise InputError(f"{url}: no article text on the page")
    return fmt, page


def page_text(data: bytes, charset: str, name: str) -> str:
    """Decode a page: a byte-order mark first, then UTF-8 when the bytes are UTF-8 (whatever the label:
    servers call UTF-8 pages ISO-8859-1), then the HTTP charset, then the page's own meta charset, then
    detection (``decode``); a label the bytes do not fit is passed over, never read into U+FFFD."""
    if not data.startswith(_UNICODE_BOMS):
        try:
            return _normalise(data.decode("utf-8"))
        except UnicodeDecodeError:
            pass
        meta = _META_CHARSET.search(data[:4096])
        for label in (charset, meta.group(1).decode("ascii") if meta else ""):
            text = _decoded_as(data, label)
            if text is not None:
                return _normalise(text)
    return decode(data, name)[0]


def _decoded_as(data: bytes, label: str) -> str | None:
    try:
        encoding = codecs.lookup(label).name if label else ""
    except LookupError:
        return None
    if not encoding or encoding.startswith("utf"):
        return None  # UTF-8 did not fit; a UTF-16 or UTF-32 page without a byte-order mark is not trusted
    for candidate in ("cp1252", encoding) if encoding in _WINDOWS_1252 else (encoding,):
        try:
            return data.decode(candidate)
        except UnicodeDecodeError:
            continue
    return None


def _normalise(text: str) -> str:
    return text.replace("\r\n", "\n").replace("\r", "\n")


def fetch(url: str, *, pool: urllib3.PoolManager | None = None, limits: Limits = DEFAULT_LIMITS) -> Fetched:
    """GET ``url``, following redirects; raise InputError with one line naming ``url`` on any failure."""
    try:
        return _fetch(url, pool or new_pool(1), limits, time.monotonic() + limits.total)
    except NameResolutionError:
        reason = "cannot connect (host not found)"
    except NewConnectionError as error:  # before ConnectTimeoutError, which it subclasses
        cause = error.__cause__
        why = cause.strerror if isinstance(cause, OSError) and cause.strerror else _one_line(error)
        reason = f"cannot connect ({why[:1].lower()}{why[1:]})"
    except ConnectTimeoutError:
        reason = f"cannot connect (timed out after {limits.connect:g} s)"
    except ReadTimeoutError:
        reason = f"timed out after {limits.read:g} s"
    except SSLError as error:
        reason = f"secure connection failed ({_tls_reason(error)})"
    except (LocationValueError, UnicodeError):
        reason = "not a valid web address"
    except DecodeError:
        reason = "the server sent corrupt compressed data"
    except ProtocolError:
        reason = "the connection broke off"
    except (HTTPError, OSError) as error:
        reason = f"cannot fetch ({_one_line(error)})"
    raise InputError(f"{url}: {reason}")


def _one_line(error: BaseException) -> str:
    return " ".join((str(error) or type(error).__name__).split())


def _tls_reason(error: SSLError) -> str:
    """What the TLS library said ("certificate has expired", "wrong version number"), without its codes."""
    found = (error.__cause__, error.__context__, *error.args)
    cause = next((item for item in found if isinstance(item, ssl.SSLError)), None)
    if isinstance(cause, ssl.SSLCertVerificationError) and cause.verify_message:
        return str(cause.verify_message)
    if cause is not None and cause.reason:
        return str(cause.reason).lower().replace("_", " ")
    return _one_line(error)


def _fetch(url: str, pool: urllib3.PoolManager, limits: Limits, deadline: float) -> Fetched:
    timeout = urllib3.Timeout(connect=limits.connect, read=limits.read)
    current = url
    for _hop in range(limits.redirects + 1):
        if time.monotonic() > deadline:
            raise InputError(f"{url}: timed out after {limits.total:g} s")
        response = pool.request("GET", current, preload_content=False, redirect=False, retries=False, timeout=timeout)
        try:
            location = response.headers.get("Location")
            if response.status in _REDIRECTS and location:
                current = urljoin(current, location.strip())
                if not is_url(current):
                    raise InputError(f"{url}: redirected to {current}, which is not a web address")
                continue
            return _body(url, current, response, limits, deadline)
        finally:
            response.close()
    raise InputError(f"{url}: too many redirects (more than {limits.redirects})")


def _body(url: str, final: str, response: urllib3.BaseHTTPResponse, limits: Limits, deadline: float) -> Fetched:
    if not 200 <= response.status < 300:
        reason = response.reason or _phrase(response.status)
        via = f" (at {final})" if final != url else ""
        raise InputError(f"{url}: HTTP {response.status} {reason}".rstrip() + via)
    media, charset = _content_type(response.headers.get("Content-Type", ""))
    if media not in _FORMATS and media not in _SNIFFED:
        raise InputError(f"{url}: not a web page ({media})")
    length = response.headers.get("Content-Length", "").strip()
    if length.isdigit() and int(length) > limits.max_bytes:
        raise InputError(f"{url}: larger than the {_size(limits.max_bytes)} limit")
    chunks: list[bytes] = []
    size = 0
    while chunk := response.read1(_CHUNK):
        size += len(chunk)
        if size > limits.max_bytes:
            raise InputError(f"{url}: larger than the {_size(limits.max_bytes)} limit")
        if time.monotonic() > deadline:
            raise InputError(f"{url}: timed out after {limits.total:g} s")
        chunks.append(chunk)
    return Fetched(final, media, charset, b"".join(chunks))


def _content_type(header: str) -> tuple[str, str]:
    """The media type (lower case, "" when none) and the charset ("" when none) of a Content-Type."""
    media, _, parameters = header.partition(";")
    charset = _CHARSET.search(parameters)
    return media.strip().lower(), charset.group(1) if charset else ""


def _phrase(status: int) -> str:
    try:
        return HTTPStatus(status).phrase
    except ValueError:
        return ""


def _size(count: int) -> str:
    return f"{count / (1024 * 1024):g} MiB" if count >= 1024 * 1024 else f"{count:,} bytes"
