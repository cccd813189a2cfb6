"""The fresh sample's labels keep no text of the corpus, and read back into the eval sets' format exactly."""

from __future__ import annotations

import json

import pytest

from bench.fresh_sample import pack_record, unpack, unpack_record
from bench.real_corpus import reuters21578

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


def _labels_file(path, article: dict, visit_code: str, evidence: str):
    """A part's labels file of one article with one gold visit, packed as `pack` writes it."""
    labelled = {
        **article,
        "gold": {"visits": [{"visitor_code": visit_code, "evidence": evidence}], "reactions": []},
    }
    path.write_text(json.dumps(pack_record(labelled)) + "\n", encoding="utf-8")
    return path


def test_a_1987_part_is_joined_with_a_local_reuters_21578_copy(tmp_path):
    body = (
        "Japanese Foreign Minister Tadashi Kuranari will visit Canberra next week, officials said. "
        "The trip is set for April 6-8, the ministry said, and talks will cover trade and beef. "
        "Australia has pressed Japan to open its market to more farm goods, officials said."
    )
    (tmp_path / "reut2-000.sgm").write_text(
        '<REUTERS TOPICS="NO" NEWID="42">\n<DATE>31-MAR-1987 10:00:00.00</DATE>\n<TEXT>\n'
        "<TITLE>KURANARI TO VISIT AUSTRALIA</TITLE>\n<DATELINE>    TOKYO, March 31 - </DATELINE>"
        f"<BODY>{body}\n Reuter\n&#3;</BODY></TEXT>\n</REUTERS>\n",
        encoding="latin-1",
    )
    article = next(reuters21578(tmp_path, paragraphs=True))
    labels = _labels_file(tmp_path / "part.labels.jsonl", article, "JPN", "The trip is set for April 6-8")
    (joined,) = unpack(labels, tmp_path / "no-corpus.jsonl.gz", reuters=tmp_path)
    assert joined["id"] == "reuters21578-42" and joined["published_at"] == "1987-03-31"
    assert joined["gold"]["visits"][0]["evidence"] == "The trip is set for April 6-8"
    with pytest.raises(SystemExit, match="not in"):
        unpack(labels, tmp_path / "no-corpus.jsonl.gz", reuters=tmp_path / "empty")


def test_an_ag_news_part_is_joined_with_a_local_ag_news_test_split(tmp_path):
    csv_path = tmp_path / "test.csv"
    csv_path.write_text(
        '"2","Sports item","Not this one."\n'
        '"1","Straw in Khartoum (AP)","AP - British Foreign Secretary Jack Straw arrived in '
        'Khartoum on Tuesday, officials said."\n',
        encoding="utf-8",
    )
    text = "AP - British Foreign Secretary Jack Straw arrived in Khartoum on Tuesday, officials said."
    article = {"id": "agnews-test-2", "title": "Straw in Khartoum (AP)", "text": text}
    labels = _labels_file(tmp_path / "part.labels.jsonl", article, "GBR", "Jack Straw arrived in Khartoum")
    (joined,) = unpack(labels, tmp_path / "no-corpus.jsonl.gz", agnews_csv=csv_path)
    assert joined["id"] == "agnews-test-2" and joined["text"] == text
    assert joined["gold"]["visits"][0]["evidence"] == "Jack Straw arrived in Khartoum"
