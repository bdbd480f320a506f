"""Policies shipped in Chinese too: ingest pairs each translated section with the original one,
and a Chinese shopper is quoted the translated clause that says what the English answer quotes
(the shop's own words, found by the structure a faithful translation keeps)."""

from __future__ import annotations

from pathlib import Path

import pytest

from assistant.policy_answer import Clause, clauses
from assistant.policy_translation import counterpart, full_width, quote_for
from common.errors import ShopAssistError
from ingest.policies import ingest_policies, split_policy, translations_of

POLICIES = Path(__file__).resolve().parent.parent / "data" / "policies"
TITLES = {t.title for f in POLICIES.glob("*.md") for t in translations_of(f, POLICIES / "zh" / f.name, "zh")}

ORIGINAL = """# Returns

You can return it within 30 days. Refunds take 5 days to appear.

Most items can be returned if they are:

- unused;
- in their box.

## Fees

Returns cost $5.
"""
TRANSLATED = """# 退货

你可以在 30 天内退货。退款需要 5 天到账。

大多数商品在以下情况下可以退：

- 未使用；
- 有原包装盒。

## 费用

退货收费 5 美元。
"""


def _write(folder: Path, original: str = ORIGINAL, translated: str = TRANSLATED) -> Path:
    (folder / "zh").mkdir(parents=True)
    (folder / "returns.md").write_text(original, encoding="utf-8")
    (folder / "zh" / "returns.md").write_text(translated, encoding="utf-8")
    return folder


def test_every_clause_of_the_demo_policies_has_its_chinese_counterpart():
    """The shipped translation keeps the originals' structure: no clause falls back to English."""
    missing = []
    for original in sorted(POLICIES.glob("*.md")):
        sections = {t.section: t for t in translations_of(original, POLICIES / "zh" / original.name, "zh")}
        for passage in split_policy(original):
            for clause in clauses({"text": passage.text, "section": passage.section, "source": passage.source}):
                stored = sections[clause.section]
                if not counterpart(clause.text, stored.original, stored.text):
                    missing.append(clause.text)
    assert missing == []


@pytest.mark.parametrize(
    "clause, chinese",
    [
        ("Refunds take 5 days to appear.", "退款需要 5 天到账。"),  # the sentence, not the paragraph
        ("You can return it within 30 days.", "你可以在 30 天内退货。"),
        (
            "Most items can be returned if they are: unused; in their box.",
            "大多数商品在以下情况下可以退：未使用；有原包装盒。",
        ),
    ],
)
def test_the_translated_clause_is_the_one_in_the_same_place(tmp_path, clause, chinese):
    (section,) = [t for t in translations_of(*_paths(tmp_path), "zh") if t.section == "Returns"]
    assert counterpart(clause, section.original, section.text) == chinese


def _paths(tmp_path: Path) -> tuple[Path, Path]:
    folder = _write(tmp_path / "p")
    return folder / "returns.md", folder / "zh" / "returns.md"


def test_a_paragraph_translated_in_other_sentences_is_quoted_whole(tmp_path):
    folder = _write(tmp_path / "p", translated=TRANSLATED.replace("退货。退款", "退货，退款"))
    (section,) = [
        t for t in translations_of(folder / "returns.md", folder / "zh" / "returns.md", "zh") if t.section == "Returns"
    ]
    assert (
        counterpart("Refunds take 5 days to appear.", section.original, section.text)
        == "你可以在 30 天内退货，退款需要 5 天到账。"
    )


def test_a_shopper_is_quoted_the_original_when_the_shop_has_no_translation():
    quoted = [Clause("Returns cost $5.", "Returns > Fees", "returns.md")]
    said = quote_for("zh", quoted, lambda language, source, section: None)
    assert said == {
        "quote": "Returns cost $5.",
        "quote_language": "en",
        "quote_title": "Returns > Fees",
        "quote_covers": "yes",
    }


def test_a_translation_whose_sections_do_not_pair_is_a_clear_error(tmp_path, fake_embedder):
    from common.settings import Settings

    folder = _write(tmp_path / "p", translated=TRANSLATED.replace("## 费用\n", ""))
    settings = Settings(data_dir=tmp_path / "data")
    with pytest.raises(ShopAssistError, match=r"zh/returns.md has 1 sections and .*returns.md has 2"):
        ingest_policies(settings, [folder], embed=fake_embedder)


def test_a_translation_with_no_original_is_a_clear_error(tmp_path, fake_embedder):
    from common.settings import Settings

    folder = _write(tmp_path / "p")
    (folder / "zh" / "shiping.md").write_text("# 配送\n\n三天送达。\n", encoding="utf-8")
    with pytest.raises(ShopAssistError, match=r"shiping.md has no original"):
        ingest_policies(Settings(data_dir=tmp_path / "data"), [folder], embed=fake_embedder)


def test_a_chinese_policy_question_quotes_the_shops_chinese_clause(make_assistant):
    from assistant.session import Session

    assistant, _ = make_assistant()
    reply = assistant.reply(Session(), "鞋子试穿过还能退货吗？")
    top = reply.citations[0]
    assert top["quote_language"] == "zh" and full_width(top["quote"]) in reply.text
    assert "," not in reply.text.split("support@")[0]  # Chinese punctuation, as the translation has it
    assert reply.text.startswith("根据本店的“") and "Footwear" not in reply.text
    assert top["section"].isascii() and top["quote_title"] in TITLES  # the citation stays the original's


def test_a_shop_without_chinese_policies_quotes_the_english_clause_with_a_chinese_lead(tmp_path, fake_embedder):
    import shutil

    from assistant.core import Assistant
    from assistant.session import Session
    from common.settings import Settings
    from ingest.pipeline import ingest_catalog
    from tests.conftest import DEMO_CATALOG
    from tests.fakes import FAKE_EMBEDDING, ScriptedBackend

    english = tmp_path / "policies"
    english.mkdir()
    for f in POLICIES.glob("*.md"):
        shutil.copy(f, english / f.name)
    settings = Settings(data_dir=tmp_path / "data", embedding_model=FAKE_EMBEDDING)
    ingest_catalog(settings, DEMO_CATALOG, progress=False, embed=fake_embedder)
    ingest_policies(settings, [english], embed=fake_embedder)
    assistant = Assistant.load(settings, backend=ScriptedBackend(), embed=fake_embedder)
    reply = assistant.reply(Session(), "退货政策是什么？")
    top = reply.citations[0]
    assert top["quote_language"] == "en" and "本店的政策目前只有英文版。" in reply.text
    assert top["quote"][:40] in reply.text
