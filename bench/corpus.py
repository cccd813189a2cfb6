"""A reproducible benchmark corpus: about one article in ten about diplomacy, the rest ordinary news.

The sentences are templates written for this benchmark (not copied from any dataset); slots are filled from
small lists with a seeded random generator, so every article is distinct (no dedup collapse) yet the corpus is
the same on every run. Where ../shared/eval/dev.jsonl exists, its real articles can be mixed in as well.
"""

from __future__ import annotations

import json
import random
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path

LEADERS = [
    ("French", "President", "Claire Dumont", "Paris"),
    ("German", "Chancellor", "Jonas Weber", "Berlin"),
    ("Japanese", "Prime Minister", "Haruto Sato", "Tokyo"),
    ("Brazilian", "President", "Ana Ribeiro", "Brasilia"),
    ("Indian", "Foreign Minister", "Ravi Mehta", "New Delhi"),
    ("Kenyan", "President", "Daniel Otieno", "Nairobi"),
    ("Canadian", "Prime Minister", "Emily Tremblay", "Ottawa"),
    ("Turkish", "Foreign Minister", "Emre Kaya", "Ankara"),
    ("Mexican", "President", "Lucia Herrera", "Mexico City"),
    ("Australian", "Foreign Minister", "Sam Hughes", "Canberra"),
    ("Egyptian", "President", "Omar Nasser", "Cairo"),
    ("Indonesian", "President", "Budi Santoso", "Jakarta"),
]
COUNTRIES = [
    "France",
    "Germany",
    "Japan",
    "Brazil",
    "India",
    "Kenya",
    "Canada",
    "Turkey",
    "Mexico",
    "Australia",
    "Egypt",
    "Indonesia",
    "Vietnam",
    "Poland",
    "Nigeria",
    "Chile",
]
CITIES = [
    "Paris",
    "Berlin",
    "Tokyo",
    "Brasilia",
    "New Delhi",
    "Nairobi",
    "Ottawa",
    "Ankara",
    "Mexico City",
    "Canberra",
    "Cairo",
    "Jakarta",
    "Hanoi",
    "Warsaw",
    "Abuja",
    "Santiago",
]
COMPANIES = [
    "Northwind Foods",
    "Bluepeak Energy",
    "Helix Robotics",
    "Orchard Telecom",
    "Silverline Rail",
    "Meridian Bank",
    "Cobalt Motors",
    "Lumen Pharma",
    "Atlas Shipping",
    "Quarry Mining",
]
TEAMS = ["the Harbour Hawks", "Riverside United", "the Mountain Lions", "City Rovers", "the Coastal Sharks"]
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday"]

DIPLOMATIC = [
    "{dem} {office} {name} will visit {country} next week for talks on trade and security, officials said.",
    "{name} arrived in {city} on {weekday} for a two-day official visit, the foreign ministry said.",
    "The {dem} leader is expected to meet his counterpart in {city} to discuss energy cooperation.",
    "{name} concluded a three-day state visit to {country} and returned home on {weekday}.",
    "{country}'s foreign ministry criticised the trip, saying it would not help stability in the region.",
    '"We welcome this visit as a sign of friendship between our peoples," a spokesman for the {dem2} '
    "government said.",
    "The visit was postponed because of the weather, the presidential office announced.",
    "Officials said the two sides would sign agreements on transport, education and agriculture during the "
    "visit.",
    "{name} is due to travel on to {country} after the talks, according to the itinerary released by the "
    "ministry.",
]
ORDINARY = [
    "{company} reported quarterly revenue of {n} million dollars, up {p} percent from a year earlier.",
    "Shares of {company} rose {p} percent in early trading after the results beat analysts' forecasts.",
    "The company said it would open a new plant employing {n} people by the end of next year.",
    "{team} beat {team2} {s1}-{s2} on {weekday} night to move to the top of the league table.",
    "The coach said the squad would tour the coast in the summer to prepare for the new season.",
    "Forecasters expect heavy rain across the region through {weekday}, with temperatures near {t} degrees.",
    "City officials said road repairs on the main bridge would take about {n} days to complete.",
    "The central bank left its benchmark interest rate unchanged at {p} percent, citing stable inflation.",
    "Analysts said demand for electric vehicles continued to grow despite higher prices for batteries.",
    "A new museum exhibition on early photography opened on {weekday} and will run until the spring.",
    "The festival drew about {n} visitors over the weekend, organisers said, despite the cold weather.",
    "Researchers at the university published a study on sleep and memory in a leading journal.",
    "{company} agreed to buy a smaller rival for {n} million dollars in cash, the companies said.",
    "The union said talks with management on wages would resume on {weekday} after a short break.",
    "Local farmers reported a strong harvest this year thanks to mild weather in the spring.",
]


def _fill(template: str, rng: random.Random) -> str:
    dem, office, name, city = rng.choice(LEADERS)
    dem2 = rng.choice(LEADERS)[0]
    team, team2 = rng.sample(TEAMS, 2)
    text = template.format(
        dem=dem,
        office=office,
        name=name,
        dem2=dem2,
        city=rng.choice([c for c in CITIES if c != city]),
        country=rng.choice(COUNTRIES),
        weekday=rng.choice(WEEKDAYS),
        company=rng.choice(COMPANIES),
        team=team,
        team2=team2,
        s1=rng.randint(0, 5),
        s2=rng.randint(0, 5),
        n=rng.randint(20, 900),
        p=rng.randint(1, 30),
        t=rng.randint(-5, 35),
    )
    return text[0].upper() + text[1:]


def synthetic_articles(n: int, seed: int = 2024, diplomatic_share: float = 0.1) -> Iterator[dict]:
    """`n` distinct articles as JSONL-ready dicts, about `diplomatic_share` of them about diplomacy."""
    rng = random.Random(seed)
    start = date(2024, 1, 1)
    for i in range(n):
        diplomatic = rng.random() < diplomatic_share
        sentences = [_fill(rng.choice(ORDINARY), rng) for _ in range(rng.randint(10, 18))]
        if diplomatic:
            for pos, template in enumerate(rng.sample(DIPLOMATIC, rng.randint(3, 5))):
                sentences.insert(min(pos * 2, len(sentences)), _fill(template, rng))
        yield {
            "id": f"bench-{i:07d}",
            "title": f"Bench article {i}",
            "published_at": (start + timedelta(days=i % 365)).isoformat(),
            "source": "diplowatch benchmark (synthetic)",
            "text": " ".join(sentences) + f" (Ref {i}.)",
            "diplomatic": diplomatic,
        }


def dev_articles(shared: Path) -> list[dict]:
    """The real articles of the development set, when ../shared is present."""
    path = shared / "eval" / "dev.jsonl"
    if not path.exists():
        return []
    out = []
    for line in path.read_text(encoding="utf-8").splitlines():
        item = json.loads(line)
        gold = item.get("gold", {})
        out.append(
            {
                "id": item["id"],
                "title": item.get("title"),
                "published_at": item.get("published_at"),
                "source": "dev set",
                "text": item["text"],
                "diplomatic": bool(gold.get("visits") or gold.get("reactions")),
            }
        )
    return out


def build_corpus(n: int, shared: Path | None = None, seed: int = 2024) -> tuple[list[dict], str]:
    """`n` articles and a sentence saying what they are made of (printed with the benchmark's figures)."""
    real = dev_articles(shared) if shared else []
    # Mix the real articles in at about one per 100 synthetic ones, keeping the one-in-ten diplomatic share.
    n_real = min(len(real), n // 100)
    articles = list(synthetic_articles(n - n_real, seed=seed))
    rng = random.Random(seed)
    for item in real[:n_real]:
        articles.insert(rng.randrange(len(articles) + 1), item)
    share = sum(a["diplomatic"] for a in articles) / max(len(articles), 1)
    what = (
        f"{len(articles)} articles: {len(articles) - n_real} synthetic (templates written for the benchmark)"
        + (f" + {n_real} real articles from ../shared/eval/dev.jsonl" if n_real else "")
        + f"; {share:.1%} about diplomacy"
    )
    return articles, what


def write_corpus(articles: list[dict], folder: Path, per_file: int = 1000) -> list[Path]:
    """Write the corpus as JSON Lines files of `per_file` articles each."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(0, len(articles), per_file):
        path = folder / f"corpus-{k // per_file:05d}.jsonl"
        with path.open("w", encoding="utf-8") as fh:
            for a in articles[k : k + per_file]:
                fh.write(
                    json.dumps({key: a[key] for key in ("id", "title", "published_at", "source", "text")})
                    + "\n"
                )
        paths.append(path)
    return paths
