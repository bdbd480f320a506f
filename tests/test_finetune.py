"""finetune/: data loading (all formats, bad rows, redaction, dedupe, split), config, and one
short LoRA training run on the demo dialogues (marked `model`)."""

from __future__ import annotations

import json
import random
from pathlib import Path

import pytest
from typer.testing import CliRunner

from common.errors import ShopAssistError
from finetune.cli import finetune_app
from finetune.config import FinetuneConfig, load_config, parse_overrides, save_config
from finetune.data import compact_tool_result, load_data, normalise

ROOT = Path(__file__).resolve().parents[1]
DEMO = ROOT / "data" / "dialogues" / "support_demo.jsonl"
SHARED = ROOT.parent / "shared" / "datasets"
MODEL_CACHE = ROOT / ".cache" / "models"


def write_jsonl(path: Path, rows: list) -> Path:
    lines = [row if isinstance(row, str) else json.dumps(row) for row in rows]
    path.write_text("\n".join(lines) + "\n")
    return path


def chat(user: str, reply: str, system: str | None = None) -> dict:
    messages = [{"role": "system", "content": system}] if system else []
    return {"messages": messages + [{"role": "user", "content": user}, {"role": "assistant", "content": reply}]}


# --- formats --------------------------------------------------------------------------------


def test_chat_format(tmp_path):
    path = write_jsonl(tmp_path / "c.jsonl", [chat("Where is my order?", "It ships today.", "Be brief.")])
    data = load_data([path], val_fraction=0.0)
    assert data.formats[str(path)] == "chat"
    assert data.train[0].messages == [
        {"role": "system", "content": "Be brief."},
        {"role": "user", "content": "Where is my order?"},
        {"role": "assistant", "content": "It ships today."},
    ]
    assert data.train[0].source == f"{path}:1"


def test_instruction_pairs_keep_placeholders_by_default(tmp_path):
    row = {
        "instruction": "You are a support agent.",
        "input": "status of order {{Order Number}}",
        "output": "Order {{Order Number}} is on its way. See '{{Order Status}}'.",
    }
    path = write_jsonl(tmp_path / "p.jsonl", [row, {"instruction": "Say hi", "input": "", "output": "Hi!"}])
    data = load_data([path], val_fraction=0.0)
    assert data.formats[str(path)] == "pairs"
    first, second = data.train
    assert [m["role"] for m in first.messages] == ["system", "user", "assistant"]
    assert first.messages[2]["content"] == "Order {{Order Number}} is on its way. See '{{Order Status}}'."
    # An empty input makes the instruction the user's request (no system message).
    assert second.messages == [
        {"role": "user", "content": "Say hi"},
        {"role": "assistant", "content": "Hi!"},
    ]

    neutral = load_data([path], val_fraction=0.0, placeholders="neutral")
    assert neutral.train[0].messages[2]["content"] == "Order your order number is on its way. See 'Order Status'."


TAU_ROW = {
    "messages_display": "user: Hi, what's my gift card balance? I'm ann@example.com\n"
    "assistant: None\n"
    'tool: {"user_id": "ann_1", "address": {"address1": "12 Main Street"}, '
    '"payment_methods": {"gift_card_9": {"source": "gift_card", "balance": 60}}}\n'
    "assistant: Your gift card balance is $60.\nAnything else?\n"
    "user: No, thanks! ###STOP###"
}


def test_tau_trajectory_keeps_dialogue_and_compacts_tool_results(tmp_path):
    path = write_jsonl(tmp_path / "t.jsonl", [TAU_ROW])
    data = load_data([path], val_fraction=0.0)
    assert data.formats[str(path)] == "tau"
    messages = data.train[0].messages
    assert [m["role"] for m in messages] == ["system", "user", "system", "assistant"]
    assert "[EMAIL]" in messages[1]["content"] and "ann@example.com" not in messages[1]["content"]
    context = messages[2]["content"]
    assert context.startswith("Context: ") and "gift_card_9.balance=60" in context
    assert "Main Street" not in context  # addresses are left out of the context
    assert messages[3]["content"] == "Your gift card balance is $60.\nAnything else?"
    assert all("None" != m["content"] and "###STOP###" not in m["content"] for m in messages)


def test_compact_tool_result_is_bounded():
    long = json.dumps({"items": [{"name": f"item {i}", "price": i} for i in range(100)]})
    assert len(compact_tool_result(long, limit=120)) == 120
    assert compact_tool_result("Error: order not found") == "Error: order not found"


@pytest.mark.skipif(not (SHARED / "tau_retail").is_dir(), reason="shared tau-bench data not available")
def test_real_tau_file_loads():
    data = load_data([SHARED / "tau_retail" / "few_shot_trajectories.jsonl"])
    assert data.counts["rows"] == 69 and data.counts["bad"] == 0
    assert data.counts["kept"] + data.counts["too_long"] == 69
    for sample in data.train:
        assert sample.messages[-1]["role"] == "assistant"
        assert not any(m["role"] == "assistant" and m["content"] == "None" for m in sample.messages)


# --- bad rows, cleaning ---------------------------------------------------------------------


def test_bad_rows_are_reported_with_line_numbers(tmp_path):
    rows = [
        chat("ok", "fine"),
        "{not json",
        "[1, 2]",
        {"messages": [{"role": "robot", "content": "x"}]},
        {"messages": "nope"},
        {"title": "unknown format"},
        {"instruction": "i", "input": "q", "output": "a"},  # a pairs row in a chat file
        chat("still ok", "yes"),
    ]
    path = write_jsonl(tmp_path / "bad.jsonl", rows)
    data = load_data([path], val_fraction=0.0)
    assert data.counts["rows"] == 8 and data.counts["bad"] == 6 and data.counts["kept"] == 2
    lines = [int(p.split(":")[1]) for p in data.problems]
    assert lines == [2, 3, 4, 5, 6, 7]
    assert "role 'robot'" in data.problems[2]
    assert "file is 'chat'" in data.problems[5]


def test_nothing_usable_raises(tmp_path):
    path = write_jsonl(tmp_path / "bad.jsonl", ["{oops", {"messages": [{"role": "user", "content": "hi"}]}])
    with pytest.raises(ShopAssistError, match="no usable training samples"):
        load_data([path])
    with pytest.raises(ShopAssistError, match="does not exist"):
        load_data([tmp_path / "missing.jsonl"])


def test_redaction_applied_to_every_message(tmp_path):
    row = chat(
        "I'm jo@example.org, call +1 415 555 0100, card 4111 1111 1111 1111, 221 Baker Street",
        "Thanks, I'll write to jo@example.org.",
    )
    data = load_data([write_jsonl(tmp_path / "pii.jsonl", [row])], val_fraction=0.0)
    user, reply = (m["content"] for m in data.train[0].messages)
    assert "[EMAIL]" in user and "[PHONE]" in user and "[CARD]" in user and "[ADDRESS]" in user
    assert "example.org" not in user + reply and "4111" not in user
    assert reply == "Thanks, I'll write to [EMAIL]."


def test_whitespace_dedupe_empty_and_too_long(tmp_path):
    rows = [
        chat("Where  is my\t order?", "On its way."),
        chat("Where is my order?  ", "  On its   way."),  # same after normalisation
        chat("Hello?", "   "),  # empty reply
        {"messages": [{"role": "user", "content": "only a question"}]},  # no reply at all
        chat("tell me everything", "x" * 500),
    ]
    data = load_data([write_jsonl(tmp_path / "d.jsonl", rows)], val_fraction=0.0, max_chars=200)
    assert data.counts["kept"] == 1
    assert data.counts["duplicate"] == 1 and data.counts["empty"] == 2 and data.counts["too_long"] == 1
    assert data.train[0].messages[0]["content"] == "Where is my order?"
    assert normalise("a \t b\n\n\n\nc  ") == "a b\n\nc"


def test_split_is_deterministic_and_order_independent(tmp_path):
    rows = [chat(f"question {i}", f"answer {i}") for i in range(200)]
    first = load_data([write_jsonl(tmp_path / "a.jsonl", rows)], val_fraction=0.2, seed=7)
    again = load_data([write_jsonl(tmp_path / "b.jsonl", rows)], val_fraction=0.2, seed=7)
    shuffled = rows[:]
    random.Random(1).shuffle(shuffled)
    moved = load_data([write_jsonl(tmp_path / "c.jsonl", shuffled)], val_fraction=0.2, seed=7)
    other_seed = load_data([write_jsonl(tmp_path / "d.jsonl", rows)], val_fraction=0.2, seed=8)

    def keys(samples):
        return [s.key for s in samples]

    assert keys(first.validation) == keys(again.validation)
    assert keys(first.validation) == keys(moved.validation)  # hash order, not file order
    assert set(keys(first.train)) == set(keys(moved.train))
    assert set(keys(first.validation)) != set(keys(other_seed.validation))
    assert 20 <= len(first.validation) <= 60
    assert not set(keys(first.train)) & set(keys(first.validation))
    assert first.sha256 == again.sha256


def test_tiny_dataset_keeps_one_validation_sample(tmp_path):
    data = load_data([write_jsonl(tmp_path / "t.jsonl", [chat("a", "b"), chat("c", "d")])], val_fraction=0.1)
    assert len(data.train) == 1 and len(data.validation) == 1


def test_demo_dialogues_are_clean():
    data = load_data([DEMO])
    assert data.counts["rows"] >= 55 and data.counts["bad"] == 0 and data.counts["duplicate"] == 0
    assert data.counts["kept"] == data.counts["rows"]


# --- config ---------------------------------------------------------------------------------


def test_config_yaml_then_overrides(tmp_path):
    path = tmp_path / "c.yaml"
    path.write_text("learning_rate: 2e-4\nlora_r: 16\ntarget_modules: [q_proj, v_proj]\nbf16: null\n")
    cfg = load_config(path, parse_overrides(["lora-r=8", "qlora=false", "max_train_minutes=null"]))
    assert cfg.learning_rate == pytest.approx(2e-4)  # YAML reads 2e-4 as text; the model parses it
    assert cfg.lora_r == 8 and cfg.max_steps == FinetuneConfig().max_steps
    assert cfg.target_modules == ["q_proj", "v_proj"] and cfg.bf16 is None and cfg.qlora is False
    assert cfg.max_train_minutes is None

    saved = tmp_path / "saved.yaml"
    save_config(cfg, saved)
    assert load_config(saved) == cfg  # what a run saves, an eval reads back


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"lora_rank": 4}, "unknown fine-tuning setting lora_rank; valid settings are: base_model, lora_r, "),
        ({"lora_r": "many"}, "lora_r='many': Input should be a valid integer"),
        ({"lora_dropout": 1.5}, "lora_dropout=1.5: Input should be less than 1"),
        ({"placeholders": "drop"}, "placeholders='drop': Input should be 'keep' or 'neutral'"),
        ({"target_modules": []}, "target_modules=\\[\\]: List should have at least 1 item"),
        ({"max_steps": 0, "num_train_epochs": 0}, "set max_steps > 0 or num_train_epochs > 0"),
    ],
)
def test_config_errors_are_one_line(overrides, message):
    with pytest.raises(ShopAssistError, match=message) as info:
        load_config(None, overrides)
    assert "\n" not in str(info.value)


def test_set_values_are_read_as_yaml():
    pairs = ["lora-r=16", "target_modules=[q_proj, v_proj]", "bf16=null", "learning_rate=1e-3", "base_model=a/b"]
    assert parse_overrides(pairs) == {
        "lora_r": 16,
        "target_modules": ["q_proj", "v_proj"],
        "bf16": None,
        "learning_rate": "1e-3",  # YAML 1.1 needs a dot for a float; FinetuneConfig parses the text
        "base_model": "a/b",
    }
    with pytest.raises(ShopAssistError, match="--set expects KEY=VALUE"):
        parse_overrides(["lora_r"])
    with pytest.raises(ShopAssistError, match="not valid YAML"):
        parse_overrides(["target_modules=[q_proj"])


def test_shipped_cpu_config_loads():
    cfg = load_config(ROOT / "finetune" / "configs" / "smollm2-cpu.yaml")
    assert cfg.base_model == "bundled" and 8 <= cfg.lora_r <= 16 and cfg.max_length <= 512


def test_cli_reports_config_errors_before_loading_anything(tmp_path):
    result = CliRunner().invoke(
        finetune_app, ["run", "--data", str(DEMO), "--output", str(tmp_path), "--set", "nonsense=1"]
    )
    assert isinstance(result.exception, ShopAssistError) and "unknown fine-tuning setting nonsense" in str(
        result.exception
    )
    config = tmp_path / "c.yaml"
    config.write_text("max_steps: 0\n")
    result = CliRunner().invoke(
        finetune_app,
        ["run", "--data", str(DEMO), "--output", str(tmp_path), "--config", str(config), "--set", "num_train_epochs=0"],
    )
    assert isinstance(result.exception, ShopAssistError) and f"(from {config} and the command line)" in str(
        result.exception
    )


# --- one short training run -----------------------------------------------------------------


@pytest.mark.model
def test_short_lora_run_on_demo_dialogues(tmp_path):
    import torch
    from peft import PeftModel
    from transformers import AutoModelForCausalLM

    from common.settings import Settings
    from finetune.evaluate import evaluate, write_report
    from finetune.train import IGNORE_INDEX, build_dataset, encode, load_adapted_model, train

    settings = Settings(model_cache_dir=MODEL_CACHE)
    cfg = load_config(
        None,
        {
            "lora_r": 4,
            "lora_alpha": 8,
            "max_length": 256,
            "max_steps": 3,
            "per_device_train_batch_size": 2,
            "logging_steps": 1,
            "save_steps": 3,
            "eval_samples": 2,
            "eval_max_new_tokens": 8,
            "cpu_threads": 1,  # bit-exact reruns need a fixed thread count (not the auto one)
        },
    )
    data = load_data([DEMO], cfg.val_fraction, cfg.seed)
    out = tmp_path / "adapter"
    result = train(cfg, data, out, settings)
    assert result.steps == 3 and result.resumed_from is None
    assert (out / "adapter_config.json").is_file() and (out / "adapter_model.safetensors").is_file()
    assert (out / "tokenizer_config.json").is_file() and (out / "checkpoint-3").is_dir()

    # Same seed, same data: the same adapter, bit for bit.
    from safetensors.torch import load_file

    twin = train(cfg, data, tmp_path / "twin", settings)
    first, second = (load_file(str(d / "adapter_model.safetensors")) for d in (out, twin.output_dir))
    assert first.keys() == second.keys() and all(torch.equal(first[k], second[k]) for k in first)

    # The saved adapter loads with plain peft on top of the base model.
    base = AutoModelForCausalLM.from_pretrained(result.base_model, dtype=torch.float32)
    peft_model = PeftModel.from_pretrained(base, str(out))
    assert any("lora_A" in name for name, _ in peft_model.named_parameters())

    # Label masking: exactly the assistant replies (and their end-of-turn token) are trained.
    model, tokenizer, _ = load_adapted_model(out, settings)
    sample = next(s for s in data.train if sum(m["role"] == "assistant" for m in s.messages) > 1)
    encoded = encode(tokenizer, sample.messages)
    trained = [t for t, label in zip(encoded["input_ids"], encoded["labels"], strict=True) if label != IGNORE_INDEX]
    expected = "".join(m["content"] + tokenizer.eos_token for m in sample.messages if m["role"] == "assistant")
    assert tokenizer.decode(trained) == expected
    assert all(
        label in (IGNORE_INDEX, token) for token, label in zip(encoded["input_ids"], encoded["labels"], strict=True)
    )
    dataset, _ = build_dataset(tokenizer, data.train, cfg.max_length)
    assert all(len(row) <= cfg.max_length for row in dataset["input_ids"])

    # Resuming: a longer run in the same folder continues from checkpoint-3.
    longer = load_config(None, cfg.model_dump() | {"max_steps": 4})
    resumed = train(longer, data, out, settings)
    assert resumed.resumed_from and resumed.resumed_from.endswith("checkpoint-3") and resumed.steps == 4

    # `finetune eval` on a folder without an adapter is a user error.
    result = CliRunner().invoke(finetune_app, ["eval", "--adapter", str(tmp_path), "--data", str(DEMO)])
    assert isinstance(result.exception, ShopAssistError) and "adapter_config.json" in str(result.exception)

    # Evaluation and the report run end to end (tiny sizes).
    scores = evaluate(model, tokenizer, data.validation, cfg, progress=lambda _: None)
    assert scores.base.perplexity > 1 and scores.adapted.perplexity > 1
    report = write_report(out, cfg, scores)
    assert (out / "report.md").is_file() and report["versions"]["trl"]
    assert report["train_data_sha256"] == data.sha256 and report["counts"]["train"] == len(data.train)
