"""CAMEO and PLOVER codes for visit and reaction events."""

from __future__ import annotations

# CAMEO 042 make a visit, 043 host a visit, 036 express intent to meet or negotiate (planned trips),
# 1246 "reject request or demand for ... meeting" is the closest code for a called-off visit.
_VISIT = {
    ("visit", "completed"): ("042", "CONSULT", "visit"),
    ("visit", "ongoing"): ("042", "CONSULT", "visit"),
    ("visit", "planned"): ("036", "CONSULT", "visit"),
    ("visit", "cancelled"): ("1246", "REJECT", "visit"),
    ("host", "completed"): ("043", "CONSULT", "host"),
    ("host", "ongoing"): ("043", "CONSULT", "host"),
    ("host", "planned"): ("036", "CONSULT", "host"),
    ("host", "cancelled"): ("1246", "REJECT", "host"),
}

# Reaction verbs → CAMEO codes; unlisted verbs fall back to their stance.
_REACTION_VERBS = {
    "praise": "051",
    "hail": "051",
    "applaud": "051",
    "commend": "051",
    "laud": "051",
    "congratulate": "051",
    "welcome": "051",
    "thank": "051",
    "appreciate": "051",
    "salute": "051",
    "support": "051",
    "endorse": "051",
    "back": "051",
    "approve": "051",
    "criticize": "111",
    "criticise": "111",
    "condemn": "111",
    "denounce": "111",
    "blast": "111",
    "slam": "111",
    "assail": "111",
    "deplore": "111",
    "rap": "111",
    "chide": "111",
    "rebuke": "111",
    "lambaste": "111",
    "censure": "111",
    "decry": "111",
    "attack": "111",
    "complain": "114",
    "scold": "111",
    "accuse": "112",
    "blame": "112",
    "deny": "016",
    "warn": "130",
    "threaten": "130",
    "reject": "120",
    "rebuff": "120",
    "dismiss": "120",
    "refuse": "120",
    "veto": "120",
    "oppose": "120",
    "object": "120",
    "protest": "114",
    "complain_officially": "114",
    "urge": "100",
    "demand": "100",
    "call": "100",
    "ask": "100",
    "press": "100",
    "confirm": "010",
    "acknowledge": "010",
    "comment": "010",
    "indicate": "010",
    "describe": "010",
    "note": "010",
}
# PLOVER has no neutral-comment type; neutral statements are coded as CAMEO 010 with no PLOVER mode.
_STANCE_DEFAULT = {
    "negative": ("111", "DISAPPROVE", "criticize"),
    "positive": ("051", "COOPERATE", "praise"),
    "neutral": ("010", "CONSULT", None),
}
_PLOVER = {
    "051": ("COOPERATE", "praise"),
    "111": ("DISAPPROVE", "criticize"),
    "112": ("DISAPPROVE", "accuse"),
    "114": ("DISAPPROVE", "complain"),
    "016": ("DISAPPROVE", "deny"),
    "120": ("REJECT", None),
    "130": ("THREATEN", None),
    "100": ("DEMAND", None),
    "010": ("CONSULT", None),
}


def visit_codes(direction: str, status: str) -> tuple[str, str, str | None]:
    """(cameo_code, plover_type, plover_mode) of a visit mention."""
    return _VISIT.get((direction, status), ("042", "CONSULT", "visit"))


def reaction_codes(verb_lemma: str | None, stance: str) -> tuple[str, str, str | None]:
    """(cameo_code, plover_type, plover_mode) of a reaction, from its verb and stance."""
    cameo = _REACTION_VERBS.get((verb_lemma or "").lower())
    if (
        cameo is None
        or (stance == "positive" and cameo != "051")
        or (stance == "negative" and cameo in {"051", "010"})
    ):
        return _STANCE_DEFAULT[stance]
    if stance == "neutral" and cameo != "010":
        return _STANCE_DEFAULT["neutral"]
    plover_type, mode = _PLOVER.get(cameo, _STANCE_DEFAULT[stance][1:])
    return cameo, plover_type, mode
