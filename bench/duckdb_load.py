"""DuckDB load rate of the event tables: one transactional partition write (delete + insert + key check) of
visit mentions and reactions shaped like the extractor's, with the schema as it was and as it is."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _event_frames(rows: int):
    """`rows` visit mentions and `rows` reactions shaped like the extractor's (distinct ids and sentences)."""
    from datetime import date

    import polars as pl

    from bench.corpus import dev_articles, synthetic_articles
    from diplowatch.schemas import polars_schema

    # Sentences as varied as the corpus's: the benchmark's own (diplomatic
    # and ordinary) and, where ../shared is present, the dev set's real ones;
    # every row gets a different one (free text is what costs to compress).
    texts = [a["text"] for a in synthetic_articles(3000, seed=11)] + [
        a["text"] for a in dev_articles(ROOT.parent / "shared")
    ]
    pool = [sentence.strip() + "." for text in texts for sentence in text.split(". ")]
    common = {
        "sentence_index": pl.lit(3, pl.Int32),
        "char_start": pl.lit(120, pl.Int32),
        "char_end": pl.lit(260, pl.Int32),
        "confidence": pl.lit(0.8),
        "confidence_reason": pl.lit("bench"),
        "extractor_version": pl.lit("bench"),
        "partition_date": pl.lit(date(2024, 6, 17)),
        "visit_id": pl.lit(None, pl.String),
        "cameo_code": pl.lit("042"),
        "trigger": pl.lit("visit"),
    }
    index = pl.DataFrame({"i": range(rows)})
    article = pl.col("i").floordiv(3).cast(pl.String).str.pad_start(64, "a")
    sentences = pl.Series("s", pool)
    index = index.with_columns(s=sentences.gather(pl.Series(range(rows)) % len(pool)))
    sentence = pl.format("{} ({})", pl.col("s"), pl.col("i"))
    visits = index.select(
        mention_id=pl.col("i").cast(pl.String).str.pad_start(20, "m"),
        article_id=article,
        sentence=sentence,
        visitor_name=pl.lit("Claire Dumont"),
        visitor_code=pl.lit("FRA"),
        host_code=pl.lit("DEU"),
        location=pl.lit("Berlin"),
        start_date=pl.lit(date(2024, 6, 18)),
        end_date=pl.lit(date(2024, 6, 19)),
        date_precision=pl.lit("day"),
        status=pl.lit("planned"),
        visit_type=pl.lit("official"),
        plover_type=pl.lit("CONSULT"),
        plover_mode=pl.lit("visit"),
        **common,
    )
    reactions = index.select(
        reaction_id=pl.col("i").cast(pl.String).str.pad_start(20, "r"),
        article_id=article,
        sentence=sentence,
        reactor_name=pl.lit("the ministry"),
        reactor_code=pl.lit("CHN"),
        stance=pl.lit("negative"),
        quote=pl.lit(None, pl.String),
        target_mention_id=pl.col("i").cast(pl.String).str.pad_start(20, "m"),
        target_code=pl.lit("FRA"),
        plover_type=pl.lit("DISAPPROVE"),
        plover_mode=pl.lit(None, pl.String),
        **common,
    )
    return {
        "visit_mentions": visits.select(list(polars_schema("visit_mentions"))).cast(
            polars_schema("visit_mentions")
        ),
        "reactions": reactions.select(list(polars_schema("reactions"))).cast(polars_schema("reactions")),
    }


#: The DuckDB load variants measured: (name, label, PRIMARY KEY index, zstd on free text, source of the rows).
LOAD_VARIANTS = [
    ("old_schema", "Arrow frame, PRIMARY KEY index, default compression (old)", True, False, "arrow"),
    ("key_checked", "Arrow frame, key checked at write, default compression", False, False, "arrow"),
    ("key_checked_zstd", "Arrow frame, key checked at write, zstd free text (current)", False, True, "arrow"),
    ("pipeline_path", "spilled Parquet batches, key checked, zstd (pipeline path)", False, True, "parquet"),
]


def measure_duckdb_load(rows: int, repeats: int = 3) -> dict:
    """Rows/s of one transactional partition write (delete + insert + key check, ONE transaction) of the event
    tables, `rows` visit mentions and `rows` reactions, with the schema as it was and as it is, from an Arrow
    frame and from spilled Parquet batches of 50k rows (what the streaming stage does). Each variant is run
    `repeats` times on a fresh file; the median is reported with the range (the machine may be shared)."""
    from datetime import date

    import duckdb

    from diplowatch import store

    frames = _event_frames(rows)
    folder = Path(tempfile.mkdtemp())
    spilled = {t: [] for t in frames}
    for table, frame in frames.items():
        for k, chunk in enumerate(frame.iter_slices(50_000)):
            spilled[table].append(str(folder / f"{table}-{k}.parquet"))
            chunk.write_parquet(spilled[table][-1])
    out = {"rows_per_table": rows, "repeats": repeats}
    for name, _label, primary_key, zstd, source in LOAD_VARIANTS:
        runs = []
        for attempt in range(repeats):
            db = folder / f"{name}-{attempt}.duckdb"
            con = duckdb.connect(
                str(db), config={"storage_compatibility_version": store.STORAGE_COMPATIBILITY}
            )
            for table in frames:  # each variant's own schema
                ddl = store.table_ddl(table, key_index=primary_key)
                if not zstd:
                    ddl = ddl.replace(" USING COMPRESSION zstd", "")
                con.execute(ddl)
            # Kept open as created: store.connect would rebuild the old schema's tables without their index.
            try:
                con.execute("SET enable_progress_bar = false")
                if source == "parquet":
                    writes = [store.partition_write(t, None, [date(2024, 6, 17)], spilled[t]) for t in frames]
                else:
                    writes = [store.partition_write(t, f, [date(2024, 6, 17)]) for t, f in frames.items()]
                start = time.perf_counter()
                counts = store.apply_writes(con, writes)
                seconds = time.perf_counter() - start
                indexed = con.execute(
                    "SELECT count(*) FROM duckdb_constraints() WHERE constraint_type = "
                    "'PRIMARY KEY' AND table_name IN ('visit_mentions', 'reactions')"
                ).fetchall()[0][0]
            finally:
                con.close()
            assert counts == {t: rows for t in frames}, counts
            runs.append(seconds)
            file_mb = db.stat().st_size / 1e6
            db.unlink()
        rates = sorted(2 * rows / s for s in runs)
        out[name] = {
            "seconds": sorted(runs)[len(runs) // 2],
            "rows_per_s": rates[len(rates) // 2],
            "rows_per_s_min": rates[0],
            "rows_per_s_max": rates[-1],
            "primary_key_indexes": indexed,
            "file_mb": file_mb,
        }
    return out
