"""The AG News reader gives the text the eval sets have (their 57 AG News items were built this way)."""

from __future__ import annotations

from bench.real_corpus import agnews, agnews_text


def test_agnews_text_reads_the_dumps_entity_remnants_and_line_breaks():
    raw = "Britain #39;s Straw urged a  quot;spirit of dialogue quot; in the\\region &lt;X.N&gt;  "
    assert agnews_text(raw) == 'Britain\'s Straw urged a "spirit of dialogue" in the region <X.N>'


def test_agnews_rows_are_numbered_from_one_and_undated(tmp_path):
    path = tmp_path / "test.csv"
    path.write_text('"1","Title one","First  text"\n"2","Two #39;s","Second\\\\text"\n', encoding="utf-8")
    rows = list(agnews(path))
    assert [(r["id"], r["title"], r["text"], r["published_at"]) for r in rows] == [
        ("agnews-test-1", "Title one", "First text", None),
        ("agnews-test-2", "Two's", "Second text", None),
    ]
