"""LLM backends: TransformersBackend on the bundled SmolLM2 (marked `model`), and OpenAIBackend's
requests and error mapping over an `httpx.MockTransport` and a real dead port (no model, fast)."""

from __future__ import annotations

import json
import os
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path

import httpx
import pytest

from assistant.backends import BackendError, OpenAIBackend, Sampling, TransformersBackend
from common.errors import ShopAssistError
from common.settings import Settings
from common.vllm_server import free_port

REPO = Path(__file__).resolve().parent.parent
MESSAGES = [{"role": "user", "content": "Suggest a warm jacket for winter hiking."}]
GREEDY = Sampling(max_new_tokens=24, temperature=0.0, top_p=1.0)
BASE_URL = "http://llm.test/v1"


# --- OpenAIBackend over a mock transport ------------------------------------------------------


def openai_backend(handler: Callable[[httpx.Request], httpx.Response], **settings) -> OpenAIBackend:
    values = {"openai_base_url": BASE_URL, "openai_model": "served", "llm_timeout_s": 2.0} | settings
    return OpenAIBackend(Settings(**values), http_client=httpx.Client(transport=httpx.MockTransport(handler)))


def chunk(delta: str) -> bytes:
    body = {
        "id": "c1",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "served",
        "choices": [{"index": 0, "delta": {"content": delta}, "finish_reason": None}],
    }
    return f"data: {json.dumps(body)}\n\n".encode()


def event_stream(*deltas: str) -> httpx.Response:
    content = b"".join(chunk(d) for d in deltas) + b"data: [DONE]\n\n"
    return httpx.Response(200, headers={"content-type": "text/event-stream"}, content=content)


class DroppedStream(httpx.SyncByteStream):
    """A response body that sends one chunk, then the connection drops."""

    def __iter__(self) -> Iterator[bytes]:
        yield chunk("The first words")
        raise httpx.RemoteProtocolError("peer closed connection without sending complete message body")


def test_openai_streams_deltas_and_sends_the_request() -> None:
    bodies: list[dict] = []

    def handler(request: httpx.Request) -> httpx.Response:
        assert request.url.path == "/v1/chat/completions"
        bodies.append(json.loads(request.content))
        return event_stream("Hello", " there.")

    backend = openai_backend(handler)
    assert list(backend.stream(MESSAGES, GREEDY)) == ["Hello", " there."]
    assert bodies[0]["model"] == "served" and bodies[0]["messages"] == MESSAGES and bodies[0]["stream"] is True
    assert (bodies[0]["max_tokens"], bodies[0]["temperature"], bodies[0]["top_p"]) == (24, 0.0, 1.0)
    list(backend.stream(MESSAGES, Sampling(max_new_tokens=8, temperature=0.7, top_p=0.9), adapter="support"))
    assert bodies[1]["model"] == "support" and bodies[1]["top_p"] == 0.9  # a LoRA module by its served name


def test_openai_model_defaults_to_the_first_served() -> None:
    served: list[dict] = [{"id": "smollm2", "object": "model", "created": 0, "owned_by": "vllm"}]

    def handler(request: httpx.Request) -> httpx.Response:
        if request.url.path == "/v1/models":
            return httpx.Response(200, json={"object": "list", "data": served})
        assert json.loads(request.content)["model"] == "smollm2"
        return event_stream("ok")

    assert list(openai_backend(handler, openai_model=None).stream(MESSAGES, GREEDY)) == ["ok"]
    served.clear()
    with pytest.raises(BackendError, match=f"the server at {BASE_URL} serves no model"):
        list(openai_backend(handler, openai_model=None).stream(MESSAGES, GREEDY))


def refuse(request: httpx.Request) -> httpx.Response:
    raise httpx.ConnectError("connection refused", request=request)


def time_out(request: httpx.Request) -> httpx.Response:
    raise httpx.ReadTimeout("timed out", request=request)


def not_found(request: httpx.Request) -> httpx.Response:
    return httpx.Response(404, json={"error": {"message": "The model `served` does not exist."}})


def overloaded(request: httpx.Request) -> httpx.Response:
    return httpx.Response(503, json={"error": {"message": "busy"}})


@pytest.mark.parametrize(
    ("handler", "message"),
    [
        (refuse, f"cannot reach the OpenAI-compatible server at {BASE_URL}: .*SHOPASSIST_OPENAI_BASE_URL"),
        (time_out, f"server at {BASE_URL} did not answer within 2s \\(SHOPASSIST_LLM_TIMEOUT_S\\)"),
        (not_found, f"server at {BASE_URL} answered 404: .*does not exist"),
        (overloaded, "answered 503"),
    ],
)
def test_openai_errors_become_one_backend_error(handler, message) -> None:
    with pytest.raises(BackendError, match=message) as info:
        list(openai_backend(handler).stream(MESSAGES, GREEDY))
    assert "\n" not in str(info.value)


def test_openai_connection_dropped_mid_stream() -> None:
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(200, headers={"content-type": "text/event-stream"}, stream=DroppedStream())

    deltas: list[str] = []
    with pytest.raises(BackendError, match=f"server at {BASE_URL} stopped mid-reply: peer closed connection"):
        for delta in openai_backend(handler).stream(MESSAGES, GREEDY):
            deltas.append(delta)
    assert deltas == ["The first words"]  # what came before the drop was streamed


def test_openai_unreachable_server_fails_fast() -> None:
    # Real HTTP, no mock: nothing listens on a port we just bound and released.
    backend = OpenAIBackend(Settings(openai_base_url=f"http://127.0.0.1:{free_port()}/v1", openai_model="m"))
    start = time.monotonic()
    with pytest.raises(BackendError, match="cannot reach"):
        list(backend.stream(MESSAGES, GREEDY))
    assert time.monotonic() - start < 5


# --- TransformersBackend on the bundled SmolLM2 -----------------------------------------------


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


@pytest.mark.model
def test_streams_text(backend: TransformersBackend) -> None:
    deltas = list(backend.stream(MESSAGES, GREEDY))
    assert len(deltas) > 1
    assert "".join(deltas).strip()


@pytest.mark.model
def test_sampling_with_seed_is_reproducible(backend: TransformersBackend) -> None:
    sampling = Sampling(max_new_tokens=16, temperature=0.8, top_p=0.9, seed=7)
    first = "".join(backend.stream(MESSAGES, sampling))
    assert first == "".join(backend.stream(MESSAGES, sampling))


@pytest.mark.model
def test_adapter_changes_output_and_none_means_base(backend: TransformersBackend, random_adapter: str) -> None:
    base = generate(backend)
    tuned = generate(backend, adapter=random_adapter)
    assert tuned != base
    # After an adapter was loaded (LoRA layers now live in the model), None is still the base.
    assert generate(backend, adapter=None) == base
    assert generate(backend, adapter=random_adapter) == tuned


@pytest.mark.model
def test_concurrent_streams_do_not_mix(backend: TransformersBackend) -> None:
    expected = generate(backend)
    results: list[str] = []
    threads = [threading.Thread(target=lambda: results.append(generate(backend))) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(timeout=120)
    assert results == [expected, expected]


@pytest.mark.model
def test_early_stop_releases_the_model(backend: TransformersBackend) -> None:
    stream = backend.stream(MESSAGES, Sampling(max_new_tokens=400, temperature=0.0, top_p=1.0))
    next(stream)
    stream.close()  # the generation thread must stop, or the next call waits for 400 tokens
    assert backend.lock.acquire(timeout=10)
    backend.lock.release()


@pytest.mark.model
def test_an_abandoned_generation_is_stopped_and_awaited_at_exit(backend: TransformersBackend) -> None:
    # A reply past its time budget leaves its stream unread and unclosed (the watcher thread gave
    # up on it); at exit the generation must end, or torch aborts the process after the reply.
    stream = backend.stream(MESSAGES, Sampling(max_new_tokens=400, temperature=0.0, top_p=1.0))
    next(stream)
    running = [t for t in backend._running if t.is_alive()]
    assert running
    backend.stop_all()  # what atexit runs
    assert not any(t.is_alive() for t in running)
    stream.close()


@pytest.mark.model
def test_bad_adapter_folder_is_a_user_error(backend: TransformersBackend, tmp_path: Path) -> None:
    with pytest.raises(ShopAssistError, match="adapter_config.json"):
        generate(backend, adapter=str(tmp_path))


@pytest.mark.model
def test_generation_failure_is_a_backend_error_and_a_bug_surfaces(
    backend: TransformersBackend, monkeypatch: pytest.MonkeyPatch
) -> None:
    def out_of_memory(**kwargs):
        raise RuntimeError("CPU out of memory")

    monkeypatch.setattr(backend.model, "generate", out_of_memory)
    with pytest.raises(BackendError, match="generation failed: RuntimeError"):
        generate(backend)

    def bug(**kwargs):
        raise TypeError("generate() got an unexpected keyword argument")

    monkeypatch.setattr(backend.model, "generate", bug)
    with pytest.raises(TypeError, match="unexpected keyword"):  # not hidden behind the fallback
        generate(backend)
