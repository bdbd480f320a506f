"""`Assistant`: the one core behind the CLI, the HTTP API, the UI and evaluation.

`respond(session, message)` streams events in this order: intent, constraints, products (cards
from catalog records, sent before any generation starts), text deltas, done (the final
`Reply`). Retrieval is the source of truth; the LLM only writes the language, and every
sentence it writes passes the grounding check before it is streamed.
"""

from __future__ import annotations

import logging
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel, Field

from assistant import intent as intents
from assistant.backends import Backend, Sampling, make_backend
from assistant.constraints import Constraints
from assistant.engine import SearchEngine
from assistant.grounding import Grounder, degenerate, format_price
from assistant.policy_search import PolicySearch
from assistant.prompting import SUPPORT_RULES, policy_messages, product_messages
from assistant.search import SearchResult, Why
from assistant.session import Session, Turn
from assistant.understand import Query
from common.errors import ShopAssistError
from common.models import embedder
from common.redact import redact
from common.schema import Product
from common.settings import Settings
from common.text import STOPWORDS, tokenize

log = logging.getLogger(__name__)
SHOW = 5  # product cards per reply

CHITCHAT_REPLY = (
    "Hi! I'm the shop's assistant. Tell me what you're looking for, for example "
    '"a waterproof jacket under $120" or "running shoes for women", and I\'ll find options.'
)
OUT_OF_SCOPE_REPLY = (
    "I can only help with shopping here: finding products, comparing them, and questions about "
    "orders, shipping, returns or warranty. What are you shopping for?"
)
THANKS_REPLY = "You're welcome! Anything else I can help you find?"
CLARIFY_REPLY = (
    "Happy to help! What kind of product are you looking for, and do you have a budget, colour or size in mind?"
)
HANDOFF_REPLY = (
    "I'm sorry about this. I'm passing you to a member of our support team, who can look into "
    "your order and account; you can also write to support@shopassist.example. Please don't "
    "share card numbers or passwords in this chat."
)


class ProductCard(BaseModel):
    id: str
    title: str
    brand: str | None
    price: float | None
    currency: str
    image_url: str | None
    rating: float | None
    stock: int | None
    in_stock: bool
    category: str
    why: Why = Field(default_factory=Why)

    @classmethod
    def of(cls, p: Product, why: Why | None = None) -> ProductCard:
        return cls(
            id=p.id,
            title=p.title,
            brand=p.brand,
            price=p.price,
            currency=p.currency,
            image_url=p.image_url,
            rating=p.rating,
            stock=p.stock,
            in_stock=p.in_stock,
            category=p.category_path,
            why=why or Why(),
        )


class Reply(BaseModel):
    session_id: str
    text: str
    products: list[ProductCard]
    constraints: dict[str, Any]
    constraints_text: list[str]
    intent: str
    changes: list[str] = Field(default_factory=list)
    empty_reason: str | None = None
    citations: list[dict[str, str]] = Field(default_factory=list)
    handoff: bool = False
    grounding_corrections: int = 0
    used_fallback: bool = False
    timings_ms: dict[str, float] = Field(default_factory=dict)


@dataclass
class Generation:
    failed: bool = False
    text: str = ""  # raw model output, before grounding
    kept: int = 0  # sentences that passed grounding
    first_token_at: float | None = None  # perf_counter() when the first token arrived


class Event(BaseModel):
    type: str  # intent | constraints | products | text | done
    data: Any


class Assistant:
    def __init__(self, settings: Settings, engine: SearchEngine, backend: Backend, policies: PolicySearch):
        self.settings = settings
        self.engine = engine
        self.backend = backend
        self.policies = policies

    @classmethod
    def load(cls, settings: Settings, backend: Backend | None = None) -> Assistant:
        engine = SearchEngine.load(settings)
        policies = PolicySearch.open(settings, embedder(settings.embedding_model))
        return cls(settings, engine, backend or make_backend(settings), policies)

    # -- entry points ------------------------------------------------------------------------
    def reply(self, session: Session, message: str) -> Reply:
        """The whole reply at once (CLI `ask`, evaluation)."""
        for event in self.respond(session, message):
            if event.type == "done":
                return event.data
        raise AssertionError("respond() ended without a done event")

    def respond(self, session: Session, message: str) -> Iterator[Event]:
        t0 = time.perf_counter()
        message = " ".join(message.split())
        if not message:
            raise ShopAssistError("the message is empty; say what you are looking for")
        if len(message) > self.settings.max_message_chars:
            raise ShopAssistError(
                f"the message has {len(message)} characters; the limit is {self.settings.max_message_chars}"
            )
        timings: dict[str, float] = {}
        query = self.engine.parse(message)
        understood = intents.classify(message, session, query)
        timings["understand"] = _ms(t0)
        yield Event(type="intent", data=understood.intent)

        if understood.intent == intents.CHITCHAT:
            events = self._chitchat(session, message)
        elif understood.intent in (intents.SUPPORT, intents.POLICY):
            events = self._policy(session, message, understood)
        elif understood.intent in (intents.COMPARE, intents.DETAIL):
            events = self._about_shown(session, message, understood)
        else:
            events = self._shop(session, message, query, understood)

        reply_parts: dict[str, Any] = {}
        text_parts: list[str] = []
        for event in events:
            if event.type == "products" and "first_card" not in timings:
                timings["first_card"] = _ms(t0)
            if event.type == "text":
                timings.setdefault("first_text", _ms(t0))
                text_parts.append(event.data)
            if event.type == "_reply":  # internal: the branch's final fields
                reply_parts = event.data
                continue
            if event.type == "_timing":
                for key, value in event.data.items():
                    # "*_at" values are clock readings: store them as ms since the request.
                    if key.endswith("_at"):
                        timings[key[:-3]] = round((value - t0) * 1000, 1)
                    else:
                        timings[key] = value
                continue
            yield event
        timings["total"] = _ms(t0)
        text = "".join(text_parts).strip()
        session.turns += [Turn(role="user", content=message), Turn(role="assistant", content=text)]
        reply = Reply(
            session_id=session.id,
            text=text,
            intent=reply_parts.pop("intent", understood.intent),
            constraints=session.constraints.model_dump(exclude_defaults=True),
            constraints_text=session.constraints.describe(self.engine.catalog.currency),
            timings_ms=timings,
            products=reply_parts.pop("products", []),
            **reply_parts,
        )
        log.info(
            "turn session=%s intent=%s products=%d corrections=%d fallback=%s message=%r",
            session.id,
            reply.intent,
            len(reply.products),
            reply.grounding_corrections,
            reply.used_fallback,
            redact(message)[:200],
        )
        yield Event(type="done", data=reply)

    def copilot(self, conversation: list[dict[str, str]]) -> Copilot:
        return copilot(self, conversation)

    # -- branches ----------------------------------------------------------------------------
    def _chitchat(self, session: Session, message: str) -> Iterator[Event]:
        low = message.lower()
        if intents.OUT_OF_SCOPE.search(message):
            text = OUT_OF_SCOPE_REPLY
        elif low.startswith(("thank", "thx")):
            text = THANKS_REPLY
        else:
            text = CHITCHAT_REPLY
        yield Event(type="text", data=text)

    def _policy(self, session: Session, message: str, understood: intents.Understood) -> Iterator[Event]:
        passages = self.policies.search(message, k=3)
        citations = [{"source": p["source"], "section": p["section"], "text": p["text"][:300]} for p in passages]
        if understood.handoff:
            yield Event(type="text", data=HANDOFF_REPLY)
            yield Event(type="_reply", data={"handoff": True, "citations": citations})
            return
        if not passages:
            yield Event(
                type="text", data="I don't have the store policies loaded; please contact support@shopassist.example."
            )
            yield Event(type="_reply", data={"handoff": understood.intent == intents.SUPPORT})
            return
        t = time.perf_counter()
        run = Generation()
        text = "".join(self._generate(policy_messages(message, passages[:2], session.history()), None, run)).strip()
        used_fallback = run.failed or degenerate(text)
        if used_fallback:
            # Deterministic answer: quote the best passage.
            top = passages[0]
            text = f"From our {top['section']} policy: {_first_sentences(top['text'], 2)}"
        source = f" (Source: {passages[0]['source']}, {passages[0]['section']}.)"
        yield Event(type="text", data=text + source)
        yield Event(type="_timing", data={"generate": _ms(t)})
        yield Event(
            type="_reply",
            data={
                "citations": citations,
                "used_fallback": used_fallback,
                "handoff": understood.intent == intents.SUPPORT and used_fallback,
            },
        )

    def _about_shown(self, session: Session, message: str, understood: intents.Understood) -> Iterator[Event]:
        catalog = self.engine.catalog
        products = [
            catalog.products[catalog.row_of[session.shown[i - 1]]]
            for i in understood.references
            if session.shown[i - 1] in catalog.row_of
        ]
        cards = [ProductCard.of(p) for p in products]
        yield Event(type="products", data=cards)
        table = comparison_table(products) if understood.intent == intents.COMPARE else detail_text(products[0])
        yield Event(type="text", data=table + "\n\n")
        t = time.perf_counter()
        grounder = self._grounder(products)
        task = (
            "In one or two sentences, say which of these suits the shopper better and why."
            if understood.intent == intents.COMPARE
            else "In one or two sentences, answer the shopper about this product."
        )
        run = Generation()
        for part in self._generate(product_messages(message, products, session.history(), task), grounder, run):
            yield Event(type="text", data=part)
        yield Event(type="_timing", data={"generate": _ms(t)})
        yield Event(
            type="_reply",
            data={"products": cards, "grounding_corrections": grounder.report.corrections, "used_fallback": run.failed},
        )

    def _shop(self, session: Session, message: str, query: Query, understood: intents.Understood) -> Iterator[Event]:
        t = time.perf_counter()
        changes: list[str] = []
        more = False
        if understood.intent == intents.REFINE:
            shown_prices = [p.price for p in self._shown_products(session) if p.price is not None]
            constraints, changes, more = intents.refine(session, query, message, shown_prices)
            search_query = Query(message, session.query_text, constraints, query.corrections, query.unknown_brands)
        else:
            if not content_words(query.text) and query.constraints.is_empty():
                session.constraints, session.query_text, session.shown, session.seen = Constraints(), "", [], []
                yield Event(type="text", data=CLARIFY_REPLY)
                yield Event(type="_reply", data={"intent": intents.CLARIFY})
                return
            search_query = query
            session.seen = []
        vague = not search_query.constraints.categories and search_query.constraints.is_empty()
        result = self.engine.retriever.search(
            search_query, k=SHOW, mmr=vague or more, exclude_ids=set(session.seen) if more else None
        )
        # "cheap" stays a flag in the session (re-resolved against each new filter set); every
        # other constraint is kept as the search applied it.
        session.constraints = search_query.constraints if search_query.constraints.cheap else result.constraints
        session.query_text = search_query.text
        cards = [ProductCard.of(h.product, h.why) for h in result.hits]
        session.shown = [c.id for c in cards]
        session.seen = list(dict.fromkeys(session.seen + session.shown))
        yield Event(type="_timing", data={"retrieve": _ms(t)})
        yield Event(
            type="constraints",
            data={
                "constraints": result.constraints.model_dump(exclude_defaults=True),
                "text": result.constraints.describe(self.engine.catalog.currency),
                "changes": changes,
            },
        )
        yield Event(type="products", data=cards)

        if not result.hits:
            yield Event(type="text", data=no_match_text(result, changes))
            yield Event(type="_reply", data={"products": [], "changes": changes, "empty_reason": result.empty_reason})
            return
        yield Event(type="text", data=intro_text(result, changes, more, vague) + " ")
        t = time.perf_counter()
        products = [h.product for h in result.hits]
        grounder = self._grounder(products)
        task = "In two or three sentences, recommend the best of these for the shopper and say why."
        run = Generation()
        for part in self._generate(product_messages(message, products, session.history(), task), grounder, run):
            yield Event(type="text", data=part)
        used_fallback = run.failed or run.kept == 0
        if used_fallback:
            yield Event(type="text", data=fallback_text(result))
        yield Event(type="_timing", data={"generate": _ms(t)})
        if run.first_token_at:
            yield Event(type="_timing", data={"first_llm_token_at": run.first_token_at})
        yield Event(
            type="_reply",
            data={
                "products": cards,
                "changes": changes,
                "grounding_corrections": grounder.report.corrections,
                "used_fallback": used_fallback,
            },
        )

    # -- helpers -----------------------------------------------------------------------------
    def _grounder(self, products: list[Product]) -> Grounder:
        return Grounder(products, self.engine.catalog.brand_names, self.engine.understander.type_words)

    def _generate(self, messages: list[dict[str, str]], grounder: Grounder | None, run: Generation) -> Iterator[str]:
        """Stream the LLM's reply, sentence by sentence through the grounding check.

        A failing backend (timeout, error, crash) ends the stream and sets `run.failed`; the
        caller then adds the deterministic answer. Failures never reach the shopper.
        """
        sampling = Sampling.from_settings(self.settings)

        def deltas() -> Iterator[str]:
            try:
                for delta in self.backend.stream(messages, sampling, adapter=self.settings.llm_adapter):
                    if not run.text:
                        run.first_token_at = time.perf_counter()
                    run.text += delta
                    yield delta
            except Exception as exc:  # BackendError, timeouts, crashes inside generation
                log.warning("LLM backend failed, using the deterministic answer: %s", exc)
                run.failed = True

        if grounder is None:
            yield from deltas()
            return
        # Words of our own instructions: a sentence made of them is the model echoing the prompt.
        instructions = set(
            tokenize(messages[0]["content"] + " " + messages[-1]["content"].rsplit("</shopper_message>", 1)[-1])
        )
        for sentence in grounder.stream(deltas()):
            if degenerate(sentence) or echoes(sentence, instructions):
                continue
            run.kept += 1
            yield sentence

    def _shown_products(self, session: Session) -> list[Product]:
        catalog = self.engine.catalog
        return [catalog.products[catalog.row_of[pid]] for pid in session.shown if pid in catalog.row_of]


# -- deterministic text, built from records only -----------------------------------------------
def content_words(text: str) -> list[str]:
    vague = {
        "something",
        "anything",
        "stuff",
        "things",
        "buy",
        "shop",
        "shopping",
        "help",
        "recommend",
        "suggest",
        "suggestions",
        "ideas",
        "idea",
        "products",
        "product",
        "items",
        "good",
        "nice",
    }
    return [w for w in tokenize(text) if w not in STOPWORDS and w not in vague and len(w) > 2]


def echoes(sentence: str, instructions: set[str]) -> bool:
    words = [w for w in tokenize(sentence) if w not in STOPWORDS]
    return bool(words) and sum(w in instructions for w in words) / len(words) >= 0.8


def intro_text(result: SearchResult, changes: list[str], more: bool, vague: bool) -> str:
    n = len(result.hits)
    described = result.constraints.describe(result.hits[0].product.currency)
    lead = "Updated (" + "; ".join(changes) + "). " if changes else ""
    if more:
        return f"{lead}Here are {n} more options."
    if vague:
        return f"{lead}Here are {n} ideas from different corners of the shop."
    scope = f" ({'; '.join(described)})" if described else ""
    return f"{lead}I found {result.candidates} matching product{'s' if result.candidates != 1 else ''}{scope}; here are the top {n}."


def no_match_text(result: SearchResult, changes: list[str]) -> str:
    lead = "Updated (" + "; ".join(changes) + "). " if changes else ""
    return (
        f"{lead}Sorry, nothing in our catalog matches that: {result.empty_reason}. "
        "Try relaxing one of the filters, for example a higher budget or another brand."
    )


def fallback_text(result: SearchResult) -> str:
    first = result.hits[0]
    p = first.product
    why = ", ".join(first.why.terms[:4])
    text = f"My top pick is {p.title} at {format_price(p.price, p.currency)}"
    if p.rating:
        text += f", rated {p.rating:g}/5"
    text += f" (matches: {why})." if why else "."
    if len(result.hits) > 1:
        q = result.hits[1].product
        text += f" Also worth a look: {q.title} at {format_price(q.price, q.currency)}."
    return text


def detail_text(p: Product) -> str:
    parts = [f"{p.title}: {format_price(p.price, p.currency)}"]
    if p.brand:
        parts.append(f"brand {p.brand}")
    if p.colours:
        parts.append("colour " + ", ".join(p.colours))
    if p.material:
        parts.append(f"material {p.material}")
    if p.rating:
        parts.append(f"rated {p.rating:g}/5")
    parts.append("in stock" if p.in_stock else "out of stock")
    text = "; ".join(parts) + "."
    if p.description:
        text += " " + _first_sentences(p.description, 2)
    return text


def comparison_table(products: list[Product]) -> str:
    """A Markdown side-by-side of attributes and prices, straight from the records."""
    rows = [
        ("price", lambda p: format_price(p.price, p.currency)),
        ("brand", lambda p: p.brand or "-"),
        ("colour", lambda p: ", ".join(p.colours) or "-"),
        ("material", lambda p: p.material or "-"),
        ("for", lambda p: ", ".join(p.audience) or "-"),
        ("rating", lambda p: f"{p.rating:g}/5" if p.rating else "unrated"),
        ("stock", lambda p: "in stock" if p.in_stock else "out of stock"),
    ]
    head = "| | " + " | ".join(p.title for p in products) + " |"
    sep = "|---|" + "---|" * len(products)
    body = ["| " + name + " | " + " | ".join(get(p) for p in products) + " |" for name, get in rows]
    return "\n".join([head, sep, *body])


def _first_sentences(text: str, n: int) -> str:
    import re

    parts = re.split(r"(?<=[.!?])\s+", text.strip())
    return " ".join(parts[:n])


def _ms(t: float) -> float:
    return round((time.perf_counter() - t) * 1000, 1)


# -- the agents' copilot -------------------------------------------------------------------------
class Copilot(BaseModel):
    suggested_reply: str
    intent: str
    handoff: bool
    policies: list[dict[str, str]]  # cited passages: source, section, text
    products: list[ProductCard]
    used_fallback: bool


CUSTOMER_ROLES = {"customer", "user", "shopper"}
AGENT_ROLES = {"agent", "assistant", "support"}


def copilot(assistant: Assistant, conversation: list[dict[str, str]]) -> Copilot:
    """Suggest the agent's next reply for a customer conversation, with its evidence."""
    turns = []
    for i, turn in enumerate(conversation, 1):
        role = str(turn.get("role", "")).lower()
        if role not in CUSTOMER_ROLES | AGENT_ROLES:
            raise ShopAssistError(f"turn {i}: role {role!r} is not one of customer, agent (or user, assistant)")
        content = " ".join(str(turn.get("content", "")).split())
        if content:
            turns.append({"role": "user" if role in CUSTOMER_ROLES else "assistant", "content": content})
    customer = [t["content"] for t in turns if t["role"] == "user"]
    if not customer:
        raise ShopAssistError("the conversation has no customer message to answer")
    last = customer[-1]
    engine = assistant.engine
    query = engine.parse(last)
    understood = intents.classify(last, Session(), query)
    passages = assistant.policies.search(last, k=3)
    cited = [{"source": p["source"], "section": p["section"], "text": p["text"][:400]} for p in passages]

    products = mentioned_products(engine, " ".join(t["content"] for t in turns))
    if understood.intent in (intents.SEARCH, intents.REFINE) and not products:
        products = [h.product for h in engine.retriever.search(query, k=3).hits]
    cards = [ProductCard.of(p) for p in products[:5]]

    data = "\n\n".join(f"[{p['source']} - {p['section']}]\n{p['text']}" for p in passages[:2])
    catalog = "\n".join(f"- {c.title}: {format_price(c.price, c.currency)}" for c in cards)
    context = f"<policy_data>\n{data}\n</policy_data>" + (
        f"\n<catalog_data>\n{catalog}\n</catalog_data>" if cards else ""
    )
    messages = [{"role": "system", "content": SUPPORT_RULES + "\n" + context}, *turns[-8:]]
    if messages[-1]["role"] != "user":
        messages.append({"role": "user", "content": last})
    sampling = Sampling.from_settings(assistant.settings)
    adapter = assistant.settings.copilot_adapter
    try:
        reply = "".join(assistant.backend.stream(messages, sampling, adapter=adapter)).strip()
        failed = degenerate(reply)
    except Exception as exc:  # backend down: the agent still gets a usable suggestion
        log.warning("copilot generation failed: %s", exc)
        reply, failed = "", True
    if failed:
        if understood.handoff:
            reply = HANDOFF_REPLY
        elif passages:
            reply = f"Thanks for reaching out. Per our {passages[0]['section']} policy: {_first_sentences(passages[0]['text'], 2)}"
        else:
            reply = "Thanks for reaching out. Let me look into this for you."
    else:
        reply = (
            Grounder(
                [engine.catalog.products[engine.catalog.row_of[c.id]] for c in cards],
                engine.catalog.brand_names,
                engine.understander.type_words,
            ).text(reply)
            or reply
        )
    return Copilot(
        suggested_reply=reply,
        intent=understood.intent,
        handoff=understood.handoff,
        policies=cited,
        products=cards,
        used_fallback=failed,
    )


def mentioned_products(engine: SearchEngine, text: str) -> list[Product]:
    """Catalog products whose title appears in the text (case-insensitive)."""
    low = text.lower()
    return [p for p in engine.catalog.products if len(p.title) > 6 and p.title.lower() in low]
