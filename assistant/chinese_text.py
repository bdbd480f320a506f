"""Replies to a Chinese shopper, in Chinese, built from the turn's records.

The bundled model writes English only, so a Chinese turn gets no model text (a mixed-language
reply is a defect): its text is written here from the structured `Reply` (cards, constraints, what
is not carried, policy citations). Product titles, brands, the shop's product-type names and policy
quotes stay as the catalog and policies have them; everything around them is Chinese. The phrases
are in `assistant/data/zh.yaml` (`replies`).
"""

from __future__ import annotations

import re
from functools import cache

from assistant.chinese_lexicon import english_phrases, lexicon
from assistant.policy_translation import full_width
from assistant.reply import Alternative, Reply, RequestChip, Suggestion
from common.language import CJK
from common.text import COLOUR_ALIASES, money, normalise_colour, singular, terms


def _audience_name(audience: str) -> str:
    return lexicon()["audience_names"].get(audience, audience)


@cache
def _type_names() -> dict[str, str]:
    """English product type -> the shopper's word for it, from the shopping-word table read
    backwards (the first word listed for a type names it): the reply says 凉鞋, not "sandals"."""
    names: dict[str, str] = {}
    for chinese, english in lexicon()["types"].items():
        if " or " in english:  # 手机套 is a cover or a pouch, but a pouch is not always 手机套
            continue
        for key in (english, " ".join(singular(w) for w in terms(english))):
            names.setdefault(key, chinese)
    return names


def type_name(kind: str) -> str:
    """A product type as the reply names it: the Chinese word when there is one, else the shop's
    own type name in quotes, as the catalog has it."""
    key = " ".join(singular(w) for w in terms(kind))
    if CJK.search(kind) and not re.search(r"[A-Za-z]", kind):
        # a Chinese catalog's own kind, as its segmented terms ("跑步 鞋"): written as one word
        return _type_names().get(key) or re.sub(r"\s+", "", kind)
    return _type_names().get(kind) or _type_names().get(key) or f"“{kind}”"


def _colour_names() -> dict[str, str]:
    """English colour -> Chinese name, under the data file's spelling and the interpreter's
    normalised one ("multicolor" and "multicolour" are both 彩色)."""
    names: dict[str, str] = {}
    for chinese, english in lexicon()["colours"].items():
        for spelling in dict.fromkeys([english, normalise_colour(english)]):
            # the first name listed that says "colour" (棕色, not the later 褐色), else the first
            if spelling not in names or (chinese.endswith("色") and not names[spelling].endswith("色")):
                names[spelling] = chinese
    for spelling, normalised in COLOUR_ALIASES.items():  # "gray" is named as "grey" is
        if normalised in names:
            names.setdefault(spelling, names[normalised])
    return names


@cache
def _attribute_names() -> dict[str, str]:
    """English attribute -> the shopper's word for it ("embroidered" -> 刺绣), the first listed."""
    names: dict[str, str] = {}
    for chinese, said in lexicon()["attributes"].items():
        for english in english_phrases(said):
            names.setdefault(english, chinese)
    return names


def attribute_name(attribute: str) -> str:
    """An attribute as the reply names it: the Chinese word when there is one, else as the
    shopper or the catalog wrote it, in quotes."""
    names = _attribute_names()
    if attribute not in names and " or " in attribute:  # either will do: "格子或印花"
        return "或".join(names.get(a, f"“{a}”") for a in attribute.split(" or "))
    return names.get(attribute) or f"“{attribute}”"


def conditions(constraints: dict, currency: str) -> list[str]:
    """The request's hard filters as Chinese phrases ("1,000卢比以下", "红色", "女士")."""
    out = []
    colours = _colour_names()
    for colour in constraints.get("colours", []):
        out.append(colours.get(colour, colour))
    if constraints.get("audience"):
        out.append(_audience_name(constraints["audience"]))
    for brand in constraints.get("brands", []):
        out.append(f"品牌 {brand}")
    for brand in constraints.get("exclude_brands", []):
        out.append(f"不要 {brand}")
    for colour in constraints.get("exclude_colours", []):
        out.append(f"不要 {colours.get(colour, colour)}")
    lo, hi = constraints.get("price_min"), constraints.get("price_max")
    if lo is not None and hi is not None:
        out.append(f"{money(lo, currency)}到{money(hi, currency)}")
    elif hi is not None:
        out.append(f"{money(hi, currency)}以下")
    elif lo is not None:
        out.append(f"{money(lo, currency)}以上")
    if constraints.get("cheap"):
        out.append("价格实惠")
    if constraints.get("min_rating"):
        out.append(f"评分{constraints['min_rating']:g}星以上")
    if constraints.get("in_stock"):
        out.append("有货")
    out += [attribute_name(a) for a in constraints.get("attributes", [])]  # said before the kind: 刺绣、kurti
    kinds = constraints.get("categories", [])
    if kinds:  # the type and its synonyms: the first names it
        out.append(type_name(kinds[0]))
    return out


def chips(items: list[RequestChip], constraints: dict, currency: str) -> list[RequestChip]:
    """The request's chips labelled in Chinese (the slot, which removes it, stays)."""
    colours = _colour_names()
    out = []
    for chip in items:
        label = chip.label
        if chip.slot == "type":  # the shopper's word where there is one, else the shop's type name
            named = [type_name(k) for k in [label, *constraints.get("categories", [])]]
            label = next((n for n in named if CJK.search(n)), label)
        elif chip.slot == "audience":
            label = _audience_name(constraints.get("audience", "")) if constraints.get("audience") else label
        elif chip.slot == "colour":
            label = "或".join(colours.get(c, c) for c in constraints.get("colours", [])) or label
        elif chip.slot == "price":
            label = next(
                iter(conditions({k: constraints.get(k) for k in ("price_min", "price_max", "cheap")}, currency)), label
            )
        elif chip.slot == "rating":
            label = f"{constraints.get('min_rating', 0):g}星以上"
        elif chip.slot == "in stock":
            label = "有货"
        elif chip.slot == "attribute":
            label = attribute_name(chip.label)
        elif chip.slot == "brand":
            label = "品牌 " + "或".join(constraints.get("brands", []))
        elif chip.slot == "not brand":
            label = "不要 " + "、".join(constraints.get("exclude_brands", []))
        elif chip.slot == "not colour":
            names = _colour_names()
            label = "不要 " + "、".join(names.get(x, x) for x in constraints.get("exclude_colours", []))
        out.append(RequestChip(slot=chip.slot, label=label))
    return out


def reply_text(reply: Reply, currency: str, unread: list[str], names: dict[str, str] | None = None) -> str:
    """The whole reply text for a Chinese turn; `names`: the shopper's Chinese word for each
    English kind of this turn's reading (`Reading.names`)."""
    say = lexicon()["replies"]
    cards = reply.products
    wanted = "、".join(conditions(reply.constraints, currency))
    if reply.intent == "chitchat":
        return say["thanks"] if reply.text.lower().startswith("you're welcome") else say["hello"]
    if reply.intent == "clarify" or (
        not cards
        and not reply.citations
        and reply.intent in ("search", "refine")
        and not (reply.not_carried or reply.empty_reason)
    ):
        missing = f"“{'、'.join(unread)}”" if unread else ""
        return say["unclear"].format(words=missing) if missing else say["clarify"]
    if reply.intent in ("policy", "support"):
        return _policy_text(reply, say)
    if reply.intent in ("detail", "product_question") and _verdict(reply.text):
        return _answer_text(reply.text, say)
    if reply.intent in ("detail", "compare", "product_question"):
        return _about_text(reply, currency, say)
    if not cards:
        kinds = [" ".join(singular(w) for w in terms(k)) for k in reply.constraints.get("categories", [])]
        if reply.not_carried and " ".join(singular(w) for w in terms(reply.not_carried)) in kinds:
            # the shop lacks the kind of product itself, not only this combination
            said = {" ".join(singular(w) for w in terms(k)): word for k, word in (names or {}).items()}
            name = said.get(" ".join(singular(w) for w in terms(reply.not_carried))) or type_name(reply.not_carried)
            named = CJK.search(name)
            text = say["not_carried"].format(what=name.strip("“”")) if named else say["not_carried_unnamed"]
        else:
            text = say["no_match"].format(wanted=wanted or say["your_request"])
        if reply.alternatives:
            text += say["alternatives"].format(n=len(reply.alternatives))
        return text
    top = cards[0]
    lead = say["found"].format(n=len(cards), wanted=f"（{wanted}）" if wanted else "")
    pick = say["top_pick"].format(title=top.title, price=_price(top.price, top.currency))
    if top.rating:
        pick += say["rated"].format(rating=f"{top.rating:g}")
    return f"{lead}{pick}{say['next']}"


def deferred(question: str) -> str:
    """A question about a shown item that a new bound beside it left unanswered, said back in the
    shopper's words (`Reading.deferred`)."""
    return lexicon()["replies"]["deferred"].format(question=question.strip(" ？?，,"))


def _policy_text(reply: Reply, say: dict) -> str:
    if reply.handoff and not reply.citations:
        return say["handoff"]
    if not reply.citations:
        return say["no_policy"]
    top = reply.citations[0]
    # No clause speaks to the shopper's case: said first, then the closest thing the policies say.
    lead = say["policy_not_covered"] if top.get("quote_covers") == "no" else ""
    if top.get("quote_language") == "zh":  # the shop's own Chinese clause, its punctuation Chinese again
        # (a reply's citations are plain text, which writes "，" as ",")
        text = say["policy"].format(section=top["quote_title"].split(" > ")[-1], quote=full_width(top["quote"]))
        return lead + text + (say["handoff"] if reply.handoff else "")
    # The policies as written (no Chinese version): the clause that answers, else the passage.
    quote = " ".join((top.get("quote") or top.get("text", "")).split())
    quote = quote[:400].rsplit(" ", 1)[0] + " …" if len(quote) > 400 else quote
    text = say["policy_original"].format(section=top.get("section", "").split(" > ")[-1], quote=quote)
    return lead + text + (say["handoff"] if reply.handoff else "")


def _verdict(english: str) -> str | None:
    """The verdict of an answer from the records (assistant/answers.py writes it first)."""
    m = re.match(r"\s*(yes|no)\b|.*?\b(doesn't say|does not say|not stated)\b", english, re.I | re.S)
    if m:
        return (m.group(1) or "not_stated").lower()
    return "value" if re.match(r"\s*[A-Za-z][\w ]{1,40}:\s*\S", english) else None


def _answer_text(english: str, say: dict) -> str:
    """A yes / no / not-stated answer in Chinese, with the record's own words quoted."""
    verdict = _verdict(english)
    # The record's words: a quoted sentence, or a "Key: value" line after "says:" or "gives".
    quoted = re.findall(r"[“\"]([^”\"]+)[”\"]|(?::|\bgives)\s*([^.\n]+:\s*[^.\n]+)", english)
    evidence = next((a or b for a, b in quoted if a or b), "")
    if verdict == "value" and not evidence:  # "Material: recycled mesh." is the record's own line
        evidence = english.strip().split("\n")[0].rstrip(".")
    # "material: Metal" is quoted as 材质：Metal (the value as the record has it, the key named
    # as the shopper asks for it), never inside an English sentence
    key = re.match(r"\s*([A-Za-z][\w ]{1,40}?):\s*(.+)$", evidence)
    if key and key.group(1).strip().lower() in _asked_names():
        evidence = f"{_asked_names()[key.group(1).strip().lower()]}：{key.group(2).strip()}"
    lead = {"yes": say["answer_yes"], "no": say["answer_no"], "value": ""}.get(verdict, say["answer_not_stated"])
    return lead + (say["evidence"].format(quote=evidence.strip()) if evidence and verdict != "not_stated" else "")


@cache
def _asked_names() -> dict[str, str]:
    """English record key -> the shopper's word for it ("material" -> 材质), the first listed."""
    names: dict[str, str] = {}
    for chinese, english in lexicon()["asked"].items():
        names.setdefault(english, chinese)
    return names


def _about_text(reply: Reply, currency: str, say: dict) -> str:
    if not reply.products:
        return say["nothing_shown"]
    lines = []
    for i, card in enumerate(reply.products, 1):
        facts = [_price(card.price, card.currency)]
        if card.brand:
            facts.append(f"品牌 {card.brand}")
        if card.rating:
            facts.append(f"评分 {card.rating:g}/5")
        facts.append("有货" if card.in_stock else "缺货")
        lines.append(f"{i}. {card.title}：{'，'.join(facts)}")
    head = say["compare"] if reply.intent == "compare" else say["detail"]
    return head + "\n" + "\n".join(lines)


def _price(price: float | None, currency: str) -> str:
    return "价格未标明" if price is None else money(price, currency, cents=True)


def _break_name(note: str) -> str:
    """What an alternative breaks, in Chinese (`assistant.alternatives.break_label` writes the
    English forms read here); an unknown form is said generally, never in English."""
    colours, audience = _colour_names(), lexicon()["audience_names"]
    attributes = _attribute_names()

    def either(words: str, names: dict[str, str]) -> str:
        return "或".join(names.get(w.strip(), w.strip()) for w in words.split(" or "))

    forms = [
        (r"over (.+)", lambda m: f"超出{m[1]}"),
        (r"not under (.+)", lambda m: f"不低于{m[1]}"),
        (r"under (.+)", lambda m: f"低于{m[1]}"),
        (r"rated under (.+)", lambda m: f"评分低于{m[1]}"),
        (r"out of stock", lambda m: "缺货"),
        (r"not in (.+)", lambda m: f"不是{either(m[1], colours)}"),
        (r"in (.+)", lambda m: f"是{either(m[1], colours)}"),
        (r"not for (.+)", lambda m: f"不是{audience.get(m[1], m[1])}款"),
        (r"not by (.+)", lambda m: f"不是品牌 {m[1]}"),
        (r"by (.+)", lambda m: f"品牌 {m[1]}"),
        (r"close match", lambda m: "相近的商品"),
    ]
    for pattern, say in forms:
        m = re.fullmatch(pattern, note.strip())
        if m:
            return say(m)
    m = re.fullmatch(r"not (.+)", note.strip())
    if m:  # a kind or the attributes asked for
        words = m[1]
        named = attributes.get(words) or type_name(words)
        return f"不是{named}" if CJK.search(named) else "不完全符合你的要求"
    return "不完全符合你的要求"


def alternatives(items: list[Alternative]) -> list[Alternative]:
    """Close products with what each breaks said in Chinese (the web app shows it on the card)."""
    return [Alternative(card=a.card, breaks=_break_name(a.breaks)) for a in items]


SUGGESTION_FORMS = [
    (re.compile(r"^compare (\d+) and (\d+)$"), "比较{0}和{1}"),
    (re.compile(r"^in ([a-z ]+)$"), "{colour}的"),
    (re.compile(r"^only (.+)$"), "只要{0}"),
    (re.compile(r"^under (\d+(?:\.\d+)?)$"), "{0}以下"),
    (re.compile(r"^over (\d+(?:\.\d+)?)$"), "{0}以上"),
]


def suggestions(items: list[Suggestion]) -> list[Suggestion]:
    """The next steps, said in Chinese; a step with no Chinese form is left out rather than shown
    in English."""
    colours = _colour_names()
    out = []
    for s in items:
        count = re.search(r"\((\d+)\)$", s.label)
        for pattern, form in SUGGESTION_FORMS:
            m = pattern.match(s.message.strip().lower())
            if not m:
                continue
            colour = colours.get(m.group(1), "") if form.startswith("{colour}") else ""
            if form.startswith("{colour}") and not colour:
                break
            message = form.format(*m.groups(), colour=colour)
            label = f"{message}（{count.group(1)}）" if count else message
            out.append(Suggestion(label=label, message=message))
            break
    return out
