"""Policy answers to Chinese shoppers: the shop's Chinese clause, beside the English-only shop.

Each question of `bench/data/policy_questions_zh.jsonl` (written in Chinese for this project, in a
shopper's words, over the demo policies; developer-written after the change) names the English
sections whose clause answers it, a gist in Chinese (words the translated clause states) and in
English, or says the policies do not cover it. Each question goes the Chinese shopper's way, as
`Assistant` takes it: `ChineseReader` reads it (a policy question is read as "what about <topic>"),
the policy passages are searched for that reading with the bundled embedder, `policy_answer`
quotes the clause that applies, `policy_translation.quote_for` finds the shop's Chinese clause,
and `chinese_text` writes the reply. Two shops side by side in one run: the demo policies with
their Chinese translation (`data/policies/zh/`), and the same policies in English only.

Prints per shop: read as a policy question, answered right (covered: the first quote from an
expected section, the gist in the reply; not covered: said so), the quote in Chinese, and replies
with English words outside quotes of the policies as written.
Usage: python bench/policy_answers_zh.py [--questions FILE] [--show]
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant import chinese_text, policy_answer  # noqa: E402
from assistant.chinese import ChineseReader  # noqa: E402
from assistant.generation import citations  # noqa: E402
from assistant.policy_search import PolicySearch  # noqa: E402
from assistant.policy_translation import full_width, quote_for  # noqa: E402
from assistant.reply import Reply  # noqa: E402
from bench.common import REPO  # noqa: E402
from common.models import embedder  # noqa: E402
from common.settings import Settings  # noqa: E402
from ingest.policies import ingest_policies  # noqa: E402

QUESTIONS = REPO / "bench" / "data" / "policy_questions_zh.jsonl"
POLICIES = REPO / "data" / "policies"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--questions", type=Path, default=QUESTIONS)
    parser.add_argument("--show", action="store_true", help="print every question and reply")
    args = parser.parse_args()
    rows = [json.loads(line) for line in args.questions.read_text(encoding="utf-8").splitlines() if line.strip()]
    embed = embedder()
    # Policy questions are read before any product word: the shop's vocabulary plays no part.
    reader = ChineseReader(is_type=lambda words: False, carried=lambda words: False, knows=lambda word: False)
    results = {}
    with tempfile.TemporaryDirectory(prefix="policy-zh-bench-") as tmp:
        english_only = Path(tmp) / "english-only"
        english_only.mkdir()
        for f in POLICIES.glob("*.md"):
            shutil.copy(f, english_only / f.name)
        for shop, folder in (("with Chinese policies", POLICIES), ("English policies only", english_only)):
            settings = Settings(data_dir=Path(tmp) / shop.replace(" ", "-"))
            ingest_policies(settings, [folder], embed)
            search = PolicySearch.open(settings, embed)
            policy_answer.warm(search.passages(), embed)
            results[shop] = [_one(row, reader, search, embed, args.show) for row in rows]
    print(f"{args.questions.name}: {len(rows)} Chinese policy questions over the demo policies")
    print(f"{'shop':<24}{'read as policy':>15}{'right':>8}{'quote in Chinese':>18}{'English outside quotes':>24}")
    for shop, marks in results.items():
        n = len(marks)
        read, right, chinese, english = (sum(m[i] for m in marks) for i in range(4))
        print(f"{shop:<24}{read / n:>15.0%}{right / n:>8.0%}{chinese / n:>18.0%}{english:>24}")


def _one(row: dict, reader: ChineseReader, search: PolicySearch, embed, show: bool) -> tuple[bool, bool, bool, bool]:
    """(read as a policy question, answered right, quoted in Chinese, English outside quotes)."""
    asked = reader.read(row["question"]).text
    if not asked.startswith("what about "):
        if show:
            print(f"NOT POLICY {row['id']} {row['question']} -> {asked!r}")
        return False, False, False, False
    passages = search.search(asked, k=4)
    found = policy_answer.answer(passages, asked, lambda t: search.search(t, k=2), embed, search.section)
    cited = citations(policy_answer.cited(found.quoted, passages))
    if cited and found.quoted:
        cited[0] = {**cited[0], **quote_for("zh", found.quoted, search.translation, found.covered)}
    reply = Reply(session_id="bench", text="", products=[], constraints={}, constraints_text=[], intent="policy")
    reply.citations = cited
    text = chinese_text.reply_text(reply, "USD", [])
    heading = found.quoted[0].section.split(" > ")[-1] if found.quoted else ""
    chinese = bool(cited) and cited[0].get("quote_language") == "zh"
    gist = row["gist"] if chinese else row["gist_en"]
    if row["covered"]:
        right = found.covered and heading in row["sections"] and any(g.lower() in text.lower() for g in gist)
    else:
        right = not found.covered
    quote = cited[0].get("quote", "") if cited else ""
    # the policies as written are quoted after "原文是：" (cut at 400 characters), or within the text
    outside = re.sub(r"“[^”]*”|support@\S+|[\d.,$-]+", "", text.replace(full_width(quote), "").split("原文是：")[0])
    english = bool(re.search(r"[A-Za-z]{4,}", outside))
    if show:
        print(f"{'ok ' if right else 'BAD'} {row['id']} {row['question']} -> {asked!r}\n    [{heading}] {text}\n")
    return True, right, chinese, english


if __name__ == "__main__":
    main()
