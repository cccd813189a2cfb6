"""Main text and metadata (title, date, site, canonical URL) of an HTML page, via trafilatura."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Page:
    """What trafilatura found in a page: main text without navigation and boilerplate, and its metadata."""

    text: str
    title: str | None
    date: str | None  # as trafilatura gives it (YYYY-MM-DD); checked by the caller like any input date
    site: str | None
    url: str | None


def extract_page(html: str, url: str | None = None) -> Page | None:
    """The page's main text and metadata; None without main text (e.g. an empty or script-only page)."""
    import trafilatura  # heavy import, only needed when HTML is actually read

    document = trafilatura.bare_extraction(
        html,
        url=url,
        with_metadata=True,
        include_comments=False,
        include_tables=False,
        # No guessing from URLs or the page's copy-right line: only dates the page states as its own.
        date_extraction_params={"extensive_search": False, "original_date": True},
    )
    if document is None or not (document.text or "").strip():
        return None
    title = (document.title or "").strip() or None
    text = document.text.strip()
    # trafilatura keeps the page's <h1> as the first line of the text; the title is stored on its own.
    first, _, rest = text.partition("\n")
    if title and first.strip() == title and rest.strip():
        text = rest.strip()
    return Page(
        text=text, title=title, date=document.date, site=(document.sitename or None), url=document.url or url
    )
