"""Readers for article files: the sample text format (.txt) and JSON Lines (.jsonl)."""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path


@dataclass(frozen=True)
class RawArticle:
    """An article as read from one input, before identity and partitioning are assigned."""

    source_kind: str
    source_path: str
    text: str
    line_number: int | None = None
    source_id: str | None = None
    url: str | None = None
    source: str | None = None
    published_at: date | None = None
    title: str | None = None


@dataclass(frozen=True)
class IngestError:
    """An input that could not become an article, and why."""

    source_path: str
    reason: str
    detail: str
    line_number: int | None = None


#: ` date YYYY-MM-DD <title>` on the first line of a sample-format text file.
_HEADER = re.compile(r"^\s*date\s+(\d{4}-\d{2}-\d{2})\s*(.*)$")
READERS = {".txt": "txt", ".jsonl": "jsonl"}


def parse_date(value, *, field: str = "published_at") -> date | None:
    """Parse an ISO date or datetime (string) into a date; raise ValueError with a clear message otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    if not isinstance(value, str):
        raise ValueError(f"{field} must be an ISO date string, got {type(value).__name__} {value!r}")
    text = value.strip()
    try:
        return date.fromisoformat(text[:10]) if len(text) >= 10 and text[4] == "-" else date.fromisoformat(text)
    except ValueError:
        try:
            return datetime.fromisoformat(text.replace("Z", "+00:00")).date()
        except ValueError:
            raise ValueError(f"{field} {value!r} is not an ISO date (YYYY-MM-DD) or datetime") from None


def read_text_file(path: Path, content: str) -> Iterator[RawArticle | IngestError]:
    """The sample format: first line ` date YYYY-MM-DD <title>`, then the body."""
    content = content.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    first, _, body = content.partition("\n")
    match = _HEADER.match(first)
    published_at = title = None
    if match:
        try:
            published_at = parse_date(match.group(1))
        except ValueError as exc:
            yield IngestError(str(path), "invalid_date", f"{exc}; fix the header line ` date YYYY-MM-DD <title>`", 1)
            return
        title = match.group(2).strip() or None
    else:
        body = content  # no header: the whole file is the body, date unknown
    if not body.strip():
        yield IngestError(str(path), "empty_text", "the file has no article text after its header line")
        return
    yield RawArticle("txt", str(path), body.strip(), published_at=published_at, title=title)


def read_jsonl_file(path: Path, content: str) -> Iterator[RawArticle | IngestError]:
    """One JSON object per line with `text` (required) and optional id, title, url, source, published_at."""
    content = content.lstrip("\ufeff")
    for number, line in enumerate(content.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError as exc:
            yield IngestError(str(path), "invalid_json", f"line is not valid JSON: {exc.msg} at column {exc.colno}", number)
            continue
        if not isinstance(record, dict):
            yield IngestError(str(path), "not_an_object", f"expected a JSON object, got {type(record).__name__}", number)
            continue
        text = record.get("text")
        if not isinstance(text, str) or not text.strip():
            yield IngestError(str(path), "missing_text", "the required field `text` is missing, empty or not a string", number)
            continue
        try:
            published_at = parse_date(record.get("published_at"))
        except ValueError as exc:
            yield IngestError(str(path), "invalid_date", str(exc), number)
            continue
        fields = {}
        for key in ("id", "title", "url", "source"):
            value = record.get(key)
            fields[key] = None if value is None else str(value)
        yield RawArticle(
            "jsonl", str(path), text.strip(), line_number=number, source_id=fields["id"], url=fields["url"],
            source=fields["source"], published_at=published_at, title=fields["title"],
        )


def read_path(path: Path) -> Iterator[RawArticle | IngestError]:
    """Read one file; any failure becomes an IngestError rather than an exception."""
    kind = READERS.get(path.suffix.lower())
    if kind is None:
        yield IngestError(str(path), "unsupported_format", f"no reader for `{path.suffix or path.name}` files; supported: {', '.join(READERS)}")
        return
    try:
        raw = path.read_bytes()
    except OSError as exc:
        yield IngestError(str(path), "unreadable", f"cannot read the file: {exc.strerror or exc}")
        return
    try:
        content = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        yield IngestError(str(path), "invalid_encoding", f"not valid UTF-8 ({exc.reason} at byte {exc.start})")
        return
    if not content.strip():
        yield IngestError(str(path), "empty_file", "the file is empty or whitespace only")
        return
    reader = read_text_file if kind == "txt" else read_jsonl_file
    yield from reader(path, content)


def read_folder(root: str | os.PathLike) -> Iterator[RawArticle | IngestError]:
    """Read every file under `root`, recursively, in a stable (sorted) order."""
    root = Path(root)
    if not root.exists():
        raise FileNotFoundError(f"raw article folder {root} does not exist; set DIPLOWATCH_RAW_DIR or --raw")
    if root.is_file():
        yield from read_path(root)
        return
    for dirpath, dirnames, filenames in os.walk(root, onerror=None):
        dirnames.sort()
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            yield from read_path(Path(dirpath) / name)
