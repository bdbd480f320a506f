"""Dialogue evaluation at its edges: importers, resume after a kill, and the A/B gate's exit code."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import time

import pytest

from assistant.evaluation.compare import Gate
from assistant.evaluation.importers import import_file
from assistant.evaluation.logs import Dialogue, read_dialogues, write_dialogues
from assistant.evaluation.run import evaluate_dialogues
from common.errors import ShopAssistError
from tests.conftest import REPO, needs_shared

ENV = {**os.environ, "PYTHONPATH": str(REPO)}


def cli(*args: str, timeout: float = 120) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "ui.cli", *args], capture_output=True, text=True, timeout=timeout, env=ENV, cwd=REPO
    )


# -- importers --------------------------------------------------------------------------------------


def test_import_tau_trajectory(tmp_path):
    display = (
        "user: Hi, my email is ann@example.com, where is my order?\n"
        'assistant: None\ntool: {"order": "#W1"}\n'
        "assistant: Your order #W1 ships tomorrow.\n"
        "user: Thanks! ###STOP###"
    )
    path = tmp_path / "tau.jsonl"
    path.write_text(json.dumps({"messages_display": display}) + "\n")
    (d,) = import_file(path)
    assert d.mode == "copilot" and d.meta["source"] == "tau_retail"
    assert [t.role for t in d.turns] == ["user", "agent", "user"]
    assert d.turns[2].text == "Thanks!" and d.reference_replies() == ["Your order #W1 ships tomorrow.", None]
    write_dialogues(tmp_path / "log.jsonl", [d])
    assert "[EMAIL]" in read_dialogues(tmp_path / "log.jsonl")[0].turns[0].text


def test_import_pairs_chat_and_queries(tmp_path):
    pairs = tmp_path / "pairs.jsonl"
    pairs.write_text(
        json.dumps({"instruction": "Be kind.", "input": "where is my refund", "output": "It is on its way."})
        + "\n"
        + json.dumps({"instruction": "cancel my order", "input": "", "output": "Done."})
        + "\n"
    )
    first, second = import_file(pairs)
    assert first.user_texts() == ["where is my refund"] and first.meta["instruction"] == "Be kind."
    assert second.user_texts() == ["cancel my order"] and second.reference_replies() == ["Done."]

    chat = tmp_path / "chat.jsonl"
    chat.write_text(
        json.dumps(
            {
                "messages": [
                    {"role": "system", "content": "Rules."},
                    {"role": "user", "content": "hi"},
                    {"role": "assistant", "content": "hello"},
                ]
            }
        )
        + "\n"
    )
    (c,) = import_file(chat)
    assert c.meta["system"] == "Rules." and [t.role for t in c.turns] == ["user", "agent"]

    queries = tmp_path / "q.jsonl"
    queries.write_text(
        json.dumps(
            {
                "qid": "q1",
                "query": "black dress",
                "constraints": {"colour": "black", "category_any": ["dress"]},
                "unsatisfiable": False,
                "relevant": {"P1": 2},
            }
        )
        + "\n"
    )
    (q,) = import_file(queries)
    assert q.id == "q1" and q.mode == "shop" and q.labels.relevant_products == {"P1": 2}
    assert q.constraint_labels() == [q.labels.constraints] and q.labels.constraints.colour == "black"


def test_import_rejects_mixed_or_unknown_rows(tmp_path):
    path = tmp_path / "mixed.jsonl"
    path.write_text(
        json.dumps({"qid": "a", "query": "x"}) + "\n" + json.dumps({"instruction": "y", "output": "z"}) + "\n"
    )
    with pytest.raises(ShopAssistError, match="line 2: the row is not in the 'queries' format"):
        import_file(path)
    path.write_text(json.dumps({"hello": 1}) + "\n")
    with pytest.raises(ShopAssistError, match="line 1: unknown row format"):
        import_file(path)


def test_import_shared_corpora():
    tau = import_file(needs_shared("tau_retail", "few_shot_trajectories.jsonl"))
    pairs = import_file(needs_shared("support_pairs", "pairs.jsonl"), limit=50)
    queries = import_file(needs_shared("queries", "dev.jsonl"))
    assert len(tau) == 69 and all(d.mode == "copilot" and d.reference_replies()[0] for d in tau)
    assert len(pairs) == 50 and len(queries) == 30
    assert sum(bool(d.labels.unsatisfiable) for d in queries) == 3
    assert all(d.labels.relevant_products or d.labels.unsatisfiable for d in queries)


def test_import_cli(tmp_path):
    source = tmp_path / "pairs.jsonl"
    source.write_text(
        "\n".join(json.dumps({"instruction": f"q{i}", "input": "", "output": "a"}) for i in range(5)) + "\n"
    )
    done = cli("eval", "import", str(source), "--out", str(tmp_path / "log.jsonl"), "--limit", "3")
    assert done.returncode == 0, done.stderr
    assert "wrote 3 dialogues" in done.stdout and len(read_dialogues(tmp_path / "log.jsonl")) == 3
    bad = cli("eval", "import", str(tmp_path / "missing.jsonl"), "--out", str(tmp_path / "x.jsonl"))
    assert bad.returncode == 1 and "does not exist" in bad.stderr and "Traceback" not in bad.stderr


# -- resume after a kill --------------------------------------------------------------------------


@pytest.mark.slow
def test_resume_after_kill_redoes_no_finished_dialogue(fake_settings, make_assistant, tmp_path):
    logs = tmp_path / "logs.jsonl"
    queries = ["running shoes", "backpack", "ceramic mug", "wool scarf", "table lamp", "watch for men"]
    write_dialogues(
        logs,
        [
            Dialogue.model_validate(
                {"id": f"d{i}", "turns": [{"role": "user", "text": q}, {"role": "user", "text": "cheaper"}]}
            )
            for i, q in enumerate(queries)
        ],
    )
    out = tmp_path / "out"
    turns = out / "turns.jsonl"
    command = [sys.executable, "-m", "tests.eval_slow_run", str(fake_settings.data_dir), str(logs), str(out)]
    first = subprocess.Popen([*command, "0.3"], env=ENV, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.monotonic() + 120
    try:
        while time.monotonic() < deadline and first.poll() is None:
            if turns.exists() and len(turns.read_text().splitlines()) >= 4:  # two dialogues finished
                break
            time.sleep(0.05)
        assert first.poll() is None, "the run ended before it could be killed; raise the delay"
    finally:
        first.kill()
        first.communicate(timeout=30)
    before = {json.loads(line)["dialogue_id"] for line in turns.read_text().splitlines() if line.strip()}
    assert 2 <= len(before) < len(queries)
    kept = turns.read_text()

    # The rerun, in this process with the same settings, finishes only what is missing.
    assistant, _ = make_assistant()
    summary = evaluate_dialogues(assistant, logs, out, progress=False)["meta"]["this_run"]
    assert summary["skipped_finished_dialogues"] == len(before)
    assert summary["evaluated_dialogues"] == len(queries) - len(before)
    rows = [json.loads(line) for line in turns.read_text().splitlines()]
    assert sorted((r["dialogue_id"], r["turn"]) for r in rows) == sorted((f"d{i}", t) for i in range(6) for t in (0, 1))
    assert turns.read_text().startswith(kept)  # the finished dialogues' rows were left as they were
    assert json.loads((out / "report.json").read_text())["turns"] == 12


@pytest.mark.slow
def test_cut_last_line_is_dropped_and_redone(make_assistant, tmp_path):
    assistant, _ = make_assistant()
    logs = tmp_path / "logs.jsonl"
    write_dialogues(
        logs, [Dialogue.model_validate({"id": f"d{i}", "turns": [{"role": "user", "text": "mug"}]}) for i in range(3)]
    )
    out = tmp_path / "out"
    evaluate_dialogues(assistant, logs, out, progress=False)
    lines = (out / "turns.jsonl").read_text().splitlines(keepends=True)
    (out / "turns.jsonl").write_text("".join(lines[:2]) + lines[2][:40])  # killed mid-write
    report = evaluate_dialogues(assistant, logs, out, progress=False)
    assert report["meta"]["this_run"]["evaluated_dialogues"] == 1 and report["turns"] == 3


# -- A/B and the gate ---------------------------------------------------------------------------------


@pytest.mark.slow
def test_gate_exit_code_on_runs_that_differ_by_construction(make_assistant, tmp_path):
    """B is an assistant that adds a price no record has to every reply: the gate's zero
    tolerance on wrong prices fails B, and comparing A with itself passes."""
    logs = tmp_path / "logs.jsonl"
    messages = ["running shoes", "backpack", "is there a warranty?", "ceramic mug"]
    write_dialogues(
        logs,
        [
            Dialogue.model_validate({"id": f"d{i}", "turns": [{"role": "user", "text": m}]})
            for i, m in enumerate(messages)
        ],
    )
    plain, _ = make_assistant()
    wrong, _ = make_assistant()
    serve = wrong.reply
    wrong.reply = lambda session, message: (r := serve(session, message)).model_copy(
        update={"text": r.text + " Everything here is $13.37 today."}
    )
    evaluate_dialogues(plain, logs, tmp_path / "a", progress=False)
    evaluate_dialogues(wrong, logs, tmp_path / "b", progress=False)
    gate = tmp_path / "gate.yaml"
    gate.write_text("metrics:\n  wrong_prices_per_100: 0\n  hallucinated_products_per_100: 0\n  error_rate: 0\n")

    failed = cli(
        "eval", "compare", str(tmp_path / "a"), str(tmp_path / "b"), "--gate", str(gate), "--out", str(tmp_path / "ab")
    )
    assert failed.returncode == 1, failed.stdout + failed.stderr
    assert "wrong_prices_per_100" in failed.stdout and "FAIL" in failed.stdout and "gate: B fails" in failed.stderr
    result = json.loads((tmp_path / "ab" / "compare.json").read_text())
    assert result["metrics"]["wrong_prices_per_100"]["difference"] > 0 and result["gate"]["passed"] is False
    assert result["metrics"]["error_rate"]["gate"]["passed"] is True
    assert result["differing"] and "side" in (tmp_path / "ab" / "compare.html").read_text()

    same = cli(
        "eval", "compare", str(tmp_path / "a"), str(tmp_path / "a"), "--gate", str(gate), "--out", str(tmp_path / "aa")
    )
    assert same.returncode == 0, same.stdout + same.stderr
    assert "gate: B passes" in same.stdout


@pytest.mark.slow
def test_compare_and_gate_errors(tmp_path):
    gate = tmp_path / "gate.yaml"
    gate.write_text("metrics:\n  not_a_metric: 0\n")
    with pytest.raises(ShopAssistError, match="unknown metric 'not_a_metric'"):
        Gate.load(gate)
    gate.write_text("metrics:\n  wrong_prices_per_100: -1\n")
    with pytest.raises(ShopAssistError, match="must be a number >= 0"):
        Gate.load(gate)
    no_run = cli("eval", "compare", str(tmp_path / "x"), str(tmp_path / "y"))
    assert no_run.returncode == 1 and "no report.json" in no_run.stderr and "Traceback" not in no_run.stderr
