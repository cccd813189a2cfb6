"""The HTML report: one self-contained page of charts (Vega libraries inlined, nothing loaded from a CDN)."""

from __future__ import annotations

import html
import json
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, datetime

import altair as alt
import duckdb
import polars as pl
import vl_convert as vlc

from diplowatch import store
from diplowatch.analytics import charts

#: The Vega-Lite version whose runtime is inlined: the one Altair writes its specs for.
VEGA_LITE_VERSION = ".".join(alt.SCHEMA_VERSION.lstrip("v").split(".")[:2])

_STYLE = """
body { font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; margin: 0; color: #1a1a1a;
       background: #f6f7f9; }
header { background: #08306b; color: white; padding: 1.2rem 2rem; }
header h1 { margin: 0 0 .3rem 0; font-size: 1.5rem; }
header p { margin: 0; opacity: .85; font-size: .9rem; }
main { max-width: 1100px; margin: 0 auto; padding: 1rem 2rem 3rem; }
.counts { display: flex; gap: 1rem; flex-wrap: wrap; margin: 1rem 0; }
.count { background: white; border-radius: 8px; padding: .8rem 1.2rem;
         box-shadow: 0 1px 3px rgba(0,0,0,.08); }
.count b { display: block; font-size: 1.6rem; color: #08306b; }
section { background: white; border-radius: 8px; padding: 1rem 1.2rem; margin: 1rem 0;
          box-shadow: 0 1px 3px rgba(0,0,0,.08); overflow-x: auto; }
section h2 { font-size: 1.1rem; margin: 0 0 .3rem 0; }
section p.note { margin: 0 0 .8rem 0; color: #555; font-size: .88rem; }
table { border-collapse: collapse; font-size: .85rem; }
th, td { text-align: left; padding: .25rem .7rem; border-bottom: 1px solid #e5e5e5; }
th { color: #555; font-weight: 600; }
.empty { color: #777; font-style: italic; }
"""

_EMBED = """
const charts = JSON.parse(document.getElementById("chart-specs").textContent);
const rendered = charts.map(({id, spec}) =>
  vegaEmbed("#" + id, spec, {renderer: "svg", actions: false})
    .then(() => { document.getElementById(id).dataset.rendered = "true"; })
    .catch((error) => { console.error("chart " + id + " failed: " + error); throw error; }));
Promise.allSettled(rendered).then((results) => {
  document.body.dataset.chartsRendered = String(results.filter((r) => r.status === "fulfilled").length);
  document.body.dataset.chartsExpected = String(charts.length);
});
"""


@dataclass(frozen=True)
class Chart:
    """One chart of the report: where it goes, what it shows, and its Vega-Lite spec (None when no data)."""

    id: str
    title: str
    note: str
    spec: dict | None


def report_charts(con: duckdb.DuckDBPyConnection) -> list[Chart]:
    """The report's charts, built from the analytics views of the connected database."""
    monthly = charts.visits_per_month_frame(con)
    pairs = charts.top_pairs_frame(con)
    reactions = charts.reactions_frame(con)
    nodes, edges = charts.network_frames(con)
    return [
        Chart(
            "visits-per-month",
            "Visits per month",
            "Canonical visits by the month they start (or were first reported), coloured by latest status.",
            charts.visits_per_month_chart(monthly).to_dict() if monthly.height else None,
        ),
        Chart(
            "top-pairs",
            "Top visitor → host pairs",
            f"Up to {charts.TOP_PAIRS} pairs with the most visits; cancelled visits in grey.",
            charts.top_pairs_chart(pairs).to_dict() if pairs.height else None,
        ),
        Chart(
            "reactions",
            "Reactions by reactor and stance",
            f"Up to {charts.TOP_REACTORS} countries and organisations that reacted most, by stance.",
            charts.reactions_chart(reactions).to_dict() if reactions.height else None,
        ),
        Chart(
            "network",
            "Visit network",
            f"Who visits whom: up to {charts.NETWORK_NODES} of the busiest countries on a circle; thicker "
            "lines, more visits.",
            charts.network_chart(nodes, edges).to_dict() if edges.height else None,
        ),
    ]


def _html_table(frame: pl.DataFrame) -> str:
    if frame.is_empty():
        return '<p class="empty">no rows</p>'
    head = "".join(f"<th>{html.escape(c)}</th>" for c in frame.columns)
    body = "".join(
        "<tr>" + "".join(f"<td>{html.escape('' if v is None else str(v))}</td>" for v in row) + "</tr>"
        for row in frame.iter_rows()
    )
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _script_json(value) -> str:
    """JSON safe inside a <script> element: "</" cannot close the element early."""
    return json.dumps(value, default=str).replace("</", "<\\/")


#: The report's counts: table -> label.
COUNTED = {
    "articles": "articles",
    "visit_mentions": "visit mentions",
    "visits": "visits",
    "reactions": "reactions",
}

_TOP_VISITS_SQL = """
    SELECT visitor_code AS visitor, host_code AS host, visitor_name AS person, location, start_date,
           end_date, status, visit_type, mention_count AS mentions, article_count AS articles,
           coalesce(r.reactions, 0) AS reactions
    FROM visits LEFT JOIN (SELECT visit_id, reactions FROM reactions_per_visit) r USING (visit_id)
    ORDER BY mention_count DESC, article_count DESC, start_date DESC NULLS LAST, visit_id LIMIT 15"""


def build_report(
    con: duckdb.DuckDBPyConnection,
    title: str = "diplowatch report",
    on_step: Callable[[str], None] | None = None,
    now: datetime | None = None,
) -> str:
    """The report page as one HTML string: counts, four charts and the most reported visits."""
    step = on_step or (lambda _name: None)
    step("counting")
    counts = {t: con.execute(f"SELECT count(*) FROM {t}").fetchall()[0][0] for t in COUNTED}
    step("building charts")
    chart_list = report_charts(con)
    top_visits = store.read_frame(con, _TOP_VISITS_SQL)
    step("inlining the Vega libraries")
    bundle = vlc.javascript_bundle(vl_version=VEGA_LITE_VERSION)
    step("writing the page")
    generated = (now or datetime.now(UTC)).strftime("%Y-%m-%d %H:%M UTC")
    boxes = "".join(f'<div class="count"><b>{counts[t]:,}</b>{label}</div>' for t, label in COUNTED.items())
    sections = [_chart_section(chart) for chart in chart_list]
    sections.append(
        '<section><h2>Most reported visits</h2><p class="note">Canonical visits with the most '
        f"mentions.</p>{_html_table(top_visits)}</section>"
    )
    specs = [{"id": c.id, "spec": c.spec} for c in chart_list if c.spec is not None]
    return _PAGE.format(
        title=html.escape(title),
        style=_STYLE,
        generated=generated,
        boxes=boxes,
        sections="".join(sections),
        specs=_script_json(specs),
        bundle=bundle,
        embed=_EMBED,
    )


def _chart_section(chart) -> str:
    if chart.spec is None:
        body = '<p class="empty">no data yet</p>'
    else:
        body = f'<div id="{chart.id}" class="chart"></div>'
    return (
        f'<section><h2>{html.escape(chart.title)}</h2><p class="note">{html.escape(chart.note)}</p>'
        f"{body}</section>"
    )


_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title}</title>
<style>{style}</style>
</head>
<body>
<header><h1>{title}</h1><p>Diplomatic visits and reactions, generated {generated}.</p></header>
<main>
<div class="counts">{boxes}</div>
{sections}
</main>
<script type="application/json" id="chart-specs">{specs}</script>
<script>{bundle}</script>
<script>{embed}</script>
</body>
</html>
"""
