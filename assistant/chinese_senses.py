"""Chinese shoppers: the product kind one Chinese word names, from the shopping-word table, the
shop's own kinds and CC-CEDICT's senses, judged by what the shop carries."""

from __future__ import annotations

import re

from assistant.chinese_lexicon import (
    _activity_words,
    _compound_modifiers,
    _compounds,
    _dictionary,
    _function_words,
    _modifier_words,
    _senses,
    _split,
    vocabulary,
)
from common.language import CJK, is_adjective, segment
from common.text import AUDIENCE_WORDS, terms


class KindReading:
    """The part of `ChineseReader` (assistant.chinese) that reads one word's kind; it uses the
    reader's shop callables (`is_type`, `carried`, `knows`, `uses`, `headed`, `near`)."""

    def _verb_form(self, token: str) -> bool:
        """A verb with its aspect particle ("穿着": wearing; `aspect_particles`), though CEDICT lists
        the word as a noun too ("attire; clothes; dress": set I d-01 read clothes for wedges)."""
        if len(token) != 2 or token[1] not in self.words["aspect_particles"] or token in self.words["types"]:
            return False
        senses = [s for d in _dictionary().get(token[0], []) for s in d.split(";")]
        verbs = [s for s in senses if s.strip().startswith("to ")]
        return bool(senses) and len(verbs) * 2 >= len(senses)

    def _stated(self, text: str, word: str) -> bool:
        """Whether the clause says something of `word`: a copula follows it (`statement_words`)."""
        after = text[text.find(word) + len(word) :].lstrip()
        return after.startswith(tuple(self.words["statement_words"]))

    def _narrower(self, kind: str, head: str, qualifiers: list[str]) -> str:
        """The shop's narrower kind that words said before the head name ("墙上的置物架": a wall
        shelf; "孕妇内裤": maternity panties), nearest word first: a word's dictionary senses, and
        the modifier its dictionary compounds give it (孕妇装 "maternity wear": 孕妇 -> maternity),
        before the head's kind or its other senses ("panties" of 内裤), where the shop's products
        hold the phrase. Audience words are read as the audience, never as a kind's modifier. With
        none, a word that is no kind of its own is read as the shop's one kind of it (`_only_kind`)."""
        if " or " in kind:
            return kind
        heads = [kind, *(k for k in map(self._type_in, _senses(head)) if k and self.carried(terms(k)[-1:]))]
        if qualifiers and len(qualifiers[0]) == 1 and len(head) == 1:
            # two characters the segmenter cut apart ("的后" + "壳") are one compound: read as one
            held = self._held_modifier(qualifiers[0], [kind])
            if held:
                return held
        for qualifier in qualifiers:
            words = [w for w in _modifier_words(qualifier) if w not in AUDIENCE_WORDS]
            held = [
                (self.uses(terms(f"{w} {h}")), f"{w} {h}")
                for w in dict.fromkeys(words)
                for h in dict.fromkeys(heads)
                if w not in terms(h)
            ]
            best = max(held, default=(0, kind))
            if best[0] > 0:
                return best[1]
            # a word the kind's products record, not right before its name ("gaming" in "Sony
            # Gaming Headset with Mic, Over-Ear"): the English request's run, which the
            # interpreter narrows on as it does "gaming headset" said in English
            # Only an activity (a verb and its object): a place or a room word the kind's records
            # hold somewhere ("bedroom" curtains) names no narrower kind (set T zhT-q13 lost its curtains).
            activity = bool(_activity_words(qualifier))
            recorded = [w for w in dict.fromkeys(words) if w not in terms(kind) and self.held_with([w], kind) > 0]
            if activity and recorded:
                return f"{recorded[0]} {kind}"
            # ... or the modifier the dictionary's compounds of the word put before a kind (孕妇装
            # "maternity wear": 孕妇裙 is a maternity dress where the shop's dresses say "maternity"
            # anywhere, "nine maternity wear fit and flare dress"; set AC zq24 showed any dress)
            modifying = [w for w in _compound_modifiers(qualifier) if w in recorded]
            if modifying:
                return f"{modifying[0]} {kind}"
            # a kind the shop lacks said with a modifier: the shop's kind of that modifier nearest
            # in meaning ("狗狗沐浴露" dog body wash: the shop's dog shampoo; sets AC zq15, AF z11)
            sibling = self._sibling(kind, words)
            if sibling:
                return sibling
        return self._only_kind(kind)

    def _sibling(self, kind: str, modifiers: list[str]) -> str | None:
        """The shop's kind a modifier names where the shop holds no product of the kind said:
        "dog body wash" is the shop's dog shampoo (`modifier_kind`: a near kind said after the
        modifier in its titles; sets AC zq15, AF z11 showed nothing)."""
        if " or " in kind or self.uses(terms(kind)) > 0:
            return None  # a kind the shop holds stays ("摩托车大灯": its headlights, no motorbike helmet)
        held = (m for m in modifiers if " " not in m and m.isalpha() and self.held_with([m], kind) == 0)
        return next(filter(None, (self.modifier_kind(m, kind) for m in held)), None)

    def _only_kind(self, kind: str) -> str:
        """A word the interpreter filters on as no kind ("shelf": too many things have one; the
        shop's `headed` judges) read as the one kind the shop names with it (its wall shelves, set I: 置物架 read "shelf"
        filtered nothing); as it is where the shop names several ("box": lunch, gift, watch)."""
        if len(terms(kind)) != 1:
            return kind
        named = self.headed(kind)
        return named[0] if len(named) == 1 else kind

    def _own_kind(self, token: str) -> str | None:
        """In a shop written in Chinese, the shop's own kind a word names ("杯子" -> 马克杯,
        "男士跑步鞋" -> 跑步鞋, "电热水壶" -> 电热 水壶), alternatives joined by "or": lexically
        first; through the embedder only for a word the shop's text does not use and the English
        reading finds no carried kind for. None outside such a shop, for a word the shop uses as
        it is, and for the closed classes' words (attributes, parts, filler)."""
        kinds = self.shop_kinds
        if kinds is None or not CJK.search(token) or token in self.attributes or token in self.words["parts"]:
            return None
        if token in self.words["filler"]:
            return None
        found = kinds.lexical(token)
        if found == [token]:
            # The shop's own kind as written: a word its text uses passes through as it is.
            return None if self.knows(token) else token
        if len(found) == 1 and token.endswith(found[0]):
            modifier = token[: -len(found[0])]
            return f"{modifier} {found[0]}".strip() if self.knows(modifier) else found[0]
        if found:
            return " or ".join(found)
        if self.knows(token):
            return None
        shop_word = self._shop_word(token)
        english = shop_word[0] if shop_word else self._kind(token)
        if english and self._carried_kind(english):
            return None
        return kinds.similar(token)

    def _headed_compound(self, modifier: str, head: str) -> str | None:
        """The shop's narrower kind a compound the dictionary lacks names, a word and a one-character
        head jieba cut apart (月经 + 杯: a menstrual cup, not any cup; sets L, U): ranked among the
        shop's types that end in the head's English words (`compound_kind`). None for a compound
        the dictionary or the shopping table holds, or a modifier that is an attribute (玻璃杯)."""
        joined = modifier + head
        if len(head) != 1 or len(modifier) < 2 or not CJK.fullmatch(head) or not all(map(CJK.fullmatch, modifier)):
            return None
        if joined in _dictionary() or joined in self.words["types"] or modifier in self.attributes:
            return None
        if modifier in self.words["types"] or modifier in _function_words():
            return None
        # a single character by its first sense only, as `_kind` reads it: 装 after 床头 is "to
        # install" here, its senses' "dress" no head (床头装 read a brand's "wardtrobe dress")
        sense = self.words["heads"].get(head) or next(iter(_senses(head)), None)
        kind = self._type_in(sense) if sense else None
        heads = [kind] if kind and len(terms(kind)) == 1 else []
        return self.compound_kind(joined, heads) if heads else None

    def _rejoined(self, text: str) -> str:
        """A shopping word said with 的 inside it ("坡跟的鞋": 坡跟鞋, wedges; set L zh-016 read
        "shoe"): the modifier and the head the table lists as one word of three or more
        characters, joined again (jieba then cuts 坡 + 跟 apart)."""
        types = self.words["types"]
        for word in (w for w in types if len(w) >= 3):
            for cut in range(1, len(word)):
                text = text.replace(f"{word[:cut]}的{word[cut:]}", word)
            # ... and before another word of the same head ("坡跟的凉鞋", "坡跟凉鞋": wedges; set Q
            # zh-010 read sandals), where the modifier is no word of its own: it names nothing but
            # as part of the shopping word ("运动凉鞋" stays sports sandals: 运动 is a word).
            for cut in range(2, len(word)):
                modifier, head = word[:cut], word[cut:]
                if modifier in _dictionary() or modifier in self.attributes or modifier not in text:
                    continue
                for other in (w for w in types if w != word and w.endswith(head) and len(w) > len(head)):
                    text = re.sub(f"{modifier}的?{other}", word, text)
        return text

    def _tokens(self, text: str) -> list[str]:
        """The clause segmented, with neighbouring pieces joined again where together they are a
        shopping word or a part (jieba cuts app words it does not know: 遮阳 + 挡)."""
        known = {**self.words["types"], **self.words["parts"]}
        pieces = [t.strip() for t in segment(self._rejoined(text), vocabulary())]
        pieces = [piece for t in pieces if t for piece in self._unglued(t)]
        # A shopping word the segmenter cut across ("双人床" + "单" for 双人 + 床单): the word is
        # cut whole, what is before it stays a word of its own.
        types = self.words["types"]
        for n in range(len(pieces) - 1):
            first, second = pieces[n], pieces[n + 1]
            if first in types or second in types or not CJK.search(first + second):
                continue
            for k in range(1, len(first)):
                if first[k:] + second in types:
                    pieces[n], pieces[n + 1] = first[:k], first[k:] + second
                    break
        # A shopping word and a product word's last character ("抱枕" + "套", cut 抱 + 枕套): one
        # compound, read as that head of that word (a cushion cover, not a pillowcase).
        heads = self.words["heads"]
        n = 0
        while n < len(pieces) - 1:
            joined = pieces[n] + pieces[n + 1]
            if joined[:-1] in types and len(joined) > 2 and joined[-1] in heads and pieces[n] not in types:
                pieces[n : n + 2] = [joined]
            n += 1
        tokens, i = [], 0
        while i < len(pieces):
            for n in (4, 3, 2, 1):
                joined = "".join(pieces[i : i + n])
                if n == 1 or (i + n <= len(pieces) and joined in known):
                    tokens.append(joined)
                    i += n
                    break
        return tokens

    def _unglued(self, token: str) -> list[str]:
        """A word jieba made of a word and a function word beside it ("伞要", "裤有", "上全",
        "车里"; set I read no umbrella in "伞要大一点的"): cut into dictionary words where CEDICT
        lacks the whole and one of its pieces is a one-character function word of the data file
        (要, 有, 上, 里). A compound CEDICT lacks with no such piece (置物架; 生日派对, whose 生日 is
        chatter but a word) stays whole: its head is read by `_compound`."""
        if len(token) < 2 or not CJK.search(token) or token in _dictionary() or token in vocabulary():
            return [token]
        pieces = _split(token)
        glued = any(len(p) == 1 and p in _function_words() for p in pieces)
        return pieces if len(pieces) > 1 and glued else [token]

    def _shop_word(self, token: str) -> tuple[str, list[str]] | None:
        """(type, modifiers) for a shopping word, or a word ending in one (男士游泳裤 -> 泳裤), when
        the shop carries it or the dictionary names no type the shop carries ("背包": the shop's
        rucksack before the table's backpack). The modifiers are those of the attribute table."""
        types = self.words["types"]
        head = next((w for w in sorted(types, key=len, reverse=True) if token.endswith(w) and len(w) >= 2), None)
        if head is None and token in types:
            head = token
        if head is None:
            return None
        kind = self._usual(types[head])
        if not self._carried_kind(kind) and kind not in self.words["generic_heads"]:
            from_dictionary = self._kind(head)
            if from_dictionary and self._carried_kind(from_dictionary):
                kind = from_dictionary
        table = self.attributes
        rest = token[: len(token) - len(head)]
        mods = [table[p] for p in sorted(table, key=len, reverse=True) if p and p in rest][:1]
        return kind, mods

    def _usual(self, kind: str) -> str:
        """Of a table type's alternatives ("skirt or dress", "aroma diffuser or air freshener": the
        names catalogs file one thing under), the one this shop files most products under; the
        interpreter filters on one type of an "or" only. As listed where the shop counts none."""
        alternatives = [a.strip() for a in kind.split(" or ")]
        if len(alternatives) < 2 or self.kind_count is None:
            return kind
        counts = [self.kind_count(terms(a)) if self._carried_kind(a) else 0 for a in alternatives]
        return alternatives[counts.index(max(counts))] if max(counts) > 0 else kind

    def _carried_kind(self, kind: str) -> bool:
        """Whether the shop carries a kind or one of its alternatives ("flats or bellies")."""
        return any(self.carried(terms(alt)[-1:]) for alt in kind.split(" or ") if terms(alt))

    def _kind(self, token: str) -> str | None:
        """The product type a Chinese word names: from its primary senses (a single character
        only by its first sense: single characters are mostly function words). A word jieba tags
        as an adjective names none: 看着干净 "looks clean" is no cleaner (set U zh-12 lost its
        bedsheet to it), 短 "short" no shorts."""
        if is_adjective(token):
            return None
        if len(token) == 1:
            primary = [self.words["heads"].get(token)] if token in self.words["heads"] else _senses(token)[:1]
            kind = self._type_in(primary[0]) if primary else None
            return kind if kind and self.carried(kind.split()[-1:]) else None
        kind, _ = self._sense(token)
        return kind

    def _sense(self, token: str) -> tuple[str | None, str | None]:
        """(product type, attribute) in English for one Chinese word, from its CEDICT senses."""
        senses = _senses(token)
        if not senses and len(token) >= 2:
            senses = self._compound(token)
        # Modifiers stay ("diamond ring"); what the shop carries is judged by the head noun. A
        # sense the shop files under its own name is read as that name, before a later sense the
        # shop carries ("首饰": jewelry -> the shop's jewellery, not a head ornament); a sense
        # that is no type only as a type spelt otherwise (never "home" for 家里).
        types = []
        for n, sense in enumerate(senses):
            kind = self._type_in(sense)
            if kind and self.carried(kind.split()[-1:]):
                return self._held_sense(kind, senses[n + 1 :]) or self._later_held(senses[n + 1 :]) or kind, None
            # only a word that ends in a kind of product (保暖内衣: 内衣) gives its modifier's kind;
            # 零花钱 "pocket money" is no pocket (set L d-08: "教他攒零花钱的" replaced the coin bank)
            names_kind = any(token.endswith(w) for w in self.words["types"] if len(w) >= 2)
            carried = self._carried_modifier(kind) if kind and names_kind else None
            if carried:
                return carried, None
            named = self.near(kind or sense)
            # A sense that is no type names a shop type only spelt otherwise, adding no word
            # ("jewelry" -> jewellery, "bed sheet" -> bedsheet; never 里面 "interior" -> car interior).
            if named and (kind or (terms(named) != terms(sense) and len(terms(named)) <= len(terms(sense)))):
                return named, None
            # A kind the shop lacks is read from the word's first sense only: 客人 is "visitor;
            # guest; customer; client", a person, never the kind "client" (set L d-03 replaced a
            # sofa bed with it). A later sense counts only where the shop carries it (above).
            types += [kind] if kind and n == 0 else []
        return (types[0], None) if types else (None, None)

    def _compound(self, token: str) -> list[str]:
        """Senses of a compound CEDICT lacks, from its parts (head last), only when the head is a
        kind the shop carries: split characters of chatter are noise ("倒水" is no liquid)."""
        filler = set(self.words["filler"])
        parts = _split(token)
        while len(parts) > 1 and parts[0] in filler:  # "双乐福鞋": a pair of loafers
            parts = parts[1:]
        if len(parts) < 2:
            return []
        # A product word's last character has one meaning there (表: watch); otherwise the
        # head's primary senses only (a character's later senses are rarely what it means).
        # A character the table does not list is no product word's head: its own senses are
        # the literal ones ("护具": 具 is "tool", the shopper means protective gear).
        head = self.words["heads"].get(parts[-1])
        if head is None and len(parts[-1]) == 1:
            return self._composed(parts)
        candidates = [head] if head else _senses(parts[-1])[:2]
        typed = [h for h in candidates if self._type_in(h)]
        heads = [h for h in typed if self.carried(self._type_in(h).split()[-1:])]
        if not heads and (head or len(parts[-1]) > 1):
            heads = typed  # a kind the shop lacks, named plainly: the reply says it is not carried
        if not heads:
            return []
        table, types = self.attributes, self.words["types"]
        # a shopping word before the head says what it is for (抱枕套: a cushion cover)
        mods = [table[p] if p in table else self._usual(types[p]) for p in parts[:-1] if p in table or p in types]
        narrower = self._held_modifier(parts[0], heads) if not mods and len(parts) == 2 else None
        return [narrower] if narrower else [" ".join([*mods, h]) for h in heads]

    def _held_modifier(self, first: str, heads: list[str]) -> str | None:
        """The shop's narrower kind a compound's first word names before its head: 后壳 (后 "back;
        behind; rear", 壳 a cover) is a "back cover" where the shop's products hold that phrase and
        it is a kind of its own (sets N and O read "cover" and showed tablet and phone covers of
        every kind). Every sense of the first word is tried, as for `_composed` (a character's
        first sense is often not the one a compound means: 后 "empress"); the shop's text is the
        evidence, the phrase the shop holds most wins."""
        found = [
            (self.uses(terms(f"{sense} {head}")), f"{sense.lower()} {head}")
            for sense in _senses(first)
            for head in heads
            if sense.isalpha() and len(terms(head)) == 1 and self.is_type(terms(f"{sense} {head}"))
        ]
        held = [(n, phrase) for n, phrase in found if n > 0]
        return max(held)[1] if held else self._described_head(first, heads)

    def _described_head(self, first: str, heads: list[str]) -> str | None:
        """The head described by a word before it whose gloss the shop's products hold before
        that head: 嘻哈帽 (嘻哈 "hip-hop") is a "hip hop cap" where titles say so, as the English
        request "hip hop cap" is read (the interpreter then requires "hip hop"; set R zh-r-15
        read a plain cap). Only a word of two or more characters: a single character's senses are
        too many to be the evidence of one."""
        if len(first) < 2:
            return None
        found = [
            (self.uses([*terms(sense), *terms(head)]), f"{' '.join(terms(sense))} {head}")
            for sense in _senses(first)
            for head in heads
            if terms(sense) and all(w.isalpha() for w in sense.replace("-", " ").split())
        ]
        held = [(n, phrase) for n, phrase in found if n > 0]
        return max(held)[1] if held else None

    def _composed(self, parts: list[str]) -> list[str]:
        """A two-word compound CEDICT lacks, whose last character the table does not list, read
        from its characters' senses only where the shop's own text holds the phrase they make: 门帘
        (门 door + 帘 curtain) is a "door curtain" where products say so; 护具 (具 "tool") makes no
        phrase the shop uses and stays unread. Every sense of the head character is tried (a
        character's first sense is often not the one a compound means: 帘 "a shop's flag"), so the
        shop's text is the evidence, and the head must be a type the shop carries.

        The multilingual embedder cannot judge this: multilingual-e5-small's nearest English type
        is right for 19 of 42 labelled words and scores right and wrong types alike, 0.83-0.88
        (bench/zh_kind_threshold.py --english); 门帘 scores "curtain" and "gate" both 0.819."""
        if len(parts) != 2:
            return []
        found: list[tuple[int, str]] = []
        for sense in _senses(parts[1]):
            kind = self._type_in(sense)
            if not kind or len(kind.split()) != 1 or not self.carried(kind.split()):
                continue
            for modifier in _senses(parts[0]):
                if len(modifier.split()) == 1 and modifier.isalpha():
                    phrase = f"{modifier.lower()} {kind}"
                    found.append((self.uses(terms(phrase)), phrase))
        held = [(n, phrase) for n, phrase in found if n > 0]
        return [max(held)[1]] if held else self._analogous(parts)

    def _analogous(self, parts: list[str]) -> list[str]:
        """A two-character word CEDICT lacks read as its first character's other words are: 护肘
        is an "elbow pad" (肘: elbow), so 护胸 is a "chest pad" (胸: chest; set K zh-021 read no
        kind). The heads come from the dictionary's words of the same first character whose sense
        is the second character's first sense before a head; the phrase must be one the shop's
        products hold and a kind it carries."""
        first, second = parts
        heads: list[str] = []
        for word in _compounds(first):
            if len(word) != 2 or not _senses(word[1]):
                continue
            said = terms(_senses(word[1])[0])
            for sense in _senses(word):
                words = terms(sense)
                if len(words) == len(said) + 1 and words[:-1] == said and words[-1] not in heads:
                    heads.append(words[-1])
        found = [
            (self.uses([*terms(modifier), head]), f"{modifier.lower()} {head}")
            for modifier in _senses(second)[:1]
            for head in heads
            if self.is_type([*terms(modifier), head]) and self.carried([head])
        ]
        held = [(n, phrase) for n, phrase in found if n > 0]
        return [max(held)[1]] if held else []

    def _modifier(self, part: str) -> str | None:
        """A compound's modifier in the shop's words: the attribute table's, else the first sense
        the shop knows (金 -> gold)."""
        if part in self.attributes:
            return self.attributes[part]
        for sense in _senses(part):
            if all(self.knows(w) for w in terms(sense)):
                return sense
        return None

    def _brand_named(self, token: str) -> str | None:
        """The brand a Chinese word is the name of, in the Latin letters catalogs write brands in
        (阿玛尼: Armani, 联想: Lenovo, 小米: Xiaomi): a dictionary sense written as a proper name
        (capitalised, before its gloss: "Xiaomi, Chinese electronics company") that names one of
        the shop's brands or a known brand (`brand_of`: as the shop stores it, 阿玛尼 -> giorgio
        armani). A capitalised sense that is no brand (印度: India) and a brand's homograph
        written in lower case (苹果: apple, the fruit) stay what they are."""
        for definition in _dictionary().get(token, []):
            name = re.split(r"[,(;]", definition)[0].strip()
            brand = self.brand_of(name.lower()) if name[:1].isupper() and 1 <= len(name.split()) <= 2 else None
            if brand:
                return brand
        return None

    def _type_in(self, sense: str) -> str | None:
        """The product type a sense names: its longest tail that is a type ("woman's dress" ->
        dress), or a closed compound split at a type ("wristwatch" -> wrist watch)."""
        words = terms(sense)
        for start in range(len(words)):
            if self.is_type(words[start:]):
                within = self._carried_within(words) if not self.carried(words[start:]) else None
                if within:
                    return " ".join(within)
                # The modifiers too ("gold earring"), but not an audience ("woman's dress"): the
                # audience is read from the audience words, as a filter.
                mods = [w for w in words[:start] if w not in AUDIENCE_WORDS]
                return " ".join([*mods, *words[start:]])
        if words:
            word = words[-1]
            for cut in range(3, len(word) - 2):
                if self.is_type([word[cut:]]) and self.knows(word[:cut]):
                    mods = [w for w in words[:-1] if w not in AUDIENCE_WORDS]
                    return " ".join([*mods, word[:cut], word[cut:]])
        return None
