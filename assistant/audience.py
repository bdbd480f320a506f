"""Who a request is for, said outright ("for women") or implied (an age, "she", "my nephew").

One table for the whole of query understanding: `assistant/data/audiences.json` (audience words,
words for people with their gender and usual age group, pronouns, age bands). Records are
normalised at ingest by `common.text.AUDIENCE_WORDS`, which the base layer owns.

Only the part of a message that states the request sets the audience: "a tablet cover, my kid
dropped the last one" is not a request for kids. A person or pronoun in the request ("for him",
"what should I get her") is resolved with what the rest of the message says about them ("my
nephew is turning 15").
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import cache
from pathlib import Path

from assistant.antecedents import non_person_subject
from assistant.interest_cues import cue_stands
from assistant.life_stage import child_gender, self_described, told_group
from assistant.possessives import owner_at
from assistant.spelled_ages import spelled_ages
from assistant.steering import steering
from common.text import tokenize
from common.untrusted import split_sentences

DATA = Path(__file__).resolve().parent / "data" / "audiences.json"
# Words that turn what follows into something not wanted ("not a fan of leather", "she hates
# pink"): the same list reads negated recorded attributes (`message_patterns.NEGATIONS`).
REFUSALS = frozenset(json.loads((DATA.with_name("recorded_attributes.json")).read_text(encoding="utf-8"))["negations"])
NEGATION_REACH = 3  # words before an interest cue that may refuse it: "he's really not into"
RECIPIENT_REACH = 3  # words between the cue and the person: "for my teenage son"
AGE = re.compile(
    r"\b(\d{1,3})\s*-?\s*(?:years?|yrs?|yr)s?\s*-?\s*old\b|\b(\d{1,3})\s*(?:yo|y/o|yrs?)\b"
    # "he's 8", not "he's 8 months old" (an infant's age: the alternative below) nor an amount
    r"|\b(?:aged?|is|s|hes|shes|turn(?:ing|s|ed)?)\s+(\d{1,2})\b"
    r"(?![.,]\d|\s*(?:k\b|grand|lakh|bucks|rs|rupees|dollars|\$|₹)|\s*-?\s*(?:months?|weeks?|mos?)\b)"
    r"|\b(\d{1,2})\s*-?\s*(?:months?|weeks?|mos?)\s*-?\s*old\b"
    # Hindi's unit of years ("4 saal ki hai": she is 4; set N d22 read no age, "saal" became "sal")
    r"|\b(\d{1,2})\s*(?:saal|sal|baras)\b",
    re.I,
)
# A school year says a child's age ("he's in class 3", "she's in 5th grade", "std 8"): years =
# the year + `school_year_offset` (audiences.json). Read only for a person the message names.
SCHOOL_YEAR = re.compile(
    r"\b(?:class|grade|std|standard)\s*(\d{1,2})(?:st|nd|rd|th)?\b|\b(\d{1,2})(?:st|nd|rd|th)\s+(?:class|grade|std|standard)\b"
    # "she's in 2nd": a person in an ordinal is in that school year, no shown card (set AC d12)
    r"|\b(?:he|she|they)(?:'s|\u2019s|s|\s+is|\s+are|'re)?\s+(?:now\s+|only\s+|just\s+)?in\s+(\d{1,2})(?:st|nd|rd|th)\b",
    re.I,
)
# Where a clause ends: a sentence end, a comma, or a word that starts a new clause.
CLAUSE_SPLIT = re.compile(
    r"\s*[,;:]\s+|\s+[-–—]+\s+|\s+(?:but|because|since|cause|cuz|so|who|which|as|when|after)\s+", re.I
)


@dataclass(frozen=True)
class Story:
    """The words that tell a clause about a person from one that asks (see `is_story`)."""

    subjects: frozenset[str]
    possessives: frozenset[str]
    people: frozenset[str]
    skipped: frozenset[str]
    keeps: frozenset[str]
    asking: frozenset[str]  # verbs after another person that still ask ("my friend wants one")
    other_items: frozenset[str]  # "my old one", "the last pair": not the thing asked for


@dataclass(frozen=True)
class Table:
    words: dict[str, str]  # audience word -> audience
    couple: tuple[str, ...]
    people: dict[str, tuple[str | None, str]]  # person word -> (gender, age group)
    pronouns: dict[str, str]
    ages: tuple[tuple[int, int, str], ...]
    audience: dict[str, str]  # "gender group" -> audience
    aside_cues: tuple[tuple[str, ...], ...]
    noun_determiners: frozenset[str]  # an aside cue after one is a noun ("any stole"), not a verb
    interest_cues: tuple[tuple[str, ...], ...]
    drop_cues: tuple[tuple[str, ...], ...]
    occasion_heads: frozenset[str]
    story: Story
    animals: frozenset[str]  # a pronoun in a message naming one of these is the animal's
    group_words: dict[str, str]  # "teenage" -> teen, "college" -> adult: a son or daughter's age group
    peers: frozenset[str]  # "sister": takes the age group of whose sister she is
    recipient_cues: frozenset[str]  # "for", "gift": the person after one is who it is for
    reporters: frozenset[str]  # "says", "mentioned": the person before one speaks, it is not for them
    all_ages: dict[str, str]  # a child's audience -> the one it widens to where a kind has none by age
    school_year_offset: int  # age in years of a child in school year 0 ("class 3" is 8)


@cache
def table() -> Table:
    raw = json.loads(DATA.read_text(encoding="utf-8"))
    return Table(
        words={w: a for a, ws in raw["words"].items() for w in ws},
        couple=tuple(raw["couple"]),
        people={w: (g, age) for w, (g, age) in raw["people"].items()},
        pronouns=dict(raw["pronouns"]),
        ages=tuple((int(a), int(b), g) for a, b, g in raw["ages"]),
        audience=dict(raw["audience"]),
        aside_cues=tuple(tuple(tokenize(c)) for c in raw["aside_cues"]),
        noun_determiners=frozenset(raw["noun_determiners"]),
        interest_cues=tuple(tuple(tokenize(c)) for c in raw["interest_cues"]),
        drop_cues=tuple(tuple(tokenize(c.replace("'", ""))) for c in raw["drop_cues"]),
        occasion_heads=frozenset(raw["occasion_heads"]),
        story=Story(
            subjects=frozenset(raw["story_subjects"]),
            possessives=frozenset(raw["story_possessives"]),
            people=frozenset(raw["story_people"]) | frozenset(raw["people"]),
            skipped=frozenset(raw["story_skipped"]),
            keeps=frozenset(raw["story_keeps"]),
            asking=frozenset(raw["asking_verbs"]),
            other_items=frozenset(raw["other_items"]),
        ),
        animals=frozenset(raw["animals"]),
        group_words=dict(raw["group_words"]),
        peers=frozenset(raw["peers"]),
        # The words before a person that make them the recipient ("for my son"): one list, shared with follow-ups.
        recipient_cues=frozenset(steering()["follow_up_reading"]["recipient_before"]),
        reporters=frozenset(raw["reporters"]),
        all_ages=dict(raw["all_ages"]),
        school_year_offset=int(raw["school_year_offset"]),
    )


def speaker_at(words: list[str], i: int) -> bool:
    """The person word at `i` passes on what they said ("my sister says...", "my mom priya
    mentioned..."): a speaker, not who the request is for. One word (a name) may stand between."""
    t = table()
    after = words[i + 1 : i + 3]
    return bool(after) and (
        after[0] in t.reporters or (len(after) == 2 and after[1] in t.reporters and after[0] not in t.people)
    )


@cache
def person_words() -> frozenset[str]:
    """Every word for a person, relation or role: a possessed noun phrase with none of them is
    an animal or a thing (`antecedents`)."""
    t = table()
    return frozenset(t.people) | frozenset(t.words) | t.story.people | frozenset(t.pronouns)


def audience_terms() -> frozenset[str]:
    """Every word of the table: never a product type, never spelling-corrected."""
    t = table()
    return frozenset(t.words) | frozenset(t.people) | frozenset(t.pronouns)


@dataclass(frozen=True)
class AudienceReading:
    audience: str | None = None
    implied: bool = False  # from a person, a pronoun or an age, not an audience word


def clauses(text: str) -> list[str]:
    """The message cut into clauses (sentences, then commas and clause words)."""
    out = []
    for sentence in split_sentences(text):
        out += [c.strip(" .!?") for c in CLAUSE_SPLIT.split(sentence) if c and c.strip(" .!?")]
    return out or [text]


def request_part(text: str) -> str:
    """The part of the message that states the request: every clause up to the word that turns
    it into an aside about the person or a story ("he's into gaming", "my kid dropped the last
    one"; "a backpack for my trip to Goa" keeps "a backpack for my")."""
    # Joined with commas: which clause a type was named in still tells what is asked for.
    return ", ".join(k for k in (_before_aside(c) for c in clauses(text)) if k.strip())


def addressed_part(text: str) -> str:
    """The clauses with no aside at all: who the request is for is said there ("a tablet
    cover, my kid dropped the last one" is not for a kid)."""
    whom = recipients(text)
    kept = []
    for c in clauses(text):
        words = tokenize(c.replace("'", " "))
        # How old someone is, told while no one else is named the recipient ("bhatija turning 9
        # on sunday", "my sister's baby turns one next week"): the age is told of who it is for
        # (sets M and P read no one there, and a cap or a tee came for anyone).
        aged = not whom and states_age(c)
        if about_someone_else(words, whom) and not aged:
            continue
        at = _aside_at(words)
        if at is None or aged:
            kept.append(c)
        elif _cue_at(words, table().interest_cues) == at:
            # An interest is the person's own ("my niece turns 7 and she's obsessed with
            # drawing"): who has it is who the gift is for, so the words before it count.
            kept.append(" ".join(words[:at]))
    return " ".join(kept)


def own_part(text: str, whole: str) -> str:
    """The request part (`text`, of the message `whole`) without the clauses about someone or
    something else than what is asked for (`about_someone_else`): colours and must-haves said
    there set no filter."""
    whom = recipients(whole)
    return ", ".join(c for c in clauses(text) if not about_someone_else(tokenize(c.replace("'", " ")), whom))


def recipients(text: str) -> frozenset[str]:
    """The person words the message says the request is for: up to three words after a
    recipient cue ("for my teenage son", "gift my wife")."""
    t = table()
    words = tokenize(text.replace("'", " "))
    return frozenset(
        w
        for i, w in enumerate(words)
        if w in t.story.people and t.recipient_cues & set(words[max(0, i - RECIPIENT_REACH) : i])
    )


def about_someone_else(words: list[str], whom: frozenset[str]) -> bool:
    """A clause whose subject is someone other than who the request is for, or another item than
    the one asked for: "my neighbour's kid has a blue everything obsession", "my neighbour priya
    just got back from goa", "my wife has a red one" when the request is for the sister, "my old
    one was silver". Unless it asks ("my friend wants one too"), it tells about them, and what it
    says of colours or materials is theirs. `whom`: the message's `recipients`."""
    t = table()
    s = t.story
    if their_one(words):
        return True
    if len(words) < 3 or words[0] not in s.possessives | {"the"}:
        return False
    rest = words[2:]
    if s.asking & set(rest):
        return False
    if words[1] in s.other_items:  # "my old one was silver": another thing, said to be so
        # or what befell it ("my old bata loafers finally tore": bata is the old pair's brand)
        return bool(set(rest) & ((s.keeps - s.asking) | _told_verbs()))
    if words[0] == "the" or words[1] not in s.people:
        return False
    person = words[1]
    if rest[:1] == ["s"] and len(rest) > 1 and (rest[1] in s.people or rest[1] in t.words):
        person = rest[1]  # "my neighbour's kid": the neighbour's, not the shopper's
        return person not in whom
    if person in whom:
        return False
    # Someone while the request names another ("my wife has a red one", then "for my sister"),
    # or an acquaintance's story ("my neighbour priya just got back from goa").
    return bool(whom) or (person not in t.people and is_story(words))


def their_one(words: list[str]) -> bool:
    """The clause tells what someone else has of the kind: "my brother has a ganesha one in his
    car", "mom got the steel ones" (`owning_verbs`). Their item's words are no wish of this request."""
    s = table().story
    if words[:1] and words[0] in s.possessives:
        words = words[1:]  # "my brother", or the person alone ("mom has a milton one")
    if len(words) < 3 or words[0] not in s.people:
        return False
    rest = [w for w in words[1:] if w not in s.skipped]
    return bool(rest) and rest[0] in _owning_verbs() and bool({"one", "ones"} & set(rest))


@cache
def _told_verbs() -> frozenset[str]:
    """Verbs that tell what befell an old item (`audiences.json` mishap_verbs): said of it, the
    clause's words are the old one's, not the request's (set AH d03 filtered on the brand of the
    loafers that tore)."""
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["mishap_verbs"])


@cache
def _owning_verbs() -> frozenset[str]:
    return frozenset(json.loads(DATA.read_text(encoding="utf-8"))["owning_verbs"])


def interests(text: str) -> list[str]:
    """What the person is into, said in an aside ("he's into sports and gaming" -> "sports and
    gaming"; "my dad who likes cooking" -> "cooking")."""
    t = table()
    found = []
    for clause in clauses(text):
        words = tokenize(clause.replace("'", " "))
        starts = [
            (i, len(c))
            for c in t.interest_cues
            for i in range(len(words) - len(c) + 1)
            if tuple(words[i : i + len(c)]) == c and cue_stands(words, i, c)
        ]
        if starts:
            i, n = min(starts)
            if refused(words[max(0, i - NEGATION_REACH) : i]):
                continue  # "not a fan of leather", "doesn't like sweets": a dislike, not an interest
            rest = " ".join(words[i + n :]).strip()
            if rest:
                found.append(rest)
    return found


def refused(words: list[str]) -> bool:
    """Some word refuses what follows; "doesn't" tokenised on its apostrophe ("doesn", "t") too."""
    joined = [a + b for a, b in zip(words, words[1:], strict=False) if b == "t"]
    return bool(REFUSALS & {*words, *joined})


def _before_aside(clause: str) -> str:
    """The clause up to its aside, and a request said again after it in the same clause ("my son
    is turning ten n he wants a digital watch": "my son", "he wants a digital watch"; dev sets A
    and B lost the watch with the birthday)."""
    words = tokenize(clause.replace("'", " "))
    cut = _aside_at(words)
    if cut is None:
        return clause
    story = table().story
    asks = next((j for j in range(cut + 1, len(words)) if words[j] in story.asking), None)
    if asks is None:
        return " ".join(words[:cut])
    start = asks - 1 if words[asks - 1] in story.subjects else asks
    return " ".join(words[:cut]) + ", " + " ".join(words[start:])


def without_stories(text: str, is_kind: Callable[[list[str]], bool]) -> str:
    """The text without the clauses that tell a story about a person ("a scarf for my dad, he
    lives in scotland" ranks on "a scarf for my dad"); the text as it is when none does. A story
    that names a kind of product (`is_kind` of a run of its words) keeps that kind ("my son starts
    class 3, needs a new school bag"). The ranking text only: who the request is for is read
    from the whole message (`read_audience`)."""

    def names_kind(words: list[str]) -> bool:
        return bool(_kind_words(words, is_kind))

    parts = clauses(text)
    whom = recipients(text)
    kept = []
    for c in parts:
        words = tokenize(c.replace("'", " "))
        if _story_only(words, names_kind) or (about_someone_else(words, whom) and not names_kind(words)):
            continue
        # A story that names a kind and asks nothing ranks on that kind alone: its people and
        # verbs are no product's words ("my brother keeps complaining his coffee is terrible"
        # matched "keep"); one that also asks ("... and needs a school bag") stays whole.
        told = is_story(words) and not table().story.asking & set(words)
        kept.append(" ".join(_kind_words(words, is_kind)) if told else c)
    return ", ".join(k for k in kept if k) if kept != parts else text


def _kind_words(words: list[str], is_kind: Callable[[list[str]], bool]) -> list[str]:
    """The words of the clause inside a run (up to three words) that is a kind."""
    inside: set[int] = set()
    for i in range(len(words)):
        for j in range(i + 1, min(len(words), i + 3) + 1):
            if is_kind(words[i:j]):
                inside |= set(range(i, j))
    return [w for k, w in enumerate(words) if k in inside]


def _story_only(words: list[str], names_kind: Callable[[list[str]], bool]) -> bool:
    return is_story(words) and not names_kind(words)


def is_story(words: list[str]) -> bool:
    """A clause that tells about a person rather than asks: its subject is a person ("he", "my
    neighbour priya") and its verb is not one that still states the request ("he lives in
    scotland", "she just started college"; not "she wants red", "he is 6", "my dad needs one")."""
    story = table().story
    i = 0
    if words[:1] and words[0] in story.subjects:
        i = 1
    elif len(words) > 1 and words[0] in story.possessives and words[1] in story.people:
        i = 2
        if len(words) > 3 and words[2] not in story.keeps | story.skipped and words[3] not in story.keeps:
            i = 3  # a name after the person: "my neighbour priya just got back"
    else:
        return False
    while i < len(words) and words[i] in story.skipped:
        i += 1
    return i < len(words) and words[i] not in story.keeps


def without_taken_back(text: str) -> str:
    """The text without what it takes back: in a clause with a drop cue, the cue and the words
    after it ("actually forget the sports stuff - maybe headphones instead?" keeps "maybe
    headphones instead?"; "heels instead of sandals" keeps "heels"); all of it when nothing is
    left (a reset is the dialogue's to read)."""
    kept, dropped = [], False
    for clause in clauses(text):
        words = tokenize(clause.replace("'", ""))
        cut = _cue_at(words, table().drop_cues)
        dropped |= cut is not None
        kept.append(clause if cut is None else " ".join(words[:cut]))
    left = " ".join(k for k in kept if k.strip())
    return left if dropped and left.strip() else text


def taken_back(text: str) -> list[str]:
    """What the message takes back: the words after each drop cue ("scratch the black" ->
    "the black"), so the request can drop the constraint they name."""
    out = []
    for clause in clauses(text):
        words = tokenize(clause.replace("'", ""))
        cut = _cue_at(words, table().drop_cues)
        if cut is not None:
            cue = next(c for c in table().drop_cues if tuple(words[cut : cut + len(c)]) == c)
            out.append(" ".join(words[cut + len(cue) :]))
    return [o for o in out if o.strip()]


def _cue_at(words: list[str], cues: tuple[tuple[str, ...], ...]) -> int | None:
    """Where the first cue starts in the words, or None."""
    starts = [i for c in cues for i in range(len(words) - len(c) + 1) if tuple(words[i : i + len(c)]) == c]
    return min(starts) if starts else None


def _aside_at(words: list[str]) -> int | None:
    """Where the first aside cue starts, or None. A cue after "a"/"an" or after an audience word
    that is no one's ("womens", not "my kid") is a noun, the thing asked for, not a verb of a
    story ("a stole or a scarf", "womens stole" are no "stole" of "someone stole my phone"; set H
    cut the request to "a")."""
    t = table()
    starts = [
        i
        for c in t.aside_cues
        for i in range(len(words) - len(c) + 1)
        if tuple(words[i : i + len(c)]) == c and not _names_a_thing(words, i) and cue_stands(words, i, c)
    ]
    return min(starts) if starts else None


def _names_a_thing(words: list[str], i: int) -> bool:
    """The word at i follows an article or quantifier ("a stole", "any stole") or an audience
    word said as a kind of product ("womens stole"), not a person's subject ("my kid dropped")."""
    t = table()
    if not i:
        return False
    if words[i - 1] in t.noun_determiners:
        return True
    return words[i - 1] in t.words and (i < 2 or words[i - 2] not in t.story.possessives | {"the"})


def _has_cue(words: list[str], cues: tuple[tuple[str, ...], ...]) -> bool:
    return any(tuple(words[i : i + len(c)]) == c for c in cues for i in range(len(words) - len(c) + 1))


def without_occasions(text: str) -> str:
    """The text without occasions named after people ("mother's day", "girls night out"): an
    occasion says when, not who the product is for."""
    t = table()
    words = tokenize(text.replace("'s ", " ").replace("s' ", "s "))
    people = set(t.words) | set(t.people)
    kept = [
        w
        for i, w in enumerate(words)
        # "mothers day" as often as "mother's day"
        if not (
            (w in people or w.removesuffix("s") in people) and words[i + 1 : i + 2] and words[i + 1] in t.occasion_heads
        )
    ]
    return " ".join(kept) if len(kept) < len(words) else text


def read_audience(request: str, whole: str) -> AudienceReading:
    """The audience of the request (see the module docstring)."""
    t = table()
    request, whole = without_occasions(request), without_occasions(whole)
    low = request.lower()
    # "a couple of shirts" counts shirts: a couple followed by "of" is a quantity, no audience
    if any(re.search(rf"\b{re.escape(c)}\b(?!\s+of\b)", low) for c in t.couple):
        return AudienceReading("couple")
    words = tokenize(request.replace("'", " "))
    # Who passes something on ("my sister says not over 300") is not who it is for.
    words = [
        w for i, w in enumerate(words) if not speaker_at(words, i) and not owner_at(words, i, t.people, _owned_people())
    ]
    for i, w in enumerate(words):
        if w in t.words and w not in t.people:
            if self_described(words, i) and child_gender(t.words[w]):
                # "i'm a girl": the shopper's own gender; a grown-up unless an age says otherwise
                group = _age_group(whole) or "adult"
                return AudienceReading(t.audience.get(f"{child_gender(t.words[w])} {group}", t.words[w]))
            # "shorts for a 1 year old girl": a child word with an infant's age is a baby, as the
            # catalog files it ("baby girl's"), the same as "my 1 year old daughter" reads.
            if t.words[w] in ("boys", "girls", "kids") and _age_group(whole) == "baby":
                return AudienceReading("baby")
            # "boots for a college girl", "leggings for girls college wear": a grown girl, as the
            # catalog files her (women's); dev sets E and F filtered women's boots out.
            grown = _grown(t.words[w], whole)
            return AudienceReading(grown or t.words[w])
    mentioned = [w for w in words if w in t.people or w in t.pronouns]
    if not mentioned and not AGE.search(spelled_ages(request)):
        return AudienceReading()
    # The person the request is for, with what the whole message says about them.
    all_words = tokenize(whole.replace("'", " "))
    all_words = [
        w
        for i, w in enumerate(all_words)
        if not speaker_at(all_words, i) and not owner_at(all_words, i, t.people, _owned_people())
    ]
    # "my greyhound keeps getting cold ... she's big": a subject pronoun points back to the
    # speaker's own animal or thing. Not "for her" after "our anniversary is next week": the one
    # a gift is for is a person the message need not name.
    points_back = set(mentioned) <= t.story.subjects and non_person_subject(whole, person_words())
    if (t.animals & set(all_words) or points_back) and not any(w in t.people for w in all_words):
        return AudienceReading()  # "she's a labrador", "for my cat, he is 3": the animal's pronoun
    gender, group = None, None
    # A person word says who it is for before any pronoun does: in "for his sister" or "he wants
    # one for his girlfriend" the pronoun is the owner or the buyer, not the one it is for. A
    # pronoun gives the gender only when no person word does ("for my partner, she loves...").
    for w in [*mentioned, *all_words]:
        if w in t.people:
            g, default_group = t.people[w]
            gender = gender or g
            group = group or default_group
    for w in [*mentioned, *all_words]:
        if w in t.pronouns:
            gender = gender or t.pronouns[w]
    age_group = _age_group(whole)
    # A school stage or role told of the person ("she's in LKG", "my student sister") says the
    # group a relation only assumes; a son or daughter takes a group word said anywhere
    # ("school bag for my son").
    told = told_group(all_words, frozenset(t.people))
    if group == "any":
        group = told or next((t.group_words[w] for w in all_words if w in t.group_words), group)
    else:
        group = told or group
    group = age_group or group or ("adult" if gender else None)
    if group is None:
        return AudienceReading()
    return AudienceReading(t.audience.get(f"{gender} {group}".replace("None", "null")), implied=True)


@cache
def _owned_people() -> frozenset[str]:
    """Who a relation may own ("my sister's baby", "my son's teacher"): an audience word or a
    person of a story, who has no gender of their own ("a dress for my daughter's teacher" is
    no girl's dress)."""
    t = table()
    return frozenset(t.words) | t.story.people


def _grown(audience: str, whole: str) -> str | None:
    """The adult audience of a child's audience word said with an adult's group word ("college
    girl": women), with no age in years to say otherwise; None otherwise."""
    t = table()
    if _age_group(whole) or not any(t.group_words.get(w) == "adult" for w in tokenize(whole)):
        return None
    gender = next((k.split()[0] for k, v in t.audience.items() if v == audience and k.split()[1] == "child"), None)
    return t.audience.get(f"{gender} adult") if gender and gender != "null" else None


def states_age(text: str) -> bool:
    """The text says how old someone is: an age ("he's 12") or a school year ("in class 3")."""
    return bool(AGE.search(spelled_ages(text)) or SCHOOL_YEAR.search(text))


def _age_group(text: str) -> str | None:
    text = spelled_ages(text)
    m = AGE.search(text)
    school = SCHOOL_YEAR.search(text)
    if not m and not school:
        return None
    if m and m.group(4):  # months old
        return "baby"
    if m:
        years = int(next(g for g in m.groups() if g))
    else:
        years = int(next(g for g in school.groups() if g)) + table().school_year_offset
    return next((g for lo, hi, g in table().ages if lo <= years <= hi), None)


def strip_ages(text: str) -> str:
    return AGE.sub(" ", spelled_ages(text))
