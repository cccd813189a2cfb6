"""Altair charts of visits and reactions, built from the analytics views; PNG rendering through vl-convert."""

from __future__ import annotations

import base64
import math

import altair as alt
import duckdb
import polars as pl
import vl_convert as vlc

from diplowatch import store

STATUS_COLORS = {"planned": "#6baed6", "ongoing": "#fd8d3c", "completed": "#2171b5", "cancelled": "#bdbdbd"}
STANCE_COLORS = {"negative": "#d6604d", "neutral": "#bababa", "positive": "#4393c3"}
#: Long tails make bar charts unreadable: show the top N pairs, reactors and network nodes.
TOP_PAIRS = 15
TOP_REACTORS = 15
NETWORK_NODES = 30
WIDTH = 640


def count_axis(largest: int, ticks: int = 8) -> alt.Axis:
    """An axis of whole numbers from 0 to `largest` (no half visits), with at most about `ticks` ticks."""
    step = max(1, math.ceil(max(largest, 1) / ticks))
    return alt.Axis(values=list(range(0, max(largest, 1) + step, step)), format="d")


def _status_scale() -> alt.Scale:
    return alt.Scale(domain=list(STATUS_COLORS), range=list(STATUS_COLORS.values()))


def visits_per_month_frame(con: duckdb.DuckDBPyConnection) -> pl.DataFrame:
    """month, status, visits: canonical visits per month of their start (or first report when undated)."""
    return store.read_frame(
        con,
        """
        SELECT date_trunc('month', coalesce(start_date, first_reported))::DATE AS month, status,
               count(*)::BIGINT AS visits
        FROM visits WHERE coalesce(start_date, first_reported) IS NOT NULL
        GROUP BY ALL ORDER BY month, status""",
    )


def visits_per_month_chart(frame: pl.DataFrame) -> alt.Chart:
    return (
        alt.Chart(frame, title="Visits per month")
        .mark_bar()
        .encode(
            x=alt.X("yearmonth(month):T", title="month of the visit"),
            y=alt.Y(
                "sum(visits):Q",
                title="visits",
                axis=count_axis(frame.group_by("month").agg(pl.sum("visits"))["visits"].max() or 0),
            ),
            color=alt.Color("status:N", scale=_status_scale(), title="latest status"),
            order=alt.Order("status:N"),
            tooltip=[alt.Tooltip("yearmonth(month):T", title="month"), "status:N", "visits:Q"],
        )
        .properties(width=WIDTH, height=260)
    )


def top_pairs_frame(con: duckdb.DuckDBPyConnection, limit: int = TOP_PAIRS) -> pl.DataFrame:
    """pair, visits, cancelled, first_visit, last_visit of the most visited pairs."""
    return store.read_frame(
        con,
        """
        SELECT pair, visits, cancelled, first_visit, last_visit FROM visit_pairs
        ORDER BY visits DESC, cancelled DESC, pair LIMIT ?""",
        [limit],
    )


def top_pairs_chart(frame: pl.DataFrame) -> alt.Chart:
    long = frame.unpivot(
        index=["pair", "first_visit", "last_visit"],
        on=["visits", "cancelled"],
        variable_name="kind",
        value_name="count",
    )
    order = frame["pair"].to_list()
    return (
        alt.Chart(long, title=f"Top {len(order)} visitor → host pairs")
        .mark_bar()
        .encode(
            y=alt.Y("pair:N", sort=order, title=None),
            x=alt.X(
                "sum(count):Q",
                title="visits",
                axis=count_axis(frame.select(pl.col("visits") + pl.col("cancelled")).to_series().max() or 0),
            ),
            color=alt.Color(
                "kind:N",
                scale=alt.Scale(
                    domain=["visits", "cancelled"],
                    range=[STATUS_COLORS["completed"], STATUS_COLORS["cancelled"]],
                ),
                title=None,
            ),
            tooltip=["pair:N", "kind:N", "count:Q", "first_visit:T", "last_visit:T"],
        )
        .properties(width=WIDTH, height=max(60, 18 * len(order)))
    )


def reactions_frame(con: duckdb.DuckDBPyConnection, limit: int = TOP_REACTORS) -> pl.DataFrame:
    """reactor_code, stance, reactions of the reactors with the most reactions."""
    return store.read_frame(
        con,
        """
        WITH top AS (SELECT reactor_code, sum(reactions) AS total FROM reaction_summary
                     GROUP BY reactor_code ORDER BY total DESC, reactor_code LIMIT ?)
        SELECT s.reactor_code, s.stance, s.reactions::BIGINT AS reactions, top.total::BIGINT AS total
        FROM reaction_summary s JOIN top USING (reactor_code)
        ORDER BY total DESC, reactor_code, stance""",
        [limit],
    )


def reactions_chart(frame: pl.DataFrame) -> alt.Chart:
    order = list(dict.fromkeys(frame["reactor_code"].to_list()))
    return (
        alt.Chart(frame, title="Reactions by reactor and stance")
        .mark_bar()
        .encode(
            y=alt.Y("reactor_code:N", sort=order, title=None),
            x=alt.X("sum(reactions):Q", title="reactions", axis=count_axis(frame["total"].max() or 0)),
            color=alt.Color(
                "stance:N", scale=alt.Scale(domain=list(STANCE_COLORS), range=list(STANCE_COLORS.values()))
            ),
            tooltip=["reactor_code:N", "stance:N", "reactions:Q"],
        )
        .properties(width=WIDTH, height=max(60, 20 * len(order)))
    )


def network_frames(
    con: duckdb.DuckDBPyConnection, max_nodes: int = NETWORK_NODES
) -> tuple[pl.DataFrame, pl.DataFrame]:
    """(nodes, edges) of who visits whom, laid out on a circle; the most connected countries only."""
    pairs = store.read_frame(con, "SELECT visitor_code, host_code, visits FROM visit_pairs WHERE visits > 0")
    return network_layout(pairs, max_nodes)


def network_layout(pairs: pl.DataFrame, max_nodes: int = NETWORK_NODES) -> tuple[pl.DataFrame, pl.DataFrame]:
    """The `max_nodes` busiest countries placed on a circle (deterministic, no physics), with their edges."""
    visits = pl.col("visits").cast(pl.Int64)
    none = pl.lit(0, dtype=pl.Int64)
    degree = (
        pl.concat(
            [
                pairs.select(
                    pl.col("visitor_code").alias("code"), visits.alias("made"), none.alias("received")
                ),
                pairs.select(pl.col("host_code").alias("code"), none.alias("made"), visits.alias("received")),
            ]
        )
        .group_by("code")
        .agg(pl.sum("made"), pl.sum("received"))
    )
    degree = (
        degree.with_columns((pl.col("made") + pl.col("received")).alias("visits"))
        .sort(["visits", "code"], descending=[True, False])
        .head(max_nodes)
        .sort("code")
    )
    n = max(degree.height, 1)
    nodes = (
        degree.with_columns(
            pl.int_range(pl.len()).alias("i"),
        )
        .with_columns(
            (pl.col("i") * 2 * math.pi / n).sin().alias("x"),
            (pl.col("i") * 2 * math.pi / n).cos().alias("y"),
        )
        .drop("i")
    )
    xy = nodes.select("code", "x", "y")
    edges = (
        pairs.join(xy.rename({"code": "visitor_code"}), on="visitor_code")
        .join(xy.rename({"code": "host_code", "x": "x2", "y": "y2"}), on="host_code")
        .with_columns((pl.col("visitor_code") + " → " + pl.col("host_code")).alias("pair"))
        .sort("visits", "pair")
    )
    return nodes, edges


def network_chart(nodes: pl.DataFrame, edges: pl.DataFrame) -> alt.LayerChart:
    layers = [*_edge_layers(edges), *_node_layers(nodes)]
    return (
        alt.layer(*layers, title="Who visits whom (arrowheads point at the host)")
        .properties(width=480, height=480)
        .configure_view(strokeWidth=0)
    )


def _on_circle(x: str, y: str) -> dict:
    """x and y encodings on the network's square, with no axis drawn."""
    axis = alt.Axis(title=None, labels=False, ticks=False, grid=False, domain=False)
    scale = alt.Scale(domain=[-1.25, 1.25])
    return {"x": alt.X(f"{x}:Q", axis=axis, scale=scale), "y": alt.Y(f"{y}:Q", axis=axis, scale=scale)}


def _edge_layers(edges: pl.DataFrame) -> list[alt.Chart]:
    lines = (
        alt.Chart(edges)
        .mark_rule(opacity=0.45, color="#2171b5")
        .encode(
            **_on_circle("x", "y"),
            x2="x2:Q",
            y2="y2:Q",
            strokeWidth=alt.StrokeWidth("visits:Q", scale=alt.Scale(range=[1, 6]), legend=None),
            tooltip=["pair:N", "visits:Q"],
        )
    )
    # An arrowhead near the host end of each edge shows the direction of the visit; the angle turns the
    # upward triangle clockwise towards the host (screen y grows downwards, data y upwards).
    heads = (
        alt.Chart(edges)
        .transform_calculate(
            hx="datum.x + 0.8 * (datum.x2 - datum.x)",
            hy="datum.y + 0.8 * (datum.y2 - datum.y)",
            heading="(atan2(datum.x2 - datum.x, datum.y2 - datum.y) * 180 / PI + 360) % 360",
        )
        .mark_point(shape="triangle-up", filled=True, size=70, color="#2171b5", opacity=0.9)
        .encode(
            **_on_circle("hx", "hy"),
            angle=alt.Angle("heading:Q", scale=None),
            tooltip=["pair:N", "visits:Q"],
        )
    )
    return [lines, heads]


def _node_layers(nodes: pl.DataFrame) -> list[alt.Chart]:
    dots = (
        alt.Chart(nodes)
        .mark_circle(color="#08306b", opacity=0.85)
        .encode(
            **_on_circle("x", "y"),
            size=alt.Size(
                "visits:Q",
                scale=alt.Scale(range=[60, 600], zero=False),
                title="visits made + received",
                legend=alt.Legend(values=_legend_values(nodes["visits"].to_list()), format="d"),
            ),
            tooltip=[
                "code:N",
                alt.Tooltip("made:Q", title="visits made"),
                alt.Tooltip("received:Q", title="visits received"),
            ],
        )
    )
    labels = (
        alt.Chart(nodes)
        .mark_text(dy=-14, fontSize=12, fontWeight="bold")
        .encode(**_on_circle("x", "y"), text="code:N")
    )
    return [dots, labels]


def _legend_values(counts: list[int], most: int = 5) -> list[int]:
    """Up to `most` distinct whole counts from the smallest to the largest (no "2, 2, 3, 3" legends)."""
    distinct = sorted(set(counts))
    if len(distinct) <= most:
        return distinct
    return sorted({distinct[round(i * (len(distinct) - 1) / (most - 1))] for i in range(most)})


def chart_png(chart: alt.TopLevelMixin, scale: float = 1.0) -> bytes:
    """A chart as PNG bytes, rendered by vl-convert (no browser needed)."""
    return vlc.vegalite_to_png(chart.to_dict(), scale=scale)


def png_markdown(png: bytes, alt_text: str) -> str:
    """Markdown showing a PNG inline (base64 data URL): how a plot reaches the Dagster UI."""
    return f"![{alt_text}](data:image/png;base64,{base64.b64encode(png).decode()})"
