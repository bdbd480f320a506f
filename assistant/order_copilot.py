"""The copilot's order path: when the shop has a store (`shopassist store import`), a conversation
about an order is answered from the customer's orders and the policy, by rules, in milliseconds
(`assistant.store.propose`); the agent runs a proposed action with `execute`, which checks the
customer's identity and the policy's preconditions again.

No model is asked here: every figure in the draft comes from the store, and a wrong number or
a promise the policy forbids in front of a customer costs more than stiff wording.
"""

from __future__ import annotations

from pathlib import Path

from pydantic import BaseModel

from assistant.copilot import Copilot, normalise_conversation
from assistant.store import Action, ActionResult, Store
from assistant.store.propose import Proposal, propose, result_reply
from assistant.store.reading import identify
from common.errors import ShopAssistError
from common.untrusted import ShopperText

ORDER_PATH = "rules + store (no model)"  # `Copilot.model` for a reply from the order path


class Executed(BaseModel):
    result: ActionResult
    reply: str  # what to tell the customer: what was done, or the rule that refused it


def order_proposal(data_dir: Path, conversation: list[dict[str, str]], done: list[Action] | None) -> Proposal | None:
    """The store's proposal for this conversation; None when the shop has no store."""
    if not Store.exists(data_dir):
        return None
    store = Store.open(data_dir)
    try:
        return propose(store, normalise_conversation(conversation), done)
    finally:
        store.close()


def answers_order(proposal: Proposal | None) -> bool:
    """The conversation is about an order (or the customer must be verified for one): the
    store's draft is the reply, not a policy passage."""
    return proposal is not None and (proposal.request != "none" or bool(proposal.actions))


def order_copilot(proposal: Proposal) -> Copilot:
    # The draft quotes the store and the customer's own words (an address): it passes the same
    # output filter as every reply an agent may send.
    proposal = proposal.model_copy(update={"draft": ShopperText([], names=[]).clean(proposal.draft).strip()})
    clause = [{"source": "store policy", "section": proposal.clause["section"], "text": proposal.clause["text"]}]
    return Copilot(
        suggested_reply=proposal.draft,
        intent="support",
        handoff=proposal.handoff,
        policies=clause if proposal.clause else [],
        products=[],
        used_fallback=False,
        model=ORDER_PATH,
        adapter=None,
        order=proposal,
    )


def execute(data_dir: Path, conversation: list[dict[str, str]], action: Action, confirmed_by: str) -> Executed:
    """Run an action an agent confirmed, for the customer the conversation verifies."""
    if not Store.exists(data_dir):
        raise ShopAssistError(f"no store under {data_dir}; import one with `shopassist store import`")
    turns = normalise_conversation(conversation)
    store = Store.open(data_dir)
    try:
        identity = identify(store, "\n".join(t["content"] for t in turns if t["role"] == "user"))
        if identity.user_id is None:
            raise ShopAssistError(
                "the customer is not verified in this conversation: ask for their e-mail, or name and zip"
            )
        result = store.execute(action, identity.user_id, confirmed_by)
    finally:
        store.close()
    return Executed(result=result, reply=result_reply(result))
