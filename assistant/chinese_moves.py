"""Chinese shoppers: what a message does to the conversation (a question beside a request, a
correction, a greeting, a policy topic, a comparison, a reference, a move on the request)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence

from assistant.chinese_lexicon import LATIN_RUN, LATIN_WORD, to_number, vocabulary
from common.language import CJK, segment


class ConversationReading:
    """The part of `ChineseReader` (assistant.chinese) that reads what a message does to the
    conversation; it uses the reader's data file (`words`) and shop callables."""

    # -- what the message does to the conversation ------------------------------------------
    def _question_beside_request(self, text: str, shown: bool = False) -> tuple[str, str] | None:
        """(the question, the rest) when a message asks about a shown item in one clause and
        states a bound, colour, audience or rating in another ("第二个能机洗吗？对了，八百以内")."""
        clauses = [c.strip() for c in re.split(r"(?<=[？?])|[，,。！!；;\n]+", text) if c and c.strip(" ？?")]
        if len(clauses) < 2 or any(w in text for w in self.words["compare"]):
            return None
        asking = [c for c in clauses if self._reference(c, shown)[1] and self._asks(c)]
        stating = [c for c in clauses if c not in asking and not self._reference(c, shown)[1] and self._states(c)]
        if not asking or not stating:
            return None
        return "，".join(asking), "，".join(stating)

    def _states(self, clause: str) -> bool:
        """Whether a clause states a constraint of the request: a bound, colour, audience or rating."""
        return any(
            found
            for _, found in (self._price(clause), self._colours(clause), self._audience(clause), self._rating(clause))
        )

    def _required(self, text: str) -> list[str]:
        """Attributes said as the kind wanted (`required_markers` in the data file), in English."""
        table, marks = self.attributes, self.words["required_markers"]

        def alternation(words: Iterable[str]) -> str:
            return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))

        words = [w for w in table if w not in marks["not_for"]]
        said, after, before = alternation(words), alternation(marks["after"]), alternation(marks["before"])
        found = [m.group(1) for m in re.finditer(rf"({said})的?(?:{after})", text)]
        found += [m.group(1) for m in re.finditer(rf"(?:{before})是?({said})的", text)]
        return list(dict.fromkeys(table[w] for w in found))

    def _printed(self, text: str) -> list[str]:
        """Latin words said to be written on the product ("写着mom的"), where the shop's text uses
        them (`printed_markers` in the data file)."""
        marks = "|".join(map(re.escape, sorted(self.words["printed_markers"], key=len, reverse=True)))
        found = [m.lower() for m in re.findall(rf"(?:{marks})\s*[\"'“‘]?\s*({LATIN_RUN.pattern})", text.lower())]
        return [run for run in dict.fromkeys(found) if all(self.knows(w) for w in run.split())]

    def _taken_back(self, text: str, earlier: Sequence[str]) -> list[str]:
        """The Latin words (models, brands) of the last earlier Chinese message that had any, when
        this message says they were wrong and names others ("哦不对，我家是wagonr" after "maruti
        swift的遮阳挡")."""
        if not any(w in text for w in self.words["corrections"]):
            return []
        now = set(LATIN_WORD.findall(text.lower()))
        if not now:
            return []
        for before in reversed(earlier):
            # any Chinese character: "swift的" was said in the Chinese conversation (set H d-09)
            said = LATIN_WORD.findall(before.lower()) if CJK.search(before) else []
            if said:
                # A word said again in a clause of its own, apart from the new ones, is said to be
                # another's ("Swift是我哥的，我爸那台是Maruti 800", set AH zd03): taken back too; one
                # said beside the new ones is part of the new name ("不对，是swift dzire").
                kept = {w for c in self._new_name_clauses(text, said) for w in LATIN_WORD.findall(c.lower())}
                return [w for w in dict.fromkeys(said) if w not in kept]
        return []

    def _new_name_clauses(self, text: str, said: Sequence[str]) -> list[str]:
        """The clauses of a correction that name a Latin word the earlier message did not say."""
        clauses = re.split(r"[，,。！!？?；;\n]+", text)
        return [c for c in clauses if set(LATIN_WORD.findall(c.lower())) - set(said)]

    def _without_taken_back(self, text: str, gone: Sequence[str]) -> str:
        """A correction without the clauses that say a taken-back word again and name no new one
        ("Swift是我哥的"): they tell whose it is, not what is wanted."""
        parts = re.split(r"([，,。！!？?；;\n]+)", text)
        said = [set(LATIN_WORD.findall(p.lower())) for p in parts]
        return "".join(p for p, w in zip(parts, said, strict=True) if not (w & set(gone)) or w - set(gone))

    # -- the closed classes ------------------------------------------------------------------
    def _greeting(self, text: str) -> tuple[str, list[str]]:
        for key, english in (("greetings", "hello"), ("thanks", "thanks"), ("acceptances", "thanks")):
            for word in self.words[key]:
                if word in text:
                    return text.replace(word, " "), [english]
        return text, []

    def _topic(self, text: str) -> tuple[str, list[str]]:
        """Policy and support topics ("退货" -> return policy), at most one phrase."""
        found = []
        for english, words in {**self.words["topics"], **self.words["support"]}.items():
            for word in sorted(words, key=len, reverse=True):
                if word in text:
                    text = text.replace(word, " ")
                    found.append(english)
                    break
        return text, [" and ".join(found)] if found else []

    def _shopping_beside_topic(self, text: str) -> bool:
        """Whether the clauses with no support or policy word ask to buy, with a budget or a
        shopping word: "充电头坏了 手机充电器有没有300以下的" buys a charger, it reports no damage;
        so does "充电器坏了 要个新的 四百卢比以内", its cue and its budget in clauses of their own.
        Shoppers separate clauses with spaces as often as with commas."""
        topic_words = [w for words in {**self.words["topics"], **self.words["support"]}.values() for w in words]
        if not any(w in text for w in topic_words):
            return False
        types = self.words["types"]
        clauses = [c for c in re.split(r"[，,。！!？?；;\s]+", text) if c and not any(w in c for w in topic_words)]
        if not any(cue in clause for clause in clauses for cue in self.words["buy_cues"]):
            return False
        for clause in clauses:
            _, price = self._price(clause)
            if (price and not price[0].startswith("around")) or any(w in clause for w in types if len(w) >= 2):
                return True
            buys = any(cue in clause for cue in self.words["buy_cues"])
            if buys and any(w in clause for w in self.words["replacement_words"]):
                return True  # "想给她买双新的": a new one of the broken thing's kind
            if self._buys_one(clause):
                return True  # "睡裤穿破了，让我帮她挑一条": one of the broken thing's kind (set P d-01)
            if buys and self._names_quality(clause):
                return True  # "…玩坏了，这次想要指针的": the kind wanted now (set AC zd03, zd06)
        return False

    def _without_story(self, text: str, shown: bool) -> str:
        """A message that buys beside a clause telling what happened to another thing ("她之前那块
        电子表被我侄子玩坏了，这次想要指针的"), without that clause: its kind and attributes are the
        broken thing's, not the request's (set AC zd03 read "analog digital watch", zd06 "glass
        stainless steel"). Kept where the rest names no kind and, outside a conversation, no
        quality: then the new one is of the broken thing's kind ("睡裤穿破了，让我帮她挑一条")."""
        topic_words = [w for words in {**self.words["topics"], **self.words["support"]}.values() for w in words]
        clauses = re.split(r"([，,。！!？?；;\s]+)", text)
        rest = "".join(c for c in clauses if not any(w in c for w in topic_words))
        if self._open_words(rest, {})[0] or (shown and self._names_quality(rest)):
            return rest
        return text

    def _without_earlier(self, text: str) -> str:
        """A message that asks for something beside a clause about a thing had before ("他之前那件
        条纹的穿腻了，这次要纯色的": his old striped one), without that clause: its kind and qualities
        are the old thing's (set AD zd02 required striped and solid both). Kept where the rest
        buys nothing or names no kind and no quality (`earlier_markers` in the data file)."""
        parts = re.split(r"([，,。！!？?；;\s]+)", text)
        story = {i for i, p in enumerate(parts) if any(m in p for m in self.words["earlier_markers"])}
        if not story:
            return text
        rest = "".join(p for i, p in enumerate(parts) if i not in story)
        buys = any(cue in rest for cue in self.words["buy_cues"])
        return rest if buys and (self._open_words(rest, {})[0] or self._names_quality(rest)) else text

    def _names_quality(self, clause: str) -> bool:
        """Whether a clause names an attribute or a colour of the data file in a word of two or
        more characters ("指针", "不锈钢", "红色"): what the product should be like."""
        said = [*self.attributes, *self.words["colours"]]
        return any(word in clause for word in said if len(word) >= 2)

    def _buys_one(self, clause: str) -> bool:
        """Whether a buy cue is followed by a count of things ("挑一条", "买双", "要个"): one is
        bought, not one bought already ("买了一个": the aspect particle comes between)."""
        measures = re.search(r"\]\+\[([^\]]+)\]", self.words["measure_word"])
        cues = "|".join(map(re.escape, sorted(self.words["buy_cues"], key=len, reverse=True)))
        return bool(measures and re.search(f"(?:{cues})[一二两三四五六七八九十几半]*[{measures.group(1)}]", clause))

    def _compare(self, text: str) -> tuple[str, list[str]]:
        if not any(w in text for w in self.words["compare"]):
            return text, []
        for word in [*self.words["compare"], "一下"]:
            text = text.replace(word, " ")
        first = re.search(r"前\s*(\d|[两二三四五])\s*[个款件双条只种样]?", text)
        if first:  # "前两个" -> the first two
            count = int(to_number(first.group(1)) or 0)
            text = text.replace(first.group(), " ")
            positions = [str(n) for n in range(1, min(count, 3) + 1)]
        else:
            # Positions as digits ("1和2"), ordinals ("第一个和第三个"), or Chinese numerals with a
            # measure word ("一个和两个").
            text = text.replace("第", " ")
            position = r"\d+|[一二两三四五](?=\s*[个款件双条只种样])"
            positions = [f"{to_number(n) or 0:g}" for n in re.findall(position, text)][:3]
            text = re.sub(position, " ", text)
        if len(positions) >= 2:
            return text, [f"compare {' and '.join(positions)}"]
        return text, ["compare them"]

    def _reference(self, text: str, shown: bool = False) -> tuple[str, list[str]]:
        # 种 / 样 count kinds ("就刚才说的第一种吧": set L d-07 read 种 as "seed")
        m = re.search(
            r"第\s*(\d+|[一二三四五六七八九十])\s*(?:个|款|件|双|条|只|块|种|样)?|最后一\s*(?:个|款|件|种)?", text
        )
        if not m:
            return self._demonstrative(text) if shown else (text, [])
        english = {1: "first", 2: "second", 3: "third", 4: "fourth", 5: "fifth"}
        if m.group().startswith("最后"):
            which = "last"
        else:
            n = int(to_number(m.group(1)) or 0)
            which = english.get(n, f"number {n}")
        return text.replace(m.group(), " "), [f"the {which} one"]

    def _demonstrative(self, text: str) -> tuple[str, list[str]]:
        """ "这种陶瓷杯能进微波炉吗" -> a question about these (the items on screen), when the
        message asks and states no constraint (see `demonstratives` in the data file)."""
        words = set(self.words["demonstratives"])
        tokens = segment(text, vocabulary())
        if not any(t in words for t in tokens) or not self._asks(text) or self._states(text):
            return text, []
        return "".join(" " if t in words else t for t in tokens), ["these"]

    def _move(self, text: str) -> tuple[str, list[str], bool]:
        """The moves on the request, and whether one replaces a value ("换成"): said as "instead"
        only after a product type, the one value the interpreter replaces on that word."""
        moves, instead = [], False
        for english, words in self.words["moves"].items():
            for word in sorted(words, key=len, reverse=True):
                if word in text:
                    slot_words = tuple(w for said in self.words["slots"].values() for w in said)
                    if english == "start over" and text[text.find(word) + len(word) :].startswith(slot_words):
                        continue  # "算了换个颜色": a slot changes, the request stays (the instead move)
                    if english == "remove":  # "牌子无所谓了" -> "brand doesn't matter"
                        for clause in re.split(r"[，,。！!？?；;\s]+", text):
                            if word in clause:
                                rest, slots = self._slots(clause)
                                text = text.replace(clause, rest)
                                moves += [f"{slot} doesn't matter" for slot in slots if slot not in " ".join(moves)]
                    text = text.replace(word, " ")
                    if english not in ("instead", "remove"):
                        moves.append(english)
                    instead = instead or english == "instead"
                    break
        return text, moves, instead

    def _slots(self, text: str) -> tuple[str, list[str]]:
        """The parts of the request a message names ("牌子", "颜色", "预算"), in the interpreter's
        words (`slots` in the data file)."""
        found = []
        for english, words in self.words["slots"].items():
            said = [w for w in sorted(words, key=len, reverse=True) if w in text]
            if said:
                found.append(english)
                for word in said:
                    text = text.replace(word, " ")
        return text, found
