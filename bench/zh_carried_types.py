"""English dictionary senses of Chinese shopping words, read as the Flipkart catalog's own type names
(assistant/carried_types.py): the type each is read as, its similarity, beside what it should be.

The threshold in assistant/data/zh.yaml (`carried_types`) comes from this: the right readings'
scores, and whether any wrong type survives the word-evidence rule to be scored at all.
Usage: python bench/zh_carried_types.py
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

# sense (a CEDICT reading of a Chinese word) -> the carried type it names in Flipkart, or None
LABELLED: dict[str, str | None] = {
    "jewelry": "jewellery",  # 首饰
    "pillowcase": "pillow cover",  # 枕套
    "bed sheet": "bedsheet",  # 床单
    "light bulb": "light bulb",  # 灯泡
    "running shoe": "running shoe",  # 跑鞋
    "pen": "pen",  # 笔
    "wallpaper": "wallpaper",  # 墙纸
    "tablecloth": None,  # 桌布: the shop's "table cover" shares no head word
    "shower gel": None,  # 沐浴露
    "body wash": None,
    "head ornament": None,  # 头饰
    "protective gear": None,  # 护具
    "brake light": None,  # 刹车灯
    "aromatherapy": None,  # 香薰
    "sofa": None,  # 沙发 (the shop's "sofa bed futon" is a futon)
    "lipstick": None,  # 口红 (no "lip" for it)
    "football": None,  # 足球 (no "ball")
    "washing machine": None,
    "refrigerator": None,
    "laptop": None,  # 笔记本电脑 (no "laptop accessory")
    "earring": None,  # 耳环 (no "ring")
    "tennis racket": None,
    "knee pad": None,  # 护膝 (no "cricket pad")
    "perfume": None,
    "face cream": None,  # 面霜 (no "face care")
    "sunscreen": None,  # 防晒霜 (no "sun shade")
    "jewelry box": None,  # 首饰盒
    "swim shorts": None,  # 泳裤
    "tent": None,
    "curtain rod": None,  # 窗帘杆 (no "curtain")
    "fountain pen": None,  # 钢笔 (no "pen": the shop's pens are highlighters)
    "toothbrush": None,  # 牙刷 (no "brush")
}


def main() -> None:
    from assistant.chinese import carried_types
    from assistant.core import Assistant
    from bench.common import indexed_flipkart
    from tests.fakes import ScriptedBackend

    assistant = Assistant.load(indexed_flipkart(), backend=ScriptedBackend())
    catalog, understander = assistant.engine.catalog, assistant.engine.understander
    types = carried_types(
        catalog.category_phrases,
        lambda words: understander.carried(words) and understander.is_any_type(words),
        catalog.knows_word,
        assistant.engine.retriever.embed,
    )
    right = wrong = 0
    for sense, wanted in LABELLED.items():
        scored = types.scored(sense)
        best, score = scored[0] if scored else (None, 0.0)
        read = best if best is not None and score >= types.threshold else None
        ok = read == wanted
        right += ok and wanted is not None
        wrong += not ok
        print(f"{sense:<16} nearest {best or '-':<14} {score:.3f}  read {read or '-':<14} {'ok' if ok else 'WRONG'}")
    named = sum(1 for w in LABELLED.values() if w)
    print(f"\n{len(LABELLED)} senses, {named} name a carried type: {right} read right, {wrong} wrong")
    print(f"threshold {types.threshold:.2f} (assistant/data/zh.yaml carried_types)")


if __name__ == "__main__":
    main()
