"""The raw folder read: one walk (sorted, hidden files skipped, folder links followed once), each file opened
safely (regular files only, under a size cap), decoded and handed to its format's reader; whatever goes wrong
becomes an IngestError. The sensor, `diplowatch run` and the articles stage all see the folder through it."""

from __future__ import annotations

import errno
import os
import stat
from collections.abc import Iterator
from datetime import UTC, date, datetime
from pathlib import Path

from diplowatch.ingest.readers import READERS, IngestError, Item, RawArticle
from diplowatch.ingest.text import BinaryContent, decode_bytes

#: Files above this size are recorded as `too_large` without being read (the cap is checked with fstat first).
DEFAULT_MAX_FILE_BYTES = 20 * 1024 * 1024


def read_path(
    path: str | os.PathLike, *, max_bytes: int = DEFAULT_MAX_FILE_BYTES, today: date | None = None
) -> Iterator[Item]:
    """Read one file; any failure becomes an IngestError rather than an exception."""
    path = Path(path)
    name = str(path)
    reader = READERS.get(path.suffix.lower())
    if reader is None:
        supported = ", ".join(READERS)
        yield IngestError(
            name,
            "unsupported_format",
            f"no reader for `{path.suffix or path.name}` files; supported: {supported}",
        )
        return
    raw = _read_bytes(path, max_bytes)
    if isinstance(raw, IngestError):
        yield raw
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
        detail = f"read anyway: {decoded.fallback}; check the text and save the file as UTF-8"
        yield IngestError(name, "decoded_with_fallback", detail, kept=True)
    try:
        yield from reader(name, decoded.text, today or datetime.now(UTC).date())
    except Exception as exc:  # a reader failing on unforeseen input must not stop the other files
        yield IngestError(name, "reader_failed", f"{type(exc).__name__}: {exc}")


def _read_bytes(path: Path, max_bytes: int) -> bytes | IngestError:
    """The file's bytes, or why they cannot be read: not a regular file, above the cap, empty, an OS error."""
    name = str(path)
    try:
        fd = _open_for_reading(path)
    except OSError as exc:
        return _os_error(name, exc)
    try:
        info = os.fstat(fd)
        if not stat.S_ISREG(info.st_mode):
            return IngestError(
                name,
                "not_a_regular_file",
                "a FIFO, socket or device, not a file: not read, since reading it could block or never end",
            )
        if info.st_size > max_bytes:
            detail = (
                f"{info.st_size} bytes is above the {max_bytes}-byte cap; split the file or raise the cap"
            )
            return IngestError(name, "too_large", detail)
        with os.fdopen(os.dup(fd), "rb") as handle:
            raw = handle.read(max_bytes + 1)
    except OSError as exc:
        return _os_error(name, exc)
    finally:
        os.close(fd)
    if len(raw) > max_bytes:  # the file grew after fstat
        return IngestError(name, "too_large", f"more than {max_bytes} bytes; split the file or raise the cap")
    if not raw:
        return IngestError(name, "empty_file", "the file is empty (0 bytes)")
    return raw


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
