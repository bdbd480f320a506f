"""Policy answers from the clause that applies: whole sentences or whole lists, each with the
section it comes from, and a plain "the policies don't cover that" when no clause speaks to the
shopper's case.

The retrieved passages are cut into clauses (a sentence, a numbered step, or a line that
introduces a list together with all its items: a list is never cut). The clause that applies is
the one closest to the question, in meaning (the embedder) and in the question's own rarer words
(assistant/policy_words.py), whose conditions speak to the shopper's situation: "wore it once" raises the situation `worn`, and "unused, unwashed and in the condition
you received them" states the condition for it (`data/policy_cases.yaml`), although the two share
no word. The best clauses are quoted, each naming its section, in plain text: no file names, no
markup. The shopper's words are never echoed back as a topic ("don't cover fit back ...").
"""

from __future__ import annotations

import re
import weakref
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import numpy as np

from assistant.policy_abbreviations import spelled_out
from assistant.policy_coverage import singled_out, states_asked
from assistant.policy_focus import unnamed_focus
from assistant.policy_parts import part_answers
from assistant.policy_permission import settled_first
from assistant.policy_recall import recalled
from assistant.policy_recall import remember as remember_passages
from assistant.policy_words import WordWeights, content_stems, remember, share, weights_for
from assistant.policy_words import stem as _stem
from assistant.saved_vectors import VectorFile
from common.models import Embedder, encode_query
from common.settings import read_yaml_config
from common.text import STOPWORDS, singular, tokenize

DATA_FILE = Path(__file__).resolve().parent / "data" / "policy_cases.yaml"
LIST_ITEM = re.compile(r"^\s*(?:[-*•]|\d+[.)])\s+")
NUMBERED = re.compile(r"^\s*\d+[.)]\s+")  # a step of a procedure: its steps are one clause
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"“])")
LINK = re.compile(r"\[([^\]]+)\]\([^)]*\)")
MARKUP = re.compile(r"[*_`#]+|<[^>]+>")
FILE_NAME = re.compile(r"\s*\(?\b[\w-]+\.(?:md|markdown|txt|html?)\b\)?")
NOT_COVERED = "Our policies don't cover this case directly; this is the closest thing they say."


@dataclass(frozen=True)
class Situation:
    name: str
    said: tuple[tuple[str, ...], ...]  # the shopper's words for it, each a run of singular words
    policy: tuple[tuple[str, ...], ...]  # a clause's words for the conditions that decide it
    not_: tuple[tuple[str, ...], ...] = ()  # a clause's phrases whose words do not count ("gift card")
    wording: str = ""  # the policy words as written: what a follow-up search looks for
    requires: tuple[tuple[str, ...], ...] = ()  # a clause's words for a condition the case fails ("unused")
    refused: str = ""  # the plain answer when a quoted clause requires it ("No: a return must be unused.")
    fails: tuple[tuple[str, ...], ...] = ()  # the shopper's words for failing it, where `said` also names it kept


@dataclass(frozen=True)
class Cases:
    situations: tuple[Situation, ...]
    min_similarity: float
    situation_weight: float
    max_quotes: int
    whole_policy_words: frozenset[str]
    named_policy_weight: float = 0.0
    condition_markers: tuple[tuple[str, ...], ...] = ()
    whole_section_words: int = 0
    lexical_weight: float = 0.0
    recalled_passages: int = 0
    value_situations: frozenset[str] = frozenset()  # asked values, not cases ("how many days": late)


@cache
def cases(path: Path = DATA_FILE) -> Cases:
    data: dict[str, Any] = read_yaml_config(path, what="policy cases data file")
    situations = tuple(
        Situation(
            name,
            tuple(_forms(w) for w in v["said"]),
            tuple(_stems(w) for w in v["policy"]),
            tuple(_stems(w) for w in v.get("not", ())),
            " ".join(v["policy"]),
            tuple(_stems(w) for w in v.get("requires", ())),
            v.get("refused", ""),
            tuple(_forms(w) for w in v.get("fails", ())),
        )
        for name, v in data["situations"].items()
    )
    return Cases(
        situations,
        float(data["min_similarity"]),
        float(data["situation_weight"]),
        int(data["max_quotes"]),
        frozenset(_stem(w) for w in data["whole_policy_words"].split()),
        float(data["named_policy_weight"]),
        tuple(_stems(w) for w in data.get("condition_markers", ())),
        int(data.get("whole_section_words", 0)),
        float(data.get("lexical_weight", 0.0)),
        int(data.get("recalled_passages", 0)),
        frozenset(data.get("value_situations", ())),
    )


@dataclass(frozen=True)
class Clause:
    text: str  # plain, whole: a sentence, a step, or a list with its introduction
    section: str  # "Returns and Refunds Policy > What you can return"
    source: str  # the file it came from: cited in `Reply.citations`, never in the text


@dataclass
class PolicyAnswer:
    text: str
    quoted: list[Clause] = field(default_factory=list)
    covered: bool = True  # some clause speaks to the shopper's case
    fit: float = 0.0  # how close the first quote is to the question (similarity and words)
    spoken: bool = False  # the first quote states a condition of a situation the shopper raised


def plain(text: str) -> str:
    """A policy's text as a shopper reads it: links as their words, no markup, no file names."""
    return FILE_NAME.sub("", MARKUP.sub("", LINK.sub(r"\1", text))).strip()


def clauses(passage: dict) -> list[Clause]:
    """The whole clauses of one retrieved passage ({'text', 'section', 'source'})."""
    out: list[Clause] = []
    lines = [line.rstrip() for line in passage["text"].splitlines()]
    i = 0
    section, source = passage["section"], passage["source"]
    while i < len(lines):
        line = lines[i].strip()
        if not line:
            i += 1
            continue
        if line.startswith("|"):  # a table: one clause, each row read with its header's names
            rows = []
            while i < len(lines) and lines[i].strip().startswith("|"):
                cells = [plain(c) for c in lines[i].strip().strip("|").split("|")]
                if not all(re.fullmatch(r":?-+:?", c.strip()) for c in cells):
                    rows.append(cells)
                i += 1
            head, body = rows[0], rows[1:]
            read = ["; ".join(f"{h}: {c}" for h, c in zip(head, row, strict=False)) for row in body]
            if read:
                out.append(Clause(". ".join(read) + ".", section, source))
            continue
        if LIST_ITEM.match(line):
            numbered = bool(NUMBERED.match(line))
            items = []
            while i < len(lines) and LIST_ITEM.match(lines[i].strip() or "x"):
                items.append(_item(lines[i]))
                i += 1
            if numbered and not (out and out[-1].text.endswith(":")):
                # Numbered steps are one procedure: quoting step 1 and step 3 without step 2
                # ("how do I return a jacket?") leaves the shopper stuck, so they stay one clause.
                steps = " ".join(f"{n}. {_capital(item)}." for n, item in enumerate(items, 1))
                out.append(Clause(steps, section, source))
            elif out and out[-1].text.endswith(":") and out[-1].section == section:
                intro = out.pop().text
                out.append(Clause(f"{intro} {'; '.join(items)}.", section, source))
            else:
                out.extend(Clause(_capital(item) + ".", section, source) for item in items)
            continue
        text = plain(LIST_ITEM.sub("", line))
        pieces = [text] if line.rstrip().endswith(":") else _with_answers(SENTENCE_END.split(text))
        # A short line that introduces a list ("We accept:") stays: the list joins it.
        out.extend(Clause(p.strip(), section, source) for p in pieces if len(tokenize(p)) >= 3 or p.endswith(":"))
        i += 1
    return out


def _with_answers(sentences: list[str]) -> list[str]:
    """A policy's own question ("Need a different size or colour?") answers nothing alone: it
    stays with the sentence after it, as a list's introduction stays with its list."""
    out: list[str] = []
    for sentence in sentences:
        if out and out[-1].rstrip().endswith("?"):
            out[-1] = f"{out[-1].rstrip()} {sentence.strip()}"
        else:
            out.append(sentence)
    return out


def _item(line: str) -> str:
    return plain(LIST_ITEM.sub("", line)).rstrip(";,.")


def _capital(text: str) -> str:
    return text[:1].upper() + text[1:]


def _stems(text: str) -> tuple[str, ...]:
    """A text's words as stems, apostrophes dropped ("doesn't" -> "doesnt")."""
    return tuple(_stem(w) for w in tokenize(text.lower().replace("’", "'").replace("'", "")))


def _forms(text: str) -> tuple[str, ...]:
    """A text's words as written, but singular: the shopper's words are listed in the forms
    shoppers use ("wore", "wearing"), and a stem would join "opened" with "opening hours"."""
    return tuple(singular(w) for w in tokenize(text.lower().replace("’", "'").replace("'", "")))


def _has(stems: tuple[str, ...], phrase: tuple[str, ...]) -> bool:
    n = len(phrase)
    return any(stems[i : i + n] == phrase for i in range(len(stems) - n + 1)) if n else False


def situations_in(question: str) -> list[Situation]:
    """The situations the shopper's message raises ("wore it once": worn)."""
    forms = _forms(question)
    return [s for s in cases().situations if any(_has(forms, said) for said in s.said)]


def _spoken(clause: Clause, raised: list[Situation]) -> dict[str, int]:
    """The raised situations whose condition words the clause (or its section heading) states,
    each with how many of them it states."""
    # A section's heading speaks for its clauses ("Damaged, faulty or wrong items"); a policy's
    # title ("Returns and Refunds Policy") is over every clause of it and says nothing of one.
    heading = clause.section.split(" > ")[-1] if " > " in clause.section else ""
    stems = _stems(f"{heading} {clause.text}")
    counts = {s.name: sum(_has(_without(stems, s.not_), words) for words in s.policy) for s in raised}
    return {name: n for name, n in counts.items() if n}


def _without(stems: tuple[str, ...], phrases: tuple[tuple[str, ...], ...]) -> tuple[str, ...]:
    """The stems with each of the phrases blanked out."""
    out = list(stems)
    for phrase in phrases:
        n = len(phrase)
        for i in range(len(out) - n + 1):
            if tuple(out[i : i + n]) == phrase:
                out[i : i + n] = [""] * n
    return tuple(out)


# Clause vectors by embedder, then text: the same policy clauses come back turn after turn. Keyed
# by the embedder object itself, held weakly: an id() key outlives its embedder, and a new one
# given the freed id (seen between tests) read the old one's vectors.
_VECTORS: weakref.WeakKeyDictionary[Embedder, dict[str, np.ndarray]] = weakref.WeakKeyDictionary()
_MAX_VECTORS = 5000


def _texts(every: list[Clause]) -> list[str]:
    return [f"{c.section.split(' > ')[-1]}. {c.text}" for c in every]


def _encode(embed: Embedder, texts: list[str]) -> dict[str, np.ndarray]:
    """The vectors of this embedder, with every one of these texts in it."""
    known = _VECTORS.setdefault(embed, {})
    missing = [t for t in dict.fromkeys(texts) if t not in known][:_MAX_VECTORS]
    if missing:
        if len(known) + len(missing) > _MAX_VECTORS:
            known.clear()
        vectors = embed.encode(missing, normalize_embeddings=True)
        known.update({t: np.asarray(v, dtype=np.float32) for t, v in zip(missing, vectors, strict=True)})
    return known


def warm(passages: list[dict], embed: Embedder, saved: VectorFile | None = None) -> int:
    """Encode the clauses of these passages (all the policies) ahead of the first question: on a
    laptop CPU the bundled embedder takes about as long for a turn's clauses as the rest of the
    turn, and policies change only at ingest. `saved`: the file an earlier start kept them in
    (read first, rewritten when the clauses changed). Returns how many clause texts are ready."""
    every = [c for p in passages for c in clauses(p)]
    texts = list(dict.fromkeys(_texts(every)))[:_MAX_VECTORS]
    stale = False
    if saved is not None:
        kept = saved.read()
        known = _VECTORS.setdefault(embed, {})
        known.update({t: kept[t] for t in texts if t in kept and t not in known})
        stale = any(t not in kept for t in texts)
    vectors = _encode(embed, texts)
    if saved is not None and stale:
        saved.write({t: vectors[t] for t in texts})
    remember([p.get("id") for p in passages], [_clause_stems(c) for c in every])
    remember_passages(passages)
    return len(texts)


def _clause_stems(clause: Clause) -> set[str]:
    """A clause's content words with its section heading's ("Tracking your order": tracking)."""
    return content_stems(f"{clause.section.split(' > ')[-1]} {clause.text}")


def _similarities(embed: Embedder | None, question: str, every: list[Clause]) -> list[float]:
    """Cosine of the question and each "section heading. clause"; zeros without an embedder."""
    if embed is None:
        return [0.0] * len(every)
    texts = _texts(every)
    known = _encode(embed, texts)
    query = np.asarray(encode_query(embed, question), dtype=np.float32)
    return [float(np.dot(query, known[t])) for t in texts]


def answer(
    passages: list[dict],
    question: str,
    search: Callable[[str], list[dict]] | None = None,
    embed: Embedder | None = None,
    section: Callable[[str], list[dict]] | None = None,
    of_product: bool = False,
) -> PolicyAnswer:
    """The clauses that apply to the question, quoted whole with their sections. With `search`,
    a situation no retrieved clause speaks to ("he doesn't like them": a change of mind) is
    looked up by its condition words, and the passages found join the ones retrieved (in
    `passages`). A question for a whole policy ("what is your return policy?") gets its opening,
    read with `section` (a section's passages by its name) when it was not retrieved.
    `of_product`: the question asks a policy of a product ("does the first one come with a
    warranty?"); where no clause speaks to a case of it, the policy it names states the general
    rule in its opening ("Every product ... is covered by our 1-year limited warranty")."""
    question = spelled_out(question)  # "COD": cash on delivery (policy_abbreviations)
    whole = _whole_policy(passages, question, section)
    if whole is not None:
        return whole
    passages.extend(
        recalled(passages, lambda others: _best_clauses(others, question, embed), cases().recalled_passages)
    )
    found = _with_verdict(question, _applying(passages, question, search, embed))
    known = _policy_stems(passages)
    if found.covered and found.quoted and unnamed_focus(question, known):
        warmed = weights_for([p.get("id") for p in passages])
        if warmed is not None and singled_out(question, _clause_stems(found.quoted[0]), warmed.texts):
            return found  # the only clause using an asked word speaks to it (policy_coverage)
        # The thing asked about ("a restocking fee") is named by no clause: the nearest clause,
        # however close in tone, does not settle it (assistant/policy_focus.py).
        top = found.quoted[0]
        return PolicyAnswer(f"{NOT_COVERED} {_quoted(top, None)}", [top], False, found.fit)
    if of_product and not found.covered and not situations_in(question):
        return _general_rule(passages, question, section) or found
    return found


def _best_clauses(passages: list[dict], question: str, embed: Embedder | None) -> list[float]:
    """Each passage's best clause for the question by meaning and the question's rarer words, as
    `_answer` weighs them. Not by the situations its conditions speak to: a situation read from a
    passing word ("only opened it now") recalled the list of items we cannot take back over the
    retrieved clause that settles the case (pool rows PolB-02, PolB-06)."""
    c, asked = cases(), content_stems(question)
    weights = weights_for([p.get("id") for p in passages])
    every = [(i, clause) for i, p in enumerate(passages) for clause in clauses(p)]
    near = _similarities(embed, question, [clause for _, clause in every])
    best = [-1.0] * len(passages)
    for (i, clause), sim in zip(every, near, strict=True):
        words = share(asked, _clause_stems(clause), weights) if weights is not None else 0.0
        score = sim + c.lexical_weight * words
        best[i] = max(best[i], score)
    return best


def _policy_stems(passages: list[dict]) -> list[set[str]]:
    """Each clause's content stems: of all the policies warmed, else of the passages at hand."""
    warmed = weights_for([p.get("id") for p in passages])
    return warmed.texts if warmed is not None else [_clause_stems(c) for p in passages for c in clauses(p)]


def _general_rule(
    passages: list[dict], question: str, section: Callable[[str], list[dict]] | None
) -> PolicyAnswer | None:
    """The opening clause of the one policy the question names by a word of its title
    ("warranty" names the Warranty Policy): the rule every product falls under."""
    named = sorted(_named_policies(question, [c for p in passages for c in clauses(p)]))
    if len(named) != 1:
        return None
    opening = [p for p in passages if p["section"] == named[0]]
    if not opening and section is not None:
        opening = section(named[0])
        passages.extend(opening)
    rule = [c for p in opening[:1] for c in clauses(p)][:1]
    return PolicyAnswer(_quoted(rule[0], None), rule) if rule else None


# A question whether the shopper's case may be done ("can I return it after wearing it once?",
# "what if I used it?"), not how or how long: a plain yes or no can lead its answer.
CASE_ASKED = re.compile(r"\b(?:what if|can|could|may|will|would|is|are|am|do|does)\b", re.I)
OTHER_ASKED = re.compile(r"\b(?:how|when|where|which|why|who)\b|\bwhat\b(?! if)", re.I)  # a value, a how-to
NEGATED = frozenset("not never no dont didnt havent hasnt isnt wasnt without".split())


def _with_verdict(question: str, found: PolicyAnswer) -> PolicyAnswer:
    """The plain answer before the quote where a quoted clause makes a condition of what the
    shopper's case fails ("as long as they are: unused" for an item worn once): "No: ..."."""
    if not found.covered or not found.quoted or not CASE_ASKED.search(question) or OTHER_ASKED.search(question):
        return found
    c = cases()
    for situation in _failed(question):
        for clause in found.quoted:
            stems = _stems(clause.text)
            if not any(_has(stems, m) for m in c.condition_markers):
                continue
            if situation.refused and any(_has(stems, r) for r in situation.requires):
                return PolicyAnswer(f"{situation.refused} {found.text}", found.quoted, found.covered)
    return found


def _failed(question: str) -> list[Situation]:
    """The situations the shopper's case is in by the words that say it failed a condition
    (`fails`, else `said`), none negated ("never worn", "tags not removed"): "with tags on"
    raises `tags` but fails nothing."""
    forms = _forms(question)
    out = []
    for s in situations_in(question):
        for phrase in s.fails or s.said:
            n = len(phrase)
            at = [i for i in range(len(forms) - n + 1) if forms[i : i + n] == phrase]
            if any(not set(forms[max(0, i - 3) : i]) & NEGATED for i in at):
                out.append(s)
                break
    return out


def _applying(
    passages: list[dict],
    question: str,
    search: Callable[[str], list[dict]] | None,
    embed: Embedder | None,
) -> PolicyAnswer:
    found = _answer(passages, question, embed)
    raised = situations_in(question)
    spoken = {name for c in found.quoted for name in _spoken(c, raised)} if found.covered else set()
    missing = [s for s in raised if s.name not in spoken]
    if search is None or not raised:
        return found
    added = False
    if missing:
        # The conditions' own words find the clause: the question's words found the ones retrieved.
        known = {(p["section"], p["text"]) for p in passages}
        extra = [p for p in search(" ".join(s.wording for s in missing)) if (p["section"], p["text"]) not in known]
        passages.extend(extra)
        added = True
    # A case in a policy the question names ("can I still return it? I washed it once"): that
    # policy's clause for it is looked up by the question's own words, beside the ones retrieved.
    named = _named_policies(question, [c for p in passages for c in clauses(p)])
    if not (found.covered and any(c.section.split(" > ")[0] in named for c in found.quoted)):
        known = {(p["section"], p["text"]) for p in passages}
        asked = [p for p in search(_policy_words(question)) if _named_policies(question, clauses(p))]
        passages.extend(p for p in asked if (p["section"], p["text"]) not in known)
        added = added or bool(asked)
    return _answer(passages, question, embed) if added else found


def _whole_policy(
    passages: list[dict], question: str, section: Callable[[str], list[dict]] | None
) -> PolicyAnswer | None:
    """The opening of the policy a question asks for as a whole, by its name and nothing else
    ("what is your return policy?", "tell me about your warranty"); None for any other question.
    Its closest clause would answer a case the shopper did not raise ("Faults in the first 30 days")."""
    if situations_in(question):
        return None
    asked = {_stem(w) for w in tokenize(question.replace("'", ""))} - cases().whole_policy_words
    titles = list(dict.fromkeys(p["section"].split(" > ")[0] for p in passages))
    named = [t for t in titles if asked and asked <= set(_stems(t))]
    if not named:
        return None
    title = named[0]
    opening = [p for p in passages if p["section"] == title]
    if not opening and section is not None:
        opening = section(title)
        passages.extend(opening)
    quoted = [c for p in opening[:1] for c in clauses(p)][: cases().max_quotes]
    if not quoted:
        return None
    return PolicyAnswer(" ".join(_quoted(c, prev) for c, prev in zip(quoted, [None, *quoted], strict=False)), quoted)


def _answer(passages: list[dict], question: str, embed: Embedder | None) -> PolicyAnswer:
    every = [c for p in passages for c in clauses(p)]
    if not every:
        return PolicyAnswer("", covered=False)
    c = cases()
    raised = situations_in(question)
    stems = [_clause_stems(clause) for clause in every]
    # A word's weight is counted over all the policies when they were warmed, else over these.
    weights = weights_for([p.get("id") for p in passages]) or WordWeights(stems)
    asked = content_stems(question)
    # How close in meaning (the embedder) and how much of the question's words (weighed by their
    # rarity) each clause with its heading is about.
    near = _similarities(embed, question, every)
    similar = [sim + c.lexical_weight * share(asked, words, weights) for sim, words in zip(near, stems, strict=True)]
    # Closest in meaning, raised by each situation the clause's conditions speak to; then the
    # more condition words stated, then passage order (the retrieval's ranking).
    # A clause of a policy the question names ("can I still RETURN a shirt I washed once?") that
    # speaks to the case weighs as part of a situation more: the returns policy's "unwashed"
    # before the warranty's "incorrect washing"; a clause elsewhere that speaks to more of the
    # case still comes first ("used for two weeks, then faulty": the warranty's first 30 days).
    # The weight decides between policies: where no clause of another policy speaks to the case,
    # it would only widen the lead of a situation told in the story over the clause the question
    # asks for ("changed my mind ... do i get the shipping i paid refunded?": the change-of-mind
    # fee over "The original shipping charge is refunded only if ...", both of the returns policy).
    named = _named_policies(question, every)
    spoken_by = [_spoken(clause, raised) for clause in every]
    rival = any(w and clause.section.split(" > ")[0] not in named for w, clause in zip(spoken_by, every, strict=True))
    scored = []
    for i, clause in enumerate(every):
        words = spoken_by[i]
        spoken = set(words)
        score = similar[i] + c.situation_weight * len(spoken)
        if spoken and rival and clause.section.split(" > ")[0] in named:
            score += c.named_policy_weight
        scored.append((score, sum(words.values()), -i, spoken, similar[i], clause))
    # A clause that applies (it states a condition of the shopper's case, or is as close in meaning
    # as an applying clause must be) ranks above one that does neither: "the sleeves are too short"
    # is a size case, and the hygiene list, nearest in words, decides nothing about it.
    scored.sort(key=lambda s: (not (s[3] or s[4] >= c.min_similarity), -s[0], -s[1], -s[2]))
    # settled by a near clause stating the value asked ("when?") or naming the case (policy_permission)
    # a clause stating a condition the shopper's case fails ("an item I wore": unused) is about the case
    conditions = {s.name for s in c.situations if s.requires}
    valued = settled_first(
        question,
        scored,
        lambda s: s[4],
        lambda s: s[5].text,
        # a clause speaks of what its policy's title names ("send them back for a refund" under
        # the Returns and Refunds Policy), though its own sentence does not say it (AH PolT-01)
        lambda s: _clause_stems(s[5]) | content_stems(s[5].section.split(" > ")[0]),
        lambda s: bool(s[3] & conditions),
    )
    scored = valued or sorted(scored, key=lambda s: -s[4])
    _, _, _, best, best_similarity, top = scored[0]
    # the closest clause stating all that an asking clause asks speaks to it however far the
    # whole message reads (policy_coverage)
    # one clause only among all the policies warmed, not among the few retrieved (policy_coverage)
    warmed = weights_for([p.get("id") for p in passages])
    stated = states_asked(question, _clause_stems(top)) or (
        warmed is not None and singled_out(question, _clause_stems(top), warmed.texts)
    )
    # a clause stating only the kind of value asked ("5 to 7 business days" for "how many days?")
    # speaks to no case of the shopper's: it must be as near as an applying clause must be
    case = best - c.value_situations
    if valued is None or not case and best_similarity < c.min_similarity and not stated:
        # Nothing speaks to the case: say so plainly, then what the closest clause does say.
        return PolicyAnswer(f"{NOT_COVERED} {_quoted(top, None)}", [top], False, best_similarity)
    quoted, seen = [top], set(best)
    for _, _, _, spoken, similarity, clause in scored[1:]:
        if len(quoted) >= c.max_quotes:
            break
        same_document = clause.section.split(" > ")[0] == top.section.split(" > ")[0]
        # adds a situation the clauses before did not speak to, from the same policy unless it
        # is as close in meaning as a clause that applies must be; or states the rule of the top
        # clause's section for a situation already met ("Please tell us within 7 days" beside
        # "We will send a replacement" under "Damaged, faulty or wrong items")
        adds = spoken - seen and (same_document or similarity >= c.min_similarity)
        if adds or (spoken and clause.section == top.section):
            quoted.append(clause)
            seen |= spoken
    # The sentence beside the quoted one in its section, as close as an applying clause must be,
    # often states the rule the quoted one acts on ("Our shopping assistant never asks for card
    # details in chat." before "If anyone asks for your card number ... please do not reply").
    at = {id(clause): i for i, clause in enumerate(every)}
    beside = [
        s[5]
        for s in scored
        if s[5].section == top.section
        and abs(at[id(s[5])] - at[id(top)]) == 1
        and s[4] >= c.min_similarity
        and s[5] not in quoted
    ]
    quoted += beside[: max(0, c.max_quotes - len(quoted))]
    # A question that asks two things ("can it go back, and who pays the postage?") is answered
    # part by part, each from its own clause, in the order asked (below: the first part's leads).
    by_part = part_answers(
        question,
        near,
        lambda part: _similarities(embed, part, every),
        lambda part: [c.lexical_weight * share(content_stems(part), words, weights) for words in stems],
        c.min_similarity,
        [" > " not in clause.section for clause in every],
    )
    quoted += [every[i] for i in dict.fromkeys(by_part) if i is not None and every[i] not in quoted]
    # A short section is one rule said in a few sentences ("Need a different size? Choose
    # Exchange ... at no extra shipping cost"): its best sentence alone leaves out the part that
    # answers the shopper as often as not, so it is quoted whole.
    # A policy's opening is not one rule: it welcomes and sums up (see _whole_policy).
    section = [clause for clause in every if clause.section == top.section]
    ruled = " > " in top.section
    if ruled and sum(len(clause.text.split()) for clause in section) <= c.whole_section_words:
        quoted = [*section, *(clause for clause in quoted if clause.section != top.section)]
    # Read in the policy's order within each section, sections as chosen, a first part's first.
    lead = [every[by_part[0]].section] if by_part and by_part[0] is not None else []
    sections = list(dict.fromkeys([*lead, *(clause.section for clause in quoted)]))
    position = {id(clause): i for i, clause in enumerate(every)}
    quoted.sort(key=lambda clause: (sections.index(clause.section), position[id(clause)]))
    text, previous = [], None
    for clause in quoted:
        text.append(_quoted(clause, previous))
        previous = clause
    return PolicyAnswer(" ".join(text), quoted, True, best_similarity, bool(best))


def _policy_words(question: str) -> str:
    """The question's words that may name a policy: none of "what", "policy", "your"..."""
    words = [w for w in tokenize(question.replace("'", "")) if w not in STOPWORDS]
    return " ".join(w for w in words if _stem(w) not in cases().whole_policy_words)


def _named_policies(question: str, every: list[Clause]) -> set[str]:
    """The titles of the policies the question names by a word of their own ("return" names the
    "Returns and Refunds Policy"; "policy", "your" and the like name none)."""
    asked = set(_stems(_policy_words(question)))
    titles = {clause.section.split(" > ")[0] for clause in every}
    return {title for title in titles if asked & set(_stems(title))}


def _quoted(clause: Clause, previous: Clause | None) -> str:
    """'From our Returns and Refunds Policy ("What you can return"): <clause>' ."""
    parts = [p.strip() for p in clause.section.split(" > ")]
    document, heading = parts[0], parts[-1]
    text = clause.text if clause.text.endswith((".", "!", "?", ":")) else clause.text + "."
    if previous is not None and previous.section == clause.section:
        return text  # the same section goes on: named once
    if previous is not None and previous.section.split(" > ")[0].strip() == document:
        where = f"Under “{heading}”" if heading != document else "It also says"
    else:
        where = f"From our {document}" + (f", under “{heading}”" if heading != document else "")
    return f"{where}: {text}"


def cited(quoted: list[Clause], passages: list[dict]) -> list[dict]:
    """The passages the quotes come from first (in quote order), then the rest retrieved: the
    first citation is always the section of the first quote."""
    order = []
    for clause in quoted:
        for p in passages:
            if p["section"] == clause.section and p["source"] == clause.source and p not in order:
                order.append(p)
                break
    return order + [p for p in passages if p not in order]
