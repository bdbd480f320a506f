"""Intent of a shopper's message and references to shown items (how a refinement changes the
active request is `assistant.dialogue`).

Rules, not a model: the intents are few, their cues are explicit ("cheaper", "the second one",
"return policy"), and rules are instant, testable and explainable.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from enum import StrEnum

import yaml

from assistant.audience import SCHOOL_YEAR
from assistant.chatter import is_chatter
from assistant.moves import RESET
from assistant.ordinals import COUNTS, LAST, order_words, ordinal_words
from assistant.ordinals import ORDINALS as ORDINALS_ONLY
from assistant.session import Session
from assistant.understand import Query
from assistant.vocabulary import DATA
from common.text import terms


class Intent(StrEnum):
    SEARCH = "search"
    REFINE = "refine"
    COMPARE = "compare"
    DETAIL = "detail"  # tell me about a shown or named product
    PRODUCT_QUESTION = "product_question"  # a question about one ("is the second one waterproof?")
    POLICY = "policy"
    SUPPORT = "support"
    CHITCHAT = "chitchat"
    CLARIFY = "clarify"


ORDINALS = {**ORDINALS_ONLY, **COUNTS}  # positions, and counts for "the first two"
REFERENCE = re.compile(
    rf"\b(?:the\s+)?({'|'.join(ordinal_words())}"
    # "last" points only as "the last (one)": "how long does the battery last" points at nothing
    rf"|(?<=the\s){LAST}(?!\s+(?:year|month|week|night|time|season|summer|winter)))"
    r"(?:\s+(?:one|item|product|option))?\b|(?:#|number\s+|no\.?\s*|item\s+|option\s+)(\d{1,2})\b",
    re.I,
)
# Unmistakable pointers at shown items, even when none are shown ("first aid kit" is no pointer).
POINTER = re.compile(
    r"\b(?:the\s+)?(?:first|second|third|fourth|fifth|last|1st|2nd|3rd|4th|5th)\s+(?:one|item|product|option|pick)s?\b"
    r"|(?:#|\bnumber\s+|\boption\s+|\bitem\s+)\d{1,2}\b"
    r"|\bcompare\s+(?:the\s+)?(?:\d{1,2}|first|top)\b",
    re.I,
)
# Words after which a bare ordinal says when, not which ("hers first", "do that first").
NOT_POINTING_AFTER = frozenset("hers his mine yours ours theirs her him them it this that these those me us".split())
# A bare ordinal before an article orders what the shopper asks for ("first the thigh pad").
COMPARE_CUE = re.compile(r"\b(?:compare|comparison|vs\.?|versus|difference|differ|better|which one)\b", re.I)
COMPARE_NUMBERS = re.compile(r"\b(\d{1,2})\s*(?:,|and|&|vs\.?|with|to)\s*(\d{1,2})\b")
FIRST_N = re.compile(r"\b(?:first|top)\s+(two|three|four|2|3|4)\b", re.I)
DETAIL_REQUEST = re.compile(r"\b(?:tell me (?:more|about)|more about|details?|describe|specs?)\b", re.I)
DETAIL_CUE = re.compile(r"\b(?:tell me more|more about|details?|describe|what about|is it|does it|specs?)\b", re.I)

POLICY_CUE = re.compile(
    # Word forms too: "it shows delivered but nothing came", "was it shipped?", "refunded yet?"
    r"\b(?:return(?:s|ing|ed)?|refund(?:s|ed)?|exchange|shipping|ship(?:ped|s)?|delivery|deliver(?:ed|s)?|warranty|guarantee|"
    r"payment|pay|paypal|credit card|installments?|privacy|personal data|(?:my|our|your) (?:personal )?(?:data|details)|"
    r"cookies?|policy|policies)\b",
    re.I,
)
# A message put as a question: a question mark, or a yes/no or wh- opening.
ASKED = re.compile(r"\?\s*$|^\W*(?:is|are|does|do|did|will|would|can|could|has|have|how|what|which)\b", re.I)
SUPPORT_CUE = re.compile(
    r"\b(?:my order|order (?:number|#|status)|track(?:ing)? (?:my|the|an?) (?:order|package|parcel|shipment)|tracking (?:number|code|link)|where is my|hasn'?t arrived|not arrived|"
    r"didn'?t arrive|never arrived|(?:nothing|never|didn'?t|hasn'?t|not) (?:came|come|received|showed up|shown up)|"
    r"damaged|broken|defective|faulty|cracked|torn|ripped|scratched|dented|"
    r"leak(?:s|ing)?|stopped working|(?:doesn'?t|does not|won'?t|isn'?t|not) (?:work|working|turn on|charge|fit)|"
    r"(?:a |get a |send a )?replacement|wrong (?:item|size|colou?r)|missing|cancel|"
    r"charged twice|double charged|my package|my parcel|my account|password|log ?in)\b",
    re.I,
)
# The words of a hand-off that tell of trouble (an apology is owed); "call me", "talk to" do not.
COMPLAINT_CUE = re.compile(
    r"\b(?:complain(?:t|ts|ed|ing)?|lawyer|fraud|stolen|chargeback|charged twice|double charged|unacceptable|"
    r"ridiculous|disgusting|worst|terrible|angry|furious|scam)\b",
    re.I,
)
HANDOFF_CUE = re.compile(
    r"\b(?:human|real person|agent|representative|manager|complain(?:t)?|speak to|talk to|call me|"
    r"lawyer|fraud|stolen|chargeback|charged twice|double charged|unacceptable)\b",
    re.I,
)
_CHITCHAT_WORD = (
    r"(?:hi|hello|hey|yo|good (?:morning|afternoon|evening)|thanks?(?: you| u)?|thank you|thx|ty|"
    r"bye|goodbye|ok(?:ay)?|cool|great|how are you|who are you|what are you|what can you do|help)"
)
# Small talk may chain its words ("ok thanks a lot", "great, thank you!"): each alone is small
# talk, and together they ask for nothing either (my chat re-ran the search on "ok thanks a lot").
# Thanks anywhere in small talk ("ok thanks a lot"): answered as thanks, not with the greeting.
THANKS_CUE = re.compile(r"\b(?:thank|thanks|thx|ty)\b", re.I)
CHITCHAT_CUE = re.compile(
    rf"^\s*{_CHITCHAT_WORD}\b(?:[\s,!.]+{_CHITCHAT_WORD}\b)*[\s!.?]*(?:there|so much|a lot)?[\s!.?]*$",
    re.I,
)
OUT_OF_SCOPE = re.compile(
    r"\b(?:weather|joke|politic|election|president|news|sports? score|stock market|bitcoin|recipe|"
    r"homework|poem|capital of|meaning of life|write (?:me )?(?:a|an) (?:essay|story|code))\b",
    re.I,
)


def _policy_phrases() -> re.Pattern[str]:
    words = yaml.safe_load((DATA / "policy_phrases.yaml").read_text(encoding="utf-8"))["phrases"]
    # "send back" also matches "send it back", "take them back".
    spelled = [r"\s+(?:(?:it|they|them|this|that|these|those)\s+)?".join(map(re.escape, w.split())) for w in words]
    return re.compile(r"\b(?:" + "|".join(spelled) + r")\b", re.I)


POLICY_PHRASE = _policy_phrases()
# A question without "?": a wh-word, or an auxiliary before its subject ("if he doesn't like it
# CAN WE send it back", "WOULD I get a refund") - inversion marks a question in English.
QUESTION_WORDS = re.compile(
    r"\b(?:how|what|when|which|is there|are there|"
    r"(?:can|could|may|will|would|do|does|did|should|shall) (?:i|we|you|he|she|they|my|our))\b",
    re.I,
)


PRONOUN = re.compile(r"\b(?:it|its|them|they|these|those)\b", re.I)


def points_back(message: str) -> bool:
    """Whether the message speaks of something already on screen by a pronoun ("can she return
    them if she ran in them once?"): the policy question is about the kind shown."""
    return bool(PRONOUN.search(message))


def is_policy_question(message: str) -> bool:
    """A question about returns, shipping, warranty, payment... (not "waterproof shipping bag")."""
    asks = QUESTION_WORDS.search(message) or "?" in message or "policy" in message.lower()
    return bool((POLICY_CUE.search(message) or POLICY_PHRASE.search(message)) and asks)


def _policy_asked(message: str, session: Session, query: Query) -> bool:
    """A policy question, unless a refinement states a new bound and the policy word stands only
    in a sentence that asks nothing: "got any more with music stuff on them? and lets keep it
    under 300 now, still need to pay for the cake" tells what the money is for (set AG d20 was
    answered from the payment policy). Asked cold, a story sentence beside the question is the
    case ("Tracking says delivered yesterday. What now?"), so only a request in progress counts."""
    if not is_policy_question(message):
        return False
    c = query.constraints
    bound = c.price_max is not None or c.price_min is not None or c.price_near is not None
    if not (bound and session.request.is_active()):
        return True
    sentences = re.findall(r"[^.!?]+[.!?]*", message)
    return any(
        (QUESTION_WORDS.search(s) or "?" in s) and (POLICY_CUE.search(s) or POLICY_PHRASE.search(s)) for s in sentences
    )


@dataclass
class Understood:
    intent: Intent
    references: list[int] = field(default_factory=list)  # 1-based positions in session.shown
    handoff: bool = False


def references(message: str, shown: int) -> list[int]:
    """1-based positions of shown items the message points at ("the second one", "1 and 3")."""
    return [r for r in pointed_positions(message, shown) if 1 <= r <= shown]


def pointed_positions(message: str, shown: int) -> list[int]:
    """Every 1-based position the message points at, shown or not ("the last" is `shown`)."""
    message = SCHOOL_YEAR.sub(" ", message)  # "she's in 2nd", "class 3rd": a school year, no card
    refs: list[int] = []
    m = FIRST_N.search(message)
    if m:
        n = ORDINALS.get(m.group(1).lower()) or int(m.group(1))
        refs = list(range(1, n + 1))
    for a, b in COMPARE_NUMBERS.findall(message):
        refs += [int(a), int(b)]
    for m in REFERENCE.finditer(message):
        word, number = m.groups()
        before = message[: m.start()].split()
        if word and not m.group().lower().startswith("the") and before and before[-1].lower() in NOT_POINTING_AFTER:
            continue  # "let's do hers first", "this first": an order of doing, not a shown item
        if word and _ordinal_adverb(m, message):
            continue  # "first the thigh pad", "first of all": an order of doing, not a shown item
        if word:
            refs.append(shown if word.lower() == "last" else ORDINALS[word.lower()])
        elif number:
            refs.append(int(number))
    return list(dict.fromkeys(refs))


def _ordinal_adverb(m: re.Match[str], message: str) -> bool:
    """A bare ordinal ("first", no "the" before it, no "one" after it) followed by an article, a
    pronoun or "of all": it says in which order, not which item ("first the thigh pad, hes 12")."""
    if m.group().lower().startswith("the") or len(m.group().split()) > 1:
        return False
    return m.group().lower() in order_words(message[m.start() :])


def conversation_intent(customer_messages: list[str], classify_one) -> tuple[Understood, str]:
    """The intent of a support conversation and the message that raised it: the last customer
    message's, unless that one is only shopping talk or chit-chat ("sure, here's the photo")
    and an earlier message raised a support or policy matter ("my mug arrived cracked"), which
    is then still the matter."""
    last = classify_one(customer_messages[-1])
    if last.intent in (Intent.SUPPORT, Intent.POLICY):
        return last, customer_messages[-1]
    for message in reversed(customer_messages[:-1]):
        earlier = classify_one(message)
        if earlier.intent in (Intent.SUPPORT, Intent.POLICY):
            return Understood(earlier.intent, handoff=last.handoff or earlier.handoff), message
    return last, customer_messages[-1]


# "wrong colour, black is what I want" corrects the request being refined; "you sent the wrong
# colour" or "wrong size arrived" is about an order.
WRONG_SLOT = re.compile(r"\bwrong (?:colou?r|size|one|brand|type)\b", re.I)
# Asking for a new one of a kind ("need a new desk lamp", "looking for another kettle").
NEW_ONE = re.compile(r"\b(?:new|another)\s+(.*)", re.I)
ORDER_WORDS = re.compile(r"\b(?:order(?:ed)?|arrived|delivered|received|sent|shipped|package|parcel|came|got)\b", re.I)


def _buys_anew(message: str, query: Query) -> bool:
    """A damage cue about something not bought here ("a lamp on my desk is broken") with a new one
    of a kind asked for ("need a new desk lamp"): shopping, not a support case. A new one of no
    kind ("I want a new one") or an order word keeps it a support case."""
    if ORDER_WORDS.search(message) or HANDOFF_CUE.search(message) or not query.product_type:
        return False
    kind = terms(query.product_type)
    return any(kind and set(kind) <= set(terms(m.group(1))) for m in NEW_ONE.finditer(message))


# "the universal ones won't fit", "regular sizes don't fit him": what must fit, said while shopping.
NOT_FITTING = re.compile(r"\b(?:doesn'?t|does not|won'?t|will not|don'?t|do not|isn'?t|not|never) fit\b", re.I)


def _states_fit(message: str, session: Session) -> bool:
    """A "won't fit" said while a request is being refined, with no word about an order and no
    other support cue, tells what the product must fit ("swift specifically, the other ones won't
    fit"): a refinement, not a case for support (dev Q d-07 was handed to support). "The mats I
    got don't fit" speaks of an order and stays support."""
    if not (session.request.is_active() and NOT_FITTING.search(message)) or OWN_ORDER.search(message):
        return False
    return not (ORDER_WORDS.search(message) or SUPPORT_CUE.search(NOT_FITTING.sub(" ", message)))


def _corrects_request(message: str, session: Session, query: Query) -> bool:
    """The support cue is a "wrong colour/size" said while refining a request, with the value it
    should be and no word about an order: a correction of the request, not a support case. So is
    a damage cue said with a new one of a kind asked for (`_buys_anew`), and a fit the product
    must have (`_states_fit`)."""
    if _buys_anew(message, query) or _states_fit(message, session):
        return True
    if not (session.request.is_active() and WRONG_SLOT.search(message)) or ORDER_WORDS.search(message):
        return False
    if SUPPORT_CUE.search(WRONG_SLOT.sub(" ", message)):
        return False  # another support cue besides ("wrong size and it's torn")
    c = query.constraints
    return bool(c.colours or c.brands or c.audience or query.product_type or c.attributes)


# A shopper's own order or a wish for a person: a support matter even in a question naming a product.
OWN_ORDER = re.compile(
    r"\b(?:order(?:s|ed)?|bought|purchased|arrived|delivered|received|shipped|package|parcel)\b", re.I
)
PERSON_CUE = re.compile(r"\b(?:human|real person|agent|representative|manager|speak to|talk to|call me)\b", re.I)


def asks_of_named(message: str) -> bool:
    """A question about a product it names, whatever story it tells: "my activa got STOLEN last
    year, is the xtremeonlinestore kit that type?", "will the X LEAK if it tips over?" ask about
    the product (set G: the first was handed to support); "the X I ordered arrived broken" and "I
    want to talk to someone about the X" are support."""
    return not OWN_ORDER.search(message) and not PERSON_CUE.search(message)


PART_WORD = re.compile(r"\b(?:replacement|spare)\b", re.I)


def part_named(message: str, query: Query) -> str:
    """The message less "replacement" said beside the kind it asks for: "back panel replacement",
    "replacement battery for a Lumia" name a part to buy, not a case for support (set N showed
    the support hand-off). "I want a replacement" names no kind beside it and stays support."""
    kind = set(terms(query.product_type or "")) if query.type_carried else set()
    if not kind or OWN_ORDER.search(message):
        return message
    words = [(m.group(), m.start(), m.end()) for m in re.finditer(r"[\w'-]+", message)]
    out = message
    for i, (word, start, end) in enumerate(words):
        beside = {terms(w)[0] for w, _, _ in words[max(0, i - 1) : i + 2] if w != word and terms(w)}
        if PART_WORD.fullmatch(word) and beside & kind:
            out = out[:start] + " " * (end - start) + out[end:]
    return out


def classify(
    message: str, session: Session, query: Query, pointed: list[int] | None = None, named: int = 0
) -> Understood:
    """Decide what the shopper wants from this message, given the conversation so far.
    `pointed`: positions on screen pointed at by attribute ("the black one"); `named`: how many
    products not on screen the message names ("the Pod Air Sport")."""
    policy = _policy_asked(message, session, query)
    chatter = CHITCHAT_CUE.match(message) or is_chatter(message, query.constraints, CHITCHAT_CUE)
    if chatter or (OUT_OF_SCOPE.search(message) and not query.constraints.categories):
        return Understood(Intent.CHITCHAT)
    cued = SUPPORT_CUE.search(part_named(message, query))
    support = (cued and not _corrects_request(message, session, query)) or HANDOFF_CUE.search(message)
    refs = references(message, len(session.shown)) if session.shown else []
    refs = list(dict.fromkeys(refs + [r for r in pointed or [] if 1 <= r <= len(session.shown)]))
    # A question about a product it names or points at on screen asks of the product ("does the
    # first one leak?", "is the second one leak proof?" went to support in a demo chat); a shown
    # one that "arrived broken" is no question and stays support.
    asks_of_shown = bool(refs) and bool(ASKED.search(message))
    if support and not ((named or asks_of_shown) and asks_of_named(message)):
        return Understood(Intent.SUPPORT, handoff=bool(HANDOFF_CUE.search(message)))
    if named and not policy:
        compare = bool(COMPARE_CUE.search(message)) or len(refs) + named >= 2
        return Understood(Intent.COMPARE if compare else Intent.DETAIL, refs)
    if refs and policy:  # "does the first one come with a warranty?"
        return Understood(Intent.POLICY, refs)
    pointing = COMPARE_CUE.search(message) or POINTER.search(message)
    if refs and pointing and any(r > len(session.shown) for r in pointed_positions(message, len(session.shown))):
        # "compare 1 and 3" with two items on screen: no comparison of the ones that exist as if
        # that was asked; the shopper is told how many there are (`nothing_shown_text`).
        return Understood(Intent.COMPARE if COMPARE_CUE.search(message) else Intent.DETAIL, [])
    if refs and (COMPARE_CUE.search(message) or len(refs) >= 2):
        return Understood(Intent.COMPARE, refs)
    if refs:
        return Understood(Intent.DETAIL, refs)
    if policy:  # "does the first one come with a warranty?", nothing shown
        return Understood(Intent.POLICY)
    if POINTER.search(message):  # "compare 1 and 2" with nothing (or not that many) on screen
        return Understood(Intent.COMPARE if COMPARE_CUE.search(message) else Intent.DETAIL, [])
    if policy:
        return Understood(Intent.POLICY)
    # With a request active, a message that names no other product type refines it ("for women",
    # "under 1000", "do you have them in red?"); a new type or "start over" starts a new one.
    same_type = query.product_type is None or (
        session.request.product_type is not None and terms(query.product_type) == terms(session.request.product_type)
    )
    if session.request.is_active() and same_type and not RESET.search(message):
        return Understood(Intent.REFINE)
    return Understood(Intent.SEARCH)
