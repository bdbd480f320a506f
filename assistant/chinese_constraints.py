"""Chinese shoppers: the closed classes of a request (budget, measures, age, rating, audience,
colours, what is refused), read from the data file's words."""

from __future__ import annotations

import re

from assistant.chinese_lexicon import to_number, vocabulary
from common.language import segment
from common.text import STOPWORDS, terms


class ConstraintReading:
    """The part of `ChineseReader` (assistant.chinese) that reads a request's closed classes; it
    uses the reader's data file (`words`, `attributes`) and shop callables."""

    def _age(self, text: str, pronoun: bool) -> tuple[str, list[str]]:
        """ "10岁男孩" -> for a 10 year old: the interpreter reads the audience from the age. An age
        said of "她"/"他" (with no audience word in the message) is that person's: "she is 8" keeps
        the girls a relation set in an earlier turn."""
        m = re.search(r"(\d{1,2}|[一二两三四五六七八九十]{1,3})\s*(?:岁|周岁)", text)
        if not m:
            return text, []
        years = f"{to_number(m.group(1)) or 0:g}"
        rest = text.replace(m.group(), " ")
        said_of = [english for word, english in self.words["pronouns"].items() if word in text]
        if pronoun and said_of:
            for word in self.words["pronouns"]:
                rest = rest.replace(word, " ")
            return rest, [f"{said_of[0]} is {years}"]
        return rest, [f"for a {years} year old"]

    def _rating(self, text: str) -> tuple[str, list[str]]:
        rating = self.words["rating"]
        for pattern in rating["patterns"]:
            m = re.search(pattern, text)
            if m:
                return text.replace(m.group(), " "), [f"rated {m.group(1)} and above"]
        for word in sorted(rating["high"], key=len, reverse=True):
            if word in text:  # "评分高一点": a better rating with no number
                return text.replace(word, " "), ["highly rated"]
        return text, []

    def _audience(self, text: str) -> tuple[str, list[str]]:
        # The most specific word wins: "女儿" (girls) before "女" words, "小男孩" before "男孩".
        table = [(w, a) for a, words in self.words["audiences"].items() for w in words]
        for word, audience in sorted(table, key=lambda x: len(x[0]), reverse=True):
            if word in text and not self._narrated(text, word) and not self._refused(text, word):
                grown = self.words["grown_up"]
                if any(cue in text for cue in grown["cues"]):
                    audience = grown["audiences"].get(audience, audience)
                return text.replace(word, " "), [f"for {audience}"]
        return text, []

    def _refused(self, text: str, word: str) -> bool:
        """Whether every mention of an audience word follows a refusal within a few characters
        ("他是男的哈，别推女款": women's styles are refused, the shopper's man is the audience; set L
        d-06 filtered on women)."""
        cues = self.words["negations"]
        refusals = [*cues["before"], *cues["dislikes"], *cues.get("audience_before", [])]
        reach = self.words["negations"].get("audience_reach", 3)
        mentions = list(re.finditer(re.escape(word), text))
        return bool(mentions) and all(
            any(cue in text[max(0, m.start() - reach - len(cue)) : m.start()] for cue in refusals) for m in mentions
        )

    def _narrated(self, text: str, word: str) -> bool:
        """Whether every mention of a person is chatter about what they do ("我老公天天念叨车脏":
        the husband complains, nobody buys for him): the word is followed by a habit or complaint
        word (`narration` in the data file), with no giving word before it ("给老公")."""
        chatter = self.words["narration"]
        givers = "|".join(map(re.escape, sorted(chatter["not_after"], key=len, reverse=True)))
        said = "|".join(map(re.escape, sorted(chatter["before"], key=len, reverse=True)))
        # ... or the doer of a passive ("被我侄子玩坏了": the nephew broke it; set AC zd03 read boys)
        agents = rf"(?:{_alternation(chatter['agent_markers'])})\s*(?:我的|我家|我)?$"
        mentions = list(re.finditer(re.escape(word), text))
        return bool(mentions) and all(
            re.search(agents, text[: m.start()])
            or (
                re.match(rf"\s*(?:{said})", text[m.end() :])
                and not re.search(rf"(?:{givers})\s*我?$", text[: m.start()])
            )
            for m in mentions
        )

    def _colours(self, text: str) -> tuple[str, list[str]]:
        """Colour words as whole segmented words: 口红 is lipstick, not red."""
        table = self.words["colours"]
        kept, found = [], []
        for token in segment(text, vocabulary()):
            # "红的", a colour word with 色 the table lists without it ("枣红色": 枣红), "白底"
            suffixed = token.endswith(tuple(self.words["colour_suffixes"]))
            colour = table.get(token) or (table.get(token[:-1]) if suffixed else None)
            if colour:
                found.append(colour)
                kept.append(" ")
            else:
                kept.append(token)
        return "".join(kept), found

    def _without_owned(self, text: str) -> str:
        """The message without a clause about what the shopper already has that the product goes
        with ("纯棉的dupatta 三百块以内 配我那套白色的kurta": a dupatta; the kurta and its white are
        context), where another clause names the product. The clause opens with a verb of matching
        and a word of owning (`goes_with`, `owned_markers`); one that names two things keeps the
        last as the product ("配她那条裙子的高跟鞋": heels) and is read as it is."""
        goes = "|".join(map(re.escape, sorted(self.words["goes_with"], key=len, reverse=True)))
        owners = "|".join(map(re.escape, sorted(self.words["owned_markers"], key=len, reverse=True)))
        m = re.search(rf"(?:^|(?<=[\s，,。！!？?；;]))(?:{goes})\s*(?:{owners})[^\s，,。！!？?；;]*", text)
        if not m:
            return text
        rest = text[: m.start()] + " " + text[m.end() :]
        things = self._open_words(m.group(), {})
        named = self._open_words(rest, {})
        if len(things[0]) + len(things[3]) > 1 or not (named[0] or named[3]):
            return text
        return rest

    def _without_owned_statements(self, text: str) -> str:
        """The message without a clause that says what the shopper's own thing is like ("我裙子是
        金色的": the dress is gold; set AC zd05 read "golden blue dress" beside 包得要蓝色才配): an
        owner word, a kind, a statement word and a colour or attribute, with no buy cue and no
        question. Its kind and colour are context, as a thing matched with is (`_without_owned`)."""
        owners = tuple(sorted(self.words["owned_markers"], key=len, reverse=True))
        statement = _alternation(self.words["statement_words"])
        parts = re.split(r"([，,。！!？?；;\s]+)", text)
        kept = []
        for part in parts:
            m = re.search(rf"(?:{statement})(?=.)", part)
            told = (
                m
                and part.startswith(owners)
                and not any(cue in part for cue in [*self.words["buy_cues"], *self.words["question_cues"]])
                and self._open_words(part[: m.start()], {})[0]
                and self._names_quality(part[m.end() :])
            )
            kept.append(" " if told else part)
        rest = "".join(kept)
        return rest if rest.strip(" ，,。！!？?；;") else text

    def _replaced_colours(self, text: str) -> tuple[str, list[str]]:
        """Colours said before a word that replaces (`moves: instead`) when another colour follows
        it ("红的太扎眼了，还是换成金色的吧": red is taken back, gold is wanted): taken out, and
        returned to be passed on as "not red"."""
        words = sorted(self.words["moves"]["instead"], key=len, reverse=True)
        at = min((text.find(w) for w in words if w in text), default=-1)
        if at <= 0:
            return text, []
        before, after = text[:at], text[at:]
        rest, earlier = self._colours(before)
        _, later = self._colours(after)
        earlier = [c for c in earlier if c not in later]
        if not earlier or not later:
            return text, []
        return rest + after, earlier

    def _refusal_before(self) -> str:
        """A pattern of the cues that refuse what follows them: the data file's `before` words, and
        a prohibitive with a verb of offering ("别给我推dove的", "不要再推荐…": set AC zq07 asked for
        the Dove it refused), longest first."""
        neg = self.words["negations"]
        verbs = neg["offer_verbs"]
        said = rf"(?:{_alternation(neg['prohibitives'])})\s*"
        to = rf"(?:{_alternation(neg['beneficiaries'])})\s*"
        offered = rf"{said}{to}(?:{_alternation(verbs)})|{said}(?:{_alternation(v for v in verbs if len(v) > 1)})"
        return rf"(?:{offered}|{_alternation(neg['before'])})"

    def _listed(self, names: str) -> str:
        """A run of one or more of `names` (a pattern), each maybe with 的, joined or not
        ("粉色米色", "印花和条纹的"): a refusal covers the whole run, not its first word."""
        one = rf"(?:{names})(?:色)?的?"
        return rf"{one}(?:\s*(?:{_alternation(self.words['negations']['list_joiners'])})?\s*{one})*"

    def _refused_after(self) -> str:
        """A pattern of a refusal said after what it refuses, closing its clause ("牛仔的不要，太硬了",
        "粉色米色都不要"; set AC zd07 and zd10 read them as wanted): an adverb of scope may come
        between (`scope_adverbs`: 都, 也); a degree after the cue ("棉的不要太厚") refuses nothing."""
        neg = self.words["negations"]
        scope = _alternation(neg["scope_adverbs"])
        return rf"\s*(?:{scope})?\s*(?:{_alternation(neg['after'])})(?=$|[了啦吧哈呢哦，,。！!？?；;\s])"

    def _degree_after(self, said: str, message: str) -> bool:
        """Whether the message has a degree word right after a refusal read in what is left of it
        ("纯棉的不要太贵": 太贵 was read as "cheaper" and taken out; the 不要 refuses nothing)."""
        at = message.find(said.strip())
        rest = message[at + len(said.strip()) :] if at >= 0 else ""
        return rest.startswith(tuple(self.words["negations"]["degree"]))

    def _refused_colours(self, text: str, message: str = "") -> tuple[str, list[str]]:
        """Colours and brands said not to be wanted ("蓝的不要了", "不要黑色", "不要Fastrack的",
        "粉色米色都不要"): taken out before what is wanted is read, and passed on as "not blue",
        "not fastrack"; every colour of a run the refusal covers."""
        table = self.words["colours"]
        names = _alternation(table)
        neg = self.words["negations"]
        after = _alternation(neg["after"])
        before = self._refusal_before()
        latin = r"[A-Za-z][A-Za-z0-9&'.-]*(?:\s[A-Za-z][A-Za-z0-9&'.-]*)*"
        refused = []
        too = _alternation(neg["judged_too"])
        praise = "|".join(map(re.escape, neg["praise"]))
        judged = rf"({names})(?:色)?的?\s*(?:{too})(?!{praise})[^，,。！!？?；;\s]*"  # "金色太土": refused
        run = self._listed(names)
        for pattern in (
            rf"({run}){self._refused_after()}",
            rf"({names})(?:色)?的?\s*(?:{after})",
            rf"(?:{before})\s*({run})",
            judged,
        ):
            for m in list(re.finditer(pattern, text)):
                if self._degree_after(m.group(), message):
                    continue
                refused += [table[name] for name in re.findall(names, m.group(1))]
                text = text.replace(m.group(), " ")
        # A brand refused the same way ("不要Fastrack的", "除了Titan") -> "not fastrack"; a stretch
        # after it that opens with a relative tail describes the refused one ("不要anarkali那种伞摆
        # 的": set AC zd04 read the 伞摆 "umbrella" hem as the kind)
        tails = _alternation(self.words["relative_tails"])
        described = rf"(?:(?:{tails})[^，,。！!？?；;\s]*?的|的)?"
        for pattern in (rf"({latin})\s*的?\s*(?:{after})", rf"(?:{before})\s*({latin})\s*{described}"):
            for m in list(re.finditer(pattern, text)):
                refused.append(m.group(1).lower())
                text = text.replace(m.group(), " ")
        return text, list(dict.fromkeys(refused))

    def _refused_attributes(self, text: str, message: str = "") -> tuple[str, list[str]]:
        """Attributes said not to be liked or wanted ("她不喜欢条纹", "不要印花的", "牛仔的不要"):
        taken out before what is wanted is read, so they are never asked for, and passed on as
        "not striped" (a negated attribute the interpreter neither requires nor prefers); every
        attribute of a run the refusal covers ("不要印花和条纹的")."""
        table = self.attributes
        said = _alternation(table)
        dislikes = _alternation(self.words["negations"]["dislikes"])
        run = self._listed(said)
        refused = []
        # said first, then who dislikes it ("白金的她不喜欢，要黄金的": set AD zd04 read silver as wanted)
        who = _alternation([*self.words["pronouns"], "我"])
        disliked = rf"({run})(?:图案|款|那种)?\s*(?:{who})\s*(?:{dislikes})"
        patterns = (
            rf"(?:{dislikes})\s*({run})(?:图案|款)?",
            rf"({run})(?:图案|款|那种)?{self._refused_after()}",
            disliked,
        )
        for pattern in patterns:
            for m in list(re.finditer(pattern, text)):
                if self._degree_after(m.group(), message):
                    continue
                refused += [table[word] for word in re.findall(said, m.group(1))]
                text = text.replace(m.group(), " ", 1)
        return text, list(dict.fromkeys(refused))

    def _refused_kinds(self, text: str) -> tuple[str, list[str]]:
        """What a clause refuses from its negation to its end ("不要打板球用的", "算了不要裙子了",
        "不是打板球那种手套"): taken out before the product is read, so a refused kind or use is
        never the request's (set M zh-02 and d-02 showed cricket gloves, set L d-10 kept the dress).
        A kind named after another there ("打板球那种手套": gloves of the cricket kind) is the
        product's and stays; the words read before it, and the attributes, are passed on as "not
        cricket"; a lone kind refused is dropped (the kind said instead replaces it). An A-not-A
        question (要不要, 是不是) and a degree after the cue (不要太大) refuse nothing."""
        negations = self.words["negations"]
        cues = self._refusal_before()
        refused: list[str] = []
        for clause in re.split(r"[，,。！!？?；;\n]+", text):
            found = re.search(cues, clause)
            at, cue = (found.start(), found.group()) if found else (-1, "")
            if (
                at < 0
                or (at and clause[at - 1] == cue[-1])
                or clause[at + len(cue) :].startswith(tuple(negations["degree"]))
            ):
                continue
            span, names = clause[at:], {}
            kinds, attributes, *_ = self._clause_words(span[len(cue) :], names, refused=True)
            attributes += [english for word, english in negations["refused_only"].items() if word in span]
            if not kinds and not attributes:
                continue  # nothing read to refuse ("不是很贵"): the words stay
            kept = names.get(kinds[-1], "") if len(kinds) >= 2 else ""
            said = [" ".join(w for w in terms(k) if w not in STOPWORDS) for k in (kinds[:-1] if kept else [])]
            refused += [*attributes, *said]  # "a football": the sense's article is no word refused
            text = text.replace(span, f" {kept} ", 1)
        return text, list(dict.fromkeys(refused))

    def _asks(self, message: str) -> bool:
        message = re.sub(self.words["pack_counts"], " ", message)  # "一套几个的": a set of several
        message = re.sub(self.words["counted_packs"], " ", message)  # "一次买几条的": several at once
        return any(cue in message for cue in self.words["question_cues"])

    def _pack(self, text: str, kinds: list[str]) -> str | None:
        """The shop's word for a pack of the kind where the message says the product comes as
        several pieces ("一套的合金手镯", "干脆买一套几条的": sets R zh-r-22, Q d-04 showed single
        bangles and ties): of `pack_words`, the one most of the kind's products hold (`held_with`:
        bangles "set", neckties "combo"); with the count said, the counted pack the products hold
        (`_counted_pack`). None where the message says no pack or none holds one."""
        counted = re.search(self.words["counted_packs"], text)
        said = any(cue in text for cue in self.words["pack_cues"]) or re.search(self.words["pack_counts"], text)
        if not (said or counted) or not kinds:
            return None
        found = self._counted_pack(counted, kinds[-1]) if counted else None
        if found or not said:
            return found
        held = [(self.held_with([word], kinds[-1]), word) for word in self.words["pack_words"]]
        count, word = max(held)
        return word if count > 0 else None

    def _counted_pack(self, counted: re.Match, kind: str) -> str | None:
        """The pack with its count as the kind's products write it ("一包六条的内裤": "pack of 6";
        "一次买三条的浴巾": "3 bath towel", a sales package's words; set N zh-29 and Q zh-025 showed
        single items): of the pack words with "of" and the count, and the count before the kind's
        name, the phrase most of the kind's products hold. None where the count is no number
        ("一套几个": several) or no product holds any."""
        said = counted.group("count") or counted.group("counted")
        number = to_number(said) if said else None
        if not number or number != int(number) or number < 2:
            return None
        n = int(number)
        phrases = [f"{word} of {n}" for word in self.words["pack_words"]] + [f"{n} {kind}"]
        most, phrase = max((self.held_with(terms(p), kind), p) for p in phrases)
        return phrase if most > 0 else None


def _alternation(words) -> str:
    """A regular expression of the words, longest first."""
    return "|".join(map(re.escape, sorted(words, key=len, reverse=True)))
