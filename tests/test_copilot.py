"""The agents' copilot through the CLI: intent, cited policy passages, mentioned products."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.conftest import free_port

pytestmark = pytest.mark.model


def test_copilot_cli_cites_policy_and_finds_products(demo_settings, demo_products, tmp_path):
    product = next(p for p in demo_products if "Jacket" in p.title)
    conversation = tmp_path / "conv.jsonl"
    conversation.write_text(
        "\n".join(
            json.dumps(t)
            for t in [
                {"role": "customer", "content": f"My {product.title} arrived with a broken zip."},
                {"role": "agent", "content": "I'm sorry! Could you send a photo?"},
                {"role": "customer", "content": "Sure. Is this covered by the warranty?"},
            ]
        )
    )
    out = subprocess.run(
        [
            sys.executable,
            "-m",
            "ui.cli",
            "copilot",
            str(conversation),
            "--data-dir",
            str(demo_settings.data_dir),
            "--backend",
            "openai",
            "--config",
            str(_dead_backend_config(tmp_path)),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    result = json.loads(out.stdout)
    assert result["products"][0]["id"] == product.id
    assert any(p["source"] == "warranty.md" for p in result["policies"])
    # The LLM server is down: the agent still gets a suggestion built from the policy passage.
    assert result["used_fallback"] and "warranty" in result["suggested_reply"].lower()


def test_copilot_cli_rejects_bad_file(tmp_path, demo_settings):
    bad = tmp_path / "bad.json"
    bad.write_text("{not json")
    out = subprocess.run(
        [sys.executable, "-m", "ui.cli", "copilot", str(bad), "--data-dir", str(demo_settings.data_dir)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert out.returncode == 1 and "not JSON or JSONL" in out.stderr and "Traceback" not in out.stderr


def _dead_backend_config(tmp_path):
    config = tmp_path / "dead.yaml"
    config.write_text(f"openai_base_url: http://127.0.0.1:{free_port()}/v1\nopenai_model: none\n")
    return config
