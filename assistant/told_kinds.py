"""A request's kind that came only from a story: "my husband only wears polos" opens a dialogue
with no ask, and the resolver, having nothing else, reads "polos" as the kind. A later turn that
names a kind the shop carries ("collar tees for him") then asks for that kind, though the shop
files the told one inside it; it does not describe the polos. The evidence is the clause's grammar
as the resolver reads it: every message that named the kind said it as the subject of a verb or
after a possessive subject (`_told`, `_subject_of_verb`), and no clause of it asked (no asking
word, phrase or question). The follow-up reading (`assistant.follow_up`) keeps a kind that is a
word of the told one ("the jewellery inside" a jewellery box) as a description.
"""

from __future__ import annotations

from assistant.audience import clauses
from assistant.clause_roles import SUBJECT_VERBS
from assistant.type_resolution import TypeResolver, _asks_anywhere, _says_owned, _told, _without_moves
from common.text import terms, tokenize


def only_told(types: TypeResolver, texts: tuple[str, ...], kind: str | None) -> bool:
    """Every one of the shopper's messages that named `kind` told it and asked for nothing."""
    if not kind:
        return False
    naming = [t for t in texts if types.requested_type(t).named == kind]
    return bool(naming) and all(_told_unasked(types, t, kind) for t in naming)


def _told_unasked(types: TypeResolver, text: str, kind: str) -> bool:
    if _asks_anywhere(text):
        return False
    if len(clauses(text)) > 1:
        # A second clause may be the ask the resolver did not read ("my son is 7, a cricket
        # bat"); not where the clause naming the kind is itself a statement ("my baby is 4 months
        # old and the mosquitoes near our flat are terrible": set AG d01 read flats, then
        # "something to cover her, like a net" only refined them).
        return _stated_in_clause(text, kind)
    words = _without_moves(tokenize(text.replace("'", "")))
    heads = types._head_spans(words, types._spans(words))
    if not heads:
        return False
    phrase = heads[-1][2]
    told = _told(words, heads, phrase) or types._subject_of_verb(words, heads, phrase)
    return told and terms(" ".join(phrase)) == terms(kind)


def _stated_in_clause(text: str, kind: str) -> bool:
    """The clause of `text` that names `kind` says something with a subject's verb
    (`clause_roles.SUBJECT_VERBS`: "are", "gets", "broke"): a statement, not a bare noun phrase
    that asks."""
    words = set(terms(kind))
    naming = [c for c in clauses(text) if words <= set(terms(c))]
    return bool(naming) and all(SUBJECT_VERBS & set(tokenize(c.replace("'", ""))) for c in naming)


def only_owned(text: str) -> bool:
    """Every clause of the message says what someone has and none asks ("he already has shoes
    tbh"): said after a request, the kind is what he has, not a new kind asked for (a demo chat
    turned a gift request into shoes). Opening a dialogue such a story is why the shopper came
    ("his only trousers are from 2015"), so only the follow-up reading calls this."""
    parts = [tokenize(c.replace("'", "")) for c in clauses(text)]
    return bool(parts) and not _asks_anywhere(text) and all(_says_owned(_without_moves(w)) for w in parts if w)
