"""Web addresses as inputs, against a local server: pages, redirects, encodings, limits, one-line errors."""

from __future__ import annotations

import gzip
import io
import socket
import threading
import time
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from urllib3.exceptions import NameResolutionError

from tui.engine.errors import InputError
from tui.engine.fetching import NoDocuments, StatusLine, is_url, read_sources
from tui.engine.pages import fetch, page_of, page_text, read_url
from tui.engine.sources import Limits

FAST = Limits(connect=5.0, read=2.0, total=20.0, max_bytes=64 * 1024)
"""Limits for pages that answer at once: generous, so that a loaded machine never times them out."""

SHORT = Limits(connect=5.0, read=0.3, total=20.0, max_bytes=64 * 1024)
"""Limits for the servers that stall: a short read timeout, so that the test is quick."""

Route = Callable[[BaseHTTPRequestHandler], None]


def article(title: str, *, head: str = "", words: str = "the harbour bridge") -> bytes:
    body = "".join(
        f"<p>Paragraph {n}: engineers said on Tuesday that {words} will reopen after repairs costing "
        f"4 million dollars, and that traffic should be back to normal by the end of the month.</p>"
        for n in range(6)
    )
    return (
        f"<!doctype html><html><head><title>{title}</title>{head}</head><body>"
        f"<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>{title}</h1>{body}</article><footer>© 2024</footer></body></html>"
    ).encode()


ARTICLE = article(
    "Bridge to reopen after repairs",
    head=(
        '<meta property="og:site_name" content="Harbour Herald">'
        '<meta property="article:published_time" content="2024-03-05T10:00:00Z">'
        '<meta name="author" content="Jane Doe">'
    ),
)


def send(status: int, body: bytes, content_type: str = "text/html; charset=utf-8", **headers: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(status)
        handler.send_header("Content-Type", content_type)
        handler.send_header("Content-Length", str(len(body)))
        for name, value in headers.items():
            handler.send_header(name.replace("_", "-"), value)
        handler.end_headers()
        handler.wfile.write(body)

    return route


def redirect(location: str) -> Route:
    def route(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(302)
        handler.send_header("Location", location)
        handler.send_header("Content-Length", "0")
        handler.end_headers()

    return route


@dataclass
class Server:
    base: str
    routes: dict[str, Route]
    agents: list[str] = field(default_factory=list)
    paths: list[str] = field(default_factory=list)
    release: threading.Event = field(default_factory=threading.Event)

    def url(self, path: str) -> str:
        return self.base + path


def stall(server_release: threading.Event, seconds: float = 20.0) -> None:
    server_release.wait(seconds)


class QuietServer(ThreadingHTTPServer):
    """A clients that hangs up mid-answer (as a capped or timed-out fetch does) is not an error here."""

    daemon_threads = True

    def handle_error(self, request: object, client_address: object) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[Server]:
    state = Server("", {})
    barrier = threading.Barrier(2, timeout=10)  # generous: a loaded machine may start the second fetch late

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self) -> None:
            state.agents.append(self.headers.get("User-Agent", ""))
            state.paths.append(self.path)
            route = state.routes.get(self.path)
            if route is None:
                send(404, b"<html><body>not here</body></html>")(self)
            else:
                route(self)

        def log_message(self, format: str, *args: object) -> None:
            pass

    def slow_headers(handler: BaseHTTPRequestHandler) -> None:
        stall(state.release)

    def slow_body(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        handler.wfile.write(ARTICLE[:200])
        handler.wfile.flush()
        stall(state.release)

    def trickle(handler: BaseHTTPRequestHandler) -> None:
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for byte in ARTICLE[:100]:
                if state.release.is_set():
                    return
                handler.wfile.write(bytes([byte]))
                handler.wfile.flush()
                time.sleep(0.2)  # 20 s for the whole page: only a total timeout ends it early
        except OSError:  # the client gave up, as it should
            pass

    def unbounded(handler: BaseHTTPRequestHandler) -> None:  # no Content-Length: read until the cap
        handler.send_response(200)
        handler.send_header("Content-Type", "text/html")
        handler.end_headers()
        try:
            for _ in range(100):
                handler.wfile.write(b"<p>" + b"x" * 4096 + b"</p>")
        except OSError:
            pass

    def together(body: bytes) -> Route:
        def route(handler: BaseHTTPRequestHandler) -> None:
            try:
                barrier.wait()  # answers only when both pages are asked for at once
            except threading.BrokenBarrierError:
                send(500, b"not in parallel")(handler)
                return
            send(200, body)(handler)

        return route

    cp1252 = article("Caf\u00e9 owner\u2019s r\u00e9sum\u00e9", words="the caf\u00e9\u2019s terrace").decode()
    latin1 = article("Caf\u00e9 r\u00e9opens", words="the caf\u00e9 near the \u00e9cole").decode()
    state.routes.update(
        {
            "/article": send(200, ARTICLE),
            "/plain": send(200, b"Bridge to reopen\n\nEngineers said the bridge will reopen.\n", "text/plain"),
            "/gzip": send(200, gzip.compress(ARTICLE), "text/html", Content_Encoding="gzip"),
            "/parallel/a": together(article("Bridge to reopen Monday", words="the old bridge")),
            "/parallel/b": together(article("Bridge repairs finished", words="the new bridge")),
            "/r1": redirect("/r2"),
            "/r2": redirect("/r3"),
            "/r3": redirect("/article"),
            "/loop": redirect("/loop"),
            "/elsewhere": redirect("ftp://files.example/story"),
            "/slow-headers": slow_headers,
            "/slow-body": slow_body,
            "/trickle": trickle,
            "/big": send(200, b"<p>" + b"x" * 100_000 + b"</p>"),
            "/unbounded": unbounded,
            "/mislabelled": send(200, cp1252.encode("cp1252"), "text/html; charset=utf-8"),
            "/latin1": send(200, latin1.encode("latin-1"), "text/html"),
            "/labelled-latin1-but-utf8": send(200, latin1.encode(), "text/html; charset=iso-8859-1"),
            "/500": send(500, b"<html><body>oops</body></html>"),
            "/pdf": send(200, b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<<>>\nendobj\n", "application/pdf"),
            "/png": send(200, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "image/png"),
            "/octet": send(200, b"\x00\x01\x02\x03binary", "application/octet-stream"),
            "/octet-html": send(200, ARTICLE, "application/octet-stream"),
            "/binary-as-html": send(200, b"\x00\x01\x02\x03\x04\x05" * 50, "text/html"),
            "/empty": send(200, b""),
            "/script-only": send(
                200, b"<html><head><script>var a = 1;</script></head><body><script>go()</script></body></html>"
            ),
        }
    )
    httpd = QuietServer(("127.0.0.1", 0), Handler)
    state.base = f"http://127.0.0.1:{httpd.server_address[1]}"
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield state
    state.release.set()
    httpd.shutdown()
    httpd.server_close()


def failure(url: str, limits: Limits = FAST) -> str:
    """The one line a URL fails with: it names the URL."""
    with pytest.raises(InputError) as raised:
        read_url(url, "d0", limits=limits)
    message = str(raised.value)
    assert "\n" not in message
    assert message.startswith(f"{url}: ")
    return message.removeprefix(f"{url}: ")


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_only_http_and_https_are_web_addresses() -> None:
    assert is_url("http://a.example/story") and is_url("HTTPS://a.example/story")
    assert not is_url("ftp://a.example/story")
    assert not is_url("story.html") and not is_url("-") and not is_url("http_notes.txt")


def test_an_article_page_gives_its_text_title_site_date_and_author(server: Server) -> None:
    url = server.url("/article")
    document = read_url(url, "d0", limits=FAST)
    assert document.path == url
    assert document.format == "html"
    assert document.title == "Bridge to reopen after repairs"
    assert document.site == "Harbour Herald"
    assert document.published == "2024-03-05"
    assert "engineers said on Tuesday" in document.text
    assert "Home" not in document.text
    assert page_of(url, fetch(url, limits=FAST))[1].author == "Jane Doe"
    assert server.agents[-1].startswith("claimdiff/")


def test_compressed_and_plain_text_pages(server: Server) -> None:
    assert "engineers said" in read_url(server.url("/gzip"), "d0", limits=FAST).text
    plain = read_url(server.url("/plain"), "d0", limits=FAST)
    assert plain.format == "text"
    assert plain.title == "Bridge to reopen"


def test_pages_are_fetched_in_parallel_and_kept_in_input_order(server: Server, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("Bridge to reopen\n\nThe bridge reopens on Monday, engineers said.\n", encoding="utf-8")
    seen: list[tuple[int, int]] = []
    sources = [server.url("/parallel/a"), str(local), server.url("/parallel/b")]
    read = read_sources(sources, progress=lambda done, total: seen.append((done, total)), limits=FAST)
    assert [document.path for document in read.documents] == sources
    assert [document.id for document in read.documents] == ["d0", "d1", "d2"]
    assert read.documents[0].title == "Bridge to reopen Monday"
    assert read.documents[2].title == "Bridge repairs finished"
    assert [document.label for document in read.documents] == ["127.0.0.1 (1)", "local.txt", "127.0.0.1 (2)"]
    assert read.failures == []
    assert seen[0] == (0, 2) and seen[-1] == (2, 2)


def test_a_page_is_labelled_by_its_site_name_else_its_host(server: Server) -> None:
    read = read_sources([server.url("/article"), server.url("/plain")], limits=FAST)
    assert [document.label for document in read.documents] == ["Harbour Herald", "127.0.0.1"]


def test_a_redirect_chain_is_followed_and_the_final_address_kept(server: Server) -> None:
    document = read_url(server.url("/r1"), "d0", limits=FAST)
    assert document.path == server.url("/article")
    assert document.site == "Harbour Herald"


def test_redirect_loops_and_odd_redirects_fail(server: Server) -> None:
    assert failure(server.url("/loop")) == "too many redirects (more than 5)"
    assert failure(server.url("/r1"), Limits(read=1.0, redirects=2)) == "too many redirects (more than 2)"
    assert failure(server.url("/elsewhere")) == "redirected to ftp://files.example/story, which is not a web address"


def test_slow_servers_time_out(server: Server) -> None:
    started = time.monotonic()
    assert failure(server.url("/slow-headers"), SHORT) == "timed out after 0.3 s"
    assert failure(server.url("/slow-body"), SHORT) == "timed out after 0.3 s"
    assert failure(server.url("/trickle"), Limits(read=1.0, total=0.2)) == "timed out after 0.2 s"
    assert time.monotonic() - started < 15.0  # each server stalls for 20 s: the timeouts ended the waits


def test_oversized_pages_stop_at_the_cap(server: Server) -> None:
    small = Limits(read=1.0, max_bytes=10_000)
    assert failure(server.url("/big"), small) == "larger than the 10,000 bytes limit"
    assert failure(server.url("/unbounded"), small) == "larger than the 10,000 bytes limit"
    assert len(fetch(server.url("/unbounded"), limits=Limits(read=1.0, max_bytes=1024 * 1024)).data) > 400_000


def test_wrongly_labelled_and_unlabelled_encodings_decode(server: Server) -> None:
    mislabelled = read_url(server.url("/mislabelled"), "d0", limits=FAST)
    assert mislabelled.title == "Café owner’s résumé"
    assert "the café’s terrace" in mislabelled.text
    assert "\ufffd" not in mislabelled.text
    latin1 = read_url(server.url("/latin1"), "d0", limits=FAST)
    assert latin1.title == "Café réopens"
    assert "the café near the école" in latin1.text
    assert "café near" in read_url(server.url("/labelled-latin1-but-utf8"), "d0", limits=FAST).text


def test_page_text_trusts_a_label_only_when_the_bytes_fit() -> None:
    text = "Caf\u00e9 \u2019quoted\u2019 r\u00e9sum\u00e9 " * 5
    assert page_text(text.encode("cp1252"), "iso-8859-1", "x") == text  # Latin-1 read as Windows-1252
    assert page_text(text.encode("cp1252"), "no-such-charset", "x") == text
    assert page_text("Grüße aus Köln, sagte sie. ".encode("iso-8859-15") * 5, "iso-8859-15", "x").startswith("Grüße")
    html = '<html><head><meta charset="koi8-r"></head><body>Привет, мир.</body></html>'
    assert "Привет, мир." in page_text(html.encode("koi8-r"), "", "x")
    assert page_text(b"a\r\nb\rc", "", "x") == "a\nb\nc"


def test_http_errors_name_the_status(server: Server) -> None:
    assert failure(server.url("/missing")) == "HTTP 404 Not Found"
    assert failure(server.url("/500")) == "HTTP 500 Internal Server Error"


def test_unreachable_servers_cannot_be_connected_to() -> None:
    assert failure(f"http://127.0.0.1:{closed_port()}/story") == "cannot connect (connection refused)"
    assert failure("http://[::1/story") == "not a valid web address"


def test_a_failed_secure_connection_says_why(server: Server) -> None:
    url = server.url("/article").replace("http://", "https://")
    assert failure(url) == "secure connection failed (wrong version number)"


def test_an_unknown_host_is_named_as_such() -> None:
    class NoSuchHost:
        def request(self, *args: object, **kwargs: object) -> None:
            raise NameResolutionError("nowhere.invalid", None, socket.gaierror("Name or service not known"))  # type: ignore[arg-type]

    with pytest.raises(InputError, match=r"^http://nowhere\.invalid/: cannot connect \(host not found\)$"):
        fetch("http://nowhere.invalid/", pool=NoSuchHost(), limits=FAST)  # type: ignore[arg-type]


def test_what_is_not_a_web_page_is_refused(server: Server) -> None:
    assert failure(server.url("/pdf")) == "not a web page (application/pdf)"
    assert failure(server.url("/png")) == "not a web page (image/png)"
    assert failure(server.url("/octet")) == "not a web page (application/octet-stream)"
    assert failure(server.url("/binary-as-html")) == "not a web page (binary data)"
    assert read_url(server.url("/octet-html"), "d0", limits=FAST).site == "Harbour Herald"


def test_a_page_without_text_is_refused(server: Server) -> None:
    assert failure(server.url("/empty")) == "no article text on the page"
    assert failure(server.url("/script-only")) == "no article text on the page"


def test_the_first_failure_in_input_order_is_raised(server: Server, tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    with pytest.raises(InputError, match=r"/missing: HTTP 404 Not Found$"):
        sources = [server.url("/article"), server.url("/missing"), server.url("/slow-headers")]
        read_sources(sources, progress=lambda done, total: seen.append((done, total)), limits=FAST)
    assert seen[-2:] == [(2, 3), (3, 3)]  # told "all done" even when stopped early, so a status line clears
    with pytest.raises(InputError, match=r"/missing: HTTP 404 Not Found$"):
        read_sources([server.url("/article"), server.url("/missing"), server.url("/500")], limits=FAST)
    asked = len(server.paths)
    with pytest.raises(InputError, match=r"nothing\.txt: no such file$"):
        read_sources([server.url("/article"), str(tmp_path / "nothing.txt")], limits=FAST)
    assert len(server.paths) == asked  # a bad file fails before any page is fetched


def test_keep_going_reads_the_rest_and_keeps_the_labels_matched(server: Server, tmp_path: Path) -> None:
    local = tmp_path / "local.txt"
    local.write_text("Bridge to reopen\n\nThe bridge reopens on Monday, engineers said.\n", encoding="utf-8")
    missing = str(tmp_path / "gone.txt")
    sources = [server.url("/missing"), server.url("/article"), missing, str(local), server.url("/pdf")]
    read = read_sources(sources, labels=["A", "B", "C", "D"], keep_going=True, limits=FAST)
    assert [(document.id, document.label) for document in read.documents] == [("d0", "B"), ("d1", "D")]
    assert [document.path for document in read.documents] == [server.url("/article"), str(local)]
    assert [failure.source for failure in read.failures] == [server.url("/missing"), missing, server.url("/pdf")]
    assert [failure.message for failure in read.failures] == [
        f"{server.url('/missing')}: HTTP 404 Not Found",
        f"{missing}: no such file",
        f"{server.url('/pdf')}: not a web page (application/pdf)",
    ]
    assert all("\n" not in failure.message for failure in read.failures)


def test_keep_going_with_nothing_read_says_so(server: Server) -> None:
    with pytest.raises(NoDocuments, match=r"^no document could be read$") as raised:
        read_sources([server.url("/missing"), server.url("/empty")], keep_going=True, limits=FAST)
    assert [failure.reason for failure in raised.value.failures] == [
        "HTTP 404 Not Found",
        "no article text on the page",
    ]


def test_labels_beyond_the_sources_are_refused_before_fetching(server: Server) -> None:
    asked = len(server.paths)
    with pytest.raises(InputError, match=r"^--label given 2 times for 1 documents$"):
        read_sources([server.url("/article")], labels=["A", "B"], limits=FAST)
    assert len(server.paths) == asked


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_progress_is_a_line_rewritten_on_a_terminal_and_silent_in_a_pipe(
    server: Server, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    read_sources([server.url("/article"), server.url("/plain")], limits=FAST)
    assert capsys.readouterr().err == ""
    terminal = Terminal()
    monkeypatch.setattr("sys.stderr", terminal)
    read_sources([server.url("/plain")], limits=FAST)
    last = "claimdiff: fetching 1 page… 1/1 done"
    assert terminal.getvalue() == "\rclaimdiff: fetching 1 page… 0/1 done\r" + last + "\r" + " " * len(last) + "\r"


def test_the_status_line_is_rewritten_in_place_then_wiped() -> None:
    stream = io.StringIO()
    line = StatusLine(stream)
    line(9, 10)
    line(10, 10)
    line.clear()
    first, second = "claimdiff: fetching 10 pages… 9/10 done", "claimdiff: fetching 10 pages… 10/10 done"
    assert stream.getvalue() == f"\r{first}\r{second}\r{' ' * len(second)}\r"
