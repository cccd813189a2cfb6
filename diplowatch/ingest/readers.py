"""Readers for the article formats — sample text (.txt), JSON Lines (.jsonl), CSV (.csv), HTML (.html/.htm) —
that turn every line and row of a decoded file into a RawArticle or a recorded IngestError. Opening files and
walking the folder: `diplowatch.ingest.folder`."""

from __future__ import annotations

import csv
import io
import json
import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import date

from diplowatch.ingest.pages import extract_page
from diplowatch.ingest.text import DateProblem, normalize_text, parse_published


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
    reader = csv.reader(io.StringIO(content, newline=""), delimiter=max(",;\t|", key=header_line.count))
    try:
        header = next(reader)
    except (csv.Error, StopIteration) as exc:
        yield IngestError(path, "invalid_csv", f"cannot read the header row: {exc}")
        return
    columns = _csv_columns(header)
    if "text" not in columns:
        found = ", ".join(repr(h.strip()) for h in header) or "none"
        yield IngestError(
            path,
            "no_text_column",
            f"no text column in the CSV header (found: {found}); name the "
            f"article body column one of: {', '.join(CSV_COLUMNS['text'])}",
        )
        return
    for number, row in _csv_rows(reader):
        if isinstance(row, csv.Error):
            yield IngestError(path, "invalid_csv", f"cannot parse the row: {row}", number)
        elif len(row) > len(header):
            yield IngestError(
                path,
                "ragged_row",
                f"the row has {len(row)} fields but the header has {len(header)}; "
                "quote fields that contain the delimiter",
                number,
            )
        else:
            yield from _csv_article(path, header, columns, row, number, today)


def _csv_columns(header: list[str]) -> dict[str, int]:
    """Article field -> index of its column in the header (the first candidate of CSV_COLUMNS found)."""
    names = [_normalize_header(h) for h in header]
    columns: dict[str, int] = {}
    for field, candidates in CSV_COLUMNS.items():
        found = next((names.index(c) for c in candidates if c in names), None)
        if found is not None:
            columns[field] = found
    return columns


def _csv_rows(reader) -> Iterator[tuple[int, list[str] | csv.Error]]:
    """(1-based data row number, cells or the error that row raised); blank rows are skipped, uncounted."""
    number = 0
    while True:
        try:
            row = next(reader)
        except StopIteration:
            return
        except csv.Error as exc:
            number += 1
            yield number, exc
            continue
        if any(cell.strip() for cell in row):
            number += 1
            yield number, row


def _csv_article(
    path: str, header: list[str], columns: dict[str, int], row: list[str], number: int, today: date
) -> Iterator[Item]:
    values = {field: (row[i].strip() or None) if i < len(row) else None for field, i in columns.items()}
    if not values["text"]:
        column = header[columns["text"]].strip()
        yield IngestError(path, "missing_text", f"the text column `{column}` is empty", number)
        return
    published_at, note = _date_or_note(values.get("published_at"), path, number, today)
    if note:
        yield note
    yield RawArticle(
        "csv",
        path,
        values["text"],
        line_number=number,
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
