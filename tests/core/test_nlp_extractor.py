"""Behaviour of the extractor pinned on short sentences written for these tests (not from the dev set)."""

from __future__ import annotations

import datetime as dt

import pytest

from diplowatch.nlp import EXTRACTOR_VERSION, Extractor
from diplowatch.nlp.context import firm_nationalities
from diplowatch.nlp.people import PeopleIndex
from tests.fixtures.paths import SHARED

SAMPLE = SHARED / "samples/articles/2024-06-17-putin-north-korea-visit.txt"
MONDAY = dt.date(2021, 3, 1)  # a Monday

VISIT_KEYS = {
    "mention_id",
    "article_id",
    "sentence_index",
    "sentence",
    "char_start",
    "char_end",
    "visitor_name",
    "visitor_code",
    "host_code",
    "location",
    "start_date",
    "end_date",
    "date_precision",
    "status",
    "visit_type",
    "trigger",
    "cameo_code",
    "plover_type",
    "plover_mode",
    "confidence",
    "confidence_reason",
    "extractor_version",
}
REACTION_KEYS = {
    "reaction_id",
    "article_id",
    "sentence_index",
    "sentence",
    "char_start",
    "char_end",
    "reactor_name",
    "reactor_code",
    "stance",
    "quote",
    "target_mention_id",
    "target_code",
    "trigger",
    "cameo_code",
    "plover_type",
    "plover_mode",
    "confidence",
    "confidence_reason",
    "extractor_version",
}


@pytest.fixture(scope="session")
def extractor() -> Extractor:
    return Extractor()


@pytest.fixture(scope="session")
def exhaustive_extractor(extractor) -> Extractor:
    ex = Extractor(exhaustive=True)
    ex._nlp = extractor.nlp  # share the loaded model: one load per session
    return ex


def visits_of(extractor, text, published=MONDAY):
    visits, _ = extractor.extract("t", text, published)
    return visits


def visit_statuses(extractor, text, published=MONDAY):
    """(visitor, host, status) of the text's visits."""
    return {(v["visitor_code"], v["host_code"], v["status"]) for v in visits_of(extractor, text, published)}


def visit_keys(extractor, text, expected, published=dt.date(2012, 6, 22)):
    """(visitor, host, status) of the text's visits, or (visitor, host) when every expected key is a pair."""
    got = visit_statuses(extractor, text, published)
    return {g[:2] for g in got} if expected and all(len(e) == 2 for e in expected) else got


def pairs(visits):
    return {(v["visitor_code"], v["host_code"]) for v in visits}


def test_direction_from_the_parse_not_word_order(extractor):
    visits = visits_of(
        extractor, "Brazil will be visited next week by Japanese Prime Minister Taro Sato, officials said."
    )
    visits += visits_of(extractor, "Japanese Prime Minister Taro Sato will travel to Brazil next week.")
    assert pairs(visits) == {("JPN", "BRA")}


def test_host_verbs_give_the_reverse_direction(extractor):
    visits = visits_of(
        extractor,
        "Kenyan President Daniel Otieno will host Ghanaian President Kofi Mensah in Nairobi on Friday.",
    )
    assert pairs(visits) == {("GHA", "KEN")}
    assert visits[0]["status"] == "planned"
    assert visits[0]["start_date"] == dt.date(2021, 3, 5)
    assert visits[0]["cameo_code"] == "036" and visits[0]["plover_mode"] == "host"


@pytest.mark.parametrize(
    "text",
    [
        "Kenyan President Daniel Otieno plans to host Ghanaian President Kofi Mensah in Nairobi next month.",
        "Kenyan President Daniel Otieno is planning to host Ghanaian President Kofi Mensah at a summit.",
    ],
)
def test_the_host_of_a_planned_visit_is_the_subject_of_the_verb_host_completes(extractor, text):
    visits = visits_of(extractor, text)
    assert {(v["visitor_code"], v["host_code"], v["status"]) for v in visits} == {("GHA", "KEN", "planned")}


@pytest.mark.parametrize(
    "text",
    [
        "At a meeting with Chinese Premier Li Peng in Beijing, Japanese Minister Taro Kono said it was fine.",
        "Japanese Minister Taro Kono said at talks with Chinese Premier Li Peng in Beijing that it was fine.",
    ],
)
def test_a_meeting_is_where_the_one_met_is_placed(extractor, text):
    assert pairs(visits_of(extractor, text)) == {("JPN", "CHN")}


def test_talks_between_two_are_where_the_parser_hangs_the_place_on_the_last_of_them(extractor):
    text = (
        "The moves followed talks between Stoltenberg and U.S. Treasury Secretary James Baker in Frankfurt."
    )
    assert pairs(visits_of(extractor, text, dt.date(1987, 10, 20))) == {("USA", "DEU")}


@pytest.mark.parametrize(
    "text",
    [
        "WASHINGTON, April 8 - West German Finance Minister Gerhard Stoltenberg told a conference here "
        "that the dollar was low.",
        "WASHINGTON, April 8 - In a speech to the Institute of Contemporary German Affairs here, Bundesbank "
        "President Karl Otto Poehl said the dollar was low.",
    ],
)
def test_an_event_spoken_to_here_is_under_the_dateline(exhaustive_extractor, text):
    assert pairs(visits_of(exhaustive_extractor, text, dt.date(1987, 4, 8))) == {("DEU", "USA")}


def test_remarks_in_a_city_place_the_speaker_there(extractor):
    text = (
        "U.S. Treasury Secretary Jack Lew said in remarks in Frankfurt on Friday that growth would pick up."
    )
    assert pairs(visits_of(extractor, text, dt.date(2013, 5, 20))) == {("USA", "DEU")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "ATHENS, April 8 - Greek Industry Undersecretary George Petsos arrived in Bonn on Monday.",
            ("GRC", "DEU"),
        ),
        (
            "ATHENS, April 8 - More details would be given by Greek Industry Undersecretary George Petsos, "
            "who was in Bonn.",
            ("GRC", "DEU"),
        ),
        ("U.S. Treasury Assistant Secretary David Mulford arrived in Bonn on Monday.", ("USA", "DEU")),
    ],
)
def test_a_portfolio_before_a_ranked_title_is_no_business_word(extractor, text, expected):
    """ "Industry Undersecretary", "Treasury Assistant Secretary": a junior minister's portfolio, not a
    company's industry."""
    assert pairs(visits_of(extractor, text, dt.date(1987, 4, 8))) == {expected}


@pytest.mark.parametrize(
    "text",
    [
        "The French president has never visited Chile.",
        "Since 2015, the French president has not visited Chile.",
        "The French president refused to visit Chile.",
        "The French president would visit Chile if the talks succeed.",
    ],
)
def test_negated_visits_are_not_visits(extractor, text):
    assert visits_of(extractor, text) == []


@pytest.mark.parametrize(
    ("text", "status"),
    [
        ("Canadian Foreign Minister Anne Roy arrived in Tokyo on Monday for talks.", "ongoing"),
        ("Canadian Foreign Minister Anne Roy visited Mexico last month.", "completed"),
        ("Canadian Foreign Minister Anne Roy has cancelled a trip to India.", "cancelled"),
        # A delayed trip, or one put off to a stated time, is still to come; postponed with no new time it
        # did not happen as planned.
        ("Canadian Foreign Minister Anne Roy has postponed her trip to India until May.", "planned"),
        ("Canadian Foreign Minister Anne Roy was delaying her visit to India this week.", "planned"),
        ("Canadian Foreign Minister Anne Roy has postponed her trip to India.", "cancelled"),
        ("Canadian Foreign Minister Anne Roy has postponed her trip to India to next week.", "planned"),
        ("Canadian Foreign Minister Anne Roy called off a trip to India.", "cancelled"),
        ("Canadian Foreign Minister Anne Roy is expected to travel to Egypt next month.", "planned"),
        ("Canadian Foreign Minister Anne Roy returned from a visit to Peru.", "completed"),
        # A bare verb coordinated with a future shares its auxiliary.
        (
            "Canadian Foreign Minister Anne Roy will attend a conference in Geneva and then fly to Egypt.",
            "planned",
        ),
        ("Canadian Foreign Minister Anne Roy is to fly to Peru and later visit Chile.", "planned"),
        # What a future will do during a trip is still to come, however far the trip hangs from its verb.
        (
            'A spokesman has said Canada will be looking for "immediate results" and "tangible agreements" '
            "during Canadian Foreign Minister Anne Roy's visit to Peru.",
            "planned",
        ),
        # Told in the past tense from a dateline in the host country, with nothing dating it back: the trip
        # the report is about.
        ("LIMA (Reuters) - Canadian Foreign Minister Anne Roy's visit to Peru sparked protests.", "ongoing"),
        (
            "LIMA (Reuters) - Canadian Foreign Minister Anne Roy's visit to Peru last month drew protests.",
            "completed",
        ),
        (
            "OTTAWA (Reuters) - Canadian Foreign Minister Anne Roy's visit to Peru sparked protests.",
            "completed",
        ),
        # The day of another event told inside the trip's phrase does not date the trip.
        (
            "Canadian Foreign Minister Anne Roy met reporters ahead of her first visit to Peru since "
            "taking office in January.",
            "planned",
        ),
        # a day or the start of the trip: under way, unless the clause puts it ahead or long past
        (
            "Canadian Foreign Minister Anne Roy made the offer at the start of a two-day visit to Peru.",
            "ongoing",
        ),
        (
            "Canadian Foreign Minister Anne Roy will make the offer on the first day of a two-day visit to "
            "Peru next week.",
            "planned",
        ),
        (
            "Canadian Foreign Minister Anne Roy made the offer at the beginning of her visit to Peru last "
            "month.",
            "completed",
        ),
        # "starts" is the trip's own verb, not the start of it: a trip starting later today is still to come
        (
            "Canadian Foreign Minister Anne Roy starts a two-day state visit to Peru later on Monday.",
            "planned",
        ),
    ],
)
def test_status(extractor, text, status):
    visits = visits_of(extractor, text)
    assert visits, text
    assert {v["status"] for v in visits} == {status}


@pytest.mark.parametrize(
    ("text", "statuses"),
    [
        (
            "Canadian Foreign Minister Anne Roy ended a tour of Asia on Sunday, stopping in Thailand and "
            "Laos.",
            {"THA": "completed", "LAO": "completed"},
        ),
        (
            "Canadian Foreign Minister Anne Roy will tour the Gulf next week, stopping in Oman and Kuwait.",
            {"OMN": "planned", "KWT": "planned"},
        ),
        (
            "Canadian Foreign Minister Anne Roy arrived in Hanoi on Monday on a tour that has already taken "
            "her to Ghana and Togo.",
            {"VNM": "ongoing", "GHA": "completed", "TGO": "completed"},
        ),
        (
            "Canadian Foreign Minister Anne Roy arrived in Hanoi on Monday on a tour that will take her to "
            "Laos.",
            {"VNM": "ongoing", "LAO": "planned"},
        ),
        (
            "Canadian Foreign Minister Anne Roy arrived in Cairo on Monday and is due to travel on to "
            "Jordan later this week.",
            {"EGY": "ongoing", "JOR": "planned"},
        ),
        (
            "Canadian Foreign Minister Anne Roy arrived in Peru on Monday after visiting Chile and Bolivia.",
            {"PER": "ongoing", "CHL": "completed", "BOL": "completed"},
        ),
    ],
)
def test_legs_take_the_status_of_their_governing_clause(extractor, text, statuses):
    assert {v["host_code"]: v["status"] for v in visits_of(extractor, text)} == statuses


def test_dates_resolved_against_the_article_date(extractor):
    visits = visits_of(
        extractor, "Italian Prime Minister Marco Neri will pay a two-day visit to Canada on Wednesday."
    )
    (visit,) = visits
    assert visit["start_date"] == dt.date(2021, 3, 3)
    assert visit["end_date"] == dt.date(2021, 3, 4)
    assert visit["date_precision"] == "day"


def test_day_ranges_and_month_precision(extractor):
    (planned,) = visits_of(extractor, "Spanish King Felipe will visit Morocco on 10-12 March.")
    assert (planned["start_date"], planned["end_date"]) == (dt.date(2021, 3, 10), dt.date(2021, 3, 12))
    (past,) = visits_of(extractor, "In January 2020, Spanish King Felipe paid a visit to Morocco.")
    assert (past["date_precision"], past["start_date"], past["status"]) == (
        "month",
        dt.date(2020, 1, 1),
        "completed",
    )


def test_multi_leg_trip_gives_one_visit_per_country(extractor):
    visits = visits_of(extractor, "Indian Prime Minister Ravi Das will visit Thailand and Laos next week.")
    assert pairs(visits) == {("IND", "THA"), ("IND", "LAO")}


def test_city_gives_host_country_and_location(extractor):
    (visit,) = visits_of(extractor, "German Chancellor Eva Roth will fly to Hanoi on Thursday.")
    assert (visit["host_code"], visit["location"]) == ("VNM", "Hanoi")


def test_historical_states_by_article_date(extractor):
    visits = visits_of(
        extractor, "U.S. Secretary of State John Miller arrived in Moscow for talks.", dt.date(1986, 5, 2)
    )
    assert pairs(visits) == {("USA", "SUN")}
    visits = visits_of(
        extractor, "U.S. Secretary of State John Miller arrived in Moscow for talks.", dt.date(2015, 5, 2)
    )
    assert pairs(visits) == {("USA", "RUS")}


def test_domestic_and_business_trips_are_not_visits(extractor):
    assert visits_of(extractor, "French President Paul Marin visited Lyon on Monday.") == []
    assert visits_of(extractor, "A delegation from Acme Corp will visit Brazil next week.") == []
    # private persons of a state are no state visitors: tourists, pilgrims, journalists, fans
    for people in ("tourists", "pilgrims", "journalists", "fans"):
        text = f"SINGAPORE, June 16 - Officials hoped for more visiting Japanese {people} this year."
        assert visits_of(extractor, text, dt.date(1987, 6, 16)) == [], people


def test_output_keys_and_deterministic_ids(extractor):
    text = "Japanese Prime Minister Taro Sato will travel to Brazil next week."
    first = visits_of(extractor, text)
    again = visits_of(extractor, text)
    assert set(first[0]) == VISIT_KEYS
    assert [v["mention_id"] for v in first] == [v["mention_id"] for v in again]
    assert len(first[0]["mention_id"]) >= 16
    assert first[0]["extractor_version"] == EXTRACTOR_VERSION
    assert 0 < first[0]["confidence"] <= 1 and first[0]["confidence_reason"]
    assert text[first[0]["char_start"] : first[0]["char_end"]] == first[0]["sentence"]


def test_reaction_with_stance_quote_and_link(extractor):
    text = (
        "Japanese Prime Minister Taro Sato will visit Taiwan on Friday.\n"
        '"This trip is a dangerous provocation," a spokesman for the Chinese foreign ministry said.\n'
        "The Australian government welcomed the visit."
    )
    visits, reactions = extractor.extract("r", text, MONDAY)
    assert pairs(visits) == {("JPN", "TWN")}
    by_code = {(r["reactor_code"], r["stance"]): r for r in reactions}
    assert ("CHN", "negative") in by_code
    neg = by_code[("CHN", "negative")]
    assert neg["quote"] == "This trip is a dangerous provocation"
    assert neg["target_mention_id"] == visits[0]["mention_id"]
    assert ("AUS", "positive") in by_code
    assert set(neg) == REACTION_KEYS


def test_negated_stance_and_private_speakers(extractor):
    _, reactions = extractor.extract(
        "n",
        'Swiss Foreign Minister Ana Keller said the Iranian proposal was "not helpful".\n'
        "A Tokyo banker criticised the Brazilian moratorium.",
        MONDAY,
    )
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("CHE", "negative")}


def test_embassy_speaks_for_its_country(extractor):
    _, reactions = extractor.extract(
        "e", "The British embassy in Cairo condemned the arrest of the Canadian diplomat.", MONDAY
    )
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("GBR", "negative")}


def test_fast_and_exhaustive_modes_agree(extractor, exhaustive_extractor):
    articles = [
        {
            "article_id": "a",
            "text": "Japanese Prime Minister Taro Sato will travel to Brazil next week. Stocks rose.",
            "published_at": MONDAY,
            "title": None,
        },
        {
            "article_id": "b",
            "text": "The weather was mild. Kenyan President Daniel Otieno received Ghanaian President Kofi "
            "Mensah "
            "in Nairobi on Friday. The Chinese foreign ministry criticised the Kenyan decision.",
            "published_at": MONDAY,
            "title": "t",
        },
        {"article_id": "c", "text": "Nothing happened here.", "published_at": None, "title": None},
    ]
    fast = list(extractor.extract_batch(articles))
    full = list(exhaustive_extractor.extract_batch(articles))
    assert [a for a, _, _ in fast] == ["a", "b", "c"]
    assert fast == full
    # Agreement on nothing would prove nothing: the fast path must have found the events in a and b.
    found = {
        aid: (
            {(v["visitor_code"], v["host_code"]) for v in visits},
            {(r["reactor_code"], r["stance"]) for r in reactions},
        )
        for aid, visits, reactions in fast
    }
    assert (
        found["a"][0] == {("JPN", "BRA")}
        and ("GHA", "KEN") in found["b"][0]
        and ("CHN", "negative") in found["b"][1]
    )
    assert found["c"] == (set(), set())


@pytest.mark.skipif(not SAMPLE.exists(), reason=f"{SAMPLE} is absent (shared sample article)")
def test_sample_article(extractor):
    first, body = SAMPLE.read_text(encoding="utf-8").split("\n", 1)
    visits, reactions = extractor.extract("sample", body, dt.date(2024, 6, 17), first.split(None, 2)[2])
    by_pair = {}
    for v in visits:
        by_pair.setdefault((v["visitor_code"], v["host_code"]), []).append(v)
    assert set(by_pair) == {("RUS", "PRK"), ("RUS", "VNM"), ("PRK", "RUS")}
    prk = by_pair[("RUS", "PRK")]
    assert any(
        v["location"] == "Pyongyang"
        and v["status"] == "planned"
        and v["visit_type"] == "state"
        and (v["start_date"], v["end_date"]) == (dt.date(2024, 6, 18), dt.date(2024, 6, 19))
        for v in prk
    )
    vnm = by_pair[("RUS", "VNM")]
    assert any(
        v["location"] == "Hanoi"
        and v["status"] == "planned"
        and (v["start_date"], v["end_date"]) == (dt.date(2024, 6, 19), dt.date(2024, 6, 20))
        for v in vnm
    )
    kim = by_pair[("PRK", "RUS")]
    assert all(
        v["status"] == "completed"
        and v["date_precision"] == "month"
        and v["start_date"] == dt.date(2023, 9, 1)
        for v in kim
    )
    us = [r for r in reactions if r["reactor_code"] == "USA"]
    assert len(us) == 1 and us[0]["stance"] == "negative"
    assert us[0]["quote"].startswith("No country should give Putin a platform")
    assert us[0]["target_mention_id"] in {v["mention_id"] for v in vnm}
    assert not any("has not visited" in v["sentence"] for v in visits)
    assert {v["visitor_name"] for v in visits if v["visitor_code"] == "RUS"} == {"Vladimir Putin"}
    hanoi = [v for v in vnm if "expected to meet" in v["sentence"]]
    assert hanoi and all(
        v["status"] == "planned"
        and (v["start_date"], v["end_date"]) == (dt.date(2024, 6, 19), dt.date(2024, 6, 20))
        for v in hanoi
    )
    assert us[0]["reactor_name"] and "U.S." in us[0]["reactor_name"]
    assert {r["reactor_name"] for r in reactions if r["reactor_code"] == "RUS"} == {"the Kremlin"}
    # What a careful reader finds: the US embassy's criticism
    # and the Kremlin's neutral announcement, nothing else.
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("USA", "negative"), ("RUS", "neutral")}


def test_according_to_gives_the_speaker(extractor):
    text = (
        "According to the Japanese foreign ministry, the visit by Chinese Premier Li Wei to Tokyo was "
        '"constructive".'
    )
    visits, reactions = extractor.extract("acc", text, MONDAY)
    assert pairs(visits) == {("CHN", "JPN")}
    assert visits[0]["visitor_name"] == "Li Wei"  # a surname that is also a city name is still a name
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("JPN", "positive")}
    assert reactions[0]["target_mention_id"] == visits[0]["mention_id"]


def test_metonym_speaker_and_visit_of(extractor):
    visits, reactions = extractor.extract(
        "kr", "The Kremlin condemned the visit of Polish President Jan Nowak to Kyiv.", MONDAY
    )
    assert pairs(visits) == {("POL", "UKR")}
    assert visits[0]["date_precision"] is None  # "Jan" in a name is not January
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("RUS", "negative")}


def test_visit_type_and_dates_from_the_trip_noun(extractor):
    (visit,) = visits_of(
        extractor,
        "Ethiopian Prime Minister Abiy Tesfaye arrived in Nairobi on Tuesday on a three-day state visit.",
    )
    assert (visit["host_code"], visit["status"], visit["visit_type"]) == ("KEN", "ongoing", "state")
    assert (visit["start_date"], visit["end_date"]) == (dt.date(2021, 2, 23), dt.date(2021, 2, 25))


def test_nationality_nearest_the_title_wins(extractor):
    visits = visits_of(
        extractor, "Vietnam hosted South Korean President Lee Min for talks in Hanoi on Monday."
    )
    assert pairs(visits) == {("KOR", "VNM")}


def test_reactor_name_as_written(extractor):
    text = (
        "Japanese Prime Minister Taro Sato will visit Taiwan on Friday.\n"
        "The Chinese embassy in Canberra said the trip was a dangerous provocation.\n"
        'Interfax quoted the Kremlin as saying the visit was "a serious mistake".'
    )
    _, reactions = extractor.extract("w", text, MONDAY)
    names = {r["reactor_code"]: r["reactor_name"] for r in reactions}
    assert names == {"CHN": "The Chinese embassy in Canberra", "RUS": "the Kremlin"}


def test_later_surname_mentions_carry_the_full_name(extractor):
    # "Merkel" alone is also in the leaders table; the article's own full name wins.
    text = (
        "Merkel to tour Asia\nGerman Chancellor Angela Merkel arrived in Hanoi on Monday for talks.\n"
        "Merkel will fly to Laos on Wednesday, officials said."
    )
    visits = visits_of(extractor, text)
    assert pairs(visits) == {("DEU", "VNM"), ("DEU", "LAO")}
    assert {v["visitor_name"] for v in visits} == {"Angela Merkel"}


def test_title_words_stay_out_of_names(extractor):
    (visit,) = visits_of(
        extractor, "Kenya's Deputy Trade Minister Amina Odhiambo's visit to Uganda ended on Sunday."
    )
    assert (visit["visitor_code"], visit["visitor_name"]) == ("KEN", "Amina Odhiambo")


@pytest.mark.parametrize(
    "text",
    [
        "Chinese Premier Li Wei is expected to meet Kenya's president and other leaders during a three-day "
        "visit to Nairobi "
        "on Wednesday and Thursday.",
        "Chinese Premier Li Wei is expected to hold talks with ministers and business leaders during his "
        "visit to Nairobi.",
    ],
)
def test_what_is_expected_during_a_trip_is_planned(extractor, text):
    visits = visits_of(extractor, text)
    assert pairs(visits) == {("CHN", "KEN")}
    assert {v["status"] for v in visits} == {"planned"}
    if "Wednesday" in text:
        assert (visits[0]["start_date"], visits[0]["end_date"]) == (dt.date(2021, 3, 3), dt.date(2021, 3, 4))


def test_visitor_side_evaluation_of_its_talks_abroad_links_to_the_trip(extractor):
    text = (
        "Canadian Foreign Minister Anne Roy arrived in Tokyo on Monday for talks with Japanese leaders.\n"
        'The Canadian foreign ministry described her talks in Tokyo as "very productive".'
    )
    visits, reactions = extractor.extract("own", text, MONDAY)
    assert pairs(visits) == {("CAN", "JPN")}
    (reaction,) = [r for r in reactions if r["reactor_code"] == "CAN"]
    assert reaction["stance"] == "positive"
    assert reaction["target_mention_id"] in {v["mention_id"] for v in visits}


def codes_stances(extractor, text, published=MONDAY):
    _, reactions = extractor.extract("rx", text, published)
    return {(r["reactor_code"], r["stance"]) for r in reactions}


def test_speech_still_to_come_is_not_a_statement(extractor):
    text = (
        "Chilean Foreign Minister Rosa Vidal is expected to brief Peruvian officials on Chile's support "
        "for the border accord."
    )
    assert codes_stances(extractor, text) == set()


def test_third_party_views_inside_a_quote_are_not_the_speakers(extractor):
    text = '"Investors would welcome an Argentine devaluation," Chilean Finance Minister Rosa Vidal said.'
    assert codes_stances(extractor, text) == set()


def test_support_for_ones_own_side_is_no_reaction(extractor):
    text = (
        "Chilean Finance Minister Rosa Vidal said the tour of Asia won support for Chile's debt plan "
        "from Japan."
    )
    assert ("CHL", "positive") not in codes_stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "German Finance Minister Wolfgang Schaeuble said Greece would get fresh support for its reforms.",
        "German Finance Minister Wolfgang Schaeuble said he would need the necessary support for it within "
        "the IMF.",
    ],
)
def test_support_won_needed_or_given_as_aid_is_not_held(extractor, text):
    assert ("DEU", "positive") not in codes_stances(extractor, text)


def test_support_held_is_a_positive_cue(extractor):
    text = "German Finance Minister Wolfgang Schaeuble reiterated Berlin's support for Spain's reforms."
    assert ("DEU", "positive") in codes_stances(extractor, text)


def test_the_official_is_the_one_last_quoted(extractor):
    text = (
        "NAIROBI, March 1 - Government officials said Kenyan President Daniel Otieno will travel to "
        "Washington next week "
        "for talks with U.S. officials.\nThe official said the trip would deal with trade."
    )
    assert ("USA", "neutral") not in codes_stances(extractor, text)


def test_a_states_own_media_quoting_an_official(extractor):
    text = (
        "WASHINGTON, March 1 - Radio Havana quoted foreign ministry spokesman Luis Ortega as saying "
        '"the United States is a threat to peace in the region."'
    )
    assert ("CUB", "negative") in codes_stances(extractor, text)


def test_bare_officials_speak_for_the_state_of_the_coordinated_clause(extractor):
    text = (
        "Egypt agreed on Monday to release two Israeli fishermen, but officials denied the move was "
        "linked to Israeli threats."
    )
    assert ("EGY", "negative") in codes_stances(extractor, text)


def test_inverted_speaker_at_the_end_of_the_sentence(extractor):
    text = (
        "LIMA, March 1 - Closer cooperation in fishing is expected as a result of Chilean President Rosa "
        "Vidal's visit "
        "to Peru, an official of Peru's Foreign Ministry said."
    )
    assert ("PER", "positive") in codes_stances(extractor, text)


def test_a_good_outcome_credited_to_a_visit_is_positive(extractor):
    text = (
        "LIMA, March 1 - Peru's trade minister said a boost in fish exports would follow Chilean President "
        "Rosa Vidal's visit to Peru next week."
    )
    _, reactions = extractor.extract("rx", text, MONDAY)
    row = next(r for r in reactions if r["reactor_code"] == "PER")
    assert row["stance"] == "positive" and row["target_mention_id"] is not None


def test_announced_future_speech_is_not_a_statement(extractor):
    text = (
        'Chilean President Rosa Vidal said she would tell Peruvian leaders: "We want to keep working on '
        'the fishing accord."'
    )
    assert codes_stances(extractor, text) == set()


def test_judging_ones_own_sides_act_is_no_reaction(extractor):
    text = (
        "Chilean President Rosa Vidal said the duties she imposed on Peruvian fish were a fair "
        "retaliation and not a threat."
    )
    assert ("CHL", "negative") not in codes_stances(extractor, text)
    text = (
        "Chilean President Rosa Vidal said the duties Peru imposed on Chilean fish were an unfair "
        "retaliation."
    )
    assert ("CHL", "negative") in codes_stances(extractor, text)
    # One's own act as the subject, a foreign actor as the topic: still a stance on that actor.
    text = (
        "Chilean President Rosa Vidal said our decision to lend shows our support for Peru's recovery plan."
    )
    assert ("CHL", "positive") in codes_stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "The French automaker blamed Iranian financing problems for its decision to halt sales to Iran.",
        "The German carmaker criticised the U.S. tariffs on European cars.",
        # a plural non-state head by its lemma
        "U.S. business groups criticized China's trade policy.",
    ],
)
def test_companies_named_by_their_trade_are_not_states(extractor, text):
    assert codes_stances(extractor, text) == set()


def test_he_after_an_unknown_named_subject_is_that_person(extractor):
    # Not the leader the article named before: the nearest name subject, whom nothing ties to a state.
    text = (
        "Japanese Prime Minister Taro Sato met investors in Tokyo on Monday.\n"
        "Marco Rossi, who heads the bank's investment division, has presented the plan to the airlines, and "
        "he said he had got a positive response from China."
    )
    assert codes_stances(extractor, text) == set()


def test_parties_are_not_states(extractor):
    # The guidelines' NOT list: parties (and their members) are not the state.
    assert codes_stances(extractor, "Canada's Liberals criticized the Chinese takeover bid.") == set()
    assert codes_stances(extractor, "Canada's government criticized the Chinese takeover bid.") == {
        ("CAN", "negative")
    }


def test_a_warning_to_ones_own_legislature_is_domestic(extractor):
    text = "Chilean President Rosa Vidal warned Congress that a tariff bill would hurt her talks with Peru."
    assert ("CHL", "negative") not in codes_stances(extractor, text)
    text = "Chilean President Rosa Vidal warned Peru that the tariff would hurt the talks."
    assert ("CHL", "negative") in codes_stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Chile, angered by Peru's seizure of two fishing boats, launched a barrage of accusations and "
        "threats.",
        "Chile lodged a formal protest with Peru over the seizure of two fishing boats.",
        "Chile summoned the Peruvian ambassador after the seizure of two fishing boats.",
        "Chile has ruled out talks with Peru on the seized fishing boats.",
    ],
)
def test_positions_reported_as_acts_are_reactions(extractor, text):
    assert ("CHL", "negative") in codes_stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # A lexicon entry (stance_verbs "resist") and the subjects
        # it is coordinated with: each state takes the stance.
        ("The Japanese government resisted the U.S. demand for a stronger yen.", {("JPN", "negative")}),
        (
            "Britain and France have long resisted the Italian proposal.",
            {("GBR", "negative"), ("FRA", "negative")},
        ),
        (
            "China and Russia criticized the U.S. sanctions on Iran.",
            {("CHN", "negative"), ("RUS", "negative")},
        ),
        # A positive word after "failed to" is a negative judgement.
        (
            "Talks with the European Union have failed to make sufficient progress, a German official said.",
            {("DEU", "negative")},
        ),
        # Nationalities coordinated on a plural office: each state.
        (
            "The British and French governments have long resisted the Italian proposal.",
            {("GBR", "negative"), ("FRA", "negative")},
        ),
        # A plural office named by its states: each state takes the stance, whether the states follow "of"
        # or stand in a list set off by dashes after the group's name.
        (
            "Finance ministers of the United States, Canada and Japan called on China to let its currency "
            "rise.",
            {("USA", "negative"), ("CAN", "negative"), ("JPN", "negative")},
        ),
        (
            "Financial leaders of the Group of Seven industrialized countries -- the United States, Canada, "
            "Japan and Italy -- agreed on common terms at their meeting, calling on China to let its "
            "currency rise.",
            {("USA", "negative"), ("CAN", "negative"), ("JPN", "negative"), ("ITA", "negative")},
        ),
        # Plain English stance verbs: countering, exhorting, disputing.
        ("China countered that U.S. policy was to blame for the imbalances.", {("CHN", "negative")}),
        ("Japan disputed the Russian claim to the islands.", {("JPN", "negative")}),
        # A phrasal verb whose particle the parser reads as an adverb.
        (
            "Beijing hit back at Washington on Tuesday, saying U.S. tariffs would hurt both economies.",
            {("CHN", "negative")},
        ),
        # The pronoun subject of what a body said is that body.
        ("Seoul's unification ministry said it regretted Pyongyang's decision.", {("KOR", "negative")}),
        # A ministry "in" a capital is that state's; a response still to come is a stance taken now.
        (
            "The Foreign Ministry in Beijing lodged stern representations with Washington over the sale.",
            {("CHN", "negative")},
        ),
        (
            "Russian Foreign Minister Ivan Petrov said Moscow would respond to any new U.S. sanctions.",
            {("RUS", "negative")},
        ),
        # "firm" before a noun is an adjective, not a company stating its view.
        (
            "China's commerce ministry said it would take firm countermeasures against U.S. tariffs.",
            {("CHN", "negative")},
        ),
        ("Pakistan summoned the Indian deputy high commissioner over the shooting.", {("PAK", "negative")}),
        # After "U.S." the old wire capitalises the next word: "Said" is still the verb.
        ("The U.S. Said it was disappointed by Japan's failure to open its markets.", {("USA", "negative")}),
        # Evaluative phrases of what was said.
        (
            "Russia's foreign ministry said the U.S. decision was a step in the wrong direction.",
            {("RUS", "negative")},
        ),
        # Plain evaluative words and a demand to do more.
        ("Japanese Finance Minister Ken Ito said the Greek reforms were inadequate.", {("JPN", "negative")}),
        (
            "Japanese Finance Minister Ken Ito said he expected Greece to do more to cut its deficit.",
            {("JPN", "negative")},
        ),
        (
            "Japanese Finance Minister Ken Ito said the Greek government had been terrific.",
            {("JPN", "positive")},
        ),
        # A dateline the parser reads as the subject: the speaker is the one hung on it.
        (
            "PARIS  (Reuters) - Japanese Finance Minister Ito Ken-ichi said on Thursday that U.S. pressure "
            "on China was unacceptable.",
            {("JPN", "negative")},
        ),
        # An idiom of verb, object and preposition.
        ("The IMF threw its weight behind the Greek plan to cut the deficit.", {("IMF", "positive")}),
        # A stance word in a relative clause inside what was said is the view of the one the clause is about.
        (
            "Canadian officials said the issue was discussed with senators, including one who urged Canada "
            "to put pressure on Washington.",
            set(),
        ),
        # Confidence in someone is a stance; market confidence is not.
        (
            "Japanese Finance Minister Ken Ito expressed confidence in Greece's reforms.",
            {("JPN", "positive")},
        ),
        ("Japanese Finance Minister Ken Ito said the U.S. plan would restore market confidence.", set()),
        # Verbs of balking and bristling take a stance on what follows "at".
        (
            "Norway and Denmark balked at the changes the Icelandic parliament made to the bill.",
            {("NOR", "negative"), ("DNK", "negative")},
        ),
        (
            "India has bristled at suggestions from Washington that its tariffs hurt trade.",
            {("IND", "negative")},
        ),
    ],
)
def test_stance_verbs_and_coordinated_speakers(extractor, text, expected):
    assert codes_stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # EU bodies speak for the EU: its central bank, and a bare "the Commission" once the EU is named.
        ("A European Central Bank spokesman criticised the Italian budget plan.", {("EU", "negative")}),
        (
            "EU ministers meet on Monday.\nThe Commission has accused Italy of breaking the budget rules.",
            {("EU", "negative")},
        ),
        # The euro zone is the EU's as the Eurogroup is: a stance on its plans has a target.
        (
            "Germany on Saturday rebuffed renewed calls that euro zone countries should issue joint bonds.",
            {("DEU", "negative")},
        ),
        # Without the EU in the article "the Commission" is nobody's.
        ("The Commission has accused Italy of breaking the budget rules.", set()),
    ],
)
def test_eu_bodies_as_speakers(extractor, text, expected):
    assert codes_stances(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Chile did not lodge a protest with Peru over the seizure.",
        "Chile may summon the Peruvian ambassador over the seizure.",
        "Chile has ruled out a devaluation of the peso.",  # no foreign actor to react to
        "Chile issued a warning to its own fishermen about the storm.",
    ],
)
def test_acts_not_done_or_without_a_foreign_target_are_not(extractor, text):
    assert ("CHL", "negative") not in codes_stances(extractor, text)


def test_host_side_on_the_talks_is_a_reaction_to_the_visit(extractor):
    text = (
        "Peruvian President Ana Ruiz arrived in Quito on Monday for talks with Ecuadorean leaders.\n"
        "Ecuador's foreign ministry described the talks as cordial.\n"
        "Ecuador's trade minister said a meeting on fishing rights was planned for next year."
    )
    visits, reactions = extractor.extract("h", text, MONDAY)
    assert pairs(visits) == {("PER", "ECU")}
    assert [(r["reactor_code"], r["stance"], r["target_mention_id"]) for r in reactions] == [
        ("ECU", "positive", visits[0]["mention_id"])
    ]


def test_definite_object_points_back_to_the_previous_sentence(extractor):
    text = (
        "Chile accused Bolivia of violating the border treaty.\n"
        "Bolivia's foreign ministry rejected the accusation on Tuesday.\n"
        "Bolivia's foreign ministry rejected calls for new elections."
    )
    _, reactions = extractor.extract("a", text, MONDAY)
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("CHL", "negative"), ("BOL", "negative")}
    assert sum(r["reactor_code"] == "BOL" for r in reactions) == 1


@pytest.mark.parametrize(
    "text",
    [
        "Danish Crown Prince Erik flew to Kenya on Friday for a private holiday.",
        "The Chilean president travelled to Cuba for medical treatment.",
        "The Chilean president may travel to Cuba if the talks go well.",
    ],
)
def test_private_and_conditional_trips_are_not_visits(extractor, text):
    assert visits_of(extractor, text) == []


def test_reactions_beyond_the_plain_verb(extractor):
    _, wire = extractor.extract(
        "w",
        "LISBON, March 1 - Trade and Industry Minister Rui Costa said today the Spanish tariffs were "
        "regrettable.",
        MONDAY,
    )
    assert {(r["reactor_code"], r["stance"]) for r in wire} == {
        ("PRT", "negative")
    }  # a portfolio, not a business word
    text = (
        '"Britain should stop arming the rebels," the Argentine foreign ministry said.\n'
        "Spanish Prime Minister Luis Vega has postponed a visit to Morocco.\n"
        "A Moroccan government spokesman said the postponement was regrettable."
    )
    visits, reactions = extractor.extract("x", text, MONDAY)
    got = {(r["reactor_code"], r["stance"]) for r in reactions}
    assert {("ARG", "negative"), ("MAR", "negative")} <= got
    moroccan = next(r for r in reactions if r["reactor_code"] == "MAR")
    assert moroccan["target_mention_id"] == visits[0]["mention_id"]


def test_received_visiting_official_and_dateline_misparsed_as_subject(extractor):
    received = visits_of(
        extractor,
        "Indonesian President Joko Rahman received visiting Malaysian Prime Minister Anwar Osman "
        "on Monday for talks on fishing rights.",
    )
    assert pairs(received) == {("MYS", "IDN")}
    wire = visits_of(
        extractor,
        "NEW DELHI, March 1 - Soviet leader Ivan Petrov arrived here today on a two-day official visit.",
        dt.date(1987, 3, 1),
    )
    assert [(v["visitor_code"], v["host_code"], v["status"], v["start_date"]) for v in wire] == [
        ("SUN", "IND", "ongoing", dt.date(1987, 3, 1))
    ]


def test_what_a_condition_names_carries_no_stance(extractor):
    text = (
        "Cuban President Raul Diaz said he would travel to Washington only if the embargo and all "
        "sanctions were lifted."
    )
    visits, reactions = extractor.extract("c", text, MONDAY)
    assert visits == [] and reactions == []


def test_a_trip_named_only_by_a_reaction_takes_the_status_and_dates_told_elsewhere(extractor):
    text = (
        "ATHENS, March 1 - Greece lodged a protest on Monday over a visit to Cyprus by Turkish Foreign "
        "Minister Ali Demir.\n"
        "Demir arrived in Nicosia on Sunday for a three-day visit."
    )
    visits = visits_of(extractor, text)
    assert {
        (v["visitor_code"], v["host_code"], v["status"], v["start_date"], v["end_date"]) for v in visits
    } == {("TUR", "CYP", "ongoing", dt.date(2021, 2, 28), dt.date(2021, 3, 2))}


def test_the_visitor_judging_the_talks_by_another_of_its_names(extractor):
    text = (
        "Vietnamese President Vo Van Minh hosted Brazilian President Jose Lima Souza in Hanoi on Monday.\n"
        "Lima told reporters the talks had been excellent."
    )
    visits, reactions = extractor.extract("l", text, MONDAY)
    assert pairs(visits) == {("BRA", "VNM")}
    assert [(r["reactor_code"], r["stance"], r["target_mention_id"]) for r in reactions] == [
        ("BRA", "positive", visits[0]["mention_id"])
    ]


def test_a_concluded_visit_is_dated_back_from_its_last_day(extractor):
    text = (
        "Indian Foreign Minister Raj Kumar concluded a two-day visit to Nepal on Sunday, his first trip "
        "abroad since taking office."
    )
    (visit,) = visits_of(extractor, text)
    assert (visit["status"], visit["start_date"], visit["end_date"]) == (
        "completed",
        dt.date(2021, 2, 27),
        dt.date(2021, 2, 28),
    )


def test_welcoming_a_person_is_hosting_and_names_lose_their_article(extractor):
    text = (
        "Jordanian King Faisal al-Hassan welcomed Iraqi Prime Minister Adil Kareem to Amman on Monday for "
        "three days of talks.\n"
        "A planned trip by Hassan to Baghdad next month has been called off, Jordanian officials said."
    )
    visits, reactions = extractor.extract("w", text, MONDAY)
    assert {
        (v["visitor_code"], v["host_code"], v["status"], v["start_date"], v["end_date"]) for v in visits
    } == {
        ("IRQ", "JOR", "ongoing", dt.date(2021, 3, 1), dt.date(2021, 3, 3)),
        ("JOR", "IRQ", "cancelled", None, None),
    }
    assert not [r for r in reactions if r["stance"] == "positive"]


def test_later_tour_legs_take_no_date_from_the_first_and_baseless_charges_are_rejections(extractor):
    visits = visits_of(
        extractor,
        "Canadian Foreign Minister Anne Roy met Italian leaders in Rome on Monday at the start of a tour "
        "that will also take her to Spain.",
    )
    assert {v["host_code"]: (v["status"], v["start_date"]) for v in visits}["ESP"] == ("planned", None)
    _, reactions = extractor.extract(
        "b", "A Foreign Ministry spokesman said the Bolivian charge was without foundation.", MONDAY
    )
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == set()  # no speaker's country: nothing
    _, reactions = extractor.extract(
        "b", "A Chilean Foreign Ministry spokesman said the Bolivian charge was without foundation.", MONDAY
    )
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("CHL", "negative")}


def stances(extractor, text, published=MONDAY):
    _, reactions = extractor.extract("s", text, published)
    return {(r["reactor_code"], r["stance"]) for r in reactions}


@pytest.mark.parametrize(
    "text, expected",
    [
        # Evaluative words outside the old cue lists (lexicon evaluative_words).
        (
            'Peruvian Foreign Minister Ana Ruiz said the Chilean ruling was "unjustified and reckless".',
            {("PER", "negative")},
        ),
        (
            "The Mexican foreign ministry said the Canadian offer was a landmark for the region.",
            {("MEX", "positive")},
        ),
        # "described/called/termed X (as) Y": the judgement's
        # words carry the stance, the definite object its target.
        (
            "Poland announced new tariffs on Lithuanian grain on Monday.\n"
            'The Lithuanian foreign ministry described the move as "irresponsible and hostile".',
            {("LTU", "negative")},
        ),
        (
            'Norwegian Prime Minister Erik Dahl called the Swedish proposal "courageous".',
            {("NOR", "positive")},
        ),
        ("Argentine President Luis Vega termed the Chilean decision a betrayal.", {("ARG", "negative")}),
        # the idiom of a remedy judged inadequate
        ("Dutch Premier Jan Smit said the Belgian plan was too little, too late.", {("NLD", "negative")}),
        # A writer's relative clause is not a judgement: only the warning to a foreign actor counts.
        ("The Danish minister criticised what he called a reckless plan.", set()),
    ],
)
def test_evaluative_words_and_judging_verbs(extractor, text, expected):
    assert stances(extractor, text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "North Korean leader Kim Jong Un called Trump reckless.",
        "North Korean leader Kim Jong Un has called Trump a liar.",
    ],
)
def test_a_judged_leader_named_bare(extractor, text):
    # The parser hangs the bare name on the predicate as a compound, or reads both as predicates.
    assert stances(extractor, text, dt.date(2017, 11, 1)) == {("PRK", "negative")}


def test_conditional_readiness_is_hypothetical_and_not_as_planned_is_cancelled(extractor):
    assert (
        visits_of(
            extractor,
            "Cuban President Raul Soto said he was ready to visit Mexico if the embargo was lifted.",
        )
        == []
    )
    assert (
        visits_of(
            extractor, "Kenyan President Daniel Otieno was willing to travel to Ghana if invited, aides said."
        )
        == []
    )
    visits = visits_of(
        extractor,
        "Japanese Prime Minister Taro Sato will not travel to Peru next week as planned, his office said.",
    )
    assert [(v["visitor_code"], v["host_code"], v["status"]) for v in visits] == [("JPN", "PER", "cancelled")]
    visits = visits_of(extractor, "The Chilean president will no longer visit Lima as scheduled.")
    assert [(v["host_code"], v["status"]) for v in visits] == [("PER", "cancelled")]
    assert visits_of(extractor, "Japanese Prime Minister Taro Sato will not travel to Peru next week.") == []


def test_a_third_side_on_the_trip_is_a_neutral_reaction_about_it(extractor):
    text = (
        "Indonesian President Budi Santoso will travel to Australia on Friday for a two-day visit.\n"
        "The Malaysian foreign ministry said it was following the trip closely.\n"
        "A Thai official said the visit was not worrying."
    )
    visits, reactions = extractor.extract("t", text, MONDAY)
    assert pairs(visits) == {("IDN", "AUS")}
    got = {(r["reactor_code"], r["stance"], r["target_mention_id"]) for r in reactions}
    assert ("MYS", "neutral", visits[0]["mention_id"]) in got
    # A denied worry is no negative judgement.
    assert not [r for r in reactions if r["stance"] == "negative"]


def test_a_statement_verb_ends_the_nationality_of_a_title_and_hosting_speaks_of_the_visit(extractor):
    # "Israeli Prime Minister X praised President Y": 'Israeli' does not reach across 'praised' to Y.
    got = stances(
        extractor,
        "Dutch Prime Minister Jan Visser praised President Donald Trump's bold decision.",
        dt.date(2018, 3, 1),
    )
    assert got == {("NLD", "positive")}
    text = (
        "Chilean President Rosa Vidal will visit Peru next month.\n"
        "Peruvian Foreign Minister Ana Ruiz said the country was honoured to host the president."
    )
    visits, reactions = extractor.extract("h", text, MONDAY)
    assert [(r["reactor_code"], r["stance"], r["target_mention_id"]) for r in reactions] == [
        ("PER", "positive", visits[0]["mention_id"])
    ]


def test_how_a_trip_is_billed_is_not_a_judgement_but_calling_it_historic_is(extractor):
    billed = (
        '"Prime Minister Lena Berg will pay a friendly official visit to Ghana on March 9," '
        "the Norwegian foreign ministry said."
    )
    assert ("NOR", "positive") not in codes_stances(extractor, billed)
    judged = (
        "Norwegian Prime Minister Lena Berg arrived in Accra on Monday.\n"
        '"This is a historic visit," Ghana\'s foreign minister told reporters.'
    )
    assert ("GHA", "positive") in codes_stances(extractor, judged)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stance_nouns "call" / "demand": the holders of a
        # position named as a noun, each of a coordinated group.
        (
            "Brazil faces insistent calls from Chile and Peru to lift its new tariffs.",
            {("CHL", "negative"), ("PER", "negative")},
        ),
        (
            "The toll was a demand made by Chile and Peru in their talks with Bolivia.",
            {("CHL", "negative"), ("PER", "negative")},
        ),
        # stance_nouns "opposition" and "backing" held by states named after "from".
        ("The Italian plan was dropped in the face of opposition from Austria.", {("AUT", "negative")}),
        (
            "The Italian plan won backing from the leaders of Austria and Hungary.",
            {("AUT", "positive"), ("HUN", "positive")},
        ),
        # stance_nouns "charge" and "allegation": an accusation by its owner
        ("Kuwait is neutral despite Iranian charges that it is helping Iraq.", {("IRN", "negative")}),
        ("The dispute is over U.S. allegations that Japan closes its chip market.", {("USA", "negative")}),
        # stance_nouns "threat": a threat to act is its owner's stand
        (
            "U.S. President Ron Carter's threat to impose tariffs on Japanese electronics pushed the dollar "
            "lower.",
            {("USA", "negative")},
        ),
    ],
)
def test_positions_held_as_nouns(exhaustive_extractor, text, expected):
    # The rule itself, on every sentence: the pre-filter's article gate wants a strong stance word these lack.
    assert expected <= codes_stances(exhaustive_extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Weak demand from China hurt Chilean copper exports.",  # consumer demand, not a demand on anyone
        "The Peruvian president took a phone call from the Chilean president.",
        "German Chancellor Anna Roth urged the Greek opposition to back the plan.",  # a party, not a position
        "China's threat to Japanese growth has grown, economists said.",  # a danger, no threat to act
    ],
)
def test_nouns_that_hold_no_position(exhaustive_extractor, text):
    assert not {s for c, s in codes_stances(exhaustive_extractor, text) if c in {"CHN", "CHL", "GRC"}}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # The doer of a passive stance verb speaks; its passive subject is what it reacts to.
        ("The Peruvian proposal was rejected by Chile.", {("CHL", "negative")}),
        ("Euro bonds, strongly opposed by Germany, were left out of the French plan.", {("DEU", "negative")}),
    ],
)
def test_passive_doers_are_the_speakers(extractor, text, expected):
    assert codes_stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a perfect with its own subject is active: its "by" phrase names no doer
        (
            "ULAN BATOR, June 5 - U.S. Secretary of State Tom Hale hailed Mongolia as an oasis of "
            "democracy.\nParliamentary elections are to be held this month, and democracy advocates have "
            "criticized a rule change by parliament last month that is expected to hurt smaller parties.",
            {("USA", "positive")},
        ),
        (
            "The U.S. administration has called for an end to Japan's rice quotas by April, but Japanese "
            "officials said they would not open the market.",
            {("USA", "negative")},
        ),
    ],
)
def test_a_by_phrase_of_an_active_perfect_is_no_doer(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # stance_adjectives: a position as a predicate adjective with its preposition.
        ("Chile was critical of the Peruvian fishing policy.", ("CHL", "negative")),
        ("Canada is strongly opposed to the Mexican plan.", ("CAN", "negative")),
        ("Chile is supportive of the Peruvian bid.", ("CHL", "positive")),
    ],
)
def test_positions_as_predicate_adjectives(exhaustive_extractor, text, expected):
    # The pre-filter has no class for stance adjectives: such a sentence is read in the exhaustive mode, or in
    # the fast path when another cue of it lets it through.
    assert expected in codes_stances(exhaustive_extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an unnamed foreign party is a foreign target, for a clear stance
        (
            "BEIJING, May 4 - Chinese Vice Commerce Minister Gao Hucheng called on foreign media not to hype "
            "the problems of a small minority of goods.",
            {("CHN", "negative")},
        ),
        # guards: "foreign" of a thing or of one's own office names no party
        (
            "WASHINGTON, May 4 - A White House report said growing U.S. reliance on foreign oil could have "
            "damaging implications for national security.",
            set(),
        ),
        (
            "WASHINGTON, May 4 - Federal Reserve Board Governor Martha Seger said there were signs of "
            "helpful stability in foreign exchange markets.",
            set(),
        ),
    ],
)
def test_an_unnamed_foreign_party_is_a_target_a_foreign_thing_is_not(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(2008, 5, 4)) == expected


def test_a_strong_stance_without_a_named_object_aims_at_the_foreign_actors_around_it(extractor):
    text = (
        "The United States is seeking support at the United Nations. China and Russia are resisting new "
        "sanctions."
    )
    assert {("CHN", "negative"), ("RUS", "negative")} <= codes_stances(extractor, text)


def test_coordinated_antecedents_of_which_each_take_the_stance(extractor):
    text = "The shift will see China overtake Britain and France, which have long resisted the change."
    assert {("GBR", "negative"), ("FRA", "negative")} <= codes_stances(extractor, text)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        (
            "South Korea called for a summit with China and Japan on the crisis.",
            "KOR",
        ),  # demand_meeting_objects
        (
            "When pressed on the Venezuelan plan, the Colombian foreign minister said talks would go on.",
            "COL",
        ),
        (
            "Italian prosecutors accuse the Indian firm of paying bribes.",
            "ITA",
        ),  # non_state_words "prosecutors"
    ],
)
def test_proposals_questions_and_prosecutors_take_no_negative_stance(exhaustive_extractor, text, code):
    assert (code, "negative") not in codes_stances(exhaustive_extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The finance ministers of Germany, France and Spain met in Rome on Friday.",
            {("DEU", "ITA"), ("FRA", "ITA"), ("ESP", "ITA")},
        ),
        (
            "Ministers from Germany and Spain held talks in Vienna on Monday.",
            {("DEU", "AUT"), ("ESP", "AUT")},
        ),
    ],
)
def test_each_state_of_a_group_at_a_meeting_abroad_visits(extractor, text, expected):
    assert expected <= pairs(visits_of(extractor, text))


def test_an_igo_named_as_a_modifier_gives_no_host(extractor):
    visits = visits_of(
        extractor, "German Chancellor Anna Roth will attend a European Union summit on Thursday."
    )
    assert ("DEU", "BEL") not in pairs(visits)


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # trip_order_cues
        ("Trade talks stalled ahead of the Canadian prime minister's visit to Mexico.", "planned"),
        ("Canadian Foreign Minister Anne Roy began an official visit to Brazil on Monday.", "ongoing"),
        ("The peso fell on the eve of the Canadian prime minister's visit to Mexico.", "planned"),
        # "run-up" is three tokens; the place after a time the parser hangs on the verb is the trip's.
        (
            "The peso fell in the run-up to Canadian Trade Minister Anne Roy's visit later this month to "
            "Mexico.",
            "planned",
        ),
    ],
)
def test_status_from_the_order_of_the_trip(extractor, text, status):
    assert {v["status"] for v in visits_of(extractor, text)} == {status}


def test_a_meetings_day_is_the_visits_day(extractor):
    text = "Canadian Foreign Minister Anne Roy will meet her Mexican counterpart in Mexico City on Wednesday."
    (visit,) = visits_of(extractor, text)
    assert (visit["host_code"], str(visit["start_date"])) == ("MEX", "2021-03-03")


def test_a_voiced_feeling_is_a_stance_act_of_each_coordinated_state(extractor):
    # stance_actions, third group: "voice" + "frustration"
    text = "Japan, the United States and Canada have voiced their frustration with the Italian budget plan."
    assert {("JPN", "negative"), ("USA", "negative"), ("CAN", "negative")} <= codes_stances(extractor, text)


@pytest.mark.parametrize(
    "text",
    [
        "Both France and Germany expressed concern over the Greek referendum.",
        "While a nice idea in principle, the plan is strongly opposed by Germany, France and Finland, which "
        "say Greece must cut its deficit first.",
    ],
)
def test_states_speaking_together_are_not_each_others_targets(exhaustive_extractor, text):
    _, reactions = exhaustive_extractor.extract("s", text, MONDAY)
    assert len(reactions) >= 2
    assert {r["target_code"] for r in reactions} == {"GRC"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a company the article introduced with its nationality is a foreign target
        (
            "ROME (Reuters) - Italian defense group Valcoria said it would answer all questions.\n"
            "The company has been under investigation for months.\n"
            "India's defense ministry has threatened to cancel the helicopter deal unless Valcoria can give "
            "assurances that no bribes were paid.",
            {("IND", "negative", "ITA")},
        ),
        # guard: the speaker's own country's company is no foreign target
        (
            "MUMBAI (Reuters) - Indian defense group Valcoria said it would answer all questions.\n"
            "The company has been under investigation for months.\n"
            "India's defense ministry has threatened to cancel the helicopter deal unless Valcoria can give "
            "assurances that no bribes were paid.",
            set(),
        ),
    ],
)
def test_a_foreign_company_is_a_target(exhaustive_extractor, text, expected):
    _, reactions = exhaustive_extractor.extract("s", text, MONDAY)
    assert {(r["reactor_code"], r["stance"], r["target_code"]) for r in reactions} == expected


def test_firms_are_read_with_the_nationality_they_are_introduced_with():
    text = (
        "U.S. chipmaker Intel and Germany's engineering group Siemens AG signed a deal with French President "
        "Anne Roy watching, while Brazilian planemaker Embraer and the British company Vodafone stayed out."
    )
    assert firm_nationalities(text, None, known=False) == {
        "Intel": "USA",
        "Siemens AG": "DEU",
        "Embraer": "BRA",
        "Vodafone": "GBR",
    }


@pytest.mark.parametrize(
    "text",
    [
        # an executive arm is a government's branch, not a company executive
        "The European Commission, the European Union's executive arm, said the Greek budget plan was "
        "unacceptable.",
        # a portfolio before a commissioner is no business word
        "The EU's industry commissioner said the Greek budget plan was unacceptable.",
    ],
)
def test_eu_bodies_by_their_descriptions_are_state_speakers(exhaustive_extractor, text):
    assert codes_stances(exhaustive_extractor, text) == {("EU", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position held now on what is to come
        (
            "LIMA, April 9 - The World Bank will support Peru's development program, the Ministry of Finance "
            "said.",
            {("WORLDBANK", "positive")},
        ),
        (
            "Venezuela will back Ecuador's bid to raise its OPEC quota, the energy minister said.",
            {("VEN", "positive")},
        ),
        # guards: backing off is no backing; another's hope is no position taken
        ("Analysts doubt Germany will back off its demands on Greece.", set()),
        ("The French farmers' union hopes France will resist pressure from the Spanish government.", set()),
    ],
)
def test_a_position_on_what_is_to_come(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


def test_a_relative_clause_speaks_for_its_antecedent(extractor):
    text = "Britain is one of several countries that strongly opposes the Peruvian tax plan."
    assert ("GBR", "negative") in codes_stances(extractor, text)


WED_2010 = dt.date(2010, 6, 9)  # a Wednesday: the article day of the trips below
FRI, MON = dt.date(2010, 6, 4), dt.date(2010, 6, 14)  # the Friday before it, the Monday after it


@pytest.mark.parametrize(
    ("sentence", "host", "status", "start"),
    [
        # A bare weekday under a past clause is the last one, also for a trip noun; "ahead of" the next one.
        (
            "Chancellor Eva Roth of Germany met Asian leaders at a summit in Hanoi on Friday.",
            "VNM",
            "completed",
            FRI,
        ),
        (
            "German Chancellor Eva Roth has said little since arriving in Hanoi on Friday.",
            "VNM",
            "ongoing",
            FRI,
        ),
        ("German Chancellor Eva Roth will fly to Hanoi next Monday.", "VNM", "planned", MON),
        (
            "The row came ahead of Monday's visit to Hanoi by German Chancellor Eva Roth.",
            "VNM",
            "planned",
            MON,
        ),
        # The simple present of a timetable and the headline infinitive are futures.
        ("German Chancellor Eva Roth to visit Vietnam next week.", "VNM", "planned", None),
        ("German Chancellor Eva Roth arrives in Hanoi on Monday for talks.", "VNM", "planned", MON),
        ("German Chancellor Eva Roth leaves for Vietnam on Monday.", "VNM", "planned", None),
        # A plan word over the trip: "in May" is next May, not last month.
        ("German Chancellor Eva Roth is likely to visit Vietnam in May.", "VNM", "planned", None),
        ("German Chancellor Eva Roth visited Vietnam in May.", "VNM", "completed", None),
        # A day named without its year under a plan word is the next one of that name.
        (
            "German Chancellor Eva Roth is scheduled to visit Hanoi on March 19.",
            "VNM",
            "planned",
            dt.date(2011, 3, 19),
        ),
        ("German Chancellor Eva Roth visited Hanoi on March 19.", "VNM", "completed", dt.date(2010, 3, 19)),
        # Hedged futures reach the parser (the pre-filter's strong visit words).
        ("German Chancellor Eva Roth is expected in Hanoi on Monday.", "VNM", "planned", MON),
        ("German Chancellor Eva Roth is due in Hanoi later this month.", "VNM", "planned", None),
        # A day belongs to the trip word nearest it in words, the one before on a tie.
        ("German Chancellor Eva Roth is due in Hanoi on Monday for a state visit.", "VNM", "planned", MON),
        # A trip being wound up ends on the article day; "at the end of" a visit on a named day ends then; a
        # duration counts back from the end.
        (
            "German Chancellor Eva Roth, winding up a two-day visit to Hanoi, said ties were good.",
            "VNM",
            "ongoing",
            dt.date(2010, 6, 8),
        ),
        (
            "German Chancellor Eva Roth spoke at the end of a two-day visit to Hanoi yesterday.",
            "VNM",
            "completed",
            dt.date(2010, 6, 7),
        ),
        # A trip that ends later is under way.
        ("German Chancellor Eva Roth will end her visit to Vietnam on Monday.", "VNM", "ongoing", None),
        # An ended trip is over even when its days reach the article day.
        (
            "German Chancellor Eva Roth ended a two-day visit to Hanoi today.",
            "VNM",
            "completed",
            dt.date(2010, 6, 8),
        ),
        # "he" after an unnamed official of a named state is that official.
        ("The German trade minister said he would travel to Hanoi next week.", "VNM", "planned", None),
        # A present-tense trip in a time clause under a future is still to come.
        (
            "The plan will be explained to Vietnam this week when German Chancellor Eva Roth visits Hanoi.",
            "VNM",
            "planned",
            None,
        ),
        # Setting off yesterday is a trip under way.
        ("German Chancellor Eva Roth flew to Hanoi on Tuesday for talks on trade.", "VNM", "ongoing", None),
        ("German Chancellor Eva Roth left for Vietnam on Tuesday.", "VNM", "ongoing", None),
        ("Yesterday German Chancellor Eva Roth travelled to Vietnam for talks.", "VNM", "ongoing", None),
        # Said before setting off: on the way; the place left behind is over (guard: not a future clause).
        ("German Chancellor Eva Roth told reporters before leaving for Hanoi.", "VNM", "ongoing", None),
        ("German Chancellor Eva Roth will meet reporters before leaving for Hanoi.", "VNM", "planned", None),
        (
            "German Chancellor Eva Roth repeated her demands before leaving Hanoi yesterday.",
            "VNM",
            "completed",
            None,
        ),
        # "is to" arranges a trip, also one told by a meeting noun.
        ("German Chancellor Eva Roth is to hold two days of meetings in Hanoi.", "VNM", "planned", None),
        # A return still to come: there until then.
        (
            "German Chancellor Eva Roth, who returns from a visit to Vietnam on Friday, faces a vote.",
            "VNM",
            "ongoing",
            None,
        ),
        # A past perfect told in the narrative is over; told in reported speech it is a present perfect put
        # back (guard).
        (
            "German Chancellor Eva Roth had held talks in Hanoi with Vietnam.",
            "VNM",
            "completed",
            None,
        ),
        (
            "German Chancellor Eva Roth said she had made progress in talks in Hanoi with Vietnam.",
            "VNM",
            "ongoing",
            None,
        ),
        # "recently" puts a present perfect trip in the past; a present tense after "before" is still to come
        # (guard: a past tense after it is not).
        ("German Chancellor Eva Roth has recently flown to Vietnam.", "VNM", "completed", None),
        (
            "Prices rose days before German Chancellor Eva Roth meets Vietnamese leaders in Hanoi.",
            "VNM",
            "planned",
            None,
        ),
        ("Prices rose before German Chancellor Eva Roth arrived in Hanoi.", "VNM", "ongoing", None),
        # A year before the article's, hung from the trip, dates it in the past (guard: a year elsewhere).
        (
            "At a 2005 conference in Hanoi, German Chancellor Eva Roth declared her support.",
            "VNM",
            "completed",
            None,
        ),
        ("German Chancellor Eva Roth said in Hanoi that the 2005 accord had worked.", "VNM", "ongoing", None),
        # Speaking to a meeting somewhere is being there; a past day inside what is said does not date the
        # speaker's presence (guard: a day of the speaking clause does).
        (
            "German Chancellor Eva Roth told a meeting of business leaders in Hanoi that trade would grow.",
            "VNM",
            "ongoing",
            None,
        ),
        (
            '"What the central bank announced last Thursday is clear," German Chancellor Eva Roth told '
            "reporters in Hanoi.",
            "VNM",
            "ongoing",
            None,
        ),
        (
            "German Chancellor Eva Roth told a meeting of business leaders in Hanoi last week that trade "
            "would grow.",
            "VNM",
            "completed",
            None,
        ),
        # "not ... until" puts the trip at that time, it does not deny it (guard: a plain negation does).
        (
            "German Chancellor Eva Roth is not expected to arrive in Hanoi until Friday.",
            "VNM",
            "planned",
            dt.date(2010, 6, 11),
        ),
        # A past time word of another clause does not date the trip.
        (
            "German Chancellor Eva Roth, on a visit to Vietnam, repeated her view, expressed earlier by her "
            "spokesman, that the tariff was wrong.",
            "VNM",
            "ongoing",
            None,
        ),
        # A refusing verb above a time link does not refuse the arrival.
        (
            "Saudi Oil Minister Ali Nasser has declined comment since arriving in Vienna late on Friday.",
            "AUT",
            "ongoing",
            FRI,
        ),
    ],
)
def test_the_status_and_day_of_one_trip(extractor, sentence, host, status, start):
    (visit,) = visits_of(extractor, sentence, WED_2010)
    assert (visit["host_code"], visit["status"]) == (host, status)
    if start is not None:
        assert visit["start_date"] == start


def test_a_return_still_to_come_is_one_trip_under_way_with_its_city(extractor):
    # The day of the return is the trip's end, not its start; the city told by the presence is kept when
    # the two mentions of the trip merge.
    text = (
        "Japanese Prime Minister Ken Sato, now in Washington, said he would decide on his return from his "
        "U.S. trip on Friday."
    )
    (visit,) = visits_of(extractor, text, WED_2010)
    assert (visit["host_code"], visit["status"], visit["location"], visit["start_date"]) == (
        "USA",
        "ongoing",
        "Washington",
        None,
    )


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # A cabinet post named "representative" travels; a resident ambassador does not.
        ("U.S. Trade Representative Ann Cole will travel to Hanoi next week.", {("USA", "VNM", "planned")}),
        # A trip noun under a past perfect is over.
        (
            "Spanish Prime Minister Juan Ortiz said the leaders of France and Spain had agreed at a summit "
            "in Rome to act.",
            {("FRA", "ITA", "completed"), ("ESP", "ITA", "completed")},
        ),
        # An IGO head travelling to its seat country visits; its members meeting at the seat do not (below).
        (
            "U.N. Secretary-General Ban Ki-moon will travel to Washington on Monday.",
            {("UN", "USA", "planned")},
        ),
        # The parties of a summit between them: those from elsewhere visit its host.
        (
            "A summit in Ottawa between Canadian Prime Minister Brian Mulroney and U.S. President "
            "Ronald Reagan is planned for April.",
            {("USA", "CAN", "planned")},
        ),
        # Speaking somewhere puts the speaker there: a participle apposed to the speaker, or the place of
        # the audience spoken to.
        (
            "Canadian Finance Minister Jim Roy, speaking in New Delhi, said the verdict was fair.",
            {("CAN", "IND", "ongoing")},
        ),
        (
            "Speaking to bankers in Paris, Belgian Foreign Minister Didier Roy said there was no plan.",
            {("BEL", "FRA", "ongoing")},
        ),
        # A clause opening with "In <place>," sets its scene there ("In January," does not).
        (
            "In Hanoi, Canadian Finance Minister Jim Roy urged Vietnam to open its markets.",
            {("CAN", "VNM", "ongoing")},
        ),
        ("In January, Canadian Finance Minister Jim Roy urged Vietnam to open its markets.", set()),
        # Gathering or convening somewhere is meeting there.
        (
            "Finance ministers from Japan and Germany convened in Washington on Friday.",
            {("JPN", "USA", "completed"), ("DEU", "USA", "completed")},
        ),
    ],
)
def test_who_visits_whom(extractor, sentence, expected):
    assert {
        (v["visitor_code"], v["host_code"], v["status"]) for v in visits_of(extractor, sentence, WED_2010)
    } == (expected)


@pytest.mark.parametrize(
    "sentence",
    [
        "U.S. Ambassador Ann Cole will travel to Hanoi next week.",
        "Saudi Oil Minister Ali Nasser declined to visit Vienna.",
        # "be firm in": a judgement, not a presence; "returns": yields; an IGO meeting at its own seat.
        "French President Jean Morel urged China to be firm in an international stand-off over Iran's "
        "nuclear programme.",
        "U.S. Treasury Secretary John Snow said returns in Britain were falling.",
        "EU leaders meeting in Brussels on Thursday are expected to agree on a growth package.",
    ],
)
def test_what_only_looks_like_a_trip_is_not_a_visit(extractor, sentence):
    assert visits_of(extractor, sentence, WED_2010) == []


@pytest.mark.parametrize(
    ("sentence", "expected"),
    [
        # Several days in a sentence: each leg takes the day named after its own place.
        (
            "German Chancellor Eva Roth will visit Hanoi on June 13 and Bangkok on June 15.",
            {("VNM", dt.date(2010, 6, 13), None), ("THA", dt.date(2010, 6, 15), None)},
        ),
        (
            "German Chancellor Eva Roth will visit Hanoi on June 13, then fly to Bangkok on June 15.",
            {("VNM", dt.date(2010, 6, 13), None), ("THA", dt.date(2010, 6, 15), None)},
        ),
        # One range over a tour pins where it starts and where it ends, not the days of the legs between (the
        # gold's reading of "a 12-day trip to Japan, ..., and the Philippines, ending on Nov. 14").
        (
            "German Chancellor Eva Roth will tour Vietnam, Laos and Thailand from June 13 to 20.",
            {
                ("VNM", dt.date(2010, 6, 13), None),
                ("LAO", None, None),
                ("THA", None, dt.date(2010, 6, 20)),
            },
        ),
        # A day told as the end ("ending on"), with the duration counted back from it.
        (
            "German Chancellor Eva Roth's 12-day trip to Vietnam, Laos and Thailand, ending on June 20, "
            "takes her away from Berlin.",
            {
                ("VNM", dt.date(2010, 6, 9), None),
                ("LAO", None, None),
                ("THA", None, dt.date(2010, 6, 20)),
            },
        ),
    ],
)
def test_the_days_of_the_legs_of_a_tour(extractor, sentence, expected):
    assert {
        (v["host_code"], v["start_date"], v["end_date"]) for v in visits_of(extractor, sentence, WED_2010)
    } == (expected)


def test_one_row_per_trip_of_a_sentence(extractor):
    # The verb and the noun of "held talks" tell one trip: one row, with the day.
    (visit,) = visits_of(
        extractor,
        "Canadian Prime Minister Jim Roy held talks with Indian leaders in New Delhi on Friday.",
        WED_2010,
    )
    assert (visit["host_code"], visit["start_date"]) == ("IND", FRI)
    # Talks held there today: under way, one row.
    text = "Canadian Prime Minister Jim Roy held talks in Hanoi today with Vietnamese officials."
    assert [(v["status"], v["start_date"]) for v in visits_of(extractor, text, WED_2010)] == [
        ("ongoing", WED_2010)
    ]
    # Two trips with their own days stay two rows.
    text = "Canadian Prime Minister Jim Roy visited India on May 3 and visited India again on May 20."
    assert len(visits_of(extractor, text, WED_2010)) == 2


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Whom a tour carries is its traveller, in a relative clause or as the object of the tour's verb.
        (
            "Morocco is the last stop of a tour that has taken U.S. Energy Secretary John Herrington to "
            "Iraq, Kuwait and Egypt.",
            {("USA", "IRQ", "completed"), ("USA", "KWT", "completed"), ("USA", "EGY", "completed")},
        ),
        (
            "The tour took U.S. Energy Secretary John Herrington to Iraq and Qatar.",
            {("USA", "IRQ", "completed"), ("USA", "QAT", "completed")},
        ),
        # The place of a trip's purpose is the trip's.
        (
            "French Finance Minister Jean Roy spoke during a visit to meet British Prime Minister David "
            "Cameron in London.",
            {("FRA", "GBR", "ongoing")},
        ),
        # Speaking to an event in a place is being there.
        (
            '"The problem is political will," Canadian Prime Minister Jean Roy told a joint news conference '
            "with Australian Prime Minister Julia Gillard in Canberra on Friday.",
            {("CAN", "AUS", "ongoing")},
        ),
        # A trip owned by a common noun is that noun's: a family's trips are nobody's visits.
        (
            "Canadian Foreign Minister Anne Roy described her family's trips to Haiti and Belgium.",
            set(),
        ),
        # Who speaks to or assures a visiting delegation is its host; an unknown one is no host at all.
        (
            "Chinese Premier Li Peng assured the visiting Japanese foreign minister that China would open "
            "its markets.",
            {("JPN", "CHN", "ongoing")},
        ),
        (
            "WASHINGTON, June 29 - Tehran Radio quoted Ali Rafsanjani telling a visiting Nicaraguan "
            "delegation that the United States was weak.",
            set(),
        ),
        # A meeting's participant is not any official named before it, unless the meeting is said of him.
        (
            "Europe will need to win the backing of the government of U.S. President Barack Obama and of "
            "China at the London summit in April.",
            set(),
        ),
        (
            "Nevertheless, Polish central bank head Wladyslaw Baka, in talks in Washington last week with "
            "the IMF, made it clear that Poland would pay.",
            {("POL", "USA", "completed")},
        ),
        # The leaders of a list of states are each a traveller, under a dateline too.
        (
            "ROME (Reuters) - Spanish Prime Minister Mariano Rajoy said on Friday that the leaders of "
            "France, Germany and Spain had agreed at a summit in Rome to act.",
            {("FRA", "ITA", "completed"), ("DEU", "ITA", "completed"), ("ESP", "ITA", "completed")},
        ),
    ],
)
def test_travellers_carried_by_a_tour_and_groups_of_leaders(extractor, text, expected):
    assert visit_keys(extractor, text, expected) == expected


@pytest.mark.parametrize(
    "text,expected",
    [
        # A state that sends an envoy visits where the envoy goes; troops, letters and resident
        # ambassadors are not envoys.
        (
            "Russia, the largest oil exporter outside OPEC, is sending its energy minister to the "
            "summit in Algiers.",
            {("RUS", "DZA", "planned")},
        ),
        (
            "The British government has announced plans to send a senior Foreign Office representative "
            "to North Korea. It would be the first visit by a British minister.",
            {("GBR", "PRK", "planned")},
        ),
        # a titled name sent is an envoy too
        (
            "WASHINGTON - President Tom Hale announced he is sending Secretary of State Ann Dale to Moscow "
            "for talks next month.",
            {("USA", "RUS", "planned")},
        ),
        # Whoever holds the plan travels: "announced plans to visit".
        (
            "British Foreign Secretary Jack Straw has announced plans to visit North Korea.",
            {("GBR", "PRK", "planned")},
        ),
        # The parser hangs the agent of a trip on its destination: "a trip to Algiers by X".
        (
            "The takeover stalled despite a trip to Algiers by Russian President Dmitry Medvedev.",
            {("RUS", "DZA")},
        ),
        # An arrival is a trip noun; a visitor met at a venue is in the venue's place.
        (
            "VIENNA (Reuters) - Iranian Oil Minister Ali Nozari told reporters on his arrival in Vienna "
            "that the market was over-supplied.",
            {("IRN", "AUT")},
        ),
        (
            "UN Secretary-General Kofi Annan met visiting Iraqi Prime Minister Iyad Allawi at UN "
            "headquarters in New York.",
            {("IRQ", "USA")},
        ),
        # The place a "where" clause hangs from is where its meeting is.
        (
            "West German Economics Minister Martin Bangemann called from New Zealand, where he is "
            "attending a GATT ministerial meeting.",
            {("DEU", "NZL")},
        ),
        # A place named before "between" does not own the titles after it.
        (
            "The talks prepare a summit in Ottawa next month between President Obama and Prime Minister "
            "Stephen Harper.",
            {("USA", "CAN")},
        ),
        # Nationalities coordinated on a plural office each travel.
        ("The French and German leaders held talks in Rome.", {("FRA", "ITA"), ("DEU", "ITA")}),
        # with its own modifier: "North Korean" is not the bare (South) "Korean"
        ("North Korean and U.S. officials met this week in New York.", {("PRK", "USA")}),
        # A named place, not the seat of the body that meets there.
        (
            "U.S. President Barack Obama will head to Bali on Sunday for the Association of Southeast "
            "Asian Nations (ASEAN) summit.",
            {("USA", "IDN")},
        ),
        (
            "U.S. President Barack Obama will head to Manila on Sunday for the Association of Southeast "
            "Asian Nations (ASEAN) summit.",
            {("USA", "PHL")},
        ),
        # The speaker of a report is not a participant of the meeting the report names.
        (
            "German Chancellor Angela Merkel said the decisions taken at a G7 meeting in Washington this "
            "weekend would help Europe.",
            set(),
        ),
        # A commissioner in a story on the European Union is the Commission's, and no head of it: no visit
        # (guidelines: IGO heads only; the commissioner's statements are the EU's, see
        # test_a_commissioner_speaks_for_the_eu).
        (
            "BRUSSELS (Reuters) - Trade Commissioner Karel De Gucht visited China last week, the European "
            "Union said.",
            set(),
        ),
        # Talks held with an official of the dateline's country are held there, the same day still going on.
        (
            "MOSCOW (Reuters) - British Prime Minister David Cameron held talks with Russian Prime "
            "Minister Dmitry Medvedev today.",
            {("GBR", "RUS")},
        ),
        (
            "MOSCOW (Reuters) - British Prime Minister David Cameron said he and Russian Prime Minister "
            "Dmitry Medvedev had set trade targets during talks earlier today.",
            {("GBR", "RUS", "ongoing")},
        ),
        # Whom a traveller meets in a place is there too; a resident envoy is no traveller.
        (
            "Egyptian Prime Minister Hisham Qandil met IMF chief Christine Lagarde in Davos, Switzerland.",
            {("EGY", "CHE"), ("IMF", "CHE")},
        ),
        (
            "French President Nicolas Sarkozy will hold talks with his Brazilian counterpart Luiz Inacio "
            "Lula da Silva on Wednesday in Paris.",
            {("BRA", "FRA")},
        ),
        ("U.S. President Barack Obama met the Chinese ambassador in Washington.", set()),
        # ... also when the one who meets them is no state official the rules know; at home they visit no one.
        (
            "Fund chairman Peter Aldous at a meeting with Kenya's Finance Minister George Saitoti in London "
            "stressed the need for reform.",
            {("KEN", "GBR")},
        ),
        (
            "Fund chairman Peter Aldous at a meeting with Kenya's Finance Minister George Saitoti in Nairobi "
            "stressed the need for reform.",
            set(),
        ),
        # Whom one travels to a named place to meet is there too; not an IGO's head, who may be at its seat.
        (
            "Russian President Vladimir Putin will travel to Helsinki next month for a summit with U.S. "
            "President Barack Obama.",
            {("RUS", "FIN"), ("USA", "FIN")},
        ),
        (
            "Greek Finance Minister Evangelos Venizelos heads to Washington for meetings with IMF chief "
            "Christine Lagarde.",
            {("GRC", "USA")},
        ),
        # A leader's seat or a summit venue after "met ... at" is where the meeting was.
        ("Jordan's King Abdullah met President Donald Trump at the White House.", {("JOR", "USA")}),
        ("Jordan's King Abdullah met President Donald Trump at Camp David.", {("JOR", "USA")}),
        ("Jordan's King Abdullah met President Donald Trump at the Waldorf.", set()),
        # ... and a foreign official meeting the dateline country's at home is its visitor.
        (
            "BERLIN (Reuters) - German Chancellor Angela Merkel said at a news conference with Spanish "
            "Prime Minister Mariano Rajoy that the talks were on a good path.",
            {("ESP", "DEU")},
        ),
        # Holding a news conference somewhere is being there.
        (
            "German Chancellor Angela Merkel and French President Francois Hollande are to hold a news "
            "conference in Brussels after the summit.",
            {("DEU", "BEL", "planned"), ("FRA", "BEL", "planned")},
        ),
        # Names that hold a place's name but name no place.
        ("EU Trade Commissioner Peter Mandelson said he would press on with the Doha round talks.", set()),
        ("The Nigerian government will hold a Niger Delta peace summit next month.", set()),
        # Meetings missed or skipped: trips that did not happen (GUIDELINES: cancelled).
        (
            "German Finance Minister Wolfgang Schaeuble missed international meetings in Madrid and "
            "Washington last month.",
            {("DEU", "ESP", "cancelled"), ("DEU", "USA", "cancelled")},
        ),
        (
            "President Barack Obama is skipping the September 8-9 leaders' summit in Vladivostok.",
            {("USA", "RUS", "cancelled")},
        ),
        # ... and the place of a meeting on its members: "a summit of EU leaders in Brussels".
        (
            "Portuguese Prime Minister Jose Socrates attended a summit of European Union leaders in "
            "Brussels.",
            {("PRT", "BEL", "completed")},
        ),
    ],
)
def test_senders_plans_agents_and_places_of_members(extractor, text, expected):
    assert visit_keys(extractor, text, expected) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Germany is sending aid to Greece.",
        "Russia is sending its troops to Syria.",
        "The United States is sending two aircraft carriers to the region near North Korea.",
    ],
)
def test_only_a_sent_envoy_makes_the_sender_a_visitor(exhaustive_extractor, text):
    # every sentence parsed, so that the envoy rule, not the pre-filter, is what keeps these out
    assert visit_keys(exhaustive_extractor, text, set()) == set()


def test_talks_with_a_dateline_official_are_not_placed_there_when_the_sentence_names_a_place(extractor):
    text = (
        "PARIS (Reuters) - Italian Prime Minister Romano Prodi will discuss the airline at a summit with "
        "French President Jacques Chirac starting with dinner in Milan."
    )
    assert ("ITA", "FRA") not in visit_keys(extractor, text, {("ITA", "FRA")})


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # wire style names the dateline country's own officials without a nationality
        (
            "WASHINGTON, Oct 19 - Saudi Arabia's Crown Prince Abdullah met for an hour with Vice President "
            "George Bush on Monday.",
            {("SAU", "USA")},
        ),
        # "here" on the copula a trip noun hangs from
        (
            "TOKYO, March 3 - Brazilian Finance Minister Dilson Funaro, who is here on an official visit, "
            "said Brazil would not pay.",
            {("BRA", "JPN")},
        ),
    ],
)
def test_dateline_officials_without_nationality_and_here_on_the_copula(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(1987, 10, 19)) == expected


def test_a_named_title_with_the_is_the_last_person_with_that_title(exhaustive_extractor):
    text = (
        "WASHINGTON, Oct 19 - Saudi Arabia's Crown Prince Abdullah said the attack was justified.\n"
        "Asked about the attack, the Crown Prince, who is here on an official visit, declined to comment."
    )
    # the Crown Prince is the Saudi named before, not an official of the dateline country
    expected = {("SAU", "USA")}
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 10, 19)) == expected


@pytest.mark.parametrize(
    ("speaker", "expected"),
    [
        ("ECB board member Lorenzo Bini Smaghi", {("EU", "negative")}),  # the board of an IGO
        ("Siemens board member Klaus Weber", set()),  # a company's board
    ],
)
def test_the_board_of_an_igo_is_no_company_board(extractor, speaker, expected):
    text = f"{speaker} warned Greece against a default on its debt."
    assert codes_stances(extractor, text, published=dt.date(2011, 6, 1)) == expected


def test_a_capitals_older_english_spelling_is_read_in_running_text(extractor):
    text = "German Finance Minister Wolfgang Schaeuble will travel to Berne on Thursday to sign the accord."
    assert visit_keys(extractor, text, {("DEU", "CHE")}) == {("DEU", "CHE")}


def test_a_town_named_by_its_country_is_a_place_the_sentence_names(extractor):
    # the gazetteer does not know Lucca, but "the Italian town of" names a place: the talks are not in Paris
    text = (
        "PARIS (Reuters) - Italian Prime Minister Romano Prodi will discuss the airline at a summit with "
        "French President Jacques Chirac starting with dinner in the Italian town of Lucca."
    )
    assert ("ITA", "FRA") not in visit_keys(extractor, text, {("ITA", "FRA")})
    # without the town, the talks with the dateline country's president are held there
    text = text.split(" starting")[0] + " on Thursday."
    assert ("ITA", "FRA") in visit_keys(extractor, text, {("ITA", "FRA")})


def test_meeting_a_dateline_business_leader_is_no_visit(extractor):
    # a titled person whose country the dateline gives is its official only when the title is a state's
    text = "WASHINGTON, Oct 19 - Saudi Arabia's Crown Prince Abdullah met with company chairman Rex Lee."
    assert visit_keys(extractor, text, {("SAU", "USA")}, published=dt.date(1987, 10, 19)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the dateline's own official meets a foreign one there: the nationality of the one met is no place
        (
            "BEIJING, March 3 - Chinese Premier Wen Jiabao said in his meeting with Pakistani Prime Minister "
            "Shaukat Aziz on Wednesday that ties were good.",
            {("PAK", "CHN")},
        ),
        # the dateline's official known only from the dateline (wire style) holds the meeting there too
        (
            "WASHINGTON, March 3 - Treasury Secretary James Baker said at a meeting with Sri Lankan Finance "
            "Minister Ronnie de Mel on Tuesday that reform was needed.",
            {("LKA", "USA")},
        ),
    ],
)
def test_a_dateline_officials_meeting_is_held_at_the_dateline(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(2004, 3, 3)) == expected


def test_the_nationality_of_the_one_met_is_the_place_when_the_traveller_is_foreign(extractor):
    # guard: away from the traveller's own dateline, meeting a named foreign official puts him in that country
    text = (
        "MOSCOW, April 13 - U.S. Secretary of State George Shultz flew in from Helsinki and drove straight "
        "to a meeting with Soviet Foreign Minister Eduard Shevardnadze."
    )
    assert ("USA", "SUN") in visit_keys(extractor, text, {("USA", "SUN")}, published=dt.date(1987, 4, 13))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sri Lanka's finance minister asked the World Bank to give Sri Lanka more support.", set()),
        ("Greece asked to tap a rescue package from the European Union and the IMF.", set()),
        ("Ireland asked the European Commission for financial help on Sunday.", set()),
        # a request that the other side change what it does is a demand
        ("Germany asked Spain to provide more details on its budget.", {("DEU", "negative")}),
    ],
)
def test_asking_for_help_takes_no_stance_against_the_one_asked(extractor, text, expected):
    assert codes_stances(extractor, text, published=dt.date(2011, 6, 1)) == expected


def test_a_stance_between_two_states_people_named_by_surname_is_parsed(extractor):
    # no state is named in the sentence: only the people index knows whose officials Trump and Duterte are
    text = (
        "MANILA (Reuters) - Philippine President Rodrigo Duterte met U.S. President Donald Trump on Monday.\n"
        "In May, Trump praised Duterte for doing an unbelievable job on the drug problem."
    )
    assert ("USA", "positive") in codes_stances(extractor, text, published=dt.date(2017, 11, 14))


def test_a_countrys_name_on_the_one_met_does_not_place_the_meeting(extractor):
    # "U.S." only tells whose president Trump is: the meeting is at the dateline
    text = "MANILA, May 3 - Philippine President Rodrigo Duterte met U.S. President Donald Trump on Monday."
    assert visit_keys(extractor, text, {("USA", "PHL")}, published=dt.date(2017, 5, 3)) == {("USA", "PHL")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("German Finance Minister Wolfgang Schaeuble said rising demand from China would help.", set()),
        ("German Finance Minister Wolfgang Schaeuble said there would be demand for Greek bonds.", set()),
        # the noun of a position, but the market's by its adjective ("falling demand from the U.S.")
        ("Taiwanese breakers expect falling demand from the U.S. and Japan for Taiwanese steel.", set()),
        # guards: the verb is a demand; a demand made by a state
        (
            "Sudan has rejected a demand by the International Monetary Fund for a devaluation.",
            {("IMF", "negative"), ("SDN", "negative")},
        ),
        ('"We demand that Greece cut its spending," German Finance Minister Wolfgang Schaeuble said.', None),
    ],
)
def test_the_markets_demand_is_no_political_demand(extractor, text, expected):
    got = codes_stances(extractor, text, published=dt.date(2011, 6, 1))
    assert got == expected if expected is not None else ("DEU", "negative") in got


_AS_FAR_AS = (
    '"As far as the budget is concerned, every day is a test," Greek Finance Minister X said of the EU.'
)
_WORRIED = (
    "Myanmar's Vice President Henry Van Thio said the government was deeply concerned by Bangladesh's move."
)


@pytest.mark.parametrize(("text", "expected"), [(_AS_FAR_AS, set()), (_WORRIED, None)])  # _WORRIED: guard
def test_concerned_as_regarding_is_no_worry(extractor, text, expected):
    got = codes_stances(extractor, text, published=dt.date(2017, 9, 20))
    assert got == expected if expected is not None else ("MMR", "negative") in got


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's people counted are its public, not its state
        ("Many Germans opposed the aid to Greece.", set()),
        ("62 percent of Americans oppose the deal with Iran, a poll showed.", set()),
        ("More than 35,000 Germans filed complaints against the ECB's plan.", set()),
        # ... and so are they bare, with no determiner
        ("In the streets of Bonn, Germans criticized the aid to Greece.", set()),
        ("Athens cut wages despite fierce opposition from Greeks to the Italian plan.", set()),
        # guard: a people asked to act stands for its state asked
        ("EC finance ministers want Greeks to pay for the aid.", {("EC", "negative")}),
        # a company named by its country and its trade
        ("France's biggest store chain criticized the Dutch retailer Ahold.", set()),
        ("Germany's biggest lender criticized the Greek government.", set()),
        ("Taiwan's top phone vendor criticized the German plan.", set()),
        ("China's biggest miner criticized the Australian plan.", set()),
        (
            "The Hong Kong stock exchange turned down requests from British club Manchester United.",
            set(),
        ),
        # a country's media are no state either
        ("German media attacked the French plan.", set()),
        # a study or a poll reports findings, not a state's position
        ("A study of U.S. consumers by J.D. Power criticized the Japanese carmaker Toyota.", set()),
        ("A poll of Americans criticized China.", set()),
        # guard: wire style's "the Soviets" may be the Soviet government
        ("The Soviets rejected the American proposal.", {("SUN", "negative")}),
    ],
)
def test_a_countrys_public_and_companies_are_no_state_reactors(extractor, text, expected):
    assert codes_stances(extractor, text, published=dt.date(1987, 5, 3)) == expected


def test_welcoming_a_things_comments_is_no_hosting(extractor):
    text = (
        "PARIS, May 3 - Italian Prime Minister Romano Prodi said Alitalia needed a partner.\n"
        "Some French aviation officials welcomed Prodi's comments as they eased their fears of a merger."
    )
    assert ("ITA", "FRA") not in visit_keys(extractor, text, {("ITA", "FRA")})
    # guard: welcoming a person is hosting
    text = "PARIS, May 3 - French President Jacques Chirac welcomed Italian Prime Minister Romano Prodi."
    assert ("ITA", "FRA") in visit_keys(extractor, text, {("ITA", "FRA")})


def test_no_break_spaces_are_read_as_spaces_and_quotes_kept_as_written(extractor):
    text = "SEOUL (Reuters) - Russian President Vladimir\xa0Putin will visit\xa0North\xa0Korea on Tuesday."
    assert visit_keys(extractor, text, {("RUS", "PRK")}, published=dt.date(2017, 3, 20)) == {("RUS", "PRK")}
    text = 'BEIJING (Reuters) - China criticized Japan, saying the visit was "deeply\xa0wrong".'
    _, reactions = extractor.extract("nbsp", text, dt.date(2017, 3, 20))
    assert [r["quote"] for r in reactions if r["reactor_code"] == "CHN"] == ["deeply\xa0wrong"]


def test_a_pronoun_after_a_named_subject_is_that_subject(extractor):
    # guard: "he" is Wen (a leader, known by the leaders table), named by his surname as the sentence's
    # subject, not the minister named last before it
    text = (
        "ATHENS, Oct 2 (Reuters) - China offered on Saturday to buy Greek government bonds.\n"
        "Premier Wen Jiabao made the offer at the start of a two-day visit to Greece.\n"
        "An official close to Investment Minister Harris Pamboukis said the memorandum set no targets.\n"
        "Wen will address the Greek parliament on Sunday and leave for Brussels, where he will attend an "
        "EU-China summit before going on to Germany, Italy and Turkey."
    )
    got = visit_keys(extractor, text, {("CHN", "DEU")}, published=dt.date(2010, 10, 2))
    assert {("CHN", "DEU"), ("CHN", "ITA"), ("CHN", "TUR")} <= got
    assert not {k for k in got if k[0] == "GRC"}


def test_he_is_no_institution_named_before(extractor):
    # the only earlier "person" is the Greek parliament: "he" is someone the article does not name
    text = (
        "Wen will address the Greek parliament on Sunday and then leave for Brussels, where he will attend a "
        "summit before going on to Germany and Italy."
    )
    assert not [
        k for k in visit_keys(extractor, text, set(), published=dt.date(2010, 10, 2)) if k[0] == "GRC"
    ]


def test_heading_an_institution_is_no_trip(extractor):
    text = "FRANKFURT, May 3 - ECB council member Jens Weidmann, who heads Germany's Bundesbank, spoke."
    assert visit_keys(extractor, text, set(), published=dt.date(2012, 8, 14)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The chief of Greece's main opposition, the Syriza party, blamed the move on Germany's Merkel.",
            set(),
        ),
        # guard: opposition to or from something is a position
        (
            "The plan faces opposition from Germany, which says Greece must cut spending.",
            {("DEU", "negative")},
        ),
    ],
)
def test_a_countrys_political_opposition_is_no_position_of_the_country(extractor, text, expected):
    assert codes_stances(extractor, text, published=dt.date(2012, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign state that has not done its part, or should do it, is criticised
        (
            "Dutch Finance Minister Jan de Groot said Portugal had not met the targets of its rescue.",
            {("NLD", "negative")},
        ),
        (
            '"So far Lisbon has not made the promised reforms," Dutch Finance Minister Jan de Groot said.',
            {("NLD", "negative")},
        ),
        (
            "Dutch Finance Minister Jan de Groot said Portugal should cut its deficit faster.",
            {("NLD", "negative")},
        ),
        # a goal missed is a part not done, in any tense; not when it is not missed
        (
            "MADRID (Reuters) - Spain will miss its deficit targets in 2013, the IMF said on Tuesday.",
            {("IMF", "negative")},
        ),
        ("The IMF said on Tuesday that Spain had missed the deadline.", {("IMF", "negative")}),
        ("The IMF said on Tuesday that Spain would not miss its deficit targets.", set()),
        ("The IMF said on Tuesday that Spain missed a chance to reform.", set()),
        # "it" of a clause joined to one with a named state stands for that state
        (
            "Dutch Finance Minister Jan de Groot said Portugal had made progress but it needs to cut its "
            "deficit faster.",
            {("NLD", "negative")},
        ),
        # guards: a fact told in the present, a condition, a duty shared with the speaker's own state
        ("Dutch Finance Minister Jan de Groot said Portugal does not publish monthly figures.", set()),
        ("Dutch Finance Minister Jan de Groot said Portugal should have no problems repaying.", set()),
        (
            "Dutch Finance Minister Jan de Groot said the Dutch would act alone if Portugal does not act.",
            set(),
        ),
        (
            "Dutch Finance Minister Jan de Groot said the Netherlands and Portugal should work together.",
            set(),
        ),
        # "they" does not stand for one state
        (
            "Dutch Finance Minister Jan de Groot said Portugal had made progress but they need to cut the "
            "deficit faster.",
            set(),
        ),
    ],
)
def test_a_foreign_states_unmet_duty(extractor, text, expected):
    assert codes_stances(extractor, text, published=dt.date(2012, 6, 1)) == expected


@pytest.mark.parametrize(
    "text",
    [
        'Dutch Trade Minister Jan de Groot said Chinese steel exports were "not sustainable nor fair".',
        "Dutch Trade Minister Jan de Groot said the Chinese steel tariffs were unreasonable.",
    ],
)
def test_an_act_judged_not_sustainable_or_fair(extractor, text):
    assert codes_stances(extractor, text, published=dt.date(2012, 6, 1)) == {("NLD", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs a surname before a present-tense travel verb on it as a modifier of a noun
        (
            "SEOUL, March 11 - South Korean Trade Minister Rha Woong Bae said exports would grow.\n"
            "Rha leaves today for Ottawa for trade talks with Canadian officials.",
            {("KOR", "CAN")},
        ),
        (
            "BELGRADE, March 23 - Yugoslav Prime Minister Branko Mikulic said Yugoslavia would pay.\n"
            "Mikulic visits West Germany next week for talks with Chancellor Helmut Kohl.",
            {("YUG", "DEU")},
        ),
        # a trip noun in a fronted phrase is the main subject's, not the agent's of a passive
        (
            "TOKYO, June 19 - During a visit to the U.S. earlier this month, Economic Planning Minister "
            "Tetsuo Kondo was asked by U.S. Federal Reserve chairman Paul Volcker what Japan could do.",
            {("JPN", "USA")},
        ),
        # a past-tense travel verb hung on the noun before it has that noun as its subject
        (
            "OSLO, May 6 - Norway's fisheries minister left for Copenhagen saying he hoped to settle the "
            "quota row.",
            {("NOR", "DNK")},
        ),
        # a by-phrase right after a trip noun (a time between) names the traveller, however it is parsed
        (
            "PARIS, May 6 - Officials said the dispute could be settled during a Paris visit next week by "
            "Canadian Trade Minister Paul Vance.",
            {("CAN", "FRA")},
        ),
    ],
)
def test_travellers_the_parser_misplaces(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(1987, 3, 23)) == expected


def _rows(extractor, text, published):
    visits, _ = extractor.extract("t", text, published)
    days = [
        (str(v["start_date"]) if v["start_date"] else None, str(v["end_date"]) if v["end_date"] else None)
        for v in visits
    ]
    return {(v["visitor_code"], v["host_code"], v["status"], *d) for v, d in zip(visits, days, strict=True)}


def test_a_trip_under_a_modal_is_still_to_come(extractor):
    text = (
        "PARIS, May 6 - Officials said the dispute could be settled during a Paris visit next week by "
        "Canadian Trade Minister Paul Vance."
    )
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 5, 6))} == {("CAN", "FRA", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time owns no trip ("next week's visit ... by X" is X's), and a trip's own time tells its status
        (
            "OSLO, May 6 - The government hopes for a deal during next week's visit to Stockholm by Trade "
            "Minister Erik Berg.",
            {("NOR", "SWE", "planned")},
        ),
        (
            "OSLO, May 6 - The government said little came of last month's visit to Stockholm by Trade "
            "Minister Erik Berg.",
            {("NOR", "SWE", "completed")},
        ),
        # the time right after the trip's phrase, wherever the parser hangs it
        (
            "OSLO, May 6 - Officials said the government was pinning hopes for a deal on the trip to "
            "Stockholm next week by Trade Minister Erik Berg.",
            {("NOR", "SWE", "planned")},
        ),
    ],
)
def test_a_trips_own_time(extractor, text, expected):
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 5, 6))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "for X to do" read as a clause whose subject is the place
        (
            "OSLO, March 30 - Finance and Planning Minister Erik Berg has left for Washington to discuss "
            "Norway's request for a loan, ministry officials told Reuters.",
            {("NOR", "USA", "ongoing")},
        ),
        # a government team is a delegation; a minister of a list of portfolios is a minister
        (
            "LUSAKA, March 27 - A French government team has arrived in Lusaka to negotiate a new credit for "
            "the Zambian government, diplomatic sources said.",
            {("FRA", "ZMB", "ongoing")},
        ),
        (
            "LIMA, April 24 - Huayta said his Mexican counterpart, minister of oil, mines and parastatal "
            "industry, Jorge Blanco, should be in Lima on a visit at a nearby date.",
            {("MEX", "PER", "planned")},
        ),
        # a phrase opening with a preposition after a name is no title apposition ("official visit")
        (
            "BUENOS AIRES, March 19 - West German President Richard von Weizsaecker called on banks to ease "
            "their terms.\nWeizsaecker, on a four-day official visit to Argentina, said the problems "
            "required joint action.",
            {("DEU", "ARG", "ongoing")},
        ),
        # a visit with a state's leader is to that state, the "with" wherever the parser hangs it
        (
            "WASHINGTON, April 3 - Separately, French Prime Minister Jean Blanc, in a visit earlier this "
            "week with President Tom Hale, sounded out the administration on a grain plan.",
            {("FRA", "USA", "ongoing")},
        ),
        # a team headed by a minister is a delegation
        (
            "LONDON, March 30 - If the talks succeed, the Kenyan team, headed by Finance Minister Paul "
            "Otieno, will hold similar talks with French officials in Paris later this week, sources said.",
            {("KEN", "FRA", "planned")},
        ),
        # talks held where the act they hang from was done
        (
            "BELGRADE, March 30 - The news agency said the accord was reached in Paris today in talks "
            "between a Yugoslav delegation headed by Finance Minister Ivo Petrovic and Western creditors.",
            {("YUG", "FRA", "ongoing")},
        ),
    ],
)
def test_delegations_and_destinations_the_parser_hides(extractor, text, expected):
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 3, 30))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place in a relative clause on the partner does not place the talks elsewhere
        (
            "WASHINGTON, March 12 - President Reagan today had talks with Kenyan President Daniel Moi, who "
            "afterwards appealed for more U.S. investment in Kenya.",
            {("KEN", "USA", "ongoing")},
        ),
        # a foreign official's talks told in the lead under a dateline are held there
        (
            "MANILA, June 16 - U.S. Secretary of State Tom Hale forecast a golden future for the Philippines "
            "after talks on its economic recovery.",
            {("USA", "PHL", "ongoing")},
        ),
        # talks with the dateline country's leaders, named as such
        (
            "SEOUL, April 21 - U.S. Commerce Secretary Tom Hale praised the new trade policies.\n"
            "In a press conference after talks with South Korean leaders, Hale called the plan a good step.",
            {("USA", "KOR", "ongoing")},
        ),
        # guard: not when the sentence names another place the talks may have been held in
        (
            "MANILA, June 16 - U.S. Secretary of State Tom Hale forecast a golden future for Asia after "
            "talks in Tokyo on its economic recovery.",
            {("USA", "JPN", "completed")},
        ),
        # a country named inside the quotation is what was said, not where the talks were
        (
            "BERLIN, June 16 - German Chancellor Eva Hahn said trade talks were on track.\n"
            '"The talks are going well. Greece has to specify its plans," Hahn said at a news conference '
            "with Spanish Prime Minister Luis Mora.",
            {("ESP", "DEU", "ongoing")},
        ),
        # "is here" under a dateline; speaking after a news conference in a city
        (
            "TOKYO, March 26 - Bank officials said the debt plan would work.\n"
            "World Bank president Tom Hale, who is here to meet business leaders, expressed confidence.",
            {("WORLDBANK", "JPN", "ongoing")},
        ),
        (
            "OSLO, March 26 - Trade talks resumed.\n"
            '"I am very concerned," World Bank president Tom Hale told reporters after a news conference in '
            "Tokyo.",
            {("WORLDBANK", "JPN", "ongoing")},
        ),
        # talking to journalists before a meeting held here: the speaker is at the meeting
        (
            "BRUSSELS, March 9 - Talking to journalists before a meeting of European Community finance "
            "ministers here, West German State Secretary Hans Berg declined to comment on the accord.",
            {("DEU", "BEL", "ongoing")},
        ),
        # guard: a meeting of another day one speaks before does not place the speaker there now (the
        # meeting to come is still a planned trip)
        (
            "BRUSSELS, March 9 - Talking to journalists before next week's meeting of European Community "
            "finance ministers here, West German State Secretary Hans Berg declined to comment.",
            {("DEU", "BEL", "planned")},
        ),
        # guard: speaking after talks held here yesterday tells no completed trip (the talks are the trip's)
        (
            "WASHINGTON, March 27 - Brazilian Central Bank governor Jose Lima said after talks with the bank "
            "committee here yesterday that Brazil could not pay.",
            {("BRA", "USA", "ongoing")},
        ),
    ],
)
def test_talks_held_at_the_dateline(extractor, text, expected):
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 6, 16))} == expected


def test_a_trip_with_a_participle_after_its_place(extractor):
    # "visited Paris hoping to ...": the parser makes the place the participle's subject (repaired)
    text = (
        "CARACAS, June 1 - Venezuelan Finance Minister Luis Ortega said the talks with banks went well.\n"
        "Ortega recently visited Paris hoping to win new loans for the steel industry."
    )
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 6, 1))} == {("VEN", "FRA", "completed")}


def test_an_arrival_placed_nowhere_is_at_the_dateline_anywhere_in_the_story(extractor):
    # "arrived" with no place, late in the story as in its lead, is an arrival where the story is told from
    text = (
        "MANILA (Reuters) - Asian leaders gathered for a regional summit on Sunday.\n"
        "The host set the tone of cordiality ahead of two days of meetings.\n"
        "Trade was expected to dominate the agenda.\n"
        "Security in the capital was tight.\n"
        "Roads near the venue were closed to traffic.\n"
        "Leaders of China, Japan and India arrived one by one for a gala dinner."
    )
    rows = {r[:3] for r in _rows(extractor, text, dt.date(2017, 11, 12))}
    assert rows == {("CHN", "PHL", "ongoing"), ("JPN", "PHL", "ongoing"), ("IND", "PHL", "ongoing")}


def test_unveiling_in_a_place_puts_one_there(extractor):
    # "unveil" is said of one who speaks somewhere, as "announce" and "say" are
    text = (
        "WASHINGTON, April 1 - Monetary sources said no new debt initiative of the sort that Japanese "
        "Finance Minister Ken Sato unveiled 18 months ago in Seoul is in the works."
    )
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 4, 1))} == {("JPN", "KOR", "completed")}


def test_a_quotes_here_is_the_speakers_place(exhaustive_extractor):
    # guard (exhaustive: the pre-filter does not pass this sentence): a quote's "here" is where the speaker
    # is based, not the dateline's place
    text = (
        "ROME, June 2 - U.S. Secretary of State Ann Dale said the package went further than expected.\n"
        '"It is more than was talked about when Japanese Prime Minister Ken Sato was here," Dale said.'
    )
    assert _rows(exhaustive_extractor, text, dt.date(1987, 6, 2)) == set()


def test_the_states_listed_with_a_bloc_travel(extractor):
    # a bloc's leaders are no envoys of a state, but the states listed with the bloc still travel
    text = "MANILA (Reuters) - Leaders of ASEAN, China, Russia and Japan arrived for a gala dinner."
    assert {r[:3] for r in _rows(extractor, text, dt.date(2017, 11, 12))} == {
        ("CHN", "PHL", "ongoing"),
        ("RUS", "PHL", "ongoing"),
        ("JPN", "PHL", "ongoing"),
    }


def test_a_summit_one_travels_to_attend_is_the_trips(extractor):
    text = (
        "Pressure on Burma mounted before U.S. President Tom Hale's first visit to Asia this month to attend "
        "a summit of Southeast Asian countries in Manila."
    )
    assert {r[:3] for r in _rows(extractor, text, dt.date(2017, 11, 1))} == {("USA", "PHL", "planned")}


def test_a_mixed_case_dateline_places_the_story(extractor):
    text = "Tokyo, April 7 - U.S. Trade Secretary Tom Hale opens talks with Japanese officials today."
    assert ("USA", "JPN", "ongoing", "1987-04-07", None) in _rows(extractor, text, dt.date(1987, 4, 7))


def test_the_days_one_is_to_be_somewhere_date_the_stay(extractor):
    text = "WASHINGTON, March 4 - President Reagan would be in Rome from June 3 to 6 as the guest of Cossiga."
    assert ("USA", "ITA", "planned", "1987-06-03", "1987-06-06") in _rows(
        extractor, text, dt.date(1987, 3, 4)
    )
    # guard: a day someone was somewhere, told from there, is no arrival day
    text = "ROME, March 4 - President Reagan was in Rome on Monday."
    assert ("USA", "ITA", "ongoing", None, None) in _rows(extractor, text, dt.date(1987, 3, 4))


def test_a_finished_tour_the_day_of_a_relative_clause_and_the_place_left(extractor):
    text = (
        "BRASILIA, March 5 - Brazilian Finance Minister Dilson Funaro, who is in Rome today, will fly to "
        "Tokyo on Sunday, after having completed a week-long trip to the United States and France."
    )
    rows = _rows(extractor, text, dt.date(1987, 3, 5))
    # the trip is over; "today" is the day of being in Rome, not of the flight (Sunday, March 8)
    assert {("BRA", "USA", "completed", None, None), ("BRA", "FRA", "completed", None, None)} <= rows
    assert ("BRA", "JPN", "planned", "1987-03-08", None) in rows
    text = "WASHINGTON, March 4 - Brazilian Finance Minister Dilson Funaro later left Washington for Britain."
    assert ("BRA", "USA", "completed", None, None) in _rows(extractor, text, dt.date(1987, 3, 4))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state named only in a currency's name is no target
        (
            "WASHINGTON, March 5 - A Treasury spokesman refused comment on statements that the Japanese yen "
            "was undervalued.",
            set(),
        ),
        # a military unit's attack is no statement of its state
        (
            "BAGHDAD, March 3 - An Iranian infantry brigade launched an overnight attack on Iraqi positions.",
            set(),
        ),
        # a currency or a programme does not speak
        ("TAIPEI, March 12 - The Taiwan dollar appreciated against the U.S. currency.", set()),
        (
            "BRASILIA, March 12 - Brazil has rejected a role for the IMF, arguing that an IMF austerity "
            "program would lead to recession and threaten democracy.",
            {("BRA", "negative")},
        ),
        # asking others to pay for one's own projects takes no stance against them
        ("JAKARTA, March 3 - Indonesia has asked Japan to finance its new projects.", set()),
    ],
)
def test_currencies_military_units_and_requests_for_money(extractor, text, expected):
    assert codes_stances(extractor, text, published=dt.date(1987, 3, 5)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the place one comes back from was visited
        (
            "NAIROBI, March 9 - Kenyan Transport Minister John Kamau said on his return from London that the "
            "aid would buy spares.",
            {("KEN", "GBR", "completed")},
        ),
        # those travelling with a minister are with him at the dateline's place
        (
            "TOKYO, April 9 - British Foreign Secretary Sir Geoffrey Howe said Japan must open its markets.\n"
            "Howe views the deadlock very seriously, said an official travelling with him.",
            {("GBR", "JPN", "ongoing")},
        ),
    ],
)
def test_a_return_from_a_place_and_travelling_with_a_minister(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 9)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser ends a clause at "visiting" and starts the visitor's phrase after it
        (
            "TOKYO, March 3 - The U.S. wants Japan to end import controls within three years, visiting U.S. "
            "Under-Secretary of State for Economic Affairs Allen Wallis told business leaders.",
            {("USA", "JPN")},
        ),
        # visiting a state's leader is visiting that state
        (
            "ROME, Jan 9 - Italian Prime Minister Mario Monti will visit German Chancellor Angela Merkel.",
            {("ITA", "DEU")},
        ),
        # a bare "visiting" before a titled name run on into the clause that follows (no "that")
        (
            "HANOI, May 3 - Vietnamese leader Le Van Anh told visiting U.S. Secretary of State James Holt "
            "Vietnam's economic troubles were over.",
            {("USA", "VNM")},
        ),
        # a titled official the text leaves to the dateline, named again by surname, hosts the one visiting
        (
            "SEOUL, May 3 - Trade Minister Kim Sung-ho said South Korea would buy more aircraft.\n"
            "Korean officials said Kim told visiting U.S. Trade Representative Ann Dale that the government "
            "may set aside money.",
            {("USA", "KOR")},
        ),
        # "neighboring" read as a participle with the place as its object
        (
            "OTTAWA -- U.S. President Tom Hale visits neighboring Canada next week.",
            {("USA", "CAN")},
        ),
        # guard: not a titled official whom another is quoted as telling
        (
            "WASHINGTON, June 29 - Tehran Radio quoted defence spokesman Ali Reza telling a visiting "
            "Nicaraguan delegation that war was near.",
            set(),
        ),
        # the dateline read as a second subject of "told": the one next to the verb receives the visitor
        (
            "BONN, May 12 - Chancellor Hans Berger told visiting Israeli Prime Minister Ezra Golan that Bonn "
            "backed a peace conference.",
            {("ISR", "DEU")},
        ),
    ],
)
def test_visiting_after_a_clause_and_visiting_a_leader(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(1987, 3, 3)) == expected


def test_a_trip_verb_does_not_qualify_the_title_after_it():
    # "the President visits Prime Minister Brian Mulroney": Mulroney's title is "Prime Minister" alone
    text = (
        "WASHINGTON - When the President visits Prime Minister Brian Mulroney next month, trade will come up."
    )
    people = PeopleIndex(text, dt.date(1987, 3, 25), "USA").people
    mulroney = next(p for p in people if p.name == "Brian Mulroney")
    assert text[mulroney.start : mulroney.end].strip().startswith("Prime Minister")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an IGO's staff mission is no visit (guidelines): only its head travels for it
        ("ATHENS, June 1 - An IMF mission arrived in Athens on Monday.", set()),
        ("QUITO, March 12 - A World Bank mission was due here soon to evaluate emergency loans.", set()),
        # guard: the head of an IGO
        (
            "ATHENS, June 1 - IMF Managing Director Dominique Strauss-Kahn arrived in Athens on Monday.",
            {("IMF", "GRC")},
        ),
    ],
)
def test_an_igos_staff_mission_is_no_visit(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(2010, 6, 1)) == expected


def test_the_doha_talks_are_the_wto_round_not_qatar():
    from diplowatch.nlp.actors import gazetteer

    text = "The minister spoke about the Doha talks and Doha trade negotiations in Geneva."
    assert [h[2] for h in gazetteer().find_all(text)] == ["Geneva"]


def test_expected_to_do_something_in_a_place_is_no_trip(exhaustive_extractor):
    text = "CAIRO, June 1 - In India, the government is expected to decide next week whether to raise prices."
    assert visit_keys(exhaustive_extractor, text, set(), published=dt.date(2010, 6, 1)) == set()
    # guard: expected in a place
    text = "PARIS, June 1 - Chinese Premier Wen Jiabao is expected in Paris on Monday."
    got = visit_keys(exhaustive_extractor, text, {("CHN", "FRA")}, published=dt.date(2010, 6, 1))
    assert got == {("CHN", "FRA")}


def test_a_word_that_names_a_currency_only_after_a_demonym():
    from diplowatch.nlp.context import ArticleContext
    from diplowatch.nlp.reactions import _target_places

    ctx = ArticleContext("t", "x", dt.date(2010, 6, 1), None)
    # "won" after a country's name is the verb: the country is a target
    assert [p.code for _, p in _target_places("after South Korea won the vote", ctx)] == ["KOR"]
    # after a demonym it is the currency
    assert [p.code for _, p in _target_places("speculation against the Korean won", ctx)] == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the arrival of X" under a dateline is an arrival there
        (
            "SEOUL, April 17 - The change came two days before the scheduled arrival of U.S. Commerce "
            "Secretary Malcolm Baldrige for talks with Trade Minister Rha Woong-bae.",
            {("USA", "KOR")},
        ),
        # "the visit of West German President X": the visitor's nationality is no destination
        (
            "BUENOS AIRES, March 20 - The strike was timed for the four-day visit of West German President "
            "Richard Von Weizsaecker, which starts on Friday.",
            {("DEU", "ARG")},
        ),
    ],
)
def test_the_arrival_or_visit_of_a_named_visitor_under_a_dateline(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 3, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "counter-productive" is the opposite of "productive"
        (
            "WASHINGTON, March 11 - Treasury Secretary James Baker said a tax on Japanese imports would be "
            "counter-productive.",
            {("USA", "negative")},
        ),
        # a reporter's question at the start of a sentence is no demand of the one it names
        (
            "U.S. Agriculture Secretary Richard Lyng spoke on farm trade.\nAsked how he would respond to "
            "farm groups and Congressmen urging the U.S. to offer a wheat bonus to the Soviet Union, Lyng "
            "said he would listen but be non-committal.",
            set(),
        ),
        # the subject of a passive "told" is the one told, not a speaker
        ("MOSCOW, March 11 - It said Moscow had been told of U.S. concern over the incident.", set()),
    ],
)
def test_opposite_prefixes_reporters_questions_and_the_one_told(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 3, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the noun a copula says of its subject stands for that subject, and the copula's tense is the trip's
        (
            "Norwegian Trade Minister Erik Berg became the first foreign minister to visit Stockholm after "
            "the election.",
            {("NOR", "SWE", "completed")},
        ),
        (
            "Norwegian Trade Minister Erik Berg will be the first foreign minister to visit Stockholm since "
            "the election.",
            {("NOR", "SWE", "planned")},
        ),
        (
            "Norwegian Trade Minister Erik Berg has been the only one to say so publicly since arriving in "
            "Stockholm.",
            {("NOR", "SWE", "ongoing")},
        ),
    ],
)
def test_the_first_leader_to_visit_is_the_copulas_subject(extractor, text, expected):
    assert {r[:3] for r in _rows(extractor, text, dt.date(1987, 5, 6))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a possessive in a phrase before its clause's subject points forward to that subject, not back to
        # the person the article names most
        (
            "U.S. President Tom Hale will host the talks. Hale said the talks would be hard. Hale will also "
            "meet business leaders.\nAhead of her trip to Washington, German Chancellor Eva Roth told "
            "business leaders in Munich that free trade was important.",
            ("DEU", "USA", "planned"),
        ),
        (
            "U.S. President Tom Hale will host the talks. Hale said the talks would be hard. Hale will also "
            "meet business leaders.\nDuring her visit to Washington, German Chancellor Eva Roth said free "
            "trade was important.",
            ("DEU", "USA", "ongoing"),
        ),
    ],
)
def test_a_fronted_possessive_is_the_clauses_subject(extractor, text, expected):
    assert expected in {r[:3] for r in _rows(extractor, text, dt.date(2017, 3, 14))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "starting on <day>" right after the trip's phrase gives its first day wherever the parser hangs it,
        # and a week-long length its last; a phrasal "come up with" moves nobody
        (
            "OSLO, March 27 - Prime Minister Erik Berg told his party to come up with a plan in time for his "
            "one-week visit to Stockholm starting on April 29.",
            ("NOR", "SWE", "planned", "1987-04-29", "1987-05-05"),
        ),
        # another trip's length is not this leg's ... (guard: the week-long length is new)
        (
            "OSLO, March 5 - Norwegian Trade Minister Erik Berg will fly to Stockholm on Sunday, after "
            "having completed a week-long trip to France and Italy.",
            ("NOR", "SWE", "planned", "1987-03-08", None),
        ),
        # ... nor the whole tour's the length of its first leg
        (
            "PARIS, March 5 - Norwegian Trade Minister Erik Berg arrived in Stockholm today on the first leg "
            "of a ten-day tour of Europe.",
            ("NOR", "SWE", "ongoing", "1987-03-05", None),
        ),
        # the verb's own trip keeps its length (guard)
        (
            "OSLO, March 5 - Norwegian Trade Minister Erik Berg will arrive in Stockholm on March 9 for a "
            "three-day visit.",
            ("NOR", "SWE", "planned", "1987-03-09", "1987-03-11"),
        ),
    ],
)
def test_a_trips_own_days_and_length(extractor, text, expected):
    anchor = dt.date(1987, 3, 27) if "March 27" in text else dt.date(1987, 3, 5)
    assert expected in _rows(extractor, text, anchor)


def test_visiting_marks_its_own_noun_and_the_official_beside_it_receives(extractor):
    # "between X and a visiting delegation": X is the host, not a co-traveller, and the relay dateline is
    # nobody's host
    text = (
        "LONDON, April 8 - The agency said the accord was reached between Peruvian Trade Minister Rosa Vidal "
        "and a visiting Chilean delegation headed by Foreign Minister Marco Tello."
    )
    assert {r[:2] for r in _rows(extractor, text, dt.date(1987, 4, 8))} == {("CHL", "PER")}


def test_a_name_in_a_hyphenated_modifier_is_no_destination(extractor):
    # "a U.S.-funded school" is whose the school is, not where one goes
    text = "KABUL, March 22 - French Foreign Minister Jean Roux made a visit to a U.S.-funded school."
    assert not any(r[1] == "USA" for r in _rows(extractor, text, dt.date(1987, 3, 22)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "pay" is a trip only as "pay a call" (the noun carries "pay a visit"); money paid to a state is none
        (
            "Brazilian Finance Minister Dilson Rocha paid a call in Washington to IMF Managing Director Jean "
            "Roux.",
            {("BRA", "USA")},
        ),
        (
            "LIMA, March 5 - Peruvian Finance Minister Luis Rocha told reporters the government decided to "
            "stop paying the World Bank because repayments outweighed the loans.",
            set(),
        ),
    ],
)
def test_paying_is_a_trip_only_as_a_call(exhaustive_extractor, text, expected):
    assert {r[:2] for r in _rows(exhaustive_extractor, text, dt.date(1987, 3, 5))} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "en route to X" is on the way there: a trip to X still to come, with no day of its own
        (
            "ULAANBAATAR, June 5 - Norwegian Foreign Minister Erik Berg made the visit to Mongolia en route "
            "to Beijing to attend the talks.",
            ("NOR", "CHN", "planned", None, None),
        ),
        (
            "SINGAPORE, Nov 10 - Norwegian Finance Minister Erik Berg, who was in Singapore on Wednesday "
            "enroute to a leaders' meeting in Seoul, said the goal was growth.",
            ("NOR", "KOR", "planned", None, None),
        ),
    ],
)
def test_en_route_to_a_place_is_a_trip_to_come(exhaustive_extractor, text, expected):
    assert expected in _rows(exhaustive_extractor, text, dt.date(2016, 6, 5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a central bank's governor speaks for the state, whatever the bank's name
        (
            "Liu Ming, governor of the People's Bank of China, criticized the Japanese stimulus plan.",
            {("CHN", "negative")},
        ),
        (
            "Bank of Canada Governor Anne Wells welcomed the U.S. budget deal on Friday.",
            {("CAN", "positive")},
        ),
        # guard: a commercial bank of the same shape is a company
        ("The chief executive of Bank of China criticized the Japanese stimulus plan.", set()),
    ],
)
def test_a_central_banks_governor_is_a_state_official(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the pronoun subject of what was said, deeper than the said clause
        (
            "The Norwegian government said on Friday it would publish the files itself if necessary, "
            "accusing the U.S. tax agency of seeking a row.",
            {("NOR", "negative")},
        ),
        # the pronoun subject of an adverbial clause is the subject of the clause it modifies
        (
            "Japan and Australia went to the WTO in May because they objected to the way Beijing limits "
            "exports of rare earths.",
            {("JPN", "negative"), ("AUS", "negative")},
        ),
        # guards: the number must agree ("it" is not two states, "they" not one)
        (
            "Japan and Australia went to the WTO in May because it objected to the way Beijing limits "
            "exports of rare earths.",
            set(),
        ),
        (
            "Japan went to the WTO in May because they objected to the way Beijing limits exports of rare "
            "earths.",
            set(),
        ),
    ],
)
def test_a_pronoun_subject_stands_for_the_subject_above_it(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


def test_brussels_acting_is_the_union(exhaustive_extractor):
    text = (
        "The European Union and China have argued over solar panels for a year. Brussels criticized "
        "Beijing's new export subsidies on Tuesday."
    )
    assert codes_stances(exhaustive_extractor, text) == {("EU", "negative")}


def test_brussels_acting_without_the_union_named_stays_belgium(exhaustive_extractor):
    # guard of the test above
    text = "Brussels criticized the Dutch plan for a new border fence on Tuesday."
    assert codes_stances(exhaustive_extractor, text) == {("BEL", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Asian governments such as Japan and South Korea criticized the Chinese export quotas.",
            {("JPN", "negative"), ("KOR", "negative")},
        ),
        (
            "Some of Greece's largest creditors, including Germany and the Netherlands, have criticized the "
            "Greek budget plan.",
            {("DEU", "negative"), ("NLD", "negative")},
        ),
    ],
)
def test_the_members_a_group_names_are_its_speakers(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a body headed or led by an official travels under that official
        (
            "A delegation headed by Chilean Mining Minister Ana Soto will travel to Peru on Tuesday, "
            "officials said.",
            {("CHL", "PER", "planned")},
        ),
        (
            "A commission led by Chilean Mining Minister Ana Soto arrived in Lima on Monday.",
            {("CHL", "PER", "ongoing")},
        ),
        # guard: a company's group led by its president is no delegation of a state
        ("The management group led by President Tom Reyes will travel to Tokyo next week.", set()),
    ],
)
def test_a_body_headed_by_an_official_travels_under_that_official(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 3, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the nationality on a visited capital is the destination
        (
            "Czech Foreign Minister Jan Novak, visiting the Danish capital to give a lecture, said trade "
            "would grow.",
            {("CZE", "DNK", "ongoing")},
        ),
        # guard: on a visited group it is not
        ("Czech Foreign Minister Jan Novak visited Danish troops on Monday.", set()),
    ],
)
def test_a_visited_capital_named_by_its_nationality(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2010, 3, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an office owned by a possessive pronoun is the office of the one the pronoun stands for
        (
            "Spanish Prime Minister Ana Ruiz met bankers on Monday. Her spokesman said the Greek budget plan "
            "was unacceptable.",
            {("ESP", "negative")},
        ),
        # "wrong" judges what another did
        (
            "Spanish Prime Minister Ana Ruiz said the Greek decision to leave the talks was wrong.",
            {("ESP", "negative")},
        ),
    ],
)
def test_a_pronouns_office_and_a_wrong_act(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


def test_the_north_is_north_korea_in_an_article_about_it(exhaustive_extractor):
    text = (
        "The United States flew bombers over the peninsula on Sunday.\nJapanese officials warned the North "
        "could launch another missile soon.\nTalks with North Korea have stalled."
    )
    _, reactions = exhaustive_extractor.extract("rx", text, MONDAY)
    got = {(r["reactor_code"], r["stance"], r["target_code"]) for r in reactions}
    assert got == {("JPN", "negative", "PRK")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a nationality on a meeting names a party to it, not where it meets
        (
            "The announcement by Mexican President Luis Ortega that he was moving his embassy broke with a "
            "consensus that the issue must be left to Israeli-Palestinian talks.",
            set(),
        ),
        # guard: a city on a meeting is where it meets
        (
            "Mexican President Luis Ortega will attend the Geneva talks next week.",
            {("MEX", "CHE", "planned")},
        ),
    ],
)
def test_a_nationality_on_a_meeting_is_no_place(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2017, 12, 21)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # a participle on a document is said by whoever issued the document
        "The Arab League issued a statement condemning the Israeli raid.",
        # wherever the parser hangs the participle inside the document's phrase
        "The Arab League issued a statement to the press condemning the Israeli raid and urging restraint.",
    ],
)
def test_a_statement_condemning_is_its_issuers(exhaustive_extractor, text):
    assert ("ARAB_LEAGUE", "negative") in codes_stances(exhaustive_extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare "the statement" speaks for who issued the one named before: the state before it
        (
            "China's foreign ministry issued a statement on Monday about the Japanese decision. The "
            "statement said Japan's move was a violation of China's sovereignty.",
            ("CHN", "negative"),
        ),
        # two sentences back, and the wire's "Asean" is ASEAN
        (
            "The Asean communique noted the large Japanese trade surplus. Ministers will meet on Monday. "
            "The communique also welcomed President Reagan's firm action in vetoing protectionist measures.",
            ("ASEAN", "positive"),
        ),
    ],
)
def test_the_statement_speaks_for_its_issuer_named_before(exhaustive_extractor, text, expected):
    assert expected in codes_stances(exhaustive_extractor, text, published=dt.date(1987, 6, 16))


@pytest.mark.parametrize(
    "text",
    [
        # a sentence before naming two states, neither as the document's issuer
        "A statement was issued after Japan and Germany met. The statement said Britain's move was a grave "
        "mistake.",
        # a joint statement is its parties' agreement, no one side's
        "Japan's finance minister said in a joint statement with Germany that talks went on. The statement "
        "said Britain's move was a grave mistake.",
    ],
)
def test_a_statement_of_no_known_issuer_stays_unspoken(exhaustive_extractor, text):
    assert codes_stances(exhaustive_extractor, text) == set()


@pytest.mark.parametrize(
    ("text", "expected", "published"),
    [
        # a mission to a place is a trip there
        (
            "TOKYO, April 27 - Prime Minister Yasuhiro Nakasone sets out Wednesday on a tough mission to "
            "Washington aimed at defusing the trade tension.",
            {("JPN", "USA")},
            dt.date(1987, 4, 27),
        ),
        # not a state's permanent mission to the U.N.: its resident diplomats
        (
            "Japanese Prime Minister Yasuhiro Nakasone said Japan's permanent mission to Canada would reply.",
            set(),
            dt.date(1987, 4, 27),
        ),
        # a body's members travel as no one's envoys; a head named beside them does
        (
            "Euro zone finance ministers and ECB President Mario Draghi meet in Luxembourg on Thursday.",
            {("EU", "LUX")},
            dt.date(2012, 4, 27),
        ),
    ],
)
def test_a_mission_to_a_place_and_a_head_beside_a_body(exhaustive_extractor, text, expected, published):
    assert visit_keys(exhaustive_extractor, text, expected, published=published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summit or meeting one speaks at, of no place named, is where the story is filed
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh told reporters at the end of the "
            "Group of 20 summit that a deal was near.",
            {("IND", "USA")},
        ),
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh said on the sidelines of the "
            "meeting that a deal was near.",
            {("IND", "USA")},
        ),
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh, speaking at a news conference, "
            "said a deal was near.",
            {("IND", "USA")},
        ),
        # speaking to a meeting; a delegation sent to talks is where they are held
        (
            "WASHINGTON, April 9 - Speaking to the International Monetary Fund's Interim Committee meeting, "
            "Argentine Economy Minister Juan Sourrouille said Argentina had given ample proof.",
            {("ARG", "USA")},
        ),
        (
            "TAUPO, New Zealand, March 20 - The Japanese delegation to the GATT talks said in a statement "
            "they are making major efforts to dismantle trade barriers.",
            {("JPN", "NZL")},
        ),
        # guards: a summit with its own place; speaking after a summit (one may speak elsewhere); "told a news
        # conference" (as often reported from elsewhere)
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh told a news conference that a deal "
            "was near.",
            set(),
        ),
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh said at the summit in Seoul that a "
            "deal was near.",
            {("IND", "KOR")},
        ),
        (
            "PITTSBURGH (Reuters) - Indian Prime Minister Manmohan Singh said after the summit that a deal "
            "was near.",
            set(),
        ),
        # nor an event told by its time: held before the story, not necessarily where it is filed
        (
            "ROME (Reuters) - French President Nicolas Sarkozy said at last week's EU summit that the ECB's "
            "steps were enough.",
            set(),
        ),
    ],
)
def test_speaking_at_a_summit_of_no_place_is_at_the_dateline(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2009, 9, 25)) == expected


@pytest.mark.parametrize(
    "text",
    [
        # an act or a quality of a state does something in the sentence but says nothing
        "EU partners said Ireland's move could break competition rules and threatened the unity of the "
        "euro zone.",
        "The solidarity of Opec encouraged Qatar to charter vessels to store its production rather than cut "
        "its prices, they said.",
        # a state of affairs neither
        "EU policymakers have feared that Ireland's problems might spread to other euro zone members, "
        "threatening a systemic crisis.",
        # a state's creditors and allies are others, as its partners are
        "Greece's creditors are demanding that the European Central Bank contribute to a deal.",
        "Germany's allies rejected the Russian proposal.",
        # 'call' convening a vote or declaring a moratorium is no demand
        "Greek Prime Minister George Papandreou calls a popular vote on the latest EU bailout deal.",
        "Owing foreigners 109 billion dlrs, Brazil called an indefinite interest payments moratorium on 68 "
        "billion dlrs of commercial bank debt to U.S. banks.",
    ],
)
def test_acts_say_nothing_and_calling_a_vote_demands_nothing(exhaustive_extractor, text):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2011, 10, 31)) == set()


def test_a_stance_aimed_at_the_person_of_the_sentence_before(exhaustive_extractor):
    # the sentence before names no place, only a state person: the stance aims at that person's state
    text = (
        "Iran's President Mahmoud Ahmadinejad wants a gas cartel. Algerian President Abdelaziz Bouteflika "
        "discussed it in Tehran. Bouteflika backed the idea in a newspaper interview last year. The United "
        "States has warned against such a grouping, saying it could pose a danger to energy security."
    )
    rows = {
        (r["reactor_code"], r["stance"], r["target_code"])
        for r in reactions_of(exhaustive_extractor, text, dt.date(2008, 7, 27))
    }
    assert ("USA", "negative", "DZA") in rows


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an arrival of no place, for talks with a state's titled leader, is in that state
        (
            "Indian Prime Minister Manmohan Singh arrived on Tuesday for talks with US President George "
            "W Bush.",
            {("IND", "USA")},
        ),
        (
            "Chinese President Hu Jintao arrived on Monday for a state visit and will hold talks with "
            "Brazilian President Luiz Inacio Lula da Silva.",
            {("CHN", "BRA")},
        ),
        # guard: talks with one's own leader tell no place
        (
            "Indian Foreign Minister Natwar Singh arrived on Tuesday for talks with Prime Minister Manmohan "
            "Singh of India.",
            set(),
        ),
    ],
)
def test_an_arrival_for_talks_with_a_leader_is_in_the_leaders_state(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2004, 9, 21)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # telling the dateline country's own leader, named as such, is being there with him
        (
            'TOKYO, April 20 - "We want open markets," U.S. Commerce Secretary Malcolm Baldrige told Prime '
            "Minister Yasuhiro Nakasone.",
            {("USA", "JPN")},
        ),
        # guards: told in a letter; told reporters
        (
            "TOKYO, April 20 - U.S. Commerce Secretary Malcolm Baldrige told Prime Minister Yasuhiro "
            "Nakasone in a letter that markets must open.",
            set(),
        ),
        (
            "TOKYO, April 20 - U.S. Commerce Secretary Malcolm Baldrige told reporters that markets must "
            "open.",
            set(),
        ),
    ],
)
def test_telling_the_datelines_leader_is_being_there(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 20)) == expected


def test_a_joint_declaration_is_no_reaction_of_either_side(exhaustive_extractor):
    # guard of the statement rule above: its parties agree, neither side reacts (a joint statement)
    text = (
        "Peruvian President Alan Garcia and Mexican President Miguel de la Madrid issued a joint declaration "
        "yesterday calling the foreign debt problem an unjust order."
    )
    assert codes_stances(exhaustive_extractor, text) == set()


def test_a_place_inside_a_persons_name_is_no_target(exhaustive_extractor):
    text = (
        "Mexican President Miguel de la Madrid met bankers.\nChilean Finance Minister Ana Soto said Miguel "
        "de la Madrid was wrong to cut the debt payments."
    )
    _, reactions = exhaustive_extractor.extract("rx", text, MONDAY)
    assert {(r["reactor_code"], r["target_code"]) for r in reactions} == {("CHL", "MEX")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # where a meeting meets or an accord was reached is no target of what is said about it
        (
            "Canadian officials said they will be constructive at the annual climate meeting in Bonn, "
            "Germany.",
            set(),
        ),
        (
            "Canadian Trade Minister Ana Soto said in a statement welcoming the accord reached last week in "
            "London that it came from Canadian proposals.",
            set(),
        ),
        # guard: a state named as the one acted on still is
        (
            "Canadian Trade Minister Ana Soto criticized the German plan at a meeting in Brussels.",
            {("CAN", "negative")},
        ),
    ],
)
def test_a_venue_is_no_target(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text) == expected


def test_plural_governments_are_not_the_datelines_own(exhaustive_extractor):
    # "the government" of a datelined story is the dateline state's; "African governments" are several
    text = "DURBAN, March 27 - African governments broadly welcome the Chinese investment plan."
    assert codes_stances(exhaustive_extractor, text) == set()


def test_a_quotes_he_said_is_who_the_sentence_before_opens_with(exhaustive_extractor):
    text = (
        "Italian Prime Minister Carlo Neri met Finnish Prime Minister Anna Virta. Neri spoke first. Neri "
        "left.\nVirta said she had told Neri that Finnish voters were unhappy. "
        '"The Italian plan is unfair," she said.'
    )
    assert ("FIN", "negative") in codes_stances(exhaustive_extractor, text)


def test_a_verb_after_a_closed_quote_goes_with_the_speech_verb(exhaustive_extractor):
    # the parser hangs "accused" on "decide" inside what was said; the closed quote ends what was said
    text = (
        'Danish Finance Minister Eva Holm said that German leaders "did not decide the matter, only '
        'discussed it" and accused Norwegian officials of misrepresenting their intentions.'
    )
    assert ("DNK", "negative") in codes_stances(exhaustive_extractor, text)


def test_a_us_vice_president_named_without_his_country_is_american(exhaustive_extractor):
    # the leaders table holds the U.S. vice presidents: "Vice President Mike Pence" names no country
    text = "UNITED NATIONS - Vice President Mike Pence accused the Myanmar military of terrible savagery."
    assert codes_stances(exhaustive_extractor, text, dt.date(2017, 9, 20)) == {("USA", "negative")}


def test_a_possessive_pronoun_is_bound_by_its_subject_not_by_the_official_met(extractor):
    # "his visit" is the former minister's (no official, so no visit), not the president's he met.
    text = (
        "TOKYO, April 22 - Former Foreign Minister Shintaro Abe will recommend that Japan cut taxes. Abe met "
        "President Ronald Reagan and U.S. Congressional leaders during his visit."
    )
    assert ("USA", "JPN") not in pairs(visits_of(extractor, text, dt.date(1987, 4, 22)))


def test_any_words_of_a_ministers_capitalised_title_are_its_portfolio(extractor):
    # "Fund" and "Board" are business words elsewhere ("fund manager", "board member"); before "Minister"
    # they name a ministry.
    text = "A commission headed by Venezuelan Investment Fund Minister Ana Diaz will travel to Ecuador."
    assert ("VEN", "ECU") in pairs(visits_of(extractor, text))


def test_a_meeting_only_hoped_for_is_placed_nowhere(extractor):
    # The dateline does not say where a hoped-for meeting will be ("hopes" is even lemmatized as "hop");
    # guard: a meeting that will be held with the dateline's official is still the partner's visit there.
    hoped = (
        "HANOI, June 9 - Vietnamese Prime Minister Van Tran hopes to meet German Chancellor Eva Roth in July."
    )
    assert ("DEU", "VNM") not in pairs(visits_of(extractor, hoped, WED_2010))
    held = "HANOI, June 9 - Vietnamese Prime Minister Van Tran will meet German Chancellor Eva Roth in July."
    assert ("DEU", "VNM") in pairs(visits_of(extractor, held, WED_2010))


def test_a_since_clause_does_not_date_the_trip(extractor):
    since = (
        "HANOI, June 9 - German Chancellor Eva Roth was the first German leader to visit Vietnam since the "
        "two countries signed a trade accord in March 2005."
    )
    (visit,) = visits_of(extractor, since, WED_2010)
    assert visit["start_date"] is None


def test_a_meeting_to_come_on_a_trip_under_way_is_that_trip(extractor):
    # Not a second, planned trip beside the one under way (guard: the trip itself is still there).
    text = (
        "HANOI, June 9 - German Chancellor Eva Roth, who flew to Vietnam yesterday, will meet Vietnamese "
        "President Van Tran on Friday."
    )
    statuses = {v["status"] for v in visits_of(extractor, text, WED_2010) if v["host_code"] == "VNM"}
    assert statuses == {"ongoing"}


def test_a_weekend_trip_told_from_the_place_is_over(extractor):
    # Reported from the dateline after the weekend: over, not a visit under way.
    text = "HANOI, June 9 - German Chancellor Eva Roth paid a brief weekend visit to Vietnam."
    assert {v["status"] for v in visits_of(extractor, text, WED_2010)} == {"completed"}


def test_a_plain_negation_denies_the_trip(extractor):
    assert visits_of(extractor, "German Chancellor Eva Roth will not travel to Vietnam.", WED_2010) == []


def test_a_list_the_parser_took_for_an_apposition_travels_whole(extractor):
    # "Merkel, French President Hollande and Spanish Prime Minister Rajoy": the parser hangs "Hollande" on
    # "Merkel" as an apposition that heads its own "and"; each named leader came to Rome.
    text = (
        "German Chancellor Angela Merkel, French President Francois Hollande and Spanish Prime Minister "
        "Mariano Rajoy met in Rome on Friday."
    )
    assert pairs(visits_of(extractor, text, WED_2010)) == {("DEU", "ITA"), ("FRA", "ITA"), ("ESP", "ITA")}
    # guard: an apposition proper names the same person, no second traveller
    one = (
        "German Chancellor Eva Roth, the leader of Europe's biggest economy and a physicist, flew to Athens."
    )
    assert pairs(visits_of(extractor, one, WED_2010)) == {("DEU", "GRC")}


def test_here_hung_on_a_name_places_it_under_the_dateline(extractor):
    text = (
        "BANGKOK, April 27 - Australian Trade Minister John Dunn, here on a three-day visit, said Thailand "
        "should buy more wheat."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 4, 27)) == {("AUS", "THA", "ongoing")}


@pytest.mark.parametrize("where", ["in Iceland", "currently in Iceland", "now in Iceland"])
def test_in_a_place_hung_on_a_name_places_it_there(extractor, where):
    text = (
        "OSLO, June 29 - Norway will extend its oil output cut, a spokesman told Reuters.\n"
        f"Norway's Oil Minister Arne Oeien, {where} for a meeting of Nordic ministers, has made no statement."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 6, 29)) == {("NOR", "ISL", "ongoing")}


def test_pushing_for_is_a_demand_on_who_is_inside_what_is_pushed_for(extractor):
    rows = reactions_of(extractor, "Germany is pushing for tougher sanctions on Iran.")
    assert {(r["reactor_code"], r["stance"], r["target_code"]) for r in rows} == {("DEU", "negative", "IRN")}
    # guard: a state named in a clause hung on what is pushed for is not its target
    clause = (
        "U.S. President Tom Hale has pushed for changes in the global financial architecture to recognize "
        "the economic clout of China."
    )
    assert reactions_of(extractor, clause) == []


def reactions_of(extractor, text, published=MONDAY):
    return extractor.extract("t", text, published)[1]


def reaction_keys(extractor, text, published=MONDAY):
    """(reactor, stance) of the text's reactions: the key the scorer compares."""
    return {(r["reactor_code"], r["stance"]) for r in reactions_of(extractor, text, published)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("U.S. Treasury Secretary James Baker said Japan needs to take steps to open its markets.", True),
        ("U.S. Treasury Secretary James Baker said Japan has to open its markets.", True),
        ("U.S. Treasury Secretary James Baker said Japan would have to show it had stopped dumping.", True),
        # the past of reported speech, what a past statement says ("said Japan had to"); "ought to"
        ("U.S. Treasury Secretary James Baker said Japan had to open its markets.", True),
        ("U.S. Treasury Secretary James Baker told reporters Japan needed to open its markets.", True),
        ("U.S. Treasury Secretary James Baker said Japan ought to open its markets.", True),
        # guards: no "to" verb; a past "had to" tells what happened; a relative clause tells what a plan holds
        ("U.S. Treasury Secretary James Baker said Japan needs more time.", False),
        ("U.S. Treasury Secretary James Baker said Japan had to suspend its payments last year.", False),
        ("U.S. Treasury Secretary James Baker said Japan had to suspend its payments in 1985.", False),
        (
            "U.S. Treasury Secretary James Baker said Japan will have until April to pay back the credits.",
            False,
        ),
        ("U.S. Treasury Secretary James Baker said Japan has yet to give its blessing to the plan.", False),
        (
            'German Chancellor Eva Roth said: "A program will be drawn up, in which Greece also has to '
            'specify its obligations again."',
            False,
        ),
    ],
)
def test_must_in_other_words_is_a_demand(extractor, text, expected):
    keys = reaction_keys(extractor, text, dt.date(1987, 3, 4))
    assert (("USA", "negative") in keys or ("DEU", "negative") in keys) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a time phrase set off by a comma ("ahead of", "after") is the narrator's timing, not what was said
        (
            "Japanese Prime Minister Ken Sato said on Monday Japan was making progress on the trade issue, "
            "ahead of an expected sanctions announcement by Washington.",
            set(),
        ),
        # guard: the cue in what was said itself still counts
        (
            "Japanese Prime Minister Ken Sato said on Monday the U.S. sanctions were a threat to trade, "
            "ahead of talks in Washington.",
            {("JPN", "negative")},
        ),
    ],
)
def test_the_narrators_timing_of_a_statement_is_not_what_was_said(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2017, 9, 21)) == expected


def test_he_after_a_quote_of_an_unknown_speaker_is_that_speaker(extractor):
    """ "He said" right after a sentence that ends on whom it quotes is that speaker: a securities analyst the
    article knows as no state person is no state actor, whoever the last official named was."""
    lead = "TOKYO, March 31 - U.S. Trade Representative Clayton Yeutter arrived here on Monday for talks. "
    then = " He said Japan must open its markets."
    analyst = '"The themes are clear," said Nikko Securities\' Okamoto.'
    assert ("USA", "negative") not in reaction_keys(extractor, lead + analyst + then, dt.date(1987, 3, 31))
    official = '"It is clear," said Yeutter.'
    assert ("USA", "negative") in reaction_keys(extractor, lead + official + then, dt.date(1987, 3, 31))


@pytest.mark.parametrize(
    "quote, then, visits",
    [
        # the quoted person's age after the name ends the attribution too; the second "he" of "He said he
        # had arrived" is whoever the first is: a refugee, no state visitor
        (
            '"I have no hope," said Omar Haddad, 38.',
            " He said he had arrived in Lebanon two weeks ago.",
            set(),
        ),
        # ... while the official named before still travels when the attribution names him
        (
            '"I have no hope," said Mekdad.',
            " He said he had arrived in Lebanon two weeks ago.",
            {("SYR", "LBN")},
        ),
    ],
)
def test_he_said_he_is_one_person(extractor, quote, then, visits):
    lead = "Syria's Vice President Faisal Mekdad spoke at the United Nations on Wednesday. "
    assert pairs(visits_of(extractor, lead + quote + then, dt.date(2017, 9, 21))) == visits


def test_a_pronoun_in_a_quotation_is_no_antecedent_of_one_outside_it(extractor):
    text = (
        "World Bank President Paul Wolfowitz met lawyers on Monday. Wolfowitz said he did nothing wrong. "
        '"It is sad," said Syria\'s Vice President Faisal Mekdad. "He has a hard job," he told us in Oslo.'
    )
    assert pairs(visits_of(extractor, text, dt.date(2007, 5, 2))) == {("SYR", "NOR")}


def test_summit_venues_and_the_nations_of_britain_are_places(extractor):
    venice = "Japanese Prime Minister Taro Sato will attend the Venice summit next month."
    assert pairs(visits_of(extractor, venice)) == {("JPN", "ITA")}
    belfast = "U.S. Secretary of State Ann Kerr will travel to Northern Ireland next week."
    assert pairs(visits_of(extractor, belfast)) == {("USA", "GBR")}


def test_having_left_for_a_place_is_being_on_the_way_there(extractor):
    text = "BONN, Oct 20 - U.S. Treasury Secretary Jim Baker had already left Bonn for Sweden on Monday."
    statuses = {v["host_code"]: v["status"] for v in visits_of(extractor, text, dt.date(1987, 10, 20))}
    assert statuses == {"DEU": "completed", "SWE": "ongoing"}


def test_speaking_to_an_audience_gathered_somewhere_is_being_there(extractor):
    text = "Chinese President Li Wei told leaders gathered in Moscow that the dollar should be replaced."
    assert pairs(visits_of(extractor, text, WED_2010)) == {("CHN", "RUS")}


def test_a_departure_for_a_place_is_a_trip_there(extractor):
    before = (
        "Talking to reporters before his departure for Paris, Brazilian Finance Minister Jose Lima said the "
        "talks were useful."
    )
    assert {(v["host_code"], v["status"]) for v in visits_of(extractor, before)} == {("FRA", "planned")}
    since = "Since his departure for Paris on Monday, Brazilian Finance Minister Jose Lima has met bankers."
    assert {(v["host_code"], v["status"]) for v in visits_of(extractor, since, WED_2010)} == {
        ("FRA", "ongoing")
    }


def test_a_meeting_is_where_its_clauses_subject_is(extractor):
    # The steps are to be reached at the summit; the one who hopes for them is not said to go.
    hoped = "French Prime Minister Jean Morel said he hoped steps could be reached at the summit in Venice."
    assert visits_of(extractor, hoped) == []
    # guard: a person as the clause's subject is at the meeting
    raise_it = "French Prime Minister Jean Morel said he would raise the issue at the summit in Venice."
    assert pairs(visits_of(extractor, raise_it)) == {("FRA", "ITA")}


def test_a_negated_act_during_a_trip_does_not_deny_the_trip(extractor):
    during = "U.S. President Tom Hale did not give details during a tour that took him to Japan and China."
    assert pairs(visits_of(extractor, during, WED_2010)) == {("USA", "JPN"), ("USA", "CHN")}
    # guard: the trip itself denied
    assert visits_of(extractor, "U.S. President Tom Hale did not make the trip to Japan.", WED_2010) == []


@pytest.mark.parametrize(
    "text",
    [
        "Japanese Prime Minister Taro Sato would discuss the June summit in Rome with his cabinet.",
        "A communique could come out after the summit in Rome, Japanese Prime Minister Taro Sato said.",
        "Japanese Prime Minister Taro Sato will stay in office until the summit in Rome in June.",
        "Japanese Prime Minister Taro Sato hopes to prepare for the summit in Rome in June.",
    ],
)
def test_a_meeting_talked_of_or_used_as_a_time_places_no_one(extractor, text):
    assert visits_of(extractor, text, WED_2010) == []


def test_ones_own_meeting_ahead_is_still_a_trip(extractor):
    # guard of the rule above: "his talks in Berlin" are his, and still to come
    text = (
        "French President Jean Morel, who met Italian Prime Minister Luis Vega in Paris ahead of his talks "
        "in Berlin on Monday with German Chancellor Eva Roth, said Europe would hold."
    )
    assert ("FRA", "DEU") in pairs(visits_of(extractor, text, WED_2010))


def test_not_being_at_a_meeting_is_not_being_there(extractor):
    # a negation of presence at a meeting does deny it (unlike one of an act during a trip)
    text = "British Finance Minister Ann Reid was not represented at the meetings in Washington."
    assert visits_of(extractor, text, WED_2010) == []


def test_an_aide_to_a_leader_speaks_for_the_leaders_side(exhaustive_extractor):
    text = "An aide to French Prime Minister Jean Morel criticized the German position."
    keys = reaction_keys(exhaustive_extractor, text)
    assert keys == {("FRA", "negative")}


def test_telling_another_state_to_act_is_a_demand(exhaustive_extractor):
    told = "British Trade Minister Ann Reid told Japan to open its market."
    keys = reaction_keys(exhaustive_extractor, told)
    assert keys == {("GBR", "negative")}
    # guard: telling one's own side, or reporters, is no demand on a foreign state
    own = "British Trade Minister Ann Reid told British firms to invest in Japan."
    assert reactions_of(exhaustive_extractor, own) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany wants Greece to stick to its reform program.", {("DEU", "negative", "GRC")}),
        ("China wants the European Union to end its embargo on arms sales.", {("CHN", "negative", "EU")}),
        ("China wants an end to U.S. arms sales to Taiwan.", {("CHN", "negative", "USA")}),
        # guards: a wish for one's own side, a negated wish, one's own intent
        ("U.S. President Tom Hale wants Congress to pass the bill.", set()),
        ("Germany does not want Greece to leave the euro.", set()),
        ("Germany wants to help Greece.", set()),
    ],
)
def test_wanting_another_state_to_act_is_a_demand(extractor, text, expected):
    got = {(r["reactor_code"], r["stance"], r["target_code"]) for r in reactions_of(extractor, text)}
    assert got == expected


def test_talks_a_trip_is_for_are_that_trip(extractor):
    # One trip, with the arrival's status: not a second trip "under way" told by the talks.
    text = (
        "NEW YORK, April 27 - Japanese officials have said Nakasone's main demand when he arrives for talks "
        "with Reagan on Wednesday would be the immediate lifting of the tariffs."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 4, 27)) == {("JPN", "USA", "planned")}


def test_a_place_read_as_an_adverbial_noun_after_visits_is_visited(extractor):
    text = "The issue will be explained this week when Japanese Prime Minister Taro Sato visits Washington."
    assert visit_statuses(extractor, text, dt.date(1987, 4, 27)) == {("JPN", "USA", "planned")}


def test_said_in_a_phrase_that_is_no_place_places_no_one(extractor):
    aftermath = (
        "U.S. Trade Representative Clayton Yeutter said in the aftermath of the Canadian and Israeli pacts "
        "that he criticized the protectionists."
    )
    assert visits_of(extractor, aftermath, dt.date(1987, 10, 19)) == []
    interview = (
        "IMF chief Ann Reid said in an interview with a German newspaper that she criticized the plan."
    )
    assert visits_of(extractor, interview, dt.date(1987, 10, 19)) == []
    # guards: a place named as a common noun still is one, and so is the place of a speech
    capital = (
        "U.S. Trade Representative Clayton Yeutter said in the Japanese capital that others want access."
    )
    assert pairs(visits_of(extractor, capital, dt.date(1987, 10, 19))) == {("USA", "JPN")}
    speech = "Polish Foreign Minister Jan Nowak said in a speech in Paris that Europe must not split."
    assert pairs(visits_of(extractor, speech, dt.date(1987, 10, 19))) == {("POL", "FRA")}


def test_a_when_clause_of_a_day_to_come_is_planned(extractor):
    text = (
        "TOKYO, April 7 - The party is expected to formalise the package before April 19, when Japanese "
        "Foreign Minister Taro Sato visits Washington."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 4, 7)) == {("JPN", "USA", "planned")}


def test_the_head_of_a_state_bank_is_an_official_a_bank_or_its_firms_are_not(extractor):
    day = dt.date(1987, 4, 24)
    unnamed = "LIMA, April 24 - The Peruvian central bank president travelled to Mexico City on Thursday."
    assert pairs(visits_of(extractor, unnamed, day)) == {("PER", "MEX")}
    # a plural body under a group noun: the states after its "of" travel ("central banks" a plural title)
    heads = "LIMA, April 24 - The heads of the central banks of Mexico and Peru have met in Mexico City."
    assert pairs(visits_of(extractor, heads, day)) == {("PER", "MEX")}
    # guards: commercial banks and a former head are no state travellers
    creditors = "PARIS, June 29 - Representatives of Greece's major creditor banks met in Paris on Tuesday."
    assert visits_of(extractor, creditors, day) == []
    former = (
        "Paul Volcker, a former chairman of the Federal Reserve, the U.S. central bank, told a conference "
        "in The Hague."
    )
    assert visits_of(extractor, former, day) == []


def test_its_office_is_the_state_named_before_it_not_the_datelines(extractor):
    day = dt.date(2011, 6, 29)
    text = (
        "LONDON (Reuters) - Norway is angry, and its central bank governor has criticized Sweden over the "
        "decision."
    )
    found = reaction_keys(extractor, text, day)
    assert found == {("NOR", "negative")}
    # guard: an unqualified ministry of a story is still the dateline state's
    home = "LONDON (Reuters) - The Treasury has criticized Sweden over the decision, a spokesman said."
    assert {r["reactor_code"] for r in reactions_of(extractor, home, day)} == {"GBR"}


def test_a_plural_possessor_names_the_kind_of_meeting_not_who_attends(extractor):
    text = (
        "Treasury Secretary Timothy Geithner announced plans to attend a euro zone finance ministers' "
        "meeting in Wroclaw, Poland on Friday."
    )
    assert visit_statuses(extractor, text, dt.date(2011, 9, 13)) == {("USA", "POL", "planned")}


def test_an_official_with_no_country_belongs_to_the_state_that_reports_his_plans(extractor):
    text = (
        "REYKJAVIK (Reuters) - Belgium offered a lifeline to the bank and said Prime Minister Yves Leterme "
        "would meet Haarde in Iceland on Friday."
    )
    assert visit_statuses(extractor, text, dt.date(2008, 10, 14)) == {("BEL", "ISL", "planned")}


def test_the_speaker_of_a_participle_report_is_not_the_traveller_of_what_he_reports(extractor):
    text = (
        "PARIS (Reuters) - France will take more steps if the economic situation worsens, a close aide to "
        "President Nicolas Sarkozy was on Monday quoted as saying, adding that timely action would avert any "
        "repeat of past mistakes. The return of confidence would be slow and would require profound changes "
        "in the world financial system, he added, saying that the upcoming G20 summit in Washington on "
        "November 15 would be crucial."
    )
    assert visits_of(extractor, text, dt.date(2008, 10, 27)) == []
    # guard: the one who says he will attend still travels
    attends = "PARIS (Reuters) - President Nicolas Sarkozy said he would attend the G20 summit in Washington."
    assert pairs(visits_of(extractor, attends, dt.date(2008, 10, 27))) == {("FRA", "USA")}


def test_talks_with_the_ministers_of_several_states_bring_each_of_them(extractor):
    text = (
        "TOKYO, April 26 - Japanese Trade Minister Hajime Tamura held talks with the trade ministers of the "
        "United States and Canada in Tokyo on Sunday."
    )
    assert pairs(visits_of(extractor, text, dt.date(1987, 4, 26))) == {("USA", "JPN"), ("CAN", "JPN")}


def test_a_leader_written_with_a_particle_is_not_his_bare_surname_when_it_is_a_place(extractor):
    madrid = (
        "TARRAGONA, Spain (Reuters) - The Catalonian government launched its campaign for a referendum, "
        "which Madrid has declared illegal."
    )
    assert {r["reactor_code"] for r in reactions_of(extractor, madrid, None)} != {"MEX"}
    # guard: the leader with his particle is still the leader
    leader = "MEXICO CITY, May 1 - De la Madrid will visit Washington next week."
    assert pairs(visits_of(extractor, leader, dt.date(1987, 5, 1))) == {("MEX", "USA")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a "push X to act" is a demand, as "want X to act" is
        (
            "Washington is pushing Beijing to let its currency rise more quickly in value.",
            {("USA", "negative")},
        ),
        ("Obama is pushing Congress to pass the bill.", set()),  # guard: one's own side
        # an IGO's executive named in apposition is no company executive
        (
            "The European Commission, the EU's executive, has repeatedly rebuked Bulgaria for failing to "
            "prosecute corrupt officials.",
            {("EU", "negative")},
        ),
        # a past "contravened" judges as "contravenes" does
        (
            "Turkish Prime Minister Kaya Erdem said Greek activities in the Aegean contravened the Berne "
            "Agreement.",
            {("TUR", "negative")},
        ),
    ],
)
def test_demands_and_judgements_in_other_words(extractor, text, expected):
    found = reaction_keys(extractor, text, dt.date(2010, 10, 13))
    assert found == expected


def test_the_countrys_minister_is_the_state_named_before_not_the_datelines(extractor):
    day = dt.date(2008, 9, 8)
    named_after = (
        "LONDON (Reuters) - Saudi Arabia is pumping more oil. Ali al-Naimi, the kingdom's oil minister, will "
        "arrive in Vienna on Tuesday."
    )
    assert pairs(visits_of(extractor, named_after, day)) == {("SAU", "AUT")}
    named_before = (
        "LONDON (Reuters) - Greece is in crisis. The country's prime minister, George Papandreou, will "
        "travel to Berlin on Friday."
    )
    assert pairs(visits_of(extractor, named_before, day)) == {("GRC", "DEU")}
    # guard: a minister whose nationality is written keeps it
    own = "LONDON (Reuters) - Greece is in crisis. Italy's prime minister will travel to Berlin on Friday."
    assert {v["visitor_code"] for v in visits_of(extractor, own, day)} <= {"ITA"}


def test_legs_a_tour_includes_are_visits_still_to_come(extractor):
    text = (
        "BUENOS AIRES, March 21 - West German President Richard von Weizsaecker arrived for a four-day "
        "visit, opening a Latin American tour which includes Bolivia and Guatemala."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 21)) == {
        ("DEU", "ARG", "ongoing"),
        ("DEU", "BOL", "planned"),
        ("DEU", "GTM", "planned"),
    }


def test_idioms_relative_clauses_and_staff_of_visit_sentences(extractor):
    day = dt.date(1987, 4, 10)
    # "come under pressure from X" is an idiom: no one comes from X
    pressure = (
        "BONN, April 10 - The West German government is expected to come under pressure in Venice from both "
        "the U.S. and its European partners."
    )
    assert visits_of(extractor, pressure, day) == []
    # a past perfect in a relative clause is the narrator's, not a speaker's put-back present
    attended = (
        "CAIRO, April 10 - It said UAE Oil Minister Oteiba, who had just attended the OPEC ministerial "
        "meeting in Vienna, would stay for several days."
    )
    assert visit_statuses(extractor, attended, day) == {("ARE", "AUT", "completed")}
    # an IGO's envoy is its staff, named or not; its head still travels
    envoy = "UN envoy Staffan de Mistura arrived in Damascus on Friday."
    assert visits_of(extractor, envoy, day) == []
    head = "IMF chief Christine Lagarde arrived in Athens on Friday."
    assert pairs(visits_of(extractor, head, day)) == {("IMF", "GRC")}
    # an opening participle the parser hangs on the dateline is said of the main clause's subject
    here = (
        "GUANAJUATO, Mexico, April 10 - Speaking here after a meeting of the 11-nation Cartagena group, "
        "Venezuelan public finance director Jorge Marcano said he was aware of political pressure at home."
    )
    assert pairs(visits_of(extractor, here, day)) == {("VEN", "MEX")}
    # ... and when the parser makes the dateline the subject, the one apposed to it speaks there
    apposed = (
        "PARIS (Reuters) - Spanish Prime Minister Mariano Rajoy, speaking at a news conference in Paris, "
        "said Europe needed growth."
    )
    assert pairs(visits_of(extractor, apposed, day)) == {("ESP", "FRA")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position adjective held by coordinated states: each holds it
        (
            "BRUSSELS, March 26 - West Germany and Ireland are opposed to the steps proposed by the EC "
            "Commission.",
            {("DEU", "negative"), ("IRL", "negative")},
        ),
        # states a participle says back the speakers hold the position too
        (
            "BRUSSELS, March 26 - Britain and West Germany, backed by the Netherlands and Denmark, opposed a "
            "proposed EC Commission tax on edible oils.",
            {("GBR", "negative"), ("DEU", "negative"), ("NLD", "negative"), ("DNK", "negative")},
        ),
    ],
)
def test_a_position_held_by_several_states(extractor, text, expected):
    found = reaction_keys(extractor, text, dt.date(1987, 3, 26))
    assert found == expected


def test_a_news_conference_with_someone_in_a_city_is_held_there(extractor):
    text = (
        "BERLIN (Reuters) - French President Nicolas Sarkozy said at a joint news conference with Chancellor "
        "Angela Merkel in Berlin that France would act."
    )
    assert pairs(visits_of(extractor, text, dt.date(2011, 10, 9))) == {("FRA", "DEU")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a group of states named by its members: each member speaks
        (
            "A group of European countries including Germany, the Netherlands and Britain have said that "
            "World Bank President Paul Wolfowitz has placed himself in an untenable position.",
            {("DEU", "negative"), ("NLD", "negative"), ("GBR", "negative")},
        ),
        (
            "Several countries, such as France and Italy, criticized the U.S. decision.",
            {("FRA", "negative"), ("ITA", "negative")},
        ),
    ],
)
def test_a_group_of_states_speaks_by_its_listed_members(extractor, text, expected):
    found = reaction_keys(extractor, text, dt.date(2007, 5, 10))
    assert found == expected


def test_fourth_audit_round_acts_sources_companies_and_starts(extractor):
    day = dt.date(1987, 6, 20)
    # "led the opposition to" is a position, not the parties opposed; the dateline parsed as the subject
    # gives way to the states after it
    led = "BRUSSELS, June 20 - Britain and Denmark have led the opposition to the EC Commission's measure."
    assert reaction_keys(extractor, led, day) == {
        ("GBR", "negative"),
        ("DNK", "negative"),
    }
    # the doer of an act is its subject, not the source it is "according to"
    source = (
        "BERLIN (Reuters) - Germany's finance minister has signaled his opposition to any move by the "
        "European Central Bank to buy asset-backed securities, according to German magazine Spiegel."
    )
    assert {r["reactor_name"] for r in reactions_of(extractor, source, day)} == {"Germany's finance minister"}
    # a stock ticker marks a company: its delegation is no state's; a ministry's still is
    firm = (
        "SEOUL (Reuters) - A delegation from Russia's Gazprom OAO ( GAZP.MM ) visiting North Korea has held "
        "talks with officials there."
    )
    assert visits_of(extractor, firm, dt.date(2012, 2, 20)) == []
    ministry = (
        "SEOUL (Reuters) - A delegation from Russia's energy ministry visiting North Korea has held talks "
        "with officials there."
    )
    assert pairs(visits_of(extractor, ministry, dt.date(2012, 2, 20))) == {("RUS", "PRK")}
    # a trip its own clause starts on a day to come is planned
    starts = (
        "LA PAZ, March 18 - The government said the strike was designed to cause it embarrassment during the "
        "four-day visit of West German President Richard Von Weizsaecker, which starts on Friday."
    )
    assert visit_statuses(extractor, starts, dt.date(1987, 3, 18)) == {("DEU", "BOL", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "against" as the predicate is a position, like "opposed to"; coordinated states each hold it
        ("Britain and France are against the U.S. plan.", {("GBR", "negative"), ("FRA", "negative")}),
        (
            "PARIS (Reuters) - Italy supports the idea of a financial transaction tax but is against "
            "countries introducing the measure unilaterally, Prime Minister Mario Monti said, after France "
            "said it would go it alone.",
            {("ITA", "positive"), ("ITA", "negative")},
        ),
        ("Britain is not against the U.S. plan.", set()),  # guard: negated
        # "a pity" judges
        (
            'MEXICO CITY (Reuters) - Mexican Finance Minister Agustin Carstens said it was "a pity" that '
            "Canada and the United States were not chipping in.",
            {("MEX", "negative")},
        ),
    ],
)
def test_positions_against_and_regrets(extractor, text, expected):
    found = reaction_keys(extractor, text, dt.date(2012, 1, 20))
    assert found == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "it" under a clause whose subject names a state is that state; a dateline the parser hung on the
        # subject is none of it
        (
            "WASHINGTON, April 17 - Washington is likely to announce today a series of tariff sanctions "
            "against Japanese electrical products after it accused Tokyo of failing to meet terms of a 1986 "
            "pact.",
            {("USA", "negative")},
        ),
        (
            "The U.S. has said it is opposed to a World Bank capital increase at present.",
            {("USA", "negative")},
        ),
        ("TOKYO, April 17 - Toyota Motor Corp said it criticized the U.S. tariffs.", set()),  # guard: a firm
        # "unfortunate" judges
        (
            "CARACAS (Reuters) - Venezuelan Foreign Minister Nicolas Maduro said the comment from the U.S. "
            "State Department was unfortunate.",
            {("VEN", "negative")},
        ),
        # guard: "calling time on" ends something, no demand (the Fed's "it" is now read as the U.S.)
        (
            "Indonesia, the Philippines, South Korea and New Zealand have all been buffeted by stormy "
            "markets since May, when the Fed first hinted that it could finally begin calling time on the "
            "easy money go-round that has lasted almost five years.",
            set(),
        ),
    ],
)
def test_it_as_a_state_and_other_fifth_round_readings(extractor, text, expected):
    found = reaction_keys(extractor, text, dt.date(1987, 4, 17))
    assert found == expected


def test_meeting_at_a_forum_in_a_country_and_positions_given_up(extractor):
    forum = (
        "MOSCOW (Reuters) - Russian officials have said Putin and Trump would meet at the Asia-Pacific "
        "Economic Cooperation forum in Vietnam this week."
    )
    assert visit_statuses(extractor, forum, dt.date(2017, 11, 6)) == {
        ("RUS", "VNM", "planned"),
        ("USA", "VNM", "planned"),
    }
    day = dt.date(1987, 3, 3)
    dropped = "MANAGUA, March 3 - Honduras dropped its objections to Nicaragua's plan."
    assert reactions_of(extractor, dropped, day) == []
    # guards: a position held still is one, and brushing aside others' calls leaves them theirs
    held = "MANAGUA, March 3 - Honduras repeated its objections to Nicaragua's plan."
    assert reaction_keys(extractor, held, day) == {("HND", "negative")}
    brushed = (
        "BRUSSELS (Reuters) - German Chancellor Angela Merkel brushed aside calls from Spain and Italy for "
        "emergency action to lower their borrowing costs."
    )
    found = reaction_keys(extractor, brushed, dt.date(2012, 6, 28))
    assert {("ESP", "negative"), ("ITA", "negative")} <= found


def test_attending_a_conference_in_a_city_is_being_there(extractor):
    text = (
        "CARACAS, March 3 - The oil ministers of Ecuador and Mexico are attending the conference in Caracas."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 3)) == {
        ("ECU", "VEN", "ongoing"),
        ("MEX", "VEN", "ongoing"),
    }
    dated = "President Barack Obama will attend the EU-US summit in Lisbon on November 20."
    assert {(v["host_code"], v["start_date"]) for v in visits_of(extractor, dated, dt.date(2010, 10, 1))} == {
        ("PRT", dt.date(2010, 11, 20))
    }


def test_sixth_round_missions_swings_and_mixed_holders(extractor):
    day = dt.date(1987, 4, 9)
    # an IGO's mission is its staff, even when its head announces it
    mission = (
        "WASHINGTON, April 9 - World Bank President Barber Conable said his agency plans to send a mission "
        "to Brazil next week to explore economic conditions."
    )
    assert visits_of(extractor, mission, day) == []
    # a "swing through" a region is a tour of the countries it names
    swing = "Japanese Prime Minister Taro Sato will make a swing through Thailand and Malaysia next month."
    assert pairs(visits_of(extractor, swing, day)) == {("JPN", "THA"), ("JPN", "MYS")}
    # a state among coordinated holders speaks whatever the first of them is; a town in a firm's name not
    mixed = (
        "TOKYO, April 9 - Developing countries and the United States have criticised Japan for failing to "
        "use its trade surplus to help poor countries."
    )
    assert reaction_keys(extractor, mixed, day) == {("USA", "negative")}
    dutch = (
        "AMSTERDAM (Reuters) - ING and the Dutch state had objected to European Commission calculations on "
        "how much state aid it has received."
    )
    assert {r["reactor_code"] for r in reactions_of(extractor, dutch, dt.date(2011, 6, 9))} == {"NLD"}
    firm = (
        "WASHINGTON, March 20 - Spear, Leeds and Kellogg, a New York brokerage partnership, said it welcomed "
        "the British offer."
    )
    assert reactions_of(extractor, firm, day) == []


def test_farmers_and_activists_are_no_state(extractor):
    text = (
        "MADRID, March 13 - Spanish farmers have been protesting for two weeks to demand a better deal from "
        "France within the Community."
    )
    assert reactions_of(extractor, text, dt.date(1987, 3, 13)) == []
    # guard: the state's own minister still speaks
    minister = "MADRID, March 13 - The Spanish agriculture minister criticized France over the farm deal."
    assert {r["reactor_code"] for r in reactions_of(extractor, minister, dt.date(1987, 3, 13))} == {"ESP"}


def test_a_time_still_to_come_makes_the_trip_planned(extractor):
    # a present of beginning with "later" is a timetable, not a start already made
    later = (
        "LONDON, March 26 - Sarkozy starts a two-day state visit to Britain later on Wednesday, his office "
        "said."
    )
    assert visit_statuses(extractor, later, dt.date(2008, 3, 26)) == {("FRA", "GBR", "planned")}
    # guard: with no time to come the begun trip is under way
    begun = "LONDON, March 26 - Sarkozy starts a two-day state visit to Britain, his office said."
    assert visit_statuses(extractor, begun, dt.date(2008, 3, 26)) == {("FRA", "GBR", "ongoing")}
    # a meeting noun's own time "later this month" is still to come
    meeting = (
        "Geithner is visiting Brazil on Monday and has a chance to seek an ally for making the case at the "
        "Group of 20 meeting in Paris later this month."
    )
    assert ("USA", "FRA", "planned") in visit_statuses(extractor, meeting, dt.date(2011, 2, 6))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a passive "back" with its doer named is that doer's support, also as a reduced relative
        (
            "PARIS, March 22 - The U.S. plan was backed by Britain and West Germany.",
            {("GBR", "positive"), ("DEU", "positive")},
        ),
        (
            "PARIS, March 22 - The U.S. plan, strongly backed by Britain and West Germany, would save money.",
            {("GBR", "positive"), ("DEU", "positive")},
        ),
        # guard: a thing backing a bond is no state
        (
            "BRUSSELS, March 22 - Euro zone countries could issue covered bonds, which are backed by "
            "government assets, Finland's Prime Minister said.",
            set(),
        ),
        # backers of a speaker share the speaker's stance; they take none on the speaker
        (
            "BAGHDAD, Oct 2 - Backed by Ankara and Tehran, the Iraqi government has demanded that Israel "
            "withdraw its trade envoy.",
            {("IRQ", "negative"), ("TUR", "negative"), ("IRN", "negative")},
        ),
        (  # guard
            "Britain and West Germany, backed by the Netherlands and Denmark, opposed a proposed U.S. tax.",
            {("GBR", "negative"), ("DEU", "negative"), ("NLD", "negative"), ("DNK", "negative")},
        ),
        # "has / won the support of X": X supports it
        (
            "PARIS, March 22 - Currently the U.S. plan has the support of France, the Netherlands and Italy.",
            {("FRA", "positive"), ("NLD", "positive"), ("ITA", "positive")},
        ),
        # the members a plural names as its examples hold it
        (
            "PARIS, March 22 - The U.S. plan won the support of several countries, including Brazil and "
            "Spain.",
            {("BRA", "positive"), ("ESP", "positive")},
        ),
        # guard: support still to be won is not held
        (
            "LONDON, March 2 - European nations will need to win the backing of Obama for their proposals.",
            set(),
        ),
        # the dateline parsed as the subject: each coordinated state holds the position; a bare "opposed"
        # takes its target from around
        (
            "PARIS, March 22 - Britain, Japan and West Germany are all opposed to the U.S. plan.",
            {("GBR", "negative"), ("JPN", "negative"), ("DEU", "negative")},
        ),
        (
            "PARIS, March 22 - The U.S. plan has the support of France while Britain and Japan are opposed.",
            {("FRA", "positive"), ("GBR", "negative"), ("JPN", "negative")},
        ),
    ],
)
def test_support_and_opposition_held_by_named_states(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 3, 22)) == expected


def test_the_lead_gives_the_day_of_a_meeting_at_the_dateline(extractor):
    wednesday = dt.date(2012, 6, 27)
    text = (
        "PARIS (Reuters) - German Chancellor Angela Merkel said on Wednesday that Europe faced a serious "
        "situation.\nSpeaking at a news conference in Paris with French President Francois Hollande, Merkel "
        "said more was needed."
    )
    dates = {
        (v["visitor_code"], v["host_code"], v["start_date"]) for v in visits_of(extractor, text, wednesday)
    }
    assert dates == {("DEU", "FRA", wednesday)}
    # guard: a stay of several days does not begin on the day of the report
    stay = (
        "CANBERRA (Reuters) - President Barack Obama said on Wednesday he was concerned about the euro zone."
        "\nObama, on a three-day visit to Australia, told a joint news conference with Australian Prime "
        "Minister Julia Gillard in Canberra that Europe needed a plan."
    )
    assert {v["start_date"] for v in visits_of(extractor, stay, dt.date(2011, 11, 16))} == {None}
    # guard: the dateline's own date is no day of the lead
    dateline = (
        "WASHINGTON, Feb 26 - The U.S. Treasury said it would join a bridge loan to Argentina.\nThe debt "
        "talks in Washington are being headed by Argentine Finance Minister Mario Brodersohn."
    )
    assert {v["start_date"] for v in visits_of(extractor, dateline, dt.date(1987, 2, 26))} <= {None}


def test_the_lead_dates_a_meeting_at_either_place_of_a_two_place_dateline(extractor):
    friday = dt.date(2011, 5, 6)
    text = (
        "LUXEMBOURG/ATHENS (Reuters) - Top finance officials of the euro zone met to discuss Greece's debt "
        "on Friday.\nThe meeting in Luxembourg was attended by ministers from Germany and France, an "
        "official said."
    )
    dates = {(v["visitor_code"], v["host_code"], v["start_date"]) for v in visits_of(extractor, text, friday)}
    assert dates == {("DEU", "LUX", friday), ("FRA", "LUX", friday)}
    # guard: a meeting in a third place is not the dateline's
    elsewhere = text.replace("The meeting in Luxembourg", "The meeting in Brussels")
    assert {v["start_date"] for v in visits_of(extractor, elsewhere, friday)} == {None}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "regards / views X as <judgement>" judges X
        ("ATHENS (Reuters) - The EU regards Greek statistics as unreliable.", {("EU", "negative")}),
        ("WASHINGTON (Reuters) - The U.S. views the Chinese move as a positive step.", {("USA", "positive")}),
        # guard: "as regards" is a preposition
        (
            "NAIROBI, March 3 - Kenya is entering a difficult phase as regards its debts to Britain, the "
            "finance minister said.",
            set(),
        ),
        # "deserves respect" is praise
        (
            'BERLIN (Reuters) - "The Greek government deserves great respect for its savings efforts," '
            "Finance Minister Wolfgang Schaeuble said.",
            {("DEU", "positive")},
        ),
        # "charged that" accuses; "charged with" does not
        (
            "BRUSSELS (Reuters) - The European Commission has charged that China has made illegal payments "
            "to exporters.",
            {("EU", "negative")},
        ),
        ("BRUSSELS (Reuters) - Belgian police charged a French national with the murder.", set()),
    ],
)
def test_judgements_by_regard_deserve_and_charge(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2010, 3, 1)) == expected


def test_due_here_is_still_to_come(extractor):
    # "X, due in Tokyo tomorrow for talks": the one "due" describes travels, and the trip is planned
    due = (
        "TOKYO, March 22 - U.S. Secretary of State George Shultz, due in Tokyo tomorrow for talks with "
        "Nakasone, said trade was the main issue."
    )
    assert visit_statuses(extractor, due, dt.date(1987, 3, 22)) == {("USA", "JPN", "planned")}
    # a trip noun in the phrase of "due" is planned too
    visit = (
        "ABU DHABI, March 22 - French Foreign Minister Jean-Bernard Raimond predicted a deal.\nRaimond, due "
        "here tomorrow from Oman for his first official visit to the United Arab Emirates, told a daily "
        "he was confident."
    )
    # (and the place he is due from is where he is now: test_the_place_one_is_due_from_is_visited)
    assert visit_statuses(extractor, visit, dt.date(1987, 3, 22)) == {
        ("FRA", "ARE", "planned"),
        ("FRA", "OMN", "ongoing"),
    }
    # guard: a payment due somewhere is no traveller
    assert (
        visits_of(extractor, "The payment, due in London tomorrow, was delayed.", dt.date(1987, 3, 22)) == []
    )


def test_listed_firms_former_officials_namesakes_and_cities(extractor):
    day = dt.date(2010, 3, 1)
    # a company given with its instrument code is of its exchange's country: a foreign company is a target
    firm = (
        "WASHINGTON (Reuters) - The U.S. government accused Toyota Motor Corp ( 7203.T ) of hiding defects."
    )
    assert reaction_keys(extractor, firm, day) == {("USA", "negative")}
    # guard: one's own country's company is no foreign target
    own = "PARIS (Reuters) - French President Nicolas Sarkozy criticized Renault ( RENA.PA ) for moving jobs."
    assert reactions_of(extractor, own, day) == []
    # a former official speaks for no state
    former = "BRASILIA (Reuters) - A former Brazilian government official said the U.S. plan was good."
    assert reactions_of(extractor, former, day) == []
    # another first name before a leader's surname is another person
    namesake = (
        "LONDON (Reuters) - Bruno Paulson, bank analyst at Bernstein, criticized the British government."
    )
    assert reactions_of(extractor, namesake, dt.date(2008, 10, 31)) == []
    # a city speaks for its state only as its capital or seat of government
    city = "LONDON (Reuters) - Sydney criticized the Japanese plan."
    assert reactions_of(extractor, city, day) == []
    capital = "LONDON, March 3 - Peking criticized the Japanese plan."
    assert {r["reactor_code"] for r in reactions_of(extractor, capital, dt.date(1987, 3, 3))} == {"CHN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "furious / angry at X" is a position, like "critical of"; negated it is none
        (
            "LONDON (Reuters) - But France is furious at the way the United States is going about things.",
            {("FRA", "negative")},
        ),
        (  # guard
            "WASHINGTON (Reuters) - The president told a paper he was not angry at Russia about the case.",
            set(),
        ),
        # feelings named by a participle or a phrase: "gratified", "angered", "angry with" (not a game's name)
        (
            'WASHINGTON (Reuters) - Undersecretary of Commerce Bruce Smart said "We are gratified to learn '
            'that companies in Canada have begun paying the export charge."',
            {("USA", "positive")},
        ),
        (
            "REYKJAVIK (Reuters) - President Olafur Ragnar Grimsson told Reuters that Icelanders were still "
            "angry with Britain.",
            {("ISL", "negative")},
        ),
        (
            "TOKYO (Reuters) - Japan's foreign minister said Tokyo was angered by China's move.",
            {("JPN", "negative")},
        ),
        (  # guard
            'HELSINKI (Reuters) - Rovio, creator of "Angry Birds," will list in Hong Kong, Finnish Finance '
            "Minister Jutta Urpilainen said.",
            set(),
        ),
        # "offered his congratulations / qualified support": a position reported as an act
        (
            "MINSK (Reuters) - Belarusian President Alexander Lukashenko offered his congratulations to U.S. "
            "President Barack Obama.",
            {("BLR", "positive")},
        ),
        (
            "BEIJING (Reuters) - China offered qualified support for the U.S. plan on Wednesday.",
            {("CHN", "positive")},
        ),
        # "is promising X" promises, it does not praise; "are promising" does
        (
            'NEW YORK (Reuters) - "The Federal Reserve is promising quantitative easing, which is monetary '
            "policy's last resort,\" Brazilian Finance Minister Guido Mantega said.",
            set(),
        ),
        (
            "BEIJING (Reuters) - The talks with the U.S. are promising and useful, China said.",
            {("CHN", "positive")},
        ),
    ],
)
def test_feelings_offers_and_promises(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2010, 3, 1)) == expected


def test_a_plural_office_named_by_its_states_travels_as_each(extractor):
    text = (
        "CARACAS, March 26 - Ministers from member states Ecuador, Mexico and Venezuela are attending the "
        "two day conference in Caracas."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 26)) == {
        ("ECU", "VEN", "ongoing"),
        ("MEX", "VEN", "ongoing"),
    }
    # guard: a plural of no office ("farmers from Ecuador") is no traveller
    farmers = "CARACAS, March 26 - Farmers from Ecuador and Mexico are attending the conference in Caracas."
    assert visits_of(extractor, farmers, dt.date(1987, 3, 26)) == []


def test_a_position_that_came_from_a_state(extractor):
    text = "BRUSSELS, March 3 - Criticism of the EC plan came from Washington."
    assert reaction_keys(extractor, text, dt.date(1987, 3, 3)) == {("USA", "negative")}
    # guard: the one whose call it is holds the call; support "received from" others is theirs
    call = (
        "GENEVA, March 3 - A delegate said Canada's call for halting the subsidy war received warm support "
        "from Japan."
    )
    assert ("JPN", "negative") not in reaction_keys(extractor, call, dt.date(1987, 3, 3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "encouraged X to act" directs X, like "urged"
        (
            "WASHINGTON (Reuters) - U.S. Treasury Secretary Timothy Geithner encouraged Greece to move "
            "quickly to put in place strong reforms.",
            {("USA", "negative")},
        ),
        # wanting more of what another does is a demand
        (
            "BEIJING (Reuters) - The United States and the European Union want faster appreciation of "
            "China's currency.",
            {("USA", "negative"), ("EU", "negative")},
        ),
        ("PARIS (Reuters) - France wants closer ties with China.", set()),  # guard: ties sought
        # "a negative impact", "not appropriate" judge
        (
            "BEIJING (Reuters) - A deputy governor of China's central bank said the Fed's steps could have a "
            "negative impact on the global economy.",
            {("CHN", "negative")},
        ),
        (
            "SEOUL (Reuters) - South Korea's finance minister said it would not be appropriate for the G20 "
            "summit to discuss China's currency.",
            {("KOR", "negative")},
        ),
        (  # guard: declining to comment
            'PARIS (Reuters) - "It is not appropriate for us to talk about the German plan," the French '
            "finance minister said.",
            set(),
        ),
    ],
)
def test_directing_wanting_and_judging(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2010, 5, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "declared themselves against": each coordinated state
        (
            "BRUSSELS, March 3 - West Germany, Britain and Denmark have declared themselves against the EC "
            "tax, the sources said.",
            {("DEU", "negative"), ("GBR", "negative"), ("DNK", "negative")},
        ),
        # "was concerned that ...", "was worried by ...": the passive forms of a position adjective
        (
            "PARIS, March 3 - France was concerned that the U.S. plan indicated the United States was "
            "dragging its feet.",
            {("FRA", "negative")},
        ),
        ("PARIS, March 3 - France was worried by the U.S. plan.", {("FRA", "negative")}),
        # "maintained a drumbeat of criticism of X"
        (
            "BEIJING, March 3 - China has maintained a drumbeat of criticism of U.S. easy money policies.",
            {("CHN", "negative")},
        ),
        # "was encouraged by X's assurances"
        (
            "TOKYO, March 3 - U.S. Commerce Secretary Malcolm Baldrige said he was encouraged by Prime "
            "Minister Yasuhiro Nakasone's assurances.",
            {("USA", "positive")},
        ),
        # guard: a business group's president is no state official
        (
            "NEW YORK, March 3 - Kathryn Wylde, president of the pro-business Partnership for New York City, "
            "said she is encouraged by the British bank's move.",
            set(),
        ),
    ],
)
def test_declared_worried_and_encouraged(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 3, 3)) == expected


def test_conditions_and_requests_for_help_hold_no_position(extractor):
    day = dt.date(1987, 3, 3)
    condition = (
        "LONDON, March 3 - Cover would need the Nigerian program being put into effect and being endorsed by "
        "the International Monetary Fund."
    )
    assert reactions_of(extractor, condition, day) == []
    # guard: a position being taken now
    now = "LONDON, March 3 - The Nigerian program is being criticized by the International Monetary Fund."
    assert reaction_keys(extractor, now, day) == {("IMF", "negative")}
    help_ = (
        "COLOMBO, March 3 - Sri Lanka's finance minister asked the World Bank to give Sri Lanka 6.5 billion "
        "rupees balance of payments support."
    )
    assert reactions_of(extractor, help_, day) == []


def test_a_relative_clause_of_running_dates_the_trip(extractor):
    text = (
        "BONN, April 24 - West German Economics Minister Martin Bangemann will meet Shultz during his trip "
        "to Washington, which runs from April 26 to 29."
    )
    rows = {
        (v["visitor_code"], v["host_code"], v["status"], v["start_date"], v["end_date"])
        for v in visits_of(extractor, text, dt.date(1987, 4, 24))
    }
    assert rows == {("DEU", "USA", "planned", dt.date(1987, 4, 26), dt.date(1987, 4, 29))}
    # guard: a past "who began a visit last Friday" tells a start, not the span
    began = (
        "LA PAZ, March 23 - The strike came during the visit of West German President Richard von "
        "Weizsaecker, who began a four-day visit last Friday."
    )
    assert {v["status"] for v in visits_of(extractor, began, dt.date(1987, 3, 23))} == {"ongoing"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a felt position with its state named before it, and a warning from a state
        ("WASHINGTON, March 3 - U.S. frustration with Japan has grown.", {("USA", "negative")}),
        # a refusal and a reluctance are positions held by their owner
        (
            "Bankers are preparing to downgrade their loans. Brazil's refusal to accept an IMF program "
            "reflects the view of most Latin American governments.",
            {("BRA", "negative")},
        ),
        (
            "Financial markets are watching Germany's reluctance to pour more money into the Greek fund.",
            {("DEU", "negative")},
        ),
        (
            "ATHENS, March 5 - Greece, replying to a warning from Turkey that it will stop Athens from "
            "seeking oil in the Aegean Sea, repeated today that it has an exclusive right.",
            {("TUR", "negative")},
        ),
        # guards: the market's demand, a complaint filed at the WTO
        (
            "BEIJING (Reuters) - U.S. demand for Chinese oil imports will rise next year, the report said.",
            set(),
        ),
        (
            "WASHINGTON (Reuters) - Officials have weighed a WTO complaint against duties that China "
            "imposed.",
            set(),
        ),
    ],
)
def test_felt_positions_and_warnings(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 3, 3)) == expected


def test_a_meeting_measured_from_is_a_point_in_time(extractor):
    text = (
        "LONDON (Reuters) - U.S. Treasury Secretary Timothy Geithner sparked surprise by coming out just "
        "days before the London meeting with a meaty proposal."
    )
    assert visits_of(extractor, text, dt.date(2009, 9, 5)) == []
    # guard: a plain "before the meeting" is left to the clause's subject
    plain = (
        "LONDON (Reuters) - U.S. Treasury Secretary Geithner spoke to reporters before the London meeting."
    )
    assert pairs(visits_of(extractor, plain, dt.date(2009, 9, 5))) == {("USA", "GBR")}


def test_talks_prepared_for_place_no_one(exhaustive_extractor):
    extractor = exhaustive_extractor
    # what a visit prepares for is its topic, even someone's own talks: not held at the dateline
    text = (
        "TOKYO, April 20 - LDP official Shintaro Abe will explain the plan in Washington. Abe's visit is to "
        "prepare for Prime Minister Yasuhiro Nakasone's talks with President Ronald Reagan later this month."
    )
    assert ("USA", "JPN") not in pairs(visits_of(extractor, text, dt.date(1987, 4, 20)))
    # guards: "ahead of his talks in Berlin" is still his own meeting, there; a meeting still to come with a
    # foreign leader under a dateline is held there
    ahead = "French President Nicolas Sarkozy spoke ahead of his talks in Berlin on Monday."
    assert pairs(visits_of(extractor, ahead, dt.date(2011, 4, 20))) == {("FRA", "DEU")}
    weekend = (
        "BERLIN (Reuters) - German Chancellor Angela Merkel insisted on Friday the fund should be a last "
        "resort, ahead of a weekend meeting with French President Nicolas Sarkozy."
    )
    assert pairs(visits_of(extractor, weekend, dt.date(2011, 10, 7))) == {("FRA", "DEU")}


def reaction_targets(extractor, text, published=MONDAY):
    """(reactor, stance, target) of the text's reactions."""
    return {
        (r["reactor_code"], r["stance"], r["target_code"]) for r in reactions_of(extractor, text, published)
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the present of a timetable: the traveller sets off later today, this weekend, on a weekday
        (
            "ROME, May 4 - Trade Minister Renato Ruggiero leaves for Tokyo today with proposals he hopes "
            "will settle the dispute.",
            {("ITA", "JPN", "planned")},
        ),
        (
            "OSLO, May 4 - Norwegian Oil Minister Arne Oeien, who flies to Riyadh this weekend for talks, "
            "said output would not rise.",
            {("NOR", "SAU", "planned")},
        ),
        # guard: the simple past of setting off is under way
        (
            "OSLO, May 4 - Norwegian Oil Minister Arne Oeien flew to Riyadh today for talks on output.",
            {("NOR", "SAU", "ongoing")},
        ),
        # ... unless its clause puts it in a period over by the report (not last night: under way)
        (
            "OSLO, May 4 - Last year Norwegian Oil Minister Arne Oeien flew to Riyadh.",
            {("NOR", "SAU", "completed")},
        ),
        (
            "OSLO, May 4 - Norwegian Oil Minister Arne Oeien flew to Riyadh two months ago.",
            {("NOR", "SAU", "completed")},
        ),
        (
            "OSLO, May 4 - Norwegian Oil Minister Arne Oeien flew to Riyadh last night.",
            {("NOR", "SAU", "ongoing")},
        ),
    ],
)
def test_setting_off_by_the_timetable_or_long_ago(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 5, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a speech verb's past puts a position verb's "will" back to "would"
        (
            "BRUSSELS, May 4 - Denmark said it would veto the plans for dairy quotas put forward by the "
            "European Commission.",
            {("DNK", "negative", "EC")},
        ),
        (
            "BEIJING, May 4 - Chinese Premier Li Peng said Beijing would support Pakistan's bid for a loan.",
            {("CHN", "positive", "PAK")},
        ),
        # guard: a plan of one's own is no position on another
        (
            "BRUSSELS, May 4 - Denmark said it would ask the European Commission for more time.",
            set(),
        ),
    ],
)
def test_reported_positions_put_back_a_tense(extractor, text, expected):
    assert reaction_targets(extractor, text, dt.date(1987, 5, 4)) == expected


def test_a_bare_commission_is_the_target_in_an_article_on_the_eu(extractor):
    text = (
        "BRUSSELS, May 4 - European Community ministers will debate the farm package today.\n"
        "Irish Farm Minister Joe Walsh said the Commission's quota plans were unacceptably harsh."
    )
    assert reaction_targets(extractor, text, dt.date(1987, 5, 4)) == {("IRL", "negative", "EC")}
    # guard: no EU in the article, no target, no reaction
    national = (
        "DUBLIN, May 4 - Irish Farm Minister Joe Walsh said the Commission's plans were unacceptably harsh."
    )
    assert reaction_targets(extractor, national, dt.date(1987, 5, 4)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "CANBERRA, May 4 - Australian Trade Minister John Dawkins said Japan's plan to open its beef "
            "market was a step in the right direction.",
            {("AUS", "positive", "JPN")},
        ),
        (
            "BRUSSELS, May 4 - European Commission President Jacques Delors said Italy was on the right "
            "track with its budget cuts.",
            {("EC", "positive", "ITA")},
        ),
        # the narrator names the stance and its aim; the quote itself praises a third party
        (
            "PARIS, May 4 - European leaders met on interest rates.\nIn a thinly veiled rebuke to German "
            "Chancellor Helmut Kohl, who spoke on the radio earlier, French President Francois Mitterrand "
            'said: "I trust the central banks more than the finance ministers."',
            {("FRA", "negative", "DEU")},
        ),
        (
            "BEIJING, May 4 - In a swipe at Washington, Chinese Foreign Ministry spokesman Li Zhaoxing said "
            "no country should meddle in others' affairs.",
            {("CHN", "negative", "USA")},
        ),
        # guard: attacks in a war are no framing of a statement
        (
            "LONDON, March 5 - Iran launched an offensive in Iraq. Iran has backed rebels in the area in "
            "attacks on government positions.",
            set(),
        ),
    ],
)
def test_idioms_and_framed_statements(extractor, text, expected):
    assert reaction_targets(extractor, text, dt.date(1987, 5, 4)) == expected


def test_a_state_radio_quoting_an_official_gives_his_country(extractor):
    text = (
        "LONDON, March 2 - Iran warned Washington against any attack.\n"
        "Tehran radio, monitored by the BBC, quoted a Foreign Ministry spokesman as saying any American "
        "interference would meet a strong response."
    )
    assert {r[0] for r in reaction_targets(extractor, text, dt.date(1987, 3, 2))} == {"IRN"}


def test_where_ministers_met_is_no_target(extractor):
    text = (
        "PARIS, May 4 - When ministers met last week in Brussels, Greece's farm minister said the price "
        "proposals were unacceptably tough."
    )
    assert {r[2] for r in reaction_targets(extractor, text, dt.date(1987, 5, 4))} <= {None}


def test_support_given_to_a_line_and_those_outside_a_group(extractor):
    given = (
        "BRUSSELS, March 31 - EC farm ministers discussed the Commission's price package.\n"
        "Only the Danish and Irish delegations gave general support to the Commission line."
    )
    assert reaction_targets(extractor, given, dt.date(1987, 3, 31)) == {
        ("DNK", "positive", "EC"),
        ("IRL", "positive", "EC"),
    }
    # "non-OPEC producers" are those outside OPEC: not OPEC itself
    outside = (
        "JAKARTA, March 31 - Indonesian Oil Minister Subroto said he was pleased with the cooperation of "
        "non-OPEC producers."
    )
    assert {r[2] for r in reaction_targets(extractor, outside, dt.date(1987, 3, 31))} <= {None}
    # guard: OPEC named as itself is a target
    named = "JAKARTA, March 31 - Mexican Oil Minister Alfredo del Mazo said he was pleased with OPEC's cuts."
    assert reaction_targets(extractor, named, dt.date(1987, 3, 31)) == {("MEX", "positive", "OPEC")}


def test_coordinated_speakers_aim_at_each_other_only_reciprocally(extractor):
    day = dt.date(1987, 3, 31)
    # the speakers of one statement are not each other's targets
    joint = (
        "TOKYO, March 31 - Japan, Canada and Italy oppose the surcharges proposed for their largest banks."
    )
    assert {(r[0], r[2]) for r in reaction_targets(extractor, joint, day)} <= {
        ("JPN", None),
        ("CAN", None),
        ("ITA", None),
    }
    # unless they aim at one another
    mutual = (
        "LONDON, March 31 - When the cocoa talks broke down, Ghana and Britain blamed each other for "
        "refusing to compromise."
    )
    assert ("GHA", "negative", "GBR") in reaction_targets(extractor, mutual, day)
    # a clause on the speaker still names the target
    held = "BEIJING, March 31 - China, which holds $900 billion of U.S. debt, has expressed alarm."
    assert reaction_targets(extractor, held, day) == {("CHN", "negative", "USA")}


def test_an_official_closing_a_sentence_of_his_states_intent_speaks_for_it(extractor):
    text = (
        "LIMA, March 11 - Bolivia will ask the IMF for a standby loan, deputy Finance Minister Jorge Quiroga "
        "said.\nQuiroga, who arrived in Lima last night for talks on debt, did not give the sum."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 11)) == {("BOL", "PER", "ongoing")}
    # guard: a state told what to do is no speaker's own ("X must stop ..., minister Y said")
    told = (
        "LIMA, March 11 - Bolivia must stop the smuggling, deputy Interior Minister Jorge Quiroga said.\n"
        "Quiroga, who arrived in Lima last night for talks on drugs, did not name the traffickers."
    )
    assert visit_statuses(extractor, told, dt.date(1987, 3, 11)) == set()
    # intent told as a plan refused or an attitude taken ("has no plans to", "takes very seriously")
    none = (
        "LIMA, March 11 - Bolivia has no plans to ask the IMF for a standby loan, deputy Finance Minister "
        "Jorge Quiroga said.\nQuiroga, who arrived in Lima last night for talks on debt, gave no sum."
    )
    assert visit_statuses(extractor, none, dt.date(1987, 3, 11)) == {("BOL", "PER", "ongoing")}


def test_a_mention_that_tells_no_time_takes_the_status_of_the_trip_told_elsewhere(extractor):
    day = dt.date(1987, 5, 4)
    back = (
        "CANBERRA, May 4 - Prime Minister Bob Hawke returned from Tokyo on Sunday after a four-day visit to "
        "Japan.\nAides said there would be pressure on him to call an election to capitalise on his "
        "Japanese trip."
    )
    assert visit_statuses(extractor, back, day) == {("AUS", "JPN", "completed")}
    ahead = (
        "BONN, May 4 - Chancellor Helmut Kohl will visit Moscow next month.\n"
        "Officials said there would be pressure on him to raise human rights during Kohl's trip to Moscow."
    )
    assert visit_statuses(extractor, ahead, day) == {("DEU", "SUN", "planned")}


def test_a_quote_in_one_bulleted_item_is_no_statement_of_a_speaker_in_another(extractor):
    text = (
        "POLITICS * The British government said it had no plans to re-examine a prisoner transfer agreement "
        'with Libya. * Republicans "are happy" to consider the bill, Senate Minority Leader Mitch McConnell '
        "said on Sunday."
    )
    assert ("GBR", "positive") not in reaction_keys(extractor, text, dt.date(2010, 7, 21))


def test_a_relative_pronoun_object_of_a_trip_verb_stands_for_the_place_it_follows(extractor):
    day = dt.date(1987, 6, 19)
    text = (
        "LAGOS, June 19 - Nigerian oil minister Rilwanu Lukman said that Norway, which he visited two weeks "
        "ago, had pledged cooperation."
    )
    assert visit_statuses(extractor, text, day) == {("NGA", "NOR", "completed")}
    ahead = "LAGOS, June 19 - Nigerian oil minister Rilwanu Lukman praised Oslo, which he will visit soon."
    assert ("NGA", "NOR", "planned") in visit_statuses(extractor, ahead, day)
    # guard: the pronoun of a clause on a common noun names no place
    many = "LAGOS, June 19 - Nigerian oil minister Rilwanu Lukman praised the countries which he visited."
    assert visit_statuses(extractor, many, day) == set()


def test_each_blaming_the_other_is_two_reactions_aimed_at_each_other(extractor):
    day = dt.date(1987, 3, 3)
    each = (
        "LONDON, March 3 - When the cocoa talks broke down on Sunday, Ghana and Britain each blamed the "
        "other for the failure."
    )
    assert reaction_targets(extractor, each, day) == {("GHA", "negative", "GBR"), ("GBR", "negative", "GHA")}
    # "to lay / put / pin the blame on X" is to blame X
    laid = (
        "LONDON, March 3 - The coffee talks broke down on Sunday. The U.S. and Brazil have each laid the "
        "blame on the other for the breakdown."
    )
    assert reaction_targets(extractor, laid, day) == {("USA", "negative", "BRA"), ("BRA", "negative", "USA")}
    pinned = "LONDON, March 3 - Britain pinned the blame squarely on Ghana for the failure of the talks."
    assert reaction_targets(extractor, pinned, day) == {("GBR", "negative", "GHA")}
    # guard: "each" with no "other" keeps the coordinated speakers out of each other's targets
    apart = "LONDON, March 3 - Ghana and Britain each voiced alarm at the collapse of the talks in Geneva."
    assert {r[2] for r in reaction_targets(extractor, apart, day)} <= {None, "CHE"}


def test_the_day_of_a_departure_ends_the_stay_left_and_does_not_date_the_one_set_off_for(extractor):
    def dated(text, day):
        return {(v["host_code"], v["start_date"], v["end_date"]) for v in visits_of(extractor, text, day)}

    apr6 = dt.date(1987, 4, 6)
    # the day of setting off is not told as the arrival (the gold leaves it undated)
    ahead = (
        "TOKYO, April 6 - Prime Minister Ken Sato leaves for Washington on April 29 for talks, aides said."
    )
    assert dated(ahead, apr6) == {("USA", None, None)}
    on = (
        "LAGOS, April 6 - Finance Minister Chu Obi held talks in Paris on debt. Obi left Paris today for "
        "London and is due back in Lagos on Monday, diplomatic sources said."
    )
    assert ("FRA", None, apr6) in dated(on, apr6)
    assert ("GBR", None, None) in dated(on, apr6)
    # the length of the trip left counts back from its last day
    back = (
        "TOKYO, April 6 - British minister Michael Hale repeated the threat of sanctions before leaving "
        "Tokyo yesterday at the end of a four-day visit."
    )
    assert dated(back, apr6) == {("JPN", dt.date(1987, 4, 2), dt.date(1987, 4, 5))}
    # two named travellers of one state make two trips: the day of one is not the other's
    two = (
        "TOKYO, April 6 - Prime Minister Ken Sato will visit Washington on April 29 for talks, aides said. "
        "The plan will be explained this week when Finance Minister Kiichi Mori visits Washington, aides "
        "added."
    )
    assert dated(two, apr6) == {("USA", dt.date(1987, 4, 29), None), ("USA", None, None)}


def test_a_trip_begun_in_the_present_with_no_day_starts_on_the_article_day(extractor):
    def dated(text):
        return {
            (v["host_code"], v["start_date"], v["end_date"])
            for v in visits_of(extractor, text, dt.date(1987, 4, 2))
        }

    talks = "BONN, April 2 - Polish deputy premier Jan Nowak begins two days of economic talks in Bonn."
    assert dated(talks) == {("DEU", dt.date(1987, 4, 2), dt.date(1987, 4, 3))}
    # guard: begun in the past, the day is not told
    began = "BONN, April 2 - Polish deputy premier Jan Nowak began a two-day visit to West Germany."
    assert dated(began) == {("DEU", None, None)}


def test_an_act_told_of_a_pronoun_or_of_a_group_is_the_act_of_those_it_stands_for(extractor):
    day = dt.date(2011, 6, 10)
    said = "Brazil, India and Chile say they want an end to Japan's grip on the top job at the bank."
    assert reaction_keys(extractor, said, day) == {
        ("BRA", "negative"),
        ("IND", "negative"),
        ("CHL", "negative"),
    }
    named = "Emerging powers like Brazil and India want an end to Japan's grip on the top job at the bank."
    assert reaction_keys(extractor, named, day) == {("BRA", "negative"), ("IND", "negative")}


def test_a_tour_carried_on_to_a_place_on_a_day_to_come_is_planned_there(extractor):
    text = (
        "French Finance Minister Ana Sousa has recently flown to Brazil and India and carries on her tour to "
        "Egypt this weekend."
    )
    got = visit_statuses(extractor, text, dt.date(2011, 6, 10))
    assert ("FRA", "EGY", "planned") in got
    # guard: carried on today, the tour is there now
    now = "French Finance Minister Ana Sousa continues her tour to Egypt today."
    assert visit_statuses(extractor, now, dt.date(2011, 6, 10)) == {("FRA", "EGY", "ongoing")}


def test_a_summit_named_as_a_deadline_places_no_one(extractor):
    day = dt.date(2011, 10, 21)
    deadline = (
        "U.S. President Barack Obama held a video conference with Merkel on Thursday, saying he hopes a "
        "solution will be in place in time for a summit of G20 leaders in Cannes on November 3-4."
    )
    assert visits_of(extractor, deadline, day) == []
    # guard: arriving in time for it, one is there
    arrive = "U.S. President Barack Obama will arrive in Cannes in time for the G20 summit."
    assert visit_statuses(extractor, arrive, day) == {("USA", "FRA", "planned")}


def test_an_official_on_his_way_home_passes_through(extractor):
    day = dt.date(1987, 3, 30)
    home = "WELLINGTON, March 30 - Prime Minister David Lange is in Hawaii on his way home from Vancouver."
    assert visits_of(extractor, home, day) == []
    apposed = (
        "ANKARA, March 30 - Prime Minister Turgut Ozal, in London on his way home from Washington, will be "
        "welcomed by thousands of Turks."
    )
    assert ("TUR", "GBR") not in {
        (v["visitor_code"], v["host_code"]) for v in visits_of(extractor, apposed, day)
    }
    # guard: on his way to talks elsewhere, the stop is still a trip's
    onward = (
        "WELLINGTON, March 30 - Prime Minister David Lange is in Hawaii on his way to talks in Washington."
    )
    assert ("NZL", "USA") in {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, onward, day)}


def test_a_stop_named_as_a_visit_on_the_way_home_is_one(extractor):
    """A stop the text calls a visit is one even on the way home, and the place left for home was visited."""
    day = dt.date(1987, 3, 10)
    visit = (
        "LONDON, March 10 - OPEC President Rilwanu Lukman said the group was firm. Lukman, during a brief "
        "visit to London on his way home from Jamaica, told Reuters that OPEC had underproduced."
    )
    assert visit_statuses(extractor, visit, day) == {("OPEC", "GBR", "ongoing"), ("OPEC", "JAM", "completed")}
    # a stop still to come: the traveller is where he comes home from now
    stop = (
        "TOKYO, March 2 - The talks will pave the way for Secretary of State George Shultz's one day "
        "stopover here at the weekend on his way home from China."
    )
    assert visit_statuses(extractor, stop, dt.date(1987, 3, 2)) == {
        ("USA", "JPN", "planned"),
        ("USA", "CHN", "ongoing"),
    }


def test_speaking_somewhere_in_the_past_perfect_is_over(extractor):
    day = dt.date(1987, 3, 3)
    had = "BONN, March 3 - Finance Minister Karl Vogel had said in Paris that the tax cut would come early."
    assert visit_statuses(extractor, had, day) == {("DEU", "FRA", "completed")}
    # guard: the simple past of a statement from a place is the report of one there now
    said = "BONN, March 3 - Finance Minister Karl Vogel said in Paris that the tax cut would come early."
    assert visit_statuses(extractor, said, day) == {("DEU", "FRA", "ongoing")}


def test_a_position_noun_owned_by_another_state_is_not_the_speakers_stance(extractor):
    day = dt.date(2012, 9, 17)
    owned = "Canada said it would file a trade case against Japan's support for car exports."
    assert ("CAN", "positive") not in reaction_keys(extractor, owned, day)
    # guard: welcoming another's support is the speaker's own praise
    welcomed = "Canada welcomed Japan's support for the plan."
    assert ("CAN", "positive") in reaction_keys(extractor, welcomed, day)


def test_from_names_the_holder_of_a_position_only_when_it_has_no_owner_of_its_own(exhaustive_extractor):
    day = dt.date(2004, 11, 1)
    # "its demands from the Afghan government": the group's demands, made on the government
    made_on = (
        "KABUL (Reuters) - A splinter group holding three U.N. workers demanded a response to its demands "
        "from the Afghan government and the United Nations."
    )
    assert reaction_keys(exhaustive_extractor, made_on, day) == set()
    # guard: "objections from China" are China's
    held = "TOKYO, Nov 1 - Japan's fishing plan drew objections from China, officials said."
    assert ("CHN", "negative") in reaction_keys(exhaustive_extractor, held, day)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a country's cleric is no state actor
        (
            "NAJAF, Iraq - Iraq's most powerful Shiite cleric, back from Britain, condemned the British "
            "government.",
            set(),
        ),
        # guard: a state's supreme leader who is a cleric by title still speaks for it
        (
            "TEHRAN - Iran's supreme leader Ayatollah Ali Khamenei condemned the British government.",
            {("IRN", "negative")},
        ),
    ],
)
def test_a_countrys_cleric_is_no_state_actor(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(2004, 8, 25)) == expected


def test_a_member_epithet_stands_for_the_state_of_the_story_not_the_organisation(extractor):
    text = (
        "CARACAS (Reuters) - Venezuela softened its tone on Tuesday over a threat to stop oil sales to "
        "America.\nAnalysts said the anti-U.S. president would keep shipping oil, even as the OPEC nation "
        "repeated its threat against the United States."
    )
    keys = reaction_keys(extractor, text, dt.date(2008, 2, 12))
    assert ("VEN", "negative") in keys
    assert ("OPEC", "negative") not in keys and ("USA", "negative") not in keys


def test_a_speaker_telling_of_another_states_stance_takes_none_of_his_own(extractor):
    day = dt.date(1987, 4, 1)
    told = (
        "BELGRADE, April 1 - Prime Minister Branko Mikulic said the International Monetary Fund criticised "
        "Yugoslavia for not regulating consumption."
    )
    assert reaction_keys(extractor, told, day) == {("IMF", "negative")}
    # guard: his own clause beside it is still his
    own = "TOKYO, April 1 - Minister Ken Sato said China had criticised Japan and the ruling was wrong."
    assert ("JPN", "negative") in reaction_keys(extractor, own, day)


def test_a_city_with_its_country_after_a_comma_is_that_countrys(extractor):
    day = dt.date(1987, 4, 8)
    text = (
        "FRANKFURT, April 8 - Bundesbank President Karl Otto Poehl said in a speech in Surrey, England, that "
        "growth slowed."
    )
    assert {(v["host_code"], v["location"]) for v in visits_of(extractor, text, day)} == {("GBR", "Surrey")}


def test_an_institution_in_a_sentence_opened_by_its_place_is_that_places(extractor):
    day = dt.date(2009, 5, 25)
    text = "WASHINGTON (Reuters) - Markets rose. In Tokyo, the government criticised the U.S. tariffs."
    assert reaction_keys(extractor, text, day) == {("JPN", "negative")}
    assert visits_of(extractor, text, day) == []


def test_a_meeting_to_come_on_a_trip_under_way_is_part_of_it(extractor):
    day = dt.date(2009, 6, 1)
    text = (
        "BEIJING (Reuters) - U.S. Treasury Secretary Timothy Geithner, on his first visit to China as "
        "Treasury chief, gave fresh assurances on Monday.\nThe budget will be cut, Geithner said in "
        "interviews ahead of meetings with President Hu Jintao."
    )
    assert visit_statuses(extractor, text, day) == {("USA", "CHN", "ongoing")}
    # guard: a trip told only by a noun's present tense is no proof of being there
    ahead = (
        "LONDON, March 22 - King Fahd of Saudi Arabia will hold talks with Prime Minister Margaret "
        "Thatcher.\nKing Fahd's trip follows several visits to Saudi Arabia by British officials."
    )
    assert ("SAU", "GBR", "planned") in visit_statuses(extractor, ahead, dt.date(1987, 3, 22))


def test_a_dateline_official_away_on_a_trip_meets_abroad(extractor):
    day = dt.date(1987, 4, 17)
    lead = "WASHINGTON, April 17 - U.S. Agriculture Secretary Richard Lyng"
    meets = "Lyng will meet Japanese Prime Minister Yasuhiro Nakasone on Tuesday."
    cases = [
        (f"{lead} leaves on Sunday on a two-week trip to Asia, officials said.\n{meets}", {("USA", "JPN")}),
        # guard: told nothing of a trip, the dateline places the meeting (the foreign leader is the visitor)
        (f"{lead} said prices would rise.\n{meets}", {("JPN", "USA")}),
        # guard: a trip behind him does not take him away
        (
            f"{lead}, back from his trip last month to Asia, said prices would rise.\n{meets}",
            {("JPN", "USA")},
        ),
    ]
    for text, expected in cases:
        assert pairs(visits_of(extractor, text, day)) == expected, text


def test_a_trip_told_by_its_region_is_at_a_dateline_inside_it(extractor):
    day = dt.date(1987, 5, 4)
    inside = (
        "ROME, May 4 - Japanese Foreign Minister Tadashi Kuranari, on a tour of European capitals, said "
        "trade frictions would ease."
    )
    assert pairs(visits_of(extractor, inside, day)) == {("JPN", "ITA")}
    group = (
        "OTTAWA, May 4 - Japanese Finance Minister Kiichi Miyazawa, on a tour of G7 nations, said rates "
        "would fall."
    )
    assert pairs(visits_of(extractor, group, day)) == {("JPN", "CAN")}
    # Korea is no G7 member
    assert visits_of(extractor, group.replace("OTTAWA", "SEOUL"), day) == []
    # guard: filed from outside the region, the trip places nothing; nor at home
    outside = inside.replace("ROME", "WASHINGTON")
    assert visits_of(extractor, outside, day) == []
    home = (
        "TOKYO, May 4 - Japanese Foreign Minister Tadashi Kuranari, on a tour of Asian nations, said trade "
        "would grow."
    )
    assert visits_of(extractor, home, day) == []
    # nor a trip of another month: it says nothing of where the story is filed from
    earlier = (
        "GENEVA, March 20 - U.S. trade officials again made clear their anger over what they call unfair "
        "support for Airbus, voiced during a visit to European capitals in February."
    )
    assert visits_of(extractor, earlier, dt.date(1987, 3, 20)) == []


def test_a_place_hosting_leaders_it_names_is_their_host(extractor):
    day = dt.date(2013, 9, 1)
    text = (
        "The resort town of Sochi will host world leaders, including U.S. President Barack Obama and Chinese "
        "President Xi Jinping, at the summit in February."
    )
    assert pairs(visits_of(extractor, text, day)) == {("USA", "RUS"), ("CHN", "RUS")}
    # guard: a host that is no place gives no visit place
    firm = "The company will host world leaders, including U.S. President Barack Obama, at the dinner."
    assert visits_of(extractor, firm, day) == []


def test_a_company_the_article_introduces_as_one_is_no_state_speaker(extractor):
    day = dt.date(2008, 5, 20)
    text = "Finnish phone maker Nokia asked the U.S. International Trade Commission for a ban on the imports."
    assert reaction_keys(extractor, text, day) == set()
    # guard: the state itself still speaks
    state = "Finland asked the U.S. International Trade Commission for a ban on the imports."
    assert ("FIN", "negative") in reaction_keys(extractor, state, day)


def test_a_stance_verb_the_lemmatizer_spells_otherwise(extractor):
    # spaCy lemmatizes "lambasted" to "lambast" (a spelling of "lambaste" it does not know): both are listed
    text = "The IMF lambasted Greek policymakers for dithering over the crisis."
    assert ("IMF", "negative") in reaction_keys(extractor, text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a condition, a concession or an idiom holds a cue word the speaker does not judge by
        (
            "Philippine Finance Minister Jaime Ongpin said the notes would help Brazil, provided it is "
            "willing to welcome foreign equity investment.",
            set(),
        ),
        (
            "Canadian central bank governor John Crow said Canada's banks remain sound despite recent "
            "concern about their exposure in Brazil.",
            set(),
        ),
        ("A U.S. spokesman said, 'We have good reason to think West Germany holds to its position.'", set()),
        ("U.S. envoy Mike Armacost said the U.S. hopes Japan will settle outstanding trade issues.", set()),
        ("A U.S. spokesman said there is a good chance that Japan will cut its tariffs.", set()),
        ("A Japanese trade official said Japan is implementing the U.S. accord in good faith.", set()),
        ("A Philippine official said a U.S. bank was interested in all outstanding SMC stock.", set()),
        # "encouraging" as a verb urges, it does not praise
        ("A U.S. official said the new NATO policy is aimed at encouraging more joint projects.", set()),
        # "difficult" describing a thing ("a difficult phase", "difficult issues") judges nothing
        ("A U.S. spokesman said the talks with Japan will include some difficult items.", set()),
        # guards: the same words where they judge
        ("A U.S. spokesman said the West German offer was a good one.", {("USA", "positive")}),
        (
            "A U.S. spokesman said it was difficult to defend Japan's high import tariffs.",
            {("USA", "negative")},
        ),
        ("A U.S. spokesman said it was encouraging that Japan had cut its tariffs.", {("USA", "positive")}),
        (  # "more harm than good" is no praise but its opposite
            "France said the West German proposal would do more harm than good.",
            {("FRA", "negative")},
        ),
        (
            "Canadian Governor John Crow said he was concerned about Brazil's debt moratorium.",
            {("CAN", "negative")},
        ),
    ],
)
def test_cue_words_in_conditions_concessions_and_idioms(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 3, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "IMF First Deputy Managing Director David Lipton said in a speech in London that debt must fall.",
            set(),
        ),
        (
            "EU Trade Commissioner Karel De Gucht told Reuters during a visit to Argentina that talks went "
            "well.",
            set(),
        ),
        ("World Bank Vice President David Knox arrived in Buenos Aires on Thursday.", set()),
        # guard: the head of the body travels
        (
            "IMF Managing Director Christine Lagarde said in a speech in London that debt must fall.",
            {("IMF", "GBR")},
        ),
    ],
)
def test_an_igo_deputy_or_commissioner_is_no_visitor(extractor, text, expected):
    assert pairs(visits_of(extractor, text, dt.date(2012, 3, 2))) == expected


def test_a_newspaper_one_is_quoted_in_is_no_place(extractor):
    text = (
        "Saudi Oil Minister Ali al-Naimi was quoted saying in Algerian government newspaper El Moudjahid "
        "that prices were high."
    )
    assert visits_of(extractor, text, dt.date(2007, 12, 14)) == []
    # guard: a city one speaks in
    text = "Saudi Oil Minister Ali al-Naimi was quoted saying in Algiers that prices were high."
    assert pairs(visits_of(extractor, text, dt.date(2007, 12, 14))) == {("SAU", "DZA")}


def test_for_gives_an_infinitive_trip_its_traveller(extractor):
    # "providing for family members to fly home": the family members fly, not the secretary who provides
    text = (
        "WASHINGTON, March 19 - Defense Secretary Caspar Weinberger also is providing for some family "
        "members of troops to fly home from West Germany, Japan and Italy on military transports."
    )
    assert visits_of(extractor, text, dt.date(1987, 3, 19)) == []
    # guard: the one "for" names is a state traveller
    text = "TOKYO, March 19 - Japan has arranged for Chinese Premier Zhao Ziyang to fly to Osaka on Friday."
    assert pairs(visits_of(extractor, text, dt.date(1987, 3, 19))) == {("CHN", "JPN")}


def test_data_and_a_firms_retail_head_are_no_speakers(extractor):
    text = (
        "SYDNEY (Reuters) - The U.S. dollar held ground after surprisingly strong U.S. price and "
        "manufacturing data suggested the Federal Reserve may be less aggressive in cutting rates than Japan."
    )
    assert reaction_keys(extractor, text, dt.date(2008, 4, 16)) == set()
    text = (
        '"Their malls in the U.S. are pretty good," said Bruce Nutman, UK head of retail capital markets at '
        "CB Richard Ellis."
    )
    assert reaction_keys(extractor, text, dt.date(2009, 4, 16)) == set()
    # guard: a minister speaking of the figures
    text = "Japanese Trade Minister Hajime Tamura said the U.S. trade figures were unfair to Japan."
    assert reaction_keys(extractor, text, dt.date(1987, 4, 16)) == {("JPN", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "WASHINGTON (Reuters) - The slowdown will drag on growth, Fed Chairman Ben Bernanke told a "
            "monetary policy conference in Cape Town, South Africa, by satellite.",
            set(),
        ),
        (
            "WASHINGTON (Reuters) - Paulson said at a news conference at the close of two days of high-level "
            "U.S.-China talks.",
            set(),
        ),
        # guards: the speaker is there; the talks are placed
        (
            "WASHINGTON (Reuters) - The slowdown will drag on growth, Fed Chairman Ben Bernanke told a "
            "monetary policy conference in Cape Town, South Africa.",
            {("USA", "ZAF")},
        ),
        (
            "Treasury Secretary Henry Paulson arrived for U.S.-China talks in Beijing on Monday.",
            {("USA", "CHN")},
        ),
        # guard: a remote link in what is said, not in how the speaker speaks
        (
            "U.S. Secretary of State Mike Pompeo said in Tokyo on Monday he would speak to the Chinese "
            "foreign minister over the phone.",
            {("USA", "JPN")},
        ),
    ],
)
def test_no_trip_by_satellite_nor_to_the_other_party_of_paired_talks(extractor, text, expected):
    got = pairs(visits_of(extractor, text, dt.date(2007, 5, 23)))
    assert got == expected


def test_members_named_in_apposition_each_take_the_stance(extractor):
    text = (
        "MANAMA, March 2 - The EC plans a tax on oils. GCC members Saudi Arabia, Kuwait, Bahrain and Qatar "
        "are threatening to impose heavy customs duties on European exports if no solution is reached."
    )
    reactions = reactions_of(extractor, text, dt.date(1987, 3, 2))
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {
        (code, "negative") for code in ("SAU", "KWT", "BHR", "QAT")
    }
    assert {r["target_code"] for r in reactions} == {"EC"}


def test_each_nationality_before_a_plural_office_travels(extractor):
    # the parser hangs "French" and "German" on "leaders" and chains "Spanish" to "German"
    text = "ROME (Reuters) - French, German and Spanish leaders met in Rome on Friday."
    got = pairs(visits_of(extractor, text, dt.date(2012, 6, 25)))
    assert got == {("FRA", "ITA"), ("DEU", "ITA"), ("ESP", "ITA")}
    # guard: a portfolio word before the office is no nationality
    text = "ROME (Reuters) - German finance officials met in Rome on Friday."
    got = pairs(visits_of(extractor, text, dt.date(2012, 6, 25)))
    assert got == {("DEU", "ITA")}


def test_each_igo_or_state_named_before_a_plural_office_speaks(extractor):
    # the parser hangs "EU" on "officials" as a modifier and "IMF" on "EU" as its conjunct
    text = "EU and IMF officials warned Greece would have to take more austerity steps."
    got = codes_stances(extractor, text, dt.date(2011, 6, 9))
    assert got == {("EU", "negative"), ("IMF", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HONG KONG (Reuters) - Chinese President Hu Jintao is expected to announce incentives when he "
            "visits Hong Kong this week.",
            "planned",
        ),
        (
            "TOKYO (Reuters) - Chinese President Hu Jintao plans to sign the deal when he visits Japan.",
            "planned",
        ),
        # guard: a past wish says nothing of when
        (
            "TOKYO (Reuters) - Chinese President Hu Jintao wanted to sign the deal when he visits Japan.",
            "ongoing",
        ),
    ],
)
def test_a_time_clause_under_an_expected_or_planned_act_is_still_to_come(extractor, text, expected):
    assert [v["status"] for v in visits_of(extractor, text, dt.date(2012, 6, 27))] == [expected]


@pytest.mark.parametrize(
    "text",
    [
        "European Commission President Jose Manuel Barroso said more was needed from Greece.",
        "European Commission President Jose Manuel Barroso said more is needed in Greece's budget plans.",
    ],
)
def test_more_is_needed_is_a_demand(extractor, text):
    assert reaction_keys(extractor, text, dt.date(2010, 3, 2)) == {("EU", "negative")}


def test_a_present_trip_in_a_later_month_is_still_to_come(extractor):
    text = "WASHINGTON (Reuters) - U.S. President Barack Obama goes to Havana in mid-March."
    assert visit_statuses(extractor, text, dt.date(2016, 2, 18)) == {("USA", "CUB", "planned")}
    # guard: a past tense keeps its own time
    text = "WASHINGTON (Reuters) - U.S. President Barack Obama visited Cuba in March."
    assert visit_statuses(extractor, text, dt.date(2016, 2, 18)) == {("USA", "CUB", "completed")}


def test_the_host_speaking_after_meeting_the_visitor_comments_on_the_visit(extractor):
    # "did signal": the tagger reads "signal" as a noun; the parser still gives it a subject and "did"
    text = (
        "BERLIN (Reuters) - Greek Prime Minister George Papandreou visited Berlin on Friday. Merkel did "
        "signal after meeting Greek Prime Minister George Papandreou that rescheduling the repayment period "
        "of Greece's aid could be considered."
    )
    assert ("DEU", "neutral") in reaction_keys(extractor, text, dt.date(2011, 5, 13))
    text = (
        'TOKYO (Reuters) - U.S. Treasury Secretary Henry Paulson arrived in Tokyo on Monday. "Both economies '
        'are moving smoothly," Japanese Economy Minister Koji Omi told reporters after meeting Paulson.'
    )
    assert ("JPN", "neutral") in reaction_keys(extractor, text, dt.date(2007, 3, 5))
    # guard: the same words from a side that hosts no one
    text = (
        'TOKYO (Reuters) - U.S. Treasury Secretary Henry Paulson arrived in Tokyo on Monday. "Both economies '
        'are moving smoothly," Chinese Vice Premier Wu Yi told reporters after a meeting in Beijing.'
    )
    assert ("CHN", "neutral") not in reaction_keys(extractor, text, dt.date(2007, 3, 5))


def test_the_host_speaking_in_a_part_of_the_talks_with_the_visitor(extractor):
    text = (
        "TOKYO, June 1 - Prime Minister Yasuhiro Nakasone explained the conditions during the first round of "
        "talks with the visiting Polish leader Wojciech Jaruzelski, foreign ministry sources said."
    )
    assert ("JPN", "neutral") in reaction_keys(extractor, text, dt.date(1987, 6, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Secretary of State John Kerry said it was important the Mongolian government implement the "
            "transparency agreement.",
            {("USA", "negative")},
        ),
        (
            "EU Commissioner Neelie Kroes said Greece's political leaders must realize the danger.",
            {("EU", "negative")},
        ),
        # a word of necessity with "for" a state and a "to" verb, the "that" clause's other form
        (
            '"It is important for China to open its markets," U.S. Treasury Secretary Timothy Geithner said.',
            {("USA", "negative")},
        ),
        (
            "German Finance Minister Wolfgang Schaeuble said it was vital for Athens to stick to the "
            "program.",
            {("DEU", "negative")},
        ),
        # guards: the copula negated; an inverted condition; a duty the speaker's own state shares
        (
            "German Finance Minister Wolfgang Schaeuble said it was not necessary for Greece to give new "
            "guarantees.",
            set(),
        ),
        (
            "South Korean President Moon Jae-in said he would go along should the U.S. president decide to "
            "visit the border.",
            set(),
        ),
        (
            "U.S. Treasury Secretary Timothy Geithner said the major economies -- Japan and the United "
            "States among them -- need to allow their exchange rates to adjust.",
            set(),
        ),
    ],
)
def test_a_demand_on_a_government_its_nationality_names(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2012, 4, 24)) == expected


def test_a_fronted_place_with_a_purpose_places_the_speaker(exhaustive_extractor):
    extractor = exhaustive_extractor  # the rule, whatever the pre-filter passes
    text = (
        "Mexico's central bank governor Agustin Carstens is a candidate. In New Delhi to drum up support for "
        "his candidacy, Carstens said India agreed."
    )
    assert visit_statuses(extractor, text, dt.date(2011, 6, 2)) == {("MEX", "IND", "ongoing")}
    # guard: a place inside the purpose, not fronted
    text = (
        "Mexico's central bank governor Agustin Carstens is a candidate. Carstens said he hoped to drum up "
        "support in New Delhi."
    )
    assert visit_statuses(extractor, text, dt.date(2011, 6, 2)) == set()


def test_while_in_a_place_places_the_subject_there(exhaustive_extractor):
    extractor = exhaustive_extractor  # the rule, whatever the pre-filter passes
    text = "While in New York, Israeli Foreign Minister Yitzhak Tamir has conferred with U.N. diplomats."
    assert visit_statuses(extractor, text, dt.date(1987, 3, 29)) == {("ISR", "USA", "ongoing")}
    text = "While in the U.S. earlier this month, Soviet official Viktor Nikonov predicted a good crop."
    assert visit_statuses(extractor, text, dt.date(1987, 10, 19)) == {("SUN", "USA", "completed")}
    # guard: "while" opening a clause of its own sets no scene ("while in October ...", "while in Italy X is")
    text = "Soviet agriculture official Viktor Nikonov predicted a good crop, while in the U.S. prices fell."
    assert visit_statuses(extractor, text, dt.date(1987, 10, 19)) == set()


def test_a_commissioner_speaks_for_the_eu(extractor):
    text = (
        "BRUSSELS (Reuters) - Trade Commissioner Karel De Gucht criticised China's export curbs on Monday, "
        "the European Union said."
    )
    assert ("EU", "negative") in reaction_keys(extractor, text, dt.date(2012, 3, 5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "WASHINGTON, March 11 - Canadian Foreign Secretary Joe Clark yesterday held talks with Vice "
            "President George Bush.",
            {("CAN", "USA", "ongoing")},
        ),
        (
            "CARACAS, March 11 - Ecuador's Deputy Energy Minister Fernando Santos Alvite last night met "
            "Venezuelan energy minister Arturo Hernandez Grisanti.",
            {("ECU", "VEN", "ongoing")},
        ),
        # guard: last week's talks are over
        (
            "WASHINGTON, March 11 - Canadian Foreign Secretary Joe Clark held talks with Vice President "
            "George Bush last week.",
            {("CAN", "USA", "completed")},
        ),
    ],
)
def test_a_meeting_yesterday_where_the_report_is_written_is_part_of_a_visit_under_way(
    extractor, text, expected
):
    assert visit_statuses(extractor, text, dt.date(1987, 3, 11)) == expected


@pytest.mark.parametrize(
    ("verb", "expected"),
    [("said", "completed"), ("will say", "planned")],
)
def test_a_past_verb_at_a_meeting_at_the_weekend_is_over(extractor, verb, expected):
    text = (
        f"BERLIN (Reuters) - German Finance Minister Wolfgang Schaeuble {verb} at a meeting of EU finance "
        "ministers in Cyprus at the weekend that direct recapitalisation was not possible."
    )
    assert visit_statuses(extractor, text, dt.date(2012, 9, 17)) == {("DEU", "CYP", expected)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The U.S. tariff plan drew sharp objections from Mexico.", {("MEX", "negative")}),
        (
            "Washington's new quota has sparked protests from exporters such as Chile, Peru and Colombia.",
            {("CHL", "negative"), ("PER", "negative"), ("COL", "negative")},
        ),
        ("The Canadian proposal has won praise from Norway.", {("NOR", "positive")}),
        (
            "The Canadian proposal received strong backing from the Norwegian government.",
            {("NOR", "positive")},
        ),
    ],
)
def test_a_position_drawn_from_others_belongs_to_those_after_from(extractor, text, expected):
    # the parser hangs "from Mexico" on "drew", not on "objections"
    assert reaction_keys(extractor, text, dt.date(2011, 5, 2)) == expected


def test_a_warning_device_is_no_warning(extractor):
    text = (
        "WASHINGTON, May 2 - Raytheon is being awarded a 90 mln dlr contract for radar warning receivers "
        "for the air forces of Norway and Denmark, the Defense Department said."
    )
    assert reaction_keys(extractor, text, dt.date(1987, 5, 2)) == set()


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # the act names only places of the speaker's own state: domestic, not aimed at Syria
        (
            "The Justice Department threatened to cut off funding to Oregon and to five cities across the "
            "United States.",
            set(),
        ),
        # guard: an act with no place takes its target from the sentence before
        ("The State Department condemned the shelling.", {("USA", "negative")}),
    ],
)
def test_an_act_aimed_at_home_takes_no_target_from_the_sentence_before(extractor, second, expected):
    text = f"Syrian forces shelled the town of Idlib on Sunday. {second}"
    assert reaction_keys(extractor, text, dt.date(2017, 5, 2)) == expected


@pytest.mark.parametrize(
    "department", ["The Treasury Department", "The Commerce Department", "The Department of Justice"]
)
def test_us_executive_departments_speak_for_the_united_states(extractor, department):
    # (Japan's refusal is a position of its own too, as "Britain rejects German calls" is Germany's)
    text = f"{department} criticized Japan's refusal to open its construction market."
    assert ("USA", "negative") in reaction_keys(extractor, text, dt.date(1988, 5, 2))


@pytest.mark.parametrize(
    ("apposition", "expected"),
    [
        ("head of the Americas desk at the Soviet Foreign Ministry", {("SUN", "negative")}),
        ("a counsellor at the Japanese embassy", {("JPN", "negative")}),
        # guard: an employer's city is no state office
        ("chief economist at Daiwa Securities in Tokyo", set()),
    ],
)
def test_an_official_at_a_states_ministry_speaks_for_that_state(extractor, apposition, expected):
    text = f"LIMA, May 4 - Ivan Petrov, {apposition}, said Peru's debt moratorium was a serious mistake."
    assert reaction_keys(extractor, text, dt.date(1987, 5, 4)) == expected


@pytest.mark.parametrize(
    ("demonym", "code"),
    [
        ("Belarussian", "BLR"),
        ("Azeri", "AZE"),
        ("Zairean", "COD"),
        ("Slovene", "SVN"),
        ("Luxembourger", "LUX"),
    ],
)
def test_spelling_variants_of_demonyms_name_their_state(extractor, demonym, code):
    text = f"The {demonym} foreign minister condemned the Russian decision."
    assert reaction_keys(extractor, text, dt.date(2010, 5, 3)) == {(code, "negative")}


@pytest.mark.parametrize(
    ("first", "expected"),
    [
        # the partner named in the talks' sentence travels to the officials' state: the talks are that trip's
        ("Australian Trade Minister John Dawkins flies to Seoul on Sunday.", {("AUS", "KOR")}),
        # guard: with no such trip, the unnamed officials come to the dateline's side
        ("Australian Trade Minister John Dawkins spoke to reporters.", {("KOR", "AUS")}),
    ],
)
def test_talks_with_unnamed_officials_follow_the_partners_own_trip(extractor, first, expected):
    text = (
        f"CANBERRA, May 4 - {first} Dawkins said he would raise the beef quota in talks with South Korean "
        "officials."
    )
    assert {
        (v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(1987, 5, 4))
    } == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Brazil raised concerns with Washington over the new U.S. ethanol tariff.", {("BRA", "negative")}),
        ("The Thai trade minister has raised objections to the proposed EC levy.", {("THA", "negative")}),
        # guards: none raised; a thing gives cause for concern; a subject the parser did not tie
        ("Chile and Peru raised no objections to the EC levy.", set()),
        ("Chile expressed no opposition to the EC levy.", set()),
        ("The U.S. ethanol tariff raised concerns in Brazil.", set()),
        (
            "Brazil has long taxed ethanol but extending the tax to U.S. imports had raised concern among "
            "traders.",
            set(),
        ),
    ],
)
def test_concerns_raised_by_a_state_are_its_position(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2011, 5, 2)) == expected


@pytest.mark.parametrize(
    "office", ["A MITI official", "A Ministry of International Trade and Industry official"]
)
def test_japans_trade_ministry_speaks_for_japan(extractor, office):
    text = f"{office} said the U.S. tariffs on Japanese chips were regrettable."
    assert reaction_keys(extractor, text, dt.date(1987, 4, 8)) == {("JPN", "negative")}


def test_the_pre_filter_keeps_a_sentence_of_officials_coming_to_discuss(extractor):
    # "discuss" is a meeting word: with an official and "here" the sentence may tell a trip
    text = (
        "WASHINGTON, April 3 - The United States will keep its tariffs on Brazilian steel, Trade "
        "Representative Clayton Yeutter said. The two senior Brazilian government representatives who would "
        "be coming here in the next few days to discuss the issue would probably be unable to show new "
        "evidence, he said. He gave no "
        "details."
    )
    visits = visits_of(extractor, text, dt.date(1987, 4, 3))
    assert {(v["visitor_code"], v["host_code"], v["status"]) for v in visits} == {("BRA", "USA", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a statement made abroad on a day before the report, reported from elsewhere: that stop is over
        (
            "Brazil's Finance Minister Dilson Funaro said in Paris on Monday that the banks were wrong.",
            "completed",
        ),
        # guard: reported from the place itself, the visitor is still there
        (
            "PARIS, March 11 - Brazil's Finance Minister Dilson Funaro said here on Monday that the banks "
            "were wrong.",
            "ongoing",
        ),
    ],
)
def test_a_statement_abroad_on_an_earlier_day_ends_that_stop(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 3, 11)) == {("BRA", "FRA", expected)}


@pytest.mark.parametrize(
    ("second", "expected"),
    [
        # "the company" is the foreign firm the article named last
        ("The Brazilian government has said the company's offer is inadequate.", {("BRA", "negative")}),
        # guard: a firm of the speaker's own state is no target
        ("The Japanese government has said the company's offer is inadequate.", set()),
    ],
)
def test_the_company_is_the_firm_named_before(extractor, second, expected):
    text = f"Japanese carmaker Nissan Motor made an offer for the Curitiba plant last month. {second}"
    assert reaction_keys(extractor, text, dt.date(2009, 6, 1)) == expected


def test_a_state_suing_a_foreign_firm_takes_a_stance_against_it(extractor):
    text = "Australia is suing Japan's Sony, alleging it broke its investment commitments."
    assert reaction_keys(extractor, text, dt.date(2012, 5, 1)) == {("AUS", "negative")}


def test_a_seat_met_at_under_its_own_dateline_keeps_the_datelines_city(extractor):
    text = (
        "WASHINGTON (Reuters) - Jordan's King Abdullah met President Donald Trump at the White House on "
        "Monday."
    )
    visits = visits_of(extractor, text, dt.date(2018, 6, 13))
    assert [(v["visitor_code"], v["host_code"], v["location"]) for v in visits] == [
        ("JOR", "USA", "Washington")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # An embassy or ambassador speaks of the country it sits in when what it says names no other.
        (
            "NAIROBI (Reuters) - Clashes erupted after the vote. The U.S. ambassador said Washington was "
            "deeply concerned by the violence.",
            {("USA", "negative")},
        ),
        (
            "LIMA (Reuters) - Protests went on. The Spanish embassy said it was worried by the unrest.",
            {("ESP", "negative")},
        ),
        # guards: a visiting minister is no resident; an IGO's official at its seat speaks for no state there
        (
            "NAIROBI (Reuters) - Clashes erupted after the vote. U.S. Secretary of State Rex Tillerson said "
            "he was deeply concerned by the violence.",
            set(),
        ),
        (
            "GENEVA (Reuters) - Talks stalled again. The EU ambassador said the bloc was worried by the slow "
            "progress.",
            set(),
        ),
    ],
)
def test_a_resident_embassy_speaks_of_its_host(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2017, 11, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "responsible for" a wrong is blame, whatever "a responsible partner" praises
        (
            "British Foreign Secretary Ian Hart said Russia was responsible for the poisoning.",
            {("GBR", "negative")},
        ),
        (
            "British Foreign Secretary Ian Hart said Russia had been a responsible partner.",
            {("GBR", "positive")},
        ),
        # guards: a share, and an office, are no blame
        ("British Foreign Secretary Ian Hart said China was responsible for 50 percent of the trade.", set()),
        (
            "British Foreign Secretary Ian Hart said the Russian minister responsible for trade would come.",
            set(),
        ),
        # grave charges are a stance
        (
            "U.S. Secretary of State Ian Hart said the situation in Rakhine was ethnic cleansing by Myanmar.",
            {("USA", "negative")},
        ),
    ],
)
def test_blame_and_grave_charges(extractor, text, expected):
    assert stances(extractor, text, dt.date(2018, 6, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # refusing recognition, blood on one's hands: plain negative phrases of diplomacy
        (
            "Germany's foreign minister said the Russian annexation of Crimea would never be recognised.",
            {("DEU", "negative")},
        ),
        (
            "The EU foreign policy chief said the bloc would not recognise the election result in Venezuela.",
            {("EU", "negative")},
        ),
        ("U.S. Ambassador Nikki Haley said Russia had blood on its hands.", {("USA", "negative")}),
        # taking aim at someone, being appalled by what they did
        ("China took aim at the United States on Friday over its new tariffs.", {("CHN", "negative")}),
        # taking issue with it; dismay, outrage or unhappiness voiced
        ("China took issue with the U.S. decision on tariffs.", {("CHN", "negative")}),
        ("China voiced dismay at the U.S. decision on tariffs.", {("CHN", "negative")}),
        ("Brazil has expressed unhappiness at the impact of cheap Chinese imports.", {("BRA", "negative")}),
        # the manner of a response; pressure put on another state
        ("China reacted angrily to the U.S. sanctions.", {("CHN", "negative")}),
        ("Germany responded coolly to the Greek request.", {("DEU", "negative")}),
        ("China reacted positively to the U.S. proposal.", {("CHN", "positive")}),
        ("China did not react angrily to the U.S. proposal.", set()),
        ("Britain had reacted optimistically to the letter from the Japanese leader.", {("GBR", "positive")}),
        # a swipe taken at someone; siding with someone; misgivings voiced about their act
        ("Venezuela's president took a fresh swipe at the United States.", {("VEN", "negative")}),
        ("Venezuela has traditionally sided with Iran in OPEC.", {("VEN", "positive")}),
        ("Japan's finance minister voiced misgivings about the U.S. plan.", {("JPN", "negative")}),
        # suspicion of another's act; a prepositional predicate of a position
        ("The U.S. government has been suspicious of Chinese telecom firms.", {("USA", "negative")}),
        ("France is in favour of a Greek debt write-down.", {("FRA", "positive")}),
        ("Germany is at odds with France over the bailout fund.", {("DEU", "negative")}),
        ("Germany is not at odds with France over the bailout fund.", set()),
        # a position told by a phrase on another verb or on its object
        (
            "The U.S. government filed a brief in support of Argentina's bid for a rehearing.",
            {("USA", "positive")},
        ),
        ("Japan cancelled a meeting in protest at the South Korean visit.", {("JPN", "negative")}),
        # support for a move against a party is a stand against it, unless the move is another state's
        ("France supports sanctions against Iran.", {("FRA", "negative")}),
        ("U.S. lawmakers voiced support for military intervention in Syria.", {("USA", "negative")}),
        ("Britain backed the United States' attack on an Iranian oil platform.", {("GBR", "positive")}),
        # a green light given, cold water poured; lobbying another to act
        ("The European Commission gave the green light to Spain's budget plan.", {("EU", "positive")}),
        (
            "Germany's finance minister poured cold water on the French idea of euro bonds.",
            {("DEU", "negative")},
        ),
        ("Israel has lobbied Washington to take a harder line.", {("ISR", "negative")}),
        # an act asked about ("asked if ...") did not take place
        (
            "Asked if Germany had ruled out more aid for Greece, the Dutch finance minister said he did not "
            "know.",
            set(),
        ),
        ("Washington has stepped up pressure on Beijing to revalue the yuan.", {("USA", "negative")}),
        ("Washington kept up its pressure on Beijing to revalue the yuan.", {("USA", "negative")}),
        # guards: a postponed meeting is "pushed back"; pressure on a market is on no state
        ("The meeting with German Chancellor Angela Merkel has been pushed back until Friday.", set()),
        ("Washington's plan put pressure on the dollar, Japanese Finance Minister Ken Ito said.", set()),
        # ... and an investigation is no state actor, whatever its nationality
        ("The Italian investigation is putting pressure on the Indian government.", set()),
        (
            "Britain's foreign office said it was appalled by the sentence handed down by the Iranian court.",
            {("GBR", "negative")},
        ),
        # a friend named is praise
        ("Brazil's president said Trump was a great friend of Brazil.", {("BRA", "positive")}),
        # solidarity is support
        ("Britain said it stood shoulder to shoulder with France after the attacks.", {("GBR", "positive")}),
        # readiness to support is support
        (
            "Italian Treasury Minister Giovanni Goria expressed Italy's willingness to support Brazil's "
            "efforts.",
            {("ITA", "positive")},
        ),
        ("Japan said it was prepared to back the Korean proposal.", {("JPN", "positive")}),
        # a vow or a pledge is said: what it holds carries the stance
        ("Iran vowed to retaliate against Israel for the strike.", {("IRN", "negative")}),
        (
            "Mexico and Egypt have pledged support for OPEC's bid to keep prices stable.",
            {("MEX", "positive"), ("EGY", "positive")},
        ),
    ],
)
def test_recognition_solidarity_vows_and_pledges(extractor, text, expected):
    assert stances(extractor, text, dt.date(2018, 6, 11)) == expected


def test_verbs_of_praise_and_rebuke_open_an_article(extractor):
    # a clear stance verb opens an article in the pre-filter though the sentence names one state and a leader
    assert stances(extractor, "Israel thanked Trump for his decision.", dt.date(2018, 6, 11)) == {
        ("ISR", "positive")
    }
    # guard: a currency that appreciates takes no stance
    text = (
        "TAIPEI, April 1 - The central bank governor said the Taiwan dollar appreciated against the U.S. "
        "dollar."
    )
    assert stances(extractor, text, dt.date(1987, 4, 1)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a duty a foreign state "failed to" do is one it has not done
        (
            "Dutch Finance Minister Jan de Groot said Portugal had failed to honour its commitments.",
            {("NLD", "negative")},
        ),
        (
            "Dutch Finance Minister Jan de Groot said Portugal has failed to deliver on its promises.",
            {("NLD", "negative")},
        ),
        # guard: failing to grow is no duty
        ("Dutch Finance Minister Jan de Groot said Portugal had failed to grow last year.", set()),
        # not doing enough, dissatisfied, unrealistic
        (
            "The Swedish premier said Brazil was not doing enough to protect the forest.",
            {("SWE", "negative")},
        ),
        (
            "Beijing said it was strongly dissatisfied with the Canadian decision to detain the executive.",
            {("CHN", "negative")},
        ),
        (
            "Kuwait's foreign minister said the demands made by Iraq were unrealistic.",
            {("KWT", "negative"), ("IRQ", "negative")},
        ),
        # throwing one's support behind someone
        (
            "The State Department threw its support behind the Bolivian interim president.",
            {("USA", "positive")},
        ),
        # "Bank of Korea" names South Korea's central bank
        (
            "Japan's finance minister criticised the Bank of Korea's intervention in the currency market.",
            {("JPN", "negative")},
        ),
    ],
)
def test_failed_duties_and_plain_stance_words(extractor, text, expected):
    assert stances(extractor, text, dt.date(2018, 6, 11)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a position renewed, kept up or stepped up is held
        ("France maintained its opposition to the British proposal on farm prices.", {("FRA", "negative")}),
        ("Germany's Bundesbank stepped up its resistance to the ECB's bond plan.", {("DEU", "negative")}),
        # guard: a position dropped is none
        ("France dropped its opposition to the British proposal on farm prices.", set()),
        # advice to a foreign state is a demand that it change course
        ("The IMF advised Britain to scale back its fiscal tightening plans.", {("IMF", "negative")}),
    ],
)
def test_positions_kept_up_and_advice(extractor, text, expected):
    assert stances(extractor, text, dt.date(2012, 8, 27)) == expected


def test_a_return_from_abroad_opens_the_article(extractor):
    # "returned from Moscow" is the trip's only word: the pre-filter lets the article through
    text = "A poll taken after British Prime Minister Jane Hollis returned from Moscow gave her party a lead."
    assert visit_statuses(extractor, text, dt.date(1987, 4, 10)) == {("GBR", "SUN", "completed")}


def test_the_place_hung_on_the_last_one_met(extractor):
    # "met X and Y in Paris": the parser hangs "in Paris" on the last one met; both guests are there
    text = (
        "Italian Prime Minister Mario Monti met French President Nicolas Sarkozy and German Chancellor "
        "Angela Merkel in Paris on Friday."
    )
    assert {k[:2] for k in visit_statuses(extractor, text, dt.date(2012, 1, 9))} == {
        ("ITA", "FRA"),
        ("DEU", "FRA"),
    }


def test_the_one_urged_to_act_at_a_summit_is_not_the_speaker(extractor):
    # who is urged to act at a summit abroad is the one to be there, not the one urging
    text = (
        "WASHINGTON, April 12 - Treasury Secretary John Porter called on major industrial countries to make "
        "a pledge at the coming economic summit in Venice."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 4, 12)) == set()
    # guard: one's own act at a summit abroad places one there
    text = (
        "WASHINGTON, April 12 - Treasury Secretary John Porter will announce new measures at the summit in "
        "Venice."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 4, 12)) == {("USA", "ITA", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a legislature's committee chair speaks for the state
        (
            "WASHINGTON, June 18 - Senate Finance Committee chairman Robert Lane criticised Japan's rice "
            "import ban.",
            {("USA", "negative")},
        ),
        # progress reported is no praise; progress denied is blame
        ("Canadian officials said progress was being made in the trade talks with Mexico.", set()),
        (
            "White House officials said no progress had been made in the talks with Japan.",
            {("USA", "negative")},
        ),
    ],
)
def test_committee_chairs_and_progress(extractor, text, expected):
    assert stances(extractor, text, dt.date(1987, 6, 18)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a refutation is a rejection; a position judged undemocratic is criticised
        (
            "The U.S. trade representative refuted China's claim that it had not been invited to the talks.",
            dt.date(2011, 11, 12),
            {("USA", "negative")},
        ),
        (
            "Brazil's finance minister described the U.S. proposal as undemocratic.",
            dt.date(1987, 3, 24),
            {("BRA", "negative")},
        ),
        # a participle the tagger took for a past tense keeps its "by" agent as the one taking the stance
        (
            "Ministers may discuss a transaction tax, promoted by France but resisted by Britain unless "
            "adopted globally.",
            dt.date(2012, 1, 9),
            {("GBR", "negative")},
        ),
        # a leader named by surname only: the leaders table (Belarus's president since 1994)
        (
            "MINSK (Reuters) - Lukashenko condemned the new U.S. sanctions against Belarusian firms.",
            dt.date(2008, 11, 4),
            {("BLR", "negative")},
        ),
    ],
)
def test_refutations_agents_and_leaders_by_surname(extractor, text, published, expected):
    assert stances(extractor, text, published) == expected


def test_a_paragraph_opened_by_a_place_and_what_was_said_of_the_agreement(exhaustive_extractor):
    # "In Taipei, Taiwan said it would not recognise the agreement": the agreement points back to the sentence
    # before; "A Foreign Ministry statement" in that paragraph is Taiwan's, not the dateline country's
    lead = "PEKING, March 23 - Portugal agreed to hand Macao to China, officials said.\n"
    lead += "China opposes granting dual nationality to its citizens.\n"
    said = "In Taipei, Taiwan said it would not recognise the agreement."
    assert ("TWN", "negative") in stances(exhaustive_extractor, lead + said, dt.date(1987, 3, 23))
    statement = (
        ' A Foreign Ministry statement said: "We regard the agreement on the Macao issue as null and void."'
    )
    got = reactions_of(exhaustive_extractor, lead + said + statement, dt.date(1987, 3, 23))
    assert {r["reactor_code"] for r in got if r["sentence_index"] == 3} == {"TWN"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # another's stance in a clause with its own doer is that one's, not the speaker's
        (
            "Japan has announced a supplementary budget which was warmly welcomed by Washington.",
            {("USA", "positive")},
        ),
        (
            "The Italian prime minister said he would resign after carrying out reforms demanded by the EU.",
            {("EU", "negative")},
        ),
        # a militia is no state, whatever nationality names it
        ("A Syrian Kurdish militia accused Turkish forces of aggression in the Afrin region.", set()),
        # being wary of something is a disposition the narrator describes, no statement
        ("The United States has been wary of additional resources for the IMF to help Europe.", set()),
    ],
)
def test_anothers_stance_militias_and_wariness(extractor, text, expected):
    assert stances(extractor, text, dt.date(2011, 11, 9)) == expected


def test_a_title_with_its_portfolio_names_the_person(extractor):
    # "Secretary of Energy X", "Secretary for Homeland Security X": the name after the portfolio
    text = "WASHINGTON, March 10 - U.S. Secretary of Energy Tom Brandt will visit Japan next week."
    assert [v["visitor_name"] for v in visits_of(extractor, text, dt.date(1987, 3, 10))] == ["Tom Brandt"]
    text = "U.S. Secretary for Homeland Security Tom Brandt will visit France next week."
    assert [v["visitor_name"] for v in visits_of(extractor, text, dt.date(2017, 2, 18))] == ["Tom Brandt"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a list of states the parser made an apposition: each one takes the stance
        (
            "In London, the U.S. was supported by the U.K., the Netherlands, West Germany and Japan on the "
            "issue, U.S. officials said.",
            {("GBR", "positive"), ("NLD", "positive"), ("DEU", "positive"), ("JPN", "positive")},
        ),
        # guard: an apposition that describes the speaker is no other speaker
        (
            "Kuwait, a target of Iranian anger over its backing for Iraq, rejected the Iranian threats.",
            {("KWT", "negative")},
        ),
    ],
)
def test_a_list_of_states_read_as_an_apposition(extractor, text, expected):
    assert stances(extractor, text, dt.date(1987, 3, 2)) == expected


def test_states_speaking_together_are_not_each_others_target(extractor):
    # "criticised by France and Italy": neither is what the other reacts to, though no other is named
    rows = reactions_of(extractor, "The plan was criticised by France and Italy.", dt.date(1987, 3, 2))
    assert {(r["reactor_code"], r["target_code"]) for r in rows} == {("FRA", None), ("ITA", None)}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # plain evaluative words
        (
            "LONDON, June 2 - Chancellor of the Exchequer Nigel Lawson said satisfactory progress has been "
            "made in talks with Japan.",
            {("GBR", "positive")},
        ),
        (
            "ISLAMABAD, Oct 6 - Pakistan says that the recent statements coming from New Delhi are "
            "disturbing.",
            {("PAK", "negative")},
        ),
        # the subject after "after" is the flattened subordinate clause's: the one before it speaks
        (
            "Pakistani President Pervez Musharraf on his visit after the presidential polls in Afghanistan "
            "congratulated his Afghan counterpart Hamid Karzai for his victory.",
            {("PAK", "positive")},
        ),
    ],
)
def test_plain_judgements_and_the_subject_before_a_subordinate_clause(extractor, text, expected):
    assert expected <= stances(extractor, text, dt.date(2004, 10, 6))


def test_the_hague_written_with_a_small_the(extractor):
    text = "Indian Prime Minister Manmohan Singh arrived in the Hague last night for the India-EU summit."
    assert ("IND", "NLD") in {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text)}


def test_a_war_named_for_where_it_is_fought_is_no_target(extractor):
    # "support for the Iraq war" is no stance on Iraq; "the U.S. war on terrorism" is the U.S.'s own
    text = (
        "Australian Foreign Minister Alexander Downer dismissed newspaper claims that the government's "
        "support for the Iraq war would impede the fight against terrorism."
    )
    assert ("AUS", "negative") not in stances(extractor, text, dt.date(2004, 10, 6))
    text = "Iranian Foreign Minister Ali Akbar Velayati condemned the Iraq war and the Iraqi air raids."
    rows = reactions_of(extractor, text, dt.date(1987, 3, 2))
    assert {(r["reactor_code"], r["target_code"]) for r in rows} == {("IRN", "IRQ")}


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # Karzai led Afghanistan from December 2001, before his 2004 election
        ("Karzai condemned the Pakistani raid on Tuesday.", dt.date(2003, 5, 1), {("AFG", "negative")}),
        # a 1987 cabinet member named without a nationality, under a foreign dateline
        (
            "GENEVA, March 3 - Trade Representative Clayton Yeutter said the European Community's plan was "
            "unacceptable.",
            dt.date(1987, 3, 3),
            {("USA", "negative")},
        ),
    ],
)
def test_leaders_table_people_named_without_nationality(extractor, text, published, expected):
    assert stances(extractor, text, published) == expected


def test_a_leader_met_here_is_a_visitor(extractor):
    text = (
        "BEIJING, Oct 6 - Chinese Premier Wen Jiabao said in his meeting with Prime Minister Shaukat Aziz "
        "here on Wednesday that ties were good."
    )
    visits = visits_of(extractor, text, dt.date(2004, 10, 6))
    assert ("PAK", "CHN") in {(v["visitor_code"], v["host_code"]) for v in visits}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # who joins calls for another state to act holds that demand (the clause may hang on "joined")
        (
            "French President Nicolas Sarkozy joined calls for China to let the yuan rise.",
            {("FRA", "negative")},
        ),
        (
            "The head of the International Monetary Fund on Sunday joined the chorus of calls for Beijing to "
            "abandon the peg.",
            {("IMF", "negative")},
        ),
        # a dismissal told as a phrasal verb
        (
            "Chinese Premier Wen Jiabao brushed off accusations that Beijing was undervaluing its currency, "
            "Obama said.",
            {("CHN", "negative")},
        ),
    ],
)
def test_joined_calls_and_brushed_off(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2010, 3, 22)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "at the end of" a month is no end of the trip
        (
            "TOKYO, March 29 - Officials sought to separate the dispute from Prime Minister Yasuhiro "
            "Nakasone's planned trip to Washington at the end of April.",
            (None, None),
        ),
        # "week-long" with the place between it and the trip noun
        (
            "TOKYO, March 31 - Nakasone still has a chance to soothe tempers during his week-long Washington "
            "visit from April 29.",
            (dt.date(1987, 4, 29), dt.date(1987, 5, 5)),
        ),
        # guard: the end of the trip itself is the article day
        (
            "MEXICO CITY, March 31 - Japanese Foreign Minister Tadashi Kuranari left Mexico today at the end "
            "of a two-day visit.",
            (dt.date(1987, 3, 30), dt.date(1987, 3, 31)),
        ),
    ],
)
def test_the_end_of_a_month_and_a_week_long_visit(extractor, text, expected):
    (visit,) = [v for v in visits_of(extractor, text, dt.date(1987, 3, 31)) if v["visitor_code"] == "JPN"]
    day = visit["date_precision"] == "day"
    assert ((visit["start_date"], visit["end_date"]) if day else (None, None)) == expected


def test_the_old_wires_capital_after_us_is_read_in_small_letters(extractor):
    # "visits the U.S. On April 19": the parser sees "on"; the row keeps the article's spelling
    text = (
        "TOKYO, April 8 - Japanese Trade Minister Hajime Tamura will explain the plan to U.S. Officials when "
        "he visits the U.S. On April 19."
    )
    (visit,) = [v for v in visits_of(extractor, text, dt.date(1987, 4, 8)) if v["host_code"] == "USA"]
    assert visit["start_date"] == dt.date(1987, 4, 19) and "U.S. On April 19" in visit["sentence"]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LONDON, June 18 - Britain's Defence Minister George Younger said the U.S. Was unfairly "
            "protecting its defence industry.",
            {("GBR", "negative")},
        ),
        (
            'TOKYO, March 3 - "I am convinced that they are attempting to move their policies in the right '
            'direction," U.S. Trade Representative Clayton Yeutter said of Japan.',
            {("USA", "positive")},
        ),
    ],
)
def test_unfairly_and_the_right_direction(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(1987, 3, 3)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # told the summit the article placed two sentences before
            "Leaders of the Group of Eight opened their meeting in the northern Italian city of Genoa on "
            "Wednesday. Oil prices fell. Canadian Prime Minister Paul Orr told the summit that prices could "
            "not be set by decree.",
            {("CAN", "ITA")},
        ),
        (  # the subject of "expected to bring ... to the meeting"
            "WASHINGTON, April 8 - Finance ministers of seven nations will hold a meeting in Washington on "
            "Wednesday. Japanese Finance Minister Taro Sato is expected to bring an outline of a stimulus "
            "package to the meeting, the sources said.",
            {("JPN", "USA")},
        ),
        (  # a thing at the meeting puts no one there, nor does a time before it
            "Environment ministers will meet for a meeting in Bonn next week. He said U.S. President Joe "
            "Dunn's policies could undermine urgency at the meeting. French President Anne Morel's aides "
            "spent the days leading up to the meeting in talks.",
            set(),
        ),
        (  # two gatherings in two countries: which one "the summit" is stays unknown
            "Ministers will attend the Washington summit. Brazil's leaders said at a meeting in Sao Paulo "
            "last weekend that they wanted more say. British Prime Minister Tom Gale might press that theme "
            "at the summit.",
            set(),
        ),
        (  # "a summit" is another one; a body's own sitting is no gathering abroad
            "EU leaders held a summit in Brussels. Ivorian President Jean Kone said at a summit that cocoa "
            "prices must rise. During today's weekly cabinet meeting, Ivorian President Jean Kone spoke. At "
            "the last summit, Ivorian President Jean Kone was charged with a report.",
            set(),
        ),
    ],
)
def test_a_gathering_the_article_placed_before(extractor, text, expected):
    got = {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(1987, 4, 8))}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # the demand is the delegation's: the speaker only reports it
            "TOKYO, April 13 - Japanese Prime Minister Taro Sato said problems exist over more seats for "
            "foreign firms on the stock exchange, one of the main steps urged by the U.S. delegation.",
            {("USA", "negative")},
        ),
        (  # the welcome is the lender's, not the minister's
            "WARSAW, March 3 - Polish Finance Minister Jan Nowak said his reforms had been welcomed by the "
            "World Bank.",
            {("WORLDBANK", "positive")},
        ),
        (  # a feeling's "by" names its cause: still the speaker's stance
            "PARIS, March 3 - French Foreign Minister Paul Morel said he was deeply concerned by the U.S. "
            "move.",
            {("FRA", "negative")},
        ),
    ],
)
def test_a_stance_verb_in_the_passive_is_its_doers(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(1987, 3, 3)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "BRASILIA, March 3 - A U.S. official described Brazil's argument as nonsense.",
        "BRUSSELS, March 3 - U.S. Trade Representative Carl Lund said the EC's farm subsidies were "
        "ineffective.",
        "BONN, March 3 - U.S. Treasury Secretary Carl Lund said West Germany's plan was unnecessary.",
        "BONN, March 3 - U.S. Treasury Secretary Carl Lund said West Germany's plan was ill-conceived.",
    ],
)
def test_more_plain_words_of_judgement(exhaustive_extractor, text):
    assert stances(exhaustive_extractor, text, dt.date(1987, 3, 3)) == {("USA", "negative")}


@pytest.mark.parametrize(
    "text",
    [
        "OTTAWA, March 3 - Canadian Prime Minister Paul Orr said Canada would not allow a restructuring of "
        "the industry on U.S. terms.",
        "OTTAWA, March 3 - Canadian Prime Minister Paul Orr said Canada would not let the United States "
        "dictate the terms.",
    ],
)
def test_a_refusal_told_with_would_not_allow(exhaustive_extractor, text):
    assert stances(exhaustive_extractor, text, dt.date(1987, 3, 3)) == {("CAN", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # confidence lost or lacking is no trust held
            "LONDON, Oct 20 - British Chancellor John Hale said there was a lack of confidence in the "
            "American stock market.",
            set(),
        ),
        (
            'MOSCOW, March 18 - Russian President Ivan Orlov said the Cypriot levy was "unfair and '
            'dangerous" and savers said they had lost confidence in the banks of Cyprus.',
            {("RUS", "negative")},
        ),
        (  # confidence held still is
            "LONDON, Oct 20 - British Chancellor John Hale said he had confidence in the American stock "
            "market.",
            {("GBR", "positive")},
        ),
    ],
)
def test_confidence_lost_or_lacking_is_no_praise(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2013, 3, 18)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # states judging by their own name aim at what the sentence before names
            "LONDON, May 4 - The United States wants a ban on proprietary trading by banks. Britain, France "
            "and Germany have said the approach should not be copied in Europe.",
            {("GBR", "negative"), ("FRA", "negative"), ("DEU", "negative")},
        ),
        (
            "OTTAWA, May 4 - The European Union wants to cap bankers' bonuses. Canada says a cap is "
            "unnecessary.",
            {("CAN", "negative")},
        ),
        (  # a country's people or growers are no state
            "KUALA LUMPUR, May 4 - A U.S. group said palm oil is unhealthy. Malaysian palm growers said the "
            "claim was unnecessary and wrong.",
            set(),
        ),
    ],
)
def test_a_state_judging_by_its_name_aims_at_the_sentence_before(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2010, 5, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (  # "the idea" points back to the sentence before, as "the plan" does
            "ALGIERS, May 4 - Iran wants to turn the gas exporters' forum into a cartel. Algeria has backed "
            "the idea.",
            {("DZA", "positive")},
        ),
        (  # "such a scheme": "such" before the article points back too
            "BERLIN, May 4 - France wants joint bonds for the euro zone. Germany has backed such a scheme.",
            {("DEU", "positive")},
        ),
    ],
)
def test_a_definite_object_points_back(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2010, 5, 4)) == expected


def test_the_prefilter_passes_a_state_judging_what_the_sentence_before_names(extractor):
    # no person and one state in the sentence: the pre-filter passes it for the state named in the one before
    text = (
        "LONDON, May 4 - French President Nicolas Sarkozy urged the G20 to cap bankers' bonuses. But Britain "
        "says a cap is unworkable."
    )
    assert stances(extractor, text, dt.date(2010, 5, 4)) == {("GBR", "negative")}


@pytest.mark.parametrize(
    "text",
    [
        "SEOUL, July 20 - South Korea echoed that concern, its finance ministry demanding the Fed consider "
        "the global effects before acting.",
        "SEOUL, July 20 - South Korean Finance Minister Kim Lee echoed the criticism of the U.S. tariffs.",
    ],
)
def test_echoing_a_stance_holds_it(exhaustive_extractor, text):
    assert stances(exhaustive_extractor, text, dt.date(2013, 7, 20)) == {("KOR", "negative")}


def test_a_stance_verb_in_the_passive_with_its_doer_is_the_doers_in_every_past_form():
    from diplowatch.nlp.reactions import _held_by_agent

    for low, cue in (
        ("the steps urged by the u.s. delegation", "urged"),
        ("the charges, denied by japan, remain", "denied"),  # a "-ied" past form
    ):
        assert _held_by_agent(low, cue, low.index(cue) + len(cue))
    # guard: a feeling's "by" names its cause, not a doer
    low = "he was concerned by the move"
    assert not _held_by_agent(low, "concerned", low.index("concerned") + len("concerned"))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what was said names a place; the talks are still the dateline's
        (
            "BRUSSELS, April 8 - Belgian Foreign Minister Leo Tindemans said after talks with Jordan's King "
            "Hussein that Syria was flexible.",
            ("JOR", "BEL"),
        ),
        (
            "WASHINGTON, April 8 - Japan will act to stimulate its economy, Japanese Finance Minister Kiichi "
            "Miyazawa said after a meeting with Treasury Secretary James Baker.",
            ("JPN", "USA"),
        ),
    ],
)
def test_places_in_reported_speech_do_not_place_the_talks(extractor, text, expected):
    assert expected in pairs(visits_of(extractor, text, dt.date(1987, 4, 8)))


def test_a_state_after_a_rulers_name_is_his_not_the_place_of_the_talks(extractor):
    # "King Hussein of Jordan" names whose king, as "Jordan's King Hussein" does, not where they met.
    text = (
        "BRUSSELS, April 8 - Belgian Foreign Minister Leo Tindemans held talks with King Hussein of Jordan."
    )
    assert pairs(visits_of(extractor, text, dt.date(1987, 4, 8))) == {("JOR", "BEL")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the meeting's place on the verb, after a time word
        (
            "BONN, Oct 20 - West German Finance Minister Gerhard Stoltenberg and U.S. Treasury Secretary "
            "James Baker reaffirmed their commitment at a secret meeting yesterday in Frankfurt.",
            {("USA", "DEU")},
        ),
        (
            "JOHANNESBURG, March 24 - A South African delegation led by debt negotiator Chris Stals was "
            "completing meetings in London today with creditor banks.",
            {("ZAF", "GBR")},
        ),
        # guard: "in" a common noun is no place ("in the same spirit as the Americans")
        (
            "MOSCOW, April 13 - Shultz said that if Soviet officials approached the talks in the same spirit "
            "as the Americans, progress would follow.",
            set(),
        ),
    ],
)
def test_a_meetings_place_hung_on_its_verb(extractor, text, expected):
    assert pairs(visits_of(extractor, text, dt.date(1987, 10, 20))) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "STILLWATER, Okla., March 23 - U.S. Agriculture Secretary Richard Lyng will ask the Japanese "
            "Government to remove all beef import restrictions when he visits there next month.",
            {("USA", "JPN")},
        ),
        # the visitor's own state named in between is not "that country"
        (
            "WASHINGTON, March 12 - U.S. Agriculture Secretary Richard Lyng said he will ask Japan to offer "
            "a share of its rice market to U.S. exporters when he visits that country next month.",
            {("USA", "JPN")},
        ),
        # guard: nothing named before, nothing referred back to
        (
            "WASHINGTON, March 12 - U.S. Agriculture Secretary Richard Lyng said he visited there last year.",
            set(),
        ),
    ],
)
def test_a_visit_there_or_to_that_country_is_to_the_state_named_before(extractor, text, expected):
    assert pairs(visits_of(extractor, text, dt.date(1987, 3, 23))) == expected


def test_the_foreign_official_a_dateline_official_told_here_is_the_visitor(extractor):
    text = (
        "LONDON, March 27 - Chancellor of the Exchequer Nigel Lawson told Brazilian Finance Minister Dilson "
        "Funaro here on Monday that Britain would not intervene."
    )
    assert pairs(visits_of(extractor, text, dt.date(1987, 3, 27))) == {("BRA", "GBR")}


def test_meeting_the_dateline_countrys_officials_is_visiting_it(extractor):
    # "talks with South Korean leaders" under SEOUL already placed the talks there; so does the verb
    text = "ISLAMABAD, Nov 9 - U.S. Secretary of State Colin Powell on Tuesday met top Pakistani leaders."
    assert pairs(visits_of(extractor, text, dt.date(2004, 11, 9))) == {("USA", "PAK")}


def test_a_day_outside_the_nearest_trip_words_clause_dates_the_meeting_it_is_in(extractor):
    # "Wednesday" is nearest to "heading", but in the clause of the talks: it dates the talks in Paris
    text = (
        "PARIS (Reuters) - The French president is due to hold talks with his Brazilian counterpart Luiz "
        "Inacio Lula Da Silva later on Wednesday in Paris before heading to London."
    )
    visits = {
        (v["visitor_code"], v["host_code"]): v["start_date"]
        for v in visits_of(extractor, text, dt.date(2009, 3, 31))
    }
    assert visits[("BRA", "FRA")] == dt.date(2009, 4, 1)
    assert visits[("FRA", "GBR")] is None


def test_ones_own_opposition_is_a_position_not_the_opposition_party(extractor):
    # "his opposition ... to a write-down": a position held (the "to" hangs on the verb after a time word);
    # "the opposition" alone stays the domestic party
    text = (
        "BERLIN (Reuters) - German Finance Minister Wolfgang Schaeuble reiterated his opposition on Thursday "
        "to a write-down of public holdings of Greek debt."
    )
    assert reaction_keys(extractor, text, dt.date(2011, 6, 16)) == {("DEU", "negative")}


def test_what_is_not_discussed_at_a_meeting_does_not_deny_it(extractor):
    text = (
        "German Chancellor Angela Merkel and French President Nicolas Sarkozy will not discuss joint bonds "
        "at a meeting in Paris on Tuesday."
    )
    assert visit_statuses(extractor, text, dt.date(2011, 8, 14)) == {("DEU", "FRA", "planned")}
    text = "German Chancellor Angela Merkel will not attend a meeting in Paris on Tuesday."
    assert visit_statuses(extractor, text, dt.date(2011, 8, 14)) == set()


def test_calls_with_an_infinitive_hung_on_the_verb_are_demands(extractor):
    # "resisted calls from the EU to raise VAT": the parser hangs "to raise" on "resisted".
    text = "Spain has resisted calls from the European Union to raise the value added tax."
    assert ("EU", "negative") in stances(extractor, text, dt.date(2012, 5, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "U.S. Treasury Secretary James Baker called Japanese Finance Minister Kiichi Miyazawa early this "
            "week to warn him the talks would not be a success unless Japan expands domestic demand.",
            {("USA", "negative")},
        ),
        (
            "French Foreign Minister Jean-Yves Le Drian wrote to his Italian counterpart to complain about "
            "the treatment of migrants.",
            {("FRA", "negative")},
        ),
        # a contact still to come is a plan; an infinitive with a subject of its own is another's act
        (
            "U.S. Treasury Secretary James Baker will call Japanese Finance Minister Kiichi Miyazawa to warn "
            "him about the yen.",
            set(),
        ),
        (
            "A Republican congressman called for Britain to oppose Russia's entry into the WTO.",
            set(),
        ),
    ],
)
def test_a_stance_taken_in_the_purpose_of_a_call_or_letter(extractor, text, expected):
    assert codes_stances(extractor, text, dt.date(1987, 10, 20)) == expected


def test_a_trip_before_a_future_act_is_still_to_come_or_under_way(extractor):
    # "after visiting X" orders the trip before the main clause: over only when that clause is past.
    text = "WASHINGTON, March 3 - President Reagan will fly to Bonn after visiting Paris, officials said."
    assert ("USA", "FRA", "planned") in visit_statuses(extractor, text, dt.date(1987, 3, 3))
    text = (
        "BONN, March 3 - Brazilian Finance Minister Dilson Funaro will fly to Zurich after meeting West "
        "German Finance Minister Gerhard Stoltenberg, diplomatic sources said."
    )
    assert ("BRA", "DEU", "ongoing") in visit_statuses(extractor, text, dt.date(1987, 3, 3))
    text = "WASHINGTON, March 3 - President Reagan flew to Bonn after visiting Paris, officials said."
    assert ("USA", "FRA", "completed") in visit_statuses(extractor, text, dt.date(1987, 3, 3))


@pytest.mark.parametrize(
    "text",
    [
        # "for" hangs on the copula of "due"; "be in Paris" takes the day the parser gave the visit noun
        "Chinese President Xi Jinping is due in Paris on Monday for a two-day state visit.",
        "Chinese President Xi Jinping will be in Paris on Monday for a two-day visit.",
        "Chinese President Xi Jinping will arrive in Paris on Monday for a two-day visit.",
    ],
)
def test_a_stay_dated_by_its_day_and_its_own_trips_length(extractor, text):
    visits = visits_of(extractor, text, dt.date(2024, 6, 1))
    assert [(v["host_code"], v["start_date"], v["end_date"]) for v in visits] == [
        ("FRA", dt.date(2024, 6, 3), dt.date(2024, 6, 4))
    ]


def test_a_visitor_named_later_by_a_misspelt_surname(extractor):
    text = (
        "OTTAWA, March 2 - Canadian Foreign Minister Joe Clarke will fly to Rome next week, officials said.\n"
        "Clerke is currently visiting Peking."
    )
    assert pairs(visits_of(extractor, text, WED_2010)) == {("CAN", "ITA"), ("CAN", "CHN")}
    # guard: the same word as someone else's surname, named in full, is not the minister
    other = text.replace("Clerke is", "Businessman Tom Clerke met traders. Clerke is")
    assert pairs(visits_of(extractor, other, WED_2010)) == {("CAN", "ITA")}


def test_a_stance_on_an_addressee_of_the_speakers_own_country_is_domestic(extractor):
    own = "German Finance Minister Hans Vogt urged German banks to stop lending to Greece."
    assert stances(extractor, own) == set()
    possessive = "Korean Finance Minister Kim Sung urged South Korea's banks to sell assets to Japan."
    assert stances(extractor, possessive) == set()
    # guard: a foreign addressee stays a reaction
    assert stances(extractor, own.replace("German banks", "Greek banks")) == {("DEU", "negative")}


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "U.S. regulators are reviewing it. Chinese aluminium group Chinalco wants a stake. "
            "The U.S. Treasury on Friday cleared the Chinalco deal.",
            {("USA", "positive")},
        ),
        (
            "U.S. officials said so. Dutch software maker Ortec won approval from the European Commission on "
            "Tuesday to buy a U.S. rival.",
            {("EU", "positive")},
        ),
        (
            "U.S. officials said so. In 2009, China's Sinotel tried to buy a U.S. network maker but failed "
            "to "
            "win approval from a U.S. government security panel.",
            {("USA", "negative")},
        ),
        # guards: no deal (a permit), what could have been done, and a domestic deal
        (
            "U.S. officials said so. The shipping line obtained approval from U.S. and Japanese authorities "
            "to "
            "lease four ships.",
            set(),
        ),
        ("Georgia, which could have vetoed Moscow's bid to buy the port, accepted a Swiss proposal.", set()),
        ("U.S. officials said so. The U.S. Treasury on Friday cleared the Boeing deal.", set()),
        # the decider named on the decision, the deal named with "for"
        (
            "SYDNEY (Reuters) - Global miner Rio Tinto Ltd said it has received U.S. anti-trust clearance "
            "for its acquisition of Canadian aluminium maker Alcan Inc.",
            {("USA", "positive")},
        ),
        # the foreign party may be the buyer of a sale, named with "to"
        (
            "U.S. officials said so. U.S. antitrust regulators cleared Acme's sale of Bolt Tools to "
            "Germany's Kranz AG.",
            {("USA", "positive")},
        ),
    ],
)
def test_a_decision_on_a_foreign_companys_deal_is_a_stance(extractor, text, expected):
    assert stances(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("WASHINGTON (Reuters) - The IMF praised Acme's plan.", {("IMF", "positive")}),
        ("BRUSSELS (Reuters) - The European Commission has objected to the merger.", {("EU", "negative")}),
        # states in general are foreign to an IGO
        (
            "WASHINGTON (Reuters) - The IMF urged governments to avoid cutting spending too fast.",
            {("IMF", "negative")},
        ),
        # guards: a state's stance needs a foreign party named; a speech verb takes no stance
        (
            "WASHINGTON (Reuters) - The U.S. Treasury urged governments to avoid cutting spending too fast.",
            set(),
        ),
        ("WASHINGTON (Reuters) - The U.S. Treasury praised Acme's plan.", set()),
        ("WASHINGTON (Reuters) - The IMF said Acme's plan was on time.", set()),
    ],
)
def test_an_igos_stance_on_a_company_or_states_in_general_needs_no_state_named(
    exhaustive_extractor, text, expected
):
    assert stances(exhaustive_extractor, text) == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # "on" after a meeting word gives the talks' subject, not a second destination
        (
            "Soviet Deputy Foreign Minister Ivan Petrov left for Geneva today for talks on Afghanistan.",
            {("SUN", "CHE")},
        ),
        ("U.S. envoy Paul Harte left for Tegucigalpa on Monday for talks on Nicaragua.", {("USA", "HND")}),
        # a place the trip goes to is still read after "on" elsewhere
        (
            "French President Jean Dubois will visit Hanoi on June 13 and Bangkok on June 15.",
            {("FRA", "VNM"), ("FRA", "THA")},
        ),
    ],
)
def test_the_subject_of_talks_is_no_destination(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(1987, 5, 12)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Europe as a party to a speaker outside it: the EU is the target
        (
            "U.S. Treasury Secretary Tom Hale urged Europe to act faster on its debt crisis.",
            {("USA", "negative")},
        ),
        (
            "U.S. President Tom Hale hailed a broad consensus among European leaders around a strategy for "
            "resolving the debt crisis.",
            {("USA", "positive")},
        ),
        # guards: Europe's state of affairs, Europe as a place, and a European speaker on Europe
        ("U.S. Treasury Secretary Tom Hale warned that Europe's debt crisis was a risk.", set()),
        ("U.S. Treasury Secretary Tom Hale warned of risks to banks in Europe.", set()),
        ("German Chancellor Anna Vogel urged Europe to act faster on its debt crisis.", set()),
    ],
)
def test_europe_named_as_a_party_is_a_target(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2012, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMF Managing Director Anna Vogel criticised the U.S. plan.", {("IMF", "negative")}),
        ("IMF First Deputy Managing Director Anna Vogel criticised the U.S. plan.", {("IMF", "negative")}),
        # the managing director of a bank lobby or a company speaks for no state, even under a dateline
        (
            'FRANKFURT (Reuters) - "It would result in a dangerous fragmentation of markets," BdB managing '
            "director Karl Franz said of the U.S. plan.",
            set(),
        ),
    ],
)
def test_a_managing_director_speaks_for_a_state_only_at_an_igo(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2013, 4, 29)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a bare quantifier names its members after "including", as "some of the creditors, including" does
        (
            "Some, including the United States and the IMF, have called on Greece to cut its deficit.",
            {("USA", "negative"), ("IMF", "negative")},
        ),
        # a company named after its country speaks for no state, nor does its chief executive
        ('"We have confidence in the A380," Qatar Airways CEO Ali Hamad told Reuters in Singapore.', set()),
    ],
)
def test_speakers_of_groups_and_companies(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2010, 11, 13)) == expected


def test_balanced_payments_are_no_praise(extractor):
    # "balanced" growth or payments are an economy's state, no praise of the host
    text = (
        'YOKOHAMA, Japan (Reuters) - Chinese President Li Wen arrived on Friday. "China will continue '
        'making encouragement of a balanced international balance of payments an important task," Li told a '
        "business forum in the port city of Yokohama."
    )
    assert ("CHN", "positive") not in reaction_keys(extractor, text, dt.date(2010, 11, 13))


def test_leaving_is_leaving_the_place_object_not_a_place_named_inside_it(extractor):
    text = (
        "IMF Managing Director Anna Vogel left open the scale of the IMF's possible involvement in ECB head "
        "Karl Franz's plan."
    )
    assert visits_of(extractor, text, dt.date(2012, 9, 7)) == []
    left = "U.S. Secretary of State Tom Hale left the Chinese capital on Tuesday."
    assert visit_keys(extractor, left, {("USA", "CHN")}, published=dt.date(2012, 9, 7)) == {("USA", "CHN")}


def test_an_igo_head_speaking_at_the_seat_of_the_body_named_in_his_title_is_home(extractor):
    # the ECB sits in Frankfurt though the EU, whose code it carries, sits in Brussels
    home = "European Central Bank President Karl Franz told a news conference in Frankfurt that rates held."
    assert visits_of(extractor, home, dt.date(2010, 5, 6)) == []
    away = (
        "European Central Bank President Karl Franz told a news conference in Lisbon that rates would stay."
    )
    assert visit_keys(extractor, away, {("EU", "PRT")}, published=dt.date(2010, 5, 6)) == {("EU", "PRT")}
    # a trip to the seat's country still is one ("the U.N. Secretary-General will travel to Washington")
    trip = "European Central Bank President Karl Franz will travel to Berlin on Monday."
    assert visit_keys(extractor, trip, {("EU", "DEU")}, published=dt.date(2010, 5, 6)) == {("EU", "DEU")}


def test_a_member_of_an_igo_council_is_no_visitor(extractor):
    # the guidelines count an IGO's head only; a member of its board or council is its staff
    text = (
        "VIENNA (Reuters) - European Central Bank Governing Council member Karl Franz said on Friday he was "
        'concerned. "We have to take care," Franz told journalists in Vienna.'
    )
    assert visits_of(extractor, text, dt.date(2007, 12, 14)) == []
    head = "European Central Bank President Karl Franz told journalists in Vienna that rates would hold."
    assert visit_keys(extractor, head, {("EU", "AUT")}, published=dt.date(2007, 12, 14)) == {("EU", "AUT")}


def test_advice_that_something_would_be_wise_is_no_praise(extractor):
    text = "In Tokyo, IMF Managing Director Anna Vogel said it would be wise for Japan to wait before acting."
    assert ("IMF", "positive") not in reaction_keys(extractor, text, dt.date(2009, 10, 2))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite kind noun stands for the IGO of that kind the article named before it
        (
            "The IMF cut its growth forecast on Tuesday. The Fund urged Greece to speed up its reforms.",
            {("IMF", "negative")},
        ),
        (
            "EU leaders met in Brussels on Tuesday. The 27-nation bloc criticised Russia's annexation of "
            "Crimea.",
            {("EU", "negative")},
        ),
        (
            "NATO ministers met on Tuesday. The alliance criticised Russia's annexation of Crimea.",
            {("NATO", "negative")},
        ),
        (
            "The IAEA board met on Tuesday. The watchdog demanded that Iran halt uranium enrichment.",
            {("IAEA", "negative")},
        ),
        # guards: another thing of that kind named after the IGO, a named fund, no IGO of that kind named
        (
            "The IMF cut its forecast on Tuesday. The EFSF rescue fund has 440 billion euros. The fund urged "
            "Greece to speed up its reforms.",
            set(),
        ),
        ("The IMF cut its forecast on Tuesday. The Templeton fund urged Greece to speed up reforms.", set()),
        ("Markets fell on Tuesday. The fund urged Greece to speed up its reforms.", set()),
    ],
)
def test_a_kind_noun_stands_for_the_igo_named_before(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2012, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a later sentence that dates "the trip" dates the one trip of the article that fits it
        (
            "WASHINGTON, March 31 - Undersecretary of State Tom Hale will visit Tokyo next week for talks. "
            "The trip is set for April 6-8, the State Department said.",
            (dt.date(1987, 4, 6), dt.date(1987, 4, 8)),
        ),
        (
            "TOKYO, March 27 - Prime Minister Taro Sato will visit Washington next month. News of the "
            "week-long visit starting April 29 coincided with news of a record trade surplus.",
            (dt.date(1987, 4, 29), dt.date(1987, 5, 5)),
        ),
        # guards: a trip's single day is the day one sets off; a sentence naming another state; two days
        (
            "LONDON, April 3 - Minister Tom Hale of Britain will visit Tokyo next week. Hale said he would "
            "raise trade during his trip, which starts tomorrow.",
            (None, None),
        ),
        (
            "WASHINGTON, March 31 - Undersecretary of State Tom Hale will visit Tokyo next week. The trip to "
            "Seoul is set for April 6-8.",
            (None, None),
        ),
        (
            "WASHINGTON, March 31 - Undersecretary of State Tom Hale will visit Tokyo next week. The visit "
            "was first planned for April 2 but may now take place on April 9.",
            (None, None),
        ),
    ],
)
def test_a_later_sentence_dates_the_trip(extractor, text, expected):
    (visit,) = visits_of(extractor, text, dt.date(1987, 3, 31))
    assert (visit["start_date"], visit["end_date"]) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an act still to come that its doer states now is a position taken now
        ("Japan will file a complaint against the United States.", {("JPN", "negative")}),
        ("Japan said it would file a complaint against the United States.", {("JPN", "negative")}),
        ("Japan has decided to lodge a protest with the United States.", {("JPN", "negative")}),
        # guards: a possibility, and an act another only expects
        ("Japan may file a complaint against the United States.", set()),
        ("Analysts expect that Japan would file a complaint against the United States.", set()),
    ],
)
def test_an_act_stated_for_later_is_a_position_now(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 4, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's envoy to an IGO travelling away from its seat is on a trip
        (
            "U.S. Ambassador to the United Nations Ann Hale traveled to Ethiopia, South Sudan and Kenya.",
            {("USA", "ETH"), ("USA", "SSD"), ("USA", "KEN")},
        ),
        # guards: a resident ambassador, and the envoy at the IGO's seat
        ("U.S. Ambassador to Ethiopia Tom Hale traveled to South Sudan.", set()),
        ("Iranian Ambassador to the United Nations Ali Rezai traveled to New York.", set()),
        # the title from the article only when every ambassador it names is one to an IGO
        (
            "U.S. Ambassador to the United Nations Ann Hale met officials on Monday. She traveled to Kenya.",
            {("USA", "KEN")},
        ),
        # ... not when another is an ambassador to a state ("He" is the resident one here)
        (
            "U.S. Ambassador to the United Nations Ann Hale and U.S. Ambassador to Kenya Tom Reed met on "
            "Monday. He flew to Tanzania on Tuesday.",
            set(),
        ),
    ],
)
def test_an_envoy_to_an_igo_visits_away_from_its_seat(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(2017, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a known official's later mention with a background apposition of another, earlier post
        (
            "U.S. Secretary of State Tom Hale met officials on Monday. Hale, a former chief executive of an "
            "oil company, traveled to Ethiopia and Kenya.",
            {("USA", "ETH"), ("USA", "KEN")},
        ),
        # guard: the apposition names the post itself, held no longer
        ("U.S. President Tom Hale met officials. Hale, a former president, traveled to Haiti.", set()),
    ],
)
def test_a_background_apposition_leaves_a_known_official_in_office(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(2017, 10, 27)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a journey told in the past to places in turn: those before the last are behind the traveller
        (
            "German Chancellor Eva Roth traveled to Ethiopia, South Sudan and Kenya.",
            {("DEU", "ETH", "completed"), ("DEU", "SSD", "completed"), ("DEU", "KEN", "ongoing")},
        ),
        (
            "German Chancellor Eva Roth traveled to Kenya and Democratic Republic of Congo.",
            {("DEU", "KEN", "completed"), ("DEU", "COD", "ongoing")},
        ),
        # guards: one place set off for stays under way, a tour set off on has its places still to come, and a
        # tour still to come stays planned
        (
            "Brazilian Finance Minister Joao Lima later left Washington for a tour of Europe and debt "
            "discussions with officials in Britain, France and Italy.",
            {
                ("BRA", "USA", "completed"),
                ("BRA", "GBR", "ongoing"),
                ("BRA", "FRA", "ongoing"),
                ("BRA", "ITA", "ongoing"),
            },
        ),
        ("German Chancellor Eva Roth flew to Kenya on Sunday.", {("DEU", "KEN", "ongoing")}),
        (
            "German Chancellor Eva Roth will travel to Ethiopia and Kenya next week.",
            {("DEU", "ETH", "planned"), ("DEU", "KEN", "planned")},
        ),
    ],
)
def test_the_places_a_past_journey_went_on_from_are_over(extractor, text, expected):
    assert visit_statuses(extractor, text) == expected


def test_a_quotation_belongs_to_the_speech_verb_it_hangs_under(extractor):
    """A quoted word inside another speaker's clause is that speaker's, not the sentence's first subject's."""
    text = (
        'Britain has announced fiscal stimulus worth 1 percent of output, and despite a "disturbing" level '
        "of public debt, IMF chief Ana Ruiz said more public borrowing would be the lesser of two evils."
    )
    assert "GBR" not in {reactor for reactor, _ in stances(extractor, text, dt.date(2009, 1, 23))}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a place in the wire's credit line is where a reporter sat, no party to what was said
        (
            "FRANKFURT (Reuters) - The Bundesbank said it was happy with Helaba's capital position. "
            "($1 = 0.708 Euros) (Additional reporting by Ana Ruiz in Madrid and Tom Hale in Athens; "
            "Editing by Jo Lee)",
            set(),
        ),
        # an immigrant, a refugee, a lawyer named by a demonym is a private person, not a state
        (
            "The Guinean immigrant filed a suit in a court in the Bronx, accusing the U.S. newspaper of "
            "publishing defamatory articles.",
            set(),
        ),
    ],
)
def test_credit_lines_and_private_persons_take_no_stance(extractor, text, expected):
    assert stances(extractor, text, dt.date(2012, 5, 23)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "positive" / "good" describing an outcome or a forecast is no one's stance on another
        (
            "Russian Finance Minister Anton Ivanov said Japan's policies would have positive effects for the "
            "world economy.",
            set(),
        ),
        ("The Brazilian finance minister said there was good news on the U.S. economy.", set()),
        # ... and so is a state of the economy called good
        (
            "The Dutch finance minister said the Dutch deficit met EU rules and the economic situation was "
            "good.",
            set(),
        ),
        # a feeling of a non-state subject inside what was said is that subject's
        (
            "The Brazilian finance minister said investors were very worried about the U.S. budget deal.",
            set(),
        ),
        # guard: a judgement of another's act
        ("Chinese Vice Premier Wang Li said the U.S. move was a positive signal.", {("CHN", "positive")}),
    ],
)
def test_an_outcome_described_as_positive_is_no_stance(extractor, text, expected):
    assert stances(extractor, text, dt.date(2013, 4, 10)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # told in the past from the traveller's home: the trip is over
        (
            "TOKYO (Reuters) - Japan and China agreed on the plans during Prime Minister Yoshihiko Noda's "
            "visit to Beijing.",
            dt.date(2011, 12, 28),
            {("JPN", "CHN", "completed")},
        ),
        # guards: told from the place visited; dated on the day of the report or within the week before it
        (
            "BEIJING (Reuters) - Japan and China agreed on the plans during Prime Minister Yoshihiko Noda's "
            "visit to Beijing.",
            dt.date(2011, 12, 28),
            {("JPN", "CHN", "ongoing")},
        ),
        (
            "PARIS (Reuters) - Hollande has pushed for measures to stimulate growth, which were discussed by "
            "EU leaders at a summit in Brussels on Friday.",
            dt.date(2012, 6, 29),
            {("FRA", "BEL", "ongoing")},
        ),
        (
            "TOKYO (Reuters) - Japan and China agreed on the plans on December 27 during Prime Minister "
            "Yoshihiko Noda's visit to Beijing.",
            dt.date(2011, 12, 28),
            {("JPN", "CHN", "ongoing")},
        ),
    ],
)
def test_what_was_done_during_a_trip_told_from_home_is_over(extractor, text, published, expected):
    assert visit_statuses(extractor, text, published) == expected


def test_a_trip_that_only_sets_the_scene_of_a_stance_is_told_for_itself(extractor):
    # "pressure ... during the state visit January 19": the visit is when, not what the stance is about, so
    # the trip keeps its own day
    text = (
        "WASHINGTON (Reuters) - Lawmakers hope President Barack Obama will pressure his Chinese counterpart "
        "over the yuan during Chinese President Hu Jintao's state visit January 19."
    )
    got = {
        (v["visitor_code"], v["host_code"], v["status"], v["start_date"])
        for v in visits_of(extractor, text, dt.date(2011, 1, 10))
    }
    assert got == {("CHN", "USA", "planned", dt.date(2011, 1, 19))}
    # guard: the trip as what is criticised is named by the reaction, and dated by its own mention only
    text = (
        "WASHINGTON (Reuters) - Lawmakers criticised Chinese President Hu Jintao's state visit on January 19."
    )
    assert visit_statuses(extractor, text, dt.date(2011, 1, 10)) == {("CHN", "USA", "planned")}


def test_the_markets_demand_before_a_relative_that_is_no_political_demand(exhaustive_extractor):
    text = (
        "U.S. Defense Secretary Robert Gates said NATO members had realized that transport and surveillance "
        "were areas of high demand that could benefit from joint procurement."
    )
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2011, 3, 10)) == set()
    # guard: "demand that" with its speaker is still a demand
    text = "U.S. Defense Secretary Robert Gates said: 'We demand that NATO members pay their share.'"
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2011, 3, 10)) == {("USA", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asked or supposed, not stated
        ("It was unclear whether Japan had criticised the U.S. plan.", set()),
        ("Reporters asked whether China had complained about the U.S. tariffs.", set()),
        # guard: stated
        ("Japan criticised the U.S. plan.", {("JPN", "negative")}),
    ],
)
def test_a_stance_under_whether_is_asked_not_stated(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2008, 6, 18)) == expected


def test_the_state_owning_a_voiced_position_holds_it(exhaustive_extractor):
    # the parser makes "Spain" the subject of "reiterated": the support is Berlin's, as its owner says
    text = (
        "BERLIN (Reuters) - The official said Spain was on the right course with its reforms and reiterated "
        "Berlin's support for Prime Minister Mariano Rajoy's center-right government."
    )
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2012, 6, 27)) == {("DEU", "positive")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a summit boycotted or pulled out of is a trip called off, as one missed or skipped (GUIDELINES)
        (
            "U.S. President Barack Obama will boycott the APEC summit in Vladivostok.",
            {("USA", "RUS", "cancelled")},
        ),
        (
            "U.S. President Barack Obama pulled out of the APEC summit in Vladivostok.",
            {("USA", "RUS", "cancelled")},
        ),
        # talks withdrawn from or walked out of may have been attended: no trip is read either way
        ("U.S. President Barack Obama withdrew from the talks in Geneva.", set()),
    ],
)
def test_a_summit_boycotted_or_pulled_out_of_is_called_off(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(2012, 8, 20)) == expected


def test_a_summit_attended_is_a_trip(extractor):
    text = "U.S. President Barack Obama will attend the APEC summit in Vladivostok."
    assert visit_statuses(extractor, text, dt.date(2012, 8, 20)) == {("USA", "RUS", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "earlier this month" told from the place visited: over
        (
            "BEIJING (Reuters) - German Chancellor Angela Merkel visited Beijing earlier this month.",
            {("DEU", "CHN", "completed")},
        ),
        # guard: "earlier this week" there is the report's own week, the visit not over
        (
            "BEIJING (Reuters) - German Chancellor Angela Merkel visited Beijing earlier this week.",
            {("DEU", "CHN", "ongoing")},
        ),
    ],
)
def test_earlier_this_month_is_over_earlier_this_week_is_not(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(2011, 11, 7)) == expected


def test_an_official_closing_a_sentence_on_his_states_view_speaks_for_it():
    # "Slovakia sees ..., Prime Minister X said" under a PRAGUE dateline: Slovakia's prime minister
    text = (
        "PRAGUE (Reuters) - Euro zone member Slovakia sees a 50-50 chance of the currency bloc breaking up, "
        "Prime Minister Robert Fico said on Thursday."
    )
    people = PeopleIndex(text, dt.date(2012, 8, 30), "CZE").people
    assert [(p.name, p.code) for p in people] == [("Robert Fico", "SVK")]


def test_talks_with_a_state_opening_a_sentence_do_not_give_the_speaker_its_nationality():
    # guard: the state after a preposition is not the subject whose view is told
    text = "PRAGUE (Reuters) - Talks with Slovakia will resume next week, Prime Minister Petr Necas said."
    people = PeopleIndex(text, dt.date(2012, 8, 30), "CZE").people
    assert [(p.name, p.code) for p in people] == [("Petr Necas", "CZE")]


@pytest.mark.parametrize("noun", ["rebuke", "reprimand"])
def test_a_rebuke_from_a_state_person_is_his_states_position(exhaustive_extractor, noun):
    text = (
        "LONDON (Reuters) - British Prime Minister David Cameron vetoed the treaty. Cameron's attitude "
        f"earned him a {noun} from an irritated French President Nicolas Sarkozy at an EU summit last month."
    )
    assert ("FRA", "negative") in codes_stances(exhaustive_extractor, text, dt.date(2011, 12, 20))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "It" opening a statement after a sentence whose subject is a state or IGO alone that spoke
        (
            "OPEC says it will not put more oil on the market. It blames U.S. economic mismanagement for "
            "high prices.",
            {("OPEC", "negative")},
        ),
        # ... or a sentence that closes on who said it
        (
            "World growth will slow this year, the IMF said on Monday. It also urged Japan to open its "
            "markets.",
            {("IMF", "negative")},
        ),
        # guard: an "it" of "it is" is no one
        (
            "China said on Monday it was not worried. It is important that the United States cut its "
            "deficit.",
            set(),
        ),
    ],
)
def test_it_opening_a_statement_is_the_state_that_spoke_before(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, dt.date(2008, 3, 5)) == expected


def test_a_foreign_leader_who_should_do_something_is_a_demand_on_his_state(exhaustive_extractor):
    text = (
        "BRUSSELS (Reuters) - British Prime Minister Theresa May should clear up what financial commitments "
        "Britain is willing to honor, Dutch Prime Minister Mark Rutte said on Thursday."
    )
    assert codes_stances(exhaustive_extractor, text, dt.date(2017, 10, 19)) == {("NLD", "negative")}


def test_warm_weather_is_no_welcome(exhaustive_extractor):
    text = (
        "While the number of reported cases in China has fallen sharply, the World Health Organization "
        "(WHO) has cautioned against calling the outbreak over because the flu virus does not circulate as "
        "easily in warm weather."
    )
    assert ("WHO", "positive") not in codes_stances(exhaustive_extractor, text, dt.date(2009, 5, 20))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one a report quotes as saying somewhere is there
        (
            "DOHA (Reuters) - The paper quoted Qatari Finance Minister Youssef Hussein Kamal as saying in "
            "Washington that the peg would stay.",
            {("QAT", "USA", "ongoing")},
        ),
        # quoted in the past as saying before leaving a place: gone from it by the report
        (
            "ABU DHABI, March 11 - IRNA quoted Iranian Oil Minister Gholamreza Aqazadeh as saying before "
            "leaving Tripoli that OPEC should keep prices stable.",
            {("IRN", "LBY", "completed")},
        ),
    ],
)
def test_one_quoted_as_saying_somewhere_is_there(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 3, 11)) == expected


def test_an_aside_on_a_visit_told_from_home_is_a_trip_under_way(extractor):
    # the aside places the traveller as he acts; "discussed during his visit" told from home is over
    text = (
        "NEW YORK (Reuters) - Treasury Secretary Timothy Geithner, on a visit to London, also urged European "
        "countries to work for a globally consistent approach to financial reform."
    )
    assert visit_statuses(extractor, text, dt.date(2010, 5, 26)) == {("USA", "GBR", "ongoing")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # pressure from a state to do something is its demand
        (
            "ATHENS (Reuters) - Greece kept buying Iranian oil despite pressure from Washington to end such "
            "trade.",
            {("USA", "negative")},
        ),
        # ... "Brussels" stands for the EU the article names
        (
            "ATHENS (Reuters) - The European Union wants a deal. Greece kept buying Iranian oil despite "
            "pressure from Brussels to end such trade.",
            {("EU", "negative")},
        ),
        # ... and the state's pressure named by the state before the noun
        (
            "SEOUL (Reuters) - China kept its currency steady despite U.S. pressure for faster appreciation "
            "of the yuan.",
            {("USA", "negative")},
        ),
        # guard: the market's pressure is nobody's position
        ("ROME (Reuters) - Italian bonds came under pressure from investors to offer higher yields.", set()),
        # guard: pressure a report told of and a spokesman denied is not held
        (
            "LISBON (Reuters) - A government spokesman denied a magazine report that Lisbon was under "
            "pressure from Berlin and Paris to seek a bailout.",
            set(),
        ),
    ],
)
def test_pressure_from_a_state_to_act_is_its_demand(exhaustive_extractor, text, expected):
    found = codes_stances(exhaustive_extractor, text, dt.date(2012, 6, 1))
    assert {k for k in found if k[0] != "PRT"} == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "X has been one of the critics of Y", with those "along with" it
        (
            "ZURICH (Reuters) - Germany, along with Italy, the United States and France, has been one of the "
            "most fervent critics of Switzerland's banking secrecy laws.",
            {("DEU", "negative"), ("ITA", "negative"), ("USA", "negative"), ("FRA", "negative")},
        ),
        ("Britain is a strong supporter of the Turkish bid.", {("GBR", "positive")}),
        # guard: a supposed supporter holds nothing
        ("Britain would be a strong supporter of the Turkish bid.", set()),
        # guard: "along with" after the verb names more of those praised, not more who praise
        (
            "Obama praised French President Nicolas Sarkozy, along with Greece and Italy and their moves to "
            "form unity governments.",
            {("USA", "positive")},
        ),
    ],
)
def test_a_state_named_a_critic_or_supporter_holds_that_position(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, dt.date(2010, 10, 24)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an event that made a state act: that state acts
        (
            "China has sent patrol ships into Japanese waters, prompting Tokyo to lodge protests against "
            "Beijing.",
            {("JPN", "negative")},
        ),
        ("The move forced Germany to reject the French plan.", {("DEU", "negative")}),
        # guard: one that could make it act has not
        ("The move could force Germany to reject the French plan.", set()),
        # guard: what the cause does besides is not the act of the one it made act
        (
            "Inflation in India and China accelerated, prompting Beijing to raise interest rates and putting "
            "pressure on India to do the same.",
            set(),
        ),
    ],
)
def test_the_one_an_event_makes_act_is_who_acts(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, dt.date(2012, 10, 20)) == expected


def test_visiting_family_is_a_private_trip(extractor):
    text = (
        "MIAMI (Reuters) - Another 400,000 Cuban American visiting family in Cuba each year, a Cuban "
        "official said."
    )
    assert visit_statuses(extractor, text, dt.date(2009, 12, 20)) == set()


def test_a_companys_executive_named_with_its_possessive_is_no_state_official():
    text = "BERLIN (Reuters) - Siemens' finance director Joe Kaeser said growth was slowing."
    people = PeopleIndex(text, dt.date(2010, 6, 1), "DEU").people
    assert [(p.name, p.is_state) for p in people] == [("Joe Kaeser", False)]


def test_outstanding_obstacles_are_unsettled_not_praised(exhaustive_extractor):
    text = (
        "LISBON (Reuters) - Portugal's government said on Sunday its EU and IMF lenders had concluded the "
        "bailout review, indicating there were no outstanding obstacles for Lisbon to receive the next "
        "tranche."
    )
    assert codes_stances(exhaustive_extractor, text, dt.date(2013, 5, 12)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a conference of no place named attended under a foreign dateline: there, as one spoken at
        (
            "DOHA (Reuters) - French President Nicolas Sarkozy is the only Western leader attending the "
            "conference.",
            {("FRA", "QAT", "ongoing")},
        ),
        # guard: attended at home, no trip
        ("PARIS (Reuters) - French President Nicolas Sarkozy attended a U.N. conference on Saturday.", set()),
        # guard: a summit attended where a clause places it is not the dateline's
        (
            "ATHENS (Reuters) - French President Nicolas Sarkozy will leave on Monday for Brussels, where he "
            "will attend an EU summit.",
            {("FRA", "BEL", "planned")},
        ),
    ],
)
def test_an_event_attended_of_no_place_is_where_the_story_is_filed(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(2008, 11, 29)) == expected


def test_going_to_a_countrys_court_is_a_suit_not_a_trip(extractor):
    text = (
        "BUENOS AIRES (Reuters) - Argentine Economy Minister Hernan Lorenzino said the government will go to "
        "the U.S. Supreme Court."
    )
    assert visit_statuses(extractor, text, dt.date(2013, 8, 24)) == set()


def test_the_place_a_sentence_opens_with_owns_the_official_after_a_where_clause():
    text = (
        "PARIS (Reuters) - Growth is picking up. In Italy, where the central bank said on Friday that it was "
        "expecting GDP growth of 0.7 percent this year, Economy Minister Giulio Tremonti said he hoped for "
        "more."
    )
    people = PeopleIndex(text, dt.date(2010, 1, 18), "FRA").people
    assert [(p.name, p.code) for p in people if p.name] == [("Giulio Tremonti", "ITA")]


def test_a_company_given_with_its_instrument_code_employs_the_title_after_it():
    text = "BEIJING (Reuters) - Toyota Motor Corp ( 7203.T ) President Akio Toyoda offered an apology."
    people = PeopleIndex(text, dt.date(2010, 3, 1), "CHN").people
    assert [(p.name, p.is_state) for p in people] == [("Akio Toyoda", False)]


def test_investor_confidence_is_the_markets_not_the_speakers(exhaustive_extractor):
    text = (
        "BERLIN (Reuters) - Allowing Greece to default now would destroy investor confidence in the euro "
        "zone, German Chancellor Angela Merkel said on Sunday."
    )
    assert ("DEU", "positive") not in codes_stances(exhaustive_extractor, text, dt.date(2011, 9, 18))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance one appeared or seemed to take is reported as taken
        (
            "BRUSSELS (Reuters) - European Commission President Jose Manuel Barroso appeared to side with "
            "Irish Prime Minister Enda Kenny.",
            {("EU", "positive")},
        ),
        (
            "WASHINGTON (Reuters) - U.S. Treasury Secretary Timothy Geithner appeared to back the French "
            "plan.",
            {("USA", "positive")},
        ),
        # guard: one that "will appear to" is not
        (
            "WASHINGTON (Reuters) - U.S. Treasury Secretary Timothy Geithner will appear to back the French "
            "plan.",
            set(),
        ),
    ],
)
def test_a_stance_one_appeared_to_take_is_taken(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, dt.date(2012, 10, 3)) == expected


def test_the_owner_before_a_bodys_acronym_owns_the_title_after_it():
    text = "AMSTERDAM/BRUSSELS (Reuters) - Dutch central bank (DNB) governor Nout Wellink canceled a trip."
    people = PeopleIndex(text, dt.date(2008, 9, 28), None).people
    assert [(p.name, p.code) for p in people if p.name] == [("Nout Wellink", "NLD")]


def test_a_countrys_name_after_a_first_name_is_a_surname():
    text = "ZURICH (Reuters) - SNB Chairman Thomas Jordan confirmed his commitment to defend the limit."
    people = PeopleIndex(text, dt.date(2012, 9, 1), "CHE").people
    assert [(p.name, p.code) for p in people if p.name] == [("Thomas Jordan", "CHE")]


def test_good_health_is_no_praise(exhaustive_extractor):
    text = (
        "CANBERRA (Reuters) - Australian Foreign Minister Stephen Smith said China had detained Hu. Canberra "
        "reported him to be in good health after officials met him in China."
    )
    assert ("AUS", "positive") not in codes_stances(exhaustive_extractor, text, dt.date(2009, 7, 10))


# A sentence naming no state that lets the next one through the pre-filter's look at the sentence before.
_MINISTERS_MEET = "Euro zone finance ministers meet in Brussels on Monday to discuss a larger rescue fund."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state by its own name refusing or opposing what no foreign party is named for: another's proposal
        (
            f"{_MINISTERS_MEET} So far, Austria has refused to countenance any merger of the rescue funds.",
            {("AUT", "negative")},
        ),
        (
            "Canada, Japan and Italy oppose levies on their largest banks.",
            {("CAN", "negative"), ("JPN", "negative"), ("ITA", "negative")},
        ),
        (
            "Austria, the EU's biggest creditor, is opposed to asking its taxpayers to back other "
            "countries' banks.",
            {("AUT", "negative")},
        ),
        # a stand denied is none, and a person's refusal may be on home affairs
        ("Austria is not opposed to asking its taxpayers to back other countries' banks.", set()),
        ("Austrian Finance Minister Karl Auer rejected the idea of a wealth tax.", set()),
    ],
)
def test_a_named_state_takes_a_stand_with_no_foreign_party_named(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            f"{_MINISTERS_MEET} Austria's opposition to the merger of the two rescue funds is well known.",
            {("AUT", "negative")},
        ),
        (
            f"{_MINISTERS_MEET} Objections from Austria delayed the merger of the two rescue funds.",
            {("AUT", "negative")},
        ),
        # "opposition" to nothing may be the political one
        ("Even Hans Bauer, one of the voices of Austria's opposition, praised the budget.", set()),
    ],
)
def test_a_named_states_position_noun_is_a_stand_with_no_foreign_party_named(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs "for" on the clause as its marker: still a demand on the clause's subject
        (
            "The IMF and the World Bank have long called for Thailand to raise social spending.",
            {("IMF", "negative"), ("WORLDBANK", "negative")},
        ),
        ("Austria called for Hungary to let the forint rise.", {("AUT", "negative")}),
        ("Austrian Chancellor Karl Auer called for calm.", set()),
    ],
)
def test_a_call_for_a_state_to_act_is_a_demand_on_it(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle that times the talks holds their place and their last day (MONDAY + 2: Wednesday)
        (
            "WASHINGTON (Reuters) - Top U.S. and Thai officials are holding trade talks ending Wednesday in "
            "Washington on market access.",
            [("THA", "USA", "ongoing", None, "2021-03-03")],
        ),
        # a trip told in the past is dated by its arrival, not by the end of its talks
        (
            "Thai Foreign Minister Somchai Wong arrived in Washington on Monday for talks ending Wednesday.",
            [("THA", "USA", "ongoing", "2021-03-01", None)],
        ),
    ],
)
def test_talks_timed_by_the_day_they_end(extractor, text, expected):
    got = [
        (v["visitor_code"], v["host_code"], v["status"], v["start_date"], v["end_date"])
        for v in visits_of(extractor, text, MONDAY + dt.timedelta(days=1))
    ]
    assert [tuple(str(x) if isinstance(x, dt.date) else x for x in g) for g in got] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The United States disagreed with the OPEC decision to cut output.", {("USA", "negative")}),
        # a definite object of the verb's preposition points back to the sentence before
        (
            'OPEC decided to cut output on Tuesday. "We certainly disagree with that decision," said White '
            "House spokeswoman Ann Cole.",
            {("USA", "negative")},
        ),
    ],
)
def test_disagreeing_is_a_negative_stance(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "back down" is giving way, not backing anything
        ("French President Jean Dupont backed down on his plan to use European Central Bank funds.", set()),
        ("The French president backed the German plan.", {("FRA", "positive")}),
    ],
)
def test_backing_down_is_no_support(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the participle between commas says what was done to the minister (the parser may make him its
        # subject): he was asked, he asked nothing
        (
            "British Finance Minister Tom Hale, asked about the U.S. tariffs, said he hoped trade would "
            "grow.",
            set(),
        ),
        ("Hale, asked about the U.S. tariffs, said he hoped trade would grow.", set()),
        ("Britain asked the United States to cut its tariffs.", {("GBR", "negative")}),
    ],
)
def test_a_speaker_asked_about_something_is_no_asker(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # incursions, subsidies and bondholders are no state speakers, whatever their nationality
        ("Turkish incursions into northern Iraq were supportive of the talks, dealers said.", set()),
        ("Nine U.S. bondholders sued China for repayment of the loan.", set()),
        ("Some British critics complain that U.S. regulators are overzealous.", set()),
        ("Turkey was supportive of the Iraqi plan.", {("TUR", "positive")}),
    ],
)
def test_things_and_private_groups_named_by_nationality_are_no_speakers(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stand kept ("continued to oppose") is held now, no plan
        (
            f"{_MINISTERS_MEET} Ireland and France continued to oppose the deal on meat.",
            {("IRL", "negative"), ("FRA", "negative")},
        ),
        # objections a state has are its stand
        (
            f"{_MINISTERS_MEET} Britain and the Netherlands continue to have strong objections to the tax.",
            {("GBR", "negative"), ("NLD", "negative")},
        ),
        # threatened reprisals are a stand against the one threatened
        (
            f"{_MINISTERS_MEET} Washington has said it will take trade reprisals if the EC goes ahead.",
            {("USA", "negative")},
        ),
        # a state's whole name ("the United States", not "States") is a state by its own name
        (
            f"{_MINISTERS_MEET} The United States has refused to countenance any merger of the rescue funds.",
            {("USA", "negative")},
        ),
        # guards: what a state must or should do is another's view of it, no stand of its own
        (f"{_MINISTERS_MEET} Athens must demand that the cuts be spread over four years.", set()),
        (f"{_MINISTERS_MEET} He said the United States should threaten Iran with a blockade.", set()),
        # guards: a stand still to come; no objections
        (f"{_MINISTERS_MEET} Ireland will continue to oppose the deal on meat.", set()),
        (f"{_MINISTERS_MEET} Britain said it had no objections to the tax.", set()),
    ],
)
def test_stands_kept_and_held(extractor, text, expected):
    assert reaction_keys(extractor, text) == expected


def test_a_meeting_that_names_who_meets_places_no_one_else(extractor):
    text = (
        "WASHINGTON, March 27 - State Department spokesman Charles Redman declined to elaborate, but he said "
        "an emergency meeting of NATO ambassadors in Brussels was only one path it was pursuing."
    )
    assert visits_of(extractor, text, dt.date(1987, 3, 27)) == []
    # guard: one who tells such a meeting is there
    told = (
        "BRUSSELS (Reuters) - German Finance Minister Wolfgang Schaeuble told a meeting of finance ministers "
        "in Brussels he could not support the plan."
    )
    assert [(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, told)] == [("DEU", "BEL")]


def test_talks_one_has_are_no_stance_on_them(extractor):
    # "have" states a stance only with a stance noun ("have objections"): "had talks" keeps its day
    text = (
        "WASHINGTON, March 12 - President Reagan today had talks with Kenyan President Daniel Arap Moi, who "
        "afterwards appealed for more U.S. investment in Kenya."
    )
    got = [
        (v["visitor_code"], v["host_code"], v["start_date"])
        for v in visits_of(extractor, text, dt.date(1987, 3, 12))
    ]
    assert got == [("KEN", "USA", dt.date(1987, 3, 12))]


def test_a_factbox_of_comments_at_a_meeting_places_its_speakers_there(extractor):
    saturday = dt.date(2011, 4, 16)
    text = (
        "WASHINGTON (Reuters) - Following are highlights of comments by financial leaders attending the "
        "International Monetary Fund spring meetings on Saturday.\n"
        'FRENCH ECONOMY MINISTER JEAN DUPONT: ON COMMODITY PRICES: "We must seek solutions." '
        'KARL AUER, GERMANY\'S FINANCE MINISTER: "Stability has improved." '
        'TARO SATO, FINANCE MINISTER, JAPAN: "We will carry out reform."\n'
        'U.S. TREASURY SECRETARY TOM HALE: "Growth is back."\n'
        'JOHN SMITH, CHIEF ECONOMIST AT ACME BANK: "Rates will rise."'
    )
    got = {(v["visitor_code"], v["host_code"], v["status"]) for v in visits_of(extractor, text, saturday)}
    # the host's own official and a banker are no visitors
    assert got == {("FRA", "USA", "ongoing"), ("DEU", "USA", "ongoing"), ("JPN", "USA", "ongoing")}
    # guard: comments on results place no one at a meeting
    results = text.replace(
        "highlights of comments by financial leaders attending the International Monetary Fund spring "
        "meetings on Saturday",
        "comments from policymakers and analysts on the results",
    )
    assert visits_of(extractor, results, saturday) == []


def test_a_datelines_region_says_whose_place_it_is():
    from diplowatch.nlp.segment import parse_dateline

    assert parse_dateline("CHATHAM, Massachusetts (Reuters) - The Fed chief spoke.", None).place.code == "USA"
    assert parse_dateline("SAN JOSE, Costa Rica (Reuters) - The minister spoke.", None).place.code == "CRI"
    assert parse_dateline("WASHINGTON, Feb 26 - The minister spoke.", None).place.code == "USA"


def test_making_a_visit_is_no_stance_on_it(extractor):
    # "make" states a stance only with a stance noun ("made a protest"): the visit keeps its own days
    text = (
        "TOKYO, March 27 - Japanese Prime Minister Taro Sato will make an official week-long visit to the "
        "United States from April 29, a spokesman said."
    )
    got = [(v["start_date"], v["end_date"]) for v in visits_of(extractor, text, dt.date(1987, 3, 27))]
    assert got == [(dt.date(1987, 4, 29), dt.date(1987, 5, 5))]


@pytest.mark.parametrize(
    ("text", "lemma", "expected"),
    [
        # demanding, like refusing, is a stand a state by its own name takes against another's course
        ("Washington has been demanding a cut to seven percent.", "demand", True),
        ("Washington has refused to cut its duties.", "refuse", True),
        ("Washington has announced a cut to seven percent.", "announce", False),
    ],
)
def test_a_state_demanding_takes_a_stand(extractor, text, lemma, expected):
    from diplowatch.nlp.context import Actor, ArticleContext
    from diplowatch.nlp.reactions import _stand_of_a_named_state

    doc = extractor.nlp(text)
    verb = next(t for t in doc if t.lemma_ == lemma)
    actor = Actor(None, "USA", True, "named state", "state", "Washington")
    assert (
        _stand_of_a_named_state(verb, lemma, actor, doc[0], ArticleContext("t", text, MONDAY, None))
        is expected
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a tour ended is over, even "last night" at the place reported from
        (
            "LONDON, March 6 - Brazilian Finance Minister Jose Lima last night ended a tour of European "
            "capitals.",
            "completed",
        ),
        # guard: a meeting last night at the place reported from leaves the visitor there
        (
            "LONDON, March 6 - Brazilian Finance Minister Jose Lima last night met British officials.",
            "ongoing",
        ),
    ],
)
def test_a_trip_ended_is_over(extractor, text, expected):
    assert [v["status"] for v in visits_of(extractor, text, dt.date(1987, 3, 6))] == [expected]


def test_a_factbox_after_a_meeting_names_its_speakers_in_the_leads_sentence(extractor):
    friday = dt.date(2011, 12, 9)
    text = (
        "BRUSSELS (Reuters) - EU leaders met on Friday to discuss a new treaty.\n"
        "Following are comments after the end of the meeting: GERMAN FINANCE MINISTER KARL AUER ON GREECE: "
        '"Greece must implement the agreed measures." DUTCH FINANCE MINISTER JAN SMIT: "We agreed." '
        'EUROPEAN COUNCIL PRESIDENT HANS MEIER: "The treaty will be ready in March."'
    )
    got = {(v["visitor_code"], v["host_code"], v["start_date"]) for v in visits_of(extractor, text, friday)}
    # the place is the dateline's, not a state a header's topic names; an IGO's head at its seat is at home;
    # the day of the comments is no day of the trips
    assert got == {("DEU", "BEL", None), ("NLD", "BEL", None)}


def test_a_state_banks_head_titled_before_the_name_speaks_for_the_state(extractor):
    # "central bank Governor X": the capitalised title hangs on the name, the bank on the title
    governor = "Japanese central bank Governor Kenji Tanaka said the U.S. move was welcome."
    assert reaction_keys(extractor, governor) == {("JPN", "positive")}
    # guard: a commercial bank's head is no official
    banker = "Fuji Bank chief executive Ken Sato said the U.S. move was welcome."
    assert reactions_of(extractor, banker) == []


def test_a_minister_of_state_with_a_portfolio_is_a_minister(extractor):
    before = "Irish Minister of State for Finance Tom Hale said the EU report was wrong."
    assert reaction_keys(extractor, before) == {("IRL", "negative")}
    defence = "British Secretary of State for Defence Tom Hale said the Russian move was wrong."
    assert reaction_keys(extractor, defence) == {("GBR", "negative")}
    trip = (
        "CAIRO, March 2 - The meeting is set, Egypt's Minister of State for Foreign Affairs, Ali Hassan, "
        "said.\n"
        "He told reporters on his return from Ethiopia and Djibouti that the venue had been agreed."
    )
    assert visit_statuses(extractor, trip, dt.date(1987, 3, 2)) == {
        ("EGY", "ETH", "completed"),
        ("EGY", "DJI", "completed"),
    }


def test_an_igos_chief_economist_is_its_official_an_analyst_is_not(extractor):
    igo = "OECD chief economist Tom Hale urged Germany to raise its spending."
    assert reaction_keys(extractor, igo) == {("OECD", "negative")}
    apposition = "Tom Hale, the IMF's chief economist, urged Germany to raise its spending."
    assert reaction_keys(extractor, apposition) == {("IMF", "negative")}
    # guards: a bank's chief economist and an IGO's plain economist are analysts
    bank = "Nomura chief economist Tom Hale urged Germany to raise its spending."
    assert reactions_of(extractor, bank) == []
    staff = "Tom Hale, a World Bank economist in Beijing, urged Germany to raise its spending."
    assert reactions_of(extractor, staff) == []
    # an IGO's economist speaks for it but is no head: no IGO traveller (guard: its head is one)
    day = dt.date(2011, 5, 23)
    assert visits_of(extractor, "IMF chief economist Tom Hale arrived in Tokyo on Monday.", day) == []
    assert pairs(visits_of(extractor, "IMF chief Tom Hale arrived in Tokyo on Monday.", day)) == {
        ("IMF", "JPN")
    }


def test_a_right_direction_under_a_duty_is_demanded_not_praised(extractor):
    duty = "OECD head Tom Hale said Ireland needs to be steered in the right direction."
    assert reaction_keys(extractor, duty) == {("OECD", "negative")}
    praise = "OECD head Tom Hale said Ireland's budget was a step in the right direction."
    assert reaction_keys(extractor, praise) == {("OECD", "positive")}


def test_a_government_named_by_its_leader_is_the_leaders_state_not_the_datelines(extractor):
    day = dt.date(1987, 5, 23)
    verb = "PARIS, May 23 - The Reagan administration criticized Japan's trade policy."
    assert reaction_keys(extractor, verb, day) == {("USA", "negative")}
    # the holder of a position noun, named the same way
    noun = (
        "PARIS, May 23 - The OECD said West Germany should cut subsidies. West Germany's surplus, the target "
        "of criticism by the Reagan administration, is expected to rise."
    )
    assert reaction_keys(extractor, noun, day) == {("OECD", "negative"), ("USA", "negative")}
    # guard: a government with no leader named is still the dateline's
    bare = "TOKYO, May 23 - The government criticized the U.S. trade policy."
    assert reaction_keys(extractor, bare, day) == {("JPN", "negative")}


def test_a_hyphened_rank_keeps_the_owner_before_it(extractor):
    day = dt.date(1987, 3, 3)
    text = (
        "TOKYO, March 3 - The U.S. wants Japan to open its markets, visiting U.S. Under-Secretary of State "
        "for Economic Affairs Tom Hale told reporters."
    )
    assert visit_statuses(extractor, text, day) == {("USA", "JPN", "ongoing")}
    plain = (
        "TOKYO, March 3 - Visiting U.S. Under-Secretary of State Tom Hale criticized Japan's trade policy."
    )
    assert reaction_keys(extractor, plain, day) == {("USA", "negative")}


def test_opposed_to_read_as_a_passive_is_still_a_position(extractor):
    day = dt.date(1987, 3, 26)
    text = "BRUSSELS, March 26 - Britain was opposed to the French plan."
    assert reaction_keys(extractor, text, day) == {("GBR", "negative")}
    # the quote is the phrase, without the sentence's full stop
    assert [r["quote"] for r in reactions_of(extractor, text, day)] == ["opposed to the French plan"]
    # guards: a position held no more; the passive of the verb names its holder after "by"
    gone = "BRUSSELS, March 26 - Britain is no longer opposed to the French plan."
    assert reactions_of(extractor, gone, day) == []
    passive = "BRUSSELS, March 26 - The French plan is opposed by Britain."
    assert reaction_keys(extractor, passive, day) == {("GBR", "negative")}


def test_a_position_held_until_recently_is_held_no_more(extractor):
    text = (
        "TOKYO, March 3 - The attack marks a shift by the U.S. administration, which until recently has been "
        "sympathetic to Tokyo's efforts to cut the government's role, diplomats said."
    )
    assert reactions_of(extractor, text, dt.date(1987, 3, 3)) == []
    held = "TOKYO, March 3 - The U.S. administration has been sympathetic to Tokyo's efforts, diplomats said."
    assert reaction_keys(extractor, held, dt.date(1987, 3, 3)) == {("USA", "positive")}


def test_the_old_wires_dotted_ec_is_the_community(extractor):
    text = "GENEVA, May 23 - The E.C. complained the accord breached trade rules by letting Tokyo set prices."
    assert reaction_keys(extractor, text, dt.date(1987, 5, 23)) == {("EC", "negative")}


def test_pleasure_under_an_inverted_condition_is_no_praise(extractor):
    day = dt.date(1987, 3, 3)
    opening = "TOKYO, March 3 - U.S. envoy Tom Hale said the talks went on. "
    wish = (
        "He was also quoted as saying the U.S. would be pleased were Japan to halve its quotas within five "
        "years if it cannot end them within three, the spokesman said."
    )
    assert ("USA", "positive") not in reaction_keys(extractor, opening + wish, day)
    pleased = (
        "He was also quoted as saying the U.S. was pleased that Japan halved its quotas, the spokesman said."
    )
    assert reaction_keys(extractor, opening + pleased, day) == {("USA", "positive")}


def test_a_stance_acts_quote_ends_before_the_full_stop(extractor):
    text = "Germany is pushing for tougher sanctions on Iran."
    assert [r["quote"] for r in reactions_of(extractor, text)] == ["pushing for tougher sanctions on Iran"]


def test_an_infinitive_trip_with_its_own_subject_is_to_come(extractor):
    day = dt.date(2011, 1, 10)
    headline = "Chinese President Tom Hale to visit Washington next week, ministry says."
    assert visit_statuses(extractor, headline, day) == {("CHN", "USA", "planned")}
    wanted = "Obama wants Chinese President Tom Hale to visit Washington."
    assert visit_statuses(extractor, wanted, day) == {("CHN", "USA", "planned")}
    # guard: a finite verb under the same report tells the trip's time itself
    told = "The ministry said Chinese President Tom Hale visited Washington."
    assert visit_statuses(extractor, told, day) == {("CHN", "USA", "completed")}
    # guard: another verb's infinitive ("wants Japan to eliminate") says nothing of the visitor's trip
    other = (
        "TOKYO, March 3 - The U.S. wants Japan to eliminate import controls on farm products within three "
        "years, visiting U.S. Under-Secretary of State for Economic Affairs Tom Hale told Ken Sato."
    )
    assert visit_statuses(extractor, other, dt.date(1987, 3, 3)) == {("USA", "JPN", "ongoing")}


def test_a_region_named_without_its_state_is_in_that_state(extractor):
    text = "British Foreign Secretary Tom Hale toured a refugee camp in Darfur on Tuesday."
    assert pairs(visits_of(extractor, text, dt.date(2004, 9, 1))) == {("GBR", "SDN")}


def test_where_one_spoke_is_none_of_what_was_said(extractor):
    text = (
        "Speaking in Brussels, EU foreign policy chief Tom Hale condemned the attack on the British embassy "
        "in "
        "Tehran."
    )
    (found,) = reactions_of(extractor, text)
    assert (found["reactor_code"], found["stance"], found["target_code"]) == ("EU", "negative", "GBR")
    assert found["quote"] == "the attack on the British embassy in Tehran"
    # guard: speaking about something names what was said
    about = "Speaking about the U.S. plan, EU foreign policy chief Tom Hale said it was a mistake."
    assert [r["target_code"] for r in reactions_of(extractor, about)] == ["USA"]


def test_a_duty_told_by_a_participle_of_saying_on_a_past_act(extractor):
    text = "The World Bank cut its forecast, saying China needed to rebalance its economy."
    assert reaction_keys(extractor, text) == {("WORLDBANK", "negative")}
    # guard: a past time in the clause tells what happened
    past = "The World Bank cut its forecast, saying China had to suspend payments last year."
    assert reactions_of(extractor, past) == []


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("Bundesbank President Tom Hale said U.S. pressure on Bonn to cut rates was misplaced.", "DEU"),
        ("The IMF said on Tuesday that Greece's program was off track.", "IMF"),
        ("China said the U.S. report was one-sided and politically motivated.", "CHN"),
    ],
)
def test_judgement_words_of_a_wrong_course(extractor, text, speaker):
    assert (speaker, "negative") in reaction_keys(extractor, text)


def test_a_named_subject_of_a_cancel_verb_drops_something_else_not_the_trip(extractor):
    # the parser makes the traveller the subject of "abandon": what he is said to want dropped is no trip
    text = "Obama, in Seoul for a nuclear security summit, said North Korea should abandon its launch."
    found = visit_statuses(extractor, text, dt.date(2012, 5, 23))
    assert {(v, h) for v, h, _ in found} == {("USA", "KOR")}
    assert all(status != "cancelled" for *_, status in found)
    # guard: a trip that is the object of the cancel verb is cancelled
    trip = "Obama cancelled his trip to Indonesia."
    assert visit_statuses(extractor, trip, dt.date(2012, 5, 23)) == {("USA", "IDN", "cancelled")}


def test_where_a_trip_ends_or_begins_is_a_place_of_it(extractor):
    day = dt.date(2012, 5, 23)
    assert visit_statuses(extractor, "Obama concluded his tour in Tokyo on Monday.", day) == {
        ("USA", "JPN", "completed")
    }
    # begun on a past day with no length told: under way since (a "two-day visit" begun then has ended)
    assert visit_statuses(extractor, "Obama began his tour in Tokyo on Monday.", day) == {
        ("USA", "JPN", "ongoing")
    }
    ended = "Obama began a two-day visit to Japan on Sunday."
    assert visit_statuses(extractor, ended, day) == {("USA", "JPN", "completed")}
    # begun weeks before the report, it is over
    long_ago = "Shultz began his visit to China on March 1."
    assert visit_statuses(extractor, long_ago, dt.date(1987, 3, 20)) == {("USA", "CHN", "completed")}


def test_a_government_named_by_its_leader_is_a_target(extractor):
    day = dt.date(1987, 3, 23)
    text = (
        "The EC and some U.S. farm groups have said the Reagan administration plan to end subsidies is "
        "unrealistic."
    )
    assert [(r["reactor_code"], r["target_code"]) for r in reactions_of(extractor, text, day)] == [
        ("EC", "USA")
    ]


def test_a_states_name_tagged_as_a_common_noun_still_owes_a_duty(extractor):
    text = "Iceland needs to try harder to implement its new economic strategy, the OECD said."
    assert reaction_keys(extractor, text, dt.date(1987, 6, 2)) == {("OECD", "negative")}


def test_an_agencys_credit_before_the_subject_is_no_media_speaker(extractor):
    credit = "AP - China on Tuesday criticised Japan's decision to let a former Taiwan leader visit."
    assert reaction_keys(extractor, credit, None) == {("CHN", "negative")}
    # guard: an outlet that speaks is still media
    radio = "Tehran Radio said the U.S. decision was wrong."
    assert reactions_of(extractor, radio, None) == []


def test_an_envoy_named_after_the_post_speaks_for_the_sender(extractor):
    text = "Britain's ambassador to the U.N., Tom Hale, said the Syrian attack was unacceptable."
    assert reaction_keys(extractor, text) == {("GBR", "negative")}
    people = PeopleIndex(text, MONDAY, None).people
    assert [(p.name, p.title, p.code) for p in people] == [("Tom Hale", "ambassador", "GBR")]


@pytest.mark.parametrize("word", ["disgusting", "reprehensible", "abhorrent", "intolerable", "appalling"])
def test_words_of_condemnation(extractor, word):
    assert reaction_keys(extractor, f"U.S. Ambassador Tom Hale said the Russian veto was {word}.") == {
        ("USA", "negative")
    }


def test_a_judgement_whose_object_hangs_on_the_predicate(extractor):
    # the parser makes "the Russian veto" a compound of "disgusting": still what is called so
    text = "The U.S. ambassador called the Russian veto disgusting."
    assert reaction_keys(extractor, text) == {("USA", "negative")}


def test_a_list_of_those_present_places_them_at_the_event(extractor):
    day = dt.date(1987, 3, 23)
    delegates = (
        "TAUPO, New Zealand, March 23 - Ministers from more than 20 nations met. The delegates include U.S. "
        "Trade Representative Tom Hale."
    )
    assert visit_statuses(extractor, delegates, day) == {("USA", "NZL", "ongoing")}
    arriving = (
        "WASHINGTON, April 8 - Top officials arrived for a meeting of the Group of Five. Officials seen "
        "arriving included West German Finance Minister Tom Hale and French Finance Minister Ken Sato."
    )
    assert visit_statuses(extractor, arriving, dt.date(1987, 4, 8)) == {
        ("DEU", "USA", "ongoing"),
        ("FRA", "USA", "ongoing"),
    }
    # guard: a list of things is no list of those present
    package = "BRUSSELS, March 23 - The package included tax cuts for German exporters."
    assert visits_of(extractor, package, day) == []


def test_each_member_of_a_group_coordinated_with_the_traveller_travels(extractor):
    text = "German Chancellor Tom Hale and leaders from Italy and Spain met in Paris on Tuesday."
    assert pairs(visits_of(extractor, text, dt.date(2012, 5, 23))) == {
        ("DEU", "FRA"),
        ("ITA", "FRA"),
        ("ESP", "FRA"),
    }


def test_a_state_attending_a_meeting_sends_its_delegation(extractor):
    day = dt.date(1987, 4, 27)
    # the parser hangs the state on the dateline and splits the bank's name off the meeting
    text = (
        "OSAKA, Japan, April 27 - The Soviet Union is attending an Asian Development Bank (ADB) annual "
        "general meeting for the first time, but has not decided whether to apply, a Soviet official said."
    )
    assert visit_statuses(extractor, text, day) == {("SUN", "JPN", "ongoing")}
    # guard: a state that attends nothing (a bare state is no traveller of its own)
    other = "OSAKA, Japan, April 27 - The Soviet Union is studying membership, a Soviet official said."
    assert visits_of(extractor, other, day) == []


def test_a_meeting_held_yesterday_abroad_is_over(extractor):
    day = dt.date(1987, 3, 15)
    text = (
        "NAIROBI, March 15 - The IMF made the pledge during talks with Kenyan President Tom Hale in "
        "Washington yesterday."
    )
    assert visit_statuses(extractor, text, day) == {("KEN", "USA", "completed")}
    # guard: a visit begun yesterday is under way
    visit = (
        "NAIROBI, March 15 - Kenyan President Tom Hale said during his visit to Washington yesterday "
        "that aid was needed."
    )
    assert visit_statuses(extractor, visit, day) == {("KEN", "USA", "ongoing")}


def test_a_factbox_of_comments_gives_each_header_its_speakers_words(extractor):
    day = dt.date(2012, 2, 21)
    text = (
        "BRUSSELS (Reuters) - EU finance ministers met on Tuesday.\n"
        "Following are comments after the end of the meeting: GERMAN FINANCE MINISTER TOM HALE ON GREECE: "
        '"Greece must implement the agreed measures." KEN SATO, JAPAN ON CURRENCIES "We had a long talk." '
        'ON CHINA "We think China needs to boost flexibility in the yuan." '
        'DUTCH FINANCE MINISTER JAN DE VRIES: "It is a very positive thing."'
    )
    # the topic header ("ON CHINA") goes on with Sato's words; de Vries praises no state named
    assert reaction_keys(extractor, text, day) == {("DEU", "negative"), ("JPN", "negative")}
    # guard: another's speech inside a speaker's part is that one's, by the verb's own rules
    other = (
        "BRUSSELS (Reuters) - EU finance ministers met on Tuesday.\n"
        "Following are comments after the end of the meeting: GERMAN FINANCE MINISTER TOM HALE: "
        '"Colleagues from Britain say Greece must implement the agreed measures."'
    )
    assert ("DEU", "negative") not in reaction_keys(extractor, other, day)


def test_an_official_of_no_state_speaking_where_the_sentence_names_that_state_is_its_own(extractor):
    day = dt.date(1987, 3, 2)
    text = (
        "KUALA LUMPUR, March 2 - Mining Minister Tom Hale told Reuters in La Paz that Bolivia expected to "
        "export about 9,000 tonnes of tin."
    )
    assert visits_of(extractor, text, day) == []
    # guard: with no such state named, the dateline's minister speaking abroad is there
    abroad = 'BELGRADE, March 2 - Foreign Minister Tom Hale said in Caracas, "radical changes" were needed.'
    assert visit_statuses(extractor, abroad, day) == {("YUG", "VEN", "ongoing")}


def test_plural_officials_named_by_their_state_travel_as_a_group(extractor):
    day = dt.date(1987, 4, 27)
    text = (
        "BRIDGETOWN, Barbados, April 27 - Central bank governors from Spain and Mexico will meet here soon."
    )
    assert visit_statuses(extractor, text, day) == {("ESP", "BRB", "planned"), ("MEX", "BRB", "planned")}


def test_they_stands_for_the_plural_officials_of_the_governing_clause(extractor):
    day = dt.date(1987, 3, 2)
    text = (
        "TOKYO, March 2 - Japanese banks are expected to give Nigerian debt negotiators a cool response when "
        "they arrive here tomorrow for talks, banking sources said."
    )
    assert visit_statuses(extractor, text, day) == {("NGA", "JPN", "planned")}
    both = "French and German officials said they would meet in Rome next week."
    assert visit_statuses(extractor, both, dt.date(2012, 5, 2)) == {
        ("FRA", "ITA", "planned"),
        ("DEU", "ITA", "planned"),
    }
    # guard: "they" of no officials named stands for no one
    nobody = (
        "TOKYO, March 2 - Japanese banks expect a cool response when they arrive here tomorrow for talks."
    )
    assert visits_of(extractor, nobody, day) == []


def test_a_fronted_purpose_is_no_part_of_what_was_said(extractor):
    text = (
        "In New Delhi to drum up support for his candidacy, Mexican central bank chief Tom Hale said Mexico "
        "and India agreed emerging market countries needed greater representation at the IMF."
    )
    assert ("MEX", "positive") not in reaction_keys(extractor, text, dt.date(2011, 6, 3))


def test_the_body_before_an_acronym_owns_the_title_after_it(extractor):
    day = dt.date(1987, 4, 2)
    firm = (
        "Electronic Industries Association of Japan (EIAJ) Chairman Tom Hale said it is irrational of the "
        "United States to judge the agreement now."
    )
    assert reaction_keys(extractor, firm, day) == set()
    # guard: a state body before its acronym is still the state's
    bank = "Dutch central bank (DNB) governor Tom Hale said Greece must do more."
    assert reaction_keys(extractor, bank, day) == {("NLD", "negative")}


def test_what_is_said_of_a_state_is_no_statement_of_its_own(extractor):
    day = dt.date(1987, 3, 5)
    text = (
        "HAMBURG, March 5 - Chile is said to have good catches, with offers unchanged at North German ports."
    )
    assert reaction_keys(extractor, text, day) == set()
    # guard: a stance it is said to take is its own, reported
    assert reaction_keys(extractor, "Germany is reported to oppose the French plan.", day) == {
        ("DEU", "negative")
    }
    concerned = "Britain too is said to be concerned about the Japanese plan."
    assert reaction_keys(extractor, concerned, day) == {("GBR", "negative")}


def test_a_factbox_of_key_quotes_with_name_title_and_state_headers(extractor):
    text = (
        "BRUSSELS (Reuters) - The euro zone urged Ireland on Tuesday to adopt its budget.\n"
        "Below are key quotes from euro zone officials on the task facing Ireland. "
        'TOM HALE, ECONOMY MINISTER, FRANCE "Let\'s be clear, Ireland must reduce its public deficit." '
        'KEN SATO, FINANCE MINISTER, JAPAN "We had a long talk."'
    )
    assert ("FRA", "negative") in reaction_keys(extractor, text, dt.date(2010, 11, 23))
    assert ("JPN", "negative") not in reaction_keys(extractor, text, dt.date(2010, 11, 23))


def test_europe_beside_a_state_is_the_union(extractor):
    text = "The United States and Europe have warned against such a grouping with Russia."
    assert reaction_keys(extractor, text, dt.date(2008, 4, 20)) == {("USA", "negative"), ("EU", "negative")}
    # the Community before 1993
    old = "The United States and Europe have criticised Japan's trade surplus."
    assert reaction_keys(extractor, old, dt.date(1987, 4, 3)) == {("USA", "negative"), ("EC", "negative")}
    # guard: a Europe of a kind is no Union ("Western Europe")
    western = "The United States and Western Europe have warned against such a grouping with Russia."
    assert ("EU", "negative") not in reaction_keys(extractor, western, dt.date(2008, 4, 20))


def test_one_speaking_after_addressing_an_event_is_where_it_is(extractor):
    day = dt.date(2010, 4, 17)
    text = (
        "Italian central bank governor Tom Hale told reporters after addressing European Union finance "
        "ministers at a gathering in Madrid that banks would be less profitable."
    )
    assert visit_statuses(extractor, text, day) == {("ITA", "ESP", "ongoing")}
    # guard: an event addressed of, not at ("after addressing a letter about a gathering in Madrid")
    about = (
        "Italian central bank governor Tom Hale told reporters in Rome after addressing a letter about a "
        "gathering in Madrid that banks would be less profitable."
    )
    assert ("ITA", "ESP") not in pairs(visits_of(extractor, about, day))


@pytest.mark.parametrize(
    "text",
    [
        # the parser hangs each "that" clause on the occasion noun (diplowatch/nlp/parse_repair.py)
        "Canada and the United States clashed over fish. U.S. Ambassador Michael Samuels charged during the "
        "Council debate that Canada was trying to preserve domestic jobs by insisting that herring be "
        "processed at home.",
        "China's Foreign Ministry said in a statement that Japan had violated the accord.",
        "Chinese Foreign Minister Yang told reporters after the meeting that Japan had violated the accord.",
    ],
)
def test_what_is_said_on_an_occasion_is_read(extractor, text):
    """ "said in a statement that ...", "charged during the debate that ...": the clause is what was said."""
    assert len(reaction_keys(extractor, text)) == 1
    assert all(stance == "negative" for _, stance in reaction_keys(extractor, text))


def test_told_journalists_here_is_presence(extractor):
    """ "told journalists here he was ...": the parser hangs "here" on the clause; it is where he spoke."""
    text = (
        "BRUSSELS, March 10 - EC ministers met. West German Finance Minister Gerhard Stoltenberg told "
        "journalists here he was aware of pressure."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 10)) == {("DEU", "BEL", "ongoing")}


def test_the_states_a_plural_body_lists_in_apposition_travel_as_its_members(extractor):
    """ "leaders from the five BRICS countries -- Brazil, Russia, India, China and South Africa --": each
    state the apposition lists, not only the first (the host's own leader stays home)."""
    text = (
        "NEW YORK - At a summit in China this week, leaders from the five so-called BRICS countries -- "
        "Brazil, Russia, India, China and South Africa -- repeated calls for a monetary system less reliant "
        "on the dollar."
    )
    visits = {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(2011, 4, 16))}
    assert visits == {("BRA", "CHN"), ("RUS", "CHN"), ("IND", "CHN"), ("ZAF", "CHN")}


def test_a_verb_coordinated_with_a_clause_of_an_expletive_is_the_speakers(extractor):
    """ "X says there is enough oil, and blames Y": "there" does nothing, so the blaming is X's."""
    day = dt.date(2008, 3, 6)
    blames = (
        'VIENNA - OPEC says there is enough oil, and blames U.S. economic "mismanagement" for high prices.'
    )
    assert reaction_keys(extractor, blames, day) == {("OPEC", "negative")}
    praises = "PARIS - Germany's foreign minister says there is a plan and praises France for its help."
    assert reaction_keys(extractor, praises, day) == {("DEU", "positive")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            'NEW YORK (Reuters) - Swiss President Doris Leuthard spoke. "UBS is a very important employer," '
            "Leuthard told reporters at an event at the Swiss-American Chamber of Commerce in New York.",
            {("CHE", "USA")},
        ),
        (
            'COPENHAGEN (Reuters) - German Finance Minister Wolfgang Schaeuble spoke. "We have 500 billion '
            'euros," Schaeuble told a gathering at the University of Copenhagen.',
            {("DEU", "DNK")},
        ),
    ],
)
def test_speaking_at_an_event_held_at_a_venue_is_being_where_the_venue_is(extractor, text, expected):
    """ "told reporters at an event at the Chamber of Commerce in New York", "told a gathering at the
    University of Copenhagen": the venue's place is the speaker's."""
    assert {
        (v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(2012, 7, 10))
    } == expected


def test_a_place_where_one_is_to_arrive_is_a_leg(extractor):
    """ "Tokyo, where he is to arrive on Sunday": the "where" clause completed by "to arrive" is on Tokyo."""
    text = (
        "BRASILIA, March 5 - Finance Minister Dilson Funaro is now in Paris and then Tokyo, where he is to "
        "arrive on Sunday for talks."
    )
    assert ("BRA", "JPN", "planned") in visit_statuses(extractor, text, dt.date(1987, 3, 5))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "MOSCOW (Reuters) - Russian Deputy Prime Minister Igor Sechin said he welcomed BP's choice of a "
            "new chief executive.",
            {("RUS", "positive", "GBR")},
        ),
        # the parser splits the possessive off a name that ends in one
        (
            "German Finance Minister Wolfgang Schaeuble criticized Moody's for its downgrade.",
            {("DEU", "negative", "USA")},
        ),
        # guard: the speaker's own country's company is no foreign target
        ("U.S. Commerce Secretary Gary Locke criticized Boeing for the delay.", set()),
    ],
)
def test_a_well_known_company_named_without_its_nationality_is_a_target(extractor, text, expected):
    """firms.tsv: "BP", "Moody's" need no "British oil company" before them to be foreign to a Russian."""
    _, reactions = extractor.extract("s", text, dt.date(2010, 7, 27))
    assert {(r["reactor_code"], r["stance"], r["target_code"]) for r in reactions} == expected


def test_the_company_stands_only_for_one_the_article_introduced():
    """A well-known company named in passing is no antecedent of "the company": the article's own company
    may be one it never introduces ("workers at state utility PPC ... to sell the company")."""
    text = "Toyota said it would not bid. Greece said it was ready to sell the company."
    assert firm_nationalities(text, None) == {"Toyota": "JPN"}
    assert firm_nationalities(text, None, known=False) == {}


def test_such_as_after_a_name_gives_examples_of_the_plural_noun_before_it(extractor):
    """ "protests from other exporters to the EC, such as Senegal and Malaysia": a name has no examples; the
    parser hangs "such as" on "EC", the examples are of "exporters", the holders of the protests."""
    text = "Protests had also come from other exporters to the EC, such as Senegal and Malaysia, they said."
    assert reaction_keys(extractor, text, dt.date(1987, 3, 16)) == {
        ("SEN", "negative"),
        ("MYS", "negative"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BONN, Nov 19 - West German Finance Minister Gerhard Stoltenberg had to leave monetary talks in "
            "Washington last month early.",
            {("DEU", "USA", "completed")},
        ),
        # guard: a past period on the verb of what was said does not place the trip it is said on
        (
            'BRUSSELS, Nov 19 - "I phoned her last week," Dutch Prime Minister Mark Rutte told reporters on '
            "arriving at the summit in Brussels.",
            {("NLD", "BEL", "ongoing")},
        ),
    ],
)
def test_a_trip_whose_tense_tells_nothing_is_over_in_a_past_period(extractor, text, expected):
    """ "had to leave monetary talks in Washington last month": no tense of the trip's own says when; "last
    month" on its clause's verb does."""
    assert visit_statuses(extractor, text, dt.date(1987, 11, 19)) == expected


@pytest.mark.parametrize(
    "text",
    [
        "U.S. Treasury official Beryl Sprinkel said Japan had not reneged on its pledges to grow.",
        "U.S. Ambassador Michael Samuels said the U.S. fee does not breach the rules of the EC.",
        # with a modal: "would not oppose", "won't oppose"
        "U.S. Secretary of State Ann Dale said Washington would not oppose the Japanese request.",
        "U.S. Secretary of State Ann Dale said Washington won't oppose the Japanese request.",
    ],
)
def test_a_negative_verb_denied_in_a_perfect_or_with_do_is_no_negative_stance(extractor, text):
    """ "had not reneged", "does not breach", "would not oppose": the speaker denies what the verb names."""
    assert ("USA", "negative") not in reaction_keys(extractor, text, dt.date(1987, 3, 3))


def test_not_only_denies_no_negative_verb(extractor):
    text = "U.S. Trade Representative Clayton Yeutter said Japan had not only violated the pact."
    assert ("USA", "negative") in reaction_keys(extractor, text, dt.date(1987, 3, 3))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Spain must cut its deficit," Joe Bloggs, deputy director of research at the IMF, said.', True),
        ('"Spain must cut its deficit faster," said Joe Bloggs, chief economist at the IMF.', True),
        # guards: a bank's economist and an IGO's plain economist are no IGO speakers
        ('"Spain must cut its deficit faster," said Joe Bloggs, an economist at Nomura in Tokyo.', False),
        ('"Spain must cut its deficit faster," said Joe Bloggs, an economist at the IMF.', False),
    ],
)
def test_an_office_at_an_igo_is_the_igos(extractor, text, expected):
    """ "deputy director of research at the IMF": the IGO named right after "at" owns the office, and its
    research department is no research firm."""
    assert (("IMF", "negative") in reaction_keys(extractor, text, dt.date(2012, 11, 12))) is expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "EC officials said France and Denmark showed marked hostility to the West German proposal.",
            {("FRA", "negative"), ("DNK", "negative")},
        ),
        ("Italy has shown support for the French proposal.", {("ITA", "positive")}),
        # guard: what a survey shows is no state's stance
        ("The survey showed opposition to the Japanese plan.", set()),
    ],
)
def test_a_stance_shown_is_a_stance_voiced(extractor, text, expected):
    """ "showed marked hostility to", "has shown support for": show and display take a stance noun as voice
    and express do (lexicon stance_actions)."""
    assert reaction_keys(extractor, text, dt.date(1987, 4, 6)) == expected


def test_a_demand_announced_with_will_is_a_position_held(extractor):
    """ "will urge Tokyo and Bonn to meet commitments", "will press China on the yuan": the demand is held
    now (lexicon position_verbs), as "will support" is."""
    text = "WASHINGTON, April 6 - The U.S. Administration will urge Tokyo and Bonn to meet their commitments."
    assert reaction_keys(extractor, text, dt.date(1987, 4, 6)) == {("USA", "negative")}


def test_pressing_ahead_is_going_on_not_a_demand(extractor):
    """ "would press ahead with the idea": going on with one's own plan, no demand on anyone."""
    text = (
        "Several G20 member states have strongly opposed the idea of a global tax on transactions, but "
        "Schaeuble said Germany and France would press ahead with the idea in Europe."
    )
    assert reaction_keys(extractor, text, dt.date(2011, 10, 20)) == set()


@pytest.mark.parametrize(
    "text",
    [
        "OECD chief Angel Gurria said on the sidelines of a conference in Berlin that rates were low.",
        "Speaking on the margins of a forum in Berlin, OECD chief Angel Gurria said rates were low.",
    ],
)
def test_speaking_on_the_sidelines_of_an_event_is_being_where_it_is(extractor, text):
    """ "said on the sidelines of a conference in Berlin": the speaker is at the event, in its place."""
    visits = {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(2011, 10, 6))}
    assert visits == {("OECD", "DEU")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "LISBON, April 2 - President Mario Soares, who returns from a visit to Brazil on Sunday, faces a "
            "choice.",
            ("PRT", "BRA", None, dt.date(1987, 4, 5)),
        ),
        (
            "TOKYO, April 2 - British Trade Minister Alan Howard, who will also be visiting South Korea "
            "before returning to London on April 11, said the row was serious.",
            ("GBR", "KOR", None, dt.date(1987, 4, 11)),
        ),
    ],
)
def test_the_day_of_the_return_from_a_trip_is_its_last(extractor, text, expected):
    """ "returns from a visit to Brazil on Sunday", "visiting South Korea before returning to London on April
    11": the day one comes back is the trip's last; its first is not told."""
    visits = visits_of(extractor, text, dt.date(1987, 4, 2))
    assert expected in {(v["visitor_code"], v["host_code"], v["start_date"], v["end_date"]) for v in visits}


def test_each_state_of_a_list_read_as_an_apposition_is_a_member(extractor):
    """ "leaders from Benin, Bulgaria, Costa Rica and Croatia": the parser makes "Bulgaria" an apposition of
    "Benin"; one state is no apposition of another, so each is one of the list."""
    text = (
        "DOHA (Reuters) - Aside from the Qatari ruler, other attendees at the retreat included the Korean "
        "prime minister and leaders from Benin, Bulgaria, Costa Rica and Croatia."
    )
    visits = {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(2008, 11, 29))}
    assert {("BGR", "QAT"), ("CRI", "QAT"), ("HRV", "QAT")} <= visits


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "French Economy Minister Christine Lagarde said she was confident Greece would deliver on its "
            "fiscal program.",
            {("FRA", "positive")},
        ),
        # guard: confidence in one's own side is no stance on anyone
        (
            'British Finance Minister George Osborne said: "I am confident that British banks are well '
            'capitalized, unlike some banks in the euro zone."',
            set(),
        ),
    ],
)
def test_confidence_that_a_foreign_state_will_act_is_positive(extractor, text, expected):
    """ "confident Greece would deliver": trust in another state's act; the state must open what follows."""
    assert reaction_keys(extractor, text, dt.date(2010, 5, 6)) == expected


def test_urging_a_lender_to_pay_out_is_asking_for_help(extractor):
    """ "would urge the IMF to release a compensatory loan": a request for money, no stance on the IMF."""
    text = "It said Argentine Economy Minister Sourrouille would urge the IMF to release a special loan."
    assert reaction_keys(extractor, text, dt.date(1987, 4, 10)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a pressure borne by the clause's subject: the one who puts it on holds a demand on it
        (
            "OTTAWA, March 25 - Officials said that despite intense pressure from the Reagan Administration, "
            "Ottawa was not considering any kind of formal limits on Canadian shipments to the U.S.",
            {("USA", "negative", "CAN")},
        ),
        (
            "TOKYO, April 1 - The Japanese government, under pressure from the United States, agreed last "
            "year to open its tobacco market.",
            {("USA", "negative", "JPN")},
        ),
        # guards: a pressure from a thing is nobody's demand
        (
            "The OECD predicted that domestic demand would come under pressure from tight fiscal policy in "
            "Denmark, as well as Norway, Sweden and Finland.",
            set(),
        ),
        ("Switzerland is under pressure from a U.S. tax fraud targeting its number one bank UBS.", set()),
        # those who put it on together are not each other's targets while another is named
        (
            "TOKYO, April 1 - Japan's position is unchanged despite mounting pressure from London and "
            "Washington.",
            {("GBR", "negative", "JPN"), ("USA", "negative", "JPN")},
        ),
    ],
)
def test_a_pressure_borne_under_or_despite_is_a_demand_of_who_puts_it_on(extractor, text, expected):
    assert reaction_targets(extractor, text, dt.date(1987, 4, 1)) == expected


def test_those_who_hold_a_position_together_are_not_its_targets(extractor):
    text = "Calls from Spain and Italy for Germany to accept joint euro zone bonds grew louder on Friday."
    assert reaction_targets(extractor, text, dt.date(2012, 6, 1)) == {
        ("ESP", "negative", "DEU"),
        ("ITA", "negative", "DEU"),
    }


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state unhappy, upset or frustrated with what another did holds a negative position on it
        (
            "Japan was unhappy with China's decision to cut its steel exports, officials said.",
            {("JPN", "negative")},
        ),
        (
            "TOKYO, April 20 - A monetary source said Japan was upset with America's half-hearted attempt to "
            "halt the falling dollar.",
            {("JPN", "negative")},
        ),
        (
            "Bankers said Mexico became so frustrated with the delay in the loan from the World Bank that it "
            "suspended its debt-equity swaps.",
            {("MEX", "negative")},
        ),
        # ... and one optimistic or pessimistic about another
        (
            "WASHINGTON, March 20 - U.S. Treasury Secretary James Baker was optimistic about Brazil, which "
            "has stopped interest payments on much of its debt.",
            {("USA", "positive")},
        ),
        # the holder is the feeling's own subject, not the speaker of the clause it is in
        (
            "TOKYO, March 20 - \"The Americans are getting frustrated at Japan's inertia in stimulating its "
            "economy,\" said Hirozumi Tanaka, assistant general manager of Dai-Ichi Kangyo Bank Ltd's "
            "international treasury division.",
            {("USA", "negative")},
        ),
        # guard: a feeling of those who are no state
        ("Shareholders are upset by the hacking scandal at News Corp in Britain.", set()),
        ("Investors were optimistic about Brazil, which has stopped interest payments on its debt.", set()),
        # guard: optimism about an outcome holds no position on anyone ("optimistic" is no cue word)
        (
            "BUENOS AIRES, April 20 - Argentine Treasury Secretary Juan Perez said he was optimistic that "
            "the talks with U.S. creditor banks would succeed.",
            set(),
        ),
    ],
)
def test_a_state_unhappy_upset_or_frustrated_with_another(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(1987, 4, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # leaving the summit or meeting the article has placed: one was at it
        (
            "BRUSSELS, Dec 12 - EU leaders met at a summit in Brussels on Friday. Polish Prime Minister Jan "
            "Nowak greeted cameras with a victory sign as he left the summit.",
            {("POL", "BEL")},
        ),
        (
            "BRUSSELS, Dec 4 - European Union finance ministers failed to agree on a banking supervisor at a "
            "meeting in Brussels on Tuesday. Leaving the meeting, Poland's Finance Minister Jan Nowak called "
            "for equal rights for countries outside the euro zone.",
            {("POL", "BEL")},
        ),
        # guard: one's own meeting, left for another, puts no one at the article's event
        (
            "OTTAWA, March 12 - Leaders met at a summit in Ottawa on Friday. The Canadian minister said U.S. "
            "Secretary of State Tom Hale left his meeting early.",
            set(),
        ),
    ],
)
def test_leaving_the_placed_meeting_is_having_been_at_it(extractor, text, expected):
    got = {p for p in pairs(visits_of(extractor, text, dt.date(1987, 12, 12))) if p[0] != "CAN"}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "status"),
    [
        # told here in an earlier month: that stay is over, though told from the place
        (
            "LONDON, April 9 - Lawson said he told Brazilian Finance Minister Dilson Funaro here in February "
            "that Britain would not intervene.",
            "completed",
        ),
        # guard: a month after "since" is when something began, not when one was there
        (
            "LUXEMBOURG, June 15 - Belgian Finance Minister Mark Eyskens was speaking at a news conference "
            "after a meeting designed to break a deadlock which has endured since March.",
            "ongoing",
        ),
    ],
)
def test_a_stay_told_in_an_earlier_month_is_over(extractor, text, status):
    published = dt.date(1987, 4, 9) if text.startswith("LONDON") else dt.date(1987, 6, 15)
    assert {v["status"] for v in visits_of(extractor, text, published)} == {status}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "the bank" after the World Bank, no other bank named between, is the World Bank
        (
            "JAKARTA, June 2 - The World Bank released its annual report on Indonesia. The bank called for "
            "overhauls in how Indonesia manages its farms.",
            {("WORLDBANK", "negative")},
        ),
        # an IGO's stand on "the government's" doing under a dateline away from its seat: the dateline's
        (
            "BEIJING, March 18 - The World Bank welcomed steps to boost consumption in the government's "
            "stimulus package.",
            {("WORLDBANK", "positive")},
        ),
        # guard: another bank named after it is the one "the bank" may be
        (
            "JAKARTA, June 2 - The World Bank released its annual report. Bank Negara's governor spoke after "
            "it. The bank called for overhauls in how Indonesia manages its farms.",
            set(),
        ),
        # guard: at its own seat "the government" may be anyone's
        (
            "WASHINGTON, March 18 - The World Bank welcomed steps to boost consumption in the government's "
            "stimulus package.",
            set(),
        ),
    ],
)
def test_the_bank_and_the_dateline_government_of_an_igo(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 6, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # asking another for something is a request to it, no stance on what it does
        (
            "NEW DELHI, April 7 - India had asked the United States for a modern supercomputer for weather "
            "forecasting.",
            set(),
        ),
        (
            "WASHINGTON, April 7 - Kuwait has asked the United States for temporary use of its flags to "
            "protect its oil shipments, U.S. officials said.",
            set(),
        ),
        # ... but asking it for a change, or asking it to act, is a demand
        (
            "WASHINGTON, April 7 - U.S. Treasury Secretary James Baker asked Japan for a change in its trade "
            "policy.",
            {("USA", "negative")},
        ),
        ("TOKYO, April 7 - Japan has asked India to reduce its iron ore prices.", {("JPN", "negative")}),
    ],
)
def test_asking_another_for_something_is_a_request(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 4, 7)) == expected


def test_a_duty_told_after_the_day_of_saying_with_no_that(extractor):
    # "said on Sunday Greece should ...": the parser's "Sunday Greece" is parted (parse_repair)
    text = (
        "VIENNA, March 21 - ECB Governing Council member Ewald Nowotny said on Sunday Greece should cut its "
        "deficit."
    )
    assert reaction_keys(extractor, text, dt.date(2010, 3, 21)) == {("EU", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the one sent or dispatched to a place travels there, and is on the way or there
        (
            "BERLIN, May 9 - Interior Minister Thomas de Maiziere was dispatched to Brussels to lead the "
            "German delegation at Sunday's meeting.",
            {("DEU", "BEL", "ongoing")},
        ),
        (
            "BERLIN, May 9 - German Interior Minister Thomas de Maiziere was sent to Brussels to lead the "
            "delegation.",
            {("DEU", "BEL", "ongoing")},
        ),
        # guard: a thing sent is no envoy
        ("BERLIN, May 9 - A letter was sent to Brussels on Sunday.", set()),
    ],
)
def test_the_one_sent_abroad_travels(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(2010, 5, 9)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # insisting on something, or that something be or must (not) be done, is a demand or a refusal
        (
            "BRUSSELS, June 15 - Britain and West Germany have insisted that there can be no extra cash for "
            "the Community this year.",
            {("GBR", "negative"), ("DEU", "negative")},
        ),
        (
            "AMSTERDAM, June 11 - Dutch Finance Minister Jan Kees de Jager said the loans would add to "
            "Spain's public debt, and he had insisted on full IMF involvement.",
            {("NLD", "negative")},
        ),
        (
            "BRUSSELS, June 15 - Washington is insisting that the European Community comply with the GATT "
            "ruling and cut its export subsidies.",
            {("USA", "negative")},
        ),
        # guard: insisting that something is so is a claim, no demand
        (
            "DUBLIN, Jan 12 - Ireland's government has insisted that its debt burden, expected by the IMF to "
            "peak at 125 percent of GDP in 2013, is sustainable.",
            set(),
        ),
    ],
)
def test_insisting_on_a_change_is_a_demand(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(1987, 6, 15)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an IGO by its own name judges, as a state does, what the sentence before names
        (
            'LONDON, Oct 20 - Samuels called the U.S. plan to end farm subsidies "visionary." The EC has '
            "said it is unrealistic.",
            {("EC", "negative")},
        ),
        # guard: a firm by its name is no state or IGO
        (
            'LONDON, Oct 20 - Samuels called the U.S. plan to end farm subsidies "visionary." Cargill has '
            "said it is unrealistic.",
            set(),
        ),
    ],
)
def test_an_igo_by_its_name_judges_what_the_sentence_before_names(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(1987, 10, 20)) == expected


def test_a_meeting_held_on_a_trip_under_way_is_part_of_it(extractor):
    text = (
        "ROME, March 6 - Goria told reporters after meeting Funaro, who is in Rome on the fifth leg of a "
        "tour to seek support for Brazil, that Italy's support was based on reason."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 6)) == {("BRA", "ITA", "ongoing")}
    # guard: a summit one met at is no proof of being there still
    met = (
        "Obama met German Chancellor Angela Merkel and French President Nicolas Sarkozy at the summit in "
        "Prague on Sunday."
    )
    assert ("USA", "CZE", "completed") in visit_statuses(extractor, met, dt.date(2009, 6, 1))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a relative clause on the meeting says where it is held
        (
            "WASHINGTON, June 1 - Reagan will meet the leaders of Britain, France and Japan at the economic "
            "summit, which will take place in Venice June 8-10.",
            {("USA", "ITA"), ("GBR", "ITA"), ("FRA", "ITA"), ("JPN", "ITA")},
        ),
        (
            "WASHINGTON, June 1 - Reagan will attend the economic summit, which will be held in Venice.",
            {("USA", "ITA")},
        ),
        # guard: a clause that tells how it went, not where, places nothing
        (
            "WASHINGTON, June 1 - Reagan will attend the economic summit, which will end in a communique.",
            set(),
        ),
    ],
)
def test_a_meeting_is_placed_by_its_relative_clause(extractor, text, expected):
    got = {(v["visitor_code"], v["host_code"]) for v in visits_of(extractor, text, dt.date(1987, 6, 1))}
    assert got == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Europe's biggest economy, Germany, has opposed the French plan.", {("DEU", "negative")}),
        (
            "The bloc's biggest economy, Germany, has raised objections to the French plan.",
            {("DEU", "negative")},
        ),
        # the state named is the speaker, not the one its description names
        (
            "Norway's North Sea neighbour Britain has refused to cooperate with OPEC output cuts.",
            {("GBR", "negative")},
        ),
        # guard: an act described says nothing
        ("Ireland's move has angered France.", set()),
    ],
)
def test_a_state_named_in_apposition_speaks(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2012, 6, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "The conference in Paris was also attended by Italian Prime Minister Giovanni Goria.",
            {("ITA", "FRA", "completed")},
        ),
        # guard: states named as attending, or their unnamed representatives, are not said to travel
        ("MANAGUA, March 22 - The meeting was attended by representatives from Brazil and Mexico.", set()),
        (
            "WASHINGTON, April 6 - Japanese Finance Minister Kiichi Miyazawa will bring a package to the "
            "meeting, which will be attended by West Germany, France and Britain.",
            set(),
        ),
        # guard: bankers attending are no state's
        ("The meeting in Paris was attended by bankers.", set()),
    ],
)
def test_those_a_meeting_is_attended_by_are_there(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 4, 6)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a definite act, proposal or measure points back to the sentence before
        ("The United States proposed new rules. The IMF supports these aims.", {("IMF", "positive")}),
        # guard: an indefinite object points nowhere
        ("The United States proposed new rules. The IMF supports some aims.", set()),
    ],
)
def test_a_definite_act_points_back_to_the_sentence_before(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2012, 3, 2)) == expected


def test_the_place_one_is_due_from_is_visited(extractor):
    text = (
        "ABU DHABI, March 22 - French Foreign Minister Jean-Bernard Raimond, due here tomorrow from Oman for "
        "his first official visit, said he was confident."
    )
    assert visit_statuses(extractor, text, dt.date(1987, 3, 22)) == {
        ("FRA", "ARE", "planned"),
        ("FRA", "OMN", "ongoing"),
    }
    # guard: one's own capital is no leg
    home = (
        "ABU DHABI, March 22 - French Foreign Minister Jean-Bernard Raimond, due here tomorrow from Paris, "
        "said he was confident."
    )
    assert visit_statuses(extractor, home, dt.date(1987, 3, 22)) == {("FRA", "ARE", "planned")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a state's or IGO's legal action against a foreign company is a stance on what it did
        (
            "U.S. authorities are investigating Credit Suisse and other banks in Switzerland over allegedly "
            "helping U.S. clients evade taxes.",
            {("USA", "negative")},
        ),
        ("The European Commission penalized Microsoft for abusing its dominance.", {("EU", "negative")}),
        # guard: an investigation of no foreign party is domestic
        ("Colombian police are investigating the death of a farmer.", set()),
        # guard: what a body or a rule does is no act on a case
        (
            "The decision is a setback for the Justice Department unit that prosecutes violations of the "
            "act, which bars companies from paying bribes to Chinese officials.",
            set(),
        ),
        ("U.S. authorities, who are investigating Credit Suisse, declined comment.", {("USA", "negative")}),
    ],
)
def test_legal_action_against_a_foreign_company_is_negative(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(2012, 6, 1)) == expected


def test_a_seat_named_with_another_country_is_that_countrys(exhaustive_extractor):
    # "the Department of Justice" stands for Washington, but not when it is said to be in the Philippines
    text = (
        "The Department of Justice in the Philippines is also investigating the U.S. company for possible "
        "bribery."
    )
    visits, reactions = exhaustive_extractor.extract("t", text, dt.date(2012, 6, 1))
    assert visits == []
    assert {(r["reactor_code"], r["stance"]) for r in reactions} == {("PHL", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an outcome called successful, or an effect called damaging, is no stance on another's act
        (
            "ABU DHABI, March 22 - French Foreign Minister Jean-Bernard Raimond predicted a successful end "
            "to negotiations to admit Gulf petrochemical exports into the European Community.",
            set(),
        ),
        (
            '"We are looking at whether these treaties are possibly damaging for these countries," Dutch '
            "Finance Minister Frans Weekers told Reuters about the Mongolian treaty.",
            set(),
        ),
        # a stance verb still judges, and a visit called successful is a good outcome of it
        ("Japan welcomed the successful U.S. move.", {("JPN", "positive")}),
        (
            "BEIJING, March 22 - Foreign ministry spokeswoman Hua Chunying told reporters that South Korean "
            "President Moon Jae-in's visit to Beijing was successful.",
            {("CHN", "positive")},
        ),
    ],
)
def test_outcome_words_take_no_stance(exhaustive_extractor, text, expected):
    assert stances(exhaustive_extractor, text, dt.date(1987, 3, 22)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the holder's "from" on the thing the position is on
        (
            "BRUSSELS, April 20 - The change is an attempt to overcome objections to the tax from Portugal "
            "and Spain, diplomats said.",
            {("PRT", "negative"), ("ESP", "negative")},
        ),
        # guard: after goods, "from" is where they come from
        ("WASHINGTON, April 20 - Industry groups filed objections to imports from Japan.", set()),
    ],
)
def test_a_from_after_what_a_position_is_on_names_its_holder(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 4, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "during a week of talks in Geneva": the span's preposition places the talks
        (
            "LONDON, April 26 - Japanese Foreign Minister Tadashi Kuranari said during a week of talks in "
            "Geneva with Soviet officials that progress had been made.",
            {("JPN", "CHE", "ongoing"), ("SUN", "CHE", "ongoing")},
        ),
        # "after two days of talks in Geneva": over
        (
            "LONDON, April 26 - Japanese Foreign Minister Tadashi Kuranari says after two days of talks in "
            "Geneva with Soviet officials that progress has been made.",
            {("JPN", "CHE", "completed"), ("SUN", "CHE", "completed")},
        ),
        # "following" as a preposition is "after"
        (
            "LONDON, April 26 - Japanese Foreign Minister Tadashi Kuranari says following talks in Geneva "
            "with Soviet officials that progress has been made.",
            {("JPN", "CHE", "completed"), ("SUN", "CHE", "completed")},
        ),
    ],
)
def test_a_span_of_talks_takes_the_preposition_of_the_span(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 4, 26)) == expected


def test_the_states_coordinated_with_a_group_of_named_ministers_are_its_members(extractor):
    # the parser coordinates "the European Community and Canada" with "ministers", not with "the United
    # States"
    text = (
        "TOKYO, April 26 - Japanese trade minister Hajime Tamura held talks with the trade ministers of the "
        "United States, the European Community and Canada in Tokyo on Sunday."
    )
    assert {("USA", "JPN"), ("CAN", "JPN")} <= pairs(visits_of(extractor, text, dt.date(1987, 4, 26)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "HONG KONG, April 26 - U.S. Commerce Secretary Malcolm Baldrige is in Hong Kong after stops in "
            "Peking and Seoul.",
            {("USA", "HKG", "ongoing"), ("USA", "CHN", "completed"), ("USA", "KOR", "completed")},
        ),
        (
            "PARIS - U.S. President Barack Obama will make a brief stop in Ireland before the summit.",
            {("USA", "IRL", "planned")},
        ),
        # guard: a stop to violence is no stop on a trip
        ("PARIS - France called for a stop to the violence in Syria.", set()),
    ],
)
def test_a_stop_in_a_place_is_a_leg_of_a_trip(extractor, text, expected):
    assert visit_statuses(extractor, text, dt.date(1987, 4, 26)) == expected


@pytest.mark.parametrize(
    ("attends", "expected"),
    [
        # "the summit of seven industrial democracies will be held in Venice" places the summit the article
        # speaks of later
        ("Prime Minister Yasuhiro Nakasone will attend the summit.", {("JPN", "ITA", "planned")}),
        # "is due to attend": the subject is on the copula of "due"
        ("Prime Minister Yasuhiro Nakasone is due to attend the summit.", {("JPN", "ITA", "planned")}),
        ("Prime Minister Yasuhiro Nakasone will be at the summit.", {("JPN", "ITA", "planned")}),
        # guard: a summit the article does not place is nowhere
        ("Prime Minister Yasuhiro Nakasone will attend a summit.", set()),
    ],
)
def test_a_gathering_the_article_places_before_places_those_who_attend_it(extractor, attends, expected):
    text = (
        "TOKYO, May 20 - Japan will press the United States to cut its budget deficit, Japanese officials "
        "said. The economic summit of seven industrial democracies will be held in Venice on June 8-10. "
        f"{attends}"
    )
    assert visit_statuses(extractor, text, dt.date(1987, 5, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "believe" and "contend" report a position as "say" does
        ("BERLIN (Reuters) - Germany believes that the Greek plan is not enough.", {("DEU", "negative")}),
        (
            "WASHINGTON (Reuters) - China has long contended that the IMF's voting set-up unfairly benefits "
            "Europe and the United States.",
            {("CHN", "negative")},
        ),
        # guard: a first person's "I believe" opening a quotation of several sentences is the quoted speaker's
        (
            'BEIJING (Reuters) - "I believe this is a positive signal. The U.S. side has created room for '
            'further talks," Commerce Ministry spokesman Yao Jian said.',
            {("CHN", "positive")},
        ),
    ],
)
def test_an_opinion_verb_reports_a_position(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2010, 6, 20)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "TOKYO, April 20 - Japanese officials said Japan would not bow to U.S. pressure to open its rice "
            "market.",
            {("JPN", "negative"), ("USA", "negative")},
        ),
        (
            "TOKYO, April 20 - Japanese officials reiterated that Japan had no plans to bow to British "
            "pressure on telecommunications.",
            {("JPN", "negative")},
        ),
        # guard: giving way is no stand against the one given way to
        ("TOKYO, April 20 - Japan bowed to U.S. pressure to open its rice market.", {("USA", "negative")}),
    ],
)
def test_refusing_to_give_way_to_another_is_a_stand_against_it(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 4, 20)) == expected


def test_a_trip_begun_with_no_place_is_to_where_it_is_told_from(extractor):
    text = (
        "LA PAZ, March 23 - West German president Richard von Weizsaecker began a four-day visit last Friday."
    )
    visits = visits_of(extractor, text, dt.date(1987, 3, 23))
    assert [(v["visitor_code"], v["host_code"], v["start_date"], v["end_date"]) for v in visits] == [
        ("DEU", "BOL", dt.date(1987, 3, 20), dt.date(1987, 3, 23))
    ]
    # guard: told from the traveller's own capital, it names no host
    assert visits_of(extractor, text.replace("LA PAZ", "BONN"), dt.date(1987, 3, 23)) == []


def test_a_traveller_on_a_visit_with_no_place_is_where_it_is_told_from(extractor):
    text = (
        "TEHRAN (Reuters) - Algerian Energy Minister Chakib Khelil, on a three-day visit, told reporters the "
        "oil price was fair."
    )
    assert pairs(visits_of(extractor, text, dt.date(2007, 8, 6))) == {("DZA", "IRN")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a quality asked of another praises no one: a wish, a call, a duty, a suggestion
        (
            'BEIJING (Reuters) - Beijing would like to see a "positive" statement from the United States '
            "about its assets, Chinese Vice Foreign Minister Cui Tiankai said.",
            set(),
        ),
        (
            "High U.S. oil prices can no longer be explained by refinery capacity, and it would be "
            '"useful" for both OPEC and non-OPEC suppliers to boost their production, U.S. Energy '
            "Secretary Samuel Bodman said.",
            set(),
        ),
        (
            "WARSAW, March 4 - One senior Polish banking official blamed Washington for obstructing talks "
            "with the World Bank and said it should now play a more positive role.",
            {("POL", "negative")},
        ),
        # guard: a quality found in what another did is praise
        (
            "Chinese officials praised the United States for its positive role in the talks.",
            {("CHN", "positive")},
        ),
        (
            'BEIJING (Reuters) - Beijing sees a "positive" statement from the United States about its '
            "assets, Chinese Vice Foreign Minister Cui Tiankai said.",
            {("CHN", "positive")},
        ),
    ],
)
def test_a_quality_asked_for_is_no_praise(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2009, 3, 4)) == expected


def test_a_clause_granted_with_while_does_not_hold_the_stance(extractor):
    text = (
        '"While I believe this is a positive step, I am concerned that many customers may not learn '
        'about the program," U.S. Senator Jay Rockefeller said in a letter to the heads of Hyundai and Kia '
        "of South Korea."
    )
    assert reaction_keys(extractor, text, dt.date(2012, 11, 20)) == {("USA", "negative")}
    # guard: the same words as the main clause keep their praise
    text = (
        '"I believe this is a positive step," U.S. Senator Jay Rockefeller said in a letter to the heads of '
        "Hyundai and Kia of South Korea."
    )
    assert reaction_keys(extractor, text, dt.date(2012, 11, 20)) == {("USA", "positive")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a call to go on with a course is an encouragement, no change demanded
        (
            "PARIS (Reuters) - The OECD urged the Obama administration to push ahead with plans for "
            "public-private partnerships to remove toxic assets from banks.",
            {("OECD", "positive")},
        ),
        (
            "RABAT, March 17 - A World Bank statement said the donors noted a marked improvement in "
            "Morocco's economic performance and urged it to continue recent adjustment efforts.",
            set(),
        ),
        # guard: a call to stop, or not to go on, asks for a change of course
        (
            "PARIS (Reuters) - The OECD urged the Obama administration to scrap its plans for public-private "
            "partnerships.",
            {("OECD", "negative")},
        ),
        (
            "PARIS (Reuters) - The OECD urged the Obama administration not to continue its plans for "
            "public-private partnerships.",
            {("OECD", "negative")},
        ),
    ],
)
def test_a_call_to_keep_on_is_an_encouragement(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(2009, 3, 31)) == expected


def test_a_first_person_traveller_in_a_quotation_is_its_speaker(extractor):
    text = (
        'LONDON, April 3 - "On Tuesday I shall be going to Washington for meetings of the Interim '
        'Committee," British Chancellor of the Exchequer Nigel Lawson said.'
    )
    visits = visits_of(extractor, text, dt.date(1987, 4, 3))
    assert [(v["visitor_code"], v["host_code"], v["status"], v["start_date"]) for v in visits] == [
        ("GBR", "USA", "planned", dt.date(1987, 4, 7))
    ]
    # guard: a first person at a meeting is not said to travel there
    text = (
        '"I think at the summit meeting in Venice what we ought to be trying to do is to bring interest '
        'rates down," U.S. Senator Lloyd Bentsen told NBC Television.'
    )
    assert visits_of(extractor, text, dt.date(1987, 5, 3)) == []


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("TOKYO, April 15 - But Japan has said GATT is not the right forum.", {("JPN", "negative")}),
        (
            "ROME (Reuters) - Rome also said the overtures from envoys sent by Gaddafi to some European "
            'capitals were "not credible."',
            {("ITA", "negative")},
        ),
        # guard: the same statements with the judgement turned round
        ("TOKYO, April 15 - But Japan has said GATT is the right forum.", set()),
    ],
)
def test_a_denied_fitness_or_credibility_is_a_negative_judgement(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 4, 15)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "BRUSSELS, March 2 - The European Community Commission said it has opened an enquiry into "
            "allegations that the Soviet Union is dumping mercury on the European market.",
            {("EC", "negative")},
        ),
        (
            "WASHINGTON (Reuters) - The U.S. Commerce Department launched a probe into Chinese steel "
            "imports.",
            {("USA", "negative")},
        ),
        # guard: an inquiry made of another is a question, no investigation opened
        ("WASHINGTON (Reuters) - The U.S. Commerce Department made inquiries about Chinese steel.", set()),
    ],
)
def test_opening_an_investigation_into_a_foreign_party_is_a_stand_against_it(extractor, text, expected):
    assert reaction_keys(extractor, text, dt.date(1987, 3, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a negated verb of opinion denies the quality its clause goes on to (neg-raising): no praise
        (
            "BRUSSELS, May 4 - Dutch Finance Minister Pieter Smit said he did not think the Greek budget "
            "plan was good for the euro zone.",
            {("NLD", "negative")},
        ),
        # ... and reads a quality as its "not" cue: "does not believe it is appropriate", "not appropriate"
        (
            "TOKYO, May 4 - Japanese Finance Minister Taro Aso said he does not believe it is appropriate "
            "for China to limit its exports of rare earths.",
            {("JPN", "negative")},
        ),
        # "n't" denies a positive cue right before it ("wasn't a good plan")
        (
            "LONDON, May 4 - British Foreign Secretary David Lamb said the French proposal wasn't a good "
            "plan.",
            {("GBR", "negative")},
        ),
        # a clause break ends the verb's reach: "I don't think so, but the plan is good" praises the plan;
        # "isn't it a welcome change?" asks, and denies nothing
        (
            'PARIS, May 4 - "I don\'t think so, but the German plan is good," French Finance Minister Anne '
            "Morel said.",
            {("FRA", "positive")},
        ),
        (
            'PARIS, May 4 - "Isn\'t it a welcome change when we agree with the Americans?," French President '
            "Anne Morel said.",
            {("FRA", "positive")},
        ),
        # a curly apostrophe denies as a straight one does ("didn’t oppose": no stance)
        (
            "OTTAWA, May 4 - Canadian Foreign Minister John Baird said Canada didn’t oppose the Chinese "
            "takeover.",
            set(),
        ),
        # "the right to" is a noun: no quality denied
        (
            "OTTAWA, May 4 - Canadian Foreign Minister John Baird said he did not believe Canada had the "
            "right to block the Chinese takeover.",
            set(),
        ),
    ],
)
def test_negated_verbs_of_opinion_deny_what_their_clause_says(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2012, 5, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an "agency" with a name of its own is a body, no news outlet: an IGO by its full name ...
        (
            "VIENNA, May 4 - The International Atomic Energy Agency demanded that Tehran halt all "
            "enrichment.",
            {("IAEA", "negative")},
        ),
        # ... or by an alias the gazetteer knows, "agency" after it
        (
            "VIENNA, May 4 - The U.N. nuclear watchdog agency said it was concerned that Syria had built a "
            "reactor.",
            {("IAEA", "negative")},
        ),
        # a news agency stays an outlet, not a speaker
        ("BEIJING, May 4 - The official Xinhua news agency criticised Japan's decision.", set()),
    ],
)
def test_a_named_agency_speaks_a_news_agency_does_not(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2008, 5, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an IGO's name the parser broke at "and" (its "and Development" hung on "Organisation") is whole
        (
            "PARIS, May 4 - The Organisation for Economic Co-operation and Development criticised the "
            "Chinese decision to block the sale.",
            {("OECD", "negative")},
        ),
        # the U.N. agencies by their kind, and the British spelling of the WHO
        (
            "ROME, May 4 - The U.N. food agency criticised the Chinese decision to block the sale.",
            {("FAO", "negative")},
        ),
        (
            "GENEVA, May 4 - The World Health Organisation criticised the Chinese decision to block the "
            "sale.",
            {("WHO", "negative")},
        ),
    ],
)
def test_igo_names_whole_and_by_their_kind(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2010, 5, 4)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an emperor, a princess and a grand duke are heads of state or royals on an official tour
        (
            "BERLIN, March 10 - Japan's Emperor Akihito arrived in Berlin on Monday for a state visit.",
            {("JPN", "DEU")},
        ),
        (
            "BERLIN, March 10 - Britain's Princess Anne arrived in Berlin on Monday for a three-day visit.",
            {("GBR", "DEU")},
        ),
        (
            "BERLIN, March 10 - Luxembourg's Grand Duke Henri arrived in Berlin on Monday for talks.",
            {("LUX", "DEU")},
        ),
    ],
)
def test_royal_titles_travel(extractor, text, expected):
    assert visit_keys(extractor, text, expected, published=dt.date(2010, 3, 10)) == expected


@pytest.mark.parametrize(
    "title",
    [
        "Posts and Telecommunications Minister",
        "Labour and Social Affairs Minister",
        "Economics and Technology Minister",
        "Trade and Investment Minister",
    ],
)
def test_a_title_of_two_portfolios_stays_whole(extractor, title):
    # the people index keeps "<portfolio> and <portfolio> Minister" whole (lexicon ministry_portfolios): the
    # nationality before the pair is the minister's
    text = f"PARIS, May 30 - Japanese {title} Taro Yamada arrived in Paris on Monday for talks."
    assert visit_keys(extractor, text, {("JPN", "FRA")}, published=dt.date(2012, 5, 30)) == {("JPN", "FRA")}


def test_a_broken_igo_name_is_written_whole(exhaustive_extractor):
    text = (
        "PARIS, May 4 - The Organisation for Economic Co-operation and Development criticised the Chinese "
        "decision to block the sale."
    )
    _, reactions = exhaustive_extractor.extract("x", text, dt.date(2010, 5, 4))
    assert [(r["reactor_code"], r["reactor_name"]) for r in reactions] == [
        ("OECD", "The Organisation for Economic Co-operation and Development")
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # backing a call on a foreign state to act, or a view that it should, asks it to change course
        (
            "WASHINGTON, June 18 - The U.S. Senate today supported a call for Brazil to cut its coffee "
            "export quotas.",
            {("USA", "negative")},
        ),
        (
            "BRUSSELS, March 10 - Greece and Denmark supported the view that Bonn should bring in new "
            "measures to aid growth.",
            {("GRC", "negative"), ("DNK", "negative")},
        ),
        # a view with no duty on anyone is backed as it is
        (
            "PARIS, March 10 - France backed the German view that the dollar should stabilise.",
            {("FRA", "positive")},
        ),
    ],
)
def test_backing_a_demand_on_a_foreign_state_is_a_demand(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 3, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # confidence made, restored or in crisis is no one's trust in another
        (
            "WASHINGTON, April 1 - U.S. Treasury Secretary James Baker said policy changes in Germany and "
            "Japan would do more to instill confidence in current exchange rates.",
            set(),
        ),
        (
            "PARIS, April 1 - French President Anne Morel said the crisis of confidence in Greece would be "
            "resolved.",
            set(),
        ),
        (
            "WASHINGTON, April 1 - U.S. Treasury Secretary James Baker said he had confidence in Japan's "
            "economic policies.",
            {("USA", "positive")},
        ),
    ],
)
def test_confidence_made_is_no_confidence_held(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 4, 1)) == expected


def test_congo_is_brazzaville_while_kinshasa_was_zaire(exhaustive_extractor):
    # 1971-1997 the Democratic Republic of the Congo was Zaire: a bare "Congo" is the Republic of the Congo
    text = "PARIS, June 15 - Congolese President Jean Mavoungou visited France on Monday."
    then = visit_keys(exhaustive_extractor, text, {("COG", "FRA")}, published=dt.date(1987, 6, 15))
    now = visit_keys(exhaustive_extractor, text, {("COD", "FRA")}, published=dt.date(2009, 6, 15))
    assert (then, now) == ({("COG", "FRA")}, {("COD", "FRA")})


def test_a_representative_of_a_state_to_another_is_the_first_ones(exhaustive_extractor):
    text = (
        "WASHINGTON, March 4 - Ivan Petrov, deputy trade representative of the Soviet Union to the United "
        "States, said the United States had not lived up to the grain agreement."
    )
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 3, 4)) == {("SUN", "negative")}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a stance taken in a city, as one said there, puts the one taking it there
        (
            "LONDON, April 10 - Brazilian Finance Minister Joao Costa criticized the bank panels in London "
            "on Monday.",
            {("BRA", "GBR")},
        ),
        # a place of what the stance is about is no place of the one taking it
        ("BERLIN, April 10 - German Chancellor Anna Vogel condemned the bombing in Kabul.", set()),
        # one who is attending a conference, under a dateline, is there, as one attending it is
        (
            "TOKYO, April 10 - Indonesian Energy Minister Budi Santoso, who is attending an energy "
            "conference, said prices would rise.",
            {("IDN", "JPN")},
        ),
    ],
)
def test_where_a_stance_is_taken_or_a_conference_attended(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 10)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a sentence-opening "It" is the state or body the sentence before opens with as its subject
        (
            "GENEVA, June 18 - The GATT Council yesterday adopted a dispute panel's report. It also called "
            "on Washington to modify its legislation.",
            {("GATT", "negative")},
        ),
        (
            "BAGHDAD, June 18 - Iraq's military command said its planes hit two oil platforms. It denied an "
            "Iranian report that an Iraqi jet was shot down.",
            {("IRQ", "negative")},
        ),
        # not a plan or a company the sentence before opens with
        (
            "TOKYO, June 18 - The plan was unveiled on Monday. It calls for the United States to cut its "
            "budget deficit.",
            set(),
        ),
        (
            "TOKYO, June 18 - Toyota Motor Corp said sales rose. It urged the United States to cut its "
            "tariffs.",
            set(),
        ),
    ],
)
def test_it_opening_a_sentence_is_the_subject_of_the_one_before(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 6, 18)) == expected


@pytest.mark.parametrize(
    ("text", "published", "expected"),
    [
        # a leader's surname that opens someone else's full name is no leader
        (
            "The company's head of emerging markets, Abbas Hussain, criticised the Chinese police.",
            dt.date(2013, 7, 22),
            set(),
        ),
        (
            "WASHINGTON - The president of Major League Baseball criticised the Japanese plan.",
            dt.date(1992, 4, 1),
            set(),
        ),
        # ... while the leader's own full name, or the surname before a day, still is
        (
            "RAMALLAH - Palestinian President Mahmoud Abbas criticised the Israeli settlement policy.",
            dt.date(2013, 7, 22),
            {("PSE", "negative")},
        ),
        (
            "TOKYO - Nakasone Monday criticised the U.S. tariffs on Japanese goods.",
            dt.date(1987, 4, 1),
            {("JPN", "negative")},
        ),
    ],
)
def test_a_leaders_surname_as_someone_elses_first_name(exhaustive_extractor, text, published, expected):
    assert codes_stances(exhaustive_extractor, text, published=published) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # "appeal to X to do Y" is a call on X, as "urged X to"
        (
            "PARIS, April 1 - French Foreign Minister Anne Morel appealed to the United States to restrict "
            "its tin releases.",
            {("FRA", "negative")},
        ),
        # a legal appeal or an attraction is no call on anyone
        ("PARIS, April 1 - France will appeal the GATT ruling on U.S. tariffs.", set()),
        (
            "PARIS, April 1 - France appealed to the European Court against the U.S. tariffs.",
            set(),
        ),
    ],
)
def test_an_appeal_to_a_state_to_act_is_a_call_on_it(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 4, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # words withheld are no stance
        ("PARIS, April 1 - France refused to comment on the U.S. plan.", set()),
        ("PARIS, April 1 - France refused to say whether it would accept the U.S. plan.", set()),
        ("PARIS, April 1 - France refused to give information about the U.S. plan.", set()),
        # an act refused is
        ("PARIS, April 1 - France refused to accept the U.S. plan.", {("FRA", "negative")}),
        ("PARIS, April 1 - France refused to give in to the U.S. plan.", {("FRA", "negative")}),
    ],
)
def test_refusing_to_comment_takes_no_stance(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 4, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a team that goes somewhere for talks is a delegation
        (
            "TOKYO, April 1 - Kuroda, who will head a Japanese team going to Washington next week for "
            "emergency talks on chips, said he would do his best.",
            {("JPN", "USA", "planned")},
        ),
        # a team that goes for a game is not
        (
            "TOKYO, April 1 - A Japanese team is going to Washington next week for the world championship.",
            set(),
        ),
    ],
)
def test_a_team_going_abroad_for_talks_is_a_delegation(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a progressive with a time still to come is an arrangement
        (
            "TOKYO, April 1 - Trade Minister Hajime Tamura is going to Washington next week for talks.",
            {("JPN", "USA", "planned")},
        ),
        # without one, the trip is under way
        (
            "TOKYO, April 1 - Trade Minister Hajime Tamura is visiting China this week.",
            {("JPN", "CHN", "ongoing")},
        ),
    ],
)
def test_a_progressive_with_a_time_to_come_is_planned(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 1)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # what is flown goes there, not who flies it
        ("ROME, Nov 14 - The Italian government is flying the migrants to Libya.", set()),
        ("ROME, Nov 14 - Italian Prime Minister Silvio Berlusconi is flying to Libya.", {("ITA", "LBY")}),
    ],
)
def test_flying_someone_somewhere_is_no_trip_of_ones_own(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2004, 11, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a portfolio of two words joined by "and" after "of" is the title's, the name comes after it
        (
            "TOKYO, March 5 - Prices will hold, Indonesian Minister of Mines and Energy Subroto told "
            "Reuters.\nSubroto, attending an energy conference, blamed price changes on supply.",
            {("IDN", "JPN")},
        ),
        (
            "TOKYO, March 5 - Prices will hold, Indonesian Minister of International Trade and Industry "
            "Subroto told Reuters.\nSubroto, attending an energy conference, blamed price changes on supply.",
            {("IDN", "JPN")},
        ),
    ],
)
def test_a_portfolio_of_two_words_after_of_is_part_of_the_title(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 3, 5)) == expected


def test_the_old_wires_double_quote_possessive_is_read_as_one():
    from diplowatch.nlp.context import ArticleContext
    from diplowatch.nlp.extractor import parse_text

    sentence = 'Brazil"s output fell, and "we will act," he said.'
    assert parse_text(sentence) == 'Brazil\'s output fell, and "we will act," he said.'
    assert len(parse_text(sentence)) == len(sentence)
    text = (
        'KUWAIT, March 2 - Ecuador"s deputy energy minister Fernando Santos Alvite said his country wanted '
        "OPEC to assign a lower price."
    )
    ctx = ArticleContext("a", text, dt.date(1987, 3, 2), None)
    alvite = ctx.people.person_by_name(["Alvite"])
    assert alvite is not None and alvite.code == "ECU"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the source a report is "according to" tells what the named subject of a stance verb did
        (
            "NAIROBI, March 14 - According to KNA, Kenyan President Daniel arap Moi thanked the IMF for its "
            "help.",
            {("KEN", "positive")},
        ),
        (
            "NAIROBI, March 14 - Kenyan President Daniel arap Moi thanked the IMF for its help, KNA said.",
            {("KEN", "positive")},
        ),
    ],
)
def test_according_to_a_source_the_subject_of_a_stance_verb_reacts(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(1987, 3, 14)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a course judged right is praise of who took it
        (
            "MADRID, June 14 - IMF chief Dominique Strauss-Kahn said "
            "Spanish authorities were taking the right "
            "steps to address the country's debt problems.",
            {("IMF", "positive")},
        ),
        (
            "MADRID, June 14 - IMF chief Dominique Strauss-Kahn said "
            "the Spanish government has struck the right "
            "balance between growth and consolidation.",
            {("IMF", "positive")},
        ),
    ],
)
def test_a_course_judged_right_is_praise(exhaustive_extractor, text, expected):
    assert codes_stances(exhaustive_extractor, text, published=dt.date(2010, 6, 14)) == expected


def test_a_balance_still_to_strike_praises_no_one(exhaustive_extractor):
    text = (
        "MADRID, June 14 - IMF chief Dominique Strauss-Kahn said Spain will need to strike the right balance "
        "between growth and consolidation."
    )
    assert ("IMF", "positive") not in codes_stances(
        exhaustive_extractor, text, published=dt.date(2010, 6, 14)
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a foreign visitor's return to a place is a trip there
        (
            "CAIRO, March 2 - The two sides failed to agree last week, but Canadian wheat negotiators will "
            "return to Cairo for further talks, officials said.",
            {("CAN", "EGY", "planned")},
        ),
        # so is a return to talks held there, whoever returns
        (
            "BOGOTA, March 2 - Chief negotiator Juan Restrepo, who returns to the negotiating table in the "
            "Ecuadorean capital Quito next week, said the talks would be long.",
            {("COL", "ECU", "planned")},
        ),
        # one whose state only the dateline gives, returning to a country, is going home
        (
            "NEW YORK, March 2 - Debt talks continued here today, even though Finance Secretary Mario "
            "Brodersohn has returned to Argentina to consult the president.",
            set(),
        ),
    ],
)
def test_returning_to_a_foreign_place_is_a_trip(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 3, 2)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "SINGAPORE, March 25 - Malaysian Finance Minister Daim Zainuddin told an investment seminar here "
            "that his government would not raise taxes.",
            {("MYS", "SGP")},
        ),
        (
            "LA PAZ, March 25 - West German President Richard von Weizsaecker, speaking to the Bolivian "
            "Congress, said debtors and creditors must cooperate.",
            {("DEU", "BOL")},
        ),
    ],
)
def test_a_seminar_or_a_congress_one_speaks_to_places_the_speaker(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 3, 25)) == expected


def test_a_title_apposition_owner_named_with_of_is_read_whole():
    from diplowatch.nlp.context import ArticleContext

    text = (
        "GENEVA - North Korea is ready to send more, one of its top diplomats said on Tuesday. Han Tae Song, "
        "ambassador of the Democratic People s Republic of Korea (DPRK) to the United Nations in Geneva, "
        "told the forum. Han said sanctions will never work."
    )
    ctx = ArticleContext("a", text, dt.date(2017, 9, 5), None)
    han = ctx.people.person_by_name(["Han"])
    assert han is not None and han.code == "PRK"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the parser hangs the whole judged phrase, its determiner or owner with it, on the predicate
        (
            'German Finance Minister Wolfgang Schaeuble has called the U.S. policy "clueless."',
            {("DEU", "negative")},
        ),
        (
            "German Finance Minister Wolfgang Schaeuble has called the Fed's policy clueless.",
            {("DEU", "negative")},
        ),
        # or reads the predicate noun as an apposition of the one judged, with no comma between
        (
            "Peruvian President Pedro Pablo Kuczynski has called Venezuelan President Nicolas Maduro a "
            "dictator.",
            {("PER", "negative")},
        ),
    ],
)
def test_calling_a_foreign_act_or_leader_a_bad_name_is_a_judgement(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(2012, 6, 22)) == expected


def test_pressure_from_states_hung_on_a_time_phrase_is_still_theirs(exhaustive_extractor):
    text = "Italy came under pressure at the weekend from France and Germany to take unpopular measures."
    assert reaction_keys(exhaustive_extractor, text, dt.date(2011, 8, 8)) == {
        ("FRA", "negative"),
        ("DEU", "negative"),
    }


@pytest.mark.parametrize(
    "text",
    [
        "Local Hong Kong houses also welcomed the U.S. move, but a spokesman for Shun Loong Co was cautious.",
        "Officials of several major Japanese trading houses said they supported the U.S. call for the tax.",
    ],
)
def test_trading_and_brokerage_houses_are_firms_not_states(exhaustive_extractor, text):
    assert reaction_keys(exhaustive_extractor, text, dt.date(1987, 5, 5)) == set()


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Germany cast doubt on Greece's ability to meet its targets.", {("DEU", "negative")}),
        ("Germany pushed back against Greece's request for more time.", {("DEU", "negative")}),
        ("Germany is leaning on Greece to cut spending.", {("DEU", "negative")}),
        ("France said it would stand with Greece in the talks.", {("FRA", "positive")}),
        # pushing back a date is no stance
        ("Germany pushed back the deadline for Greece by a week.", set()),
    ],
)
def test_idioms_of_doubt_pressure_and_solidarity_take_a_stance(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(2012, 2, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("German Chancellor Angela Merkel jetted to Athens on Friday.", {("DEU", "GRC")}),
        ("German Chancellor Angela Merkel rushed to Athens on Friday for crisis talks.", {("DEU", "GRC")}),
        ("German Chancellor Angela Merkel journeyed to Athens on Friday.", {("DEU", "GRC")}),
        # going or rushing to someone's aid or rescue goes nowhere
        ("German Chancellor Angela Merkel rushed to the aid of Greece on Friday.", set()),
        ("German Chancellor Angela Merkel went to the aid of Greece on Friday.", set()),
        ("German Chancellor Angela Merkel came to Greece's rescue on Friday.", set()),
    ],
)
def test_jetting_rushing_and_journeying_somewhere_are_trips(exhaustive_extractor, text, expected):
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(2012, 2, 13)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Japan was pleased with the U.S. decision to lift the tariffs.", {("JPN", "positive")}),
        ("Japan's finance minister said he was pleased by the U.S. decision.", {("JPN", "positive")}),
    ],
)
def test_pleased_with_a_foreign_act_is_a_stance(exhaustive_extractor, text, expected):
    assert reaction_keys(exhaustive_extractor, text, dt.date(1987, 4, 2)) == expected


@pytest.mark.parametrize(
    "verb",
    ["conferred", "consulted", "dined"],
)
def test_conferring_consulting_or_dining_with_someone_abroad_places_one_there(exhaustive_extractor, verb):
    text = f"Japanese Foreign Minister Tadashi Kuranari {verb} with Shultz in Washington yesterday."
    expected = {("JPN", "USA", "completed")}
    assert visit_keys(exhaustive_extractor, text, expected, published=dt.date(1987, 4, 2)) == expected
