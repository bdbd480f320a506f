"""Chinese shoppers: the stretches of a clause that describe the product rather than name it
(what a verb of matching or holding acts on, a stretch ending in 的, a noun said as the one wanted)."""

from __future__ import annotations

import re

from assistant.chinese_lexicon import _dictionary
from common.language import CJK


class StretchReading:
    """The part of `ChineseReader` (assistant.chinese) that finds the words of a clause that
    describe the product; it uses the reader's data file (`words`), `_tokens` and `_verb_form`."""

    def _said_as_the_one(self, clause: str, word: str) -> bool:
        """Whether a clause says a noun only as the one wanted: a want cue, the word, 的, perhaps
        a relative tail ("想要水晶的", "要皮的那种"), nothing else."""
        if not word:
            return False
        cues = "|".join(map(re.escape, sorted(self.words["want_cues"] + self.words["buy_cues"], key=len, reverse=True)))
        tails = "|".join(map(re.escape, sorted(self.words["relative_tails"], key=len, reverse=True)))
        return bool(re.fullmatch(rf"\s*(?:最好|还是)?(?:{cues})\s*{re.escape(word)}的(?:{tails})?\s*", clause))

    def _agent_kind(self, pieces: list[str]) -> tuple[str, str] | None:
        """(kind, the word) for a product said as what it does: a word before 的 whose English
        sense, made the noun of its doer ("massage" -> massager, "heat" -> heater), is a kind the
        shop carries ("买个按摩的": a massager; set L d-04 read no kind). Chinese names a thing by
        its use with 的 where English says the doer; only for a clause that names no kind."""
        for piece, after in zip(pieces, pieces[1:], strict=False):
            if after != "的" or not CJK.search(piece) or piece in self.words["types"]:
                continue
            for definition in _dictionary().get(piece, []):
                word = definition.removeprefix("to ").strip()
                if not word.isalpha() or not word.islower():
                    continue
                doer = f"{word}r" if word.endswith("e") else f"{word}er"
                if self.is_type([doer]) and self.carried([doer]):
                    return doer, piece
        return None

    def _objects(self, text: str, tokens: list[str], at: list[int]) -> set[int]:
        """The tokens of kinds that are the object of a verb of matching (`goes_with`) or, after a
        kind, of holding (`inside_verbs`): the first kind after the verb. A verb glued to the next
        word by the segmenter ("放小" + 摆件) counts as the verb; a verb with 的 after it describes
        the kind that follows ("骑电动车穿的雨衣": the raincoat is what is worn, set P zh-q23)."""
        goes, holds = set(self.words["goes_with"]), set(self.words["inside_verbs"])
        counted = re.compile(self.words["measure_word"].strip("^$"))
        # a one-character pair word is other words' part too (不对 "wrong", 双人): only 套 counts alone
        grouped = any(w in text for w in self.words["grouping_words"] if len(w) > 1 or w == "套")
        found: set[int] = set()
        for n, token in enumerate(tokens):
            verb = token if token in goes | holds else _glued_verb(token)
            after = [w for w in at if w > n]
            if not verb or not after or verb not in goes | holds:
                continue
            rest = text[text.find(token) + len(token) :]
            if rest.lstrip().startswith("的"):  # "穿的雨衣", unlike a possessive ("配她的裙子")
                continue
            if verb in goes:
                if grouped or counted.match(rest):  # "一套戒指配盒子的套装", "水壶配几个杯子"
                    continue
            elif not any(w < n for w in at):
                continue
            found.add(after[0])
        return found

    def _described(self, text: str) -> set[str]:
        """The words of a stretch that ends in 的 with no head after it ("平时戴着玩的那种", "搭衣服
        的", "要能折叠的"; `relative_tails` may close it): such a stretch describes the product, so a
        verb there says what the product does and a word after a verb is the verb's object; neither
        is the product. A buy cue or a filler word is no such verb ("想买条项链的" still names one)."""
        tails = sorted(self.words["relative_tails"], key=len, reverse=True)
        skipped = set(self.words["buy_cues"]) | set(self.words["filler"])
        found: set[str] = set()
        things = tuple(f"的{w}" for w in self.words["generic_things"])
        for stretch in text.split():
            said = stretch
            stretch = next((stretch[: -len(t)] for t in tails if stretch.endswith(t)), stretch)
            # a relative tail closes the stretch without 的 too ("能把整张脸包住那种": set AD zd09
            # read the face it covers as the product)
            closed = stretch != said and not stretch.endswith("的")
            stretch += "的" if closed else ""
            # ... or before a word for any thing ("能把信号放大的东西": what it does, not the signal)
            stretch = next((stretch[: -len(t) + 1] for t in things if stretch.endswith(t)), stretch)
            if stretch.endswith(tuple(self.words["use_tails"])) and len(stretch) > 1:
                found.update(t for t in self._tokens(stretch[:-1]) if t)  # "右手用": the hand it is used with
                continue
            if not stretch.endswith("的"):
                continue
            after_verb = False
            for token in (t for t in self._tokens(stretch[:-1]) if t):
                verb = token not in skipped and (self._verb_form(token) or _mostly_verb(token) or _glued_verb(token))
                # 把 puts the verb's object before it ("把整张脸包住": the face is what is covered)
                verb = verb or token in self.words["disposal_markers"]
                if after_verb or verb:
                    found.add(token)
                after_verb = after_verb or verb
        return found


def _mostly_verb(token: str) -> bool:
    """Whether CC-CEDICT gives the word as a verb at least as often as otherwise (玩 "to play; to
    have fun; toy"; 搭 "to put up; to match"), not a noun that can be used as one (衣服)."""
    senses = _dictionary().get(token, [])  # CEDICT's entries, each one sense or a few alike
    verbs = [s for s in senses if s.strip().startswith(("to ", "(bound form) to "))]
    return bool(senses) and len(verbs) * 2 >= len(senses)


def _glued_verb(token: str) -> str:
    """The verb of a word CC-CEDICT lacks that the segmenter made of a one-character verb and what
    follows it ("洗完" wash + done, "放小" put + small): the first character, or "" for none."""
    if len(token) < 2 or not CJK.search(token) or token in _dictionary():
        return ""
    return token[0] if _mostly_verb(token[0]) else ""
