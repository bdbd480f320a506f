"""`shopassist eval dialogues` end to end: the real embedding model over the demo index, with
generation switched off (`--backend none`), so the run is deterministic and quick."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from assistant.evaluation.logs import Dialogue, write_dialogues
from tests.conftest import REPO

pytestmark = pytest.mark.model


def test_eval_dialogues_cli(demo_settings, tmp_path):
    logs = tmp_path / "logs.jsonl"
    write_dialogues(
        logs,
        [
            Dialogue.model_validate(
                {
                    "id": "jackets",
                    "turns": [
                        {"role": "user", "text": "waterproof jacket for women under $150"},
                        {"role": "user", "text": "in black"},
                    ],
                    "labels": {"intents": ["search", "refine"]},
                }
            ),
            Dialogue.model_validate(
                {
                    "id": "too-cheap",
                    "turns": [{"role": "user", "text": "jacket for women under $5"}],
                    "labels": {
                        "constraints": {"category_any": ["jacket", "coat"], "ideal_for": "women", "price_max": 5},
                        "unsatisfiable": True,
                    },
                }
            ),
        ],
    )
    out = tmp_path / "out"
    command = [
        sys.executable,
        "-m",
        "ui.cli",
        "eval",
        "dialogues",
        "--logs",
        str(logs),
        "--out",
        str(out),
        "--data-dir",
        str(demo_settings.data_dir),
        "--backend",
        "none",
        "--workers",
        "2",
    ]
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert "faithful_reply_rate" in done.stdout and "report.html" in done.stdout
    report = json.loads((out / "report.json").read_text())
    metrics = report["metrics"]
    assert report["turns"] == 3 and report["meta"]["llm_backend"] == "none"
    assert metrics["intent_accuracy"]["value"] == 1.0
    assert metrics["constraint_precision"]["value"] == 1.0 and metrics["honest_empty_rate"]["value"] == 1.0
    assert metrics["hallucinated_products_per_100"]["value"] == 0 and metrics["wrong_prices_per_100"]["value"] == 0
    rows = [json.loads(line) for line in (out / "turns.jsonl").read_text().splitlines()]
    second = next(r for r in rows if r["dialogue_id"] == "jackets" and r["turn"] == 1)
    assert second["counts"]["cards_checked"] >= 1  # black, for women, under $150: still checked

    again = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    assert again.returncode == 0 and "0 evaluated now, 2 already done" in again.stdout


def test_eval_compare_runs_two_configs_over_one_log(demo_settings, tmp_path):
    logs = tmp_path / "logs.jsonl"
    write_dialogues(logs, [Dialogue.model_validate({"id": "mug", "turns": [{"role": "user", "text": "ceramic mug"}]})])
    for name, k in (("a", 60), ("b", 10)):
        (tmp_path / f"{name}.yaml").write_text(f"llm_backend: none\nrrf_k: {k}\n")
    env = {**os.environ, "PYTHONPATH": str(REPO)}
    command = [sys.executable, "-m", "ui.cli", "eval", "compare", str(tmp_path / "a.yaml"), str(tmp_path / "b.yaml")]
    command += ["--logs", str(logs), "--out", str(tmp_path / "ab"), "--data-dir", str(demo_settings.data_dir)]
    done = subprocess.run(command, capture_output=True, text=True, timeout=300, env=env, cwd=REPO)
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "ab" / "a" / "report.json").is_file() and (tmp_path / "ab" / "b" / "report.json").is_file()
    result = json.loads((tmp_path / "ab" / "compare.json").read_text())
    assert result["paired_dialogues"] == 1 and result["a"]["meta"]["settings"]["rrf_k"] == 60
