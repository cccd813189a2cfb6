"""Reaction extraction over one parsed sentence: speaker
attribution, target, stance with negation, and quote."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field, replace
from functools import lru_cache

from spacy.tokens import Doc, Span, Token

from diplowatch.nlp.actors import EU_CODES, Place, gazetteer, historicize, regions
from diplowatch.nlp.context import (
    RELATIVES,
    Actor,
    ArticleContext,
    actor_span,
    apposed_name,
    coordinated_nationalities,
    is_media,
    past_dateline,
    resolve_token_actor,
    written_name,
)
from diplowatch.nlp.dates import WEEKDAYS
from diplowatch.nlp.evidence import Source
from diplowatch.nlp.factbox import section_of
from diplowatch.nlp.lexicon import inflections, lexicon, resident_title
from diplowatch.nlp.people import GOVERNMENT_TITLES, leader_code
from diplowatch.nlp.segment import MONTHS, Sentence, quote_spans
from diplowatch.nlp.visits import GROUP_NOUNS, StatusBasis, _prep_objects, group_members

# Closed quotations, a paragraph-long opening one, and one left open at the end of the sentence (wire style).
# "host" too: the host side's "was honoured to host the pontiff" speaks of the visit.
VISIT_WORDS = {
    "visit",
    "trip",
    "tour",
    "travel",
    "delegation",
    "stay",
    "arrival",
    "visiting",
    "travelling",
    "traveling",
    "mission",
    "host",
}


@dataclass
class ReactionCandidate:
    sentence: Sentence
    trigger: Token
    speaker: Actor
    stance: str
    quote: str | None
    quote_is_direct: bool
    target_codes: list[str]
    content_text: str
    mentions_visit: bool
    refers_visit: bool
    reasons: list[str] = field(default_factory=list)
    verb_lemma: str = ""
    speaker_written: str | None = None
    # What carries the stance: stance_verb | stance_act |
    # speech (a speech verb, stance from cue words) | outcome
    evidence: str = "speech"

    @property
    def reactor_name(self) -> str | None:
        """A named person by the full name the article gives;
        offices, states and unnamed officials as written."""
        if self.speaker.kind == "person" and self.speaker.name:
            return self.speaker.name
        return self.speaker_written or self.speaker.name


def _content_tokens(verb: Token) -> list[Token]:
    according = next((c for c in verb.children if c.lower_ == "according"), None)
    if according is not None:
        # "According to X, <clause>": the whole clause is what X said.
        skip = {t.i for t in according.subtree}
        return [t for t in verb.subtree if t.i not in skip and not t.is_punct]
    toks: list[Token] = []
    for child in verb.children:
        if child.dep_ == "advcl" and _where_spoken(child):
            continue  # "Speaking in Brussels, Ashton condemned ...": where, not what
        if _fronted_purpose(child, verb):
            continue  # "In New Delhi to drum up support for his candidacy, Carstens said": why he is there
        if child.dep_ in {"ccomp", "xcomp", "dobj", "advcl", "oprd", "attr", "dative"} or (
            child.dep_ == "prep"
            and child.lower_ in {"on", "against", "about", "over", "to", "for", "of", "with", "at", "as"}
        ):
            toks.extend(child.subtree)
    # "announced a budget which was warmly welcomed by Washington": a stance verb in a clause on what was said
    # that names its own doer ("by X") is that one's stance, not the speaker's (not "proposals made by X")
    stance_verbs = lexicon()["stance_verbs"]
    others = {
        t.i
        for c in toks
        if c.dep_ in {"relcl", "acl"}
        and stance_verbs.get(c.lemma_.lower()) in {"negative", "positive"}
        and any(g.dep_ == "agent" for g in c.children)
        for t in c.subtree
    }
    skip = others | _narrated_time(toks)
    return sorted((t for t in toks if t.i not in skip), key=lambda t: t.i)


def _fronted_purpose(clause: Token, verb: Token) -> bool:
    """An infinitive of purpose put before the speaker ("In New Delhi to drum up support for his candidacy,
    Carstens said ..."): the narrator's account of why the speaker is there, not what was said."""
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    return (
        clause.dep_ in {"ccomp", "advcl", "xcomp"}
        and subject is not None
        and clause.right_edge.i < subject.i
        and any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)
    )


def _where_spoken(clause: Token) -> bool:
    """A clause that tells only where or to whom one spoke ("Speaking in Brussels", "speaking to reporters in
    Tokyo", "addressing parliament"), not what about ("speaking about the U.S. plan")."""
    return clause.lemma_.lower() in {"speak", "talk", "address"} and not any(
        c.dep_ == "prep" and c.lower_ in {"about", "on", "of"} for c in clause.children
    )


def _narrated_time(toks: Iterable[Token]) -> set[int]:
    """The tokens of a time phrase set off by a comma and opened by "ahead of" / "before" / "after" /
    "following" ("... was making progress, ahead of an expected sanctions announcement"): the narrator's
    timing of the statement, not what was said."""
    return {
        t.i
        for c in toks
        if c.lower_ in {"ahead", "before", "after", "following"}
        and c.dep_ in {"advmod", "prep"}
        and c.i > 0
        and c.nbor(-1).text == ","
        for t in c.subtree
    }


# Speech verbs whose object is the one spoken to: in the passive their subject is that one, not a speaker.
_ADDRESS_VERBS = frozenset({"tell", "inform", "brief", "assure", "advise", "notify", "remind"})


# Verbs by which an event makes someone act ("prompting Tokyo to lodge protests", "forced Germany to drop its
# objections"): their object is who acts; not a state urging another (that one is told to act, and does not).
_CAUSING_VERBS = frozenset({"prompt", "force", "lead", "spur", "compel", "cause", "drive"})


def _caused_actor(verb: Token) -> Token | None:
    """Who acts in a clause a causing verb governs: the one made to act ("prompting Tokyo to lodge protests
    against Beijing"); for a verb joined to that one, the cause's own doer ("prompting Beijing to lift reserve
    requirements and putting pressure on India": the cause does the second)."""
    if verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _CAUSING_VERBS:
        return next((c for c in verb.head.children if c.dep_ == "dobj" and c.i < verb.i), None)
    if verb.dep_ == "conj" and verb.head.dep_ == "xcomp" and _made_to_act(verb.head):
        return _speaker_token(verb.head.head)
    return None


def _speaker_token(verb: Token) -> Token | None:
    lemma = verb.lemma_.lower()
    children = list(verb.children)
    if lemma == "quote":
        # "Reuters quoted a spokesperson for the U.S." / "X was quoted as saying".
        obj = next((c for c in children if c.dep_ == "dobj"), None)
        if obj is not None:
            return obj
        return next((c for c in children if c.dep_ == "nsubjpass"), None)
    agent = _agent(verb)
    if agent is not None:
        return agent  # "was criticised by Germany", "opposed by Germany": the passive's doer speaks
    if any(c.dep_ == "nsubjpass" for c in children) and lemma in lexicon()["stance_verbs"]:
        return None  # "Iran was accused of ...": the passive subject is the target, the doer is unnamed
    if _parenthetical_participle(verb):
        return None  # "Osborne, asked about the talks, said ...": Osborne was asked; who asked is not said
    if any(c.dep_ == "nsubjpass" for c in children) and lemma in _ADDRESS_VERBS:
        return None  # "Moscow had been told of U.S. concern": the passive subject is the one told
    source = _according_source(verb)
    if source is not None and not (
        # "According to KNA, Kenyan President Moi thanked the IMF": the source tells what the subject did
        lemma in lexicon()["stance_verbs"] and any(c.dep_ == "nsubj" and _names_an_actor(c) for c in children)
    ):
        return source
    subjects = [c for c in children if c.dep_ in {"nsubj", "nsubjpass"}]
    # Two subjects mean a misparse (a "LIMA, March 1 -"
    # dateline read as one): the one nearest the verb speaks.
    subj = (
        max(subjects, key=lambda c: c.i)
        if len(subjects) > 1 and all(c.i < verb.i for c in subjects)
        else next(iter(subjects), None)
    )
    mark = next((c for c in children if c.dep_ == "mark" and subjects and subjects[0].i < c.i < verb.i), None)
    if subj is not None and mark is not None and subj.i > mark.i:
        # "X on his visit after the polls in Y congratulated Z": the subject after "after/as/when" is the
        # subordinate clause's, flattened onto the main verb; the one before the mark speaks
        subj = max((c for c in subjects if c.i < mark.i), key=lambda c: c.i)
    if subj is not None and verb.dep_ == "relcl" and subj.lower_ in _RELATIVE_PRONOUNS:
        return _antecedent(verb.head)
    if subj is None and verb.dep_ == "ROOT":
        subj = _trailing_speaker(verb)
    if subj is None and verb.dep_ in {"conj", "xcomp", "advcl", "pcomp", "acl"}:
        return _speaker_above(verb)
    return subj


def _said_of_the_subject(verb: Token, subject: Token, lemma: str) -> bool:
    """ "Chile is said to have good catches": what others say of the passive subject, by no one named, unless
    what it is said to do or be is to take a stance ("Germany is reported to oppose the plan", "Britain too is
    said to be concerned")."""
    if lemma == "quote" or subject.dep_ != "nsubjpass" or subject.head != verb:
        return False
    lex = lexicon()
    stances, adjectives = lex["stance_verbs"], lex["stance_adjectives"]
    return not any(
        stances.get(t.lemma_.lower()) in {"negative", "positive"} or t.lower_ in adjectives
        for c in verb.children
        if c.dep_ == "xcomp"
        for t in c.subtree
    )


def _parenthetical_participle(verb: Token) -> bool:
    """A past participle set off by commas after a name, with no object: "Osborne, asked about the talks,
    said ...", "Wen, pressed on the yuan, said ..." — what was done to the one named (the parser may read the
    name as its subject), not a verb of theirs."""
    doc = verb.doc
    after = verb.right_edge.i + 1
    return (
        verb.tag_ in {"VBN", "VBD"}
        and (verb.dep_ in {"acl", "advcl"} or verb.dep_ == "ccomp" and verb.head.i > verb.i)
        and verb.i > 0
        and doc[verb.i - 1].text == ","
        and after < len(doc)
        and doc[after].text == ","
        and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "dative", "nsubjpass"} for c in verb.children)
    )


def _speaker_above(verb: Token) -> Token | None:
    """The speaker of a clause with no subject of its own: the one a causing verb made act, else the speaker
    of the verb the clause hangs from."""
    caused = _caused_actor(verb)
    if caused is not None:
        return caused
    head = _issuer(verb.head) if verb.dep_ == "acl" else _speech_of_a_coordinated_verb(verb) or verb.head
    if head.dep_ == "prep" and head.head.i != head.i:
        head = head.head  # "after rejecting X": the subject of the verb the clause hangs from
    return _speaker_token(head)


def _according_to(verb: Token) -> bool:
    """Whether a verb's report is attributed with "according to"."""
    return any(c.dep_ in {"prep", "advcl"} and c.lower_ == "according" for c in verb.children)


def _according_source(verb: Token) -> Token | None:
    """The source a verb's report is "according to" ("..., according to German magazine Spiegel"), if any."""
    for child in verb.children:
        if child.dep_ in {"prep", "advcl"} and child.lower_ == "according":
            for g in child.children:
                if g.dep_ == "prep" and g.lower_ == "to":
                    return next((p for p in g.children if p.dep_ == "pobj"), None)
    return None


def _speech_of_a_coordinated_verb(verb: Token) -> Token | None:
    """'X said that EU leaders "did not decide the hegemony of the ECB" and accused Constancio of ...': a
    verb coordinated right after a closed quotation goes with the speech verb the quotation is part of, not
    with the verb inside what was said the parser hangs it on; so does one coordinated with a clause whose
    subject is an expletive, which does nothing ("OPEC says there is enough oil, and blames U.S.
    mismanagement")."""
    doc = verb.doc
    if verb.dep_ != "conj" or verb.i < 2 or doc[verb.i - 1].lower_ != "and":
        return None
    expletive = any(c.dep_ == "expl" for c in verb.head.children) and verb.head.dep_ == "ccomp"
    if (
        not expletive
        and doc[verb.i - 2].text not in {'"', "”"}
        and not (doc[verb.i - 2].text == "," and verb.i > 2 and doc[verb.i - 3].text in {'"', "”"})
    ):
        return None
    speech = lexicon().set("speech_verbs")
    return next((a for a in verb.head.ancestors if a.lemma_.lower() in speech), None)


# What a speaker issues: a participle on one ("a statement condemning X") is said by whoever issued it.
_DOCUMENT_NOUNS = frozenset({"statement", "communique", "communiqué", "declaration", "letter", "resolution"})


def _issuer(noun: Token) -> Token:
    """The verb of whoever issued the document a participle hangs on ("issued a statement condemning X", "said
    in a communique welcoming Y", "a statement to the press condemning X" hung on "press"), else the noun."""
    above = noun.head.head if noun.dep_ == "pobj" else None
    if above is not None and above.lemma_.lower() in _DOCUMENT_NOUNS:
        noun = above
    elif above is not None and any(
        c.dep_ == "dobj" and c.lemma_.lower() in _DOCUMENT_NOUNS for c in above.children
    ):
        return above  # "issued a statement to the press condemning X", "to the press" hung on the verb
    if noun.lemma_.lower() in _DOCUMENT_NOUNS and noun.head.i != noun.i:
        if any(c.lower_ == "joint" for c in noun.children):
            return noun  # a joint statement is an agreement of its parties, not one side's reaction
        return noun.head
    return noun


_RELATIVE_PRONOUNS = frozenset({"that", "which", "who"})


def _antecedent(noun: Token) -> Token:
    """What a relative clause's pronoun stands for: "Germany, which opposes ..." -> Germany; "Britain is one
    of several countries that oppose ..." -> Britain (through "one of" and the copula)."""
    if noun.dep_ == "pobj" and noun.head.lower_ == "of" and noun.head.head.lower_ == "one":
        noun = noun.head.head
    if noun.dep_ == "attr" and noun.head.lemma_ == "be":
        subj = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
        if subj is not None:
            return subj
    return noun


def _agent(verb: Token) -> Token | None:
    """The doer of a passive verb ("opposed by Germany"): the object of its "by" phrase."""
    # (a participle the tagger took for a past tense keeps its "agent": "promoted by France but resisted by
    # Britain")
    if (verb.tag_ != "VBN" and not any(c.dep_ == "agent" for c in verb.children)) or any(
        c.dep_ == "nsubj" for c in verb.children
    ):
        return None  # "advocates have criticized a change by parliament": a perfect with its own subject
    for child in verb.children:
        if child.dep_ == "agent" or (child.dep_ == "prep" and child.lower_ == "by"):
            return next((g for g in child.children if g.dep_ == "pobj"), None)
    return None


def _trailing_speaker(verb: Token) -> Token | None:
    """ "<what was said>, an official of X said.": the parser
    often hangs the inverted speaker on the statement.

    The speaker is the head noun of the phrase between the last comma and the sentence-final speech verb.
    """
    doc = verb.doc
    if any(t.is_alpha for t in doc[verb.i + 1 :]) or verb.i < 3:
        return None
    comma = next((t.i for t in reversed(doc[: verb.i]) if t.text == ","), None)
    if comma is None or verb.i - comma < 2:
        return None
    phrase = doc[comma + 1 : verb.i]
    # The outermost noun of the phrase: the one whose head lies outside it.
    heads = [t for t in phrase if t.pos_ in {"NOUN", "PROPN"} and not (comma < t.head.i < verb.i)]
    return heads[0] if heads else None


_FIRST_PERSON = {"i", "we", "my", "our", "me", "us"}


def _speakers_own_act(verb: Token, speaker: Actor, ctx: ArticleContext, sent: Sentence) -> bool:
    """ "Reagan said the tariffs he imposed were ...": the statement judges the speaker's own side's act.

    Read from the subject of what was said: a relative clause
    or possessive naming the speaker's side as its doer.
    """
    comp = next((c for c in verb.children if c.dep_ == "ccomp"), None)
    if comp is None:
        return False
    subj = next((c for c in comp.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None or subj.pos_ not in {"NOUN", "PROPN"}:
        return False
    # "Our willingness to help indicates our support for Argentina's
    # plan": a foreign actor outside the subject is the topic.
    inside = {t.i for t in subj.subtree}
    rest = " ".join(t.text for t in comp.subtree if t.i not in inside)
    if any(h[3].code != speaker.code for h in gazetteer().find_all(rest, ctx.published_at)):
        return False
    doers = [
        g for c in subj.children if c.dep_ == "relcl" for g in c.children if g.dep_ in {"nsubj", "agent"}
    ]
    doers += [c for c in subj.children if c.dep_ == "poss"]
    for doer in doers:
        if doer.lower_ in _FIRST_PERSON:
            return True
        actor = resolve_token_actor(doer, ctx, sent)
        if actor is not None and actor.code == speaker.code:
            return True
    return False


_DOMESTIC_BODIES = {
    "congress",
    "parliament",
    "legislature",
    "senate",
    "lawmakers",
    "legislators",
    "opposition",
    "cabinet",
    "diet",
    "assembly",
    "congressmen",
    "deputies",
    "voters",
    "public",
    "people",
    "nation",
    "party",
}


def _domestic_addressee(verb: Token, speaker: Actor, ctx: ArticleContext) -> bool:
    """ "Reagan warned Congress that ...": a stance aimed at the
    speaker's own legislature or public is a domestic dispute."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or (obj.lemma_.lower() not in _DOMESTIC_BODIES and obj.lower_ not in _DOMESTIC_BODIES):
        return False
    if any(c.dep_ == "prep" and c.lower_ in {"to", "against"} for c in obj.children) or (
        obj.lower_ == "opposition" and any(c.dep_ == "poss" for c in obj.children)
    ):
        # "have led the opposition to the measure", "reiterated his opposition on Thursday to a write-down":
        # a position, not the parties opposed
        return False
    # "the Japanese parliament" is foreign; an unqualified
    # "Congress" or "the U.S. Congress" (said by the U.S.) is home.
    codes = {h[3].code for h in gazetteer().find_all(actor_span(obj).text, ctx.published_at)}
    return codes <= {speaker.code}


def _own_side_addressee(verb: Token, speaker: Actor, ctx: ArticleContext) -> bool:
    """ "urged South Korea's banks to sell foreign assets", "urged German banks to stop lending to Greece" (by
    a South Korean, a German speaker): an addressee of the speaker's own country, named so by its owner or
    nationality, makes the stance a domestic one whatever else the sentence names."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None or obj.pos_ not in {"NOUN", "PROPN"}:
        return False
    qualifiers = [c for c in obj.children if c.dep_ in {"poss", "amod", "compound", "nmod"}]
    codes = {
        h[3].code
        for q in qualifiers
        for h in gazetteer().find_all(q.doc[q.left_edge.i : q.right_edge.i + 1].text, ctx.published_at)
    }
    return codes == {speaker.code}


_PARTICLES = frozenset({"back", "out", "down", "aside", "off"})


def _stance_action(verb: Token) -> str | None:
    """A position reported as an act: "launched a barrage of
    threats", "lodged a protest", "summoned the envoy", "ruled out"."""
    acts = lexicon()["stance_actions"]
    lemma = verb.lemma_.lower()
    stance = _phrasal_stance(verb, lemma, acts)
    if stance:
        return stance
    # A verb and the preposition of what it aims at: "is pushing for tougher sanctions on Iran", "argued
    # against the plan" (a demand or an opposition; the preposition needs its object).
    aimed = _verb_prep_object(verb)
    if aimed is not None:
        return acts["verb_preps"][f"{lemma} {aimed.head.lower_}"]
    if lemma in lexicon().set("directing_verbs") and _directed(verb) is not None:
        # "Germany wants Greece to stick to its program", "Washington is pushing Beijing to let its currency
        # rise": a demand that the other act
        return "negative"
    if lemma in {"want", "seek", "demand"} and any(
        c.dep_ == "dobj"
        and any(m.dep_ == "amod" and m.tag_ in {"JJR", "RBR"} for m in c.children)
        and c.lemma_.lower() not in {"tie", "relation", "cooperation", "partnership", "friendship", "link"}
        for c in verb.children
    ):
        # "the United States and the EU want faster appreciation": wanting more of what another does is a
        # demand that it change course
        return "negative"
    # An idiom of verb, object and preposition: "threw its weight behind the idea".
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for prep in (c for c in (*verb.children, *obj.children) if c.dep_ in {"prep", "dative"}):
            stance = acts["verb_object_preps"].get(f"{lemma} {obj.lemma_.lower()} {prep.lower_}")
            if stance:
                return stance
    for group in acts["object_verbs"]:
        if lemma not in group["verbs"] or (lemma == "raise" and not _raised_by_someone(verb)):
            continue
        for obj in (c for c in verb.children if c.dep_ == "dobj"):
            if any(c.dep_ == "det" and c.lower_ == "no" for c in obj.children):
                continue  # "raised no objections", "voiced no concern": none held
            # The object itself, a noun coordinated with it, or the
            # noun of a quantity phrase ("a barrage of threats").
            nouns = [obj, *(c for c in obj.children if c.dep_ == "conj")]
            nouns += [
                g
                for p in obj.children
                if p.dep_ == "prep" and p.lower_ == "of"
                for g in p.children
                if g.dep_ == "pobj"
            ]
            for noun in nouns:
                stance = group["objects"].get(noun.lemma_.lower()) or group["objects"].get(noun.lower_)
                if stance:
                    return stance
    return None


def _possessive_holder(verb: Token, ctx: ArticleContext, sent: Sentence) -> tuple[Token, Actor] | None:
    """The state named as the owner of the position a verb of expressing voices ("the official reiterated
    Berlin's support for Rajoy's government", "voiced Washington's concern"): the position is that state's,
    whoever the parser made the verb's subject."""
    lemma = verb.lemma_.lower()
    for group in lexicon()["stance_actions"]["object_verbs"]:
        if lemma not in group["verbs"]:
            continue
        for obj in verb.children:
            if obj.dep_ != "dobj" or not ({obj.lemma_.lower(), obj.lower_} & group["objects"].keys()):
                continue
            owner = next((c for c in obj.children if c.dep_ == "poss" and c.pos_ == "PROPN"), None)
            actor = resolve_token_actor(owner, ctx, sent) if owner is not None else None
            if actor is not None and actor.code and actor.is_state and actor.kind != "person":
                return owner, actor
    return None


def _phrasal_stance(verb: Token, lemma: str, acts: dict) -> str | None:
    """A phrasal stance verb ("ruled out", "hit back at"; the particle also where the parser reads it as an
    adverb), else the manner of a response ("reacted angrily to")."""
    for prt in (c for c in verb.children if c.dep_ == "prt" or c.dep_ == "advmod" and c.lower_ in _PARTICLES):
        stance = acts["phrasal_verbs"].get(f"{lemma} {prt.lower_}")
        if stance:
            return stance
    return _manner_of_response(verb, lemma, acts["manner_verbs"])


def _manner_of_response(verb: Token, lemma: str, manner: dict) -> str | None:
    """The stance of a response by its manner: "reacted angrily to the sanctions", "responded coolly to the
    request" (lexicon stance_actions.manner_verbs); not negated."""
    if lemma not in manner["verbs"] or not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children):
        return None
    if any(c.dep_ == "neg" for c in verb.children):
        return None
    return next((manner["adverbs"][c.lower_] for c in verb.children if c.lower_ in manner["adverbs"]), None)


def _raised_by_someone(verb: Token) -> bool:
    """ "India raised concerns with Washington": a state, a person or a state body raises them; not "the move
    raised concerns in China", nor "sales figures raising concerns" (a thing gives cause for them)."""
    if any(c.dep_ == "csubj" for c in verb.children):
        return False  # "extending the ban had raised concern": an act gives cause for it
    subj = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    before = verb.doc[verb.left_edge.i - 1] if verb.left_edge.i > 0 else None
    if subj is None and verb.dep_ == "conj" and (before is None or before.dep_ not in {"cc", "punct"}):
        return False  # "... but extending those had raised concern": a subject the parser did not tie
    if subj is None and verb.dep_ in {"conj", "xcomp"}:
        subj = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if subj is None:
        return False
    return (
        subj.pos_ in {"PROPN", "PRON"}
        or subj.lemma_.lower() in lexicon().set("state_titles")
        or apposed_name(subj) is not None  # "the bloc's biggest economy, Germany, raised objections"
    )


def _verb_prep_object(verb: Token) -> Token | None:
    """The object of a `verb_preps` preposition ("pushing for tougher sanctions": "sanctions"), else None."""
    entries = lexicon()["stance_actions"].get("verb_preps", {})
    lemma = verb.lemma_.lower()
    for prep in (c for c in verb.children if c.dep_ == "prep" and f"{lemma} {c.lower_}" in entries):
        pobj = next((g for g in prep.children if g.dep_ == "pobj"), None)
        if pobj is not None:
            return pobj
    return None


def _judging_verb(verb: Token) -> bool:
    """ "called/termed/branded X (as) Y": an object plus
    a predicate (or a quotation right after the object)."""
    if verb.lemma_.lower() not in lexicon().set("judging_verbs"):
        return False
    if verb.i > 0 and verb.doc[verb.i - 1].lower_ == "as":
        return False  # "as regards our debts": a preposition, no judgement
    if not any(c.dep_ == "dobj" and c.tag_ not in {"WP", "WDT"} for c in verb.children):
        # "called Trump reckless", "called Trump a liar": the parser may hang the name on the predicate as a
        # compound, or read both as predicates; "what he called dangerous" is the writer's relative clause,
        # not a judgement of a named act
        # ("called the Russian veto disgusting": a whole noun phrase hung on the predicate as its compound)
        predicates = [c for c in verb.children if c.dep_ == "oprd"]
        # ("called the U.S. policy clueless", "called the Fed's policy clueless": the determiner or owner of
        # the whole phrase hung on it too)
        return (len(predicates) > 1 and predicates[0].pos_ == "PROPN") or any(
            any(
                g.dep_ in {"compound", "nmod"}
                and g.i < c.i
                and (g.pos_ == "PROPN" or any(d.dep_ in {"det", "poss"} for d in (*g.subtree, *c.children)))
                for g in c.children
            )
            for c in predicates
        )
    if any(
        c.dep_ in {"oprd", "xcomp", "acomp", "ccomp"} or (c.dep_ == "prep" and c.lower_ == "as")
        for c in verb.children
    ):
        return True
    obj = next(c for c in verb.children if c.dep_ == "dobj")
    if any(c.dep_ == "prep" and c.lower_ == "as" for c in obj.children):
        return True  # "described the move as ..." with 'as' parsed under the object
    if any(
        c.dep_ == "appos" and c.left_edge.i == obj.i + 1 and c.left_edge.lower_ in {"a", "an"}
        for c in obj.children
    ):
        return True  # "called Maduro a dictator": the predicate read as an apposition of the object, no comma
    after = verb.doc[obj.right_edge.i + 1] if obj.right_edge.i + 1 < len(verb.doc) else None
    return after is not None and after.text in {'"', "“", "'"}


def _future_speech(verb: Token) -> bool:
    """ "said he would tell X: '...'": what follows is speech still to come, announced rather than made."""
    speech = lexicon().set("speech_verbs")
    return any(
        c.dep_ == "ccomp"
        and c.lemma_.lower() in speech
        and any(a.dep_ == "aux" and a.lower_ in {"will", "would", "shall", "'ll", "to"} for a in c.children)
        # Speech has an addressee or a content; "would respond to any new sanctions" is an act.
        and any(a.dep_ in {"ccomp", "dobj", "dative", "xcomp"} or a.text == ":" for a in c.children)
        for c in verb.children
    )


def _wish_under_inverted_condition(segment: Span) -> bool:
    """A wish whose condition follows it inverted, outside its clause ("the U.S. would be pleased were Japan
    to halve restrictions", "would welcome it should Tokyo agree"): no stance on anything that happened."""
    doc = segment.doc
    after = doc[segment.end] if segment.end < len(doc) else None
    return (
        after is not None
        and after.lower_ in {"were", "should", "had"}
        and after.dep_ in {"aux", "auxpass", "advcl"}
        and any(t.lower_ == "would" for t in segment)
    )


def _segments(verb: Token, content: list[Token]):
    """The clauses of what was said: the complement and each clause coordinated with it."""
    doc = verb.doc
    comp = next((c for c in verb.children if c.dep_ == "ccomp" and not _fronted_purpose(c, verb)), None)
    if comp is None:
        if content:
            yield doc[content[0].i : content[-1].i + 1]
        return
    conjuncts = [c for c in comp.children if c.dep_ == "conj" and c.pos_ in {"VERB", "AUX"}]
    own = sorted({t.i for t in comp.subtree} - {t.i for c in conjuncts for t in c.subtree})
    # The complement without its conjuncts, cut before the first conjunct and the narrator's timing.
    end = min(
        [c.left_edge.i for c in conjuncts] + sorted(_narrated_time(comp.subtree))[:1], default=own[-1] + 1
    )
    yield doc[own[0] : max(own[0] + 1, end)]
    for c in conjuncts:
        yield doc[c.left_edge.i : c.right_edge.i + 1]


_DETERMINERS = frozenset({"the", "a", "an", "its", "their", "his", "her", "our", "this"})


def _anothers_stance(segment, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> bool:
    """A clause of what was said whose verb is another state's stance ("the IMF criticised Yugoslavia", "China
    had criticised Japan"): that state's reaction, not the speaker's."""
    root = segment.root
    if lexicon()["stance_verbs"].get(root.lemma_.lower()) not in {"negative", "positive"}:
        return False
    subject = next((c for c in root.children if c.dep_ == "nsubj"), None)
    if subject is None or subject.pos_ == "PRON":
        return False
    actor = resolve_token_actor(subject, ctx, sent)
    return actor is not None and bool(actor.code) and actor.is_state and actor.code != speaker.code


# A plural subject with its copula and a degree word right before a cue of feeling ("investors were very
# worried", "the agencies are concerned"): the feeling is that subject's.
_FELT_BY = re.compile(
    r"\b([a-z]+) (?:are|were|remain|remained|grew|have grown|had grown|became|have become|got|get)"
    r"(?: (?:very|increasingly|deeply|more|most|so|too|particularly|also|still|all))? $"
)


# Who holds a confidence named by its holder as a modifier ("investor confidence", "market confidence").
_MARKET_HOLDERS = frozenset({"investor", "market", "consumer", "business", "public", "creditor", "lender"})


def _third_party_view(before: str, cue: str = "") -> bool:
    """ "the banks would welcome", "analysts oppose", "Mitchell who urged", "investors were very worried": the
    cue states another party's view, not the speaker's."""
    if re.search(r"\bwho (?:had |has |have |also )?$", before):
        return True  # "including Mitchell who urged Canada to ...": the view of the one the clause is about
    m = re.search(r"\b([a-z]+) ((?:would |will |could |may |might |should |also |all )*)(?:not )?$", before)
    felt = _FELT_BY.search(before) if cue in lexicon().set("feeling_words") else None
    if felt and felt.group(1) in lexicon().set("non_state_words"):
        return True  # "people were very worried about", "what the rating agencies are worried about"
    if not m:
        return False
    word, words = m.group(1), lexicon().set("non_state_words")
    if word.endswith("s") and word[:-1] in words:
        return True
    if cue.startswith("confidence") and (word in _MARKET_HOLDERS or f"{word}s" in words):
        return True  # "would destroy investor confidence in the euro zone": the market's, not the speaker's
    # A singular noun right before the cue is its subject only after a determiner or before a modal: "the
    # firm opposes", "the bank would welcome"; "take firm countermeasures" is an adjective.
    previous = before[: m.start()].split()[-1:]
    determined = bool(previous) and previous[0] in _DETERMINERS
    return word in words and (determined or bool(m.group(2)))


_BY_AGENT = re.compile(r"\s+by\s+(?!far\b|then\b|now\b|mistake\b|chance\b|contrast\b|comparison\b|the way\b)")


# Words of a trust or backing lost or missing, right before the positive word ("lost confidence in", "a lack
# of confidence in", "withdrew its support for").
_LOST = re.compile(
    r"\b(?:lost|lose|loses|losing|lack|lacks|lacked|lacking|withdr[ae]w|withdrawn|withdrawing|withdraws)"
    r"\s+(?:of\s+|the\s+|their\s+|its\s+|his\s+|her\s+|all\s+)?$"
)


@lru_cache(maxsize=1)
def _confidence_made() -> re.Pattern:
    """Lexicon `confidence_makers`: the words right before "confidence in" by which confidence is made, lost
    or wanted, not held ("to instill confidence in current exchange rate levels", "the crisis of confidence
    in the bloc")."""
    entry = lexicon()["confidence_makers"]
    verbs = sorted({f for v in entry["verbs"] for f in inflections(v)}, key=len, reverse=True)
    nouns = "|".join(re.escape(n) for n in entry["nouns"])
    return re.compile(
        rf"\b(?:{nouns})\s+of\s+$"
        rf"|\b(?:{'|'.join(re.escape(v) for v in verbs)})\s+(?:the\s+|more\s+|investor\s+|market\s+)?$"
    )


def _held_by_agent(low: str, cue: str, end: int) -> bool:
    """A stance verb (the lexicon's) in the passive with its doer named ("one of the steps urged by the U.S.
    delegation", "a plan backed by Germany"): the doer's stance, not the speaker's. A feeling is no stance
    verb, and its "by" names its cause: "concerned by the move", "appalled by the sentence" stay the
    speaker's."""
    return cue.split()[-1] in _stance_participles() and bool(_BY_AGENT.match(low, end))


@lru_cache(maxsize=1)
def _stance_participles() -> frozenset[str]:
    """The past forms of the lexicon's stance verbs ("urged", "backed", "slammed", "denied"), from the
    pre-filter's own inflections."""
    return frozenset(
        form for verb in lexicon()["stance_verbs"] for form in inflections(verb) if form.endswith("ed")
    )


# Nouns of a position held ("China's support for car exports"); an evaluation ("Greece's successful
# restructuring") is the speaker's, whoever owns what it judges.
_POSITION_NOUNS = frozenset({"support", "backing", "approval", "endorsement", "blessing"})


def _held_by_another(before: str, own_code: str | None, on_date) -> bool:
    """ "a complaint against China's support for car exports": a stance word owned by a named state is that
    state's stance, not the speaker's."""
    m = re.search(r"([A-Z][\w.\-]*(?: [A-Z][\w.\-]*)*) ?['’]s $", before)  # "China's", "China 's"
    if m is None:
        return False
    hits = gazetteer().find_all(m.group(1), on_date)
    return bool(hits) and hits[-1][3].kind in {"country", "demonym", "igo"} and hits[-1][3].code != own_code


def _party_opening(after: str, lead: str, n_words: int, on_date) -> Place | None:
    """The state, people or IGO the first `n_words` words after a cue open with, with only the words of
    `lead` (a pattern: a preposition, "the") before it; None when they open with anything else."""
    window = " ".join(after.split()[:n_words])
    hits = gazetteer().find_all(window, on_date)
    if not hits or re.fullmatch(lead, window[: hits[0][0]]) is None:
        return None
    return hits[0][3]


def _foreign_party_next(after: str, own_code: str | None, on_date) -> bool:
    """Whether the words right after a feeling ("confident that Greece would deliver", "confident in the
    European economy") open with a state or IGO other than the speaker's own: the feeling is about it."""
    party = _party_opening(after, r"\s*(?:that |in |of |about )?(?:the )?", 5, on_date)
    return party is not None and party.kind in {"country", "demonym", "igo"} and party.code != own_code


def _own_side_object(after: str, own_code: str | None, on_date) -> bool:
    """ "support for Brazil's debt stance" said by Brazil:
    backing for one's own side is not a reaction to anyone."""
    if not own_code:
        return False
    # Only the supported thing itself: "support for Brazil's plan", not "support for a deal with Brazil".
    party = _party_opening(after, r"(?:for |of |to |from )?(?:the )?", 4, on_date)
    return party is not None and party.code == own_code


_BLAME = re.compile(
    r"\b(?:is|was|were|are|be|been|being|held|hold|holds|holding)\s+(?:[a-z-]+\s+){0,3}?responsible\s+for\b"
    # not a share: "is responsible for 50 percent of the world's consumption"
    r"(?!\s+(?:\d|about\b|around\b|nearly\b|almost\b|roughly\b|some\b|half\b|a (?:third|quarter|fifth)\b))"
)
_RESPONSIBLE_FOR = re.compile(r"\bresponsible\s+for\b")


@lru_cache(maxsize=4096)
def _word_rx(word: str) -> re.Pattern:
    """A cue word or phrase on letter boundaries, compiled once (the cue lists outgrow re's own cache)."""
    return re.compile(rf"(?<![a-z]){re.escape(word)}(?![a-z])")


_DEMAND_VERB_BEFORE = re.compile(
    r"\b(?:i|we|you|they|he|she|to|will|would|must|should|shall|also|still|now|strongly)\s+$"
)


@lru_cache(maxsize=1)
def _market_demand_before() -> re.Pattern:
    """A word that makes "demand" the market's, right before it (lexicon `market_demand_words`)."""
    words = "|".join(sorted(map(re.escape, lexicon().set("market_demand_words")), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+$")


def _demand_as_verb(low: str, start: int, end: int) -> bool:
    """Whether a bare "demand" is the verb ("we demand that ...", "will demand an apology"): the singular noun
    is mostly the market's ("domestic demand", "demand for these bonds"); a political demand is told as
    "demands" or "demanded", or "demand that"."""
    if _market_demand_before().search(low, max(0, start - 16), start):
        return False  # "areas of high demand that could benefit": the market's, its "that" a relative pronoun
    return bool(
        _DEMAND_VERB_BEFORE.search(low, max(0, start - 12), start) or re.match(r"\s+that\b", low[end:])
    )


def _concerned_as_about(low: str, start: int, end: int) -> bool:
    """Whether "concerned" means "was about" or "regarding", not worried: "as far as X is concerned", or the
    verb with an object and no copula before it ("his offer concerned buying bonds")."""
    if re.search(r"\bas far as\b[^.;:]{0,60}$", low[max(0, start - 70) : start]):
        return True
    worried = re.search(
        r"\b(?:is|are|was|were|be|been|being|am|'s|'re|remain|remains|remained|feel|feels|felt|deeply|very"
        r"|gravely|seriously|increasingly|particularly|extremely|most|more|also|still|greatly|concerned)\s+$",
        low[max(0, start - 20) : start],
    )
    return not worried and not re.match(r"\s+(?:about|by|over|at|that|with|for|as)\b", low[end:])


# A condition up to the next punctuation: "if ...", "unless ...", "provided that ...", ", provided they ...".
_CONDITIONS = re.compile(
    r"(?:\b(?:if|unless|provided that|as long as|so long as|on condition that)|(?<=, )provided)\b[^,;.\"“”]*"
)
# A concession up to the next punctuation: "despite ...", "in spite of ...".
_CONCESSIONS = re.compile(
    r"\b(?:despite|in spite of|notwithstanding)\b[^,;.\"“”]*"
    # a clause that opens what was said with "while" or "although" grants it before the main clause judges:
    # "While I believe this is a positive step, I am concerned that ..."
    r"|(?:^\s*|[\"“]\s*)(?:while|although|though)\b[^,;.\"“”]*(?=,)"
)
# Phrases whose cue word judges nothing: "good reason to", "a good chance that" (a forecast), "in good faith",
# "more harm than good" (its "good" is no praise; the phrase is a negative cue of its own), "outstanding
# issues/debts" (still unresolved).
_IDIOMS = re.compile(
    r"\bgood reasons? to\b|\bgood chances?\b|\bin good faith\b|(?<=more harm than )good\b"
    r"|\boutstanding(?=\s+(?:[a-z-]+\s+)?(?:issues?|problems?|questions?|disputes?|"
    r"differences|matters|debts?|loans?|claims?|arrears|payments?|balances?|amounts?|obligations|"
    r"shares|stock|stocks|bonds|orders|contracts|items|points|cases)\b)"
    # "radar warning receivers", "an early-warning system": a device named for what it does, not a warning
    r"|\bwarning(?=\s+(?:receivers?|systems?|lights?|labels?|radars?|devices?|sirens?|aircraft|planes?)\b)"
)


def _stance_from_cues(text: str, own_code: str | None = None, on_date=None) -> tuple[str, str]:
    original = " " + text + " "
    # (a curly apostrophe as a straight one, "don’t" as "don't": the cue patterns write the straight one; the
    # same length, so offsets into `original` hold)
    low = original.lower().replace("’", "'")
    # "We would welcome it if ...": a conditional wish states no stance on anything that happened.
    low = re.sub(
        # (an inverted condition too: "would be pleased were Japan to halve restrictions")
        r"\bwould (?:\w+ )?(?:welcome|support|praise|oppose|reject|condemn"
        r"|be (?:\w+ )?(?:pleased|happy|glad|delighted))\b[^.]*\b(?:if|were \w+(?: \w+)? to)\b",
        lambda m: " " * len(m.group(0)),
        low,
    )
    # What a condition names ("only if all sanctions were lifted",
    # "if talks make progress") is not judged by the speaker.
    low = _CONDITIONS.sub(lambda m: " " * len(m.group(0)), low)
    # What a concession names is granted, not judged: "the system remains sound despite concern about ...".
    low = _CONCESSIONS.sub(lambda m: " " * len(m.group(0)), low)
    # Idioms that hold a cue word but judge nothing: "we have good reason to think", "settle outstanding
    # issues" (unresolved ones).
    low = _IDIOMS.sub(lambda m: " " * len(m.group(0)), low)
    # "Russia was responsible for the poisoning", "holds Tehran responsible for": blame; "responsible for"
    # praises no one either way ("the minister responsible for trade")
    blamed = ["responsible for"] if _BLAME.search(low) else []
    low = _RESPONSIBLE_FOR.sub(lambda m: " " * len(m.group(0)), low)
    neg = _negative_cue_hits(low) + blamed
    neg += [c for c in _neg_raised_qualities(low) if c not in neg]
    pos, denied = _positive_cue_hits(low, original, own_code, on_date)
    neg += denied
    if len(neg) > len(pos):
        return "negative", f"negative cue '{neg[0]}'"
    if len(pos) > len(neg):
        return "positive", f"positive cue '{pos[0]}'"
    return "neutral", "no stance cue"


# ("n't" is glued to its verb, "won't", "didn't": no word boundary before it)
_NEGATED_BEFORE = re.compile(r"(?:\b(?:not|no|never)|n't)\s+(?:\w+\s+)?$")
# "has not", "did not", "would not", "won't", "cannot" right before a cue verb
_AUX_NOT_BEFORE = re.compile(
    r"\b(?:(?:has|have|had|did|does|do|would|will|could|can|should|wo)\s*(?:not|n't)|cannot)\s+$"
)


@lru_cache(maxsize=1)
def _neg_raised_rx() -> re.Pattern:
    """A negated verb of opinion (lexicon `neg_raising_verbs`) whose clause runs on, with no clause break, to
    the end of the span searched: "i don't think that is ", "berlin does not believe it would be "."""
    forms = sorted(
        {f for v in lexicon().set("neg_raising_verbs") for f in inflections(v)}, key=len, reverse=True
    )
    return re.compile(
        rf"(?:\b(?:not|never)|n't)\s+(?:really\s+|necessarily\s+)?(?:{'|'.join(forms)})\b"
        r"(?:(?!\bbut\b|\bunless\b|\bif\b|\bwhile\b)[^,;:.!?\"“”()])*$"
    )


def _neg_raised(low: str, start: int) -> bool:
    """Whether a negated verb of opinion denies the word at `start` of `low`: "I don't think that is good"
    says that it is not good (neg-raising), as far back as 90 characters within one clause."""
    return _neg_raised_rx().search(low, max(0, start - 90), start) is not None


# "right" as a noun or an adverb, not a quality: "the right to", "right now", "right away", "the right wing"
_RIGHT_NOT_QUALITY = re.compile(r"\s+(?:to|of|now|away|wing|here|there|after|before|and|-)\b")


def _neg_raised_qualities(low: str) -> list[str]:
    """The first quality of lexicon `neg_raising_verbs.denied_qualities` that a negated verb of opinion
    denies, as its "not" cue: "I don't think it is fair" -> "not fair"."""
    for quality in lexicon()["neg_raising_verbs"]["denied_qualities"]:
        if quality not in low:
            continue
        for m in _word_rx(quality).finditer(low):
            if quality.endswith("right") and _RIGHT_NOT_QUALITY.match(low, m.end()):
                continue
            if _neg_raised(low, m.start()):
                return [f"not {quality}"]
    return []


def _denied_cue(cue: str, negative_words: set[str], before: str) -> bool:
    """A negative cue denied by a "not" right before it ("was not worried", "had not reneged on its pledges",
    "he would not oppose Turkish accession talks"): an evaluative word, or a single verb of the cue list in a
    perfect, after "did" or after a modal; "not only" denies nothing."""
    m = _NEGATED_BEFORE.search(before)
    if m is None or re.match(r"not\s+only\b", before[m.start() :]):
        return False
    if cue in negative_words:
        return True
    return " " not in cue and bool(_AUX_NOT_BEFORE.search(before))


@lru_cache(maxsize=1)
def _keep_on_after() -> re.Pattern:
    """What follows "urged" when the call is to go on ("urged it to continue", "to press ahead")."""
    verbs = "|".join(sorted(lexicon().set("continuation_verbs")))
    ahead = "|".join(sorted(lexicon()["continuation_verbs"]["ahead_verbs"]))
    return re.compile(rf"\s+(?:[\w.'-]+\s+){{0,4}}?to\s+(?:(?:{verbs})[a-z]*\b|(?:{ahead})\s+ahead\b)")


@lru_cache(maxsize=1)
def _cue_words() -> dict:
    """The cue phrases and evaluative words of each polarity, in the lexicon's order (read once)."""
    lex = lexicon()
    evaluative = lex["evaluative_words"]
    return {
        "negative": (*lex["negative_cues"], *evaluative["negative"]),
        "positive": (*lex["positive_cues"], *evaluative["positive"]),
        "negative_words": frozenset(evaluative["negative"]),
        "positive_words": frozenset(evaluative["positive"]),
        # the trip nouns a positive word may describe ("a successful visit"), as one alternation
        "trip_nouns": "|".join(sorted(map(re.escape, lex["visit_nouns_attributive"]))),
    }


def _negative_cue_hits(low: str) -> list[str]:
    """The negative cue words and phrases a (lower-cased, conditions blanked) text holds, once each."""
    words = _cue_words()
    negative_words = words["negative_words"]
    neg = []
    # (a plain substring test first: a cue's pattern can only match where its words are)
    for c in [c for c in words["negative"] if c in low]:
        for m in _word_rx(c).finditer(low):
            if c.startswith("urge") and _keep_on_after().match(low, m.end()):
                continue  # "urged it to continue recent adjustment efforts": an encouragement
            if c == "demand" and not _demand_as_verb(low, m.start(), m.end()):
                continue  # "rising demand from China", "demand for these bonds": the market's, not a demand
            if c == "concerned" and _concerned_as_about(low, m.start(), m.end()):
                continue  # "as far as the budget is concerned", "his offer concerned buying bonds"
            if c == "difficult" and not re.match(r"\s+(?:to|for)\b", low[m.end() :]):
                continue  # "a difficult phase", "difficult issues", "in difficult times": a description, not
                # the speaker's resistance ("it was difficult to discuss capitalisation with the latter")
            if "appropriate" in c and re.match(
                r"\s+(?:for (?:us|me)\b|to (?:comment|talk|say|speculate|go into))", low[m.end() :]
            ):
                continue  # "it is not appropriate for us to talk about it": declining to comment
            if _denied_cue(c, negative_words, low[max(0, m.start() - 25) : m.start()]) or (
                c in negative_words and _neg_raised(low, m.start())
            ):
                continue  # "was not worried by the meeting", "I don't think the plan is unfair": a denied
                # judgement is no judgement
            if _held_by_agent(low, c, m.end()):
                continue  # "the steps urged by the U.S. delegation": the delegation's demand
            if not _third_party_view(low[max(0, m.start() - 40) : m.start()], c):
                neg.append(c)
                break
    return neg


# What "warm" describes when it is the weather ("the virus does not circulate as easily in warm weather").
_WEATHER_AFTER = re.compile(
    r"\s+(?:and\s+[a-z]+\s+)?(?:weather|winter|winters|summer|spring|autumn|season|months?|temperatures?|"
    r"climate|water|waters|air|days?|nights?|spell|front)\b"
)


# A duty before a way to go ("needs to be steered in the right direction", "must get back on the right
# track"): the way is demanded, not praised.
_EXHORTED = re.compile(
    r"\b(?:must|should|need|needs|needed|has to|have to|had to|ought to)\s+(?:[a-z-]+\s+){0,5}$"
)


# What "outstanding" describes when it means unsettled ("no outstanding obstacles", "$2 billion of outstanding
# debt", "the outstanding shares").
_UNSETTLED_AFTER = re.compile(
    r"\s+(?:[a-z-]+\s+)?(?:issues?|obstacles?|questions?|problems?|points?|matters?|differences?|disputes?|"
    r"debts?|loans?|bonds?|notes|shares|stock|balances?|amounts?|claims?|payments?|arrears|liabilities|"
    r"obligations|credit|mortgages?|contracts|orders|items|warrants)\b"
)


@lru_cache(maxsize=1)
def _wished() -> re.Pattern:
    """A wish or a call before a quality ("would like to see a positive statement", "called on Washington to
    be responsible", "urged Tokyo to take a more constructive approach"; the calling verbs of lexicon
    `continuation_verbs`, "call" with its "on"/"for")."""
    forms = sorted({f for v in lexicon()["continuation_verbs"]["calling_verbs"] for f in inflections(v)})
    calls = "|".join(rf"{f}\s+(?:on|for)" if f.startswith("call") else f for f in forms)
    return re.compile(
        r"\b(?:(?:would|'d) like to see|wants? to see|wanted to see"
        rf"|(?:{calls})\s+(?:[a-z.'-]+\s+){{1,4}}to\s+(?:be|play|make|take|show|adopt|give)\b)"
        r"\s+(?:[a-z-]+\s+){0,3}$"
    )


# "It would be useful for OPEC to boost output", "it would be helpful if": a suggestion to others.
_SUGGESTED = re.compile(r"\bwould be\s+(?:very\s+|more\s+|most\s+|extremely\s+)?$")


def _demanded_quality(cue: str, low: str, m: re.Match) -> bool:
    """A quality the speaker asks for ("Washington should play a more positive role", "calling for the
    United States to be 'responsible'", "would like to see a positive statement"): the one asked has not
    shown it yet; the word praises no one."""
    if cue not in lexicon().set("demanded_qualities"):
        return False
    before = low[max(0, m.start() - 60) : m.start()].rstrip(" \"'“”‘’") + " "  # 'a "positive" statement'
    if _EXHORTED.search(before) or _wished().search(before):
        return True
    return bool(_SUGGESTED.search(before) and re.match(r"\s*[\"'”’]?\s+(?:for|if|to)\b", low[m.end() :]))


def _no_praise_in_use(cue: str, low: str, m: re.Match) -> bool:
    """A positive cue word used for something else than praise: the weather ("in warm weather"), what is
    still unsettled ("outstanding debt"), a way demanded ("Ireland needs to be steered in the right
    direction": where it is not yet), a quality asked for (`_demanded_quality`)."""
    if cue == "warm":
        return bool(_WEATHER_AFTER.match(low, m.end()))
    if cue == "outstanding":
        return bool(_UNSETTLED_AFTER.match(low, m.end()))
    if "direction" in cue or "track" in cue:
        return bool(_EXHORTED.search(low[max(0, m.start() - 60) : m.start()]))
    return _demanded_quality(cue, low, m)


def _positive_cue_hits(low: str, original: str, own_code: str | None, on_date) -> tuple[list[str], list[str]]:
    """(positive cues, denied positive cues) of a text: "not helpful", "failed to be constructive" and
    "counter-productive" deny what they hold (progress denied is a negative cue of its own: "no progress")."""
    words = _cue_words()
    positive_words = words["positive_words"]
    trip_nouns = words["trip_nouns"]
    pos: list[str] = []
    denied: list[str] = []
    for c in [c for c in words["positive"] if c in low]:
        for m in _word_rx(c).finditer(low):
            before = low[max(0, m.start() - 25) : m.start()]
            if re.search(r"\b(?:counter|non|un|anti|in)-$", before):
                denied.append(f"{before.split()[-1]}{c}")  # "counter-productive", "un-helpful": the opposite
                break
            if _held_by_agent(low, c, m.end()):
                continue  # "a plan backed by Germany": Germany's support
            if _LOST.search(before) or c.startswith("confidence") and _confidence_made().search(before):
                continue  # "had lost confidence in", "a lack of confidence in", "to restore confidence in"
            if c.startswith("support") and _support_not_held().search(
                low[max(0, m.start() - 40) : m.start()]
            ):
                continue  # "will get the necessary support for it", "fresh support for Greece": aid
            if c == "confident" and not _foreign_party_next(
                original[m.end() : m.end() + 60], own_code, on_date
            ):
                continue  # "confident that British banks are well capitalized", said in London: one's own
            if _third_party_view(low[max(0, m.start() - 40) : m.start()], c) or (
                c.split()[0] in _POSITION_NOUNS
                and _held_by_another(original[max(0, m.start() - 40) : m.start()], own_code, on_date)
            ):
                continue
            if (
                c in {"promising", "encouraging"}
                and re.search(r"\b(?:is|are|was|were|be|been|'s)\s+$", before)
                and re.match(
                    r"\s+(?!and\b|but\b|or\b|for\b|as\b|enough\b|indeed\b|that\b)[a-z]", low[m.end() :]
                )
            ) or (c == "encouraging" and re.search(r"\b(?:at|by|of|in|on|for|while|without)\s+$", before)):
                # "the Fed is promising quantitative easing", "we are encouraging creditor banks to lend",
                # "aimed at encouraging more projects": a verb that promises or urges, no praise
                continue
            if (
                c in positive_words
                and re.match(rf"\s+(?:[a-z-]+\s+){{0,2}}?(?:{trip_nouns})\b", low[m.end() :])
                and re.search(
                    r"\b(?:pay|pays|paid|paying|make|makes|made|making|undertake|undertakes|undertook|on|for)"
                    r"\s+(?:a|an|the|his|her|their|its)?\s*$",
                    before,
                )
            ):
                # "will pay a friendly state visit": how a trip is
                # billed, not a judgement ("this is a historic visit" is)
                continue
            if _no_praise_in_use(c, low, m):
                continue
            if c in {"positive", "good"} and (
                _outcome_after().match(low, m.end())
                or re.search(
                    r"\b(?:outlook|situation|economy|fundamentals|conditions|prospects)\s+"
                    r"(?:is|was|are|were|remains?|remained)\s+(?:still\s+|very\s+|quite\s+)?$",
                    before,
                )
            ):
                continue  # "positive effects for the world economy", "on a positive note", "good news on the
                # economy", "the outlook is positive", "the economic situation was good": an outcome, a
                # forecast or a state of the economy, no one's stance
            # ("n't" is glued to its verb: no word boundary before it; "isn't it a welcome change?" asks and
            # denies nothing)
            if (
                re.search(
                    r"\b(?:not|no|never|nor|neither)\b|n't\b(?!\s+(?:it|this|that|there|we|you|they)\b)",
                    before,
                )
                or _neg_raised(low, m.start())
                or re.search(
                    r"\bfail(?:s|ed|ing)?\s+to(?:\s+[a-z-]+){0,3}\s+$",
                    low[max(0, m.start() - 50) : m.start()],
                )
            ):  # "have failed to be constructive"
                denied.append("not " + c)
            elif "support" not in c or not _own_side_object(original[m.end() :], own_code, on_date):
                pos.append(c)
    return pos, denied


@lru_cache(maxsize=1)
def _outcome_after() -> re.Pattern:
    """An outcome or a forecast noun (lexicon `outcome_nouns`), one word between at most, after a cue."""
    words = "|".join(sorted(map(re.escape, lexicon().set("outcome_nouns")), key=len, reverse=True))
    return re.compile(rf"\s+(?:[a-z-]+\s+)?(?:{words})\b")


@lru_cache(maxsize=1)
def _support_not_held() -> re.Pattern:
    words = "|".join(sorted(map(re.escape, lexicon()["support_not_held"]["words"]), key=len, reverse=True))
    return re.compile(rf"\b(?:{words})\s+(?:[a-z-]+\s+){{0,2}}$")


def _outcome_cue(text: str) -> str | None:
    low = text.lower()
    if re.search(r"\b(?:not|no|n't|never|without)\b", low):
        return None
    return next(
        (
            c
            for c in lexicon()["visit_outcome_positive_cues"]
            if re.search(rf"(?<![a-z]){re.escape(c)}(?![a-z])", low)
        ),
        None,
    )


def names_known_talks(text: str) -> bool:
    """Talks already known to the reader ("the talks", "the
    two sides"), not "a meeting last January" or "my meeting"."""
    low = text.lower()
    return any(
        re.search(rf"\b(?:the|these|their|today's|yesterday's)\s+(?:[a-z-]+\s+)?{re.escape(w)}\b", low)
        for w in lexicon()["visit_talk_words"]
    )


def _about_visit(
    speaker: Actor, content_text: str, targets: list[str], visits: list, loose: bool = False
) -> bool:
    """Whether what was said concerns a visit of this article made by someone other than the speaker's side.

    The loose reading (a visitor or a trip word is named at all) decides linking; the strict one decides
    whether a plain statement with no stance counts as a reaction.
    """
    low = content_text.lower()
    visit_word = any(re.search(rf"\b{w}", low) for w in VISIT_WORDS)
    talk_word = visit_word or any(re.search(rf"\b{re.escape(w)}", low) for w in lexicon()["visit_talk_words"])
    hosts_talks = names_known_talks(content_text)
    # A side that neither makes nor hosts any trip of the article ("China had taken note of the trip").
    third_side = all(speaker.code not in {v.visitor.code, v.host_code} for v in visits)
    for v in visits:
        if v.visitor.code == speaker.code:
            # The visitor's own side evaluating its talks abroad ("a very positive meeting in Frankfurt").
            if loose and ((talk_word and v.host_code in targets) or hosts_talks):
                return True
            continue
        called_off = v.status == "cancelled" or v.status_basis is StatusBasis.POSTPONED
        if called_off and re.search(r"\b(?:postponement|cancellation|delay)\b", low):
            return True  # "the postponement was regrettable": another side's called-off or put-off trip
        if hosts_talks and speaker.code == v.host_code:
            # the host side on its talks with a visitor ("described the talks as warm"): about the visit
            return True
        if third_side and (
            hosts_talks
            or re.search(
                r"\b(?:the|this|that|today's|the upcoming)\s+(?:[a-z-]+\s+)?(?:visit|trip|tour)\b", low
            )
        ):
            # a third side on "the trip"/"the meeting" of this article ("had taken note of the trip")
            return True
        person_named = any(
            re.search(rf"\b{re.escape(t)}\b", content_text)
            for t in (v.visitor.name or "").split()
            if len(t) > 2
        )
        named = person_named or v.visitor.code in targets
        if loose and (named or visit_word):
            return True
        # Strictly: the visitor by name, or a trip word with the visitor's or the host's side.
        if person_named and (visit_word or speaker.code == v.host_code):
            return True
        if visit_word and (v.visitor.code in targets or speaker.code == v.host_code):
            return True
    return False


def _said_after_meeting_the_visitor(
    verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext, visits: list
) -> bool:
    """The host side speaking after or during its meeting with a visitor of the article ("Merkel did signal
    after meeting Greek Prime Minister George Papandreou that ..."): a host-side statement on the visit."""
    visitors = {v.visitor.code for v in visits if v.host_code == speaker.code and v.visitor.code}
    if not visitors:
        return False
    events = {"meet", "talk", *VISIT_WORDS, *lexicon()["visit_talk_words"]}
    for prep in verb.children:
        if prep.dep_ != "prep" or prep.lower_ not in {"after", "following", "during", "at"}:
            continue
        objects = [c for c in prep.children if c.dep_ in {"pcomp", "pobj"}]
        # "during the first round of talks with X", "on the sidelines of a meeting with X": the event is the
        # part's "of" noun
        objects += [
            g
            for o in objects
            if o.lemma_.lower() in lexicon().set("event_parts")
            for p in o.children
            if p.dep_ == "prep" and p.lower_ == "of"
            for g in p.children
            if g.dep_ == "pobj"
        ]
        for event in objects:
            if event.lemma_.lower() not in events:
                continue
            for tok in event.subtree:
                actor = resolve_token_actor(tok, ctx, sent) if tok.pos_ == "PROPN" else None
                if actor is not None and actor.code in visitors:
                    return True
    return False


def _anaphoric_targets(verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> list[str]:
    """ "rejected the accusation", "welcomed the decision", "disagree with that decision", "objected to the
    proposal": a definite object (or object of the verb's preposition) points back to the previous sentence's
    actors."""
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        obj = next(iter(_prep_objects(verb, {"with", "to", "against"})), None)
    if obj is None or not any(
        (c.dep_ == "det" and c.lower_ in {"the", "this", "these", "that", "those", "such"})
        or (c.dep_ == "predet" and c.lower_ == "such")  # "such a grouping"
        for c in obj.children
    ):
        return []
    if obj.lemma_.lower() not in lexicon().set("anaphoric_stance_objects") or sent.index == 0:
        return []
    previous = ctx.sentences[sent.index - 1].text
    return list(
        dict.fromkeys(place.code for _, place in _target_places(previous, ctx) if place.code != speaker.code)
    )


def _domestic_media_owner(verb: Token, speaker: Actor | None, ctx: ArticleContext) -> Actor | None:
    """ "Tehran Radio quoted defence spokesman X": a state's
    own media quoting an official of unstated nationality.

    Only replaces a speaker whose country is unknown or was merely guessed from the dateline.
    """
    # The quoting verb itself, or the one whose complement this speech verb is ("quoted X telling ...").
    # "quoted X as saying ...": the speech verb hangs on "as"
    around = [verb, verb.head, *([verb.head.head] if verb.head.lower_ == "as" else [])]
    quoting = next((v for v in around if v.lemma_.lower() == "quote"), None)
    if quoting is None or (speaker is not None and speaker.code and not speaker.found.from_dateline):
        return None
    if speaker is not None and not speaker.is_state:
        return None
    outlet = next((c for c in quoting.children if c.dep_ == "nsubj"), None)
    if outlet is None or not is_media(outlet):
        return None
    hits = gazetteer().find_all(actor_span(outlet).text, ctx.published_at)
    owners = [h[3] for h in hits if h[3].kind in {"country", "demonym", "city", "metonym"}]
    if not owners:
        return None
    name = speaker.name if speaker is not None else None
    return Actor(
        name,
        owners[0].code,
        True,
        f"quoted by its own country's media ({hits[0][2]})",
        "person" if name else "office",
        speaker.title if speaker else "",
        True,
    )


_BARE_OFFICIALS = {
    "official",
    "officials",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "spokesmen",
    "authorities",
}


def _coordinated_state_owner(
    verb: Token, speaker_tok: Token, speaker: Actor | None, ctx: ArticleContext, sent: Sentence
) -> Actor | None:
    """ "Iraq promised X, but officials denied Y": bare officials
    in a clause coordinated with a state's act speak for it."""
    if speaker is not None and speaker.code:
        return None
    if speaker_tok.lemma_.lower() not in _BARE_OFFICIALS and speaker_tok.lower_ not in _BARE_OFFICIALS:
        return None
    if (
        any(c.dep_ in {"compound", "amod", "poss", "prep"} for c in speaker_tok.children)
        or verb.dep_ != "conj"
    ):
        return None
    subj = next((c for c in verb.head.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subj is None:
        return None
    owner = resolve_token_actor(subj, ctx, sent)
    if owner is None or not owner.code or owner.kind not in {"state", "office"} or not owner.is_state:
        return None
    return Actor(
        None,
        owner.code,
        True,
        f"officials of the state in the coordinated clause ({subj.text})",
        "office",
        speaker_tok.text,
        True,
    )


def _without_dateline(name: str | None, tok: Token, sent: Sentence, ctx: ArticleContext) -> str | None:
    """A subject phrase opening the story must not carry the "LONDON, April 11 -" dateline with it."""
    if not name or not ctx.dateline:
        return name
    span_start = sent.start + actor_span(tok).start_char
    if span_start < ctx.dateline.end:
        name = name[ctx.dateline.end - span_start :].strip() or None
    return name


def _backers(speaker_tok: Token) -> list[Token]:
    """The states a participle says back or join a speaker ("Britain, backed by the Netherlands and Denmark,
    opposed ..."; "France, joined by Italy, ...")."""
    participles = [
        c for holder in (speaker_tok, *speaker_tok.conjuncts) for c in holder.children if c.dep_ == "acl"
    ]
    # "Backed by France and Spain, Italy demanded ...": a fronted participle of the speaker's verb, or one the
    # parser hung on a dateline fronted that way ("BAGHDAD, Oct 2 - Backed by Ankara, Iraq demanded")
    fronted = [c for c in speaker_tok.head.children if c.dep_ == "advcl" and c.i < speaker_tok.i]
    participles += [*fronted, *(c for f in fronted for c in f.children if c.dep_ == "acl")]
    return [
        t
        for acl in participles
        if acl.tag_ == "VBN" and acl.lemma_.lower() in {"back", "support", "join"}
        for agent in acl.children
        if agent.dep_ == "agent"
        for pobj in agent.children
        if pobj.dep_ == "pobj"
        for t in (pobj, *pobj.conjuncts)
    ]


def _companions(speaker_tok: Token) -> list[Token]:
    """The names in an "along with" / "together with" phrase set off after the speaker: they say it too."""
    # (the phrase may hang on the verb, or on a dateline the parser made the subject)
    heads = [speaker_tok] + (
        [speaker_tok.head] if speaker_tok.dep_ in {"nsubj", "nsubjpass", "appos"} else []
    )
    withs = [
        w
        for h in heads
        for p in h.children
        # on the verb, before it: "Obama praised X, along with Greece and Italy" names more of those praised
        if p.dep_ in {"prep", "advmod"} and (h is speaker_tok or p.i < h.i or h.pos_ not in {"VERB", "AUX"})
        for w in ([p] if p.lower_ == "with" else [c for c in p.children if c.lower_ == "with"])
        if w.i > 0 and w.doc[w.i - 1].lower_ in {"along", "together"}
    ]
    return [
        t
        for w in withs
        for g in w.children
        if g.dep_ == "pobj"
        for t in (g, *g.conjuncts)
        if t.pos_ == "PROPN"
    ]


def _coordinated_speakers(
    cand: ReactionCandidate, speaker_tok: Token, ctx: ArticleContext, sent: Sentence
) -> list:
    """ "Britain and France have long resisted X": coordinated
    subjects share the predicate, each takes the stance. The states speaking together are taken off `cand`'s
    targets too (in place)."""
    out = []
    if speaker_tok.lower_ in RELATIVES and speaker_tok.head.dep_ == "relcl":
        speaker_tok = speaker_tok.head.head  # "Britain and France, which have long resisted the move"
    others = [(conj, resolve_token_actor(conj, ctx, sent)) for conj in speaker_tok.conjuncts]
    # "supported by the U.K., the Netherlands, West Germany and Japan": a list the parser made an apposition
    others += [
        (member, resolve_token_actor(member, ctx, sent))
        for appos in speaker_tok.children
        if appos.dep_ == "appos" and appos.pos_ == "PROPN"  # a name, not "Kuwait, a target of Iranian anger"
        for member in (appos, *appos.conjuncts)
    ]
    # "Britain and West Germany, backed by the Netherlands and Denmark, opposed X": the backers hold it too
    others += [(b, resolve_token_actor(b, ctx, sent)) for b in _backers(speaker_tok)]
    # "Germany, along with Italy, the United States and France, has been one of the critics of X"
    others += [(c, resolve_token_actor(c, ctx, sent)) for c in _companions(speaker_tok)]
    # "the British and French governments have long resisted X": each nationality of a plural office.
    others += [(speaker_tok, actor) for actor in coordinated_nationalities(speaker_tok, ctx)]
    # "Finance ministers of the United States, Canada and Japan called on China to ...": each state of a
    # plural office named by its states (the first is `cand`'s speaker)
    if speaker_tok.tag_ in {"NNS", "NNPS"} and speaker_tok.lower_ in GROUP_NOUNS:
        others += [(m, resolve_token_actor(m, ctx, sent)) for m in group_members(speaker_tok)]
    # "The United States and Europe have warned against such a grouping": Europe beside a state is the Union
    others += [
        (
            conj,
            Actor(None, historicize("EU", ctx.published_at), True, "Europe beside a state", "igo", "Europe"),
        )
        for conj in speaker_tok.conjuncts
        if conj.text == "Europe" and not any(c.dep_ in {"amod", "compound", "det"} for c in conj.children)
    ]
    others = [
        (conj, actor)
        for conj, actor in others
        if actor is not None and actor.code and actor.is_state and actor.code != cand.speaker.code
    ]
    # The states speaking together are not each other's targets ("Both France and Germany expressed concern
    # over the Greek referendum": Greece, not Germany, is what France reacts to).
    together = {cand.speaker.code} | {actor.code for _, actor in others}
    shared = [c for c in cand.target_codes if c not in together]
    # "Ghana and Britain blamed each other": each aims at the others
    mutual = bool(others) and speaker_tok.dep_ in {"nsubj", "nsubjpass"} and _reciprocal(speaker_tok.head)
    everyone = list(dict.fromkeys([cand.speaker.code, *(a.code for _, a in others), *shared]))
    if mutual:
        shared = [c for c in everyone if c != cand.speaker.code]
    if shared or others:
        # (when every target is one of those speaking together, the stance names no other)
        cand.target_codes = shared
        cand.reasons = [
            f"targets: {','.join(shared)}" if r.startswith("targets: ") else r for r in cand.reasons
        ]
    for conj, actor in others:
        out.append(
            replace(
                cand,
                speaker=actor,
                target_codes=[c for c in (everyone if mutual else cand.target_codes) if c != actor.code],
                reasons=[
                    *cand.reasons[:1],
                    f"speaker: coordinated with {cand.speaker.code} ({actor.reason})",
                    *cand.reasons[2:],
                ],
                speaker_written=written_name(conj),
            )
        )
    return out


def _act_targets(content_text: str, speaker: Actor, ctx: ArticleContext) -> list[str]:
    """The foreign states and IGOs, and the countries of the foreign people, a stance act's words name."""
    targets: list[str] = []
    named = [
        (start, place.code)
        for start, _, _, place in gazetteer().find_all(content_text, ctx.published_at)
        if not _outside_of(content_text, start)
    ]
    for _, code in sorted(
        named + _bare_commission(content_text, ctx) + _governments_by_leader(content_text, ctx)
    ):
        if code != speaker.code and code not in targets:
            targets.append(code)
    targets += [code for code in _people_named(content_text, ctx, speaker.code) if code not in targets]
    return targets


def _people_named(text: str, ctx: ArticleContext, but: str | None) -> list[str]:
    """The states of the article's people a text names by any of their names (of three letters or more), in
    the people index's order, each once, but the given one."""
    codes = [
        person.code
        for person in ctx.people.people
        if person.name
        and person.code
        and person.code != but
        and any(re.search(rf"\b{re.escape(t)}\b", text) for t in person.tokens if len(t) > 2)
    ]
    return list(dict.fromkeys(codes))


# Verbs over an act still to come by which its doer states it now ("threatened to file a complaint", "decided
# to take action").
_INTENT_HEADS = frozenset({"threaten", "vow", "pledge", "plan", "decide", "intend", "promise"})


def _stated_intent(verb: Token) -> bool:
    """An act still to come that is a position taken now: "Japan will file a complaint against the U.S.",
    "said it would lodge a protest", "threatened to summon the envoy"; not a possibility ("may summon the
    envoy"), a condition ("if it would ...") or an act another plans for it."""
    aux = {c.lower_ for c in verb.children if c.dep_ == "aux"}
    if aux & {"could", "may", "might"}:
        return False
    if "to" in aux:
        return verb.dep_ == "xcomp" and verb.head.lemma_.lower() in _INTENT_HEADS
    if verb.dep_ == "ROOT":
        return True
    return verb.dep_ == "ccomp" and verb.head.lemma_.lower() in lexicon().set("speech_verbs") | {"threaten"}


def _action_reaction(
    verb: Token, stance: str, sent: Sentence, ctx: ArticleContext, visits: list
) -> list[ReactionCandidate]:
    """A stance reported as an act; its target is a foreign
    actor anywhere in the sentence ("after the U.S. action")."""
    doc = verb.doc
    if any(c.dep_ == "neg" for c in verb.children) or (
        any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "to", "could", "may", "might", "shall", "'ll"}
            for c in verb.children
        )
        and not _stated_intent(verb)
        and not _made_to_act(verb)
        and not _seen_to(verb)
    ):
        return []  # "did not lodge a protest", "may summon the envoy": no act took place
    if any(c.dep_ == "mark" and c.lower_ in {"if", "unless", "whether"} for c in verb.children):
        return []  # "if the EU imposed an oil embargo": a condition, no act
    if verb.text[:1].isupper() and verb.i > 0:
        return []
    # The doer of an act is its subject, not a source the report is "according to" ("X has signaled his
    # opposition to ..., according to German magazine Spiegel").
    subject = next(
        (c for c in verb.children if c.dep_ == "nsubj" and c.lower_ not in _RELATIVE_PRONOUNS), None
    )
    speaker_tok = subject if subject is not None and _according_to(verb) else _speaker_token(verb)
    if speaker_tok is None or is_media(speaker_tok):
        return []
    # "BRUSSELS, June 20 - Britain and Denmark have led ...": the dateline parsed as the subject
    speaker_tok = next(iter(past_dateline(speaker_tok, sent, ctx)), speaker_tok)
    if _an_act(speaker_tok):
        return []  # "the solidarity of Opec encouraged Qatar": an act or quality says nothing
    speaker = resolve_token_actor(speaker_tok, ctx, sent)
    if (speaker is None or not speaker.code) and speaker_tok.lower_ in {"it", "they"}:
        # "Russia, India and China say they want an end to ...": the pronoun stands for those who say it
        lex = lexicon()
        up_tok = _pronoun_antecedent(speaker_tok, lex.set("speech_verbs") | set(lex["stance_verbs"]))
        if up_tok is not None and up_tok.i != speaker_tok.i:
            speaker_tok, speaker = up_tok, resolve_token_actor(up_tok, ctx, sent)
    member = _named_members(speaker_tok) if speaker is None or not speaker.code else None
    if member is not None:  # "powers like Russia, India and China want ...": the members named act
        speaker_tok, speaker = member, resolve_token_actor(member, ctx, sent)
    speaker_tok, speaker = _possessive_holder(verb, ctx, sent) or (speaker_tok, speaker)
    if speaker is None or not speaker.code or not speaker.is_state:
        return []
    if _domestic_addressee(verb, speaker, ctx):
        return []
    wanted = _directed(verb) if verb.lemma_.lower() in lexicon().set("directing_verbs") else None
    directed = _foreign_directed(verb, speaker, sent, ctx) if wanted is not None else None
    if wanted is not None and directed is None:
        return []  # "Obama wants Congress to pass the bill": a wish for one's own side
    span = actor_span(speaker_tok)
    rest = [t for t in doc if not (span.start <= t.i < span.end)]
    aimed = _verb_prep_object(verb)
    if aimed is not None:
        # "is pushing for tougher sanctions on Iran": the target is in what is pushed for, not in a clause
        # hung on it ("pushed for changes ... to recognize the clout of China") nor elsewhere in the sentence.
        clauses = [c for c in aimed.subtree if c.dep_ in {"acl", "relcl", "advcl"} and c is not aimed]
        hidden = {t.i for c in clauses for t in c.subtree}
        rest = [t for t in aimed.subtree if t.i not in hidden]
    content_text = " ".join(t.text for t in rest)
    # "wants Greece to stick to its program": the one directed is the target, no other state named
    targets = [directed.code] if directed is not None else _act_targets(content_text, speaker, ctx)
    if not targets and aimed is None:
        targets = _context_targets(speaker, speaker_tok, doc, sent, ctx)
    mentions_visit = _about_visit(speaker, content_text, targets, visits)
    refers_visit = mentions_visit or _about_visit(speaker, content_text, targets, visits, loose=True)
    if not targets and not refers_visit:
        return []
    tail = _without_full_stop(doc[verb.i : max(verb.i + 1, verb.right_edge.i + 1)])
    stance, why = _act_stance(stance, tail.text, rest, speaker, ctx, sent)
    cand = ReactionCandidate(
        sentence=sent,
        trigger=verb,
        speaker=speaker,
        stance=stance,
        quote=tail.text,
        quote_is_direct=False,
        target_codes=targets,
        content_text=content_text,
        mentions_visit=mentions_visit,
        refers_visit=refers_visit,
        reasons=[
            why,
            f"speaker: {speaker.reason}",
            f"targets: {','.join(targets) or 'visit'}",
        ],
        verb_lemma=verb.lemma_.lower(),
        speaker_written=_without_dateline(written_name(speaker_tok), speaker_tok, sent, ctx),
        evidence="stance_act",
    )
    return [cand, *_coordinated_speakers(cand, speaker_tok, ctx, sent)]


def _act_stance(
    stance: str, tail: str, rest: list[Token], speaker: Actor, ctx: ArticleContext, sent: Sentence
) -> tuple[str, str]:
    """The stance and reason of a stance act: support for a move against a party is a stand against it
    ("voiced support for military intervention in Syria", `_hostile_move`)."""
    if stance == "positive" and (move := _hostile_move(rest, speaker, ctx, sent)) is not None:
        return "negative", f"backs a move against ('{move}')"
    return stance, f"stance act verb '{tail[:40]}'"


_STRONG_STANCE = (frozenset(lexicon()["prefilter"]["strong_stance"]) | {"call", "demand"}) - {
    "deny",
    "refuse",
    "veto",
    "summon",
    "expel",
}


def _context_targets(
    speaker: Actor, speaker_tok: Token, doc: Doc, sent: Sentence, ctx: ArticleContext, previous: bool = True
) -> list[str]:
    """ "China and Russia are resisting sanctions", "Germany rebuffed
    renewed calls": a strong stance verb whose object names no state takes
    aim at the foreign actors of its sentence, else of the sentence before."""
    span = actor_span(speaker_tok)
    venues = {t.i for venue in _venues(doc) for t in venue}
    # the speakers' own phrase, with those coordinated with them ("several, notably France's X and West
    # Germany's Y, said"): no speaker is another's target, unless they aim at each other ("the U.S. and
    # Brazil blamed one another"); a clause on them still names targets ("China, which owns U.S. bonds")
    own: set[int] = set()
    # "GCC members Saudi Arabia, Kuwait ... are threatening": the members in apposition are the subject
    subject = speaker_tok.head if speaker_tok.dep_ == "appos" else speaker_tok
    if subject.dep_ in {"nsubj", "nsubjpass"} and not _reciprocal(subject.head):
        clauses = [c for c in subject.subtree if c.dep_ in {"relcl", "acl"}]
        said = {t.i for c in clauses for t in c.subtree}
        own = {t.i for t in subject.subtree} - said
    rest = " ".join(
        t.text for t in doc if not (span.start <= t.i < span.end) and t.i not in venues and t.i not in own
    )
    texts = [rest, ctx.sentences[sent.index - 1].text] if sent.index > 0 and previous else [rest]
    if previous and _acts_at_home(speaker, subject, ctx):
        texts = [rest]  # "threatens to cut off funding to California": a domestic act, aimed at no one abroad
    for text in texts:
        codes = [p.code for _, p in _target_places(text, ctx) if p.code != speaker.code]
        if codes:
            return list(dict.fromkeys(codes))
    if len(texts) > 1:
        # "Bouteflika backed the idea. The United States and Europe have warned against such a grouping",
        # "... to respond directly to Baker's remarks. He called for ...": the people of the sentence before,
        # when it names no place
        return _people_named(texts[1], ctx, speaker.code)
    return []


def _acts_at_home(speaker: Actor, subject: Token, ctx: ArticleContext) -> bool:
    """The speaker's act names places of its own state only ("the Justice Department threatens to cut off
    funding to California and eight cities across the United States"): a domestic matter, whatever the
    sentence before names."""
    verb = subject.head
    if subject.dep_ not in {"nsubj", "nsubjpass"} or not speaker.code:
        return False
    # not the speaker's reasons ("rejected the overture, saying Tokyo keeps its policy") nor a nationality
    # that qualifies what is hit ("opposed the deal on French works", "warned the ruling would hurt
    # Canadian producers"): those name the speaker's side, not where the act is aimed
    skip = {t.i for t in subject.subtree} | {
        t.i for c in verb.children if c.dep_ in {"advcl", "conj", "cc"} for t in c.subtree
    }
    words = " ".join(t.text for t in verb.subtree if t.i not in skip and t.i > subject.i and t.pos_ != "ADJ")
    codes = {p.code for _, p in _target_places(words, ctx)}
    return codes == {speaker.code}


def _reciprocal(verb: Token) -> bool:
    """ "blamed one another", "accused each other", "have each laid the blame on the other": the coordinated
    subjects aim at each other."""
    text = verb.doc[verb.i : verb.right_edge.i + 1].text.lower()
    if " one another" in text or " each other" in text:
        return True
    each = any(
        t.lower_ == "each" and t.dep_ in {"appos", "advmod", "det", "nsubj", "dep", "npadvmod"}
        for c in verb.children
        for t in (c, *c.children)
        if c.dep_ in {"nsubj", "advmod", "aux"} or c.i < verb.i
    )
    return each and re.search(r"\bthe other\b", text) is not None


def _calls_for_meeting(verb: Token) -> bool:
    """ "called for a summit with China": a proposal; "calls a popular vote", "called a news conference":
    convening something (lexicon `demand_meeting_objects`, `called_events`)."""
    words = lexicon().set("demand_meeting_objects")
    events = lexicon().set("called_events")
    return any(
        g.dep_ == "pobj" and g.lemma_.lower() in words
        for c in verb.children
        if c.dep_ == "prep" and c.lower_ == "for"
        for g in c.children
    ) or any(
        # the parser may read the event as a predicate of "call" ("called a moratorium"), but with an object
        # too it is a judgement ("called the talks a success")
        c.lemma_.lower() in events and (c.dep_ == "dobj" or (c.dep_ == "oprd" and not _has_object(verb)))
        for c in verb.children
    )


def _has_object(verb: Token) -> bool:
    return any(c.dep_ == "dobj" for c in verb.children)


def _predicate_positions(doc: Doc) -> list[tuple[Token, str, str]]:
    """(preposition under "be", stance, reason) of each position told as a prepositional predicate: "is
    against", "is in favour of", "are at odds with" (lexicon `stance_actions.predicate_positions`)."""
    entries = lexicon()["stance_actions"]["predicate_positions"]
    holders = lexicon()["stance_actions"]["holder_nouns"]
    out = []
    for t in doc:
        if t.lower_ == "against" and t.dep_ == "prep" and t.head.lemma_ == "be":
            out.append((t, "negative", "position 'against'"))
        elif t.lower_ in entries and not t.lower_.startswith("_") and t.dep_ == "pobj":
            prep, takes, stance = entries[t.lower_]
            under = t.head
            if (
                under.lower_ == prep
                and under.dep_ == "prep"
                and under.head.lemma_ == "be"
                and any(c.dep_ == "prep" and c.lower_ == takes for c in (*t.children, *under.head.children))
            ):
                out.append((under, stance, f"position '{prep} {t.lower_} {takes}'"))
        elif (entry := _adverbial_position(t)) is not None:
            prep, takes, stance = entry
            out.append((t.head, stance, f"position '{prep} {t.lower_} {'/'.join(takes)}'"))
        elif t.lemma_.lower() in holders and not t.lemma_.startswith("_"):
            attr = _holder_attribute(t)
            if attr is not None:
                out.append((attr, holders[t.lemma_.lower()], f"holder of a position '{t.text} of'"))
    return out


def _adverbial_position(noun: Token) -> list | None:
    """The lexicon entry ([preposition, the prepositions the noun takes, stance]) of a position told by a
    phrase on a verb other than "be" ("filed a brief in support of Argentina's bid", "voted in favour of the
    plan"; lexicon `stance_actions.adverbial_positions`), if the noun heads one."""
    entry = lexicon()["stance_actions"]["adverbial_positions"].get(noun.lower_)
    if not isinstance(entry, list) or noun.dep_ != "pobj":
        return None
    prep, takes, _ = entry
    under = noun.head
    # the phrase may hang on the verb's object ("filed a brief in support of")
    verb = under.head.head if under.head.dep_ == "dobj" else under.head
    held = (
        under.lower_ == prep
        and under.dep_ == "prep"
        and verb.pos_ == "VERB"
        and verb.lemma_ != "be"
        # the parser may hang what the position is on ("in protest at the visit") on the word before
        and any(c.dep_ == "prep" and c.lower_ in takes for c in (*noun.children, *under.head.children))
    )
    return entry if held else None


def _holder_attribute(noun: Token) -> Token | None:
    """The attribute of "be" a holder noun with "of" is, itself or through "one of" ("France has been a vocal
    critic of the euro's strength", "Germany has been one of the most fervent critics of ...")."""
    if not any(
        c.dep_ == "prep" and c.lower_ == "of" and any(g.dep_ == "pobj" for g in c.children)
        for c in noun.children
    ):
        return None
    attr = noun
    if noun.dep_ == "pobj" and noun.head.lower_ in {"of", "among"}:
        attr = noun.head.head if noun.head.lower_ == "of" and noun.head.head.lower_ == "one" else noun.head
    if attr.dep_ not in {"attr", "prep"} or attr.head.lemma_ != "be":
        return None
    if any(c.dep_ == "aux" and c.lower_ in {"would", "could", "might", "may"} for c in attr.head.children):
        return None  # "Hamilton, were he alive, would be a strong advocate of such a step": supposed
    return attr


# A position held once but no more: "until recently has been sympathetic to", "is no longer opposed to".
_NO_LONGER = re.compile(r"\b(?:until|till) (?:recently|lately)\b|\bno longer\b")


def _adjective_reactions(
    doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list
) -> list[ReactionCandidate]:
    """A position as a predicate adjective: "he was critical of wider Europe", "Britain is opposed to the
    plan", "Washington was concerned by the violence". The target is a foreign actor named in the sentence."""
    adjectives = lexicon()["stance_adjectives"]
    out: list[ReactionCandidate] = []
    for against, stance, why in _predicate_positions(doc):
        # "Germany is strictly against", "Italy ... is against countries introducing the measure": "against"
        # as the predicate is a position like "opposed to"; so are "in favour of" and "at odds with"
        if any(c.dep_ == "neg" for c in against.head.children):
            continue
        # the verb, also of a phrase hung on its object ("filed a brief in support of")
        holder = against.head.head if against.head.dep_ == "dobj" else against.head
        while holder.dep_ == "conj" and not any(c.dep_ == "nsubj" for c in holder.children):
            holder = holder.head  # "Italy supports the idea ... but is against ...": the first verb's subject
        subj = next((c for c in holder.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
        subj = next(iter(past_dateline(subj, sent, ctx)), subj) if subj is not None else None
        cand = _act_candidate(against, subj, stance, why, sent, ctx, visits) if subj is not None else None
        if cand is not None:
            out.append(cand)
            out.extend(_coordinated_speakers(cand, subj, ctx, sent))
    for adj in doc:
        passive_form = any(c.dep_ == "auxpass" for c in adj.children) and (
            adj.lower_ in {"concerned", "worried", "upset", "frustrated"}  # "Japan was upset with ..."
            # "Britain was opposed to the plan", parsed as a passive: the position "opposed to", no one's act
            or adj.lower_ == "opposed"
            and any(c.dep_ == "prep" and c.lower_ == "to" for c in adj.children)
            and not any(c.dep_ == "agent" for c in adj.children)
        )
        entry = adjectives.get(adj.lower_) if adj.dep_ in {"acomp", "amod", "oprd"} or passive_form else None
        if (
            not entry
            or adj.dep_ == "amod"
            and adj.head.pos_ != "AUX"
            or any(c.dep_ == "neg" for c in (*adj.head.children, *adj.children))
            or adj.i > 0
            and adj.doc[adj.i - 1].lower_ in {"not", "n't", "never"}
            or _NO_LONGER.search(adj.doc[max(0, adj.i - 6) : adj.i].text.lower())
        ):
            continue  # "was not angry at anybody"; "until recently has been sympathetic to": held no more
        worried_that = adj.lower_ in {"concerned", "worried"} and any(
            c.dep_ == "ccomp" and any(m.dep_ == "mark" and m.lower_ == "that" for m in c.children)
            for c in adj.children
        )  # "France was concerned that the U.S. plan ...": what worries it is the clause
        bare = (
            worried_that
            or adj.lower_ == "opposed"
            and not any(
                c.dep_ in {"prep", "agent", "ccomp", "xcomp"} for c in [*adj.children, *adj.head.children]
            )
        )  # "Britain, Japan and West Germany are all opposed": what to, the sentences around say
        aimed = [
            c
            for c in [*adj.children, *adj.head.children]
            if c.dep_ in {"prep", "agent"} and c.lower_ in entry[1]
        ]
        if not bare and not aimed:
            continue
        if entry[2:] == ["named"] and not any(_a_named_object(g, ctx) for c in aimed for g in c.children):
            continue  # "optimistic about Brazil", not "optimistic about the likelihood of ..."
        subj = _adjective_holder(adj, passive_form)
        # "PARIS, March 22 - Britain and Japan are opposed": the dateline parsed as the subject
        subj = next(iter(past_dateline(subj, sent, ctx)), subj) if subj is not None else None
        cand = (
            _act_candidate(
                adj,
                subj,
                entry[0],
                f"position adjective '{adj.text}'",
                sent,
                ctx,
                visits,
                stand=adj.lower_ in lexicon().set("state_stand_adjectives"),
            )
            if subj is not None
            else None
        )
        if cand is not None:
            out.append(cand)
            # "West Germany and Ireland are opposed to the steps": each coordinated state holds the position
            out.extend(_coordinated_speakers(cand, subj, ctx, sent))
    return out


def _a_named_object(tok: Token, ctx: ArticleContext) -> bool:
    """The object of a preposition is a state or body by its name ("about Brazil", "over Washington")."""
    return tok.dep_ == "pobj" and bool(
        gazetteer().find_all(tok.doc[tok.left_edge.i : tok.i + 1].text, ctx.published_at)
    )


def _adjective_holder(adj: Token, passive_form: bool) -> Token | None:
    """Who holds a predicate adjective's position: the subject of its copula; a passive form heads its own
    clause ("a source said Japan was upset with ...", "the Americans are getting frustrated at ...", the
    subject hung on "getting"), and the verb a clause of it reports holds no position of its own (not the
    speaker of "'... are getting frustrated at Japan,' said Tanaka")."""
    subjects = {"nsubj", "nsubjpass"}
    if passive_form:
        own = [
            c for t in (adj, *(c for c in adj.children if c.dep_ in {"aux", "auxpass"})) for c in t.children
        ]
        found = next((c for c in own if c.dep_ in subjects), None)
        if found is not None or adj.dep_ == "ccomp":
            return found
    return next((c for c in adj.head.children if c.dep_ in subjects), None)


def _act_quote(trigger: Token, sent: Sentence, ctx: ArticleContext) -> str:
    """The words of a position's phrase: a passive form heads its clause ("France was worried by ..."), so its
    words from the form on; never the dateline the parser hung on the phrase ("WASHINGTON, March 3 - U.S.
    frustration with Japan")."""
    doc = trigger.doc
    start = trigger.i if trigger.tag_ == "VBN" else trigger.left_edge.i
    if ctx.dateline is not None:
        past = [
            t.i
            for t in doc[start : trigger.i + 1]
            if sent.start + t.idx >= ctx.dateline.end and not t.is_punct
        ]
        start = past[0] if past else start
    return _without_full_stop(doc[start : trigger.right_edge.i + 1]).text


def _without_full_stop(span: Span) -> Span:
    """A phrase without the punctuation that closes its sentence (a verb or form heading the sentence spans
    it: "pushing for tougher sanctions on Iran."); a closing quote or bracket stays."""
    end = span.end
    while (
        end - 1 > span.start and span.doc[end - 1].is_punct and span.doc[end - 1].text not in {'"', "”", ")"}
    ):
        end -= 1
    return span.doc[span.start : end]


def _act_candidate(
    trigger: Token,
    speaker_tok: Token,
    stance: str,
    why: str,
    sent: Sentence,
    ctx: ArticleContext,
    visits: list,
    context_targets: bool = True,
    stand: bool = False,
    co_holders: frozenset[str] = frozenset(),
) -> ReactionCandidate | None:
    """A reaction whose holder is speaker_tok, aimed at a foreign actor anywhere else in the sentence (else,
    with `context_targets`, at those `_context_targets` finds around it; else, for a `stand`, at no named one
    when the holder is a state by its own name, as `_stand_of_a_named_state` reads a verb). Those who hold the
    same position (`co_holders`' codes) are none of its targets while another is named."""
    speaker = resolve_token_actor(speaker_tok, ctx, sent)
    if speaker is None or not speaker.code or not speaker.is_state or is_media(speaker_tok):
        return None
    doc = trigger.doc
    span = actor_span(speaker_tok)
    content_text = " ".join(t.text for t in doc if not (span.start <= t.i < span.end))
    said = _without_credit_lines(content_text)
    # ("pleased with the cooperation of non-OPEC producers": those outside a group are not the group. Not
    # all of `_target_places`: its currency filter, tried here, lost a right row on unread news)
    named = list(
        dict.fromkeys(
            p.code
            for start, *_, p in gazetteer().find_all(said, ctx.published_at)
            if p.code != speaker.code and not _outside_of(said, start)
        )
    )
    # (when no one else is named, the co-holders stay: "resisted calls from the EU and the IMF to raise VAT")
    targets = [c for c in named if c not in co_holders] or named
    if not targets and context_targets:
        targets = _context_targets(speaker, speaker_tok, doc, sent, ctx)
    if not targets and not (stand and _named_as_a_state(speaker, speaker_tok, ctx)):
        return None
    about = _about_visit(speaker, content_text, targets, visits)
    refers = about or _about_visit(speaker, content_text, targets, visits, loose=True)
    found = _ActFound(speaker, stance, why, targets, content_text, about, refers)
    return _act_reaction(trigger, speaker_tok, found, sent, ctx)


@dataclass(frozen=True)
class _ActFound:
    """What a position reported as an act holds: its holder, stance, reason, targets and text, and whether it
    mentions (or refers to) a visit."""

    speaker: Actor
    stance: str
    why: str
    targets: list[str]
    content_text: str
    mentions_visit: bool = False
    refers_visit: bool = False


def _act_reaction(
    trigger: Token, speaker_tok: Token, found: _ActFound, sent: Sentence, ctx: ArticleContext
) -> ReactionCandidate:
    """The candidate of a position reported as an act."""
    return ReactionCandidate(
        sentence=sent,
        trigger=trigger,
        speaker=found.speaker,
        stance=found.stance,
        quote=_act_quote(trigger, sent, ctx),
        quote_is_direct=False,
        target_codes=found.targets,
        content_text=found.content_text,
        mentions_visit=found.mentions_visit,
        refers_visit=found.refers_visit,
        reasons=[found.why, f"speaker: {found.speaker.reason}", f"targets: {','.join(found.targets)}"],
        verb_lemma=trigger.lemma_.lower(),
        speaker_written=written_name(speaker_tok),
        evidence="stance_act",
    )


_FELT_POSITIONS = frozenset(
    {"frustration", "displeasure", "dissatisfaction", "criticism", "backing", "insistence", "pressure"}
)


# Verbs whose object is a position others take up against (or for) the subject: "the plan drew objections
# from China", "sparked protests from Brazil", "won praise from Japan", "received strong backing from the
# German government" (the holders follow "from").
_DRAW_VERBS = frozenset(
    {"draw", "attract", "provoke", "spark", "prompt", "trigger", "face", "elicit", "earn", "win", "meet"}
    | {"receive", "get", "gain", "garner"}
)


def _joining_verb(noun: Token) -> Token | None:
    """The "join" whose object the position is ("joined calls for ...", "joined the chorus of criticism")."""
    joined = noun.head.head if noun.dep_ == "pobj" and noun.head.lower_ == "of" else noun
    return joined.head if joined.dep_ == "dobj" and joined.head.lemma_.lower() == "join" else None


_WHAT_A_POSITION_IS_ON = frozenset({"to", "of", "over", "against"})


def _from_after_its_object(prep: Token) -> list[Token]:
    """ "objections to the tax from Portugal and Spain", "opposition to the plan from France": the parser
    hangs the holder's "from" on the thing the position is on. Read so only right after a definite noun ("the
    tax", "the plan"), not after goods ("objections to imports from Japan": where they come from)."""
    return [
        g
        for obj in prep.children
        if obj.dep_ == "pobj"
        and obj.pos_ == "NOUN"
        and any(c.dep_ == "det" and c.lower_ in {"the", "this", "that"} for c in obj.children)
        for p in obj.children
        if p.dep_ == "prep" and p.lower_ == "from" and p.i == obj.i + 1
        for g in p.children
        if g.dep_ == "pobj"
    ]


def _position_owners(noun: Token) -> list[Token]:
    """Who holds the position a stance noun names: "objections from China", "a demand made by Iraq", "China's
    objections", "French demands", each of a coordinated group ("calls from Spain and Italy")."""
    # "French demands", "China's objections"; not "the Greek
    # opposition" (a party): a modifier holds a plural noun.
    owners = [
        c
        for c in noun.children
        if c.i < noun.i
        and (
            c.dep_ == "poss"
            or (c.dep_ in {"amod", "compound"} and noun.tag_ == "NNS")
            # "U.S. frustration", "U.S. criticism": a feeling or a judgement, not "U.S. demand for oil" (the
            # market) nor "a WTO complaint" (filed there)
            or (c.dep_ == "compound" and c.pos_ == "PROPN" and noun.lemma_.lower() in _FELT_POSITIONS)
        )
    ]
    # "its demands from the Afghan government": with an owner of its own, "from" names whom it is made on
    owned = any(c.dep_ == "poss" for c in noun.children)
    for child in noun.children:
        if child.dep_ == "prep" and (child.lower_ == "by" or child.lower_ == "from" and not owned):
            owners += [g for g in child.children if g.dep_ == "pobj"]
        elif child.dep_ == "prep" and child.lower_ in _WHAT_A_POSITION_IS_ON and not owned:
            owners += _from_after_its_object(child)
        elif child.dep_ == "acl" and child.tag_ == "VBN":
            agent = _agent(child)
            owners += [agent] if agent is not None else []
    if (
        noun.dep_ in {"nsubj", "nsubjpass"}
        and noun.head.lemma_.lower() in {"receive", "come", "pour"}
        and not any(c.dep_ in {"dobj", "poss"} for c in (*noun.head.children, *noun.children))
    ):
        # "Protests had been received from the U.S., Canada and Argentina", "criticism came from Paris"
        owners += [
            g for p in noun.head.children if p.dep_ == "prep" and p.lower_ == "from" for g in p.children
        ]
    # "X joined calls for Beijing to ...", "joined the chorus of criticism": who joins holds it too
    joining = _joining_verb(noun)
    if joining is not None:
        owners += [c for c in joining.children if c.dep_ == "nsubj"]
    if (
        noun.dep_ == "dobj"
        and noun.head.lemma_.lower() in _DRAW_VERBS
        and not any(c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in noun.children)
    ):
        # "the move drew objections from China": the parser hangs "from China" on the verb, not on the noun
        owners += [
            g
            for p in noun.head.children
            if p.dep_ == "prep" and p.lower_ == "from" and p.i > noun.i
            for g in p.children
            if g.dep_ == "pobj"
        ]
    owners += _under_pressure_from(noun)
    # "protests from other exporters, such as Senegal, Malaysia and Brazil": the named members hold it
    owners += [m for o in list(owners) if o.pos_ == "NOUN" for m in [_named_members(o)] if m is not None]
    # "protests from exporting countries, led by the United States": the state leading the group holds it too
    owners += [
        agent
        for o in list(owners)
        if o.pos_ == "NOUN"
        for acl in o.children
        if acl.dep_ == "acl" and acl.lemma_.lower() in {"lead", "head"}
        for agent in [_agent(acl)]
        if agent is not None
    ]
    doc = noun.doc
    # "the leaders of Germany, Italy and Spain": each state of the group behind a plain noun.
    owners += [
        g
        for o in owners
        if o.pos_ == "NOUN"
        for p in o.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
    ]
    # The holder is named in its own words ("calls by U.S.
    # officials for China ...": the officials, not China), or by its leader ("the Reagan administration").
    return [
        t
        for o in owners
        for t in (o, *o.conjuncts)
        if t.pos_ in {"PROPN", "ADJ"}
        or gazetteer().find_all(doc[t.left_edge.i : t.i + 1].text)
        or _named_by_its_leader(t)
    ]


def _named_by_its_leader(tok: Token) -> bool:
    """A government named by its leader ("the Reagan administration", "the Thatcher government"); whether the
    name is a leader's is left to the actor's resolution (the leaders table)."""
    return tok.lemma_.lower() in GOVERNMENT_TITLES and any(
        c.dep_ == "compound" and c.pos_ == "PROPN" for c in tok.children
    )


# Verbs by which a proposal or its author holds the support of others: "the plan has the support of France",
# "won the backing of Germany", "with the support of Italy" (the holders follow "of").
_HOLD_SUPPORT_VERBS = frozenset({"have", "win", "gain", "enjoy", "secure", "get", "receive", "enlist"})
_SUPPORT_NOUNS = frozenset({"support", "backing", "blessing", "endorsement"})


def _support_holders(noun: Token) -> list[Token]:
    """The holders of a support noun held by its proposal: "has the support of France, the Netherlands and
    Italy", "won the support of several countries, including Brazil and China" (not "support of the plan",
    where "of" names what is supported)."""
    if noun.lemma_.lower() not in _SUPPORT_NOUNS or noun.dep_ != "dobj":
        return []
    verb = noun.head
    if (
        verb.lemma_.lower() not in _HOLD_SUPPORT_VERBS
        or verb.dep_ == "xcomp"
        or any(c.dep_ == "neg" or c.dep_ == "aux" and c.tag_ in {"MD", "TO"} for c in verb.children)
    ):
        return []  # "will need to win the backing of Obama": support not held yet
    return [
        t
        for p in noun.children
        if p.dep_ == "prep" and p.lower_ == "of"
        for g in p.children
        if g.dep_ == "pobj"
        # "won the support of several emerging countries, including Brazil and China": the members named
        for m in (_named_members(g) or g,)
        for t in (m, *m.conjuncts)
        if t.pos_ == "PROPN"
    ]


# What a singular "demand" of the market is said to be ("falling demand", "domestic demand", "oil demand").
_MARKET_DEMAND = frozenset(
    "falling rising growing slowing weakening strengthening increased reduced strong weak weaker stronger "
    "robust sluggish firm solid huge higher lower domestic consumer global world import export oil energy "
    "seasonal private internal external foreign".split()
)


# Prepositions under which a pressure is borne by the clause's subject.
_BORNE_UNDER = frozenset({"despite", "under", "amid"})


def _borne_pressure(noun: Token) -> bool:
    """ "despite intense pressure from the Reagan Administration, Ottawa was not considering ...", "the
    Japanese government, under pressure from the United States, agreed ...": pressure borne by the clause's
    subject from the one who puts it on (`_put_on_by_a_name` asks that one be named)."""
    return noun.lemma_.lower() == "pressure" and noun.head.dep_ == "prep" and noun.head.lower_ in _BORNE_UNDER


def _put_on_by_a_name(noun: Token) -> bool:
    """The pressure's "from" names a state or a government ("from the United States", "from the Reagan
    Administration"), or those who may be listed with one ("from the markets and the European Union"), or
    it has none ("under U.S. pressure"); not a thing ("from tight fiscal policy in Denmark")."""
    sources = [g for c in noun.children if c.dep_ == "prep" and c.lower_ == "from" for g in c.children]
    return all(_names_an_actor(g) or g.tag_ == "NNS" for g in sources if g.dep_ == "pobj")


def _is_demand(noun: Token) -> bool:
    """ "calls from X for Y", "a demand made by X", "French
    demands that": not a phone call or consumer demand."""
    if noun.tag_ == "NNS" and noun.lemma_.lower() == "demand":
        return True
    if noun.lemma_.lower() == "demand" and any(
        c.dep_ in {"amod", "compound"} and c.lower_ in _MARKET_DEMAND for c in noun.children
    ):
        return False  # "falling demand from the U.S. for Taiwanese steel", "China's huge demand for pork"
    if _borne_pressure(noun):
        return True
    # "joined the chorus of calls for Beijing to abandon the peg": the "for" clause may hang on "joined"
    joining = _joining_verb(noun)
    return (
        (joining is not None and _for_clause(joining))
        or any(
            c.dep_ in {"acl", "ccomp", "relcl"} or (c.dep_ == "prep" and c.lower_ in {"for", "to"})
            for c in noun.children
        )
        or _for_clause(noun)
        or _infinitive_after(noun)
    )


def _infinitive_after(noun: Token) -> bool:
    """ "resisted calls from the EU to raise VAT": the parser hangs the demand's infinitive on the verb whose
    object the noun is, right after the noun's phrase."""
    return noun.dep_ == "dobj" and any(
        c.dep_ == "advcl" and c.left_edge.i == noun.right_edge.i + 1 and c.left_edge.lower_ == "to"
        for c in noun.head.children
    )


def _for_clause(tok: Token) -> bool:
    """ "calls for China to let the yuan rise": the parser's "for" clause (an advcl marked "for")."""
    return any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for c in tok.children
    )


_PARTY_WORDS = frozenset({"party", "parties", "leader", "leaders", "lawmakers", "politician", "politicians"})


def _the_opposition(noun: Token) -> bool:
    """A country's political opposition ("Greece's main opposition", "the opposition party", "opposition
    lawmakers"), not a position against something (that one is "to", "from" or "against" something)."""
    if any(
        c.dep_ == "amod" and c.lower_ in {"main", "largest", "biggest", "parliamentary"}
        for c in noun.children
    ):
        return True
    if noun.dep_ in {"compound", "amod"} and noun.head.lower_ in _PARTY_WORDS | {"deputies", "members"}:
        return True
    return noun.head.lower_ == "of" and noun.head.head.lower_ in _PARTY_WORDS | {"chief", "head"}


def _given_up(noun: Token) -> bool:
    """A position its holder sets aside or drops ("put their objections aside", "withdrew its objection",
    "dropped its opposition to")."""
    verb = noun.head
    # the holder's own position ("its", "their"); "brushed aside calls from Spain" rejects others' position
    if noun.dep_ != "dobj" or not any(c.dep_ == "poss" and c.pos_ == "PRON" for c in noun.children):
        return False
    if verb.lemma_.lower() in {"drop", "withdraw", "abandon", "shelve", "lift", "waive"}:
        return True
    return verb.lemma_.lower() in {"put", "set", "lay"} and any(
        c.lower_ == "aside" for c in (*verb.children, *noun.children)
    )


_DENYING_VERBS = frozenset({"deny", "refute", "rebut", "dismiss", "reject"})
_HEARSAY_NOUNS = frozenset({"report", "suggestion", "speculation", "claim", "rumour", "rumor", "allegation"})


def _denied(noun: Token) -> bool:
    """A position told inside what someone denies ("denied that Lisbon was under pressure", "denied a report
    that Lisbon was under pressure from Berlin")."""
    ups = list(noun.ancestors)
    for i, up in enumerate(ups):
        if up.lemma_.lower() not in _DENYING_VERBS or up.pos_ not in {"VERB", "AUX"}:
            continue
        below = ups[i - 1] if i > 0 else noun
        if up.lemma_.lower() == "deny" or (below.lemma_.lower() in _HEARSAY_NOUNS and below.dep_ == "dobj"):
            return True
    return False


def _nominal_reactions(
    doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list
) -> list[ReactionCandidate]:
    """Positions reported as nouns with their holder: "in the face of
    opposition from Germany", "insistent demands from Tokyo and Seoul", "French
    demands that ...". The target is a foreign actor anywhere in the sentence."""
    nouns = {k: v for k, v in lexicon()["stance_nouns"].items() if v in {"negative", "positive"}}
    out: list[ReactionCandidate] = []
    for noun in doc:
        for holder in _support_holders(noun) if noun.pos_ == "NOUN" else []:
            # the plan that has their support is what they back: a target named before is its author
            cand = _act_candidate(noun, holder, "positive", f"holds the '{noun.text}' of", sent, ctx, visits)
            backed = next((c for c in noun.head.children if c.dep_ == "nsubj"), None)
            backed_actor = resolve_token_actor(backed, ctx, sent) if backed is not None else None
            if cand is not None and not (backed_actor and backed_actor.code == cand.speaker.code):
                out.append(cand)  # not "Gephardt has the support of Wright": one's own side
        stance = nouns.get(noun.lemma_.lower()) if noun.pos_ == "NOUN" else None
        if stance is None or any(
            c.dep_ in {"neg", "det"} and c.lower_ in {"no", "not", "without"} for c in noun.children
        ):
            continue
        if noun.lemma_.lower() in {"call", "demand", "pressure"} and not _is_demand(noun):
            continue  # (not "pressure from investors", "price pressures": "pressure from X to do Y" is one)
        if noun.lemma_.lower() == "threat" and not any(
            c.dep_ == "acl" and _to_verb(c) for c in noun.children
        ):
            continue  # a threat made is one to act ("its threat to impose tariffs"), not "a threat to growth"
        if noun.lemma_.lower() == "opposition" and _the_opposition(noun):
            continue
        if _given_up(noun):
            continue  # "willing to put their objections aside", "dropped its opposition": no longer held
        if _denied(noun):
            continue  # "denied a report that Lisbon was under pressure from Berlin": not held, it says
        if _borne_pressure(noun) and not _put_on_by_a_name(noun):
            continue
        owners = _position_owners(noun)
        # "pressure from London and Washington": those who hold it together are not each other's targets
        co_holders = frozenset(
            a.code for o in owners if (a := resolve_token_actor(o, ctx, sent)) is not None and a.code
        )
        for owner in owners:
            why = f"position noun '{noun.text}'"
            # (an "opposition" to nothing may be the political one: "Greece's anti-bailout opposition")
            stand = noun.lemma_.lower() in lexicon().set("state_stand_nouns") and (
                noun.lemma_.lower() != "opposition" or any(p.lower_ == "to" for p in noun.children)
            )
            cand = _act_candidate(
                noun,
                owner,
                stance,
                why,
                sent,
                ctx,
                visits,
                context_targets=False,
                stand=stand,
                co_holders=co_holders,
            )
            if cand is not None:
                out.append(cand)
    return out


def _not_a_statement(verb: Token, lemma: str, doc: Doc, sent: Sentence, ctx: ArticleContext, quotes) -> bool:
    """A name, a host receiving a visitor, a reporter's question, a proposal, or a verb inside a quotation."""
    if (
        verb.text[:1].isupper()
        and verb.i > 0
        and doc[verb.i - 1].text not in {'"', "“", "'"}
        and not doc[verb.i - 1].text.endswith(".")
    ):
        # A capitalised "Said" mid-sentence is a name; after "U.S." it is the old wire's capital after an
        # abbreviation ("The U.S. Said it was disappointed").
        return True
    if lemma in {"welcome", "greet", "receive"} and any(
        c.dep_ == "dobj"
        and ctx.people.person_at(sent.start + c.idx, sent.start + c.idx + len(c.text)) is not None
        for c in verb.children
    ):
        return True  # "welcomed President X to Cairo": receiving a person is hosting, not a statement
    if (
        lemma in {"ask", "press"}
        and (verb.tag_ == "VBN" or verb.i == 0 or doc[verb.i - 1].text in {'"', "“", "'"})
        and not any(c.dep_ == "nsubj" for c in verb.children)
    ):
        # "Asked whether ..., X said", "when pressed on ...": a reporter's question, not a demand
        return True
    if verb.dep_ == "amod" or (lemma == "call" and _calls_for_meeting(verb)):
        return True  # "pressing business"; "called for a summit with China": a proposal, not a demand
    if lemma == "insist" and not _insists_on_a_change(verb):
        return True  # "Ireland has insisted that its debt is sustainable": a claim about itself, no demand
    # A verb inside a quotation is what is said, not the act of saying it.
    if any(qs <= verb.idx < qe for qs, qe, _ in quotes):
        return True
    # '"I believe this is a positive signal. ...," said Huo': an opinion in the first person is inside a quote
    # that may run over several sentences; whose it is, the quote's attribution says
    return lemma in lexicon().set("opinion_verbs") and any(
        c.dep_ == "nsubj" and c.lower_ in {"i", "we"} for c in verb.children
    )


def _insists_on_a_change(verb: Token) -> bool:
    """ "Iraq insisted on a formal ceasefire", "France insists that farm disputes be resolved in GATT",
    "Britain has insisted that there can be no extra cash", "Berlin is insisting the fund should be a last
    resort": insisting on something, or that something be, should or must (not) be done, is a demand or a
    refusal; insisting that something is so ("insisted its debt is sustainable") is a claim."""
    on = [g for c in verb.children if c.dep_ == "prep" and c.lower_ == "on" for g in c.children]
    if on:
        # (not "an official, who insisted on anonymity")
        return not any(g.lemma_.lower() == "anonymity" for g in on)
    for clause in (c for c in verb.children if c.dep_ == "ccomp"):
        auxes = {a.lower_ for a in clause.children if a.dep_ in {"aux", "auxpass"}}
        if auxes & {"should", "must", "ought"}:
            return True
        denied = any(t.lower_ in {"no", "not", "n't", "never"} for t in clause.subtree)
        if denied and auxes & {"can", "could", "cannot", "will", "would"}:
            return True
        if clause.tag_ == "VB" and not auxes - {"be"}:
            return True  # a subjunctive: "that the EC comply", "that herring be processed at home"
    return False


_HELP_NOUNS = frozenset(
    {"help", "aid", "assistance", "support", "loan", "loans", "money", "funds", "funding", "financing"}
    | {"credit", "bailout", "rescue"}
)


def _asks_for_help(verb: Token) -> bool:
    """A request for help for the speaker's side ("asked the World Bank to give Sri Lanka ... support", "asked
    for help", "asked to tap a rescue fund"), or for anything from the one asked ("asked the U.S. for a
    supercomputer"; not for a change, a ban or action: lexicon `asked_for_demands`), takes no stance against
    the one asked (unlike "asked Spain to provide more details"), and so does urging a lender to pay out
    ("would urge the IMF to release a 480 mln dlrs compensatory loan")."""
    if verb.lemma_.lower() not in {"ask", "appeal", "urge"}:
        return False
    asked = [g for p in verb.children if p.dep_ == "prep" and p.lower_ == "for" for g in p.children]
    if (
        verb.lemma_.lower() == "ask"
        and asked
        and any(c.dep_ in {"dobj", "dative"} for c in verb.children)
        and not any(c.dep_ in {"xcomp", "ccomp"} for c in verb.children)
        and not any(t.lemma_.lower() in lexicon().set("asked_for_demands") for t in asked)
    ):
        # "Malaysia has asked Japan for a 42 billion yen loan", "Kuwait has asked four countries for use of
        # their flags": asking someone for something is a request to them, no stance on what they do (unless
        # it is for a change, an apology, an end, a ban: "asked Japan for a change in policy")
        return True
    for comp in (c for c in verb.children if c.dep_ in {"xcomp", "ccomp"}):
        if comp.lemma_.lower() in {"tap", "lend", "borrow", "finance", "fund", "bankroll"}:
            return True
        if comp.lemma_.lower() in {"give", "provide", "extend", "grant", "send", "release", "disburse"}:
            # the object's own words ("6.5 billion rupees balance of payments support")
            asked += [t for c in comp.children if c.dep_ == "dobj" for t in c.subtree]
    return any(t.lower_ in _HELP_NOUNS or t.lemma_.lower() in _HELP_NOUNS for t in asked)


# Adverbs that make a verb one of going on ("press ahead", "press on", "push forward"), not of a stance.
_GOING_ON = frozenset({"ahead", "on", "forward"})


def _positions_held(verb: Token, lemma: str) -> set[str]:
    """The auxiliaries with which a position verb states a position held now ("The World Bank will support Sri
    Lanka's program", "X will resist pressure for ..."; lexicon `position_verbs`): "will", when said (the main
    verb or under a speech verb, not hoped or doubted by another) and not a phrasal verb ("back off", "press
    ahead with the idea": going on, no demand)."""
    lex = lexicon()
    if lemma not in lex.set("position_verbs") or any(
        c.dep_ == "prt" or (c.dep_ == "advmod" and c.lower_ in _GOING_ON) for c in verb.children
    ):
        return set()
    if verb.dep_ == "ROOT":
        return {"will"}
    if verb.head.lemma_.lower() in lex.set("speech_verbs"):
        # "Bonn said it would veto the plan": the past of a speech verb puts its "will" back to "would"
        return {"will", "would"} if verb.head.tag_ == "VBD" else {"will"}
    return set()


def _backed_by_a_state(verb: Token) -> bool:
    """A passive "back" whose doer is named as a state or its office ("the plan, strongly backed by Britain
    and West Germany", "is backed by the government"), not a thing ("bonds backed by government assets")."""
    return any(
        _names_an_actor(g) for a in verb.children if a.dep_ == "agent" for g in a.children if g.dep_ == "pobj"
    )


def _backs_the_speaker(verb: Token) -> bool:
    """A participle "backed by X" on the subject of a clause ("Britain, backed by the Netherlands, opposed",
    "Backed by France, Italy demanded"): X shares that subject's stance, it is not a stance on the subject."""
    if verb.tag_ != "VBN" or any(c.dep_ in {"nsubj", "nsubjpass"} for c in verb.children):
        return False
    if verb.dep_ == "advcl":
        return True
    return (
        verb.dep_ == "acl"
        and _names_an_actor(verb.head)
        and any(t.dep_ in {"nsubj", "nsubjpass"} for t in (verb.head, *verb.head.conjuncts))
    )


def _names_an_actor(tok: Token) -> bool:
    """A name, a state title or a government word: who can hold a stance, not a plan or a bond."""
    return tok.pos_ == "PROPN" or tok.lemma_.lower() in lexicon().set("state_titles") | {
        "government",
        "administration",
        "ministry",
    }


def _calls_on_someone(verb: Token) -> bool:
    """ "call on/upon X", "call for X": a call with someone or something it is for; also "called for China to
    ramp up social spending", where the parser hangs "for" on the clause as its marker."""
    return any(c.lower_ in {"on", "for", "upon"} for c in verb.children) or any(
        c.dep_ == "advcl" and any(m.dep_ == "mark" and m.lower_ == "for" for m in c.children)
        for c in verb.children
    )


def _withholds_words(verb: Token) -> bool:
    """ "refused to comment", "refused to say which side was to blame", "refused to give him information":
    words withheld, no stance (lexicon `withheld_words`); not "refused to give in", "refused to release the
    hostages"."""
    withheld = lexicon()["withheld_words"]
    for act in (c for c in verb.children if c.dep_ == "xcomp"):
        lemma = act.lemma_.lower()
        told = any(o.dep_ == "dobj" and o.lemma_.lower() in withheld["things_told"] for o in act.children)
        if lemma in withheld["words"] or (lemma in withheld["giving_verbs"] and told):
            return True
    return False


def _appeals_to_someone(verb: Token) -> bool:
    """ "appeal to X to do Y" or "appeal to X for Y": a call on X (as "urged X to"), not a legal appeal
    ("appealed the ruling", "an appeal to the Supreme Court") or an attraction ("appeals to consumers")."""
    to_whom = any(
        c.dep_ == "prep" and c.lower_ == "to" and any(g.dep_ == "pobj" for g in c.children)
        for c in verb.children
    )
    asked = any(c.dep_ == "xcomp" or (c.dep_ == "prep" and c.lower_ == "for") for c in verb.children)
    return to_whom and asked


def _phrasal_of_no_stance(verb: Token, lemma: str) -> bool:
    """A stance verb made another verb by its particle ("Sarkozy backed down in the face of German
    opposition": he gave way, he backed nothing; lexicon no_stance_phrasal_verbs)."""
    phrasal = lexicon().set("no_stance_phrasal_verbs")
    return any(f"{lemma} {c.lower_}" in phrasal for c in verb.children if c.dep_ in {"prt", "advmod"})


def _what_a_body_does(verb: Token, lemma: str) -> bool:
    """A legal action told in the simple present of a relative clause: what a body or a rule does, no act on a
    case ("the Justice Department unit that prosecutes violations of the Act", "rules that penalize Canadian
    businesses"; lexicon `enforcement_verbs`)."""
    return (
        lemma in lexicon().set("enforcement_verbs")
        and verb.dep_ == "relcl"
        and verb.tag_ in {"VBZ", "VBP"}
        and not any(c.dep_ in {"aux", "auxpass"} for c in verb.children)
    )


def _no_call_made(verb: Token, lemma: str, judging: bool) -> bool:
    """A verb of calling, appealing or refusing that makes no call and takes no stance here."""
    if lemma == "call":
        # "begin calling time on the easy money": ending it, no demand
        timed = any(c.dep_ == "dobj" and c.lower_ == "time" for c in verb.children)
        return timed or (not judging and not _calls_on_someone(verb))
    if lemma == "appeal":
        # "appealed the ruling", "appeals to consumers": a legal appeal or an attraction
        return not _appeals_to_someone(verb)
    return lemma == "refuse" and _withholds_words(verb)


def _not_a_reaction_verb(verb: Token, lemma: str, judging: bool) -> bool:
    """Stance and speech verbs that do not report a reaction here: no object, negated, or still to come."""
    lex = lexicon()
    stance_verbs = lex["stance_verbs"]
    speech_verbs = lex.set("speech_verbs")
    judging_verbs = lex.set("judging_verbs")
    if _no_call_made(verb, lemma, judging):
        return True
    if lemma in judging_verbs and lemma not in stance_verbs and lemma not in speech_verbs and not judging:
        return True
    if (
        lemma in stance_verbs
        and any(c.dep_ == "auxpass" and c.lower_ == "being" for c in verb.children)
        and not any(c.dep_ == "aux" for c in verb.children)
    ):
        return True  # "would involve the program being endorsed by the IMF": a condition, no position held
    if lemma == "charge" and not any(c.dep_ == "ccomp" and c.i > verb.i for c in verb.children):
        return True  # "has charged that X paid ...": an accusation; not "charged with", "charged a fee"
    if lemma == "back" and _backs_the_speaker(verb):
        # "Backed by France, Italy demanded ...": the backers share the speaker's stance (_backers)
        return True
    if lemma in {
        "press",
        "ask",
        "back",
        "object",
        "attack",
        "blast",
        "veto",
        "approve",
        "express",
        "voice",
        "brief",
        "answer",
    } and not any(c.dep_ in {"dobj", "ccomp", "xcomp", "prep"} for c in verb.children):
        return lemma != "back" or not _backed_by_a_state(verb)
    if any(c.dep_ == "neg" for c in verb.children) and lemma in stance_verbs:
        return True
    if any(c.dep_ == "mark" and c.lower_ in {"whether", "if", "unless"} for c in verb.children):
        # "it was unclear whether Japan had criticised the plan", "questions whether China had complained",
        # "if Japan objects": asked or supposed, not stated
        return True
    if _asks_for_help(verb) or _phrasal_of_no_stance(verb, lemma):
        return True
    # "Ecuador will ask OPEC", "Athens must demand", "the U.S. should threaten Iran": a plan, or a duty
    # another sees, not a position held
    plan_aux = {"would", "to", "could", "may", "might", "will", "must", "should"}
    plan_aux -= _positions_held(verb, lemma)
    if _purpose_of_a_contact(verb) or _made_to_act(verb) or _seen_to(verb):
        # "called Miyazawa to warn him ...": the call was made, and with it the warning; "prompting Tokyo to
        # lodge protests": made to, and done; "Barroso appeared to side with Kenny": a stance seen taken
        plan_aux -= {"to"}
    if lemma in stance_verbs and any(c.dep_ == "aux" and c.lower_ in plan_aux for c in verb.children):
        return True  # "Ecuador will ask OPEC ..." announces a plan, not a reaction
    if lemma in speech_verbs and any(
        c.dep_ == "aux" and c.lower_ in {"will", "shall", "'ll", "to", "would"} for c in verb.children
    ):
        # "is expected to brief", "said he would tell X": speech still to come is not a statement made
        return True
    if lemma in speech_verbs and _future_speech(verb):
        return True
    return False


_SUPPOSED = frozenset({"if", "unless", "whether"})


def _seen_to(verb: Token) -> bool:
    """The infinitive of "appear" or "seem" said of what one did ("appeared to side with Kenny", "seemed to
    back the plan"), or of "continue" said of a stand kept ("Ireland and France continued to oppose the
    deal"); not "will appear to ...", a negated one, nor one supposed ("if Japan continues to resist")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in {"appear", "seem", "continue"}
        and head.tag_ in {"VBD", "VBZ", "VBP"}
        and not any(
            c.dep_ in {"aux", "neg"} or c.dep_ == "mark" and c.lower_ in _SUPPOSED for c in head.children
        )
    )


def _made_to_act(verb: Token) -> bool:
    """The infinitive of a causing verb that is no plan itself ("prompting Tokyo to lodge protests", "forced
    Germany to drop its objections"; not "could force Germany to ...")."""
    head = verb.head
    return (
        verb.dep_ == "xcomp"
        and head.lemma_.lower() in _CAUSING_VERBS
        and any(c.dep_ == "dobj" for c in head.children)
        and not any(
            c.dep_ == "aux" and c.lower_ in {"will", "would", "could", "may", "might", "to", "can", "shall"}
            for c in head.children
        )
    )


def _purpose_of_a_contact(verb: Token) -> bool:
    """A stance verb in the infinitive of purpose of a past act of contact (lexicon `contact_verbs`: "Baker
    called Miyazawa early this week to warn him ...", "wrote to his counterpart to complain"): the contact was
    made, so the stance was taken; a planned act's is still a plan."""
    head = verb.head
    return (
        verb.dep_ in {"advcl", "xcomp"}
        and _to_verb(verb)
        # "called for Washington to oppose ...": an infinitive with its own subject is another's act
        and not any(c.dep_ in {"nsubj", "mark"} for c in verb.children)
        and head.lemma_.lower() in lexicon().set("contact_verbs")
        and head.tag_ == "VBD"
        and not any(c.dep_ in {"neg", "aux"} for c in head.children)
        # "called on Greece to reject the plan": whom the speaker calls on is to take the stance
        and not any(c.lower_ in {"on", "upon", "for"} for c in head.children)
    )


_QUANTIFIERS = frozenset({"some", "many", "most", "several", "all", "both"})
_COLLECTIVES = frozenset({"group", "number", "coalition", "bloc"})


def _under_pressure_from(noun: Token) -> list[Token]:
    """ "Italy came under pressure at the weekend from France and Germany": the parser hangs "from" on the
    verb or on the time phrase after the noun, not on the noun that "under" governs."""
    if not (noun.dep_ == "pobj" and noun.head.lower_ == "under") or any(
        c.dep_ == "prep" and c.lower_ in {"from", "by"} for c in noun.children
    ):
        return []
    froms = []
    for prep in (c for c in noun.head.head.children if c.dep_ == "prep" and c.i > noun.i):
        if prep.lower_ == "from":
            froms.append(prep)
        else:  # "at the weekend from France"
            froms += [q for g in prep.children if g.dep_ == "pobj" for q in g.children if q.lower_ == "from"]
    return [g for p in froms for g in p.children if g.dep_ == "pobj"]


def _named_members(group: Token) -> Token | None:
    """The first of the members a group names as its examples ("European leaders such as Merkel, Sarkozy and
    Juncker backed ...", "Some of the largest U.S. creditors, including China and Russia, have complained
    ..."): they are the ones speaking; the others are its conjuncts."""
    collective = group.lemma_.lower() in _COLLECTIVES
    if group.lower_ in _QUANTIFIERS or collective:
        # "some of the creditors", "a group of European countries including Germany": the noun after "of"
        of = next((c for c in group.children if c.dep_ == "prep" and c.lower_ == "of"), None)
        group = next((g for g in of.children if g.dep_ == "pobj"), group) if of is not None else group
    if group.tag_ not in {"NNS", "NNPS"} and group.lower_ not in _QUANTIFIERS:
        return None  # (a bare quantifier names its members too: "Some, including the United States, ...")
    # "GCC members Saudi Arabia, Kuwait and Qatar", "Gulf states, Saudi Arabia and Kuwait": the names in
    # apposition right after the plural are its members
    named = next(
        (
            c
            for c in group.children
            if c.dep_ == "appos" and c.pos_ == "PROPN" and c.left_edge.i - group.i in {1, 2}
        ),
        None,
    )
    if named is not None and not collective:
        return named
    for prep in group.children:
        if prep.dep_ != "prep":
            continue
        if prep.lower_ in {"including", "like"} or (
            prep.lower_ == "as" and any(c.lower_ == "such" for c in prep.children)
        ):
            member = next((c for c in prep.children if c.dep_ == "pobj"), None)
            # a collective names its members by name ("a group of countries including Germany"), not by a
            # kind ("including G20 members Brazil, India ...": a coalition's own statement)
            return None if collective and member is not None and member.pos_ != "PROPN" else member
    if group.lower_ in GROUP_NOUNS:
        # "Financial leaders of the Group of Seven countries -- the United States, Canada, ... -- called on
        # China to ...": a plural office named by its states' list; the first state speaks, its conjuncts too
        listed = [*group_members(group), *(c for c in group.children if c.dep_ == "appos")]
        return next((m for m in listed if m.pos_ == "PROPN"), None)
    return None


def _pronoun_antecedent(pronoun: Token, speaking: set[str]) -> Token | None:
    """The subject a pronoun subject stands for, within its sentence.

    "the ministry said it regretted ..." / "the Swiss government said it would seize the data, accusing the
    IRS ...": the pronoun subject of what was said is the one saying it. "Brussels and Washington launched the
    dispute because they objected to ...": the pronoun subject of an adverbial clause is the subject of the
    clause it modifies, when the number agrees ("they" for a plural or coordinated subject, "it" for a
    singular one)."""
    clause = pronoun.head
    if clause.dep_ == "ccomp" and clause.head.lemma_.lower() in speaking:
        return _speaker_token(clause.head)
    if clause.dep_ != "advcl" or pronoun.lower_ == "we":
        return None
    up = _speaker_token(clause.head)
    return up if _agrees(up, pronoun) else None


def _agrees(up: Token | None, pronoun: Token) -> bool:
    """A named subject a pronoun may stand for: "they" for a plural or coordinated one, "it" for one alone."""
    if up is None or up.pos_ not in {"PROPN", "NOUN"}:
        return False
    plural = bool(up.conjuncts) or up.tag_ in {"NNS", "NNPS"}
    return plural == (pronoun.lower_ == "they")


# Acts, plans, qualities and states of affairs, which do things in a sentence but say nothing ("Ireland's move
# threatened the unity"): never a reaction's speaker.
_ACT_NOUNS = frozenset(
    {"move", "decision", "plan", "step", "measure", "action", "policy", "proposal", "initiative", "deal"}
    | {"agreement", "accord", "pact", "solidarity", "refusal", "reluctance", "law", "bill", "scheme", "idea"}
    | {"program", "programme", "crisis", "dispute", "offer", "intervention", "stance", "position"}
    # states of affairs: "Ireland's problems might spread ..., threatening a systemic crisis"
    | {"problem", "trouble", "woe", "difficulty", "debt", "deficit", "economy"}
)


def _an_act(tok: Token) -> bool:
    """ "Ireland's move", "the solidarity of Opec": an act or quality, which says nothing (but "the bloc's
    biggest economy, Germany" is the state named)."""
    return tok.pos_ == "NOUN" and tok.lemma_.lower() in _ACT_NOUNS and apposed_name(tok) is None


def _reaction_speaker(
    verb: Token, speaker_tok: Token, sent: Sentence, ctx: ArticleContext
) -> tuple[Token, Actor | None]:
    """The speaker of a verb, with the owner of domestic media or of a coordinated state, and for a
    misattached conjunct the speaker of the speech or stance verb above it."""
    lex = lexicon()
    stance_verbs = lex["stance_verbs"]
    speech_verbs = lex.set("speech_verbs")
    # "PARIS (Reuters) - Korean Finance Minister Yoon said": the dateline read as the subject.
    speaker_tok = next(iter(past_dateline(speaker_tok, sent, ctx)), speaker_tok)
    if _an_act(speaker_tok):
        return speaker_tok, None  # "Ireland's move ... threatened the unity": an act says nothing
    member = _named_members(speaker_tok)
    if member is not None:
        actor = resolve_token_actor(member, ctx, sent)
        if actor is not None and actor.code and actor.is_state:
            return member, actor  # the other members are its conjuncts: each takes the stance too
    speaker = resolve_token_actor(speaker_tok, ctx, sent)
    speaker = (
        _domestic_media_owner(verb, speaker, ctx)
        or _coordinated_state_owner(verb, speaker_tok, speaker, ctx, sent)
        or speaker
        # "The statement said": the issuer the article named just before
        or _document_issuer(speaker_tok, sent, ctx)
    )
    if speaker is None or not speaker.code:
        # "Developing countries and the United States have criticised Japan": a state among the coordinated
        # holders speaks, whatever the first of them is
        for conj in speaker_tok.conjuncts:
            actor = resolve_token_actor(conj, ctx, sent)
            # a country, an IGO or an official (not a town that is also a name: "Spear, Leeds and Kellogg")
            named = {p.kind for *_, p in gazetteer().find_all(actor_span(conj).text, ctx.published_at)}
            if (
                actor is not None
                and actor.code
                and actor.is_state
                and (actor.kind in {"person", "office"} or named & {"country", "igo", "demonym"})
            ):
                return conj, actor
    if (speaker is None or not speaker.code) and speaker_tok.lower_ in {"it", "we", "they"}:
        up_tok = _pronoun_antecedent(speaker_tok, speech_verbs | set(stance_verbs))
        up = None
        if up_tok is not None and up_tok.i != speaker_tok.i:
            up = resolve_token_actor(up_tok, ctx, sent)
        if up is not None and up.code:
            return up_tok, up
    if (speaker is None or not speaker.code) and verb.dep_ == "conj":
        # "welcomed the ceasefire agreed by X and urged both sides ...": a misattached conjunct still has
        # the speaker of the nearest speech or stance verb above it.
        for anc in verb.ancestors:
            if anc.lemma_.lower() in stance_verbs or anc.lemma_.lower() in speech_verbs:
                up_tok = _speaker_token(anc)
                up = resolve_token_actor(up_tok, ctx, sent) if up_tok is not None else None
                if up is not None and up.code:
                    speaker_tok, speaker = up_tok, up
                break
    return speaker_tok, speaker


def _document_issuer(noun: Token, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """ "China's foreign ministry issued a statement. The statement said ...": a bare "the statement" (the
    communique, the declaration, the letter) speaks for whoever issued the one the article named in the three
    sentences before, when that sentence says who did (`_ISSUED_BY_TEMPLATES`)."""
    lemma = noun.lemma_.lower()
    if lemma not in _DOCUMENT_NOUNS or not any(c.dep_ == "det" and c.lower_ == "the" for c in noun.children):
        return None
    if any(c.dep_ in {"poss", "compound", "amod"} for c in noun.children):
        return None  # "the joint statement", "the ministry's statement": owned, or a kind
    for before in reversed(ctx.sentences[max(0, sent.index - 3) : sent.index]):
        if not re.search(rf"\b{re.escape(lemma)}\b", before.text, re.IGNORECASE):
            continue
        for rx in _issued_by(lemma):
            m = rx.search(before.text)
            if m is None:
                continue
            if re.search(r"\bjoint\b", m.group(0), re.IGNORECASE):
                return None  # a joint statement is its parties' agreement, no one side's
            named = [
                place.code
                for _, _, _, place in gazetteer().find_all(m.group("owner"), ctx.published_at)
                if place.kind in {"country", "demonym", "igo", "metonym"}
            ]
            if named:
                return Actor(None, named[-1], True, f"the {lemma} issued before", "office", f"the {lemma}")
        return None  # the nearest mention names no issuer: none further back is taken
    return None


# How a sentence says who issued a document (<doc>), with the words naming the issuer as "owner"; each
# template is filled with the document's noun (`_issued_by`).
_OWNER = r"(?P<owner>[^,;:.\"“”]{1,80}?)"
_ISSUE = r"(?:issued|released|sent|wrote|written|published|adopted|signed|put out)"
_ISSUED_BY_TEMPLATES = (
    # "a resolution on bilateral trade adopted by the Canadian House of Commons last week"
    (r"\b<doc>s?\b[^.;:]{0,60}?\b" + _ISSUE + " by " + _OWNER + r"(?:[,;.]|$| (?:on|at|in|last)\b)", re.I),
    # "China's foreign ministry issued a statement"
    (r"(?:^|[,;:] )" + _OWNER + " (?:has |have |had )?" + _ISSUE + r"\b[^.;:]{0,60}?\b<doc>s?\b", re.I),
    # "In a statement, the U.S. Treasury said"
    (r"\b[Ii]n (?:a|an|its|their) (?:[\w-]+ ){0,2}<doc>s?\b[^,]{0,60}, " + _OWNER + r" (?:said|says)\b", 0),
    # "Moscow said in a statement"
    (r"(?:^|[,;:] )" + _OWNER + r" (?:said|says) in (?:a|an) (?:[\w-]+ ){0,2}<doc>s?\b", re.I),
    # "the Asean communique", "a Chinese foreign ministry statement"
    (
        r"\b(?:[Tt]he|[Aa]n?) (?P<owner>(?:(?:[A-Z][\w.’'-]*|[a-z]+ ministry|foreign|government) ){1,4})"
        r"<doc>s?\b",
        0,
    ),
)


@lru_cache(maxsize=32)
def _issued_by(doc: str) -> tuple[re.Pattern, ...]:
    return tuple(
        re.compile(template.replace("<doc>", doc), flags) for template, flags in _ISSUED_BY_TEMPLATES
    )


def _what_was_said(
    verb: Token, lemma: str, doc: Doc, speaker_tok: Token, quotes, sent: Sentence, ctx: ArticleContext
) -> tuple[list[Token], str, str | None, bool]:
    """(content tokens, content text with any quotation, quote, whether the quote is direct)."""
    stance_verbs = lexicon()["stance_verbs"]
    content = _content_tokens(verb)
    if lemma == "quote":
        content = [t for t in doc if t.i not in {x.i for x in speaker_tok.subtree} and t.i != verb.i]
    if _agent(verb) is not None and lemma in stance_verbs:
        # "euro bonds, opposed by Germany": what the doer opposes is the phrase the passive modifies.
        span = actor_span(speaker_tok)
        content = [t for t in doc if not (span.start <= t.i < span.end) and not t.is_punct]
    content_text = " ".join(t.text for t in content)
    quote_text = None
    direct = False
    outside = [
        q
        for q in quotes
        if not (q[0] <= speaker_tok.idx < q[1]) and not _quote_of_another_speech(q, verb, doc)
    ]
    if outside:
        longest = max(outside, key=lambda q: q[1] - q[0])
        quote_text = longest[2]
        direct = True
        if not (
            content and content[0].idx <= longest[0] and longest[1] <= content[-1].idx + len(content[-1])
        ):
            # (a word quoted inside what was said is read there, with the words around it: 'would like to
            # see a "positive" statement' asks for what it names)
            content_text = content_text + " " + quote_text
    elif content:
        quote_text = doc[content[0].i : content[-1].i + 1].text
        if ctx.dateline and sent.start < ctx.dateline.end and quote_text.startswith(sent.text[:5]):
            # Reported speech starting the story: the dateline is not part of what was said.
            quote_text = quote_text[max(0, ctx.dateline.end - sent.start) :]
    return content, content_text, quote_text, direct


def _quote_of_another_speech(quote: tuple[int, int, str], verb: Token, doc: Doc) -> bool:
    """The quotation hangs under another speech verb of the sentence, one below this verb with a subject of
    its own ("Britain has announced a stimulus, and despite a 'disturbing' level of debt, Strauss-Kahn said
    ...": Strauss-Kahn's word, not Britain's)."""
    first = next((t for t in doc if t.idx >= quote[0]), None)
    if first is None:
        return False
    speech = lexicon().set("speech_verbs")
    for up in first.ancestors:
        if up.i == verb.i:
            return False
        if (
            up.pos_ in {"VERB", "AUX"}
            and up.lemma_.lower() in speech
            # (a first person's "I believe ..." opening the quotation is the quoted speaker's own)
            and any(c.dep_ in {"nsubj", "nsubjpass"} and c.lower_ not in {"i", "we"} for c in up.children)
        ):
            return True  # not "criticized Japan, saying the visit was 'deeply wrong'": the same speaker's
    return False


_CURRENCY_AFTER = re.compile(
    r"\s+(?:dollars?|yen|francs?|sterling|pesos?|yuan|renminbi|lira|lire|rupees?|roubles?|rubles?|kronas?"
    r"|kronor|kroner|dinars?|riyals?|shekels?|escudos?|pesetas?|drachmas?|guilders?|schillings?|cruzados?"
    r"|cruzeiros?|reais)\b",
    re.I,
)
# Currency names that are also common words after a country's name ("South Korea won the vote", "Germany marks
# the day"): a currency only after a demonym ("the Korean won", "German marks").
_CURRENCY_AFTER_DEMONYM = re.compile(r"\s+(?:marks?|won|real|rand|pounds?|crowns?)\b", re.I)
# A war named by where it is fought ("support for the Iraq war", "the Vietnam War"): no stance on that state.
_WAR_AFTER = re.compile(r"\s+wars?\b(?!\s+(?:on|against)\b)", re.I)


# The wire's credit line run into the last sentence ("(Additional reporting by X in Madrid; Editing by Y)"):
# its places are where the reporters sat, no party to what was said.
_CREDIT_LINE = re.compile(r"\(\s*(?:Additional\s+)?(?:[Rr]eporting|[Ww]riting|[Ee]diting)\s+by\b[^)]*\)?")


def _without_credit_lines(text: str) -> str:
    """The text with any credit line blanked (same length)."""
    return _CREDIT_LINE.sub(lambda m: " " * len(m.group(0)), text)


def _target_places(text: str, ctx: ArticleContext) -> list:
    """(offset, place) of the states and IGOs a text names as possible targets, in text order: not a state
    named only in a currency's name ("the rise of the Taiwan dollar against the U.S. Dollar", "the Korean
    won") or in a war's ("the Iraq war")."""
    text = _without_credit_lines(text)
    return [
        (start, place)
        for start, end, _, place in gazetteer().find_all(text, ctx.published_at)
        if not _CURRENCY_AFTER.match(text, end)
        and not (place.kind == "demonym" and _CURRENCY_AFTER_DEMONYM.match(text, end))
        and not _WAR_AFTER.match(text, end)
        and not _outside_of(text, start)
    ]


def _outside_of(text: str, start: int) -> bool:
    """A name with "non-" before it names those outside ("non-OPEC producers", "non-EU states"): not the
    group itself."""
    return _NON.search(text, max(0, start - 8), start) is not None


_NON = re.compile(r"\bnon\s?-?\s?$", re.IGNORECASE)  # "non-OPEC", and as tokens are joined: "non - OPEC"


_HALVES = (("North", "North Korea", "PRK"), ("South", "South Korea", "KOR"))


def _korean_halves(text: str, ctx: ArticleContext) -> list[tuple[int, str]]:
    """ "warned the North could launch another missile": in an article that names North Korea, "the North" is
    North Korea and "the South" South Korea (when the article names it too)."""
    if "North Korea" not in ctx.text:
        return []
    return [
        (m.start(), code)
        for half, full, code in _HALVES
        if full in ctx.text
        for m in re.finditer(rf"\b[Tt]he {half}\b(?! [A-Z])", text)
    ]


_LEADERS_GOVERNMENT = re.compile(rf"\b([A-Z][a-z]+)(?:'s)? (?i:{'|'.join(sorted(GOVERNMENT_TITLES))})\b")


def _governments_by_leader(text: str, ctx: ArticleContext) -> list[tuple[int, str]]:
    """ "the Reagan administration plan", "the Thatcher government's decision": a government named by its
    leader is the leader's state (the leaders table, on the article's day)."""
    return [
        (m.start(), code)
        for m in _LEADERS_GOVERNMENT.finditer(text)
        if (code := leader_code(m.group(1), ctx.published_at))
    ]


def _bare_commission(text: str, ctx: ArticleContext) -> list[tuple[int, str]]:
    """ "said the Commission's proposals were unacceptably tough": in an article that names the EU (the EC),
    a bare "the Commission" is its executive (context.commission_code), as when it speaks."""
    code = ctx.commission_code
    if code is None:
        return []
    return [(m.start(), code) for m in re.finditer(r"\b[Tt]he Commission\b", text)]


# Not "talks": the talks of a trip are what a statement about the trip judges ("described her talks in Tokyo
# as very productive"), their place the trip's host.
_EVENT_NOUNS = frozenset(
    {"meeting", "summit", "conference", "forum", "session", "gathering", "agreement", "accord"}
)
_EVENT_VERBS = frozenset({"reach", "hold", "sign", "agree", "conclude", "adopt"})
_MEETING_VERBS = frozenset({"meet", "gather", "convene"})


def _venues(tokens) -> list[list[Token]]:
    """The places among the tokens named as where something meets or was agreed: the object of "in"/"at" on
    an event noun ("the meeting in Bonn, Germany"), on a participle of one ("the accord reached in London")
    or on a verb of meeting ("when ministers met in Brussels"), each with its phrase."""
    out = []
    for tok in tokens:
        prep = tok.head
        if tok.dep_ != "pobj" or prep.lower_ not in {"in", "at"}:
            continue
        on = prep.head
        if any(c.dep_ == "poss" for c in on.children):
            continue  # "his meeting in Paris": one's own meeting abroad is one's trip
        if (
            on.lemma_.lower() in _EVENT_NOUNS
            or (on.tag_ == "VBN" and on.lemma_.lower() in _EVENT_VERBS)
            or (on.pos_ == "VERB" and on.lemma_.lower() in _MEETING_VERBS)  # "when ministers met in Brussels"
        ):
            out.append(list(tok.subtree))
    return out


def _named_targets(
    content: list[Token], content_text: str, speaker: Actor, sent: Sentence, ctx: ArticleContext
) -> tuple[list[str], list[str]]:
    """(target codes, names the pronouns stand for) of what was said."""
    # Targets: foreign states/IGOs named in what was said (an IGO may react to any state).
    targets = []
    # A place inside a person's name is no target ("Mexican President Miguel de la Madrid": not Spain), nor
    # one named as where something meets or was agreed ("constructive at the climate meeting in Bonn,
    # Germany", "the agreement reached last week in London").
    unnamed = content_text
    hidden = ctx.people.full_names + [" ".join(t.text for t in venue) for venue in _venues(content)]
    for name in hidden:
        unnamed = unnamed.replace(name, " " * len(name))
    named = [(start, place.code) for start, place in _target_places(unnamed, ctx)]
    for _, code in sorted(
        named
        + _korean_halves(content_text, ctx)
        + _bare_commission(unnamed, ctx)
        + _governments_by_leader(unnamed, ctx)
    ):
        if code != speaker.code and code not in targets:
            targets.append(code)
    # Pronouns in what was said ("expect him to ...") stand for the person the article is about.
    referred: list[str] = []
    for t in content:
        if t.lower_ in {"him", "he", "his", "she", "her"}:
            ref = resolve_token_actor(t, ctx, sent)
            if ref and ref.code and ref.code != speaker.code:
                referred.append(ref.name or "")
                if ref.code not in targets:
                    targets.append(ref.code)
    targets += [code for code in _people_named(content_text, ctx, speaker.code) if code not in targets]
    if not targets and _names_europe(unnamed, speaker):
        targets.append("EU")
    return targets, referred


# Europe named as a party ("urged Europe to act", "called on European leaders"), not as a place ("banks in
# Europe", "across Europe") nor as the owner of a state of affairs ("Europe's debt crisis").
_EUROPE_AS_PARTY = re.compile(
    r"(?<!\bin )(?<!\bacross )(?<!\bof )\bEurope\b(?!\s*['’]s\b|\s*-\s*wide|\s+wide)"
    r"|\bEuropean (?:leaders|governments|countries|policymakers|policy makers|authorities)\b"
)


def _names_europe(content_text: str, speaker: Actor) -> bool:
    """Whether what a speaker from outside Europe said names Europe as a party: the EU (and its members) is
    its target, as for "the euro zone"."""
    if speaker.code is None or speaker.code in EU_CODES or speaker.code in _european_states():
        return False
    return _EUROPE_AS_PARTY.search(content_text) is not None


@lru_cache(maxsize=1)
def _european_states() -> frozenset[str]:
    return next(codes for rx, codes in regions() if rx.fullmatch("europe"))


def _firm_targets(
    content_text: str, speaker: Actor, ctx: ArticleContext, before: int | None = None
) -> list[str]:
    """The countries of foreign companies named in what was said, as the article introduced them ("threatened
    to cancel the deal unless Finmeccanica gives assurances", after "Italian defense group Finmeccanica"): a
    foreign company is a target in the guidelines. "The company" with no name is the one the article
    introduced last before the sentence (at `before`), when that one is foreign; a company known only from the
    list of well-known ones is no antecedent (the article's own company may be one it never introduces)."""
    targets: list[str] = []
    for name, code in ctx.firms.items():
        if code == speaker.code or code in targets:
            continue
        if re.search(_firm_name(name), content_text):
            targets.append(code)
    if not targets and before is not None and _THE_FIRM.search(content_text):
        named = [
            (m.start(), code)
            for name, code in ctx.introduced_firms.items()
            for m in re.finditer(_firm_name(name), ctx.text[:before])
        ]
        last = max(named, default=None)
        if last is not None and last[1] != speaker.code:
            targets.append(last[1])
    return targets


_THE_FIRM = re.compile(r"\b[Tt]he (?:company|firm|carmaker|automaker)(?:'s)?\b")


def _firm_name(name: str) -> str:
    """A company's name as a whole word, also as the parser's words join it ("Moody 's" for "Moody's")."""
    return rf"\b{re.escape(name)}\b".replace("'s", " ?'s")


def _fallback_targets(
    verb: Token,
    lemma: str,
    judging: bool,
    content_text: str,
    speaker: Actor,
    speaker_tok: Token,
    doc: Doc,
    sent: Sentence,
    ctx: ArticleContext,
) -> list[str]:
    """Targets when what was said names none: what a definite object points back to, else the foreign
    actors around a strong stance."""
    lex = lexicon()
    stance_verbs = lex["stance_verbs"]
    speech_verbs = lex.set("speech_verbs")
    targets: list[str] = []
    if not targets and (stance_verbs.get(lemma) in {"negative", "positive"} or judging):
        # "rejected the accusation", "described the move as
        # 'unjustified'": the definite object points back.
        targets = _anaphoric_targets(verb, speaker, sent, ctx)
    cued = (
        not targets
        and lemma in speech_verbs
        and _stance_from_cues(content_text, speaker.code, ctx.published_at)[0] != "neutral"
    )  # (the cues are read only when no target is found yet)
    if not targets and cued:
        # "Taiwan said it would not recognise the agreement": a definite object of what was said points back
        targets = next(
            (
                found
                for t in verb.subtree
                if t.pos_ == "VERB" and (found := _anaphoric_targets(t, speaker, sent, ctx))
            ),
            [],
        )
    if not targets and not any(c.dep_ == "neg" for c in verb.children) and (lemma in _STRONG_STANCE or cued):
        # "Washington was profoundly concerned by the violence, the ambassador said": the stance aims at
        # the foreign actors of the sentence or of the one before.
        # A state itself judging ("Britain says a cap is unworkable") aims, like a strong stance, at what the
        # sentence before names.
        previous = lemma in _STRONG_STANCE or (cued and _named_as_a_state(speaker, speaker_tok, ctx))
        targets = _context_targets(speaker, speaker_tok, doc, sent, ctx, previous=previous)
        if not targets and _resident_abroad(speaker, ctx):
            # "NAIROBI - the U.S. ambassador said Washington was profoundly concerned by the violence": an
            # embassy speaks of the country it sits in
            targets = [ctx.home_code]
    if not targets and _igo_on_the_dateline_government(verb, speaker, sent, ctx):
        targets = [ctx.home_code]
    return targets


def _igo_on_the_dateline_government(verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> bool:
    """An IGO taking a stand on "the government's" doing under a dateline away from its own seat ("BEIJING -
    The World Bank welcomed steps in the government's stimulus package"): the government of the country the
    story is filed from, as `resolve_token_actor` reads "the government" of a story."""
    if (
        speaker.kind != "igo"
        or ctx.home_code is None
        or ctx.home_code == gazetteer().igo_seats.get(speaker.code or "")
        or any(c.dep_ == "neg" for c in verb.children)
    ):
        return False
    return any(
        t.lemma_.lower() == "government"
        and (actor := resolve_token_actor(t, ctx, sent)) is not None
        and actor.code == ctx.home_code
        for t in verb.subtree
    )


def _stand_of_a_named_state(
    verb: Token, lemma: str, speaker: Actor, speaker_tok: Token, ctx: ArticleContext
) -> bool:
    """A state by its own name taking a stand against something with no foreign party named ("So far, Germany
    has refused to countenance any combination of the rescue funds", "Japan, Germany and France oppose
    surcharges on their big banks"): among states, what a state refuses or opposes is another's proposal or
    policy. Not a person or an office (whose "rejected" may be on home affairs), and not a stand denied."""
    return (
        lemma in lexicon().set("state_stand_verbs")
        and not any(c.dep_ == "neg" for c in verb.children)
        and _named_as_a_state(speaker, speaker_tok, ctx)
    )


# Nouns by which an IGO speaks of states in general ("the reluctance of governments", "urged member states").
_STATES_IN_GENERAL = frozenset({"government", "member", "state", "country", "nation", "capital"})


def _igo_on_a_party(verb: Token, lemma: str, speaker: Actor, ctx: ArticleContext) -> bool:
    """An IGO's stance verb on a company or its deal, or on states in general, all foreign to an IGO ("The
    European Commission has charged that Intel made payments", "the Commission objected to the deal", "The
    Commission blamed the crisis on the reluctance of governments"): a name the gazetteer does not know, a
    deal noun, or a plural noun of states among what the verb acts on."""
    polarity = lexicon()["stance_verbs"].get(lemma)
    if speaker.code not in gazetteer().igo_seats or polarity not in {"negative", "positive"}:
        return False
    if any(c.dep_ == "neg" for c in verb.children):
        return False
    deals = set(lexicon()["deal_decisions"]["nouns"])
    objects = [
        t
        for c in verb.children
        if c.dep_ in {"dobj", "prep", "ccomp", "xcomp"}
        for t in c.subtree
        if t.dep_ in {"dobj", "pobj", "nsubj", "nsubjpass", "poss"}
    ]
    return any(
        t.lemma_.lower() in deals
        or _a_company_name(t, ctx)
        or t.tag_ == "NNS"
        and t.lemma_.lower() in _STATES_IN_GENERAL
        for t in objects
    )


_CALENDAR_WORDS = frozenset(WEEKDAYS) | frozenset(MONTHS)


def _a_company_name(tok: Token, ctx: ArticleContext) -> bool:
    """A name that is no place, body or day ("Intel", "Acme"), read with the names before it ("the EC
    Commission" is the EC's)."""
    if tok.pos_ != "PROPN" or tok.lower_ in _CALENDAR_WORDS:
        return False
    return not gazetteer().find_all(tok.doc[tok.left_edge.i : tok.i + 1].text, ctx.published_at)


def _named_as_a_state(speaker: Actor, speaker_tok: Token, ctx: ArticleContext) -> bool:
    """A speaker that is a state or an IGO by its own name ("Canada says", "Britain, France and Germany have
    said", "Canberra reported", "the EC has said"), not a group of its people ("Malaysian palm growers",
    "Greeks") or a firm."""
    if speaker_tok.pos_ != "PROPN":
        return False
    # the whole name: "the United States", "Saudi Arabia", "New Zealand" (not their last word alone)
    words = [c.text for c in speaker_tok.children if c.dep_ == "compound" and c.i < speaker_tok.i]
    place = (words and ctx.place(" ".join([*words, speaker_tok.text]))) or ctx.place(speaker_tok.text)
    if place is None:
        return False
    return (speaker.kind, place.kind) in {("state", "country"), ("state", "city"), ("igo", "igo")}


def _resident_abroad(speaker: Actor, ctx: ArticleContext) -> bool:
    """A state's ambassador, embassy or consulate speaking under the dateline of another country (not an IGO's
    envoy or staff, not at an IGO's seat)."""
    igos = gazetteer().igo_seats
    return bool(
        ctx.home_code
        and speaker.code
        and speaker.code != ctx.home_code
        and speaker.code not in igos
        and ctx.home_code not in igos
        and speaker.kind in {"person", "office"}
        and resident_title(speaker.title)
    )


def _backs_a_move_against(verb: Token, speaker: Actor, ctx: ArticleContext, sent: Sentence) -> str | None:
    """The move against a party that a support verb's object names, when no foreign state owns it ("U.S.
    lawmakers who support legislation to crack down on Beijing's currency policies", "the Senate backed
    Reagan's retaliatory strike against Iranian targets"): support for it is a stand against whom it aims at
    (lexicon `hostile_moves`, its `support_verbs`). A foreign state's own move backed is support for that
    state ("Howe backed the United States' attack", "backed calls from Washington for sanctions")."""
    if verb.lemma_.lower() not in lexicon()["hostile_moves"]["support_verbs"]:
        return None
    return _hostile_move(
        [t for c in verb.children if c.dep_ in {"dobj", "nsubjpass"} for t in c.subtree], speaker, ctx, sent
    )


# Nouns of a demand: the clause on them is what another is asked to do ("a call for Japan to boost its defense
# spending", "U.S. demands that Japan open its markets").
_DEMAND_NOUNS = frozenset({"call", "demand", "request", "appeal"})


def _backs_a_demand(verb: Token, speaker: Actor, ctx: ArticleContext, sent: Sentence) -> str | None:
    """A demand on a foreign state that a support verb's object names ("the House supported a call for Japan
    to boost its defense spending", "Italy supported the Commission's view that Bonn should bring in new
    measures"): backing it asks that state to change course, a negative stance towards it (GUIDELINES:
    demands that the other actor change course). The demand is the clause on a demand noun, or a clause
    with "should", "must" or "ought" on any object; its subject a foreign state (`_foreign_duty_subject`)."""
    if verb.lemma_.lower() not in lexicon()["hostile_moves"]["support_verbs"]:
        return None
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        for clause in (c for c in obj.children if c.dep_ in {"acl", "advcl", "ccomp"}):
            if any(c.dep_ == "neg" for c in clause.children):
                continue
            obliged = any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in clause.children)
            if not obliged and obj.lemma_.lower() not in _DEMAND_NOUNS:
                continue
            subj = _foreign_duty_subject(clause, speaker, sent, ctx)
            if subj is not None:
                return subj.text
    return None


def _hostile_move(phrase: list[Token], speaker: Actor, ctx: ArticleContext, sent: Sentence) -> str | None:
    """The hostile move a supported phrase names, if no state foreign to the speaker owns it (see
    `_backs_a_move_against`)."""
    moves = lexicon().set("hostile_moves")
    move = next(
        (
            t
            for t in phrase
            if t.lower_ in moves
            # a verb and its particle: "to crack down on"
            or t.i + 1 < len(t.doc)
            and f"{t.lemma_.lower()} {t.doc[t.i + 1].lower_}" in moves
        ),
        None,
    )
    if move is None:
        return None
    # the move's owner, on it or on a word it hangs from ("the United States' attack", "calls from Washington
    # for sanctions"), not one it aims at ("to crack down on Beijing's policies")
    inside = {t.i for t in phrase}
    heads = [move, *(a for a in move.ancestors if a.i in inside)]
    owners = [
        o
        for h in heads
        for c in h.children
        for o in ([c] if c.dep_ == "poss" else [g for g in c.children if g.dep_ == "pobj"])
        if c.dep_ == "poss" or c.dep_ == "prep" and c.lower_ in {"from", "by"}
    ]
    for o in owners:
        actor = resolve_token_actor(o, ctx, sent)
        if actor is not None and actor.code and actor.is_state and actor.code != speaker.code:
            return None
    return move.text


def _urged_to_keep_on(verb: Token, lemma: str) -> bool:
    """A call on another to go on with what it does ("urged it to continue recent adjustment efforts", "urged
    the Obama administration to push ahead with plans", "called on the government to maintain ..."): no
    change of course asked, an encouragement (lexicon `continuation_verbs`)."""
    entry = lexicon()["continuation_verbs"]
    if lemma not in entry["calling_verbs"]:
        return False
    keep_on = lexicon().set("continuation_verbs")
    return any(
        c.dep_ == "xcomp"
        and (
            c.lemma_.lower() in keep_on
            or (c.lemma_.lower() in entry["ahead_verbs"] and any(g.lower_ == "ahead" for g in c.children))
        )
        and not any(g.dep_ == "neg" for g in c.children)
        for c in verb.children
    )


def _findings(
    verb: Token,
    lemma: str,
    judging: bool,
    content: list[Token],
    content_text: str,
    quote_text: str | None,
    direct: bool,
    speaker: Actor,
    mentions_visit: bool,
    ctx: ArticleContext,
    sent: Sentence,
) -> list[tuple[str, str, str | None, str]]:
    """(stance, why, quote, evidence) of a statement: the stance verb's, else each clause's cues, else the
    whole content's."""
    stance_verbs = lexicon()["stance_verbs"]
    # "called the talks 'frank and useful'": the verb names the judgement; its words carry the stance.
    stance = None if judging else stance_verbs.get(lemma)
    findings: list[tuple[str, str, str | None, str]] = []  # (stance, why, quote, evidence)
    if stance == "negative" and _urged_to_keep_on(verb, lemma):
        findings.append(("positive", f"urged to keep on ('{verb.text}')", quote_text, "stance_verb"))
    elif stance == "positive" and (move := _backs_a_move_against(verb, speaker, ctx, sent)) is not None:
        findings.append(("negative", f"backs a move against ('{move}')", quote_text, "stance_verb"))
    elif stance == "positive" and (duty := _backs_a_demand(verb, speaker, ctx, sent)) is not None:
        why = f"backs a demand on a foreign state ('{duty}')"
        findings.append(("negative", why, quote_text, "stance_verb"))
    elif stance is not None and stance != "neutral":
        findings.append((stance, f"verb '{verb.text}'", quote_text, "stance_verb"))
    elif _told_to(verb, speaker, sent, ctx):
        # "told Japan to resolve the row": an order to another state, a demand that it change course.
        findings.append(("negative", f"told a foreign state to act ('{verb.text}')", quote_text, "cue"))
    else:
        # Each coordinated clause of what was said can carry
        # its own stance ("X is flexible and Y is difficult").
        # the clauses of what was said that are the speaker's own, not another state's stance told of
        segments = list(_segments(verb, content))
        own = [seg for seg in segments if not _anothers_stance(seg, speaker, sent, ctx)]
        if segments and not own:
            # "Mikulic said the IMF criticised Yugoslavia": the speaker tells of another's stance (that one's
            # own reaction, found at its verb) and takes none; told of a visit, it is a plain statement on it
            return [("neutral", f"tells of another's stance ('{verb.text}')", quote_text, "speech")]
        wished = [seg for seg in own if _wish_under_inverted_condition(seg)]
        for segment in own:
            seg_stance, seg_why = _stance_from_cues(segment.text, speaker.code, ctx.published_at)
            if seg_stance != "neutral" and segment not in wished:
                findings.append((seg_stance, seg_why, quote_text if direct else segment.text, "cue"))
        if not findings:
            duty = _foreign_duty(content, speaker, sent, ctx)
            if duty is not None:
                findings.append(("negative", duty, quote_text, "cue"))
        if not findings:
            stance, why = _stance_from_cues(content_text, speaker.code, ctx.published_at)
            if wished:
                stance = "neutral"  # the only stance is a wish under a condition
            evidence = "cue" if stance != "neutral" else "speech"
            if stance == "neutral" and mentions_visit:
                # "A big expansion in trade is expected from X's
                # visit": a good outcome credited to a trip judges it.
                cue = _outcome_cue(content_text)
                if cue:
                    stance, why, evidence = "positive", f"good outcome of a visit '{cue}'", "outcome"
            findings.append(
                (
                    stance,
                    why if stance != "neutral" else f"speech verb '{verb.text}', no stance cue",
                    quote_text,
                    evidence,
                )
            )
    return findings


# What a state is told it has not done or must do: "Greece had not fulfilled the milestones", "China has
# not done enough", "Athens has not made the reforms" (a failure to do its part), "Greece should show it
# has taken steps" (a demand that the other change course: negative in the guidelines). A plain negated
# present is a fact ("China does not release seasonally adjusted figures"); a condition is no claim ("even
# if Germany does not"). The verbs are lexicon lists: `duty_verbs` (negated in a perfect: "has not done"),
# `duty_verbs_any_tense`, and `duty_forecast_verbs` under "should" forecast rather than demand.
_OBLIGATION_AUX = frozenset({"should", "must", "ought"})
_CONDITION_MARKS = frozenset({"if", "unless", "whether", "though", "although", "once", "until"})


@lru_cache(maxsize=1)
def _duty_verbs() -> tuple[frozenset[str], frozenset[str], frozenset[str]]:
    lex = lexicon()
    return lex.set("duty_verbs"), lex.set("duty_verbs_any_tense"), lex.set("duty_forecast_verbs")


def _foreign_duty(content: list[Token], speaker: Actor, sent: Sentence, ctx: ArticleContext) -> str | None:
    """A clause of what was said whose subject is a foreign state that has not done, or should do, its
    part."""
    duty, any_tense, forecast = _duty_verbs()
    missing, goals = (set(lexicon()["duty_missed"][k]) for k in ("verbs", "objects"))
    for verb in content:
        if verb.pos_ not in {"VERB", "AUX"} or verb.dep_ == "relcl":
            continue
        kids = list(verb.children)
        if any(c.dep_ == "auxpass" or (c.dep_ == "mark" and c.lower_ in _CONDITION_MARKS) for c in kids):
            continue
        lemma = verb.lemma_.lower()
        perfect = any(c.dep_ == "aux" and c.lemma_ == "have" for c in kids)
        negated = any(c.dep_ == "neg" for c in kids) and lemma in duty and (perfect or lemma in any_tense)
        # "Greece has failed to deliver on its promises": "fail to" and a duty verb, with the tenses of "not"
        failed = lemma == "fail" and any(
            c.dep_ == "xcomp"
            and _to_verb(c)
            and c.lemma_.lower() in duty
            and (perfect or c.lemma_.lower() in any_tense)
            for c in kids
        )
        # "Spain will miss its deficit targets": a goal missed is a part not done, in any tense
        missed = (
            lemma in missing
            and not any(c.dep_ == "neg" for c in kids)  # "would not miss its targets": it meets them
            and any(c.dep_ == "dobj" and c.lemma_.lower() in goals for c in kids)
        )
        negated = negated or failed or missed
        # "should have no problems", "should manage modest growth", "must be": a forecast, not a demand
        obliged = lemma not in forecast and any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX for c in kids)
        obliged = (
            obliged
            or _must_in_other_words(verb, forecast)
            or _necessary_that(verb, forecast)
            or _necessary_for(verb, forecast)
        )
        if negated == obliged:
            continue
        subj = _foreign_duty_subject(verb, speaker, sent, ctx)
        if subj is None:
            continue
        word = "not " if negated and not failed and not missed else ""
        if not negated:
            word = next((c.lower_ + " " for c in kids if c.lower_ in _OBLIGATION_AUX), "")
        return f"a foreign state's duty ('{subj.text} ... {word}{verb.text}')"
    return None


def _foreign_duty_subject(verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> Token | None:
    """The subject of a duty clause when it is a foreign state: a name, or a noun its nationality qualifies
    ("the Mongolian government"); not one shared with the speaker's state, nor an inverted condition."""
    kids = list(verb.children)
    subj = next((c for c in kids if c.dep_ == "nsubj"), None)
    if subj is not None and subj.lower_ in {"it", "they"}:
        subj = _conjoined_subject(verb, subj)
    qualified = subj is not None and any(
        c.dep_ in {"amod", "compound", "poss"} and c.pos_ in {"PROPN", "ADJ", "NOUN"} for c in subj.children
    )
    # (a state's name the tagger took for a common noun: "Iceland needs to try harder, the OECD said")
    named_state = subj is not None and subj.text[:1].isupper() and _a_state_by_name(subj.text, ctx)
    if subj is None or (subj.pos_ != "PROPN" and not (subj.pos_ == "NOUN" and qualified) and not named_state):
        return None
    if any(c.dep_ == "aux" and c.lower_ in _OBLIGATION_AUX and c.i < subj.i for c in kids):
        return None  # "should the U.S. president decide to visit": an inverted condition, no duty
    actor = resolve_token_actor(subj, ctx, sent)
    # a state, its office, or the government a nationality names ("the Mongolian government")
    # (or an official named with the nationality the text gives: "British Prime Minister Theresa May should
    # clear up ...", not one the dateline or the leaders table only guesses)
    kinds = {"state", "office", "person"}
    if actor is None or not actor.code or not actor.is_state or actor.kind not in kinds:
        return None
    if actor.kind == "person" and subj.pos_ != "NOUN" and actor.found.source is not Source.TEXT:
        return None
    if subj.pos_ == "NOUN":
        named = " ".join(t.text for t in subj.subtree)
        if actor.found.from_dateline:
            return None  # "the government should ...": whose, the dateline only guesses
        if speaker.code in {place.code for *_, place in gazetteer().find_all(named, ctx.published_at)}:
            return None  # "the major economies -- Japan and the United States -- need to", said by the U.S.
    others = [resolve_token_actor(c, ctx, sent) for c in subj.conjuncts]
    if speaker.code in {a.code for a in (actor, *others) if a is not None}:
        return None  # "the United States and India should not let ...", said an Indian minister: shared
    return subj


def _a_state_by_name(word: str, ctx: ArticleContext) -> bool:
    """The word is a state's own name, whole ("Iceland"; not "Icelandic", nor a city)."""
    hits = gazetteer().find_all(word, ctx.published_at)
    return len(hits) == 1 and hits[0][1] - hits[0][0] == len(word) and hits[0][3].kind == "country"


def _conjoined_subject(verb: Token, pronoun: Token) -> Token | None:
    """The subject a pronoun stands for in a clause joined to the one before ("China had made progress ...
    but it needs to take steps", "Greece made commitments and it must respect them"): that clause's named
    subject, when the number agrees."""
    if verb.dep_ != "conj":
        return None
    up = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    return up if _agrees(up, pronoun) else None


def _necessary_that(verb: Token, forecast: frozenset[str]) -> bool:
    """ "it is imperative that the euro zone countries fulfill their obligations", "it was important the
    Mongolian government implement the agreement": the subjunctive after a word of necessity is a demand (the
    parser may hang the clause on the copula or beside it)."""
    if verb.tag_ not in {"VB", "VBP"} or verb.lemma_.lower() in forecast or verb.dep_ != "ccomp":
        return False
    if any(c.dep_ == "aux" for c in verb.children):
        return False  # "it is important that X can ...", "that X will ...": no subjunctive
    head = verb.head
    copulas = [head, *(c for c in head.children if c.dep_ == "ccomp" and c.i < verb.i)]
    necessity = lexicon().set("necessity_adjectives")  # "it is ... that X do" demands that X do it
    return any(a.dep_ == "acomp" and a.lemma_.lower() in necessity for cop in copulas for a in cop.children)


def _necessary_for(verb: Token, forecast: frozenset[str]) -> bool:
    """ "it was necessary for Greece to give guarantees", "it is vital for Athens to stick to the program": a
    word of necessity with "for" a state and a "to" verb demands that the state do it, as the subjunctive
    after "that" does (`_necessary_that`); not when the copula is negated ("it is not necessary for X to")."""
    if verb.tag_ != "VB" or verb.lemma_.lower() in forecast or verb.dep_ not in {"advcl", "xcomp", "ccomp"}:
        return False
    if not _to_verb(verb) or not any(c.dep_ == "mark" and c.lower_ == "for" for c in verb.children):
        return False
    head = verb.head
    necessity = lexicon().set("necessity_adjectives")
    return not any(c.dep_ == "neg" for c in head.children) and any(
        a.dep_ == "acomp" and a.lemma_.lower() in necessity for a in head.children
    )


def _to_verb(verb: Token) -> bool:
    """A verb with its infinitive "to" ("to open", "to stick")."""
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)


def _directed(verb: Token) -> Token | None:
    """Whom a "tell" or "want" directs to act: "told Japan to open its market", "wants Greece to stick to its
    program" (the parser makes the second a clause with its own subject). None when negated."""
    if verb.lemma_.lower() not in {"tell", *lexicon().set("directing_verbs")} or any(
        c.dep_ == "neg" for c in verb.children
    ):
        return None
    told = next((c for c in verb.children if c.dep_ in {"dobj", "dative"}), None)
    if told is not None and any(c.dep_ == "xcomp" and c.i > told.i and _to_verb(c) for c in verb.children):
        return told
    for clause in (c for c in verb.children if c.dep_ == "ccomp" and _to_verb(c)):
        subject = next((g for g in clause.children if g.dep_ == "nsubj"), None)
        if subject is not None and subject.i > verb.i:
            return subject
    return None


def _foreign_directed(verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> Actor | None:
    """The foreign state a "tell"/"want" directs to act, if any."""
    told = _directed(verb)
    actor = resolve_token_actor(told, ctx, sent) if told is not None else None
    if actor is None or not actor.code or not actor.is_state or actor.code == speaker.code:
        return None
    return actor


def _told_to(verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext) -> bool:
    """ "told Japan to open its market": an order to a foreign state."""
    return verb.lemma_.lower() == "tell" and _foreign_directed(verb, speaker, sent, ctx) is not None


def _must_in_other_words(verb: Token, forecast: frozenset[str]) -> bool:
    """ "Japan has to open its markets", "China needs to take steps", "Japan would have to show", "China ought
    to open": "must" in other words, a present or conditional "have/need" (or "ought") with a "to" verb. A
    past "had to" in a narrative tells what happened ("Brazil had to suspend payments"), so it is left out;
    in what a past statement says ("Merkel said China had to open its markets") it is the present's "has to"
    put in the past, as reported speech does with every tense."""
    lemma = verb.lemma_.lower()
    # the parser may hang the "to" verb as an adverbial clause ("told reporters Japan needed to open"); right
    # after the verb it is its complement all the same
    right_after = verb.i + 1 < len(verb.doc) and verb.nbor().lower_ == "to"
    to_do = any(
        (c.dep_ == "xcomp" or c.dep_ == "advcl" and right_after)
        and c.lemma_.lower() not in forecast
        and _to_verb(c)
        for c in verb.children
    )
    if lemma == "ought":
        return to_do
    if lemma not in {"have", "need"} or verb.tag_ == "VBN" or (verb.tag_ == "VBD" and not _backshifted(verb)):
        return False
    if any(t.tag_ in {"WDT", "WP"} for c in verb.children for t in (c, *c.children)):
        return False  # "a program in which Greece has to specify its obligations": what it holds, no demand
    if any(c.dep_ in {"dobj", "prep"} or c.lower_ == "yet" for c in verb.children):
        # "has the right to", "will have until April to pay" (a deadline), "has yet to give" (not done yet)
        return False
    if verb.tag_ == "VB" and not any(
        c.dep_ == "aux" and c.lower_ in {"would", "will"} for c in verb.children
    ):
        return False
    return to_do


def _backshifted(verb: Token) -> bool:
    """A past verb that is what a past statement says ("said China had to ..."): the tense of reported speech,
    not of a narrative. A time of the past in its clause ("said Japan had to suspend payments last year", "in
    1985") tells what happened then."""
    said = verb.head
    speech = lexicon().set("speech_verbs")
    # (or a participle of saying on a past act: "cut its forecast, saying China needed to rebalance")
    past = said.tag_ == "VBD" or (said.tag_ == "VBG" and said.dep_ == "advcl" and said.head.tag_ == "VBD")
    if verb.dep_ != "ccomp" or not past or said.lemma_.lower() not in speech:
        return False
    return not any(t.lower_ in _PAST_TIMES or (t.like_num and len(t.text) == 4) for t in verb.subtree)


_PAST_TIMES = frozenset({"last", "ago", "yesterday", "earlier", "previously", "once", "then"})


def _not_a_state_reaction(
    verb: Token, lemma: str, speaker: Actor | None, sent: Sentence, ctx: ArticleContext
) -> bool:
    """No state speaker, a stance aimed at its own side's public, or a comment on its own side's act."""
    stance_verbs = lexicon()["stance_verbs"]
    if speaker is None or not speaker.code or not speaker.is_state:
        return True
    if lemma in stance_verbs and (
        _domestic_addressee(verb, speaker, ctx) or _own_side_addressee(verb, speaker, ctx)
    ):
        return True
    if lemma not in stance_verbs and _speakers_own_act(verb, speaker, ctx, sent):
        return True  # the speaker's own side's act is not something it reacts to
    return False


def _framed_as(
    verb: Token, speaker: Actor, sent: Sentence, ctx: ArticleContext
) -> tuple[str, str, str] | None:
    """(stance, noun, target code) of a statement the narrator frames by its aim ("In a rebuke to X, Y said",
    "in a swipe at Washington"; lexicon `framing_nouns`): the noun's stance towards a foreign actor."""
    framing = lexicon()["framing_nouns"]
    # the parser may hang the fronted phrase on a dateline before the speaker ("LONDON, June 3 - In a ...")
    fronted = [c for c in verb.children if c.i < verb.i]
    for prep in [*verb.children, *(g for c in fronted for g in c.children if g.i > c.i)]:
        if prep.dep_ != "prep" or prep.lower_ != "in":
            continue
        for noun in prep.children:
            stance = framing.get(noun.lemma_.lower()) if noun.dep_ == "pobj" else None
            if stance is None or not any(c.dep_ == "det" and c.lower_ in {"a", "an"} for c in noun.children):
                continue  # "in a rebuke to X", not "backed X in attacks on government positions"
            for aim in noun.children:
                if aim.dep_ != "prep" or aim.lower_ not in {"to", "at", "on", "against"}:
                    continue
                for obj in aim.children:
                    named = obj.dep_ == "pobj" and obj.pos_ == "PROPN"
                    actor = resolve_token_actor(obj, ctx, sent) if named else None
                    if actor is not None and actor.code and actor.code != speaker.code:
                        return stance, noun.text, actor.code
    return None


# "foreign" naming a party ("any foreign carrier", "foreign media", "foreign firms"), not a kind of thing
# or an office of one's own ("foreign exchange", "foreign debt", "the Foreign Ministry", "foreign
# correspondents")
_FOREIGN_PARTY = re.compile(
    r"\bforeign\b(?![\s-]+(?:exchange|minist\w*|affairs|policy|policies|operations|trade|press|correspondents?"
    r"|debt|debts|borrowing|oil|reserves|currenc\w+|loans?|aid|access|passports?|relations|service|secretary"
    r"|office|input|earnings|sales|demand|markets?)\b)"
)


def _verb_reactions(
    verb: Token, doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list, quotes
) -> list[ReactionCandidate]:
    """The reactions a stance, speech or judging verb reports."""
    lex = lexicon()
    stance_verbs = lex["stance_verbs"]
    speech_verbs = lex.set("speech_verbs")
    judging_verbs = lex.set("judging_verbs")
    lemma = verb.lemma_.lower()
    according = verb.dep_ == "ROOT" and any(c.lower_ == "according" for c in verb.children)
    if (
        lemma not in stance_verbs
        and lemma not in speech_verbs
        and lemma not in judging_verbs
        and not according
    ):
        return []
    if _not_a_statement(verb, lemma, doc, sent, ctx, quotes):
        return []
    judging = _judging_verb(verb)
    if _not_a_reaction_verb(verb, lemma, judging) or _what_a_body_does(verb, lemma):
        return []
    speaker_tok = _speaker_token(verb)
    if speaker_tok is None or _said_of_the_subject(verb, speaker_tok, lemma):
        return []
    if lemma != "quote" and is_media(speaker_tok):
        # "Reuters reported ... according to X" is handled through X; media themselves are not actors.
        return []
    speaker_tok, speaker = _reaction_speaker(verb, speaker_tok, sent, ctx)
    if _not_a_state_reaction(verb, lemma, speaker, sent, ctx):
        return []
    content, content_text, quote_text, direct = _what_was_said(
        verb, lemma, doc, speaker_tok, quotes, sent, ctx
    )
    if not content_text.strip():
        return []
    targets, referred = _named_targets(content, content_text, speaker, sent, ctx)
    if not targets:
        targets = _firm_targets(content_text, speaker, ctx, before=sent.start)
    if not targets:
        targets = _fallback_targets(verb, lemma, judging, content_text, speaker, speaker_tok, doc, sent, ctx)
    framed = _framed_as(verb, speaker, sent, ctx)
    targets = [framed[2], *(t for t in targets if t != framed[2])] if framed is not None else targets
    named_text = " ".join([content_text, *referred])
    mentions_visit = _about_visit(speaker, named_text, targets, visits) or _said_after_meeting_the_visitor(
        verb, speaker, sent, ctx, visits
    )
    refers_visit = mentions_visit or _about_visit(speaker, named_text, targets, visits, loose=True)
    foreign_only = False
    if not targets and not refers_visit:
        # "oppose any foreign carrier": an unnamed foreign party
        # is still a foreign target, but only for a clear stance.
        if (
            _FOREIGN_PARTY.search(content_text.lower())
            or _stand_of_a_named_state(verb, lemma, speaker, speaker_tok, ctx)
            or _igo_on_a_party(verb, lemma, speaker, ctx)
        ):
            foreign_only = True
        else:
            return []
    findings = (
        # "In a rebuke to Sarkozy, Barroso said: '...'": the narrator names the stance and whom it aims at
        [(framed[0], f"framed as a '{framed[1]}'", quote_text, "cue")]
        if framed is not None
        else _findings(
            verb,
            lemma,
            judging,
            content,
            content_text,
            quote_text,
            direct,
            speaker,
            mentions_visit,
            ctx,
            sent,
        )
    )
    out: list[ReactionCandidate] = []
    for stance, why, quote, evidence in findings:
        if stance == "neutral" and foreign_only:
            continue
        if stance == "neutral" and not mentions_visit:
            # Plain "said" about a foreign actor is too weak to be a reaction unless it concerns a visit.
            continue
        out.append(
            ReactionCandidate(
                sentence=sent,
                trigger=verb,
                speaker=speaker,
                stance=stance,
                quote=quote,
                quote_is_direct=direct,
                target_codes=targets,
                content_text=content_text,
                mentions_visit=mentions_visit,
                refers_visit=refers_visit,
                reasons=[why, f"speaker: {speaker.reason}", f"targets: {','.join(targets) or 'visit'}"],
                verb_lemma=lemma,
                speaker_written=_without_dateline(written_name(speaker_tok), speaker_tok, sent, ctx),
                evidence=evidence,
            )
        )
        out.extend(_coordinated_speakers(out[-1], speaker_tok, ctx, sent))
    return out


_MODAL_AUX = frozenset({"do", "will", "would", "can", "could", "may", "might", "shall", "should", "must"})


def _verb_tagged_noun(tok: Token) -> bool:
    """A verb the tagger read as a noun, which the parser still gave a subject and an auxiliary: "Merkel did
    signal that ...", "Japan will protest"."""
    return (
        tok.pos_ == "NOUN"
        and any(c.dep_ == "aux" and c.lemma_.lower() in _MODAL_AUX for c in tok.children)
        and any(c.dep_ == "nsubj" for c in tok.children)
    )


def _foreign_parties(tok: Token, decider: Actor, ctx: ArticleContext) -> list[str]:
    """The countries foreign to the decider of what a phrase names: companies the article gave with their
    nationality ("the Chinalco deal"), states or nationalities ("China's Huawei Technologies")."""
    text = tok.doc[tok.left_edge.i : tok.right_edge.i + 1].text
    codes = _firm_targets(text, decider, ctx)
    codes += [p.code for *_, p in gazetteer().find_all(text, ctx.published_at) if p.kind != "igo"]
    return list(dict.fromkeys(c for c in codes if c != decider.code))


def _decision(
    trigger: Token, decider_tok: Token, stance: str, parties: list[Token], sent: Sentence, ctx: ArticleContext
) -> ReactionCandidate | None:
    """The reaction of a state or IGO deciding on a deal of a party foreign to it; an IGO may decide on any
    company's deal."""
    decider = resolve_token_actor(decider_tok, ctx, sent)
    if decider is not None and decider.kind == "igo" and not decider.is_state:
        # "from the European Commission of its planned acquisition of X Inc": the body is named before the
        # phrase that follows it (which named a company)
        named = gazetteer().find_all(
            decider_tok.doc[decider_tok.left_edge.i : decider_tok.i + 1].text, ctx.published_at
        )
        if any(p.code == decider.code for *_, p in named):
            decider = replace(decider, is_state=True, reason=f"{decider.code} named")
    if decider is None or not decider.code or not decider.is_state or is_media(decider_tok):
        return None
    targets = list(dict.fromkeys(code for party in parties for code in _foreign_parties(party, decider, ctx)))
    if not targets and decider.kind != "igo":
        return None
    span = actor_span(decider_tok)
    content = " ".join(t.text for t in trigger.doc if not (span.start <= t.i < span.end))
    why = f"a decision on a deal ('{trigger.text}')"
    return _act_reaction(trigger, decider_tok, _ActFound(decider, stance, why, targets, content), sent, ctx)


_UNREAL_MODALS = frozenset({"could", "would", "might", "may"})


def _deal_decisions(doc: Doc, sent: Sentence, ctx: ArticleContext) -> list[ReactionCandidate]:
    """A state's or IGO's decision on a company's deal ("the U.S. Committee on Foreign Investment had cleared
    the Chinalco deal", "Google won approval from the European Commission of its acquisition", "failed to win
    approval from a U.S. government security panel"): the guidelines count a stance on a foreign company's
    act (lexicon `deal_decisions`)."""
    lex = lexicon()["deal_decisions"]
    verbs, nouns = lex["verbs"], set(lex["nouns"])
    if not any(t.lemma_.lower() in nouns or t.lemma_.lower() in lex["deal_verbs"] for t in doc):
        return []  # "obtained approval to lease four new ships": a permit, no deal
    out = []
    for tok in doc:
        lemma = tok.lemma_.lower()
        if (
            lemma in verbs
            and tok.pos_ == "VERB"
            # "could have vetoed Moscow's bid": what was not done; "will block the merger if ...": a threat
            and not any(c.dep_ == "neg" or c.lower_ in _UNREAL_MODALS for c in tok.children)
        ):
            out.append(_verb_decision(tok, verbs[lemma], nouns, sent, ctx))
        elif (
            lemma in lex["approval_nouns"]
            and tok.dep_ == "dobj"
            and tok.head.lemma_.lower() in lex["win_verbs"]
        ):
            out.append(_won_decision(tok, sent, ctx))
    return [c for c in out if c is not None]


def _verb_decision(
    tok: Token, stance: str, nouns: set[str], sent: Sentence, ctx: ArticleContext
) -> ReactionCandidate | None:
    """ "X cleared the Chinalco deal", "the takeover was blocked by X"."""
    deal = next((c for c in tok.children if c.dep_ == "dobj" and c.lemma_.lower() in nouns), None)
    deciders = [c for c in tok.children if c.dep_ == "nsubj"]
    if deal is None:
        deal = next((c for c in tok.children if c.dep_ == "nsubjpass" and c.lemma_.lower() in nouns), None)
        deciders = [g for c in tok.children if c.dep_ == "agent" for g in c.children if g.dep_ == "pobj"]
    if deal is None or not deciders:
        return None
    # the other party of a sale, named with "to" ("cleared Dow's sale of Morton Salt to Germany's K+S")
    buyers = [
        g
        for h in (tok, deal)
        for c in h.children
        if c.dep_ == "prep" and c.lower_ == "to"
        for g in c.children
    ]
    return _decision(tok, deciders[0], stance, [deal, *buyers], sent, ctx)


def _won_decision(noun: Token, sent: Sentence, ctx: ArticleContext) -> ReactionCandidate | None:
    """ "X won approval from Y", "X failed to win approval from Y" (negative): Y's decision on X's deal; so is
    "X has received U.S. anti-trust clearance for its acquisition of Y" (the state named on the decision)."""
    win = noun.head
    # the parser hangs "from Y" on the noun or on the verb
    deciders = [
        g
        for c in (*noun.children, *win.children)
        if c.dep_ == "prep" and c.lower_ == "from"
        for g in c.children
    ] or [
        c
        for c in noun.children
        if c.dep_ in {"compound", "nmod", "amod"} and c.pos_ == "PROPN" and c.i < noun.i
    ]
    failed = win.head if win.dep_ == "xcomp" and win.head.lemma_.lower() == "fail" else None
    verb = failed or win
    subject = next((c for c in verb.children if c.dep_ == "nsubj"), None)
    if subject is None and verb.dep_ == "conj":  # "X tried to buy Z but failed to win approval"
        subject = next((c for c in verb.head.children if c.dep_ == "nsubj"), None)
    if not deciders or subject is None or any(c.dep_ == "neg" for c in win.children):
        return None
    # the deal decided on, when named ("for its acquisition of Canadian aluminium maker Alcan")
    deals = [g for h in (noun, win) for g in _prep_objects(h, {"for"})]
    return _decision(noun, deciders[0], "negative" if failed else "positive", [subject, *deals], sent, ctx)


def _factbox_reactions(
    doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list
) -> list[ReactionCandidate]:
    """The stance a speaker takes in words a factbox of comments gives under the speaker's header ("GERMAN
    FINANCE MINISTER WOLFGANG SCHAEUBLE ON GREECE: 'Greece must implement the agreed measures'"): the words
    are the speaker's with no speech verb; a sentence with a speech verb of its own ("Colleagues from the U.S.
    say ...") is left to the verb's rules, unless its speaker is the header's ("Asked ..., Omi said")."""
    section = section_of(ctx, sent)
    if section is None:
        return []
    speech = lexicon().set("speech_verbs")
    own = {"i", "we", "he", "she", *(section.speaker.name or "").lower().split()[-1:]}
    if any(
        t.lemma_.lower() in speech and any(c.dep_ == "nsubj" and c.lower_ not in own for c in t.children)
        for t in doc
    ):
        return []
    content = [t for t in doc if sent.start + t.idx >= section.start and not t.is_space]
    if not content:
        return []
    content_text = " ".join(t.text for t in content)
    speaker = section.speaker
    # the stance and whom it is on, clause by clause ("Draghi gets the same echoes ... I believe it's a very
    # positive thing": the praise is of no state named)
    stance, why, targets = "neutral", "", []
    clauses = _clauses_of(content)
    for clause, governor in clauses:
        text = " ".join(t.text for t in clause)
        cue_stance, cue_why = _stance_from_cues(text, speaker.code, ctx.published_at)
        if cue_stance == "neutral":
            cue_stance, cue_why = _speakers_stance_verb(clause, speaker, sent, ctx)
        named = _named_targets(clause, text, speaker, sent, ctx)[0] if cue_stance != "neutral" else []
        while not named and cue_stance != "neutral" and governor is not None:
            # "Greece must know that we expect them to do more": whom the complement is on, its governor names
            clause, governor = clauses[governor]
            named = _named_targets(clause, " ".join(t.text for t in clause), speaker, sent, ctx)[0]
        if named:
            stance, why, targets = cue_stance, cue_why, named
            break
    if not targets:
        duty = _foreign_duty(content, speaker, sent, ctx)
        targets = _named_targets(content, content_text, speaker, sent, ctx)[0] if duty is not None else []
        if not targets:
            return []
        stance, why = "negative", duty
    quote = doc[content[0].i : content[-1].i + 1].text.strip(' "“”')
    return [
        ReactionCandidate(
            sentence=sent,
            trigger=content[0],
            speaker=speaker,
            stance=stance,
            quote=quote,
            quote_is_direct=True,
            target_codes=targets,
            content_text=content_text,
            mentions_visit=_about_visit(speaker, content_text, targets, visits),
            refers_visit=_about_visit(speaker, content_text, targets, visits, loose=True),
            reasons=[why, f"speaker: {speaker.reason} ('{section.header}')", f"targets: {','.join(targets)}"],
            speaker_written=speaker.name,
            evidence="cue",
        )
    ]


def _speakers_stance_verb(
    clause: list[Token], speaker: Actor, sent: Sentence, ctx: ArticleContext
) -> tuple[str, str]:
    """(stance, why) of a stance verb the speaker's side is the subject of, in the speaker's own words ("we
    support ...", "the Federal government continues to support ..."); ("neutral", "") when there is none."""
    stances = lexicon()["stance_verbs"]
    for verb in clause:
        stance = stances.get(verb.lemma_.lower())
        if (
            verb.pos_ != "VERB"
            or stance not in {"positive", "negative"}
            or any(c.dep_ == "neg" for c in verb.children)
        ):
            continue
        holder = verb.head if verb.dep_ == "xcomp" else verb
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        actor = None if subject.lower_ in {"i", "we"} else resolve_token_actor(subject, ctx, sent)
        if subject.lower_ in {"i", "we"} or (actor is not None and actor.code == speaker.code):
            return stance, f"verb '{verb.text}' of the speaker's side"
    return "neutral", ""


def _clauses_of(tokens: list[Token]) -> list[tuple[list[Token], int | None]]:
    """The clauses of a run of tokens: each verb's own words, its complement and coordinated clauses apart;
    with each, the index of the clause a complement is governed by (None for the others)."""
    keep = {t.i for t in tokens}
    out: list[tuple[list[Token], int | None]] = []
    heads: list[tuple[Token, int | None]] = [(t, None) for t in tokens if t.head == t or t.head.i not in keep]
    while heads:
        head, governor = heads.pop(0)
        inner = [
            c for c in head.children if c.dep_ in {"ccomp", "conj", "advcl"} and c.pos_ in {"VERB", "AUX"}
        ]
        below = {t.i for c in inner for t in c.subtree}
        own = [t for t in head.subtree if t.i in keep and t.i not in below]
        index = len(out) if own else governor
        if own:
            out.append((own, governor))
        heads += [(c, index if c.dep_ == "ccomp" else None) for c in inner]
    return out


def _refused(verb: Token) -> bool:
    """A verb negated ("would not bow"), or told as no plan ("had no plans to bow", "has no intention of
    bowing")."""
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    up = verb.head if verb.dep_ in {"acl", "xcomp", "pcomp"} else None
    if up is not None and up.lower_ == "of" and verb.dep_ == "pcomp":
        up = up.head
    return (
        up is not None
        and up.lemma_.lower() in {"plan", "intention"}
        and any(c.dep_ == "det" and c.lower_ == "no" for c in up.children)
    )


def _refusals_to_yield(
    doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list
) -> list[ReactionCandidate]:
    """ "Japan would not bow to U.S. pressure", "has no plans to bow to pressure", "will not yield to
    blackmail": refusing to give way to another is a stand against it (lexicon `yield_verbs`; "refused to bow
    to" is the stance verb "refuse" already)."""
    out: list[ReactionCandidate] = []
    for verb in doc:
        if (
            verb.pos_ != "VERB"
            or verb.lemma_.lower() not in lexicon().set("yield_verbs")
            or not any(c.dep_ == "prep" and c.lower_ == "to" for c in verb.children)
            or not _refused(verb)
        ):
            continue
        # (not `_speaker_token`: it stops at a noun object, and "had no plans to bow" hangs on "plans")
        holder = verb
        while holder.dep_ in {"xcomp", "acl", "pcomp", "prep", "dobj"} and not any(
            c.dep_ == "nsubj" for c in holder.children
        ):
            holder = holder.head  # "had no plans to bow": the subject of "had"
        subject = next((c for c in holder.children if c.dep_ == "nsubj"), None)
        if subject is None:
            continue
        cand = _act_candidate(
            verb, subject, "negative", f"refuses to give way ('{verb.text} to')", sent, ctx, visits
        )
        if cand is not None:
            out.append(cand)
    return out


def extract_reactions(doc: Doc, sent: Sentence, ctx: ArticleContext, visits: list) -> list[ReactionCandidate]:
    quotes = quote_spans(sent.text)
    out: list[ReactionCandidate] = (
        _nominal_reactions(doc, sent, ctx, visits)
        + _adjective_reactions(doc, sent, ctx, visits)
        + _deal_decisions(doc, sent, ctx)
        + _refusals_to_yield(doc, sent, ctx, visits)
        + _factbox_reactions(doc, sent, ctx, visits)
    )
    for verb in doc:
        if verb.pos_ not in {"VERB", "AUX"} and not _verb_tagged_noun(verb):
            continue
        action_stance = _stance_action(verb)
        if action_stance is not None:
            out.extend(_action_reaction(verb, action_stance, sent, ctx, visits))
            continue
        out.extend(_verb_reactions(verb, doc, sent, ctx, visits, quotes))
    # A plain "said" around a stance the same speaker takes in the
    # same sentence adds nothing ("X lodged a protest ..., Y said").
    stanced = {c.speaker.code for c in out if c.stance != "neutral"}
    return [c for c in out if c.stance != "neutral" or c.speaker.code not in stanced]
