"""The order copilot on tau-bench retail tasks: proposed actions vs the task's expected actions,
and the store's end state after executing them vs the end state the expected actions give.

Per task: a fresh copy of the store (the tau data imported once); the opener's customer messages
are fed one at a time, the copilot proposes after each (a later message is the customer's answer
to the draft); the final proposal's actions are executed as an agent's confirmation would
(`Store.execute`, preconditions checked again). The expected actions run on a second copy, and
the two stores are compared whole (tau-bench's check; amounts to the cent).

Figures: task-level action match (the proposed list equals the expected one: names and arguments
exact, item pairs compared as a set), action precision/recall, end-state match, actions the
store refused (a proposal breaking the policy; target 0), drafts that state the required step
(identity first; the details and an explicit yes before an action), drafts that claim or promise
what the policy forbids (target 0), drafts refusing an action the customer is owed (an expected
action the store accepts; target 0), hand-offs, and the copilot's latency p50/p95 (rules and store
only; the order path calls no model, so 'with the model' is the same path: see the report).

Differs from tau-bench's own setting: there, an LLM agent talks to an LLM user simulator and
acts alone; here, scripted customer messages (written without the expected actions in view)
are read by rules, and an agent confirms every action.

Usage: python bench/copilot_tasks.py [--openers bench/data/copilot_openers_dev.jsonl] [--show N] [--verbose]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.store import Action, Store  # noqa: E402
from assistant.store.importer import import_store  # noqa: E402
from assistant.store.propose import Proposal, propose, result_reply  # noqa: E402
from assistant.store.refusals import refusals  # noqa: E402
from bench.common import REPO, SHARED, percentile  # noqa: E402

TAU = SHARED / "tau_retail"
# A draft must not say an action happened before the agent ran it, nor offer what the policy
# does not allow (coupons, price matching, compensation).
FORBIDDEN = [
    re.compile(p, re.IGNORECASE)
    for p in (
        r"\b(?:has|have) been (?:cancell?ed|refunded|returned|exchanged|modified|changed)",
        r"\bI(?:'ve| have) (?:cancell?ed|refunded|returned|exchanged|modified|changed|updated)",
        r"\b(?:is|are) now (?:cancell?ed|returned|exchanged)",
        r"\bI(?:'ll| will| can) (?:give|offer|send|issue) you (?:a|an) (?:coupon|discount|voucher|credit)",
        r"\bwe (?:can|will) match the price",
    )
]
# A sentence refusing something (the team's review: never draft a refusal to a customer the policy
# owes a refund, return or exchange). Compensation the policy never offers is no such refusal.
REFUSAL = re.compile(r"\b(?:can't|cannot|can not|not able to|unable to|not eligible|won't be able)\b", re.IGNORECASE)
NOT_OWED = re.compile(r"price matching|coupons?|compensation|discount", re.IGNORECASE)
KIND_WORDS = {  # how a sentence naming no order names the action it refuses
    "cancel_pending_order": r"\bcancel",
    "return_delivered_order_items": r"\breturn|\brefund(?! of)",
    "exchange_delivered_order_items": r"\bexchang|\bitem change",
    "modify_pending_order_items": r"\bitem change|\bchange (?:the|your|an?) item|\bmodif",
    "modify_pending_order_address": r"\baddress",
    "modify_pending_order_payment": r"\bpayment change|\bchange (?:the|your) payment",
    "modify_user_address": r"\baddress",
}
ASKS_IDENTITY = re.compile(r"e-?mail.*(?:name.*zip|zip)", re.IGNORECASE | re.DOTALL)
ASKS_YES = re.compile(r"\byes\b|\bconfirm", re.IGNORECASE)


def action_key(action: Action) -> str:
    args = dict(action.arguments)
    if "new_item_ids" in args:  # the pairs matter, not their order in the lists
        args["pairs"] = sorted(zip(args.pop("item_ids"), args.pop("new_item_ids"), strict=False))
    elif "item_ids" in args:
        args["item_ids"] = sorted(args["item_ids"])
    return json.dumps([action.name, args], sort_keys=True)


def rounded(value):
    if isinstance(value, float):
        return round(value, 2)
    if isinstance(value, dict):
        return {k: rounded(v) for k, v in value.items()}
    if isinstance(value, list):
        return [rounded(v) for v in value]
    return value


def run_task(pristine: Path, work: Path, task: dict, messages: list[str]) -> dict:
    shutil.copy(pristine, work / "store.sqlite")
    store = Store.open(work)
    # The expected actions the policy allows on the untouched store: the customer is owed these.
    owed = [
        a
        for a, refusal in zip(expected_actions(task), store.check(expected_actions(task), task["user_id"]), strict=True)
        if refusal is None
    ]
    conversation: list[dict[str, str]] = []
    proposals: list[Proposal] = []
    latencies = []
    for message in messages:
        conversation.append({"role": "user", "content": message})
        started = time.perf_counter()
        proposal = propose(store, conversation)
        latencies.append((time.perf_counter() - started) * 1000)
        proposals.append(proposal)
        conversation.append({"role": "assistant", "content": proposal.draft})
    # Every refusal a draft makes, checked against the orders' status before anything is run.
    drafted_refusals = [
        found
        for p in proposals
        if p.customer
        for found in refusals(p.draft, store.orders_of(p.customer["user_id"]), p.order_id)
    ]
    final = proposals[-1]
    user_id = final.customer["user_id"] if final.customer else ""
    results = [store.execute(a, user_id, confirmed_by="bench") for a in final.actions] if user_id else []
    ours = rounded(store.snapshot())
    store.close()

    shutil.copy(pristine, work / "store.sqlite")
    store = Store.open(work)
    expected = expected_actions(task)
    for action in expected:  # a few expected actions fail in tau-bench too (a gift card short): no-ops
        store.execute(action, task["user_id"], confirmed_by="bench")
    theirs = rounded(store.snapshot())
    store.close()
    return {
        "proposals": proposals,
        "final": final,
        "expected": expected,
        "results": results,
        "right_user": user_id == task["user_id"],
        "end_state": ours == theirs,
        "latencies": latencies,
        "replies": [result_reply(r) for r in results],
        "refusals_to_owed": [found for p in proposals if (found := refuses_owed(p.draft, owed))],
        "refusals": drafted_refusals,
    }


def expected_actions(task: dict) -> list[Action]:
    return [Action(name=a["name"], arguments=a["kwargs"]) for a in task["actions"]]


def refuses_owed(draft: str, owed: list[Action]) -> list[str]:
    """The draft's sentences that refuse an action the customer is owed: a refusal naming the
    action's order (and its kind, where the sentence names one), or, naming no order, the
    action's kind ('I can't do the return')."""
    found = []
    for sentence in re.split(r"(?<=[.?!])\s+", draft):
        if not REFUSAL.search(sentence) or NOT_OWED.search(sentence):
            continue
        orders = set(re.findall(r"#W\d{7}", sentence))
        # A sentence naming a kind of action refuses that kind: 'the payment change of order #W1'
        # is no refusal of #W1's owed item change.
        kinds = {name for name, words in KIND_WORDS.items() if re.search(words, sentence, re.IGNORECASE)}
        for action in owed:
            oid = action.arguments.get("order_id")
            if (oid in orders and (not kinds or action.name in kinds)) if orders else action.name in kinds:
                found.append(sentence)
                break
    return found


POLICY_QUESTIONS = [  # no order in them: the copilot's policy path, which asks the model
    "How long do I have to return a jacket I don't like?",
    "Do you ship to Canada, and how much does it cost?",
    "Is my card data safe with you?",
    "What does the warranty cover on headphones?",
    "Can I pay with PayPal?",
]


def time_assistant(data_dir: Path, conversations: list[list[str]]) -> None:
    """Assistant.copilot end to end (index, store, model as configured): the order path answers
    without the model; the policy path generates with it."""
    from assistant.core import Assistant
    from common.settings import Settings

    assistant = Assistant.load(Settings(data_dir=data_dir), capacity=False)
    assistant.copilot([{"role": "customer", "content": POLICY_QUESTIONS[0]}])  # loads the model
    timings: dict[str, list[float]] = {"order path": [], "policy path": []}
    for messages in conversations:
        started = time.perf_counter()
        reply = assistant.copilot([{"role": "customer", "content": m} for m in messages])
        timings["order path" if reply.order and reply.order.request != "none" else "policy path"].append(
            (time.perf_counter() - started) * 1000
        )
    for question in POLICY_QUESTIONS:
        started = time.perf_counter()
        assistant.copilot([{"role": "customer", "content": question}])
        timings["policy path"].append((time.perf_counter() - started) * 1000)
    print(f"Assistant.copilot end to end, model {assistant.model_name()}:")
    for path, ms in timings.items():
        if ms:
            print(f"  {path:<12} n={len(ms):<3} p50 {percentile(ms, 50):8.1f} ms  p95 {percentile(ms, 95):8.1f} ms")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--openers", type=Path, default=REPO / "bench" / "data" / "copilot_openers_dev.jsonl")
    parser.add_argument("--tau", type=Path, default=TAU, help="the tau_retail folder (../shared/datasets/tau_retail)")
    parser.add_argument("--show", type=int, default=0, help="print this many tasks' drafts and actions")
    parser.add_argument(
        "--verbose",
        action="store_true",
        help="per task: the customer's messages, the final draft, and the proposed actions against the expected "
        "ones (missed '-', extra '+', matched '='); mismatched tasks first",
    )
    parser.add_argument(
        "--with-model",
        type=Path,
        default=None,
        help="a data dir with a catalog index and this store: also time Assistant.copilot end to end "
        "with the configured model, on the openers (order path) and on policy questions (model path)",
    )
    parser.add_argument(
        "--handoffs",
        type=Path,
        default=REPO / "bench" / "data" / "copilot_handoffs.jsonl",
        help="labelled conversations (handoff true/false) for hand-off precision and recall; '' to skip",
    )
    args = parser.parse_args()
    if args.handoffs == Path(""):
        args.handoffs = None
    tasks = {
        "dev": json.loads((args.tau / "tasks_dev.json").read_text()),
        "train": json.loads((args.tau / "tasks_train.json").read_text()),
    }
    openers = [json.loads(line) for line in args.openers.read_text().splitlines() if line.strip()]
    with tempfile.TemporaryDirectory() as tmp:
        base, work = Path(tmp) / "base", Path(tmp) / "work"
        import_store(args.tau, base)
        work.mkdir()
        rows = []
        for opener in openers:
            task = tasks[opener["split"]][opener["index"]]
            rows.append((opener, run_task(base / "store.sqlite", work, task, opener["messages"])))

    n = len(rows)
    task_match = sum(
        {action_key(a) for a in r["final"].actions} == {action_key(a) for a in r["expected"]}
        and len(r["final"].actions) == len(r["expected"])
        for _, r in rows
    )
    proposed = [action_key(a) for _, r in rows for a in r["final"].actions]
    hits = sum(
        len({action_key(a) for a in r["final"].actions} & {action_key(a) for a in r["expected"]}) for _, r in rows
    )
    expected_n = sum(len(r["expected"]) for _, r in rows)
    refused = [(o, res) for o, r in rows for res in r["results"] if not res.done]
    drafts = [(p, o) for o, r in rows for p in r["proposals"]]
    with_action = [p for p, _ in drafts if p.actions]
    identity_asks = [p for p, _ in drafts if p.needs == "identity"]
    forbidden = [(p.draft, o) for p, o in drafts if any(f.search(p.draft) for f in FORBIDDEN)]
    handoffs = [p for p, _ in drafts if p.handoff]
    expected_handoffs = 0  # none of the tau retail tasks expects transfer_to_human_agents
    latencies = [ms for _, r in rows for ms in r["latencies"]]

    print(f"{n} tasks from {args.openers.name} ({sum(len(o['messages']) for o, _ in rows)} customer messages)")
    print(f"authenticated as the task's user        {sum(r['right_user'] for _, r in rows)}/{n}")
    print(f"action match (task: list exact)         {task_match}/{n} = {task_match / n:.2f}   target >= 0.70")
    print(
        f"actions: precision {hits}/{len(proposed)} = {hits / max(1, len(proposed)):.2f}, recall {hits}/{expected_n} = {hits / max(1, expected_n):.2f}"
    )
    end = sum(r["end_state"] for _, r in rows)
    print(f"end state equal to the expected one     {end}/{n} = {end / n:.2f}   target >= 0.60")
    print(
        f"proposed actions the store refused      {len(refused)}   (executed policy-breaking actions: 0 by construction)"
    )
    print(
        f"drafts proposing an action that ask yes {sum(bool(ASKS_YES.search(p.draft)) for p in with_action)}/{len(with_action)}"
    )
    print(
        f"drafts before identity that ask for it  {sum(bool(ASKS_IDENTITY.search(p.draft)) for p in identity_asks)}/{len(identity_asks)}"
    )
    print(f"drafts claiming/promising the forbidden {len(forbidden)}   target 0")
    refusing = [(d, o) for o, r in rows for d in r["refusals_to_owed"]]
    print(
        f"drafts refusing what the policy allows  {len(refusing)}/{len(drafts)}   target 0 (an expected action the store accepts, refused)"
    )
    drafted = [(f, o) for o, r in rows for f in r["refusals"]]
    inconsistent = [(f, o) for f, o in drafted if not f.consistent]
    print(
        f"refusals the order's status contradicts {len(inconsistent)}/{len(drafted)} refusals drafted   target 0 "
        "(an action refused for an order in the status that allows it)"
    )
    print(f"hand-offs proposed                      {len(handoffs)} (tasks expecting one: {expected_handoffs})")
    final_handoffs = sum(r["final"].handoff for _, r in rows)
    print(f"tasks ending in a hand-off              {final_handoffs}/{n}   (none expected: each is a false hand-off)")
    if args.handoffs:
        handoff_figures(args.tau, args.handoffs)
    print(
        f"copilot latency ms (rules + store)      p50 {percentile(latencies, 50):.1f}  p95 {percentile(latencies, 95):.1f}"
    )
    if args.with_model:
        time_assistant(args.with_model, [o["messages"] for o, _ in rows])
    for opener, res in refused:
        print(f"  refused: {opener['split']} {opener['index']}: {res.detail} ({res.rule})")
    for draft, opener in forbidden:
        print(f"  forbidden wording: {opener['split']} {opener['index']}: {draft[:160]}")
    for found, opener in inconsistent:
        print(
            f"  refusal the status contradicts: {opener['split']} {opener['index']}: {found.kind} of {found.order_id}: {found.sentence[:240]}"
        )
    for sentences, opener in refusing:
        print(f"  refusal to an owed action: {opener['split']} {opener['index']}: {' '.join(sentences)[:300]}")
    for opener, r in rows[: args.show]:
        ok = "OK " if r["end_state"] else "BAD"
        print(f"\n[{ok}] {opener['split']} {opener['index']} request={r['final'].request} needs={r['final'].needs!r}")
        print("  draft:   ", r["final"].draft[:700])
        print("  proposed:", [action_key(a) for a in r["final"].actions])
        print("  expected:", [action_key(a) for a in r["expected"]])
    if args.verbose:
        print_listing(rows)


def handoff_figures(tau: Path, path: Path) -> None:
    """Hand-off precision and recall on labelled conversations: the final proposal's hand-off
    against the label (the policy: hand off if and only if the request is outside the actions)."""
    cases = [json.loads(line) for line in path.read_text().splitlines() if line.strip()]
    tp = fp = fn = 0
    misses = []
    with tempfile.TemporaryDirectory() as tmp:
        base, work = Path(tmp) / "base", Path(tmp) / "work"
        import_store(tau, base)
        work.mkdir()
        for case in cases:
            shutil.copy(base / "store.sqlite", work / "store.sqlite")
            store = Store.open(work)
            conversation: list[dict[str, str]] = []
            for message in case["messages"]:
                conversation.append({"role": "user", "content": message})
                proposal = propose(store, conversation)
                conversation.append({"role": "assistant", "content": proposal.draft})
            store.close()
            tp += proposal.handoff and case["handoff"]
            fp += proposal.handoff and not case["handoff"]
            fn += not proposal.handoff and case["handoff"]
            if proposal.handoff != case["handoff"]:
                misses.append((case, proposal))
    positives = sum(c["handoff"] for c in cases)
    print(
        f"hand-offs on {path.name} ({len(cases)} conversations, {positives} expecting one): "
        f"precision {tp}/{tp + fp} = {tp / max(1, tp + fp):.2f}, recall {tp}/{positives} = {tp / max(1, positives):.2f}"
    )
    for case, proposal in misses:
        wrong = "missed hand-off" if case["handoff"] else "needless hand-off"
        print(f"  {wrong}: {case['messages'][0][:90]!r} -> {proposal.draft[-160:]!r}")


def print_listing(rows: list[tuple[dict, dict]]) -> None:
    """Every task, mismatched ones first: what the customer said, the final draft, and each action
    marked matched (=), missed (-: expected, not proposed) or extra (+: proposed, not expected)."""

    def matched(r: dict) -> bool:
        return sorted(action_key(a) for a in r["final"].actions) == sorted(action_key(a) for a in r["expected"])

    for opener, r in sorted(rows, key=lambda row: matched(row[1])):
        mark = "MATCH" if matched(r) else "MISS "
        state = "end state ok" if r["end_state"] else "end state differs"
        final = r["final"]
        print(f"\n[{mark}] {opener['split']} {opener['index']}: request={final.request} needs={final.needs!r}; {state}")
        for i, message in enumerate(opener["messages"], 1):
            print(f"  customer {i}: {message}")
        print(f"  draft:      {final.draft}")
        ours = {action_key(a) for a in final.actions}
        theirs = {action_key(a) for a in r["expected"]}
        for key in sorted(ours | theirs):
            print(f"  {'=' if key in ours and key in theirs else '-' if key in theirs else '+'} {key}")
        if opener.get("notes"):
            print(f"  notes:      {opener['notes']}")


if __name__ == "__main__":
    main()
