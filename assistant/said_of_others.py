"""What a follow-up says that is not asked for: words it refuses ("steel, not plastic") and kinds
it names only in a story about someone ("he spends all day playing cricket with his bat"). The
follow-up reading (`assistant.follow_up`) keeps them out of the must-haves and the kind; and the
people it names only to tell of them ("her nani is chipping in"), who are no recipient."""

from __future__ import annotations

from assistant.amounts import lexicon as amounts_lexicon
from assistant.audience import RECIPIENT_REACH, clauses, is_story, table
from assistant.constraints import phrase_in
from common.text import terms, tokenize


def refused_words(message: str) -> set[str]:
    """The words a clause says after a negation ("steel, not plastic", "no plastic please"),
    less any the message also asks for un-negated."""
    negations = {n.replace("'", "") for n in amounts_lexicon().negations} | {"without"}
    refused: set[str] = set()
    asked: set[str] = set()
    for clause in clauses(message):
        words = tokenize(clause.replace("'", ""))
        # a doubled "no no" takes back what stands before it and refuses nothing after it
        doubled = {i for i in range(len(words) - 1) if words[i] in negations and words[i + 1] in negations}
        doubled |= {i + 1 for i in doubled}
        cut = next((i for i, w in enumerate(words) if w in negations and i not in doubled), len(words))
        asked |= set(terms(" ".join(words[:cut])))
        refused |= set(terms(" ".join(words[cut + 1 :])))
    return refused - asked


def told_in_a_story(message: str, kind: str) -> bool:
    """Every clause that names the kind tells a story about a person ("he spends all day playing
    cricket", "she carries her laptop"; `audience.is_story`), none asks for it ("he only wears
    polo tees", "she needs a helmet" do). False where no clause names it in the shopper's words."""
    named = terms(kind)
    naming = [c for c in clauses(message) if phrase_in(named, terms(c))]
    return bool(naming) and all(is_story(tokenize(c.replace("'", " "))) for c in naming)


THIRD_PERSON_OWNERS = frozenset({"his", "her", "their"})  # whose relation: "her nani", "his sister"


def kin_told_of(words: list[str], i: int, for_someone: bool = False) -> bool:
    """The person word at `i` is told of rather than asked for: a relation of someone else ("her
    nani", "his dad") with no recipient cue before it ("for her nani") and no asking verb after
    ("his twin sister wants one too"); or, in a request already for someone (`for_someone`),
    anyone said to be doing something ("my mom is chipping in", "my wife is paying"): who pays or
    comes along is no recipient. Set AH d01 read the grandmother paying for a girl's dress as who
    it is for, and showed women's dresses."""
    t = table()
    if t.recipient_cues & set(words[max(0, i - RECIPIENT_REACH) : i]):
        return False
    after = [w for w in words[i + 1 :] if w not in t.story.skipped]
    if after[:1] and after[0] in t.story.asking:
        return False
    if i and words[i - 1] in THIRD_PERSON_OWNERS:
        return True
    return for_someone and len(after) > 1 and after[0] in BE_FORMS and _doing(after[1])


BE_FORMS = frozenset({"is", "s", "was", "are", "re", "were"})


def _doing(word: str) -> bool:
    """A progressive verb ("chipping", "paying"), not one that tells an age ("turning")."""
    return len(word) > 4 and word.endswith("ing") and word not in table().story.keeps and word != "turning"
