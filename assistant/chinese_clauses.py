"""Chinese shoppers: the open vocabulary of a message clause by clause (which clause names the
product, which words are places, parts, attributes, and the kind's head)."""

from __future__ import annotations

import re

from assistant.chinese_lexicon import LATIN_RUN, _activity_words, _dictionary, _function_words, _senses
from assistant.chinese_stretches import StretchReading
from assistant.word_forms import base_forms
from common.language import CJK
from common.text import MATERIALS, terms
from common.text import singular as singular_of


class ClauseReading(StretchReading):
    """The part of `ChineseReader` (assistant.chinese) that reads the open vocabulary of a message's
    clauses; word senses come from `KindReading` (assistant.chinese_senses)."""

    def _open_words(
        self, text: str, names: dict[str, str], shown: bool = False
    ) -> tuple[list[str], list[str], list[str], list[str], list[str]]:
        """The product type, attributes, unread Chinese words, Latin words (brands, models) and
        parts a colour may be about.

        Product types come from the shopping-word table, else from CC-CEDICT, one per message:
        of the clauses that say what is bought (a buy cue), the last type the shop carries (a
        Chinese noun phrase ends with its head), else the last type at all; types named in the
        other clauses are chatter, and so are their attributes. Words joined by "或者" are
        alternatives of one type."""
        found: list[tuple[int, str]] = []  # (clause, kind)
        attributes: list[tuple[int, str]] = []
        unread: list[str] = []
        latin: list[str] = []
        parts: list[str] = []
        buying: set[int] = set()
        placed: list[str] = []
        alternatives: set[int] = set()  # clauses that join alternatives
        described: list[tuple[int, str]] = []  # kinds said as the one wanted ("要水晶的")
        # "diwan套装 就是床单加靠垫那种": what follows 就是 explains what was named before it; the
        # kinds it lists are the named thing's parts, not the product (set H q-023 read a mat)
        clauses: list[str] = []
        explaining: set[int] = set()
        for said in re.split(r"[，,。！!？?；;\n]+", text):
            word = next((w for w in self.words["explanations"] if w in said), None)
            at = said.find(word) if word else -1
            if word and (said[:at].strip() or clauses):
                clauses += [said[:at]] if said[:at].strip() else []
                explaining.add(len(clauses))
                said = said[at + len(word) :]
            clauses.append(said)
        for clause, said in enumerate(clauses):
            if any(cue in said for cue in self.words["buy_cues"]):
                buying.add(clause)
            if any(word in said for word in self.words["alternatives"]):
                alternatives.add(clause)
            k, a, u, lt, pt, pl = self._clause_words(said, names, shown and clause not in buying)
            put = self._put_in(said, u) if len(k) == 1 and self._holds(k[0], names.get(k[0], "")) else None
            if put:  # 放首饰的小盒子: a holder said by what is put in it (set AC zq09 read "case")
                k, u = [self._holder(put[1], k[0])], [w for w in u if w != put[0]]
            placed += pl
            if clause in explaining and (found or any(self.is_type(terms(w)) for w in latin)):
                k = []  # a kind was named before ("diwan"); "nike的，就是那种跑鞋" names the kind here
            joined = "的" in said and not any(w in said for w in ("和", "跟", "或", "还有"))
            if joined and len(k) >= 2 and self._holds(k[-1], names.get(k[-1], "")):
                k = [*k[:-2], self._holder(k[-2], k[-1])]  # 装瑜伽垫的包: a yoga mat bag
            # in a conversation, "他…天天戴着耳机" tells what he wears; it asks for nothing
            if shown and self._habit(said, "".join(clauses[: clause + 1])):
                k, a = [], []
            if len(k) == 1 and self._said_as_the_one(said, names.get(k[0], "")):
                described.append((clause, k[0]))
            found += [(clause, x) for x in k]
            attributes += [(clause, x) for x in a]
            unread += u
            latin += lt
            parts += pt
        # "镇纸，想要水晶的": a noun said as the one wanted ("the crystal one") describes the kind
        # another clause names, as a material or colour said so does (set AF z19 read a crystal).
        others = {c for c, _ in found} - {c for c, _ in described}
        if others:
            found = [(c, k) for c, k in found if (c, k) not in described]
            attributes += [(c, k) for c, k in described if (c, k) not in attributes]
            # the clause says what is bought of the kind named nearest before it
            for c, _ in described:
                buying.add(max((o for o in others if o < c), default=min(others)))
        if not found and placed and not shown:  # "帽子上面有logo的": the place is the product
            found = [(0, placed[-1])]
        chosen = {c for c, _ in found if c in buying} or {c for c, _ in found}
        kinds = [k for c, k in found if c in chosen]
        kept = [a for c, a in attributes if c in chosen or c not in {c for c, _ in found}]
        generic = set(self.words["generic_heads"])
        # a grouping said as one (套装, 套): the kind before it is the product; a kind that only
        # reads as a grouping word in English (西装: a suit) is a kind of its own
        grouping = names.get(kinds[-1], "") in self.words["grouping_words"] if kinds else False
        earlier = [k for c, k in found if c not in chosen and c < min(chosen)] if grouping and len(kinds) == 1 else []
        if earlier and kinds[-1].split()[-1] in generic:
            # a grouping alone where it is bought is a set of the kind named before ("想学轮滑，要
            # 那种连头盔一起的套装": a roller skating set; set AD zq18 read a set of nothing)
            kinds = [earlier[-1], kinds[-1]]
        if len(kinds) >= 2 and kinds[-1].split()[-1] in generic and (grouping or kinds[-1] not in names):
            # 内衣 + 套 (CEDICT): a lingerie set
            *held, head = kinds[-1].split()
            # 香薰炉加精油的套装: a set of the first kind with the others ("aroma burner set with
            # essential oil"), the interpreter's form for the kind asked for and what comes with it.
            said = " ".join(c for i, c in enumerate(clauses) if i in chosen)
            listed = held and any(w in said for w in self.words["set_joiners"])
            joined = f"{kinds[-2]} {head} with {' '.join(held)}" if listed else f"{kinds[-2]} {kinds[-1]}"
            kinds = [*kinds[:-2], joined]
        # 围巾或者披肩: either is wanted, two kinds of the clause that joins them (not a kind of
        # another clause: "送个杯子吧，上面有音乐相关图案或者字的" read "mug or music", set AH zd05)
        # ("要围巾，或者披肩也行": a clause opening with the word joins the one before)
        opening = {c for c in alternatives if clauses[c].strip().startswith(tuple(self.words["alternatives"]))}
        either = any(sum(c in (a, a - 1 if a in opening else a) for c, _ in found) >= 2 for a in chosen & alternatives)
        if len(kinds) >= 2 and either:
            alts = [w for k in kinds for w in k.split(" or ")]
            return [" or ".join(dict.fromkeys(alts))], list(dict.fromkeys(kept)), unread, latin, parts
        carried = [k for k in kinds if self._carried_kind(k)]
        return (carried or kinds)[-1:], list(dict.fromkeys(kept)), unread, latin, parts

    def _habit(self, clause: str, said: str) -> bool:
        """A clause said in a conversation that tells what a person habitually does or complains
        of (`narration` in the
        data file: 天天, 总是, 念叨, after a pronoun or a relation word in `said`, the message up to
        the clause's end), asking for nothing and asking no question: its kind is what they have
        or use, context as a story is, not the product (set AH zd05 searched headphones for a music
        lover's mug). "天天要打领带，想给他买条新的" asks (要): its kind is bought; "wifi老是断" tells of
        no person (set AF z03 keeps its router)."""
        cues = [*self.words["buy_cues"], *self.words["question_cues"]]
        habit = [said.rfind(w) for w in self.words["narration"]["before"] if w in clause]
        if not habit or any(c in clause for c in cues):
            return False
        people = [*self.words["pronouns"], *(w for ws in self.words["audiences"].values() for w in ws)]
        return any(p in said[: max(habit)] for p in people if len(p) > 1 or p in self.words["pronouns"])

    def _model_word(self, word: str) -> str:
        """A model name typed with its number glued on ("mini2", as Chinese shoppers type Latin
        words with no spaces) as the shop writes it, apart ("mini 2"), where the shop's text knows
        the letters but not the glued word (set O q20: "ipad mini2" matched no iPad Mini 2)."""
        m = re.fullmatch(r"([a-z]{2,})(\d+)", word)
        if m and not self.knows(word) and self.knows(m.group(1)):
            return f"{m.group(1)} {m.group(2)}"
        return word

    def _material(self, token: str) -> str | None:
        """A word whose first dictionary sense is a material (`common.text.MATERIALS`) the shop's
        text uses: what the product is made of, an attribute as "brass" is in English (黄铜做的神像,
        木头珠子的手链: sets O and N left them unread, so brass and wooden ones ranked no higher)."""
        # a noun suffix (木头, 竹子: `material_suffixes`) leaves the material its first character
        stem = token[:-1] if len(token) == 2 and token[-1] in self.words["material_suffixes"] else token
        said = [singular_of(w) for sense in _senses(stem)[:2] for w in terms(sense) if len(terms(sense)) == 1]
        found = [w for w in said if w in MATERIALS and self.knows(w)]
        if not found:
            return None
        # The adjective English puts before a noun ("wooden") where the shop's text knows it: the
        # interpreter accepts either form for it ("wooden or wood"), while the noun alone misses
        # the products whose titles say the adjective (sets K, O and R showed no wooden key holder
        # or jewellery box for 木头, which the English requests found).
        forms = [m for m in MATERIALS if m.startswith(found[0]) and self.knows(m)]
        adjectives = [m for m in forms if found[0] in base_forms(m)]
        if adjectives:
            return adjectives[0]
        return max(forms, key=lambda m: (self.uses([m]), m == found[0]))

    def _room(self, token: str) -> bool:
        """A word for a room: ends with a room morpheme (`room_heads` in the data file: 室, 厅, 房,
        间) and is no shopping word ("刚搬新家，客厅空荡荡的": set L d-03 filtered on "living room")."""
        heads = tuple(self.words["room_heads"])
        return len(token) >= 2 and token.endswith(heads) and token not in self.words["types"]

    def _glossed_kind(self, text: str, kinds: list[str], names: dict[str, str]) -> str | None:
        """The shop's type a shopper wrote in Latin letters right after the Chinese word of the kind
        ("长款上衣 tunic": the tops meant are tunics; set L d-10 filtered tops on "tunic"): the
        catalog's own word for what the Chinese one names more broadly. Only a type the shop
        carries that the Chinese kind does not already hold ("外套 jacket" stays a winter jacket);
        a Latin word before the kind modifies it ("ipad mini的保护套")."""
        said = names.get(kinds[-1], "") if len(kinds) == 1 else ""
        at = text.lower().find(said) if said else -1
        if at < 0:
            return None
        for m in LATIN_RUN.finditer(text.lower(), at + len(said)):
            words = terms(m.group())
            if set(words) <= set(terms(kinds[-1])):
                continue
            if self.is_type(words) and self.carried(words[-1:]):
                return " ".join(words)
        return None

    def _clause_words(
        self, text: str, names: dict[str, str], told: bool = False, refused: bool = False
    ) -> tuple[list[str], list[str], list[str], list[str], list[str], list[str]]:
        """One clause's types, attributes, unread words, Latin words, parts and kinds named as a
        place, word by word; `names` gains the Chinese word each English kind was read from.
        `told`: the clause is said in a conversation and asks for nothing (no buy cue): a kind
        there that modifies a word read as nothing, which the clause says something of ("客厅墙
        是白的": the living room's wall is white), is chatter about the shopper's things, not a new
        product ("高尔夫球就行" still names golf balls). `refused`: the clause is what a negation
        refuses, where an activity before the kind ("不是踢足球那种凉鞋") is the refused kind."""
        filler = set(self.words["filler"])
        table = self.attributes
        counted = re.compile(self.words["measure_word"])
        pieces = self._tokens(text)
        # A word after a verb of going ("带去健身房", "放在家里") is a place, not what is bought.
        places = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words["place_verbs"]}
        # A word between a verb of wearing or putting and a word for inside or on ("穿西装里面的":
        # worn inside a suit; "放包里的": kept in a bag) is where the product goes, not the product.
        inside = {
            b
            for a, b, c in zip(pieces, pieces[1:], pieces[2:], strict=False)
            if a in self.words["inside_verbs"] and c in self.words["locatives"]
        }
        # A word before a word for on or in ("沙发上全是毛", "墙上装个置物架", "车里也能用") names a
        # place: a product only where the message names no other (`placed`), else it may say
        # which of the shop's kinds the product is (墙 + 置物架: a wall shelf, `_narrower`).
        located = {
            a for a, b in zip(pieces, pieces[1:], strict=False) if b in self.words["locatives"] and CJK.search(a)
        }
        located -= set(self.words["locatives"])
        # A word before a quality word ("柠檬草味的", "复古风") says the quality: an attribute, filler
        # between them or not ("音乐相关图案": music, set AH zd05).
        content = [p for p in pieces if p not in filler]
        described = {a for a, b in zip(content, content[1:], strict=False) if b in self.words["quality_words"]}
        # A word after "带" is a part the product comes with ("带盖子的马克杯": a mug with a lid).
        held = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words["with_words"]}
        # The things said between 连 and 一起 ("连头盔护膝一起的套装": with a helmet and knee pads)
        # come with the product: its parts, not what is bought (sets AD zq18, AF z12 read pads).
        included: set[str] = set()
        for opener, closer in self.words["inclusion_spans"]:
            if opener in pieces and closer in pieces[pieces.index(opener) + 1 :]:
                start = pieces.index(opener)
                included.update(pieces[start + 1 : pieces.index(closer, start + 1)])
        tokens = [t for t in pieces if t and t not in filler and re.search(r"\w", t) and not counted.match(t)]
        # a question word asks, it names nothing ("换个lcd屏多少钱": 多少 is no "number"; set M d-06);
        # a word that names a part of the request or of the product names no product ("craftghar
        # 那个牌子的": 牌子 is the brand, no "sign"; "型号是8520": the model, no "model" kit)
        named = {w for words in self.words["slots"].values() for w in words} | set(self.words["label_words"])
        tokens = [t for t in tokens if t not in self.words["question_cues"] and t not in named]
        tokens = [t for t in tokens if t not in self.words["quality_words"]]
        placed: list[str] = []  # kinds named as a place ("沙发上"): the product only if nothing else is
        kinds: list[str] = []
        at: list[int] = []  # the token each kind was read from
        attributes: list[str] = []
        unread: list[str] = []
        latin: list[str] = []
        used_on = {b for a, b in zip(pieces, pieces[1:], strict=False) if a in self.words.get("use_verbs", [])}
        parts: list[str] = []
        loose: list[int] = []  # tokens read as nothing: a kind after them may be narrowed by them
        i = 0
        while i < len(tokens):
            token = tokens[i]
            # an occasion the attribute table names is what the product is for, no place ("去派对穿
            # 的": a party; set AC zd01 and zd02 lost the party)
            at_place = token in places and CJK.search(token) and token not in {**self.words["types"], **table}
            # a room (客厅, 办公室, 卫生间) is where products go, never one the shop sells; it may
            # still narrow the kind after it (卫生间的地垫: a bath mat)
            at_place = at_place or self._room(token)
            if at_place or token in inside or (token in used_on and CJK.search(token)):
                unread.append(token)
                loose.append(i)
                i += 1
                continue
            if self._verb_form(token):  # "想穿着显高": wearing, not attire
                unread.append(token)
                loose.append(i)
                i += 1
                continue
            place = self._kind(token) if token in located else None
            if place:  # a word the place words say nothing else of ("婚礼上": wedding) reads on
                placed.append(place)
                loose.append(i)
                i += 1
                continue
            quality = self._modifier(token) if token in described else None
            if quality:
                attributes.append(quality)
                i += 1
                continue
            # a single character after 带 is a verb's ("带去": take along), not a part
            comes_with = self._modifier(token) if token in held and CJK.search(token) and len(token) > 1 else None
            if comes_with:
                attributes.append(f"with {comes_with}")
                i += 1
                continue
            part = self._kind(token) if token in included and CJK.search(token) else None
            if part:
                attributes.append(f"with {part}")
                i += 1
                continue
            if token in self.words["parts"]:
                parts.append(self.words["parts"][token])
                i += 1
                continue
            following = tokens[i + 1] if i + 1 < len(tokens) else ""
            compound = self._headed_compound(token, following) if self.shop_kinds is None else None
            if compound:  # 月经 + 杯: a menstrual cup
                kinds.append(compound)
                at.append(i + 1)
                names.setdefault(compound, token + following)
                i += 2
                continue
            own = self._own_kind(token)
            if own:
                kinds.append(own)
                at.append(i)
                i += 1
                continue
            if CJK.search(token) and self.knows(token) and len(token) > 1:
                # A shop written in Chinese knows the word itself: it stays as written, and the
                # interpreter reads kinds from it with the shop's own segmentation.
                latin.append(token)
                i += 1
                continue
            brand = self._brand_named(token) if CJK.search(token) else None
            if brand:  # 阿玛尼 -> armani: passes on as a brand written in Latin letters does
                latin.append(brand)
                i += 1
                continue
            shop_word = self._shop_word(token)
            if shop_word:
                kind, mods = shop_word
                if kind in self.words["generic_heads"] and i and (latin or kinds):
                    # A grouping binds to the word just before it: diwan套装 is a diwan set
                    before = tokens[i - 1].lower()
                    if latin and latin[-1] == before:
                        kinds.append(f"{latin.pop()} {kind}")
                        at.append(i)
                    elif kinds:
                        kinds[-1] = f"{kinds[-1]} {kind}"
                else:
                    kinds.append(kind)
                    at.append(i)
                    names.setdefault(kind, token)
                attributes += mods
                i += 1
                continue
            if not CJK.search(token):
                # A brand, model or English word passes through: whether the shop carries it is the
                # interpreter's to judge ("Rolex" -> we don't carry Rolex).
                latin.append(self._model_word(token.lower()))
                i += 1
                continue
            pair = token + tokens[i + 1] if i + 1 < len(tokens) and CJK.search(tokens[i + 1]) else ""
            kind = self._kind(pair) if pair and pair in _dictionary() else None
            if kind:
                kinds.append(kind)
                at.append(i + 1)
                names.setdefault(kind, pair)
                i += 2
                continue
            material = self._material(token) if token not in table and len(token) > 1 else None
            if material:  # what it is made of, never a kind of its own (木头 is no "log")
                attributes.append(material)
                i += 1
                continue
            kind = None if token in table else self._kind(token)
            if kind and kinds and len(token) == 1 and _dictionary().get(token, [""])[0].startswith("to "):
                # a verb after the kind ("买个桌游大家一起玩": 玩 "to play; ...; toy" is the playing,
                # no toy; set AF z14 showed toys): a character whose first sense is a verb, said
                # after the kind, names no second kind
                kind = None
            if (
                kind
                and not refused
                and _activity_words(token)
                and any(t in self.words["types"] or self._kind(t) for t in tokens[i + 1 :])
            ):
                # 打游戏 ("play games") before 耳麦: the activity the product is for, not a game;
                # it may narrow the kind after it ("gaming headset"), as a loose word does
                kind = None
                unread.append(token)
                loose.append(i)
                i += 1
                continue
            if kind:
                kinds.append(kind)
                at.append(i)
                names.setdefault(kind, token)
            elif token in table:
                attributes.append(table[token])
            elif len(token) > 1:
                # A word read by the attribute it starts with ("纯棉款"), unless the dictionary says
                # the word means something else ("面试" is an interview, not "face"; "皮革" agrees).
                starts = [table[p] for p in sorted(table, key=len, reverse=True) if token.startswith(p)]
                # ... or ends with, after a function word CEDICT made one word with it ("有条纹":
                # striped; set P d-06 left "有条纹的吗" unread)
                ends = [table[p] for p in table if token.endswith(p) and token[: -len(p)] in _function_words()]
                part = next(iter(starts + ends), None)
                if part and token in _dictionary() and not any(part in sense for sense in _senses(token)):
                    part = None
                (attributes if part else unread).append(part or token)
                if not part:
                    loose.append(i)
            elif CJK.search(token):
                loose.append(i)
            i += 1
        # A kind said inside a stretch that describes the product ("戴着玩的": 玩 is no toy; "搭衣服
        # 的": the clothes it goes with) is the product only where nothing else names one, as a
        # place is (`placed`): never beside another kind, nor in a conversation.
        described = self._described(text)
        placed += [k for k, where in zip(kinds, at, strict=True) if tokens[where] in described]
        kept = [(k, where) for k, where in zip(kinds, at, strict=True) if tokens[where] not in described]
        kinds, at = [k for k, _ in kept], [w for _, w in kept]
        # The thing a verb of matching or holding acts on says what the product is for, not the
        # product: "配她那条裙子(的凉鞋)", "手拿包配裙子" (to go with the dress), "置物架放小摆件" (a
        # shelf to put ornaments on). A verb of holding only after a product ("想放个展示柜": the
        # cabinet is what is put); 配 before a count or in a set joins the set's parts instead.
        objects = self._objects(text, tokens, at)
        placed += [k for k, where in zip(kinds, at, strict=True) if where in objects]
        kept = [(k, where) for k, where in zip(kinds, at, strict=True) if where not in objects]
        kinds, at = [k for k, _ in kept], [w for _, w in kept]
        # A one-character word just before a product word modifies it (Chinese puts the head
        # last): 板 + 球拍 is a bat, not a board; before a container it says what it holds
        # (表 + 盒子: a watch box).
        containers = set(self.words["container_heads"])
        heads: list[str] = []
        pending = ""  # a one-character kind waiting for the product word after it
        after = -1  # the token of the last kind: words before it qualify that one
        for n, (kind, where) in enumerate(zip(kinds, at, strict=True)):
            if pending and terms(kind) and singular_of(terms(kind)[-1]) in containers:
                kind = f"{pending} {kind}"
            elif not pending:
                # words of the same stretch between spaces: shoppers separate clauses with them
                # ("闺女下周参加同学生日派对 想给她买条裙子": the party is no kind of dress)
                stretch = next((s for s in text.split() if tokens[where] in s), "")
                before = stretch[: stretch.find(tokens[where])]
                qualifiers = [tokens[j] for j in reversed(loose) if after < j < where and tokens[j] in before]
                kind = self._narrower(kind, tokens[where], qualifiers)
            pending = ""
            after = where
            if n + 1 < len(at) and at[n + 1] == where + 1 and len(tokens[where]) == 1:
                pending = kind
                continue
            if told and n == len(at) - 1 and where + 1 in loose and self._stated(text, tokens[where + 1]):
                unread.append(tokens[where])
                continue
            heads.append(kind)
        for n, kind in enumerate(heads):  # "狗狗沐浴露" (dog + body wash): the shop's dog shampoo
            sibling = self._sibling(kind, attributes)
            if sibling:
                heads[n] = sibling
                attributes = [a for a in attributes if a not in terms(sibling)]
        # a word for any thing ("按摩的机器": a machine that massages) names the kind by its use
        generic = bool(heads) and all(names.get(k) in self.words["generic_things"] for k in heads)
        agent = self._agent_kind(pieces) if (generic or not heads) and not latin and not placed else None
        if agent:  # "想给她买个按摩的": the one that massages, a massager
            kind, said = agent
            heads = [kind]
            names.setdefault(kind, said)
            unread = [u for u in unread if u != said]
        return heads, attributes, unread, latin, parts, placed
