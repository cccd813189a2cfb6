"""Streaming stages: batch boundaries change nothing — dedup, quarantine, one transaction and re-runs hold
whatever the batch size."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import duckdb
import pytest

from diplowatch import store
from diplowatch.stages.articles import load_articles
from diplowatch.stages.events import load_events
from tests.fixtures.extractors import StubExtractor
from tests.fixtures.hostile import ENGLISH, hostile_folder

NOW = datetime(2026, 1, 2, 3, 4, 5, tzinfo=UTC)
BOUNDS = (date(2024, 1, 1), NOW.date())
EVENT_TABLES = ["visit_mentions", "reactions"]


def _table(con, table: str) -> list[tuple]:
    """Every row of a table in a stable order (rejected_rows without its validation time)."""
    columns = "table_name, row_json, reasons, partition_date" if table == "rejected_rows" else "*"
    return con.execute(f"SELECT {columns} FROM {table} ORDER BY ALL").fetchall()


def _tables(con, tables) -> dict[str, list[tuple]]:
    return {t: _table(con, t) for t in tables}


def _articles_file(path, articles: list[dict]):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text("".join(json.dumps(a) + "\n" for a in articles))


def _day_articles(n: int) -> list[dict]:
    return [
        {
            "id": f"a{i}",
            "title": f"Visit {i}",
            "text": ENGLISH.format(who=f"Country {i}"),
            "published_at": f"2024-06-{17 + i % 3}",
        }
        for i in range(n)
    ]


@pytest.mark.parametrize("bounds", [None, BOUNDS])
def test_articles_in_batches_of_one_input_give_the_same_tables_as_one_batch(tmp_path, bounds):
    raw = hostile_folder(tmp_path / "raw")
    loaded = {}
    for batch in (1, 3, 100_000):
        with store.connect(tmp_path / f"b{batch}.duckdb") as con:
            result = load_articles(con, raw, now=NOW, partition_bounds=bounds, batch_inputs=batch)
            tables = _tables(con, ["articles", "article_sources", "ingest_errors", "rejected_rows"])
            # and a re-run with the same batches rewrites the same rows
            load_articles(con, raw, now=NOW, partition_bounds=bounds, batch_inputs=batch)
            assert _tables(con, tables) == tables
        loaded[batch] = (tables, result.counts, result.validations["articles"].valid.height)
    assert loaded[1] == loaded[3] == loaded[100_000]
    tables = loaded[1][0]
    # the hostile folder's duplicates collapsed across batches: good.txt == dup-of-good.jsonl, and the two
    # news.example/a URLs name one article
    assert len({r[0] for r in tables["article_sources"]}) == len(tables["articles"])
    assert len(tables["article_sources"]) > len(tables["articles"])


def test_the_same_article_in_two_batches_is_one_row_with_two_sources(tmp_path, db_path):
    first = {
        "title": "Talks",
        "text": ENGLISH.format(who="Japan"),
        "published_at": "2024-06-17",
        "url": "https://news.example/talks?utm_source=feed",
    }
    _articles_file(tmp_path / "raw" / "a.jsonl", [first])
    # the same text differently cased and dated, then another text at the same page: both are the first one
    _articles_file(
        tmp_path / "raw" / "b.jsonl",
        [
            {"title": "TALKS", "text": ENGLISH.format(who="Japan").upper(), "published_at": "2024-06-18"},
            {
                "title": "Talks, updated",
                "text": ENGLISH.format(who="Japan, updated"),
                "url": "http://www.news.example/talks",
                "published_at": "2024-06-19",
            },
        ],
    )
    with store.connect(db_path) as con:
        load_articles(con, tmp_path / "raw", now=NOW, batch_inputs=1)
        articles = _table(con, "articles")
        sources = con.execute(
            "SELECT article_id, source_path, partition_date FROM article_sources "
            "ORDER BY source_path, line_number"
        ).fetchall()
    assert len(articles) == 1 and articles[0][6] == "Talks"  # the first input read provides the row
    assert len(sources) == 3 and {s[0] for s in sources} == {articles[0][0]}
    # every source carries the article's partition, not its own input's date
    assert {s[2] for s in sources} == {date(2024, 6, 17)}


def test_a_range_write_in_batches_replaces_only_its_partitions(tmp_path, db_path):
    _articles_file(tmp_path / "raw" / "a.jsonl", _day_articles(9))
    with store.connect(db_path) as con:
        load_articles(con, tmp_path / "raw", now=NOW, batch_inputs=2)
        before = _tables(con, ["articles", "article_sources"])
        result = load_articles(con, tmp_path / "raw", [date(2024, 6, 18)], now=NOW, batch_inputs=2)
        assert _tables(con, ["articles", "article_sources"]) == before
    assert result.counts["articles"] == 3 and result.partitions == [date(2024, 6, 18)]


class _CodeFor(StubExtractor):
    """A stub whose visit for one article carries an invalid country code (quarantined by validation)."""

    def __init__(self, bad_article: str):
        super().__init__()
        self.bad_article = bad_article

    def extract_batch(self, articles):
        for aid, visits, reactions in super().extract_batch(articles):
            if aid == self.bad_article:
                visits = [{**visits[0], "visitor_code": "not a code"}]
            yield aid, visits, reactions


class _FailsAt(StubExtractor):
    """A stub that crashes on its n-th article, counted across the batches it is given."""

    def __init__(self, n: int):
        super().__init__()
        self.n = n
        self.done = 0

    def extract_batch(self, articles):
        for item in super().extract_batch(articles):
            self.done += 1
            if self.done == self.n:
                raise RuntimeError("extractor crashed")
            yield item


def _loaded_articles(tmp_path, db_path, n: int = 7) -> list[str]:
    _articles_file(tmp_path / "raw" / "a.jsonl", _day_articles(n))
    with store.connect(db_path) as con:
        load_articles(con, tmp_path / "raw", now=NOW)
        return [
            r[0]
            for r in con.execute(
                "SELECT article_id FROM articles ORDER BY partition_date, article_id"
            ).fetchall()
        ]


def test_events_in_batches_of_one_article_give_the_same_tables_as_one_batch(tmp_path):
    ids = _loaded_articles(tmp_path, tmp_path / "one.duckdb")
    _loaded_articles(tmp_path, tmp_path / "all.duckdb")
    outcome = {}
    for name, batch in (("one", 1), ("all", 100_000)):
        with store.connect(tmp_path / f"{name}.duckdb") as con:
            result = load_events(con, _CodeFor(ids[-1]), batch_articles=batch)
            outcome[name] = (_tables(con, [*EVENT_TABLES, "rejected_rows"]), result.counts)
    assert outcome["one"] == outcome["all"]
    tables, counts = outcome["one"]
    assert counts["articles_read"] == len(ids) and len(tables["visit_mentions"]) == len(ids) - 1


def test_a_rejected_row_in_the_last_batch_is_quarantined_and_the_others_written(tmp_path, db_path):
    ids = _loaded_articles(tmp_path, db_path)
    with store.connect(db_path) as con:
        result = load_events(con, _CodeFor(ids[-1]), batch_articles=2)
        rejected = con.execute("SELECT table_name, row_json FROM rejected_rows").fetchall()
        mentions = {r[0] for r in con.execute("SELECT article_id FROM visit_mentions").fetchall()}
        unlinked = con.execute("SELECT article_id FROM reactions WHERE target_mention_id IS NULL").fetchall()
    assert [r[0] for r in rejected] == ["visit_mentions"] and json.loads(rejected[0][1])["article_id"] == ids[
        -1
    ]
    assert mentions == set(ids[:-1])
    # its reaction is kept, without the link to the quarantined visit
    assert unlinked == [(ids[-1],)] and result.counts["target_links_cleared"] == 1
    assert result.validations["visit_mentions"].rejected.height == 1
    assert result.validations["visit_mentions"].valid.height == len(ids) - 1


def test_an_extractor_failing_in_a_later_batch_changes_nothing_and_leaves_no_spilled_files(tmp_path, db_path):
    _loaded_articles(tmp_path, db_path)
    spill = tmp_path / "spill"
    spill.mkdir()
    with store.connect(db_path) as con:
        load_events(con, StubExtractor(visitor_code="FRA"))
        before = _tables(con, [*EVENT_TABLES, "rejected_rows"])
        crashing = _FailsAt(5)
        with pytest.raises(RuntimeError, match="extractor crashed"):
            load_events(con, crashing, batch_articles=2, chunk_articles=4, staging_dir=spill)
        assert crashing.done == 5  # two batches had been extracted and spilled before the crash
        assert _tables(con, [*EVENT_TABLES, "rejected_rows"]) == before
    assert list(spill.iterdir()) == []


def test_event_reruns_in_batches_are_idempotent_and_leave_no_spilled_files(tmp_path, db_path):
    _loaded_articles(tmp_path, db_path)
    spill = tmp_path / "spill"
    spill.mkdir()
    with store.connect(db_path) as con:
        load_events(con, StubExtractor(), batch_articles=3, chunk_articles=6, staging_dir=spill)
        first = _tables(con, EVENT_TABLES)
        load_events(con, StubExtractor(), batch_articles=3, chunk_articles=6, staging_dir=spill)
        assert _tables(con, EVENT_TABLES) == first
    assert list(spill.iterdir()) == []


def test_a_duplicate_key_across_spilled_batches_rolls_the_write_back(tmp_path, db_path):
    """visit_mentions has no DuckDB index (see store.KEYS_CHECKED_AT_WRITE): the write checks the key."""
    _loaded_articles(tmp_path, db_path, n=2)
    with store.connect(db_path) as con:
        load_events(con, StubExtractor())
        before = _tables(con, EVENT_TABLES)
        rows = store.read_frame(con, "SELECT * FROM visit_mentions")
        paths = []
        for k in range(2):  # the same rows in two batch files
            paths.append(str(tmp_path / f"batch{k}.parquet"))
            rows.write_parquet(paths[-1])
        with pytest.raises(duckdb.ConstraintException, match="duplicate key mention_id"):
            store.apply_writes(con, [store.partition_write("visit_mentions", None, None, paths)])
        assert _tables(con, EVENT_TABLES) == before
        # while the rows of one file load normally
        assert store.apply_writes(con, [store.partition_write("visit_mentions", None, None, paths[:1])]) == {
            "visit_mentions": rows.height
        }


def test_articles_and_event_tables_are_created_without_an_index_but_keep_their_key_unique(tmp_path, db_path):
    with store.connect(db_path) as con:
        indexed = {
            r[0]
            for r in con.execute(
                "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
            ).fetchall()
        }
    assert "feed_state" in indexed and not indexed & {"articles", *EVENT_TABLES}
    ids = _loaded_articles(tmp_path, db_path, n=3)
    with store.connect(db_path) as con:
        before = _tables(con, ["articles"])
        rows = store.read_frame(con, "SELECT * FROM articles")
        with pytest.raises(duckdb.ConstraintException, match="duplicate key article_id"):
            # a write that would leave an article twice (its partition not replaced) rolls back
            store.apply_writes(con, [store.Write("articles", rows.head(1), "false")])
        assert _tables(con, ["articles"]) == before and len(before["articles"]) == len(ids)


def test_the_extractors_input_is_exported_in_bounded_row_groups(tmp_path, db_path):
    """A Parquet reader decodes a whole row group at a time: bounded groups keep the events stage's memory at
    a batch of texts whatever the range. DuckDB's default group is 122,880 rows (~180 MB of articles); asked
    for 500 it wrote groups of its vector size, 2,048 rows; the stage now writes the groups itself."""
    import polars as pl
    import pyarrow.parquet as pq

    from diplowatch.schemas import polars_schema
    from diplowatch.stages.events import chunk_batches, stage_articles

    n = 10_000
    frame = (
        pl.DataFrame({"i": range(n)})
        .select(
            article_id=pl.format("a{}", pl.col("i")),
            source_id=pl.lit(None),
            source_path=pl.lit("raw/a.jsonl"),
            url=pl.lit(None),
            source=pl.lit(None),
            published_at=pl.lit(date(2024, 6, 17)),
            title=pl.lit("t"),
            text=pl.format("Text {} of an article.", pl.col("i")),
            language=pl.lit("en"),
            partition_date=pl.lit(date(2024, 6, 17)),
            date_from_ingest=pl.lit(False),
            ingested_at=pl.lit(NOW),
        )
        .cast(polars_schema("articles"))
    )
    with store.connect(db_path) as con:
        store.apply_writes(con, [store.partition_write("articles", frame, None)])
        chunks = stage_articles(con, None, tmp_path / "staged", chunk_articles=3000, batch_articles=500)
    metadata = pq.ParquetFile(chunks[0].path).metadata
    sizes = [metadata.row_group(k).num_rows for k in range(metadata.num_row_groups)]
    assert sum(sizes) == n and max(sizes) == 500, sizes
    # Chunks cut the file at row-group boundaries: none holds more than asked, unless one group alone does.
    assert sum(c.articles for c in chunks) == n and all(c.articles <= max(3000, max(sizes)) for c in chunks)
    batches = [b for c in chunks for b in chunk_batches(c)]
    assert max(b.height for b in batches) == 500
    assert sorted(a for b in batches for a in b["article_id"]) == sorted(frame["article_id"])
    # Spread over workers: a multiple of their number, of even size, never above the chunk limit.
    for workers, chunk_articles, expected in ((2, 3000, [2500] * 4), (3, 2000, [1668] * 5 + [1660])):
        with store.connect(db_path) as con:
            chunks = stage_articles(
                con, None, tmp_path / f"w{workers}", chunk_articles=chunk_articles, workers=workers
            )
        assert [c.articles for c in chunks] == expected
        batches = [b for c in chunks for b in chunk_batches(c)]
        assert sorted(a for b in batches for a in b["article_id"]) == sorted(frame["article_id"])


def test_a_file_whose_articles_have_a_key_index_is_rebuilt_without_it_keeping_every_row(tmp_path, db_path):
    """Files created before issue 6 have a PRIMARY KEY index on articles (and maybe the event tables), whose
    memory cannot be spilled; connecting rebuilds those tables once, rows unchanged."""
    ids = _loaded_articles(tmp_path, db_path, n=5)
    with store.connect(db_path) as con:
        load_events(con, StubExtractor())
        before = _tables(con, ["articles", *EVENT_TABLES])
        for table in ["articles", *EVENT_TABLES]:  # make it an old file: the same tables with the index
            con.execute(f"CREATE TABLE {table}__old AS SELECT * FROM {table}")
            con.execute(f"DROP TABLE {table}")
            con.execute(store.table_ddl(table, key_index=True))
            con.execute(f"INSERT INTO {table} BY NAME SELECT * FROM {table}__old")
            con.execute(f"DROP TABLE {table}__old")
        con.execute("DROP TABLE schema_fingerprint")  # files of that time had no fingerprint of their schema
    pk = "SELECT table_name FROM duckdb_constraints() WHERE constraint_type = 'PRIMARY KEY'"
    with duckdb.connect(str(db_path)) as con:
        assert {"articles", *EVENT_TABLES} <= {r[0] for r in con.execute(pk).fetchall()}
    with store.connect(db_path) as con:
        assert not {"articles", *EVENT_TABLES} & {r[0] for r in con.execute(pk).fetchall()}
        assert _tables(con, ["articles", *EVENT_TABLES]) == before and len(before["articles"]) == len(ids)
        assert "feed_state" in {r[0] for r in con.execute(pk).fetchall()}  # tables with their index kept
        # and the views over them still work
        con.execute("SELECT count(*) FROM visit_frequency_monthly").fetchall()
