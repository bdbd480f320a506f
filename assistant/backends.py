"""LLM backends: chat messages in, text deltas out.

Three interchangeable backends behind one small protocol:

- `TransformersBackend`: the model in this process with Hugging Face transformers (+ peft LoRA).
- `VLLMBackend`: vLLM's offline `LLM` in this process (needs vllm importable here; rarely the case,
  since vLLM lives in its own venv, see scripts/setup-vllm.sh).
- `OpenAIBackend`: any OpenAI-compatible server, typically vLLM's api_server from .venv-vllm.

`adapter` is a LoRA adapter folder for the in-process backends and a served model name for the
OpenAI backend (vLLM serves each `--lora-modules NAME=DIR` under NAME). `adapter=None` always means
the base model; callers that want the configured adapter pass `settings.llm_adapter`.
"""

from __future__ import annotations

import atexit
import json
import os
import queue
import threading
from collections.abc import Iterator
from contextlib import nullcontext
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any, Protocol

from common.errors import ShopAssistError
from common.models import llm_model_path
from common.settings import Settings

if TYPE_CHECKING:  # openai and httpx are imported where used: openai alone takes ~1 s to import
    import httpx
    import openai


class BackendError(Exception):
    """The LLM backend failed at run time: unreachable server, timeout, generation crash."""


@dataclass
class Sampling:
    max_new_tokens: int
    temperature: float  # 0 means greedy
    top_p: float
    seed: int = 0

    @classmethod
    def from_settings(cls, settings: Settings, seed: int = 0) -> Sampling:
        return cls(settings.max_new_tokens, settings.temperature, settings.top_p, seed)


class Backend(Protocol):
    name: str

    def stream(
        self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None
    ) -> Iterator[str]: ...


def _adapter_dir(adapter: str) -> Path:
    path = Path(adapter)
    if not (path / "adapter_config.json").is_file():
        raise ShopAssistError(
            f"LoRA adapter folder {path} has no adapter_config.json; point SHOPASSIST_LLM_ADAPTER "
            "at a folder written by peft's save_pretrained (e.g. a finetune run's output)"
        )
    return path.resolve()


# --------------------------------------------------------------------------------------------
# transformers


class _Cancelled:
    """A StoppingCriteria that ends generation once the consumer has gone away or timed out."""

    def __init__(self) -> None:
        self.event = threading.Event()

    def __call__(self, input_ids: Any, scores: Any, **kwargs: Any) -> bool:
        return self.event.is_set()


class TransformersBackend:
    name = "transformers"

    def __init__(self, settings: Settings) -> None:
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        self.settings = settings
        self.path = llm_model_path(settings)
        self.device = "cuda" if torch.cuda.is_available() else "cpu"
        dtype = torch.bfloat16 if self.device == "cuda" else torch.float32
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(self.path)
            model = AutoModelForCausalLM.from_pretrained(self.path, dtype=dtype)
        except OSError as exc:
            raise ShopAssistError(
                f"cannot load LLM '{self.path}' offline: {exc}. Set SHOPASSIST_LLM_MODEL to a "
                "local Hugging Face model folder, or use the bundled default"
            ) from exc
        self.model = model.to(self.device).eval()
        # The PeftModel wrapping self.model, created on the first adapter. peft injects LoRA layers
        # into self.model in place, so from then on the base model is only reachable through
        # `self.peft.disable_adapter()`; never call self.model.generate directly after that.
        self.peft: Any = None
        self.adapters: dict[Path, str] = {}  # adapter folder -> peft adapter name
        # One generation at a time: generate is not re-entrant and the active adapter is global.
        self.lock = threading.Lock()
        # Generations still running, stopped and awaited when the process exits: a reply whose
        # time budget ran out leaves its generation to end at its next token, and a torch thread
        # still inside generate when the interpreter finalises aborts the process ("terminate
        # called without an active exception", exit 134) after the reply was already shown.
        self._running: dict[threading.Thread, _Cancelled] = {}
        atexit.register(self.stop_all)

    def stop_all(self, timeout_s: float = 10.0) -> None:
        """Stop every running generation and wait for it (at most timeout_s each)."""
        for thread, cancel in list(self._running.items()):
            cancel.event.set()
            thread.join(timeout=timeout_s)

    def _load_adapter(self, adapter: str) -> str:
        path = _adapter_dir(adapter)
        if path in self.adapters:
            return self.adapters[path]
        from peft import PeftModel

        name = f"a{len(self.adapters)}"
        try:
            if self.peft is None:
                self.peft = PeftModel.from_pretrained(self.model, str(path), adapter_name=name)
                self.peft.eval()
            else:
                self.peft.load_adapter(str(path), adapter_name=name)
        except Exception as exc:  # shape mismatch, bad config: the adapter does not fit the model
            raise ShopAssistError(
                f"cannot load LoRA adapter {path} onto {self.path}: {exc}. Was it trained on this base model?"
            ) from exc
        self.adapters[path] = name
        return name

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        import torch
        from transformers import StoppingCriteriaList, TextIteratorStreamer

        if adapter is not None:
            with self.lock:  # loading mutates the model; wait for a running generation
                adapter_name: str | None = self._load_adapter(adapter)
        else:
            adapter_name = None

        inputs = self.tokenizer.apply_chat_template(
            messages, add_generation_prompt=True, return_tensors="pt", return_dict=True
        ).to(self.device)
        # The timeout bounds each wait for the next delta once this generation has started; the
        # wait for the lock is not timed, since it is bounded by the (time-limited) generations
        # queued ahead, and under load a queue of them can legitimately exceed the timeout.
        streamer = TextIteratorStreamer(
            self.tokenizer,
            skip_prompt=True,
            skip_special_tokens=True,
            timeout=self.settings.llm_timeout_s,
        )
        cancel = _Cancelled()
        kwargs: dict[str, Any] = dict(
            **inputs,
            max_new_tokens=sampling.max_new_tokens,
            streamer=streamer,
            stopping_criteria=StoppingCriteriaList([cancel]),
            pad_token_id=self.tokenizer.pad_token_id,
        )
        if sampling.temperature > 0:
            kwargs.update(do_sample=True, temperature=sampling.temperature, top_p=sampling.top_p)
        else:
            kwargs.update(do_sample=False)
        failure: list[BaseException] = []
        started = threading.Event()

        def generate() -> None:
            try:
                with self.lock:
                    started.set()
                    if cancel.event.is_set():  # the consumer went away while we waited
                        return
                    if adapter_name is not None:
                        self.peft.set_adapter(adapter_name)
                        model, ctx = self.peft, nullcontext()
                    elif self.peft is not None:
                        model, ctx = self.peft, self.peft.disable_adapter()
                    else:
                        model, ctx = self.model, nullcontext()
                    if self.device == "cpu":
                        # One intra-op thread per generation (a per-thread OpenMP setting): on a
                        # busy 2-core machine two threads spin-wait on each other, measured here
                        # at 1 token/s against 17 tokens/s with one.
                        torch.set_num_threads(1)
                    torch.manual_seed(sampling.seed)  # global RNG, safe under the lock
                    with ctx, torch.inference_mode():
                        model.generate(**kwargs)
            except BaseException as exc:  # surfaced to the consumer below
                failure.append(exc)
            finally:
                started.set()
                streamer.end()  # no-op after a normal end; unblocks the consumer after an error

        thread = threading.Thread(target=generate, name="llm-generate", daemon=True)
        for done in [t for t in list(self._running) if not t.is_alive()]:  # ended after their reply
            self._running.pop(done, None)
        self._running[thread] = cancel
        thread.start()
        try:
            started.wait()
            for text in streamer:
                if text:
                    yield text
        except queue.Empty:
            raise BackendError(
                f"the transformers backend produced nothing for {self.settings.llm_timeout_s:g}s "
                "(SHOPASSIST_LLM_TIMEOUT_S); the machine may be overloaded"
            ) from None
        finally:
            cancel.event.set()  # stops generation early if the consumer stopped reading
            # Wait for it here, also when the consumer closed the stream early: a generation
            # thread still running when the interpreter exits aborts the process ("terminate
            # called without an active exception"). The stop takes effect at the next token.
            thread.join(timeout=10.0)
            if not thread.is_alive():
                self._running.pop(thread, None)
        if failure:
            # torch reports a failed generation (out of memory, a device error) as RuntimeError;
            # anything else is a bug in our code and surfaces as itself.
            if isinstance(failure[0], RuntimeError | MemoryError):
                raise BackendError(f"generation failed: {failure[0]!r}") from failure[0]
            raise failure[0]


# --------------------------------------------------------------------------------------------
# vLLM, in process

# vLLM only accepts these LoRA ranks for max_lora_rank.
_VLLM_LORA_RANKS = (1, 8, 16, 32, 64, 128, 256, 320, 512)


class VLLMBackend:
    """vLLM's offline engine in this process.

    vLLM starts worker processes with spawn, so a script using this must guard its entry point
    with `if __name__ == "__main__":`. The offline engine does not stream: the whole completion
    comes as one delta. For streaming and concurrency, run vLLM's api_server and use
    OpenAIBackend.
    """

    name = "vllm"

    def __init__(self, settings: Settings) -> None:
        try:
            from vllm import LLM
        except ImportError as exc:
            raise ShopAssistError(
                f"the vllm backend needs vllm importable in this environment ({exc}). Run vLLM as "
                "a server instead: `bash scripts/setup-vllm.sh`, then `.venv-vllm/bin/python -m "
                "vllm.entrypoints.openai.api_server --model MODEL_DIR` (or `vllm serve`), and set "
                "SHOPASSIST_LLM_BACKEND=openai"
            ) from exc
        import torch

        cuda = torch.cuda.is_available()
        if not cuda:
            # GiB the CPU build reserves for its KV cache; its default is sized for big servers.
            os.environ.setdefault("VLLM_CPU_KVCACHE_SPACE", "2")
        self.settings = settings
        self.path = llm_model_path(settings)
        lora: dict[str, Any] = {}
        if settings.llm_adapter:
            rank = _lora_rank(_adapter_dir(settings.llm_adapter))
            fits = [r for r in _VLLM_LORA_RANKS if r >= rank]
            lora = dict(enable_lora=True, max_lora_rank=fits[0] if fits else rank)
        self.llm = LLM(
            model=self.path,
            dtype="bfloat16" if cuda else "float32",
            enforce_eager=not cuda,
            max_model_len=2048,
            seed=0,
            **lora,
        )
        self.lora_enabled = bool(lora)
        self.lora_ids: dict[Path, int] = {}  # adapter folder -> LoRARequest int id (from 1)
        self.lock = threading.Lock()  # LLM.chat is not meant for concurrent callers

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        from vllm import SamplingParams
        from vllm.exceptions import VLLMError
        from vllm.lora.request import LoRARequest

        lora_request = None
        if adapter is not None:
            if not self.lora_enabled:
                raise ShopAssistError(
                    "the vllm backend was started without LoRA; set SHOPASSIST_LLM_ADAPTER to an "
                    "adapter folder before starting it so vLLM enables LoRA"
                )
            path = _adapter_dir(adapter)
            lora_id = self.lora_ids.setdefault(path, len(self.lora_ids) + 1)
            lora_request = LoRARequest(f"adapter{lora_id}", lora_id, str(path))
        params = SamplingParams(
            max_tokens=sampling.max_new_tokens,
            temperature=sampling.temperature,
            top_p=sampling.top_p if sampling.temperature > 0 else 1.0,
            seed=sampling.seed,
        )
        try:
            with self.lock:
                outputs = self.llm.chat(messages, params, lora_request=lora_request, use_tqdm=False)
        except (VLLMError, RuntimeError, ValueError) as exc:
            # vLLM's own errors, a prompt longer than max_model_len (ValueError), engine and
            # torch failures (RuntimeError); anything else is a bug and surfaces as itself.
            raise BackendError(f"vLLM generation failed: {exc}") from exc
        text = outputs[0].outputs[0].text
        if text:
            yield text


def _lora_rank(path: Path) -> int:
    return int(json.loads((path / "adapter_config.json").read_text()).get("r", 8))


# --------------------------------------------------------------------------------------------
# OpenAI-compatible HTTP server (vLLM api_server, or anything speaking /v1/chat/completions)


class OpenAIBackend:
    name = "openai"

    def __init__(self, settings: Settings, http_client: httpx.Client | None = None) -> None:
        """`http_client` replaces the HTTP layer (tests pass one with an `httpx.MockTransport`)."""
        import openai

        self.settings = settings
        self.base_url = settings.openai_base_url
        # No retries: a dead server should fail fast, and a retried stream could repeat text.
        self.client = openai.OpenAI(
            base_url=self.base_url,
            api_key=settings.openai_api_key,
            timeout=settings.llm_timeout_s,
            max_retries=0,
            http_client=http_client,
        )
        self._served_model: str | None = settings.openai_model

    def _error(self, exc: openai.APIError | httpx.HTTPError, mid_reply: bool = False) -> BackendError:
        import openai

        where = f"the OpenAI-compatible server at {self.base_url}"
        if mid_reply:  # the client reports a dropped stream as a connection error; say what it is
            msg = f"{where} stopped mid-reply: {exc.__cause__ or exc}"
        elif isinstance(exc, openai.APITimeoutError):
            msg = f"{where} did not answer within {self.settings.llm_timeout_s:g}s (SHOPASSIST_LLM_TIMEOUT_S)"
        elif isinstance(exc, openai.APIConnectionError):
            msg = (
                f"cannot reach {where}: {exc}. Start it (e.g. `.venv-vllm/bin/python -m "
                "vllm.entrypoints.openai.api_server --model MODEL_DIR`) or fix "
                "SHOPASSIST_OPENAI_BASE_URL"
            )
        elif isinstance(exc, openai.APIStatusError):
            msg = f"{where} answered {exc.status_code}: {exc.message}"
        else:
            msg = f"{where} failed: {exc!r}"
        return BackendError(msg)

    def model_for(self, adapter: str | None) -> str:
        """The `model` field to send: the adapter's served name, the configured model, or the
        first model the server lists."""
        if adapter is not None:
            return adapter
        if self._served_model is None:
            import httpx
            import openai

            try:
                models = self.client.models.list().data
            except (openai.APIError, httpx.HTTPError) as exc:
                raise self._error(exc) from exc
            if not models:
                raise BackendError(f"the server at {self.base_url} serves no model")
            self._served_model = models[0].id
        return self._served_model

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        import httpx
        import openai

        model = self.model_for(adapter)
        streamed = False
        try:
            chunks = self.client.chat.completions.create(
                model=model,
                messages=messages,  # type: ignore[arg-type]
                max_tokens=sampling.max_new_tokens,
                temperature=sampling.temperature,
                top_p=sampling.top_p if sampling.temperature > 0 else 1.0,
                seed=sampling.seed,
                stream=True,
            )
            with chunks:  # closes the HTTP response if the consumer stops early
                for chunk in chunks:
                    if chunk.choices and chunk.choices[0].delta.content:
                        streamed = True
                        yield chunk.choices[0].delta.content
        except (openai.APIError, httpx.HTTPError) as exc:
            # httpx errors too: some openai versions let transport errors raised while iterating
            # the stream through unwrapped. Anything else is a bug and surfaces as itself.
            raise self._error(exc, mid_reply=streamed) from exc


# --------------------------------------------------------------------------------------------
# no model


class NoBackend:
    """Generation switched off (`llm_backend: none`): the stream is empty, so the core answers
    with its deterministic text from the records. A baseline for evaluation, and a way to serve
    without a model."""

    name = "none"

    def stream(self, messages: list[dict[str, str]], sampling: Sampling, adapter: str | None = None) -> Iterator[str]:
        return iter(())


# --------------------------------------------------------------------------------------------


def make_backend(settings: Settings) -> Backend:
    """Build the configured backend (loads the model for the in-process ones)."""
    if settings.llm_backend == "transformers":
        return TransformersBackend(settings)
    if settings.llm_backend == "vllm":
        return VLLMBackend(settings)
    if settings.llm_backend == "openai":
        return OpenAIBackend(settings)
    if settings.llm_backend == "none":
        return NoBackend()
    raise ShopAssistError(f"unknown llm_backend '{settings.llm_backend}'; use transformers, vllm, openai or none")
