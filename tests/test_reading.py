"""Reading files: encodings, line endings, formats, titles, and one-line errors for bad input."""

from __future__ import annotations

import io
import os
from pathlib import Path

import pytest

from tui.engine.errors import InputError
from tui.engine.identity import headline
from tui.engine.model import Document
from tui.engine.reading import decode, read_document, read_documents


def write(tmp_path: Path, name: str, data: bytes) -> str:
    path = tmp_path / name
    path.write_bytes(data)
    return str(path)


def test_utf8_with_bom_and_crlf_is_normalised(tmp_path: Path) -> None:
    path = write(tmp_path, "a.txt", b"\xef\xbb\xbfTitle\r\nFirst line.\r\nSecond.\r\n")
    document = read_document(path, "d0")
    assert document.text == "Title\nFirst line.\nSecond.\n"
    assert document.title == "Title"
    assert document.label == "a.txt"


def test_utf16_with_bom_is_decoded(tmp_path: Path) -> None:
    path = write(tmp_path, "u.txt", "Grüße aus Köln.\n".encode("utf-16"))
    assert read_document(path, "d0").text == "Grüße aus Köln.\n"


def test_windows_1252_is_detected() -> None:
    original = "The café’s owner said “no” — twice, to the élite crowd.\n" * 3
    text, _ = decode(original.encode("cp1252"), "x")
    assert text == original


def test_shift_jis_is_detected() -> None:
    data = "東京で会議が開かれました。参加者は百人でした。\n".encode("shift_jis") * 4
    text, _ = decode(data, "x")
    assert text.startswith("東京で会議が開かれました。")


def test_markdown_title_is_the_first_heading(tmp_path: Path) -> None:
    path = write(tmp_path, "story.md", b"Intro line\n\n# The Real Title #\n\nBody text.\n")
    document = read_document(path, "d0")
    assert document.format == "markdown"
    assert document.title == "The Real Title"
    plain = Document(id="d0", path="p", label="p", title="", text="  \n\nplain first line\nsecond")
    assert headline(plain) == "plain first line"


def test_html_main_text_and_title(tmp_path: Path) -> None:
    body = "".join(f"<p>Paragraph {n} says that the council approved the new budget today.</p>" for n in range(5))
    html = (
        "<html><head><title>Budget approved</title></head><body>"
        "<nav><a href='/'>Home</a> <a href='/news'>News</a></nav>"
        f"<article><h1>Budget approved</h1>{body}</article>"
        "<footer>Copyright 2024</footer></body></html>"
    )
    path = write(tmp_path, "page.html", html.encode())
    document = read_document(path, "d0")
    assert document.format == "html"
    assert document.title == "Budget approved"
    assert "Paragraph 3 says that the council approved the new budget today." in document.text
    assert "<p>" not in document.text


def test_html_publication_date_is_kept_on_the_document(tmp_path: Path) -> None:
    page = tmp_path / "ferry.html"
    page.write_text(
        '<html><head><title>Ferry sinks</title><meta property="article:published_time" '
        'content="2013-07-02T08:00:00Z"></head><body><article><h1>Ferry sinks off the coast</h1>'
        "<p>A ferry sank off the island on Tuesday, killing at least 12 people and injuring 30 "
        "passengers, officials said. Rescuers searched through the night while relatives waited at "
        "the port for news of their families.</p></article></body></html>",
        encoding="utf-8",
    )
    document = read_document(str(page), "d0")
    assert (document.title, document.published) == ("Ferry sinks off the coast", "2013-07-02")
    plain = tmp_path / "plain.txt"
    plain.write_text("No date here. Only words.\n", encoding="utf-8")
    assert read_document(str(plain), "d1").published == ""


def test_stdin_is_read_once(tmp_path: Path) -> None:
    other = write(tmp_path, "b.txt", b"Other text.\n")
    documents = read_documents(["-", other], stdin=io.BytesIO(b"From the pipe.\n"))
    assert [d.label for d in documents] == ["stdin", "b.txt"]
    assert documents[0].text == "From the pipe.\n"
    with pytest.raises(InputError, match="only once"):
        read_documents(["-", "-"], stdin=io.BytesIO(b"x"))


def test_same_file_twice_gets_distinct_labels(tmp_path: Path) -> None:
    path = write(tmp_path, "same.txt", b"Text.\n")
    assert [d.label for d in read_documents([path, path])] == ["same.txt (1)", "same.txt (2)"]


@pytest.mark.parametrize(
    ("name", "data", "message"),
    [
        ("empty.txt", b"", "no text to compare"),
        ("blank.txt", b" \n\t\n", "no text to compare"),
        ("binary.bin", b"\x7fELF\x02\x01\x00\x00\x00binary", "binary data"),
    ],
)
def test_bad_files_raise_one_line_errors(tmp_path: Path, name: str, data: bytes, message: str) -> None:
    path = write(tmp_path, name, data)
    with pytest.raises(InputError, match=message) as raised:
        read_document(path, "d0")
    assert "\n" not in str(raised.value)


def test_missing_file_and_directory(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no such file"):
        read_document(str(tmp_path / "nope.txt"), "d0")
    with pytest.raises(InputError, match="is a directory"):
        read_document(str(tmp_path), "d0")


@pytest.mark.skipif(os.geteuid() == 0, reason="root reads files whatever their permissions")
def test_unreadable_file(tmp_path: Path) -> None:
    path = write(tmp_path, "locked.txt", b"secret\n")
    os.chmod(path, 0)
    with pytest.raises(InputError, match="permission denied"):
        read_document(path, "d0")


def test_permission_denied_is_one_line_even_for_root(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = write(tmp_path, "locked.txt", b"secret\n")

    def refuse(*args: object, **kwargs: object) -> None:
        raise PermissionError(13, "Permission denied")

    monkeypatch.setattr("tui.engine.reading.open", refuse, raising=False)
    with pytest.raises(InputError, match=r"locked.txt: permission denied$"):
        read_document(path, "d0")


def test_dev_zero_is_rejected_without_reading_forever() -> None:
    with pytest.raises(InputError, match="binary data"):
        read_document("/dev/zero", "d0")


@pytest.mark.parametrize(
    ("data", "expected"),
    [
        ("The naïve façade of the café in Zürich.".encode("latin-1"), "The naïve façade of the café in Zürich."),
        ("São Paulo and Málaga are busy.".encode("latin-1"), "São Paulo and Málaga are busy."),
        ("He said “hello” – it’s fine.".encode("cp1252"), "He said “hello” – it’s fine."),
        ("Crème brûlée costs €5 at the café.".encode("cp1252"), "Crème brûlée costs €5 at the café."),
    ],
)
def test_short_western_single_byte_text_is_read_as_western(data: bytes, expected: str) -> None:
    text, encoding = decode(data, "x.txt")
    assert (text, encoding) == (expected, "cp1252")
    assert not any("\x80" <= character <= "\x9f" for character in text)


def test_central_european_text_is_not_forced_into_western() -> None:
    text, encoding = decode("Zażółć gęślą jaźń, pchnąć łódź.".encode("iso8859_2"), "pl.txt")
    assert encoding != "cp1252"
    assert "¿" not in text and "³" not in text


@pytest.mark.parametrize(
    ("name", "html"),
    [
        ("fragment.html", "<p>The council met on Monday and approved the budget after a long debate.</p>"),
        ("plain.html", "The council met on Monday and approved the budget after a long debate.\n"),
        (
            "deep.html",
            "<html><body>"
            + "<div>" * 400
            + "<p>The council met on Monday and approved the budget after a long debate.</p>"
            + "</div>" * 400
            + "</body></html>",
        ),
    ],
)
def test_html_without_an_article_falls_back_to_its_visible_text(tmp_path: Path, name: str, html: str) -> None:
    path = tmp_path / name
    path.write_text(html, encoding="utf-8")
    document = read_document(str(path), "d0")
    assert "The council met on Monday and approved the budget after a long debate." in document.text
    assert "<" not in document.text
    if name != "plain.html":
        assert document.note == "no article found: the page's visible text"


def test_a_page_nested_too_deep_to_parse_is_read_whole_not_cut_short(tmp_path: Path) -> None:
    # Thousands of unclosed tags: the article extractor stops after the first few sentences.
    path = tmp_path / "broken.html"
    sentences = [f"Item {number} of the council's list was approved on Monday." for number in range(3000)]
    path.write_text("<html><body>" + "".join(f"<div><span>{sentence} " for sentence in sentences), encoding="utf-8")
    document = read_document(str(path), "d0")
    assert sentences[0] in document.text and sentences[-1] in document.text
    assert document.note.startswith("tags nested 6,002 deep, and the article found held ")
    assert document.note.endswith(" visible characters: the page's visible text")


def test_an_article_among_plenty_of_page_furniture_is_read_alone(tmp_path: Path) -> None:
    path = tmp_path / "article.html"
    menu = "".join(f"<li><a href='/s{number}'>Section {number}</a></li>" for number in range(400))
    story = "".join(
        f"<p>The council met on Monday and approved budget line {number} after a long debate.</p>"
        for number in range(6)
    )
    path.write_text(
        f"<html><body><nav><ul>{menu}</ul></nav><article><h1>Budget approved</h1>{story}</article>"
        f"<footer><ul>{menu}</ul></footer></body></html>",
        encoding="utf-8",
    )
    document = read_document(str(path), "d0")
    assert "approved budget line 5 after a long debate" in document.text
    assert "Section 17" not in document.text
    assert document.note == ""
