"""Intent of a shopper's message, references to shown items, and refinements of the last request.

Rules, not a model: the intents are few, their cues are explicit ("cheaper", "the second one",
"return policy"), and rules are instant, testable and explainable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

from assistant.constraints import Constraints
from assistant.session import Session
from assistant.understand import Query


class Intent(StrEnum):
    SEARCH = "search"
    REFINE = "refine"
    COMPARE = "compare"
    DETAIL = "detail"
    POLICY = "policy"
    SUPPORT = "support"
    CHITCHAT = "chitchat"
    CLARIFY = "clarify"


ORDINALS = {
    "first": 1,
    "1st": 1,
    "one": 1,
    "second": 2,
    "2nd": 2,
    "two": 2,
    "third": 3,
    "3rd": 3,
    "three": 3,
    "fourth": 4,
    "4th": 4,
    "four": 4,
    "fifth": 5,
    "5th": 5,
    "five": 5,
    "sixth": 6,
    "6th": 6,
    "six": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
}
REFERENCE = re.compile(
    r"\b(?:the\s+)?(first|1st|second|2nd|third|3rd|fourth|4th|fifth|5th|sixth|6th|seventh|eighth|ninth|tenth|last)"
    r"(?:\s+(?:one|item|product|option))?\b|(?:#|number\s+|no\.?\s*|item\s+|option\s+)(\d{1,2})\b",
    re.I,
)
COMPARE_CUE = re.compile(r"\b(?:compare|comparison|vs\.?|versus|difference|differ|better|which one)\b", re.I)
COMPARE_NUMBERS = re.compile(r"\b(\d{1,2})\s*(?:,|and|&|vs\.?|with|to)\s*(\d{1,2})\b")
FIRST_N = re.compile(r"\b(?:first|top)\s+(two|three|four|2|3|4)\b", re.I)
DETAIL_CUE = re.compile(r"\b(?:tell me more|more about|details?|describe|what about|is it|does it|specs?)\b", re.I)

POLICY_CUE = re.compile(
    r"\b(?:return(?:s|ing)?|refunds?|exchange|shipping|ship|delivery|deliver|warranty|guarantee|"
    r"payment|pay|paypal|credit card|installments?|privacy|personal data|cookies?|policy|policies)\b",
    re.I,
)
SUPPORT_CUE = re.compile(
    r"\b(?:my order|order (?:number|#|status)|track(?:ing)? (?:my|the|an?) (?:order|package|parcel|shipment)|tracking (?:number|code|link)|where is my|hasn'?t arrived|not arrived|"
    r"didn'?t arrive|never arrived|damaged|broken|defective|wrong (?:item|size)|missing|cancel|"
    r"charged twice|double charged|my package|my parcel|my account|password|log ?in)\b",
    re.I,
)
HANDOFF_CUE = re.compile(
    r"\b(?:human|real person|agent|representative|manager|complain(?:t)?|speak to|talk to|call me|"
    r"lawyer|fraud|stolen|chargeback|charged twice|double charged|unacceptable)\b",
    re.I,
)
CHITCHAT_CUE = re.compile(
    r"^\s*(?:hi|hello|hey|yo|good (?:morning|afternoon|evening)|thanks?(?: you)?|thank you|thx|"
    r"bye|goodbye|ok(?:ay)?|cool|great|how are you|who are you|what are you|what can you do|"
    r"help)\b[\s!.?]*(?:there|so much|a lot)?[\s!.?]*$",
    re.I,
)
OUT_OF_SCOPE = re.compile(
    r"\b(?:weather|joke|politic|election|president|news|sports? score|stock market|bitcoin|recipe|"
    r"homework|poem|capital of|meaning of life|write (?:me )?(?:a|an) (?:essay|story|code))\b",
    re.I,
)
REFINE_CUES = re.compile(
    r"^\s*(?:(?:something|anything|show me|any(?:thing)?|maybe|what about|how about|do you have)\s+)?"
    r"(?:cheaper|less expensive|more expensive|pricier|higher end|more premium|bigger budget|"
    r"show more|more options|more like (?:this|these)|other options|something else|any others|"
    r"in (?:a )?\w+(?: colou?r)?|not \w+|without \w+|under \S+|below \S+|over \S+|above \S+|"
    r"between .+|only in stock|in stock|for (?:men|women|kids|boys|girls|him|her)|"
    r"(?:with )?(?:4|5|\d(?:\.\d)?) ?\+? stars?.*|instead|rated .+)",
    re.I,
)
CHEAPER = re.compile(r"\b(?:cheaper|less expensive|lower price|more affordable|budget)\b", re.I)
PRICIER = re.compile(r"\b(?:more expensive|pricier|higher end|more premium|fancier|bigger budget)\b", re.I)
MORE = re.compile(
    r"\b(?:show more|more options|any others|other options|something else|more like (?:this|these)|next)\b", re.I
)
QUESTION_WORDS = re.compile(r"\b(?:how|what|when|can i|do you|is there|are there|how long|how much|which)\b", re.I)


@dataclass
class Understood:
    intent: Intent
    references: list[int] = field(default_factory=list)  # 1-based positions in session.shown
    handoff: bool = False


def references(message: str, shown: int) -> list[int]:
    """1-based positions of shown items the message points at ("the second one", "1 and 3")."""
    refs: list[int] = []
    m = FIRST_N.search(message)
    if m:
        n = ORDINALS.get(m.group(1).lower()) or int(m.group(1))
        refs = list(range(1, n + 1))
    for a, b in COMPARE_NUMBERS.findall(message):
        refs += [int(a), int(b)]
    for word, number in REFERENCE.findall(message):
        if word:
            refs.append(shown if word.lower() == "last" else ORDINALS[word.lower()])
        elif number:
            refs.append(int(number))
    out = []
    for r in refs:
        if 1 <= r <= shown and r not in out:
            out.append(r)
    return out


def classify(message: str, session: Session, query: Query) -> Understood:
    """Decide what the shopper wants from this message, given the conversation so far."""
    if CHITCHAT_CUE.match(message) or (OUT_OF_SCOPE.search(message) and not query.constraints.categories):
        return Understood(Intent.CHITCHAT)
    if SUPPORT_CUE.search(message) or HANDOFF_CUE.search(message):
        return Understood(Intent.SUPPORT, handoff=bool(HANDOFF_CUE.search(message)))
    refs = references(message, len(session.shown)) if session.shown else []
    if refs and (COMPARE_CUE.search(message) or len(refs) >= 2):
        return Understood(Intent.COMPARE, refs)
    if refs:
        return Understood(Intent.DETAIL, refs)
    if POLICY_CUE.search(message) and (QUESTION_WORDS.search(message) or "?" in message or "policy" in message.lower()):
        return Understood(Intent.POLICY)
    if (
        session.query_text
        and not query.constraints.categories
        and (REFINE_CUES.match(message) or CHEAPER.search(message) or PRICIER.search(message) or MORE.search(message))
    ):
        return Understood(Intent.REFINE)
    return Understood(Intent.SEARCH)


def refine(
    session: Session, query: Query, message: str, shown_prices: list[float]
) -> tuple[Constraints, list[str], bool]:
    """Merge a refinement into the active constraints.

    Returns the new constraints, a readable list of what changed, and whether to page past
    items already seen ("show more").
    """
    old = session.constraints
    new = old.model_copy(deep=True)
    said = query.constraints
    changes: list[str] = []
    if CHEAPER.search(message) and said.price_max is None:
        ceiling = min(shown_prices) if shown_prices else old.price_max
        if ceiling is not None:
            new.price_max = round(ceiling - 0.01, 2)
            new.price_min = None
            changes.append(f"price now under {ceiling:g}")
    if PRICIER.search(message) and said.price_min is None and shown_prices:
        new.price_min = round(max(shown_prices) + 0.01, 2)
        new.price_max = None
        changes.append(f"price now over {max(shown_prices):g}")
    if said.price_min is not None or said.price_max is not None:
        new.price_min, new.price_max = said.price_min, said.price_max
        new.cheap = False
        changes.append(
            "price "
            + (f"{said.price_min:g}-" if said.price_min is not None else "up to ")
            + (f"{said.price_max:g}" if said.price_max is not None else "any")
        )
    if said.cheap:
        new.cheap, new.price_max = True, None
        changes.append("cheaper range")
    if said.colours:
        new.colours = said.colours
        changes.append("colour " + " or ".join(said.colours))
    if said.brands:
        new.brands = said.brands
        changes.append("brand " + " or ".join(said.brands))
    for b in said.exclude_brands:
        if b not in new.exclude_brands:
            new.exclude_brands.append(b)
            new.brands = [x for x in new.brands if x != b]
            changes.append(f"not {b}")
    if said.audience:
        new.audience = said.audience
        changes.append(f"for {said.audience}")
    if said.min_rating is not None:
        new.min_rating = said.min_rating
        changes.append(f"rating {said.min_rating:g}+")
    if said.in_stock:
        new.in_stock = True
        changes.append("in stock only")
    more = bool(MORE.search(message)) and not changes
    return new, changes, more
