"""Date expressions resolved against an anchor date, sentence splitting and datelines."""

from __future__ import annotations

import datetime as dt

import pytest

from diplowatch.nlp.dates import duration_days, find_dates
from diplowatch.nlp.segment import parse_dateline, split_sentences

WED = dt.date(1987, 3, 4)


def first(text, anchor=WED, future=None):
    found = find_dates(text, anchor, future)
    return (found[0].start_date, found[0].end_date, found[0].precision) if found else None


def test_day_ranges_both_orders():
    assert first("on June 18-19", dt.date(2024, 6, 17)) == (dt.date(2024, 6, 18), dt.date(2024, 6, 19), "day")
    assert first("on 18-19 June", dt.date(2024, 6, 17)) == (dt.date(2024, 6, 18), dt.date(2024, 6, 19), "day")


def test_relative_days():
    assert first("arrived last night") == (dt.date(1987, 3, 3), dt.date(1987, 3, 3), "day")
    assert first("will arrive tomorrow") == (dt.date(1987, 3, 5), dt.date(1987, 3, 5), "day")
    assert first("is expected on Friday", future=True)[0] == dt.date(1987, 3, 6)
    assert first("met on Monday", future=False)[0] == dt.date(1987, 3, 2)


def test_last_next_this_and_week_words_place_a_weekday():
    # Wednesday 4 March 1987: the words beat the tense a caller passes.
    assert first("met last Friday", future=True)[0] == dt.date(1987, 2, 27)
    assert first("will arrive next Monday", future=False)[0] == dt.date(1987, 3, 9)
    assert first("arrives this coming Tuesday")[0] == dt.date(1987, 3, 10)
    assert first("arrived this past Sunday")[0] == dt.date(1987, 3, 1)
    assert first("talks this Friday")[0] == dt.date(1987, 3, 6)
    assert first("arrives Monday next week")[0] == dt.date(1987, 3, 9)
    assert first("met last week on Thursday")[0] == dt.date(1987, 2, 26)
    assert first("talks on Monday and Tuesday next week")[:2] == (dt.date(1987, 3, 9), dt.date(1987, 3, 10))
    assert first("Last Friday he met the king")[0] == dt.date(1987, 2, 27)
    # A weekday named on the anchor day: "next" is a week on, "last" a week back.
    assert first("next Wednesday")[0] == dt.date(1987, 3, 11)
    assert first("last Wednesday")[0] == dt.date(1987, 2, 25)
    assert find_dates("the friday prayers", WED) == []


def test_month_and_year_precision():
    assert first("in September 2023") == (dt.date(2023, 9, 1), None, "month")
    assert first("last September")[0] == dt.date(1986, 9, 1)
    # the year after a comma, as in "at their first summit in Geneva in November, 1985, ..."
    assert first("in Geneva in November, 1985, was") == (dt.date(1985, 11, 1), None, "month")
    # guard: a number after the comma that is no year of the month
    assert first("in May, 2000 men marched") == (dt.date(1987, 5, 1), None, "month")


def test_no_anchor_means_no_relative_dates():
    assert find_dates("on Friday and tomorrow", None) == []
    assert first("on June 18, 2004", None) == (dt.date(2004, 6, 18), dt.date(2004, 6, 18), "day")


def test_durations():
    assert duration_days("a two-day visit")[0] == 2
    assert duration_days("a 24-hour stop")[0] == 1
    assert duration_days("no duration here") is None
    # weeks, of a trip only ("a two-week deadline" is no trip's length)
    assert duration_days("his one-week visit to Washington")[0] == 7
    assert duration_days("a two-week tour of Asia")[0] == 14
    assert duration_days("a week-long trip")[0] == 7
    assert duration_days("a two-week deadline") is None


def test_sentences_respect_abbreviations_and_offsets():
    text = "U.S. Secretary of State George P. Shultz arrived. He met Mr. Li.\nNew paragraph here."
    sentences = split_sentences(text)
    assert [s.text for s in sentences] == [
        "U.S. Secretary of State George P. Shultz arrived.",
        "He met Mr. Li.",
        "New paragraph here.",
    ]
    assert all(text[s.start : s.end] == s.text for s in sentences)


def test_dateline():
    dl = parse_dateline("BERNE, March 4 - Brazilian Finance Minister met officials.", dt.date(1987, 3, 4))
    assert dl.place.code == "CHE" and dl.date == dt.date(1987, 3, 4)
    dl = parse_dateline("BAGHDAD (AFP) - The minister arrived.", None)
    assert dl.place.code == "IRQ" and dl.date is None
    assert parse_dateline("The minister arrived.", None) is None
    # the 1987 wire's mixed-case dateline, read only with its day and a known place
    dl = parse_dateline("Tokyo, April 17 - The minister arrived.", dt.date(1987, 4, 17))
    assert dl.place.code == "JPN" and dl.date == dt.date(1987, 4, 17)
    assert parse_dateline("Smith, April 17 - The minister arrived.", dt.date(1987, 4, 17)) is None
    assert parse_dateline("Tokyo, a city of millions - The minister arrived.", None) is None


@pytest.mark.parametrize(
    ("text", "place", "rest"),
    [
        ("DETROIT (Reuters) -Consumer incentives rose.", "USA", "Consumer"),
        ("LONDON (Reuters) A consortium entered the race.", "GBR", "A consortium"),
        ("TOKYO  (Reuters Life!) - Bat an eyelid.", "JPN", "Bat"),
        ("LUXEMBOURG/ATHENS  (Reuters) - Ministers met.", None, "Ministers"),  # two places: neither is home
    ],
)
def test_wire_dateline_variants(text, place, rest):
    dl = parse_dateline(text, dt.date(2010, 3, 4))
    assert (dl.place.code if dl.place else None) == place and text[dl.end :].startswith(rest)
    assert parse_dateline("NATO (the alliance) said it would meet.", None) is None


@pytest.mark.parametrize(
    ("dateline", "code"), [("ROME", "ITA"), ("LIMA", "PER"), ("BONN", "DEU"), ("DOHA", "QAT")]
)
def test_short_capital_datelines(dateline, code):
    # A dateline writes every place in capitals, four-letter ones too.
    assert (
        parse_dateline(f"{dateline} (Reuters) - The minister arrived.", dt.date(2010, 3, 4)).place.code
        == code
    )


def test_a_quotation_stays_with_its_speaker():
    text = 'The envoy said, "We reject this. It is not acceptable." Then he left.'
    assert [s.text for s in split_sentences(text)] == [
        'The envoy said, "We reject this. It is not acceptable."',
        "Then he left.",
    ]


def test_a_quotation_reopened_wire_style_ends_the_sentence_before_it():
    # wire copy runs a quotation on into a new one without closing the first: each sentence still ends
    text = (
        'A spokesman said that "in the context of our monitoring, we received reports. "In the spring we '
        'asked the bank. We shared our analysis." The statement gave no dates.'
    )
    assert [s.text for s in split_sentences(text)] == [
        'A spokesman said that "in the context of our monitoring, we received reports.',
        '"In the spring we asked the bank. We shared our analysis."',
        "The statement gave no dates.",
    ]


def test_a_colon_dateline_places_an_unnamed_government():
    # AFP's and the Asian wires' "ISLAMABAD: ..." (1 in 70 AG News items); a label before a colon that is no
    # known place is a transcript's speaker, no dateline
    dl = parse_dateline("ISLAMABAD: The government says the statements are disturbing.", None)
    assert dl.place.code == "PAK" and "ISLAMABAD: The government"[dl.end :] == "The government"
    assert parse_dateline("MARK COLVIN: Qantas might have posted a record profit.", None) is None
