"""The copilot keeps a model sentence the quoted policy passages support, and drops one they do
not (with fakes: scripted model, hashed embeddings)."""

from __future__ import annotations


def test_copilot_shows_supported_policy_sentences(make_assistant):
    conversation = [{"role": "customer", "content": "Can I still return it for a refund or an exchange?"}]
    probe, _ = make_assistant()
    quoted = " ".join(p["text"] for p in probe.policies.search(conversation[0]["content"], k=3)[:2])
    assert "30 days of delivery" in quoted.replace("**", "")
    supported = "Sure, you still have 30 days from delivery to ask for a refund or an exchange."
    assistant, _ = make_assistant(replies=[f"{supported} Returns are accepted within 400 days."])
    suggestion = assistant.copilot(conversation)
    assert not suggestion.used_fallback and suggestion.suggested_reply.startswith(supported)
    assert "400 days" not in suggestion.suggested_reply
