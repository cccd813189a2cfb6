"""Asset: the configured RSS/Atom feeds fetched into the raw folder as JSON Lines, for the `articles` asset to read."""

from dagster import AssetExecutionContext, MaterializeResult, MetadataValue, asset

from assets.policies import DUCKDB_WRITER_POOL, LOCK_RETRY_POLICY, OWNERS, retry_only_lock_errors
from assets.resources import DiplowatchDuckDB, DiplowatchSettings
from diplowatch import store
from diplowatch.ingest.feeds import feed_writes, fetch_feeds, load_feeds_config, read_feed_state


@asset(
    group_name="ingest",
    kinds={"duckdb"},
    owners=OWNERS,
    description="New entries of the feeds in the feeds config (DIPLOWATCH_FEEDS; none when unset), fetched "
    "incrementally (conditional GET, a per-feed cursor) and written to <raw>/feeds/<feed>/<day>.jsonl, where "
    "the `articles` asset and the file sensor pick them up. Feed state in `feed_state` and "
    "`feed_entries_seen`; a feed that is down is an `ingest_errors` row and is retried next run.",
    pool=DUCKDB_WRITER_POOL,
    retry_policy=LOCK_RETRY_POLICY,
)
def feed_entries(context: AssetExecutionContext, settings: DiplowatchSettings, duckdb: DiplowatchDuckDB) -> MaterializeResult:
    if not settings.feeds_path:
        context.log.info("no feeds configured (DIPLOWATCH_FEEDS is empty)")
        return MaterializeResult(metadata={"feeds": 0, "entries_written": 0, "feeds_config": "(none)"})
    feeds = load_feeds_config(settings.feeds_path)  # a broken config fails the run with a message saying what to fix
    with retry_only_lock_errors(), duckdb.get_connection() as con:
        state, seen = read_feed_state(con)
    run = fetch_feeds(feeds, settings.raw_dir, state, seen)  # no database lock held while fetching
    with retry_only_lock_errors(), duckdb.get_connection() as con:
        store.apply_writes(con, feed_writes(run, state, seen))
    table = ["| feed | status | new entries | error |", "|---|---|---|---|"]
    for outcome in run.outcomes:
        error = (outcome.error.detail if outcome.error else "").replace("|", "\\|")
        table.append(f"| {outcome.feed.name} | {outcome.status} | {len(outcome.lines)} | {error} |")
    for outcome in run.outcomes:
        if outcome.error:
            context.log.warning(f"feed {outcome.feed.name}: {outcome.error.reason}: {outcome.error.detail}")
    return MaterializeResult(metadata={
        **run.counts,
        "feeds_config": MetadataValue.path(settings.feeds_path),
        "feeds_status": MetadataValue.md("\n".join(table)),
    })
