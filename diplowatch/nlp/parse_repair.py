"""Repairs of the parser's attachments that the rules read, made in place on a parsed Doc before they read it.

A content clause after the occasion of a speech verb ("said in a statement that Japan had violated the
accord", "told reporters after the meeting that ...", "charged during the Council debate that Canada was
trying to preserve domestic jobs") is often hung on the occasion noun as a relative clause. It is not one when
it has no gap for its "that" to fill: "that" is a complementizer (the parser's `mark`), or it takes a role its
verb already has filled ("that Canada was trying to preserve domestic jobs": a second subject or object). Such
a clause is re-attached to the speech verb as its `ccomp`, the way the parser reads "said that ...". A true
relative clause ("in a speech that he gave") keeps its gap and is left alone, and so is a clause on a noun of
what is believed or reported ("asked about reports that ...", "on condition that ..."): only occasion nouns
(lexicon `speech_occasions`) after a preposition of time or medium count.

"here" right after a speech verb and its hearers, before the subject of a content clause with no "that" ("told
journalists here he was aware of pressure"), is where the speaking was: the parser hangs it on the clause.

In a list of states the parser often reads the second name as an apposition of the first ("leaders from Benin,
Bulgaria, Costa Rica and Croatia": "Bulgaria" an apposition of "Benin", the rest its conjuncts). One state is
no other state's apposition, so such a name is made a conjunct, as the list's others are.

A weekday after "on" right before the subject of a content clause with no "that" ("said on Sunday Greece
should cut its deficit", "said on Monday Rome did not believe ...") is often read as a compound of that name:
"Sunday Greece" the object of "on", the clause left with no subject. The weekday is made the object of "on"
again, and the name, when the parser took it for that object, the subject of the speech verb's clause that has
none.

A trip verb followed by a place and a participle ("Azpurua recently visited Tokyo hoping to acquire new
credits", "toured Asia seeking support") is often read as taking a clause whose subject is the place ("Tokyo
hoping to ..."). A trip verb takes no clause: the place is its object and the participle an adverbial clause
on it, of its subject.

"such as" gives examples of a kind, so it cannot belong to one proper name: in "protests from other exporters
to the EC, such as Senegal and Malaysia" the parser hangs it on "EC", the name closing a phrase on a plural
noun ("exporters to the EC"); it is re-attached to that plural noun, whose examples the names are.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from diplowatch.nlp.actors import gazetteer
from diplowatch.nlp.lexicon import lexicon

# "in a statement", "at a news conference", "after the meeting", "during the debate", "to its syndicate"
_OCCASION_PREPS = frozenset({"in", "at", "after", "during", "before", "following", "to"})


def _speech_lemma(verb: Token) -> bool:
    """A verb of saying or of taking a stance (lexicon `speech_verbs`, `stance_verbs`)."""
    lemma = verb.lemma_.lower()
    return verb.pos_ == "VERB" and (
        lemma in lexicon().set("speech_verbs") or lemma in lexicon()["stance_verbs"]
    )


def _speech_verb(noun: Token) -> Token | None:
    """The verb of saying whose occasion `noun` is ("said in a statement"), or on whose object it hangs ("told
    reporters at the meeting"); None when the preposition or verb is of another kind."""
    prep = noun.head
    if noun.dep_ != "pobj" or prep.dep_ != "prep" or prep.lower_ not in _OCCASION_PREPS:
        return None
    verb = prep.head.head if prep.head.dep_ in {"dobj", "dative"} else prep.head
    if not _speech_lemma(verb):
        return None
    if any(c.dep_ == "ccomp" for c in verb.children):
        return None  # the verb has its content clause already
    return verb


def _without_gap(that: Token) -> bool:
    """A clause's opening "that" fills no gap: a complementizer, or a role its head has twice."""
    return that.dep_ == "mark" or any(c.dep_ == that.dep_ and c.i != that.i for c in that.head.children)


def repair_parse(doc: Doc) -> None:
    """All repairs of this module, in place, once per Doc (the Extractor's sentence Doc passes through both
    components; a copy made by `span.as_doc()` is a new Doc and is repaired on its own)."""
    if doc.user_data.get("diplowatch_repaired"):
        return
    repair_content_clauses(doc)
    repair_here(doc)
    repair_such_as(doc)
    repair_state_lists(doc)
    repair_weekday_subjects(doc)
    repair_trip_participles(doc)
    doc.user_data["diplowatch_repaired"] = True


def repair_content_clauses(doc: Doc) -> None:
    """Re-attach content clauses misread as relative clauses of a speech verb's occasion (module doc)."""
    occasions = lexicon().set("speech_occasions")
    for clause in doc:
        if clause.dep_ not in {"relcl", "acl"} or clause.head.lemma_.lower() not in occasions:
            continue
        noun = clause.head
        that = doc[clause.left_edge.i]
        if that.lower_ != "that" or that.i != noun.i + 1 or not _without_gap(that):
            continue
        verb = _speech_verb(noun)
        if verb is None:
            continue
        clause.head = verb
        clause.dep_ = "ccomp"
        that.head = clause
        that.dep_ = "mark"


def repair_here(doc: Doc) -> None:
    """Hang "here" on the speech verb it follows when the parser put it in the content clause after it (module
    doc)."""
    for here in doc:
        if here.lower_ != "here" or here.dep_ != "advmod":
            continue
        clause = here.head
        verb = clause.head
        if clause.dep_ != "ccomp" or not verb.i < here.i < clause.i or not _speech_lemma(verb):
            continue
        subject = next((c for c in clause.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        if subject is None or subject.left_edge.i != here.i + 1:
            continue  # "told reporters that here ...", "said the talks here were ...": the clause's own
        # right after the verb or a phrase of its own ("told journalists here", "said on Monday here")
        before = here.i - 1
        if before != verb.i and not any(
            c.left_edge.i <= before <= c.right_edge.i for c in verb.children if c != clause
        ):
            continue
        here.head = verb


def repair_such_as(doc: Doc) -> None:
    """Hang "such as" on the plural noun of the phrase it closes when the parser put it on a proper name in a
    prepositional phrase right after that noun (module doc)."""
    for as_ in doc:
        if as_.lower_ != "as" or as_.dep_ != "prep" or not any(c.lower_ == "such" for c in as_.children):
            continue
        name = as_.head
        prep = name.head
        if name.tag_ != "NNP" or name.dep_ != "pobj" or prep.dep_ != "prep" or prep.i == 0:
            continue
        kind = doc[prep.i - 1]
        if kind.tag_ == "NNS" and kind.pos_ == "NOUN":
            as_.head = kind


def _state_code(tok: Token) -> str | None:
    """The state a proper name (with its compounds: "Costa Rica") names, as a whole, else None."""
    phrase = tok.doc[tok.left_edge.i : tok.i + 1].text
    hits = gazetteer().find_all(phrase)
    if len(hits) == 1 and hits[0][0] == 0 and hits[0][1] == len(phrase) and hits[0][3].kind == "country":
        return hits[0][3].code
    return None


def repair_state_lists(doc: Doc) -> None:
    """A state's name read as the apposition of another state's name in a list becomes its conjunct (module
    doc)."""
    for tok in doc:
        if tok.dep_ != "appos" or tok.pos_ != "PROPN" or tok.head.pos_ != "PROPN" or tok.head.i > tok.i:
            continue
        if doc[tok.i - 1].lower_ != ",":
            continue
        first, second = _state_code(tok.head), _state_code(tok)
        if first is not None and second is not None and first != second:
            tok.dep_ = "conj"


_WEEKDAYS = frozenset({"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"})


def repair_weekday_subjects(doc: Doc) -> None:
    """Part a weekday after "on" from the name of the clause subject after it (module doc)."""
    for day in doc:
        if day.lower_ not in _WEEKDAYS or day.dep_ != "compound" or day.i == 0:
            continue
        prep, name = doc[day.i - 1], day.head
        if prep.lower_ != "on" or prep.dep_ != "prep" or name.i <= day.i or name.pos_ != "PROPN":
            continue
        if name.dep_ == "pobj" and name.head == prep:
            verb = prep.head
            clause = next(
                (
                    c
                    for c in verb.children
                    if c.dep_ == "ccomp"
                    and c.i > name.i
                    and not any(g.dep_ in {"nsubj", "nsubjpass", "expl"} for g in c.children)
                ),
                None,
            )
            if clause is None or not _speech_lemma(verb):
                continue
            name.head = clause
            name.dep_ = "nsubj"
        elif any(c.dep_ == "pobj" for c in prep.children):
            continue
        day.head = prep
        day.dep_ = "pobj"


def _trip_verb(verb: Token) -> bool:
    """A verb of travel that takes its destination as an object (lexicon `visit_verbs` of role "visit")."""
    return verb.pos_ == "VERB" and lexicon()["visit_verbs"].get(verb.lemma_.lower()) == "visit"


def repair_trip_participles(doc: Doc) -> None:
    """Make the place a trip verb's object, and the participle after it an adverbial clause, when the parser
    read the place as the participle's subject (module doc)."""
    for clause in doc:
        if clause.dep_ != "ccomp" or clause.tag_ != "VBG" or not _trip_verb(clause.head):
            continue
        verb = clause.head
        if any(c.dep_ in {"dobj", "ccomp"} and c.i != clause.i for c in verb.children):
            continue
        place = next((c for c in clause.children if c.dep_ == "nsubj" and c.i < clause.i), None)
        if place is None or place.pos_ != "PROPN" or not verb.i < place.left_edge.i:
            continue
        phrase = doc[place.left_edge.i : place.i + 1].text
        found = gazetteer().find_all(phrase)
        if not (len(found) == 1 and found[0][1] - found[0][0] == len(phrase)):
            continue
        if found[0][3].kind not in {"country", "city", "state"}:
            continue
        place.head = verb
        place.dep_ = "dobj"
        clause.dep_ = "advcl"
