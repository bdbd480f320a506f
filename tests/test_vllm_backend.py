"""OpenAIBackend against a real vLLM server (CPU build from .venv-vllm) serving the bundled SmolLM2.

One server per module (~40 s to start on 2 cores), with a random LoRA adapter served beside the
base model so the `--lora-modules` path is exercised too.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest

from assistant.backends import BackendError, OpenAIBackend, Sampling  # noqa: E402
from common.models import llm_model_path  # noqa: E402
from common.settings import Settings  # noqa: E402
from common.vllm_server import start_vllm_server, vllm_available  # noqa: E402

REPO = Path(__file__).resolve().parent.parent
MESSAGES = [{"role": "user", "content": "Suggest a warm jacket for winter hiking."}]
GREEDY = Sampling(max_new_tokens=24, temperature=0.0, top_p=1.0)

pytestmark = [
    pytest.mark.vllm,
    pytest.mark.model,
    pytest.mark.skipif(not vllm_available(), reason=".venv-vllm missing; run `bash scripts/setup-vllm.sh`"),
]


@pytest.fixture(scope="session")
def settings() -> Settings:
    cache = os.environ.get("SHOPASSIST_MODEL_CACHE_DIR", str(REPO / ".cache" / "models"))
    return Settings(model_cache_dir=Path(cache))


@pytest.fixture(scope="module")
def random_adapter(settings: Settings, tmp_path_factory: pytest.TempPathFactory) -> str:
    """A rank-8 LoRA adapter with random weights, so its output differs from the base."""
    import torch
    from peft import LoraConfig, get_peft_model
    from transformers import AutoModelForCausalLM

    torch.manual_seed(0)
    model = AutoModelForCausalLM.from_pretrained(llm_model_path(settings))
    config = LoraConfig(r=8, target_modules=["q_proj", "v_proj"], init_lora_weights=False)
    out = tmp_path_factory.mktemp("lora") / "random"
    get_peft_model(model, config).save_pretrained(out)
    return str(out)


@pytest.fixture(scope="module")
def server_url(settings: Settings, random_adapter: str, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    with start_vllm_server(
        llm_model_path(settings),
        lora_modules={"random": random_adapter},
        max_lora_rank=8,
        log_dir=tmp_path_factory.mktemp("vllm-log"),
    ) as url:
        yield url


@pytest.fixture(scope="module")
def backend(settings: Settings, server_url: str) -> OpenAIBackend:
    return OpenAIBackend(settings.model_copy(update={"openai_base_url": server_url}))


def generate(backend: OpenAIBackend, adapter: str | None = None) -> str:
    return "".join(backend.stream(MESSAGES, GREEDY, adapter=adapter))


def test_streams_several_deltas(backend: OpenAIBackend) -> None:
    deltas = list(backend.stream(MESSAGES, GREEDY))
    assert len(deltas) > 1
    assert "".join(deltas).strip()


def test_greedy_is_deterministic(backend: OpenAIBackend) -> None:
    assert generate(backend) == generate(backend)


def test_lora_module_by_name(backend: OpenAIBackend) -> None:
    base = generate(backend)
    tuned = generate(backend, adapter="random")
    assert tuned.strip() and tuned != base
    assert generate(backend, adapter="random") == tuned


def test_unknown_model_is_backend_error(backend: OpenAIBackend) -> None:
    with pytest.raises(BackendError, match="404"):
        generate(backend, adapter="no-such-adapter")


def test_inprocess_vllm_engine_matches_the_server_with_lora(
    server_url: str, random_adapter: str, tmp_path: Path
) -> None:
    """VLLMBackend (vllm.LLM + LoRARequest), run in vLLM's own environment, gives the server's
    greedy reply for the same adapter."""
    from common.vllm_server import vllm_inprocess_replies

    (inprocess,) = vllm_inprocess_replies(random_adapter, [MESSAGES], GREEDY.max_new_tokens)
    served = "".join(OpenAIBackend(Settings(openai_base_url=server_url)).stream(MESSAGES, GREEDY, adapter="random"))
    assert inprocess.strip() and inprocess.strip() == served.strip()
