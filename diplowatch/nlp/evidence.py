"""Typed evidence of how an actor's state was found, for the rules and the confidence score to read instead of
the wording of a reason string. The reason string stays the human-readable account in `confidence_reason`;
decisions read these fields."""

from __future__ import annotations

from dataclasses import dataclass
from enum import Enum


class Source(Enum):
    """Where the state of a person or office came from in the end."""

    TEXT = "text"  # the text ties them: a nationality, a title of a named state, an owner, a quote's outlet
    LEADERS_TABLE = "leaders table"  # the name is a leader's of that state on the article's date
    DATELINE = "dateline"  # a titled person the text gives no state: the dateline's, for want of another
    DATELINE_INSTITUTION = "dateline institution"  # "the ministry" of a story: the dateline state's


class Step(Enum):
    """How one mention was reached from another that holds the state."""

    SURNAME = "surname"  # "Wen" after "Premier Wen Jiabao"
    PRONOUN = "pronoun"  # "he", "she"
    DEFINITE_TITLE = "definite title"  # "the prime minister" after one named by that title
    OFFICE = "office"  # "his spokesman", "her foreign minister"
    NEAREST_OFFICIAL = "nearest official"  # the official named last before a trigger with no subject
    GROUP = "group"  # "the trade ministers of the United States, the EC and Canada": each state's


@dataclass(frozen=True)
class Found:
    """How an actor's state was found: its source and the steps (outermost first) from the mention that
    holds it."""

    source: Source = Source.TEXT
    via: tuple[Step, ...] = ()

    def through(self, step: Step) -> Found:
        return Found(self.source, (step, *self.via))

    @property
    def from_dateline(self) -> bool:
        """The state is the dateline's, for want of one the text gives (here or through other mentions)."""
        return self.source in {Source.DATELINE, Source.DATELINE_INSTITUTION}

    @property
    def dateline_person(self) -> bool:
        """A titled person given the dateline's state, named here by title or name, not reached through
        another mention."""
        return self.source is Source.DATELINE and not self.via

    @property
    def by_leaders_table(self) -> bool:
        """A name found in the leaders table, here as written."""
        return self.source is Source.LEADERS_TABLE and not self.via


FROM_TEXT = Found()
