"""The fresh sample's labels keep no text of the corpus, and read back into the eval sets' format exactly."""

from __future__ import annotations

import pytest

from bench.fresh_sample import pack_record, unpack_record

ARTICLE = {
    "id": "x-1",
    "source": "Reuters",
    "published_at": "2012-05-03",
    "title": "Visit",
    "text": "PARIS (Reuters) - Ana Ruiz arrived in Paris on Thursday. France said it welcomed the visit.",
}
LABELLED = {
    **ARTICLE,
    "gold": {
        "visits": [
            {
                "visitor": "Ana Ruiz",
                "visitor_code": "ESP",
                "host_code": "FRA",
                "location": "Paris",
                "start_date": "2012-05-03",
                "end_date": None,
                "status": "ongoing",
                "evidence": "Ana Ruiz arrived in Paris on Thursday.",
            }
        ],
        "reactions": [
            {
                "reactor": "France",
                "reactor_code": "FRA",
                "stance": "positive",
                "about_visit": True,
                "quote": "welcomed the visit",
                "evidence": "France said it welcomed the visit.",
            }
        ],
        "uncertain": [],
    },
}


def test_labels_hold_spans_not_text_and_read_back_exactly():
    packed = pack_record(LABELLED)
    assert "text" not in packed and "title" not in packed
    visit, reaction = packed["gold"]["visits"][0], packed["gold"]["reactions"][0]
    assert "evidence" not in visit and "quote" not in reaction
    assert ARTICLE["text"][slice(*reaction["quote_span"])] == "welcomed the visit"
    assert unpack_record(packed, ARTICLE) == LABELLED


def test_a_labelled_span_missing_from_the_text_is_an_error():
    wrong = {**LABELLED, "gold": {**LABELLED["gold"], "reactions": [{"quote": "condemned the visit"}]}}
    with pytest.raises(ValueError, match="not in the article's text"):
        pack_record(wrong)


def test_a_null_evidence_stays_null():
    labelled = {**LABELLED, "gold": {"visits": [{"visitor_code": "ESP", "evidence": None}], "reactions": []}}
    assert unpack_record(pack_record(labelled), ARTICLE)["gold"]["visits"] == [
        {"visitor_code": "ESP", "evidence": None}
    ]
