"""Fine-tuning configuration: one pydantic model, filled from defaults < YAML file < overrides.

Overrides come from the command line as `--set key=value` (see `parse_overrides`): each value is
read as YAML, like the file, so `--set lora_r=16`, `--set bf16=null` and
`--set target_modules=[q_proj,v_proj]` mean what they would in the file. The model validates
types and ranges and rejects unknown keys.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, Literal

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, model_validator

from common.errors import ShopAssistError
from common.settings import BUNDLED, read_yaml_config

LLAMA_PROJECTIONS = ["q_proj", "k_proj", "v_proj", "o_proj", "gate_proj", "up_proj", "down_proj"]


class FinetuneConfig(BaseModel):
    model_config = ConfigDict(extra="forbid")

    # Model: "bundled" = the SmolLM2-135M-Instruct safetensors folder from common.models.
    base_model: str = BUNDLED

    # LoRA
    lora_r: int = Field(8, ge=1)
    lora_alpha: int = Field(16, ge=1)
    lora_dropout: float = Field(0.05, ge=0, lt=1)
    target_modules: list[str] = Field(default_factory=lambda: list(LLAMA_PROJECTIONS), min_length=1)

    # Optimisation
    learning_rate: float = Field(2e-4, gt=0)
    lr_scheduler_type: str = "cosine"
    warmup_ratio: float = Field(0.05, ge=0, le=1)
    weight_decay: float = Field(0.0, ge=0)
    num_train_epochs: float = Field(1.0, ge=0)
    max_steps: int = -1  # > 0 overrides num_train_epochs
    per_device_train_batch_size: int = Field(4, ge=1)
    gradient_accumulation_steps: int = Field(1, ge=1)
    max_length: int = Field(256, ge=16)  # tokens per sample (longer ones are truncated, keeping the start)
    seed: int = 42

    # Data
    val_fraction: float = Field(0.1, ge=0, lt=1)
    max_chars: int = Field(6000, ge=1)  # samples longer than this (all messages) are dropped
    placeholders: Literal["keep", "neutral"] = "keep"  # {{Slot}} markers (see finetune/data.py)

    # Evaluation / logging / checkpoints
    eval_samples: int = Field(20, ge=0)  # validation samples for ROUGE-L and side-by-side replies
    eval_max_new_tokens: int = Field(192, ge=1)
    logging_steps: int = Field(10, ge=1)
    save_steps: int = Field(50, ge=1)
    save_total_limit: int = Field(2, ge=1)
    # Wall-clock guard: stop training (and save) after this many minutes; None = no limit.
    max_train_minutes: float | None = Field(None, gt=0)

    # Precision: None = automatic (bf16 on a CUDA GPU that supports it or a CPU with AMX /
    # AVX512-BF16, fp32 otherwise). bf16 on CPU loads the frozen base in bfloat16 and autocasts.
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
    cpu_threads: int | None = Field(None, ge=1)

    @model_validator(mode="after")
    def _trains_something(self) -> FinetuneConfig:
        if self.max_steps <= 0 and self.num_train_epochs <= 0:
            raise ValueError("set max_steps > 0 or num_train_epochs > 0")
        return self


def load_config(yaml_path: Path | str | None = None, overrides: dict[str, Any] | None = None) -> FinetuneConfig:
    """Defaults, then the YAML file's values, then `overrides` (e.g. from `parse_overrides`)."""
    values: dict[str, Any] = {}
    if yaml_path is not None:
        values.update(read_yaml_config(Path(yaml_path), what="fine-tuning config"))
    values.update(overrides or {})
    try:
        return FinetuneConfig(**values)
    except ValidationError as exc:
        where = f" (from {yaml_path} and the command line)" if yaml_path else ""
        raise ShopAssistError(f"invalid fine-tuning config{where}: {_problems(exc)}") from None


def _problems(exc: ValidationError) -> str:
    """One line for all problems; an unknown key lists the valid ones."""
    problems = []
    for error in exc.errors():
        name = ".".join(map(str, error["loc"])) or "config"
        if error["type"] == "extra_forbidden":
            problems.append(f"unknown fine-tuning setting {name}")
        else:
            problems.append(f"{name}={error['input']!r}: {error['msg']}" if error["loc"] else error["msg"])
    if any(e["type"] == "extra_forbidden" for e in exc.errors()):
        problems.append("valid settings are: " + ", ".join(FinetuneConfig.model_fields))
    return "; ".join(problems)


def parse_overrides(pairs: list[str] | None) -> dict[str, Any]:
    """`--set key=value` pairs -> values, each read as YAML (as in the config file)."""
    out: dict[str, Any] = {}
    for pair in pairs or []:
        key, sep, value = pair.partition("=")
        if not sep or not key.strip():
            raise ShopAssistError(f"--set expects KEY=VALUE, got {pair!r} (e.g. --set lora_dropout=0.1)")
        try:
            out[key.strip().replace("-", "_")] = yaml.safe_load(value)
        except yaml.YAMLError as exc:
            raise ShopAssistError(f"--set {pair}: the value is not valid YAML ({exc.problem})") from exc
    return out


def save_config(config: FinetuneConfig, path: Path) -> None:
    path.write_text(yaml.safe_dump(config.model_dump(), sort_keys=False))
