"""LoRA fine-tuning of the assistant's LLM with TRL's SFTTrainer (loss on assistant tokens only).

Flow (cf. trl/scripts/sft.py): config + cleaned data in, tokenise every conversation with the base
model's own chat template and mask everything but the assistant replies, train a peft LoRA adapter,
save adapter + tokenizer (+ the config and run facts) to the output folder. A run resumes from the
newest `checkpoint-*` in the output folder when there is one.
"""

from __future__ import annotations

import json
import math
import os
import resource
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from common.offline import go_offline  # noqa: E402

go_offline()  # before the Hugging Face imports below read the environment
from transformers import TrainerCallback  # noqa: E402
from transformers.trainer_callback import PrinterCallback  # noqa: E402

from common.errors import ShopAssistError  # noqa: E402
from common.settings import BUNDLED, Settings  # noqa: E402
from finetune.config import FinetuneConfig, save_config  # noqa: E402
from finetune.data import LoadedData, Message, Sample  # noqa: E402

IGNORE_INDEX = -100  # label value that PyTorch's cross-entropy (and so the Trainer) skips
CONFIG_FILE = "finetune_config.yaml"
TRAINING_INFO_FILE = "training_info.json"


# --- model and tokenizer --------------------------------------------------------------------


def base_model_path(config: FinetuneConfig, settings: Settings | None = None) -> str:
    """The folder (or HF name) to train from; "bundled" is the converted SmolLM2 safetensors."""
    if config.base_model != BUNDLED:
        return config.base_model
    from common.models import llm_model_path

    settings = settings or Settings()
    path = llm_model_path(settings.model_copy(update={"llm_model": BUNDLED}))
    return str(Path(path).resolve())


def load_tokenizer(model_path: str):
    from transformers import AutoTokenizer

    try:
        tokenizer = AutoTokenizer.from_pretrained(model_path)
    except OSError as exc:
        raise ShopAssistError(
            f"cannot load the tokenizer of base model '{model_path}' offline: {exc}. Set "
            "base_model to a local model folder, or use 'bundled'"
        ) from exc
    if not tokenizer.chat_template:
        raise ShopAssistError(f"base model '{model_path}' has no chat template; fine-tuning needs a chat model")
    if tokenizer.pad_token is None:
        tokenizer.pad_token = tokenizer.eos_token
    return tokenizer


def cpu_has_native_bf16() -> bool:
    """Whether this CPU computes bfloat16 in hardware (Linux: the flags in /proc/cpuinfo)."""
    try:
        flags = Path("/proc/cpuinfo").read_text()
    except OSError:
        return False
    return any(flag in flags for flag in ("amx_bf16", "avx512_bf16"))


def precision(config: FinetuneConfig) -> tuple[bool, bool]:
    """(bf16, qlora) actually used. Automatic bf16: on a CUDA GPU that supports it, or on a CPU
    with native bfloat16 instructions (AMX or AVX512-BF16: about 2x faster per step); without
    them bfloat16 is emulated and measured 15x slower (64 s against 4.3 s a step). 4-bit QLoRA
    only on a CUDA GPU."""
    import importlib.util

    import torch

    cuda = torch.cuda.is_available()
    auto = torch.cuda.is_bf16_supported() if cuda else cpu_has_native_bf16()
    bf16 = config.bf16 if config.bf16 is not None else auto
    bnb = importlib.util.find_spec("bitsandbytes") is not None
    if config.qlora and not (cuda and bnb):
        raise ShopAssistError(
            "qlora: true needs a CUDA GPU and the bitsandbytes package; set qlora to null "
            "(automatic) or false to train in full precision"
        )
    qlora = config.qlora if config.qlora is not None else (cuda and bnb)
    return bool(bf16), bool(qlora)


def configure_threads(config: FinetuneConfig) -> int | None:
    """Set torch's CPU thread count (see FinetuneConfig.cpu_threads); returns it (None on GPU)."""
    import torch

    if torch.cuda.is_available() and config.cpu_threads is None:
        return None
    threads = config.cpu_threads
    if threads is None:
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1
        threads = max(1, min(cores, round(cores - os.getloadavg()[0])))
    torch.set_num_threads(threads)
    return threads


# --- tokenisation with assistant-only labels ------------------------------------------------
#
# Why not TRL's `assistant_only_loss=True`: it needs `{% generation %}` markers in the chat
# template. SmolLM2's template has none, and TRL's `get_training_chat_template` only knows how to
# patch a fixed list of templates (Qwen, Llama 3, Gemma, ...), not SmolLM2's, so it raises. We
# therefore tokenise ourselves and hand SFTTrainer a dataset that already has `input_ids` and
# `labels`; TRL then skips its own tokenisation and keeps our labels (see SFTTrainer
# `_prepare_dataset`: "A dataset that already provides a labels column is left as is").
#
# How the mask is found: the template renders the whole conversation once; for each assistant
# message i, rendering messages[:i] with the generation prompt gives the text that precedes the
# reply, and rendering messages[:i+1] gives the text up to the end of the reply. The characters in
# between (right-stripped, so the end-of-turn token `<|im_end|>` is included but not the newline
# after it) are the reply; tokens whose character offsets lie inside it keep their id as label,
# every other token (system, user, context, role headers, padding) gets -100. Training on the
# end-of-turn token is what teaches the model to stop.


def assistant_spans(tokenizer, messages: list[Message]) -> tuple[str, list[tuple[int, int]]]:
    """The rendered conversation and the character spans of the assistant replies in it."""
    text = tokenizer.apply_chat_template(messages, tokenize=False)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for i, message in enumerate(messages):
        if message["role"] != "assistant":
            continue
        before = through = None
        if i > 0:  # templates refuse an empty history
            before = tokenizer.apply_chat_template(messages[:i], tokenize=False, add_generation_prompt=True)
            through = tokenizer.apply_chat_template(messages[: i + 1], tokenize=False)
        if before is not None and text.startswith(before) and text.startswith(through):
            start, end = len(before), len(through.rstrip())
        else:
            # A reply that opens the conversation, or a template that is not prefix-preserving:
            # find the reply's own text after the previous reply.
            start = text.find(message["content"], cursor)
            if start < 0:
                raise ShopAssistError(
                    "cannot locate an assistant reply in the chat template's output; the base "
                    "model's chat template rewrites messages, so assistant-only masking is unsafe"
                )
            end = start + len(message["content"])
            eos = tokenizer.eos_token or ""
            if eos and text.startswith(eos, end):
                end += len(eos)
        spans.append((start, end))
        cursor = end
    return text, spans


def encode(tokenizer, messages: list[Message], max_length: int | None = None) -> dict[str, list[int]]:
    """input_ids and labels (-100 outside assistant replies), cut to max_length (keeps start)."""
    text, spans = assistant_spans(tokenizer, messages)
    encoded = tokenizer(text, add_special_tokens=False, return_offsets_mapping=True)
    input_ids = list(encoded["input_ids"])
    labels = [IGNORE_INDEX] * len(input_ids)
    span_index = 0
    for t, (start, end) in enumerate(encoded["offset_mapping"]):
        while span_index < len(spans) and spans[span_index][1] <= start:
            span_index += 1
        if span_index < len(spans):
            span_start, span_end = spans[span_index]
            if span_start <= start and end <= span_end and end > start:
                labels[t] = input_ids[t]
    if max_length is not None:
        input_ids, labels = input_ids[:max_length], labels[:max_length]
    return {"input_ids": input_ids, "labels": labels}


def build_dataset(tokenizer, samples: list[Sample], max_length: int):
    """A `datasets.Dataset` of input_ids/labels; samples with no assistant token are dropped."""
    from datasets import Dataset

    rows = [encode(tokenizer, s.messages, max_length) for s in samples]
    rows = [r for r in rows if any(label != IGNORE_INDEX for label in r["labels"])]
    dropped = len(samples) - len(rows)
    if not rows:
        raise ShopAssistError(
            f"every sample lost its assistant reply to truncation at max_length={max_length} "
            "tokens; raise max_length or shorten the system/user turns"
        )
    dataset = Dataset.from_dict({"input_ids": [r["input_ids"] for r in rows], "labels": [r["labels"] for r in rows]})
    return dataset, dropped


# --- progress -------------------------------------------------------------------------------


class ProgressLog(TrainerCallback):
    """One line per logging step: step, loss, learning rate, seconds/step and ETA; times steps."""

    def __init__(self, stream=None):
        self.stream = stream  # None: sys.stderr at print time (CLI runners swap it)
        self.step_times: list[float] = []
        self._t0 = 0.0

    def on_step_begin(self, args, state, control, **kwargs):
        self._t0 = time.perf_counter()

    def on_step_end(self, args, state, control, **kwargs):
        self.step_times.append(time.perf_counter() - self._t0)

    def on_log(self, args, state, control, logs=None, **kwargs):
        if not logs or "loss" not in logs:
            return
        recent = self.step_times[-max(1, args.logging_steps) :]
        per_step = sum(recent) / len(recent) if recent else float("nan")
        eta = per_step * max(0, state.max_steps - state.global_step)
        print(
            f"[finetune] step {state.global_step}/{state.max_steps} loss {logs['loss']:.4f} "
            f"lr {logs.get('learning_rate', 0):.2e} {per_step:.2f} s/step eta {eta / 60:.1f} min",
            file=self.stream or sys.stderr,
            flush=True,
        )

    @property
    def seconds_per_step(self) -> float:
        return sum(self.step_times) / len(self.step_times) if self.step_times else float("nan")


class TimeLimit(TrainerCallback):
    """Stops training once `minutes` of wall-clock time have passed (the model is still saved)."""

    def __init__(self, minutes: float):
        self.seconds = minutes * 60
        self.started = time.perf_counter()
        self.hit = False

    def on_step_end(self, args, state, control, **kwargs):
        if time.perf_counter() - self.started > self.seconds:
            self.hit = control.should_training_stop = True
            print(
                f"[finetune] time limit of {self.seconds / 60:g} min reached at step {state.global_step}; stopping",
                file=sys.stderr,
                flush=True,
            )


# --- training -------------------------------------------------------------------------------


@dataclass
class TrainResult:
    output_dir: Path
    base_model: str
    steps: int
    seconds_per_step: float
    train_seconds: float
    train_loss: float | None
    peak_rss_mib: float
    resumed_from: str | None
    info: dict[str, Any] = field(default_factory=dict)


def peak_rss_mib() -> float:
    """Peak resident memory of this process (Linux reports ru_maxrss in KiB)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def library_versions() -> dict[str, str]:
    import peft
    import torch
    import transformers
    import trl

    return {
        "python": sys.version.split()[0],
        "torch": torch.__version__,
        "transformers": transformers.__version__,
        "peft": peft.__version__,
        "trl": trl.__version__,
    }


def train(
    config: FinetuneConfig,
    data: LoadedData,
    output_dir: Path | str,
    settings: Settings | None = None,
) -> TrainResult:
    """Train a LoRA adapter on `data.train`; save adapter, tokenizer, config and run facts."""
    import torch
    from peft import LoraConfig
    from transformers import BitsAndBytesConfig
    from transformers.trainer_utils import get_last_checkpoint
    from trl import SFTConfig, SFTTrainer

    output_dir = Path(output_dir)
    output_dir.mkdir(parents=True, exist_ok=True)
    model_path = base_model_path(config, settings)
    tokenizer = load_tokenizer(model_path)
    bf16, qlora = precision(config)
    threads = configure_threads(config)

    train_set, dropped = build_dataset(tokenizer, data.train, config.max_length)
    steps_per_epoch = math.ceil(
        len(train_set) / (config.per_device_train_batch_size * config.gradient_accumulation_steps)
    )
    planned = config.max_steps if config.max_steps > 0 else math.ceil(steps_per_epoch * config.num_train_epochs)
    print(
        f"[finetune] base model {model_path}; {len(train_set)} training samples "
        f"({dropped} dropped: no assistant token within {config.max_length} tokens); "
        f"{planned} steps; bf16={bf16} qlora={qlora} cpu_threads={threads}",
        file=sys.stderr,
        flush=True,
    )

    args = SFTConfig(
        output_dir=str(output_dir),
        learning_rate=config.learning_rate,
        lr_scheduler_type=config.lr_scheduler_type,
        warmup_steps=max(0, round(config.warmup_ratio * planned)),
        weight_decay=config.weight_decay,
        num_train_epochs=config.num_train_epochs,
        max_steps=config.max_steps,
        per_device_train_batch_size=config.per_device_train_batch_size,
        gradient_accumulation_steps=config.gradient_accumulation_steps,
        max_length=config.max_length,
        seed=config.seed,
        data_seed=config.seed,
        logging_steps=config.logging_steps,
        save_strategy="steps",
        save_steps=config.save_steps,
        save_total_limit=config.save_total_limit,
        eval_strategy="no",
        bf16=bf16,  # on CPU: autocast to bfloat16 (about 2x faster where AMX/AVX512-BF16 exist)
        fp16=False,
        use_cpu=not torch.cuda.is_available(),
        gradient_checkpointing=config.gradient_checkpointing,
        train_sampling_strategy="group_by_length",  # less padding per batch: faster on CPU
        model_init_kwargs={"dtype": "bfloat16" if bf16 else "float32"},
        report_to="none",
        disable_tqdm=True,  # ProgressLog prints one line per logging step instead
        dataloader_num_workers=0,
        dataloader_pin_memory=torch.cuda.is_available(),
        packing=False,
    )
    peft_config = LoraConfig(
        r=config.lora_r,
        lora_alpha=config.lora_alpha,
        lora_dropout=config.lora_dropout,
        target_modules=list(config.target_modules),
        bias="none",
        task_type="CAUSAL_LM",
    )
    quantization = (
        BitsAndBytesConfig(
            load_in_4bit=True,
            bnb_4bit_quant_type="nf4",
            bnb_4bit_use_double_quant=True,
            bnb_4bit_compute_dtype="bfloat16" if bf16 else "float32",
        )
        if qlora
        else None
    )
    progress = ProgressLog()
    callbacks: list[TrainerCallback] = [progress]
    if config.max_train_minutes:
        callbacks.append(TimeLimit(config.max_train_minutes))
    try:
        trainer = SFTTrainer(
            model=model_path,
            args=args,
            train_dataset=train_set,
            processing_class=tokenizer,
            peft_config=peft_config,
            quantization_config=quantization,
            callbacks=callbacks,
        )
    except ValueError as exc:  # e.g. target_modules that the model does not have
        raise ShopAssistError(f"cannot set up training on '{model_path}': {exc}") from exc
    trainer.remove_callback(PrinterCallback)  # it prints raw log dicts; ProgressLog has one line

    resume = get_last_checkpoint(str(output_dir))
    if resume:
        print(f"[finetune] resuming from {resume}", file=sys.stderr, flush=True)
    started = time.perf_counter()
    outcome = trainer.train(resume_from_checkpoint=resume)
    train_seconds = time.perf_counter() - started

    trainer.save_model(str(output_dir))  # the adapter (adapter_config.json + weights)
    tokenizer.save_pretrained(str(output_dir))
    save_config(config, output_dir / CONFIG_FILE)
    result = TrainResult(
        output_dir=output_dir,
        base_model=model_path,
        steps=trainer.state.global_step,
        seconds_per_step=progress.seconds_per_step,
        train_seconds=train_seconds,
        train_loss=getattr(outcome, "training_loss", None),
        peak_rss_mib=peak_rss_mib(),
        resumed_from=resume,
    )
    result.info = {
        "base_model": model_path,
        "steps": result.steps,
        "steps_this_run": len(progress.step_times),
        "seconds_per_step": result.seconds_per_step,
        "train_seconds": result.train_seconds,
        "train_loss": result.train_loss,
        "peak_rss_mib": result.peak_rss_mib,
        "resumed_from": resume,
        "bf16": bf16,
        "qlora": qlora,
        "cpu_threads": threads,
        "train_data_sha256": data.sha256,
        "data_files": data.formats,
        "counts": dict(data.counts) | {"train_tokenised": len(train_set), "train_truncated_away": dropped},
        "bad_rows": data.problems[:50],
        "versions": library_versions(),
        "log_history": trainer.state.log_history,
    }
    (output_dir / TRAINING_INFO_FILE).write_text(json.dumps(result.info, indent=2, default=str))
    print(
        f"[finetune] saved adapter to {output_dir} after {result.steps} steps "
        f"({result.seconds_per_step:.2f} s/step, peak RSS {result.peak_rss_mib:.0f} MiB)",
        file=sys.stderr,
        flush=True,
    )
    return result


def load_adapted_model(adapter_dir: Path | str, settings: Settings | None = None):
    """(PeftModel, tokenizer, base_model_path) for a saved adapter; eval mode, fp32 on CPU."""
    import torch
    from peft import PeftConfig, PeftModel
    from transformers import AutoModelForCausalLM

    adapter_dir = Path(adapter_dir)
    if not (adapter_dir / "adapter_config.json").is_file():
        raise ShopAssistError(
            f"{adapter_dir} holds no LoRA adapter (adapter_config.json missing); pass the --output "
            "folder of a finished `shopassist finetune run`"
        )
    base = PeftConfig.from_pretrained(str(adapter_dir)).base_model_name_or_path or ""
    if not Path(base).is_dir():
        # Trained on another machine (or cache moved): resolve the configured base model here.
        name = BUNDLED
        if (adapter_dir / CONFIG_FILE).is_file():
            saved = yaml.safe_load((adapter_dir / CONFIG_FILE).read_text()) or {}
            name = saved.get("base_model", BUNDLED)
        base = base_model_path(FinetuneConfig(base_model=name), settings)
    dtype = torch.bfloat16 if torch.cuda.is_available() else torch.float32
    model = AutoModelForCausalLM.from_pretrained(base, dtype=dtype)
    model = PeftModel.from_pretrained(model, str(adapter_dir))
    if torch.cuda.is_available():
        model = model.to("cuda")
    model.eval()
    tokenizer = load_tokenizer(str(adapter_dir) if (adapter_dir / "tokenizer_config.json").is_file() else base)
    return model, tokenizer, base


def merge_adapter(adapter_dir: Path | str, out_dir: Path | str, settings: Settings | None = None) -> Path:
    """Write base model + adapter merged into one plain model folder (for servers without LoRA)."""
    model, tokenizer, _ = load_adapted_model(adapter_dir, settings)
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    merged = model.merge_and_unload()
    merged.save_pretrained(str(out_dir), safe_serialization=True)
    tokenizer.save_pretrained(str(out_dir))
    return out_dir
