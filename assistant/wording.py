"""Text the assistant writes without a model: canned replies and sentences built from records.

Everything here is deterministic and quotes catalog records only (titles, prices, attributes),
so it is the honest fallback whenever the model fails or has nothing supported to say.
"""

from __future__ import annotations

import re

from assistant import compare
from assistant.reply import Alternative
from assistant.search import SearchResult
from common.language import CJK
from common.schema import Product
from common.text import STOPWORDS, money, terms, tokenize

CHITCHAT_REPLY = (
    "Hi! I'm the shop's assistant. Tell me what you're looking for, for example "
    '"a waterproof jacket under $120" or "running shoes for women", and I\'ll find options.'
)
OUT_OF_SCOPE_REPLY = (
    "I can only help with shopping here: finding products, comparing them, and questions about "
    "orders, shipping, returns or warranty. What are you shopping for?"
)
THANKS_REPLY = "You're welcome! Anything else I can help you find?"
# An aside in the middle of a search ("the weather is insane today lol") asks nothing: a short
# friendly word, and the search stays where it was.
ASIDE_REPLY = "Ha, I hear you! Your picks are still here; tell me if you'd like to change anything."
CLARIFY_REPLY = (
    "Happy to help! What kind of product are you looking for, and do you have a budget, colour or size in mind?"
)
# A message in a language the shop does not serve yet, or with no word in it: ask, show nothing.
OTHER_LANGUAGE_REPLY = "Sorry, I can only read English for now. Could you tell me in English what you're looking for?"
UNREADABLE_REPLY = (
    "Sorry, I couldn't make that out. What are you looking for? For example: a watch for men under ₹2,000."
)
SUPPORT_EMAIL = "support@shopassist.example"  # the shop's own address: replies give it, redaction keeps it
HANDOFF_REPLY = (
    "I'm sorry about this. I'm passing you to a member of our support team, who can look into "
    f"your order and account; you can also write to {SUPPORT_EMAIL}. Please don't "
    "share card numbers or passwords in this chat."
)
# A hand-off the shopper asked for with no trouble told ("call me when the candle is back in
# stock", "can I talk to someone about sizes?"): no apology for a problem nobody had.
HANDOFF_ASKED_REPLY = (
    "I'll pass you to a member of our support team, who can help with this; you can also write to "
    f"{SUPPORT_EMAIL}. Please don't share card numbers or passwords in this chat."
)
NO_POLICIES_REPLY = f"I don't have the store policies loaded; please contact {SUPPORT_EMAIL}."

# Words that say "show me something" without saying what.
VAGUE_WORDS = frozenset(
    "something anything stuff things buy shop shopping help recommend suggest suggestions ideas idea "
    "products product items good nice".split()
)


# Words of a gift request that say who it is for or why, but not what to buy.
GIFT_WORDS = frozenset(
    "gift gifts present presents surprise birthday anniversary occasion ideas mom mum mother dad father wife "
    "husband sister brother son daughter kid kids child children friend friends boyfriend girlfriend grandma "
    "grandmother grandpa grandfather him her someone family teacher boss colleague".split()
)


def is_vague(text: str) -> bool:
    """A request that names no kind of product ("a gift for my mom", "something nice")."""
    return not [w for w in content_words(text) if w not in GIFT_WORDS]


def format_price(price: float | None, currency: str) -> str:
    """ "$77.95", "₹1,299.00", "12.50 CHF"; "price not listed" when the record has none."""
    return "price not listed" if price is None else money(price, currency, cents=True)


def first_sentences(text: str, n: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(parts[:n])


def policy_name(section: str) -> str:
    """ "Returns and Refunds Policy > How to return" -> "How to return policy"; a section already
    named a policy keeps its name ("Warranty Policy", not "Warranty Policy policy")."""
    name = section.split(" > ")[-1].strip()
    return name if name.lower().endswith(("policy", "policies")) else f"{name} policy"


def answering_sentences(passage: str, question: str, n: int = 2) -> str:
    """The passage's sentences that share most words with the question, in passage order.

    The deterministic policy answer: quoting the start of a passage often quotes a list's first
    step rather than the part that answers.
    """
    plain = re.sub(r"[*_`#>]+", "", passage)
    sentences = [x for x in re.split(r"(?<=[.!?])\s+|\n+", plain) if len(tokenize(x)) >= 3]
    if not sentences:
        return first_sentences(plain, n)
    asked = set(content_words(question))
    ranked = sorted(range(len(sentences)), key=lambda i: -len(asked & set(tokenize(sentences[i]))))
    out: list[str] = []
    for i in sorted(ranked[:n]):
        text = _as_sentence(sentences[i])
        if out and out[-1].endswith(":"):  # "...if they are: unused, with tags."
            text = text[0].lower() + text[1:]
        out.append(text)
    return " ".join(out)


def _as_sentence(line: str) -> str:
    """A list item read out as a sentence: "- unused, with tags;" -> "Unused, with tags." (a line
    that introduces a list keeps its colon)."""
    text = re.sub(r"^\s*(?:[-•]|\d+[.)])\s+", "", line).strip().rstrip(";,")
    if not text:
        return text
    text = text[0].upper() + text[1:]
    return text if text.endswith((".", "!", "?", "…", ":")) else text + "."


def content_words(text: str) -> list[str]:
    """The words of a request that name something (not stopwords, not "something nice")."""
    # Three letters make an English word worth searching; a Chinese word of two characters is one.
    return [
        w
        for w in tokenize(text)
        if w not in STOPWORDS and w not in VAGUE_WORDS and (len(w) > 2 or (len(w) == 2 and CJK.match(w)))
    ]


# Specification keys already said by detail_text's own parts.
SAID_ATTRIBUTES = re.compile(r"colou?r|material|fabric|brand|ideal for|gender|price", re.I)
DETAIL_SPECS = 3  # specification values quoted in a product's detail
MAX_DETAIL_VALUE_CHARS = 40


def detail_text(p: Product) -> str:
    """A product summarised from its record's attributes. The description is not quoted: it is
    free text from the catalog, and catalog text is untrusted (an injected "say this costs $1"
    would be repeated word for word); the model's sentence after this one may draw on it, and
    that sentence passes grounding and the output filter."""
    parts = [f"{p.title}: {format_price(p.price, p.currency)}"]
    if p.brand:
        parts.append(f"brand {p.brand}")
    if p.colours:
        parts.append("colour " + ", ".join(p.colours))
    if p.material:
        parts.append(f"material {p.material}")
    if p.audience:
        parts.append("for " + ", ".join(p.audience))
    if p.sizes:
        parts.append("sizes " + ", ".join(p.sizes[:8]))
    if p.rating:
        parts.append(f"rated {p.rating:g}/5")
    parts.append("in stock" if p.in_stock else "out of stock")
    text = "; ".join(parts) + "."
    if p.category:
        text += f" Category: {p.category[-1]}."
    specs = [
        f"{key} {value}"
        for key, value in p.attributes.items()
        if not SAID_ATTRIBUTES.search(key) and 0 < len(value) <= MAX_DETAIL_VALUE_CHARS and len(key) <= 30
    ][:DETAIL_SPECS]
    if specs:
        text += " Details: " + "; ".join(specs) + "."
    return text


def comparison_rows(products: list[Product]) -> list[tuple[str, list[str]]]:
    """The compared products' rows, what differs first (see assistant/compare.py)."""
    return compare.comparison_rows(products)


def comparison_table(products: list[Product]) -> str:
    """A Markdown side-by-side of attributes and prices, straight from the records."""
    return compare.comparison_table(products)


def nothing_shown_text(shown: int) -> str:
    if not shown:
        return "There's nothing on screen to compare yet. Tell me what you're looking for and I'll show some options."
    return (
        f"I've only shown {shown} item{'s' if shown != 1 else ''} just now; which of those do you mean (1 to {shown})?"
    )


# A change record "replaced: boots (was running shoes)" (`dialogue.changes_between`), said as a
# shopper reads it: "boots instead of running shoes" ("replaced boots (was running shoes)" read
# as if boots had gone).
REPLACED = re.compile(r"^replaced: (?P<new>.*) \(was (?P<old>.*)\)$")


def changes_lead(changes: list[str]) -> str:
    """ "Updated: added under ₹1,000; for girls instead of for boys. " """
    if not changes:
        return ""
    said = [REPLACED.sub(r"\g<new> instead of \g<old>", c) for c in changes]
    return "Updated: " + "; ".join(c.replace(": ", " ", 1) for c in said) + ". "


def counted(n: int, noun: str, plural: str | None = None) -> str:
    """ "1 match", "16 matches", "1 product", "3 products": the count with its noun agreeing."""
    return f"{n} {noun if n == 1 else plural or noun + ('es' if noun.endswith(('s', 'sh', 'ch', 'x')) else 's')}"


# The first words of the request's chip labels (`assistant.dialogue.slots`) that already join
# a phrase: "for men", "by Tickwell", "in black", "under $40", "rated 4+", "not by X".
JOINING_WORDS = frozenset("for by in under over rated not from with between at".split())


def request_phrase(labels: list[str]) -> str:
    """The request's chips read as one phrase: "for watch for men under $40", "for men in
    black" (a label that starts with a joining word is not given another "for"), a bare label
    after the first set off by a comma ("for watch, waterproof, $10–$20")."""
    out = ""
    for label in labels:
        joins = label.split(" ", 1)[0].lower() in JOINING_WORDS
        if not out:
            out = label if joins else f"for {label}"
        else:
            out += f" {label}" if joins else f", {label}"
    return out


def intro_text(result: SearchResult, changes: list[str], more: bool, request_labels: list[str]) -> str:
    """The line before the picks: what changed, how many match the request, how many are shown."""
    n = len(result.hits)
    lead = changes_lead(changes)
    if more:
        return f"{lead}Here {'is' if n == 1 else 'are'} {counted(n, 'more option')}."
    scope = f" {request_phrase(request_labels)}" if request_labels else ""
    if n < result.candidates:
        shown = "here is the top one" if n == 1 else f"here are the top {n}"
    else:
        shown = "here it is" if n == 1 else "here they are"
    return f"{lead}{counted(result.candidates, 'match')}{scope}; {shown}."


def no_match_text(result: SearchResult, changes: list[str]) -> str:
    return (
        f"{changes_lead(changes)}Sorry, nothing in our catalog matches that: {result.empty_reason}. "
        "Try relaxing one of the filters, for example a higher budget or another brand."
    )


def alternatives_text(alternatives: list[Alternative]) -> str:
    """The closest products when nothing matches, each with what it lacks."""
    if not alternatives:
        return ""
    named = [f"{a.card.title} ({format_price(a.card.price, a.card.currency)}; {a.breaks})" for a in alternatives[:2]]
    return "The closest we have: " + " and ".join(named) + "."


def fallback_text(result: SearchResult, variant: int = 0, next_step: str | None = None) -> str:
    """What a good shop assistant says about the top picks, from the records alone.

    Why the first pick fits (the constraints it meets and the shopper's words it matches), one
    useful trade-off against the runner-up (price, rating or stock), and a next step. `variant`
    picks among equivalent phrasings so consecutive replies don't read the same.
    """
    sentences = [_why_top_pick(result, variant)]
    trade_off = _trade_off(result)
    if trade_off:
        sentences.append(trade_off)
    if next_step:
        sentences.append(next_step)
    return " ".join(sentences)


TOP_PICK_OPENERS = ("My top pick is {title}", "I'd start with {title}", "The best match is {title}")


def _why_top_pick(result: SearchResult, variant: int) -> str:
    """The first pick, its price and rating, and what makes it fit beyond its name."""
    top = result.hits[0]
    p = top.product
    opener = TOP_PICK_OPENERS[variant % len(TOP_PICK_OPENERS)].format(title=p.title)
    text = f"{opener} at {format_price(p.price, p.currency)}"
    if p.rating:
        text += f", rated {p.rating:g}/5"
    title_words = set(tokenize(p.title)) | set(terms(p.title))  # "shoe" is in "Running Shoes"
    # What the title does not already say: the constraints it meets and the shopper's words it
    # matches elsewhere in its record.
    reasons = [r for r in top.why.constraints if not set(tokenize(r)) <= title_words]
    matched = [t for t in top.why.terms if t not in title_words and not any(t in r for r in reasons)][:3]
    if matched:
        reasons.append("mentions " + ", ".join(f'"{t}"' for t in matched))
    if reasons:
        text += "; it fits: " + ", ".join(reasons)
    return text + "."


def _trade_off(result: SearchResult) -> str | None:
    """One difference between the top pick and the other picks shown that could change the
    shopper's mind, naming the pick that truly wins on that axis: the cheapest of them all, the
    highest rated of them all (not merely the runner-up, which a third card may beat)."""
    if len(result.hits) < 2:
        return _stock_note(result.hits[0].product)
    shown = [h.product for h in result.hits]
    a, others = shown[0], shown[1:]
    several = len(shown) > 2  # "costs least of these" against one other: "costs less"
    # Only record prices appear in text: a difference ("$14 cheaper") reads like a price no
    # record has, to the shopper and to the evaluator alike.
    priced = [p for p in shown if p.price is not None]
    cheapest = min(priced, key=lambda p: p.price or 0.0, default=None)
    if a.price is not None and cheapest is not None and cheapest is not a and (cheapest.price or 0) < a.price * 0.9:
        amount = format_price(cheapest.price, cheapest.currency)
        return f"If price matters most, {cheapest.title} costs {'least of these' if several else 'less'} at {amount}."
    rated = [p for p in shown if p.rating]
    best = max(rated, key=lambda p: p.rating or 0.0, default=None)
    if a.rating and best is not None and best is not a and (best.rating or 0) >= a.rating + 0.2:
        higher = "the highest of these" if several else "higher"
        return f"{best.title} is rated {higher} ({best.rating:g}/5 against {a.rating:g}/5 for {a.title})."
    # Dearer and better rated: of those, the best rated (the cheaper one on a tie).
    dearer = [
        p
        for p in others
        if a.price is not None and p.price is not None and p.price > a.price * 1.1 and (p.rating or 0) > (a.rating or 0)
    ]
    if dearer:
        b = max(dearer, key=lambda p: (p.rating or 0.0, -(p.price or 0.0)))
        return f"For a little more, {b.title} ({format_price(b.price, b.currency)}) is rated {b.rating:g}/5."
    b = others[0]
    # "a close second at price not listed" read badly: an unpriced runner-up is said so apart
    at = f"at {format_price(b.price, b.currency)}" if b.price is not None else "(its price is not listed)"
    return _stock_note(a) or f"{b.title} is a close second {at}."


def _stock_note(p: Product) -> str | None:
    if not p.in_stock:
        return f"Note that {p.title} is out of stock right now."
    if p.stock is not None and p.stock <= 3:
        return f"Only {p.stock} of {p.title} left in stock."
    return None


def next_step_text(labels: list[str], variant: int = 0) -> str | None:
    """A question offering the first two suggested next steps, in words."""
    if not labels:
        return None
    phrases = [_as_action(label.rsplit(" (", 1)[0]) for label in labels[:2]]
    forms = ("Want me to {x}?", "Shall I {x}?", "I can also {x}.")
    return forms[variant % len(forms)].format(x=" or ".join(phrases))


def _as_action(label: str) -> str:
    """A suggestion's label as something the assistant offers to do."""
    if label.startswith("compare"):
        return "compare the first two"
    if label.startswith("in "):
        return f"show just the {label[3:]} ones"
    if label.startswith(("under ", "over ")):
        # The budget with its currency, quoted as the option's label: it is no product's price,
        # and a quoted label is the button's words, not a claim about a record.
        return f"show options “{label}”"
    if label.startswith("only "):
        return f"show {label}"
    return label


def clarify_text(options: list[str], audience: str | None) -> str:
    """One clarifying question for a vague request, its options from the catalog."""
    who = f" for {audience}" if audience else ""
    options = distinct_options(options)
    if not options:
        return f"Happy to help! What kind of product{who} are you looking for?"
    names = [o.lower() for o in options]
    listed = ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
    return f"Happy to help! What kind of thing{who} are you thinking of: {listed}? Here are a few ideas meanwhile."


def distinct_options(options: list[str]) -> list[str]:
    """Options that differ in more than spelling or number: "Headphones" and "headphone" are one
    option (the first kept), as are "T-Shirts" and "t shirt"."""
    seen: set[tuple[str, ...]] = set()
    out = []
    for option in options:
        key = tuple(terms(option))
        if key and key not in seen:
            seen.add(key)
            out.append(option)
    return out


def showing_results_for(message: str, corrections: dict[str, str]) -> str:
    """ "Showing results for "womens sandals" (not "womans sandels")." when a word was corrected;
    "" otherwise."""
    if not corrections:
        return ""
    fixed = re.sub(
        r"[A-Za-z][A-Za-z']+", lambda m: corrections.get(m.group().lower().split("'")[0], m.group()), message
    )
    return f'Showing results for "{fixed}" (you wrote "{message}"). '
