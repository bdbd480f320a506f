"""One settings object: defaults < YAML file < environment < CLI flags; one clear error."""

from __future__ import annotations

from pathlib import Path

import pytest

from common.errors import ShopAssistError
from common.settings import Settings, load_settings


def test_precedence(tmp_path, monkeypatch):
    config = tmp_path / "c.yaml"
    config.write_text("mmr_lambda: 0.5\nrrf_k: 30\nllm_backend: openai\n")
    monkeypatch.delenv("SHOPASSIST_RRF_K", raising=False)
    settings = load_settings(config)
    assert (settings.mmr_lambda, settings.rrf_k, settings.llm_backend) == (0.5, 30, "openai")
    monkeypatch.setenv("SHOPASSIST_RRF_K", "45")
    assert load_settings(config).rrf_k == 45  # environment beats the file
    assert load_settings(config, rrf_k=12).rrf_k == 12  # a CLI flag beats both
    monkeypatch.setenv("SHOPASSIST_CONFIG", str(config))
    assert load_settings().mmr_lambda == 0.5  # the file can come from the environment too
    assert load_settings(data_dir=None).data_dir == Path(".shopassist/data")  # None means "not given"


def test_errors_are_one_clear_line(tmp_path, monkeypatch):
    monkeypatch.setenv("SHOPASSIST_LLM_BACKEND", "bogus")
    with pytest.raises(ShopAssistError, match=r"llm_backend \(SHOPASSIST_LLM_BACKEND\)") as info:
        load_settings()
    assert "\n" not in str(info.value)
    monkeypatch.delenv("SHOPASSIST_LLM_BACKEND")
    bad = tmp_path / "bad.yaml"
    bad.write_text("- a\n- list\n")
    with pytest.raises(ShopAssistError, match="must hold a mapping"):
        load_settings(bad)
    with pytest.raises(ShopAssistError, match="does not exist"):
        load_settings(tmp_path / "missing.yaml")


def test_the_cli_file_beats_the_env_file_and_is_recorded(tmp_path, monkeypatch):
    from_env, from_cli = tmp_path / "env.yaml", tmp_path / "cli.yaml"
    from_env.write_text("rrf_k: 11\nmmr_lambda: 0.2\n")
    from_cli.write_text("rrf_k: 22\n")
    monkeypatch.delenv("SHOPASSIST_RRF_K", raising=False)
    monkeypatch.delenv("SHOPASSIST_MMR_LAMBDA", raising=False)
    monkeypatch.setenv("SHOPASSIST_CONFIG", str(from_env))
    assert (Settings().rrf_k, Settings().config) == (11, from_env)  # direct construction reads it too
    settings = load_settings(from_cli)
    assert (settings.rrf_k, settings.mmr_lambda, settings.config) == (22, 0.7, from_cli)  # one file: --config


def test_file_errors_name_the_file_and_the_setting(tmp_path, monkeypatch):
    monkeypatch.delenv("SHOPASSIST_CONFIG", raising=False)
    config = tmp_path / "c.yaml"
    config.write_text("rrf_k: [1\n")
    with pytest.raises(ShopAssistError, match=f"config file {config} is not valid YAML"):
        load_settings(config)
    config.write_text("rrf_kk: 3\n")
    with pytest.raises(ShopAssistError, match=r"rrf_kk \(SHOPASSIST_RRF_KK\): Extra inputs are not permitted"):
        load_settings(config)
    config.write_text("rrf_k: many\n")
    with pytest.raises(ShopAssistError, match=r"rrf_k \(SHOPASSIST_RRF_K\): Input should be a valid integer"):
        load_settings(config)
