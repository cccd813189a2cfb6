"""Readers for article files — sample text (.txt), JSON Lines (.jsonl), CSV (.csv), HTML (.html/.htm) — that
turn every file, line and row into a RawArticle or a recorded IngestError, whatever the bytes on disk are."""

from __future__ import annotations

import csv
import errno
import io
import json
import os
import re
import stat
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, date, datetime
from pathlib import Path

from diplowatch.ingest.pages import extract_page
from diplowatch.ingest.text import BinaryContent, DateProblem, decode_bytes, normalize_text, parse_published

#: Files above this size are recorded as `too_large` without being read (the cap is checked with fstat first).
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


@dataclass(frozen=True)
class RawArticle:
    """An article as read from one input, before identity and partitioning are assigned. Its text, title and
    source are normalized on creation (`normalize_text`: invisible characters removed, NFKC)."""

    source_kind: str
    source_path: str
    text: str
    line_number: int | None = None
    source_id: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: date | None = None
    title: str | None = None

    def __post_init__(self) -> None:
        # Normalized once, here, so whatever reads an article (dedup, language, extraction, storage) sees the
        # same text and the stored offsets point into it (see text.normalize_text).
        object.__setattr__(self, "text", normalize_text(self.text).strip())
        for name in ("title", "source"):
            value = getattr(self, name)
            if value is not None:
                object.__setattr__(self, name, normalize_text(value).strip() or None)


@dataclass(frozen=True)
class IngestError:
    """An input that could not become an article, and why.

    `kept=True` marks a note about an input that still became an article (e.g. `decoded_with_fallback`,
    `date_ignored`): it is recorded in `ingest_errors` so a person can check it, but nothing was lost.
    """

    source_path: str
    reason: str
    detail: str
    line_number: int | None = None
    kept: bool = False


#: Reasons that are notes on kept articles rather than lost input (see IngestError.kept).
NOTE_REASONS = frozenset({"decoded_with_fallback", "date_ignored", "field_ignored", "page_fetch_failed"})

Item = RawArticle | IngestError
Reader = Callable[[str, str, date], Iterator[Item]]

#: `date YYYY-MM-DD <title>` on the first line of a sample-format text file.
_HEADER = re.compile(r"^\s*date\s+(\S+)\s*(.*)$")


def _date_or_note(value, path: str, line: int | None, today: date, field: str = "published_at"):
    """(date or None, note or None): an unusable date keeps the article undated and says why."""
    try:
        return parse_published(value, today, field), None
    except DateProblem as exc:
        return None, IngestError(path, "date_ignored", f"article kept without a date: {exc}", line, kept=True)


def read_text_file(path: str, content: str, today: date) -> Iterator[Item]:
    """The sample format: first line `date YYYY-MM-DD <title>`, then the body. Without that header the whole
    file is the body and the date is unknown."""
    content = content.replace("\r\n", "\n").replace("\r", "\n")
    first, _, body = content.partition("\n")
    match = _HEADER.match(first)
    published_at = title = None
    if match:
        published_at, note = _date_or_note(match.group(1), path, 1, today)
        if note:
            yield note
        title = match.group(2).strip() or None
    else:
        body = content
    if not body.strip():
        yield IngestError(path, "empty_text", "the file has no article text after its header line")
        return
    yield RawArticle("txt", path, body.strip(), published_at=published_at, title=title)


def _scalar_field(record: dict, key: str, path: str, line: int) -> tuple[str | None, IngestError | None]:
    value = record.get(key)
    if value is None or isinstance(value, bool):
        return None, None
    if isinstance(value, str):
        return value.strip() or None, None
    if isinstance(value, int | float):
        return str(value), None
    return None, IngestError(
        path,
        "field_ignored",
        f"article kept without `{key}`: expected a string, got {type(value).__name__}",
        line,
        kept=True,
    )


def read_jsonl_file(path: str, content: str, today: date) -> Iterator[Item]:
    """One JSON object per line with `text` (required) and optional id, title, url, source, published_at.

    A line may say `"source_kind": "feed"` (lines written by the feed stage). Blank lines are not input.
    """
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(
                path, "invalid_json", f"line is not valid JSON: {exc.msg} at column {exc.colno}", number
            )
            continue
        except RecursionError:
            yield IngestError(path, "invalid_json", "line nests too deeply to be an article record", number)
            continue
        if not isinstance(record, dict):
            yield IngestError(
                path, "not_an_object", f"expected a JSON object, got {type(record).__name__}", number
            )
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            what = (
                "missing or empty"
                if text is None or isinstance(text, str)
                else f"a {type(text).__name__}, not a string"
            )
            yield IngestError(path, "missing_text", f"the required field `text` is {what}", number)
            continue
        fields = {}
        for key in ("id", "title", "url", "source"):
            fields[key], note = _scalar_field(record, key, path, number)
            if note:
                yield note
        published_at, note = _date_or_note(record.get("published_at"), path, number, today)
        if note:
            yield note
        kind = "feed" if record.get("source_kind") == "feed" else "jsonl"
        if (
            kind == "feed"
        ):  # the feed stage records what went wrong while fetching the entry (see ingest.feeds)
            for note in record.get("notes") or []:
                if isinstance(note, dict) and note.get("reason") in NOTE_REASONS:
                    yield IngestError(path, note["reason"], str(note.get("detail", "")), number, kept=True)
        yield RawArticle(
            kind,
            path,
            text.strip(),
            line_number=number,
            source_id=fields["id"],
            url=fields["url"],
            source=fields["source"],
            published_at=published_at,
            title=fields["title"],
        )


#: CSV header names (normalized: lower case, `_` for spaces and dashes) by article field; first match wins.
CSV_COLUMNS: dict[str, tuple[str, ...]] = {
    "text": ("text", "body", "content", "article", "article_text", "full_text", "story", "maintext"),
    "title": ("title", "headline", "heading"),
    "published_at": (
        "published_at",
        "date",
        "published",
        "pubdate",
        "pub_date",
        "publication_date",
        "published_date",
        "date_published",
        "datetime",
    ),
    "url": ("url", "link", "href", "canonical_url"),
    "id": ("id", "guid", "article_id", "uid"),
    "source": ("source", "publisher", "site", "sitename", "outlet", "source_name"),
}


def _normalize_header(name: str) -> str:
    return re.sub(r"[\s\-]+", "_", name.strip().lstrip("\ufeff").lower())


def read_csv_file(path: str, content: str, today: date) -> Iterator[Item]:
    """A CSV file with a header row; columns mapped by CSV_COLUMNS. `line_number` is the 1-based data row.

    The delimiter (`,`, `;`, tab or `|`) is the one the header line uses most. Blank rows are not input.
    """
    # The default 128 KiB field limit would reject a long article body; the file size cap bounds it instead.
    csv.field_size_limit(max(csv.field_size_limit(), len(content) + 1))
    header_line = content.split("\n", 1)[0]
    delimiter = max(",;\t|", key=header_line.count)
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=delimiter)
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        yield IngestError(path, "invalid_csv", f"cannot read the header row: {exc}")
        return
    names = [_normalize_header(h) for h in header]
    columns: dict[str, int] = {}
    for field, candidates in CSV_COLUMNS.items():
        for candidate in candidates:
            if candidate in names:
                columns[field] = names.index(candidate)
                break
    if "text" not in columns:
        found = ", ".join(repr(h.strip()) for h in header) or "none"
        yield IngestError(
            path,
            "no_text_column",
            f"no text column in the CSV header (found: {found}); name the "
            f"article body column one of: {', '.join(CSV_COLUMNS['text'])}",
        )
        return
    row_number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            row_number += 1
            yield IngestError(path, "invalid_csv", f"cannot parse the row: {exc}", row_number)
            continue
        if not any(cell.strip() for cell in row):
            continue
        row_number += 1
        if len(row) > len(header):
            yield IngestError(
                path,
                "ragged_row",
                f"the row has {len(row)} fields but the header has {len(header)}; "
                "quote fields that contain the delimiter",
                row_number,
            )
            continue
        values = {field: (row[i].strip() or None) if i < len(row) else None for field, i in columns.items()}
        if not values["text"]:
            yield IngestError(
                path,
                "missing_text",
                f"the text column `{header[columns['text']].strip()}` is empty",
                row_number,
            )
            continue
        published_at, note = _date_or_note(values.get("published_at"), path, row_number, today)
        if note:
            yield note
        yield RawArticle(
            "csv",
            path,
            values["text"],
            line_number=row_number,
            source_id=values.get("id"),
            url=values.get("url"),
            source=values.get("source"),
            published_at=published_at,
            title=values.get("title"),
        )


def read_html_file(path: str, content: str, today: date) -> Iterator[Item]:
    """A saved web page: main text, title, date, site and canonical URL via trafilatura."""
    page = extract_page(content)
    if page is None:
        yield IngestError(
            path,
            "no_main_text",
            "no article text found in the HTML page (only navigation, "
            "scripts or nothing); save the article page itself",
        )
        return
    published_at, note = _date_or_note(page.date, path, None, today)
    if note:
        yield note
    yield RawArticle(
        "html", path, page.text, url=page.url, source=page.site, published_at=published_at, title=page.title
    )


READERS: dict[str, Reader] = {
    ".txt": read_text_file,
    ".jsonl": read_jsonl_file,
    ".csv": read_csv_file,
    ".html": read_html_file,
    ".htm": read_html_file,
}


def _open_for_reading(path: Path) -> int:
    # O_NONBLOCK: opening a FIFO must not wait for a writer; it changes nothing for regular files.
    return os.open(path, os.O_RDONLY | os.O_NONBLOCK)


def _os_error(path: str, exc: OSError) -> IngestError:
    if exc.errno == errno.ELOOP:
        return IngestError(
            path,
            "symlink_loop",
            "a symbolic link loop: the link (or one it points to) points "
            "back to itself; remove or fix the link",
        )
    if exc.errno == errno.ENOENT and os.path.islink(path):
        return IngestError(
            path, "broken_symlink", f"a symbolic link to {os.readlink(path)!r}, which does not exist"
        )
    return IngestError(
        path, "unreadable", f"cannot read the file: {exc.strerror or exc}; check its permissions"
    )


def read_path(
    path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES, today: date | None = None
) -> Iterator[Item]:
    """Read one file; any failure becomes an IngestError rather than an exception."""
    path = Path(path)
    name = str(path)
    today = today or datetime.now(UTC).date()
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        yield IngestError(
            name,
            "unsupported_format",
            f"no reader for `{path.suffix or path.name}` files; supported: {', '.join(READERS)}",
        )
        return
    try:
        fd = _open_for_reading(path)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            yield IngestError(
                name,
                "not_a_regular_file",
                "a FIFO, socket or device, not a file: not read, since reading it could block or never end",
            )
            return
        if info.st_size > max_bytes:
            yield IngestError(
                name,
                "too_large",
                f"{info.st_size} bytes is above the {max_bytes}-byte cap; split the file or raise the cap",
            )
            return
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        yield _os_error(name, exc)
        return
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # the file grew after fstat
        yield IngestError(name, "too_large", f"more than {max_bytes} bytes; split the file or raise the cap")
        return
    if not raw:
        yield IngestError(name, "empty_file", "the file is empty (0 bytes)")
        return
    try:
        decoded = decode_bytes(raw)
    except BinaryContent as exc:
        yield IngestError(name, "binary_file", f"{exc}; only text files are read")
        return
    if not decoded.text.strip():
        yield IngestError(name, "empty_file", "the file holds only whitespace")
        return
    if decoded.fallback:
        yield IngestError(
            name,
            "decoded_with_fallback",
            f"read anyway: {decoded.fallback}; check the text and save the file as UTF-8",
            kept=True,
        )
    try:
        yield from reader(name, decoded.text, today)
    except Exception as exc:  # a reader failing on unforeseen input must not stop the other files
        yield IngestError(name, "reader_failed", f"{type(exc).__name__}: {exc}")


def _walk(folder: Path, ancestors: frozenset, seen: set) -> Iterator[Path | IngestError]:
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError as exc:
        yield IngestError(str(folder), "unreadable", f"cannot list the folder: {exc.strerror or exc}")
        return
    for entry in entries:
        if entry.name.startswith("."):  # hidden files: editor swap files, our own temporary files
            continue
        path = Path(entry.path)
        try:
            info = os.stat(path)
        except OSError:
            yield path  # read_path records the exact problem (loop, dangling link, permission)
            continue
        if not stat.S_ISDIR(info.st_mode):
            yield path
            continue
        key = (info.st_dev, info.st_ino)
        if key in ancestors:
            yield IngestError(
                str(path),
                "symlink_loop",
                "a symbolic link to a folder that contains it: not followed, to avoid reading forever",
            )
        elif key in seen:
            yield IngestError(
                str(path),
                "already_read",
                "a link to a folder already read through another path: its files are counted once",
            )
        else:
            seen.add(key)
            yield from _walk(path, ancestors | {key}, seen)


def read_folder(
    root: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES, today: date | None = None
) -> Iterator[Item]:
    """Read every file under `root`, recursively (following folder links once, never in a loop), sorted."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"raw article folder {root} does not exist; set DIPLOWATCH_RAW_DIR or --raw")
    today = today or datetime.now(UTC).date()
    if not root.is_dir():
        yield from read_path(root, max_bytes=max_bytes, today=today)
        return
    info = os.stat(root)
    key = (info.st_dev, info.st_ino)
    for item in _walk(root, frozenset({key}), {key}):
        if isinstance(item, IngestError):
            yield item
        else:
            yield from read_path(item, max_bytes=max_bytes, today=today)


def scan_folder(root: str | os.PathLike) -> dict[str, tuple[int, int]]:
    """Every file `read_folder` would read under `root`: path -> (mtime_ns, size), by the same walk.

    A path that cannot be stat'ed (dangling link) is left out: the next run records it in `ingest_errors`.
    """
    root = Path(root)
    if not root.is_dir():
        info = root.stat()
        return {str(root): (info.st_mtime_ns, info.st_size)}
    info = os.stat(root)
    key = (info.st_dev, info.st_ino)
    found: dict[str, tuple[int, int]] = {}
    for item in _walk(root, frozenset({key}), {key}):
        if isinstance(item, IngestError):
            continue
        try:
            stat_result = item.stat()
        except OSError:
            continue
        found[str(item)] = (stat_result.st_mtime_ns, stat_result.st_size)
    return found


def article_dates(path: str | os.PathLike, today: date) -> set[date]:
    """The days a file's articles fall on, read with the readers (no NLP, no database): an undated article
    falls on the day it is first ingested, `today` for a new file. A file with no readable article: none."""
    return {
        item.published_at or today
        for item in read_path(Path(path), today=today)
        if isinstance(item, RawArticle)
    }


def folder_article_dates(root: str | os.PathLike, today: date) -> set[date]:
    """Every day the articles of a folder (or file) fall on."""
    return {
        item.published_at or today for item in read_folder(root, today=today) if isinstance(item, RawArticle)
    }
