"""Canonical visits: cluster the visit mentions of many articles into one row per real-world visit episode."""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from datetime import date, timedelta

import polars as pl

from diplowatch.schemas import MENTION_AT_A_GLANCE, empty_frame, frame_from_rows

#: Two dated windows of the same pair this many days apart (or less) are the same visit: reports of one visit
#: disagree by a day or two, while two distinct visits of the same pair within a week are rare.
NEAR_DAYS = 7
#: An undated announcement (planned or cancelled) joins the first visit of its pair starting within this many
#: days after the article: announcements rarely come more than a year ahead.
ANNOUNCEMENT_HORIZON_DAYS = 365
#: An undated report of an ongoing or completed visit joins the visit of its pair closest to the article's
#: date within this many days: news of a visit is written while it happens or shortly after.
REPORT_WINDOW_DAYS = 45

PRECISION_RANK = {"day": 0, "month": 1, "year": 2}
#: On the same reporting day, the more advanced status is the later news.
STATUS_RANK = {"planned": 0, "ongoing": 1, "completed": 2, "cancelled": 3}
#: A report of an ongoing or completed visit may be dated a little before the visit (time zones, wire copy).
REPORT_LEAD_DAYS = 2
#: Protocol rank of visit types: the most specific (highest) reported type wins.
VISIT_TYPE_RANK = {"state": 0, "official": 1, "working": 2, "private": 3, "unspecified": 4}
#: Words that describe an office, not a person: "President Putin" and "Vladimir Putin" are the same person.
_TITLE_WORDS = {
    "president",
    "vice",
    "prime",
    "minister",
    "foreign",
    "defence",
    "defense",
    "secretary",
    "general",
    "state",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "crown",
    "emperor",
    "empress",
    "sheikh",
    "emir",
    "sultan",
    "pope",
    "premier",
    "chairman",
    "chair",
    "leader",
    "mr",
    "mrs",
    "ms",
    "dr",
    "sir",
    "dame",
    "his",
    "her",
    "majesty",
    "highness",
    "excellency",
    "the",
    "of",
    "top",
    "diplomat",
    "envoy",
    "special",
    "deputy",
    "first",
    "lady",
    "supreme",
    "commander",
    "head",
    "governor",
    "senator",
    "speaker",
    "minister-president",
}

MENTION_COLUMNS = ["mention_id", "article_id", "sentence_index", *MENTION_AT_A_GLANCE, "partition_date"]


@dataclass(frozen=True)
class ClusteredVisits:
    """The outcome of clustering: the `visits` rows and the visit of every mention and reaction."""

    visits: pl.DataFrame  # table `visits`
    mention_visits: pl.DataFrame  # mention_id, visit_id
    reaction_visits: (
        pl.DataFrame
    )  # reaction_id, visit_id (null when the reaction is about no clustered mention)


def person_tokens(name: str | None) -> frozenset[str]:
    """The words of a person's name without titles, accents or case; empty when the name is unknown."""
    if not name:
        return frozenset()
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().casefold()
    words = re.findall(r"[a-z0-9]+(?:-[a-z0-9]+)*", text)
    return frozenset(w for w in words if w not in _TITLE_WORDS)


def same_person(a: frozenset[str], b: frozenset[str]) -> bool:
    """An unknown person matches anyone; known ones when one name holds the other (Putin, Vladimir Putin)."""
    return not a or not b or a <= b or b <= a


def _period_end(start: date, precision: str) -> date:
    if precision == "year":
        return date(start.year, 12, 31)
    if precision == "month":
        following = date(start.year + start.month // 12, start.month % 12 + 1, 1)
        return following - timedelta(days=1)
    return start


@dataclass
class _Mention:
    mention_id: str
    article_id: str
    sentence_index: int
    visitor_name: str | None
    location: str | None
    start: date | None
    end: date | None
    precision: str | None  # day/month/year; None when undated
    window_start: date | None
    window_end: date | None
    status: str
    visit_type: str
    confidence: float
    reported: date
    person: frozenset[str]

    @property
    def report_key(self) -> tuple:
        """Chronological order of reports, total so that results never depend on input order."""
        return (self.reported, self.article_id, self.sentence_index, self.mention_id)


@dataclass
class _Cluster:
    members: list[_Mention] = field(default_factory=list)
    persons: set[frozenset[str]] = field(default_factory=set)  # distinct known persons, for cheap matching
    precision: str | None = None  # best precision among members
    window_start: date | None = (
        None  # window of the best-precision members only, so coarse reports never widen it
    )
    window_end: date | None = None

    def add(self, m: _Mention) -> None:
        self.members.append(m)
        if m.person:
            self.persons.add(m.person)
        if m.precision is None:
            return
        if self.precision is None or PRECISION_RANK[m.precision] < PRECISION_RANK[self.precision]:
            self.precision, self.window_start, self.window_end = m.precision, m.window_start, m.window_end
        elif m.precision == self.precision:
            self.window_start = min(self.window_start, m.window_start)
            self.window_end = max(self.window_end, m.window_end)

    def accepts_person(self, person: frozenset[str]) -> bool:
        return all(same_person(person, other) for other in self.persons)

    def gap_to(self, start: date, end: date) -> int:
        """Days between this cluster's window and [start, end]; 0 or less when they overlap."""
        return max((start - self.window_end).days, (self.window_start - end).days)

    @property
    def first_key(self) -> tuple:
        return min(m.report_key for m in self.members)


def _mentions_of(frame: pl.DataFrame) -> list[_Mention]:
    prepared = frame.select(MENTION_COLUMNS).with_columns(
        pl.when(pl.col("start_date").is_null())
        .then(None)
        .otherwise(pl.col("date_precision").fill_null("day"))
        .alias("date_precision")
    )
    mentions = []
    for row in prepared.iter_rows(named=True):
        start, precision = row["start_date"], row["date_precision"]
        end = (
            row["end_date"]
            if row["end_date"] is not None and start is not None and row["end_date"] >= start
            else None
        )
        window_end = None
        if start is not None:
            window_end = max(end or start, _period_end(start, precision))
        mentions.append(
            _Mention(
                row["mention_id"],
                row["article_id"],
                row["sentence_index"],
                row["visitor_name"],
                row["location"],
                start,
                end,
                precision,
                start,
                window_end,
                row["status"],
                row["visit_type"],
                row["confidence"] or 0.0,
                row["partition_date"],
                person_tokens(row["visitor_name"]),
            )
        )
    return mentions


def _cluster_pair(mentions: list[_Mention], near_days: int) -> list[_Cluster]:
    """Cluster the mentions of one (visitor, host) pair: precise dates first, then coarse, then undated."""
    clusters: list[_Cluster] = []
    dated = sorted(
        (m for m in mentions if m.precision is not None),
        key=lambda m: (PRECISION_RANK[m.precision], m.window_start, m.window_end, m.report_key),
    )
    for m in dated:
        tolerance = near_days if m.precision == "day" else 0
        candidates = [
            c
            for c in clusters
            if c.precision is not None
            and c.gap_to(m.window_start, m.window_end) <= tolerance
            and c.accepts_person(m.person)
        ]
        if candidates:
            # A coarse report ("in June") overlapping several visits goes to the most reported one.
            best = min(
                candidates,
                key=lambda c: (
                    c.gap_to(m.window_start, m.window_end),
                    -len(c.members),
                    c.window_start,
                    c.first_key,
                ),
            )
            best.add(m)
        else:
            cluster = _Cluster()
            cluster.add(m)
            clusters.append(cluster)

    undated = sorted((m for m in mentions if m.precision is None), key=lambda m: m.report_key)
    for m in undated:
        best = _visit_for_undated(
            m, [c for c in clusters if c.precision is not None and c.accepts_person(m.person)]
        )
        if best is None:
            # No dated visit fits: undated reports of the pair written close together are one (undated) visit.
            for c in clusters:
                if (
                    c.precision is None
                    and c.accepts_person(m.person)
                    and (m.reported - max(x.reported for x in c.members)).days <= REPORT_WINDOW_DAYS
                ):
                    best = c
                    break
        if best is None:
            best = _Cluster()
            clusters.append(best)
        best.add(m)
    return clusters


def _visit_for_undated(m: _Mention, dated: list[_Cluster]) -> _Cluster | None:
    """The dated visit an undated mention is about, from the article's date and the mention's status."""
    if m.status in ("planned", "cancelled"):
        # An announcement (or its cancellation) is about the next visit of the pair; a visit under way on the
        # day of the article counts as "next".
        upcoming = [
            c
            for c in dated
            if c.window_end >= m.reported and (c.window_start - m.reported).days <= ANNOUNCEMENT_HORIZON_DAYS
        ]
        return min(upcoming, key=lambda c: (c.window_start, c.first_key)) if upcoming else None
    # A report of a visit under way or over is about the visit closest to the article's date.
    near = [
        c
        for c in dated
        if c.gap_to(m.reported, m.reported) <= REPORT_WINDOW_DAYS
        and c.window_start <= m.reported + timedelta(days=REPORT_LEAD_DAYS)
    ]
    return min(near, key=lambda c: (c.gap_to(m.reported, m.reported), c.first_key)) if near else None


def _visit_row(visitor_code: str, host_code: str, cluster: _Cluster) -> dict:
    members = sorted(cluster.members, key=lambda m: m.report_key)
    anchor = members[0]
    visit_id = hashlib.sha256(f"visit|{visitor_code}|{host_code}|{anchor.mention_id}".encode()).hexdigest()[
        :20
    ]

    dated = [m for m in members if m.precision == cluster.precision and m.precision is not None]
    start = end = None
    if dated:
        # The latest report at the best precision knows the dates best: announced dates get confirmed or move.
        chosen = max(dated, key=lambda m: (m.report_key[0], m.end is not None, m.confidence, m.report_key))
        start, end = chosen.start, chosen.end
        if end is None:
            ends = [
                m.end
                for m in sorted(dated, key=lambda m: m.report_key, reverse=True)
                if m.end is not None and m.end >= start
            ]
            end = ends[0] if ends else None

    # Latest report wins; a later "planned"/"ongoing" (e.g. a background sentence) never undoes "completed".
    latest = max(members, key=lambda m: (m.reported, STATUS_RANK[m.status]))
    status = latest.status
    if status in ("planned", "ongoing") and any(m.status == "completed" for m in members):
        status = "completed"

    types = Counter(m.visit_type for m in members if m.visit_type != "unspecified")
    visit_type = min(types, key=lambda t: (-types[t], VISIT_TYPE_RANK[t])) if types else "unspecified"

    locations = Counter(m.location for m in members if m.location)
    location = min(locations, key=lambda loc: (-locations[loc], loc)) if locations else None

    names = Counter(m.visitor_name for m in members if m.visitor_name)
    # The fullest name ("Vladimir Putin" over "Putin"), then the most reported.
    visitor_name = min(names, key=lambda n: (-len(person_tokens(n)), -names[n], n)) if names else None

    return {
        "visit_id": visit_id,
        "visitor_code": visitor_code,
        "visitor_name": visitor_name,
        "host_code": host_code,
        "location": location,
        "start_date": start,
        "end_date": end,
        "date_precision": cluster.precision,
        "status": status,
        "visit_type": visit_type,
        "first_reported": members[0].reported,
        "last_reported": max(m.reported for m in members),
        "mention_count": len(members),
        "article_count": len({m.article_id for m in members}),
    }


def cluster_visits(
    mentions: pl.DataFrame, reactions: pl.DataFrame | None = None, near_days: int = NEAR_DAYS
) -> ClusteredVisits:
    """Cluster `visit_mentions` rows into `visits` rows and link every mention (and reaction) to its visit.

    Mentions are the same visit when they share the visitor and host codes, name compatible persons (or no
    person), and have overlapping or near (`near_days`) date windows; coarse dates (month, year) join the
    precise visit they overlap; an undated announcement joins the visit that follows it. The result does not
    depend on the order of the input rows.
    """
    rows: list[dict] = []
    assignment: list[tuple[str, str]] = []
    if mentions.height:
        ordered = mentions.sort("visitor_code", "host_code", "mention_id")
        for (visitor_code, host_code), group in ordered.group_by(
            ["visitor_code", "host_code"], maintain_order=True
        ):
            for cluster in _cluster_pair(_mentions_of(group), near_days):
                row = _visit_row(visitor_code, host_code, cluster)
                rows.append(row)
                assignment += [(m.mention_id, row["visit_id"]) for m in cluster.members]
    visits = (
        frame_from_rows("visits", rows).sort(
            "visitor_code", "host_code", "start_date", "first_reported", "visit_id", nulls_last=True
        )
        if rows
        else empty_frame("visits")
    )
    mention_visits = pl.DataFrame(
        assignment, schema={"mention_id": pl.String, "visit_id": pl.String}, orient="row"
    )
    if reactions is None:
        reactions = empty_frame("reactions")
    reaction_visits = (
        reactions.select("reaction_id", "target_mention_id")
        .join(mention_visits, left_on="target_mention_id", right_on="mention_id", how="left")
        .select("reaction_id", "visit_id")
    )
    return ClusteredVisits(visits, mention_visits.sort("mention_id"), reaction_visits.sort("reaction_id"))
