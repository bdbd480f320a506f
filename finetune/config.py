"""Fine-tuning configuration: one dataclass, filled from defaults < YAML file < CLI overrides."""

from __future__ import annotations

import dataclasses
import types
import typing
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from common.errors import ShopAssistError
from common.settings import BUNDLED, read_yaml_config

LLAMA_PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


@dataclass
class FinetuneConfig:
    # Model: "bundled" = the SmolLM2-135M-Instruct safetensors folder from common.models.
    base_model: str = BUNDLED

    # LoRA
    lora_r: int = 8
    lora_alpha: int = 16
    lora_dropout: float = 0.05
    target_modules: list[str] = field(default_factory=lambda: list(LLAMA_PROJECTIONS))

    # Optimisation
    learning_rate: float = 2e-4
    lr_scheduler_type: str = "cosine"
    warmup_ratio: float = 0.05
    weight_decay: float = 0.0
    num_train_epochs: float = 1.0
    max_steps: int = -1  # > 0 overrides num_train_epochs
    per_device_train_batch_size: int = 4
    gradient_accumulation_steps: int = 1
    max_length: int = 256  # tokens per sample (longer ones are truncated, keeping the start)
    seed: int = 42

    # Data
    val_fraction: float = 0.1
    max_chars: int = 6000  # samples longer than this (all messages) are dropped
    placeholders: str = "keep"  # "keep" or "neutral" for {{Slot}} markers (see finetune/data.py)

    # Evaluation / logging / checkpoints
    eval_samples: int = 20  # validation samples for ROUGE-L and side-by-side replies
    eval_max_new_tokens: int = 192
    logging_steps: int = 10
    save_steps: int = 50
    save_total_limit: int = 2
    # Wall-clock guard: stop training (and save) after this many minutes; None = no limit.
    max_train_minutes: float | None = None

    # Precision: None = automatic (bf16 on a CUDA GPU that supports it, fp32 otherwise). True on
    # CPU loads the frozen base in bfloat16 and autocasts: ~2x faster where AMX/AVX512-BF16 exist.
    bf16: bool | None = None
    # QLoRA: None = automatic (4-bit base model when bitsandbytes imports and CUDA is present),
    # True = require it (error otherwise), False = never.
    qlora: bool | None = None
    gradient_checkpointing: bool = False  # saves GPU memory; only slows a 135M model on CPU
    # CPU threads for torch. None = automatic: the cores not already busy (1-minute load average),
    # at least 1. On a shared machine two threads fighting another job for two cores run 2-3x
    # slower than one thread, because every parallel region waits for the descheduled thread.
    # Runs are bit-for-bit reproducible for a seed at a fixed thread count; the count used is
    # recorded in training_info.json / report.json, so set it here to repeat a run exactly.
    cpu_threads: int | None = None

    def to_dict(self) -> dict[str, Any]:
        return dataclasses.asdict(self)


def field_names() -> list[str]:
    return [f.name for f in dataclasses.fields(FinetuneConfig)]


def load_config(yaml_path: Path | str | None = None, overrides: dict[str, Any] | None = None) -> FinetuneConfig:
    """Defaults, then the YAML file's values, then `overrides` (CLI flags; None = not given)."""
    values: dict[str, Any] = {}
    if yaml_path is not None:
        values.update(_read_yaml(Path(yaml_path)))
    values.update({k: v for k, v in (overrides or {}).items() if v is not None})
    known = set(field_names())
    unknown = sorted(set(values) - known)
    if unknown:
        where = f" (in {yaml_path} or the command line)" if yaml_path else ""
        raise ShopAssistError(
            f"unknown fine-tuning setting(s) {', '.join(unknown)}{where}; "
            f"valid settings are: {', '.join(sorted(known))}"
        )
    hints = typing.get_type_hints(FinetuneConfig)
    coerced = {name: _coerce(name, value, hints[name]) for name, value in values.items()}
    config = FinetuneConfig(**coerced)
    _validate(config)
    return config


def _read_yaml(path: Path) -> dict[str, Any]:
    return read_yaml_config(path, what="fine-tuning config")


def _coerce(name: str, value: Any, hint: Any) -> Any:
    """Convert YAML/CLI values to the field's type (YAML reads `2e-4` as text, CLI gives text)."""
    args = typing.get_args(hint)
    if isinstance(hint, types.UnionType) or typing.get_origin(hint) is typing.Union:
        if value is None or (isinstance(value, str) and value.lower() in ("none", "null", "auto")):
            if type(None) in args:
                return None
        hint = next(a for a in args if a is not type(None))
        args = typing.get_args(hint)
    try:
        if typing.get_origin(hint) is list:
            if isinstance(value, str):
                value = [v.strip() for v in value.split(",") if v.strip()]
            if not isinstance(value, list):
                raise ValueError("expected a list")
            return [_coerce(name, v, args[0]) for v in value]
        if hint is bool:
            if isinstance(value, bool):
                return value
            if str(value).lower() in ("true", "1", "yes", "on"):
                return True
            if str(value).lower() in ("false", "0", "no", "off"):
                return False
            raise ValueError("expected true or false")
        if hint is int:
            if isinstance(value, bool) or (isinstance(value, float) and not value.is_integer()):
                raise ValueError("expected a whole number")
            return int(float(value)) if isinstance(value, str) and "e" in value.lower() else int(value)
        if hint is float:
            if isinstance(value, bool):
                raise ValueError("expected a number")
            return float(value)
        if hint is str:
            if not isinstance(value, (str, int, float)):
                raise ValueError("expected text")
            return str(value)
    except (TypeError, ValueError) as exc:
        raise ShopAssistError(f"fine-tuning setting {name}={value!r} is invalid ({exc}); expected {hint}") from exc
    return value


def _validate(config: FinetuneConfig) -> None:
    problems = []
    if config.lora_r < 1:
        problems.append("lora_r must be >= 1")
    if not 0 <= config.lora_dropout < 1:
        problems.append("lora_dropout must be in [0, 1)")
    if config.learning_rate <= 0:
        problems.append("learning_rate must be > 0")
    if config.max_steps <= 0 and config.num_train_epochs <= 0:
        problems.append("set max_steps > 0 or num_train_epochs > 0")
    if config.per_device_train_batch_size < 1 or config.gradient_accumulation_steps < 1:
        problems.append("per_device_train_batch_size and gradient_accumulation_steps must be >= 1")
    if config.max_length < 16:
        problems.append("max_length must be >= 16 tokens")
    if not 0 <= config.val_fraction < 1:
        problems.append("val_fraction must be in [0, 1)")
    if config.placeholders not in ("keep", "neutral"):
        problems.append("placeholders must be 'keep' or 'neutral'")
    if not config.target_modules:
        problems.append("target_modules must name at least one module")
    if config.cpu_threads is not None and config.cpu_threads < 1:
        problems.append("cpu_threads must be >= 1 (or null for automatic)")
    if config.logging_steps < 1 or config.save_steps < 1:
        problems.append("logging_steps and save_steps must be >= 1")
    if problems:
        raise ShopAssistError("invalid fine-tuning config: " + "; ".join(problems))


def save_config(config: FinetuneConfig, path: Path) -> None:
    path.write_text(yaml.safe_dump(config.to_dict(), sort_keys=False))
