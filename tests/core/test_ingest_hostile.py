"""Hostile input, one test per hazard: each becomes an article or a recorded error, never a crash, and never
stops the other files of the folder from being read."""

from __future__ import annotations

import json
import os
import socket
from datetime import date

import pytest

from diplowatch.ingest import IngestError, RawArticle, read_folder
from diplowatch.ingest import folder as folder_module
from diplowatch.ingest import readers as readers_module

TODAY = date(2026, 1, 2)
GOOD = " date 2024-06-17 Good neighbour\nThe good article is still read.\n"


def _write(path, content: str | bytes):
    path.parent.mkdir(parents=True, exist_ok=True)
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return path


def _read(root, **kwargs):
    """Read a folder that also holds a good file: proves the hazard does not stop the other files."""
    _write(root / "zz-good.txt", GOOD)
    items = list(read_folder(root, today=TODAY, **kwargs))
    good = [i for i in items if isinstance(i, RawArticle) and i.source_path.endswith("zz-good.txt")]
    assert len(good) == 1 and good[0].text == "The good article is still read."
    return [i for i in items if not i.source_path.endswith("zz-good.txt")]


def _only_error(items) -> IngestError:
    assert len(items) == 1, items
    assert isinstance(items[0], IngestError), items[0]
    return items[0]


def test_empty_file(tmp_path):
    _write(tmp_path / "empty.jsonl", b"")
    error = _only_error(_read(tmp_path))
    assert error.reason == "empty_file" and "0 bytes" in error.detail


def test_whitespace_only_file(tmp_path):
    _write(tmp_path / "blank.txt", " \n\t\r\n   \n")
    error = _only_error(_read(tmp_path))
    assert error.reason == "empty_file" and "whitespace" in error.detail


@pytest.mark.parametrize(
    "payload",
    [os.urandom(4096) + b"\x00", bytes(range(256)) * 8, b"\xff\xfe\x00garbage"],
    ids=["random", "all-bytes", "utf16-bom-then-noise"],
)
def test_binary_data(tmp_path, payload):
    _write(tmp_path / "picture.txt", payload)
    assert _only_error(_read(tmp_path)).reason == "binary_file"


def test_invalid_utf8_latin1_text_is_decoded_with_a_recorded_fallback(tmp_path):
    text = "Le ministre des Affaires étrangères est arrivé à Genève. Déjà vu, garçon. Ça coûte cher."
    _write(tmp_path / "latin1.txt", (" date 2024-06-17 Visite à Genève\n" + text).encode("latin-1"))
    note, article = _read(tmp_path)
    assert note.reason == "decoded_with_fallback" and note.kept
    assert "not valid UTF-8" in note.detail and "decoded as" in note.detail
    assert isinstance(article, RawArticle) and article.text == text and article.title == "Visite à Genève"


def test_invalid_utf8_bytes_in_otherwise_utf8_jsonl(tmp_path):
    line = (
        json.dumps({"text": "caf\u00e9 PLACEHOLDER"}, ensure_ascii=False)
        .encode()
        .replace(b"PLACEHOLDER", b"\xff\xfe")
    )
    _write(tmp_path / "mixed.jsonl", line + b"\n")
    note, article = _read(tmp_path)
    assert note.reason == "decoded_with_fallback" and isinstance(article, RawArticle)


def test_utf8_bom_and_crlf(tmp_path):
    _write(tmp_path / "bom.txt", "\ufeff date 2024-06-17 Title\r\nLine one.\r\nLine two.\r\n".encode())
    _write(tmp_path / "bom.jsonl", "\ufeff".encode() + b'{"text": "A"}\r\n{"text": "B"}\r\n')
    _write(tmp_path / "bom.csv", '\ufefftitle,text\r\nT1,Body 1\r\nT2,"Body\r\n2"\r\n'.encode())
    items = _read(tmp_path)
    assert all(isinstance(i, RawArticle) for i in items), items
    by_file = {}
    for item in items:
        by_file.setdefault(item.source_path.rsplit("/", 1)[1], []).append(item)
    [txt] = by_file["bom.txt"]
    assert (
        txt.published_at == date(2024, 6, 17) and txt.title == "Title" and txt.text == "Line one.\nLine two."
    )
    assert [i.text for i in by_file["bom.jsonl"]] == ["A", "B"]
    assert [(i.title, i.text) for i in by_file["bom.csv"]] == [("T1", "Body 1"), ("T2", "Body\r\n2")]


def test_one_megabyte_line(tmp_path):
    big = "word " * 210_000
    _write(tmp_path / "big.jsonl", json.dumps({"text": big}) + "\n")
    _write(tmp_path / "big.csv", "text\n" + big + "\n")
    _write(tmp_path / "big.txt", " date 2024-06-17 Big\n" + big)
    items = _read(tmp_path)
    assert len(items) == 3 and all(isinstance(i, RawArticle) and len(i.text) > 1_000_000 for i in items)


def test_file_above_size_cap_is_recorded_and_never_read(tmp_path, monkeypatch):
    _write(tmp_path / "huge.jsonl", b"x" * 4096)
    opened = []
    real_fdopen = os.fdopen
    monkeypatch.setattr(folder_module.os, "fdopen", lambda *a, **k: opened.append(a) or real_fdopen(*a, **k))
    error = _only_error([i for i in _read(tmp_path, max_bytes=1000)])
    assert error.reason == "too_large" and "4096 bytes" in error.detail and "1000-byte cap" in error.detail
    assert len(opened) == 1  # only the good file's content was read


def test_default_size_cap_is_20_mb(tmp_path):
    path = tmp_path / "sparse.jsonl"
    with open(path, "wb") as handle:  # a sparse 21 MB file: cheap to create, would be costly to read
        handle.truncate(21 * 1024 * 1024)
    error = _only_error(_read(tmp_path))
    assert error.reason == "too_large" and "20971520-byte cap" in error.detail


def test_malformed_json_lines_among_good_ones(tmp_path):
    lines = [
        '{"text": "one"}',
        '{"text": "two"',
        "[1, 2]",
        '{"text": "three"}',
        "nul\x00l",
        "",
        '{"text": 5}',
        '"just a string"',
        '{"text": "four"}',
    ]
    items = _read(tmp_path) if _write(tmp_path / "mixed.jsonl", "\n".join(lines)) else None
    good = [(i.line_number, i.text) for i in items if isinstance(i, RawArticle)]
    bad = [(i.line_number, i.reason) for i in items if isinstance(i, IngestError)]
    assert good == [(1, "one"), (4, "three"), (9, "four")]
    assert bad == [
        (2, "invalid_json"),
        (3, "not_an_object"),
        (5, "invalid_json"),
        (7, "missing_text"),
        (8, "not_an_object"),
    ]


def test_wrong_types(tmp_path):
    record = {
        "text": "Body.",
        "published_at": 12345,
        "id": 99,
        "title": ["not", "a", "title"],
        "url": {"a": 1},
    }
    _write(tmp_path / "types.jsonl", json.dumps(record))
    items = _read(tmp_path)
    notes = {(i.reason, i.detail.split(":")[0]) for i in items if isinstance(i, IngestError)}
    [article] = [i for i in items if isinstance(i, RawArticle)]
    assert (
        article.source_id == "99"
        and article.title is None
        and article.url is None
        and article.published_at is None
    )
    assert ("date_ignored", "article kept without a date") in notes
    assert {r for r, _ in notes} == {"date_ignored", "field_ignored"} and len(notes) == 3
    assert all(i.kept for i in items if isinstance(i, IngestError))


@pytest.mark.parametrize("value", ["2026-01-04", "3024-06-17", "1066-10-14", "0001-01-01", "2024-02-30"])
def test_future_or_absurd_date_keeps_the_article_undated(tmp_path, value):
    _write(tmp_path / "dates.jsonl", json.dumps({"text": "Body.", "published_at": value}))
    note, article = _read(tmp_path)
    assert note.reason == "date_ignored" and value in note.detail and article.published_at is None


def test_tomorrow_is_tolerated_for_time_zones(tmp_path):
    _write(
        tmp_path / "dates.jsonl", json.dumps({"text": "Body.", "published_at": "2026-01-03T01:00:00+05:00"})
    )
    [article] = _read(tmp_path)
    assert article.published_at == date(2026, 1, 2)  # converted to UTC


def test_symlink_loops_are_recorded_not_followed(tmp_path):
    (tmp_path / "sub").mkdir()
    os.symlink(tmp_path, tmp_path / "sub" / "up")  # folder loop
    os.symlink(tmp_path / "b.txt", tmp_path / "a.txt")  # file loop: a -> b -> a
    os.symlink(tmp_path / "a.txt", tmp_path / "b.txt")
    os.symlink(tmp_path / "sub", tmp_path / "sub-again")  # a second path to a folder already read
    items = _read(tmp_path)
    assert sorted((i.source_path.removeprefix(str(tmp_path)), i.reason) for i in items) == [
        ("/a.txt", "symlink_loop"),
        ("/b.txt", "symlink_loop"),
        ("/sub-again", "already_read"),
        ("/sub/up", "symlink_loop"),
    ]


def test_unreadable_files(tmp_path, monkeypatch):
    """What this covers: a dangling link, a FIFO (whose open must not block), a socket, and a permission
    failure. Tests run as root, which reads chmod-000 files, so EACCES is simulated by making the open of one
    file raise PermissionError; where not root, a real chmod-000 file is also used."""
    os.symlink(tmp_path / "gone.txt", tmp_path / "dangling.txt")
    os.mkfifo(tmp_path / "pipe.jsonl")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(tmp_path / "sock.txt"))
    _write(tmp_path / "secret.txt", "Secret body.")
    real_open = folder_module._open_for_reading

    def deny_secret(path):
        if path.name == "secret.txt":
            raise PermissionError(13, "Permission denied", str(path))
        return real_open(path)

    monkeypatch.setattr(folder_module, "_open_for_reading", deny_secret)
    expected = {
        "dangling.txt": "broken_symlink",
        "pipe.jsonl": "not_a_regular_file",
        "sock.txt": "unreadable",
        "secret.txt": "unreadable",
    }
    if os.geteuid() != 0:
        _write(tmp_path / "chmod000.txt", "Body.").chmod(0)
        expected["chmod000.txt"] = "unreadable"
    try:
        items = _read(tmp_path)
    finally:
        server.close()
    got = {i.source_path.rsplit("/", 1)[1]: i.reason for i in items}
    assert got == expected
    assert "Permission denied" in next(i.detail for i in items if i.source_path.endswith("secret.txt"))


def test_titles_full_of_sql_quotes_are_data(tmp_path):
    title = "'; DROP TABLE articles; -- \"quoted\" `back` \\' O'Brien's"
    _write(
        tmp_path / "quotes.jsonl", json.dumps({"title": title, "text": "Robert'); DROP TABLE students;--"})
    )
    [article] = _read(tmp_path)
    assert article.title == title and article.text == "Robert'); DROP TABLE students;--"


def test_a_reader_crash_is_recorded_and_the_run_goes_on(tmp_path, monkeypatch):
    def broken(_path, _content, _today):
        raise RuntimeError("unforeseen")
        yield  # pragma: no cover

    monkeypatch.setitem(readers_module.READERS, ".csv", broken)
    _write(tmp_path / "a.csv", "text\nx\n")
    error = _only_error(_read(tmp_path))
    assert error.reason == "reader_failed" and "RuntimeError: unforeseen" in error.detail
