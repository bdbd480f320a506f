"""Questions about one product answered from its record: yes / no / the value / not stated.

`answer_question(product, question, embedder)` finds the `Evidence` in the record (its fields,
its specification key/values, its description sentences) by two signals together: the asked
words matching a key or a value (with the synonyms of `data/answers.yaml`), and the embedding
similarity between the asked feature and each piece of evidence. It answers in words the shopper
can act on, quoting the evidence whole ("Fabric: Polyester", or a whole description sentence),
adds a consequence where a known fact supports one (IPX5: rain yes, pool no), and says plainly
when the listing does not say. It never states a value the record does not hold.

No model writes here: the answer is ready in milliseconds and can stream at once.
"""

from __future__ import annotations

import re
from dataclasses import replace
from itertools import pairwise

from assistant import box_contents, fit, need_flag, other_values, suitability, superlatives, vocabulary
from assistant.answer_data import knowledge
from assistant.answer_evidence import (
    Answer,
    Evidence,
    KeyValues,
    Verdict,
    cover_share,
    is_flag,
    quote_of,
    record_evidence,
    same_word,
    says_no,
    says_yes,
    word_covered,
    word_set,
)
from assistant.answer_options import option_answer, options_held
from assistant.answer_uses import (
    amount_asked,
    counted_answer,
    covers_focus,
    fit_answer,
    of_family,
    one_word_flag,
    other_count,
    pack_count,
    says_amount,
    says_rate,
    title_amount,
    use_answer,
    use_value,
    value_text,
)
from assistant.evidence_verdicts import (
    attribute_answer,
    fact_answer,
    keyed_yes_no,
    other_modifier,
    other_value,
    own_measure,
    yes_no,
)
from assistant.key_match import (
    about_asked,
    best_evidence,
    described,
    flag_meant,
    focus_key,
    matching_key,
    related_evidence,
    states_no,
    value_match,
)
from assistant.question_reading import (
    about_text,
    first_alternative,
    not_stated_answer,
    offered_options,
    read_question,
)
from assistant.stock_answer import stock_answer
from common.models import Embedder
from common.schema import Product
from common.text import (
    singular,
    tokenize,
)

# The last sentence that asks ("... school bus at 6.. has alarm?"), and a purpose said after what
# is asked ("can i put the handis in microwave TO REHEAT DAL?"): the question without the story.
# A sentence ends at ! ? a line break, or a full stop that is no decimal point ("1.5 litre").
ASKING_SENTENCE = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*\?[\s.!?]*$")
ASKED = re.compile(r"(?:[^.!?\n]|(?<=\d)\.(?=\d))*\?")  # any sentence that asks, wherever it stands
# A purpose said with "so (that) I can ...", up to the next alternative or the sentence's end
# (held-out set AC, AC-p05: its words were asked too, and "the listing doesn't say").
SO_PURPOSE = re.compile(
    r"\s+so\s+(?:that\s+)?(?:i|we|he|she|they|you|u)\s+(?:can|could|may|might|will|would)\b[^?.!]*?(?=\s+or\s+|[?.!]|$)",
    re.I,
)
PURPOSE_AFTER = re.compile(r"\s+(?:to|for)\s+\w+(?:\s+\w+){0,4}\s*\?[\s.!?]*$", re.I)


def answer_question(
    product: Product,
    question: str,
    embedder: Embedder | None = None,
    values: KeyValues | None = None,
    naming: str | None = None,
) -> Answer:
    """The answer to a shopper's question about this product, from its record alone (see
    `_answer_from_record`). A question offering options ("is it pure cotton or some blend?", "wired
    or bluetooth?") asks which: a "no" to one of them is no answer to it (set N read "No" where the
    record says 100% cotton), so where the "no" came from a value that says one of the options,
    it is answered with that value."""
    stocked = stock_answer(product, question)  # "is the <options said> one in stock?"
    if stocked is not None:
        return stocked
    found = _answer_from_record(product, question, embedder, values, naming)
    # The first alternative is asked whatever the other side says, an option of its own too
    # ("comes with a chain or just the pendant?", "adjustable or fixed length?"): pool sets P, Q
    # read those as which-questions and answered without a yes or a no. Where both sides are
    # values ("bluetooth or wired?"), the yes or no comes with the value held, which answers it.
    first = first_alternative(question) if found.verdict != Verdict.YES else None
    if first is not None and read_question(first).yes_no:
        # "pot included or do i buy separately", "real leather or fake PU?": the first alternative
        # is what a yes or a no answers; the words of the other only blur it (set S read "doesn't
        # say" where "Pot Included: Yes"). A yes to the whole ("a beep or a siren?") stands.
        alone = _answer_from_record(product, first, embedder, values, naming)
        if alone.verdict in (Verdict.YES, Verdict.NO):
            found = alone
    if found.verdict != Verdict.NO or not found.evidence:
        return found
    e = found.evidence[0]
    if is_flag(e.value or ""):  # "Chain Included: No" says no to the first option, no value
        return found
    # Only where the evidence says one of the options: "can i plug a pen drive or hard disk into
    # it?" asks whether either works, and "Number of USB Ports: 0" is a plain no.
    said = {singular(w) for w in tokenize(e.text)}
    if any(said & {singular(w) for w in option} for option in offered_options(question)):
        lead = f"The listing gives {e.text}" if e.source != "description" else f"The listing says: {quote_of(e)}"
        return Answer(Verdict.VALUE, f"{lead}.", found.evidence, e.value)
    return found


def _answer_from_record(
    product: Product,
    question: str,
    embedder: Embedder | None = None,
    values: KeyValues | None = None,
    naming: str | None = None,
) -> Answer:
    """The answer to a shopper's question about this product, from its record alone. `values`
    (from `key_values` over the catalog) lets "is it a full zip?" be answered no from "zipper: half".

    Where the whole message finds no answer, its last asking sentence alone is tried, then that
    sentence less a purpose said after it: the story's words ("she needs to wake up for the
    school bus... has alarm?") dilute what is asked, and a record that answers the question
    itself ("Alarm Clock: Yes") answers it."""
    # "which bulb fitting? h4 or h7 or what": the option the record holds. Only where a value is
    # asked: "does it make a beep or siren sound?" asks whether it has either (a yes or a no).
    suited = _suits(product, question, values)
    if suited is not None and suited.verdict == Verdict.JUDGEMENT:
        # Made for the person, but the need the story says ("can't tie laces", "needs to read the
        # time in the dark") is another key's to settle ("Closure: Laced", "Luminous: No").
        settled = _answer_whole(product, question, embedder, values, naming)
        if settled.verdict in (Verdict.YES, Verdict.NO):
            return settled
    if suited is not None:  # "does it fit lenovo s880?" against "Designed for: Lenovo S880"
        return suited
    held = [] if read_question(question).yes_no else options_held(product, offered_options(question))
    if len(held) == 1:
        return option_answer(held[0])
    found = _answer_whole(product, question, embedder, values, naming)
    sentence = _asking_sentence(question)
    if found.verdict == Verdict.YES and sentence and sentence != question.strip():
        # "do the boots zip up? hate tying LACES" against "Closure: Lace Up": a yes from evidence
        # that says no word of the asking sentence answers the story, not the question (set U).
        own = read_question(sentence, naming or "")
        said = word_set(found.evidence[0].text) if found.evidence else set()
        if own.words and not any(word_covered(w, said) for w in own.words):
            # Only a no of the asking sentence's own overrules it: where it asks nothing the record
            # settles ("... induction stove. works on it na?"), the story is what is asked.
            alone = _answer_whole(product, sentence, embedder, values, naming)
            if alone.verdict != Verdict.NO:
                alone = _other_value_asked(product, sentence, values, naming) or alone
            if alone.verdict == Verdict.NO:
                found = alone
    if found.verdict not in (Verdict.NOT_STATED, Verdict.JUDGEMENT):
        return _imitation(question, _apart(question, found))
    other = _other_value_asked(product, question, values, naming)
    if other is not None:  # "bluetooth?" against "Interface: Wired USB" (sets L, M)
        return other
    tries = [sentence] if sentence and sentence != question.strip() else []
    if PURPOSE_AFTER.search(sentence):
        tries.append(PURPOSE_AFTER.sub("?", sentence))
    # "does it come with a chain SO I CAN WEAR IT ACROSS THE BODY": why it is wanted, not what
    tries += [t for t in {SO_PURPOSE.sub("", question)} if t != question]
    for text in tries:
        asked = read_question(text, naming or "")
        if set(asked.words) <= asked.named:  # "is the santoku ok[ for cutting bread]?" asks of its name only
            continue
        shorter = _answer_whole(product, text, embedder, values, naming)
        if shorter.verdict in (Verdict.YES, Verdict.NO, Verdict.VALUE):
            return _imitation(question, _apart(question, shorter))
    # "need it to stay cold for hours - does it do that job?" against "Insulated: No"
    flagged = (
        need_flag.flag_answer(product, question, embedder, values or {}) if read_question(question).yes_no else None
    )
    # "is a dupatta included in the set?" of a "lehenga, choli and dupatta set" (held-out set AC)
    contents = box_contents.included(product, question) if read_question(question).yes_no else None
    return pack_count(question, product) or title_amount(question, product) or flagged or contents or found


def _asking_sentence(question: str) -> str:
    """The last sentence that asks ("... has alarm?"); "is it pure cotton? I sweat a lot": the
    story may come after the question too."""
    asking = ASKING_SENTENCE.search(question) or next(reversed(list(ASKED.finditer(question))), None)
    return asking.group().strip() if asking else ""


def _suits(product: Product, question: str, values: KeyValues | None) -> Answer | None:
    """Yes or no from the keys that say what the product is for, where the shopper names what
    they need it to suit (`assistant/suitability.py`)."""
    if not read_question(question).yes_no:
        return None
    found = suitability.judge(product, question, getattr(values, "phrases", {}))
    if found is None:
        return None
    given = ", ".join(f"{key}: {value}" for key, value in found.evidence)
    evidence = [Evidence(f"{key}: {value}", key, value) for key, value in found.evidence]
    if found.suits and found.unmet:  # made for him, but "he can't tie laces" is what was asked
        return Answer(
            Verdict.JUDGEMENT,
            f"The listing gives {given}: that is who it is made for; it says nothing of the need you describe.",
            evidence,
        )
    verdict = Verdict.YES if found.suits else Verdict.NO
    return Answer(verdict, f"{'Yes' if found.suits else 'No'}. The listing gives {given}.", evidence)


def _other_value_asked(product: Product, question: str, values: KeyValues | None, naming: str | None) -> Answer | None:
    """No, where a yes/no question says whole another value the catalog gives one of the record's
    keys than the record's own (`other_values`): "a button one?" against "Closure: Zipper"."""
    asked = read_question(question, naming if naming is not None else f"{product.title} {product.brand or ''}")
    phrases = getattr(values, "phrases", {})
    if not asked.yes_no or not asked.words:
        return None
    own = word_set(f"{product.title} {product.brand or ''} {product.category_path}")
    accounted = set(asked.named) | own | vocabulary.type_words() | knowledge().generic_keys
    text = " ".join(e.text for e in record_evidence(product)) + f" {product.title}"
    skip = knowledge().identity_keys | knowledge().statement_keys
    found = other_values.other_value_asked(asked.words, accounted, product, text, phrases, same_word, skip)
    if found is None:
        opposed = other_values.opposed_value(
            asked.words, accounted, product, text, knowledge().opposites, same_word, skip
        )
        found = other_values.Alternative(*opposed) if opposed else None
    if found is None:
        return None
    e = next((e for e in record_evidence(product) if e.key == found.key), None)
    if e is None:  # a value that states nothing ("NA") is no other value
        return None
    return Answer(Verdict.NO, f"No. The listing gives {e.text}, not {found.asked}.", [e], e.value)


def _imitation(question: str, found: Answer) -> Answer:
    """ "is it leather?" against "Synthetic Leather": the record's own word says it is not the
    real thing, so a plain yes misleads (a session-9 chat answered "Yes"). The qualifiers are
    the ones that contradict "genuine" (`opposites` in answers.yaml); one the shopper says
    themself ("is it faux leather?") is what they asked, and the yes stands."""
    if found.verdict != Verdict.YES or not found.evidence:
        return found
    fakes = knowledge().opposites.get("genuine", frozenset())
    said = set(word_set(question))
    if said & fakes:
        return found
    # The value, not the key: a key naming both kinds ("Natural/Synthetic Diamond: Natural
    # Diamond", set O) says nothing of which one this is.
    e = found.evidence[0]
    record = [singular(w) for w in tokenize(e.value if e.key and e.value else e.text)]
    asked = read_question(question).words
    for i, w in enumerate(record[1:], start=1):
        if record[i - 1] in fakes and any(same_word(a, w) for a in asked):
            rest = found.text.split(". ", 1)[-1]
            return replace(found, verdict=Verdict.PARTLY, text=f"Not genuine {w}: it is {record[i - 1]} {w}. {rest}")
    return found


def _apart(question: str, found: Answer) -> Answer:
    """ "Will I need to buy bulbs SEPARATELY?" asks whether they are left out: a yes or no read
    from what the record says is included ("Bulb Included: No") is turned round (set K, pq-k021,
    was answered no). The cue words are data (`apart` in answers.yaml)."""
    cue = knowledge().apart.search(question)
    if found.verdict not in (Verdict.YES, Verdict.NO) or not found.evidence or not cue:
        return found
    if re.search(r"\bor\b", question[: cue.start()], re.I):
        # "does a mattress come with it OR do i buy one separately?": the first alternative is
        # what a yes or no answers, as read (held-out set AG-p01 opened "Yes, it doesn't come")
        return found
    if not any(same_word(w, "include") for w in word_set(found.evidence[0].text)):
        return found
    rest = found.text.split(". ", 1)[-1]
    if found.verdict == Verdict.YES:
        return replace(found, verdict=Verdict.NO, text=f"No, it comes with it. {rest}")
    return replace(found, verdict=Verdict.YES, text=f"Yes, it doesn't come with it. {rest}")


def _answer_whole(
    product: Product,
    question: str,
    embedder: Embedder | None,
    values: KeyValues | None,
    naming: str | None,
) -> Answer:
    # The words that named it are not asked about; without them (a shown item), its title's.
    # An option value in the title ("Tea Kettle (2L, glass, INDUCTION)") names the product only
    # when the question used it to ("the kettle for gas stoves work on INDUCTION?").
    asked = read_question(question, naming if naming is not None else f"{product.title} {product.brand or ''}")
    if not asked.words:
        return not_stated_answer(asked, "what you're asking")
    evidence = [e for e in record_evidence(product) if not states_no(asked, e) and not own_measure(asked, e)]
    counted = None if asked.yes_no else counted_answer(question, product, evidence)
    if counted is not None:  # "how many pillows come in one order?" against "Sales Package: 10 Pillows"
        return counted
    title = Evidence(product.title, source="description")
    for step in (
        attribute_answer(product, asked),
        fact_answer(asked, evidence),
        other_count(asked, [title, *evidence]),
    ):
        if step:
            return step
    # What the product is (title, category) and what its record states elsewhere ("non stick")
    # describe it; they are no other feature asked about.
    own = word_set(f"{product.title} {product.brand or ''} {product.category_path}")
    stated = own | {w for e in evidence if e.source != "description" for w in word_set(e.text)}
    keyed = matching_key(asked, evidence, values or {}, embedder, stated)
    flag = keyed is not None and (says_no(keyed.value or "") or says_yes(keyed.value or ""))
    if keyed is not None and not asked.yes_no and not says_rate(asked, keyed):
        keyed, flag = None, False  # "how many PER DAY?" is no "Quantity: 60" (set H)
    amount = None if asked.yes_no else amount_asked(question, asked, evidence, keyed, embedder)
    if amount is not None and not says_rate(asked, amount):
        amount = None
    if amount is not None:  # "how many watts?" against "Power Consumption: 40 W"
        return Answer(Verdict.VALUE, value_text(amount), [amount], amount.value)
    if keyed is not None and asked.focus and not covers_focus(asked, keyed):
        # "what IP RATING is it? worried about HEAVY rain": "Weight" answers a word of the story,
        # not the feature asked for.
        keyed, flag = None, False
    if keyed is None:  # "which SCENTS come in the pack?" against "Fragrance: Mandarin, Fresh Roses"
        keyed = focus_key(asked, evidence, embedder)
    family = None if asked.yes_no else fit.asked_family(question)
    if family is not None and keyed is not None and not of_family(keyed, family):
        # "how many WATTS is the kettle?" where no specification states watts: "capacity: 1L" is
        # no answer to it, whatever other word it matched ("take" in the shopper's story).
        keyed, flag = None, False
    # A flag for the feature asked ("Child Lock: Yes") answers before any amount the message
    # states: that amount may be chatter ("we have a 2 yr old... does it have a child lock?"),
    # and read as a need it met "Warranty: 1 Year" and answered no.
    # A value asked ("which holder does it fit? my old bulb was 9 w") wants the value, not whether
    # an amount of the story fits.
    fitted = None if flag or not asked.yes_no else fit_answer(question, evidence, f"{naming or ''} {product.title}")
    if fitted is not None:  # "will my 15.6 inch laptop fit?" against "Compatible Laptop Size: 15.6"
        return fitted
    said = value_match(replace(asked, named=asked.named | own), evidence) if asked.yes_no else None
    # A need said through a use ("has it got castors?", "a walker i can lock"): judged from the
    # record's words for it (`uses` in answers.yaml).
    use = use_answer(asked, question, evidence, values or {}) if asked.yes_no else None
    # A flag meaning what was asked outranks a value that says one word of the story ("my 3 yr old
    # KEEPS pressing... can i lock the panel?" against "Features: Keep Warm, ...").
    # Evidence not about the thing asked carries no yes or no ("a SHOE compartment?" against
    # "Pocket Compartments: Yes"): it is quoted as related only, where nothing else answers.
    near = None
    if asked.yes_no and keyed is not None and not about_asked(asked, keyed, values or {}, own=own):
        near, keyed, flag = keyed, None, False
    if said is not None and not about_asked(asked, said, values or {}):
        near, said = near or said, None
    meant = flag_meant(asked, evidence, values or {}, embedder, stated) if asked.yes_no and not keyed else None
    if meant is not None and not about_asked(asked, meant, values or {}, lexical=False):
        near, meant = near or meant, None  # "a shoe compartment?" is not what "Compartment: Yes" means
    if keyed is not None:  # "is the X water resistant? my son ..." against "Water Resistant: No"
        if asked.yes_no or flag:  # a flag answers yes or no, however the question was put
            keyed_answer = keyed_yes_no(asked, keyed, values or {})
            if use is not None and word_set(keyed.value or "") <= asked.named:
                # The key's value names the product ("the black HIGH-brightness lamp ok? ... power
                # cuts"): the use asked about is the question.
                return use
            if keyed_answer.verdict == Verdict.JUDGEMENT:
                # A key reached by a word of the story ("her bag is too HEAVY" -> "Weight") gives
                # way to a flag the question also names ("pulled like a TROLLEY" -> "Trolley
                # Support: No") and to a need said through a use.
                flags = [e for e in evidence if e is not keyed and is_flag(e.value or "")]
                flagged = matching_key(asked, flags, values or {}, embedder, stated)
                if flagged is not None and one_word_flag(flagged):
                    return keyed_yes_no(asked, flagged, values or {})
                if use is not None:
                    return use
            # Part of a key said ("FRAMED polarised" against "Frame Material") gives way to a
            # value that says the asked word ("Lens Type: Polarized").
            if keyed_answer.verdict != Verdict.JUDGEMENT or said is None:
                return keyed_answer
        else:
            return Answer(Verdict.VALUE, value_text(keyed), [keyed], keyed.value)
    if use is not None:
        return use
    if meant is not None:  # "can i lock the panel?" against "Child Lock: Yes"
        return keyed_yes_no(asked, meant, values or {})
    if said is not None:  # "is it ISI marked?" against "Certification: ISI"
        other = other_modifier(asked, said, values or {})
        if other is not None:  # "does it cover the chin like a FULL face one?" against "Type: Open Face"
            return other
        return yes_no(
            replace(asked, words=[w for w in asked.words if word_covered(w, word_set(said.value or ""))]), said
        )
    if not asked.yes_no:  # "how much chai fits in a cup?" against "Capacity: 150 ml"
        used = use_value(asked, evidence)
        if used is not None and says_rate(asked, used):
            return Answer(Verdict.VALUE, value_text(used), [used], used.value)
    if not asked.yes_no:  # "what's the warranty?" stated in a description sentence
        sentence = described(asked, evidence, values or {}, own, embedder)
        if sentence is not None and says_rate(asked, sentence) and says_amount(question, sentence, own):
            return Answer(Verdict.VALUE, f"The listing says: {quote_of(sentence)}.", [sentence], sentence.text)
    covering = _covering(asked.words, evidence)
    if family is not None:  # an amount of another kind answers no value asked in watts
        covering = [e for e in covering if e.source == "description" or of_family(e, family)]
    if not asked.yes_no:
        covering = [e for e in covering if says_rate(asked, e) and says_amount(question, e, own)]
    if covering:
        best = best_evidence(asked, covering, embedder)
        if asked.yes_no:
            return yes_no(asked, best)
        if best.source == "description":
            return Answer(Verdict.VALUE, f"The listing says: {quote_of(best)}.", [best], best.text)
        return Answer(Verdict.VALUE, value_text(best), [best], best.value)
    if asked.yes_no and (core := _situation_core(asked.words, evidence, question)):
        # "does it work on induction?", "she has an induction stove, will it work?" against
        # "Aluminium with an induction-ready base": the words that only say it works ("work",
        # "ok") and the thing a covered word names ("stove" of "induction stove") need no cover
        # of their own (the demo answered "doesn't say anything about induction stove").
        return yes_no(
            replace(asked, words=core), best_evidence(replace(asked, words=core), _covering(core, evidence), embedder)
        )
    if asked.yes_no:
        other = other_value(asked, evidence, values or {})
        if other:
            return other
    related = near or related_evidence(asked, evidence, embedder)
    if related is not None:
        return Answer(
            Verdict.JUDGEMENT,
            f"The listing doesn't say {about_text(asked)} directly. What it does say: {quote_of(related)}.",
            [related],
        )
    return not_stated_answer(asked, about_text(asked))


def answers_text(
    products: list[Product],
    question: str,
    embedder: Embedder | None,
    values: KeyValues,
    naming: str | None = None,
) -> str:
    """The answer for one product; for several (variants the question does not tell apart, or
    products it names together) the answer once when it is the same for all, else one line each.
    `naming`: the words the question named them with (see `answer_question`)."""
    asked_of_each = _asked_of_each(question) if len(products) > 1 else question
    found = [answer_question(p, asked_of_each, embedder, values, naming) for p in products]
    if len(products) == 1:
        return found[0].text
    names = _labels(products)
    if len({a.text for a in found}) == 1:
        return f"{found[0].text} That holds for {'both' if len(products) == 2 else f'all {len(products)}'}: {'; '.join(names)}."
    lines = "\n".join(f"{name}: {a.text}" for name, a in zip(names, found, strict=True))
    verdicts = {a.verdict for a in found}
    if len(verdicts) == 1 and verdicts <= {Verdict.YES, Verdict.NO}:
        # The same yes or no for each, on different evidence ("power source: AC adapter" and
        # "USB", asked whether it works unplugged): said first, as for one product, then why.
        lead = "Yes" if verdicts == {Verdict.YES} else "No"
        return f"{lead}, for {'both' if len(products) == 2 else f'all {len(products)}'}:\n{lines}"
    return lines


# "which of these work on induction?" asks each product whether it does (a demo chat answered
# "doesn't say" for all four pans, one of which has an induction-ready base).
WHICH_OF_THEM = re.compile(r"^\W*which\s+(?:of\s+(?:these|those|them)|ones)\s+(\w+)\b", re.I)
_AS_ASKED_OF_IT = {"are": "is it", "is": "is it", "have": "does it have", "has": "does it have", "do": "does it"}


def _asked_of_each(question: str) -> str:
    """A which-question over several products as the yes/no question it puts to each."""
    m = WHICH_OF_THEM.match(question)
    if m is None or superlatives.asked(question):  # "which of these is the lightest" ranks them
        return question
    verb = m.group(1).lower()
    modal = verb in {"can", "will", "would", "could", "should"}
    opening = f"{verb} it" if modal else _AS_ASKED_OF_IT.get(verb, f"does it {verb}")
    return f"{opening}{question[m.end() :]}"


def _covering(words: list[str], evidence: list[Evidence]) -> list[Evidence]:
    return [
        e for e in evidence if e.key != "category" and cover_share(words, word_set(e.text)) >= knowledge().key_cover
    ]


def _situation_core(words: list[str], evidence: list[Evidence], question: str) -> list[str]:
    """The asked words a record sentence must say, less those that only ask whether it works
    (`fit_words`) and a word right after one the record says ("induction STOVE", "dishwasher
    CYCLE"): the thing the use is of. Empty where nothing was left out, or what is left is not
    all said by one piece of evidence."""
    said = set().union(*(word_set(e.text) for e in evidence if e.key != "category")) if evidence else set()
    pairs = set(pairwise(singular(w) for w in tokenize(question)))  # words said side by side
    core = []
    for i, w in enumerate(words):
        if w in knowledge().fit_words:
            continue
        before = words[i - 1] if i else ""
        if (before, w) in pairs and before in core and word_covered(before, said) and not word_covered(w, said):
            continue
        core.append(w)
    if not core or core == words:
        return []
    return core if _covering(core, evidence) else []


def _labels(products: list[Product]) -> list[str]:
    """Each product's title, with the specification values that tell it apart from another of
    the same title ("Hiking Boots (size 10, synthetic), waterproof: no")."""
    out = []
    for p in products:
        twins = [q for q in products if q.title == p.title and q is not p]
        apart = [f"{k}: {v}" for k, v in p.attributes.items() if any(q.attributes.get(k) != v for q in twins)]
        out.append(f"{p.title}, {', '.join(apart)}" if twins and apart else p.title)
    return out
