"""TransformersBackend on the bundled SmolLM2 (converted once into the repo-local model cache)."""

from __future__ import annotations

import os
import threading
from pathlib import Path

import pytest

from assistant.backends import Sampling, TransformersBackend  # noqa: E402
from common.settings import Settings  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MESSAGES = [{"role": "user", "content": "Suggest a warm jacket for winter hiking."}]
GREEDY = Sampling(max_new_tokens=24, temperature=0.0, top_p=1.0)

pytestmark = pytest.mark.model


@pytest.fixture(scope="session")
def settings() -> Settings:
    cache = os.environ.get("SHOPASSIST_MODEL_CACHE_DIR", str(REPO / ".cache" / "models"))
    return Settings(model_cache_dir=Path(cache))


@pytest.fixture(scope="session")
def backend(settings: Settings) -> TransformersBackend:
    return TransformersBackend(settings)


@pytest.fixture(scope="session")
def random_adapter(backend: TransformersBackend, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A LoRA adapter with random (non-zero) weights, so its output differs from the base."""
    import copy

    import torch
    from peft import LoraConfig, get_peft_model

    torch.manual_seed(0)
    config = LoraConfig(r=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    # A deep copy: get_peft_model injects layers in place and must not touch the shared backend.
    peft_model = get_peft_model(copy.deepcopy(backend.model), config)
    out = tmp_path_factory.mktemp("lora") / "random"
    peft_model.save_pretrained(out)
    return str(out)


def generate(backend: TransformersBackend, adapter: str | None = None) -> str:
    return "".join(backend.stream(MESSAGES, GREEDY, adapter=adapter))


def test_streams_text(backend: TransformersBackend) -> None:
    deltas = list(backend.stream(MESSAGES, GREEDY))
    assert len(deltas) > 1
    assert "".join(deltas).strip()


def test_greedy_is_deterministic(backend: TransformersBackend) -> None:
    assert generate(backend) == generate(backend)


def test_sampling_with_seed_is_reproducible(backend: TransformersBackend) -> None:
    sampling = Sampling(max_new_tokens=16, temperature=0.8, top_p=0.9, seed=7)
    first = "".join(backend.stream(MESSAGES, sampling))
    assert first == "".join(backend.stream(MESSAGES, sampling))


def test_adapter_changes_output_and_none_means_base(backend: TransformersBackend, random_adapter: str) -> None:
    base = generate(backend)
    tuned = generate(backend, adapter=random_adapter)
    assert tuned != base
    # After an adapter was loaded (LoRA layers now live in the model), None is still the base.
    assert generate(backend, adapter=None) == base
    assert generate(backend, adapter=random_adapter) == tuned


def test_concurrent_streams_do_not_mix(backend: TransformersBackend) -> None:
    expected = generate(backend)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(generate(backend))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [expected, expected]


def test_early_stop_releases_the_model(backend: TransformersBackend) -> None:
    stream = backend.stream(MESSAGES, Sampling(max_new_tokens=400, temperature=0.0, top_p=1.0))
    next(stream)
    stream.close()  # the generation thread must stop, or the next call waits for 400 tokens
    assert backend.lock.acquire(timeout=10)
    backend.lock.release()


def test_bad_adapter_folder_is_a_user_error(backend: TransformersBackend, tmp_path: Path) -> None:
    from common.errors import ShopAssistError

    with pytest.raises(ShopAssistError, match="adapter_config.json"):
        generate(backend, adapter=str(tmp_path))
