"""The agents' copilot: a suggested next reply for a customer conversation, with its evidence.

It shares the shopper path's parts: intent rules, policy search, product search, and the one
generation + grounding path (`assistant.generation`), run with the support adapter when one is
configured. When the model fails the agent still gets a usable suggestion built from the top
policy passage.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field

from pydantic import BaseModel, field_validator

from assistant import intent as intents
from assistant.engine import SearchEngine
from assistant.generation import Generation, Writer, citations
from assistant.grounding import Grounder
from assistant.passage_grounding import PassageGrounder
from assistant.policy_search import UNAVAILABLE_REPLY, PolicyIndexUnavailable, PolicySearch
from assistant.prompting import SUPPORT_RULES, policy_block
from assistant.reply import ProductCard, plain_citations
from assistant.sentence_text import GroundingReport, stream_sentences
from assistant.session import Session
from assistant.store.propose import Proposal
from assistant.support_cases import case_of, rank_for_case
from assistant.wording import HANDOFF_REPLY, answering_sentences, format_price, policy_name
from common.errors import ShopAssistError
from common.schema import Product
from common.untrusted import ShopperText

CUSTOMER_ROLES = {"customer", "user", "shopper"}
AGENT_ROLES = {"agent", "assistant", "support"}
HISTORY_TURNS = 8  # of the conversation shown to the model


class Copilot(BaseModel):
    suggested_reply: str
    intent: str
    handoff: bool
    policies: list[dict[str, str]]  # cited passages: source, section, text
    products: list[ProductCard]
    used_fallback: bool  # the model's text failed or was empty: the reply is built from the policies
    model: str = ""  # the model asked, "backend · model" ("transformers · bundled")
    adapter: str | None = None  # the LoRA adapter it was asked with; None: the base model alone
    # Generated sentences the grounding or the writer's filters removed (as Reply.sentences_removed).
    sentences_removed: int = 0
    # With a store: the customer, their orders, the clause, the proposed actions (assistant.store).
    order: Proposal | None = None

    @field_validator("policies")
    @classmethod
    def _plain_policies(cls, policies: list[dict[str, str]]) -> list[dict[str, str]]:
        return plain_citations(policies)


def normalise_conversation(conversation: list[dict[str, str]]) -> list[dict[str, str]]:
    """Chat messages (user = customer, assistant = agent); one clear error for a bad role."""
    turns = []
    for i, turn in enumerate(conversation, 1):
        role = str(turn.get("role", "")).lower()
        if role not in CUSTOMER_ROLES | AGENT_ROLES:
            raise ShopAssistError(f"turn {i}: role {role!r} is not one of customer, agent (or user, assistant)")
        content = " ".join(str(turn.get("content", "")).split())
        if content:
            turns.append({"role": "user" if role in CUSTOMER_ROLES else "assistant", "content": content})
    if not any(t["role"] == "user" for t in turns):
        raise ShopAssistError("the conversation has no customer message to answer")
    return turns


def suggest_reply(
    conversation: list[dict[str, str]],
    engine: SearchEngine,
    policies: PolicySearch,
    writer: Writer,
    adapter: str | None,
    model: str = "",
) -> Copilot:
    """`model` names the model behind `writer` for the result (see `Copilot.model`)."""
    turns = normalise_conversation(conversation)
    said = [t["content"] for t in turns if t["role"] == "user"]
    last = said[-1]
    query = engine.parse(last)
    understood, matter = intents.conversation_intent(said, lambda m: intents.classify(m, Session(), engine.parse(m)))
    try:
        passages = rank_for_case(policies.search(last if matter == last else f"{matter} {last}", k=3), last)
        policies_down = False
    except PolicyIndexUnavailable:  # degraded: products and the model still help the agent
        passages, policies_down = [], True

    products = mentioned_products(engine, " ".join(t["content"] for t in turns))
    if understood.intent in (intents.Intent.SEARCH, intents.Intent.REFINE) and not products:
        products = [h.product for h in engine.retriever.search(query, k=3).hits]
    products = products[:5]

    catalog = "\n".join(f"- {p.title}: {format_price(p.price, p.currency)}" for p in products)
    context = policy_block(passages[:2]) + (f"\n<catalog_data>\n{catalog}\n</catalog_data>" if products else "")
    # The rules and the data go in separate messages: the writer drops sentences made of the
    # first message's words as prompt echoes, and an answer that paraphrases a policy is no echo.
    messages = [
        {"role": "system", "content": SUPPORT_RULES},
        {"role": "system", "content": context},
        *turns[-HISTORY_TURNS:],
    ]
    if messages[-1]["role"] != "user":
        messages.append({"role": "user", "content": last})

    run = Generation()
    grounder = PolicyOrProductGrounder(
        PassageGrounder([p["text"] for p in passages[:2]]),
        Grounder(
            products,
            engine.catalog.brand_names,
            engine.understander.type_words,
            policy_text=" ".join(p["text"] for p in passages[:2]),
        ),
    )
    # Without its policy passages the model would answer a policy question from nothing.
    guessing = policies_down and understood.intent in (intents.Intent.POLICY, intents.Intent.SUPPORT)
    # The agent may paste the suggestion to a customer: it passes the shopper's output filter.
    guard = ShopperText([p.image_url for p in products], names=[p.title for p in products])
    reply = "" if guessing else "".join(writer.write(messages, grounder, run, adapter=adapter, guard=guard)).strip()
    used_fallback = run.failed or not reply
    if used_fallback:
        if understood.handoff:
            reply = HANDOFF_REPLY
        elif passages:
            top = passages[0]
            sorry = "I'm sorry about that. " if case_of(last) else ""  # a damaged or missing item
            reply = f"{sorry}Thanks for reaching out. Per our {policy_name(top['section'])}: {answering_sentences(top['text'], last)}"
        elif policies_down:
            reply = UNAVAILABLE_REPLY
        else:
            reply = "Thanks for reaching out. Let me look into this for you."
        reply = guard.clean(reply).strip() or "Thanks for reaching out. Let me look into this for you."
    return Copilot(
        suggested_reply=reply,
        intent=understood.intent,
        handoff=understood.handoff,
        policies=citations(passages),
        products=[ProductCard.of(p) for p in products],
        used_fallback=used_fallback,
        model=model,
        adapter=adapter,
        sentences_removed=grounder.report.removed_sentences + run.dropped,
    )


@dataclass
class PolicyOrProductGrounder:
    """An agent's reply answers from the policies or about products: a sentence stays when the
    quoted policy passages support it, else when the product records do (prices corrected)."""

    passages: PassageGrounder
    products: Grounder
    report: GroundingReport = field(default_factory=GroundingReport)

    _said: set[str] = field(default_factory=set)

    def sentence(self, text: str) -> str | None:
        key = " ".join(text.lower().split())
        if key in self._said:  # each inner grounder only knows what it was shown
            return None
        self._said.add(key)
        kept = self.passages.sentence(text) or self.products.sentence(text)
        if kept is None:
            self.report.removed_sentences += 1
            self.report.removed.append(text)
        return kept

    def stream(self, deltas: Iterable[str]) -> Iterator[str]:
        for sentence in stream_sentences(deltas):
            kept = self.sentence(sentence)
            if kept:
                yield kept + " "


def mentioned_products(engine: SearchEngine, text: str) -> list[Product]:
    """Catalog products whose title appears in the text (case-insensitive)."""
    low = text.lower()
    return [p for p in engine.catalog.products if len(p.title) > 6 and p.title.lower() in low]
