"""Chinese shoppers: the kinds a shop's products hold, where a word's reading needs that evidence:
a narrower or later sense of a word ("golf ball", pyjamas), a kind a shop files under a modifier
(thermals), and a holder said by what it holds ("yoga mat bag", jewellery box)."""

from __future__ import annotations

from assistant.chinese_lexicon import _senses
from assistant.type_resolution import SPELLING_PAIRS
from common.text import singular as singular_of
from common.text import terms


class HeldReading:
    """The part of `ChineseReader` (assistant.chinese) that judges readings by what the shop's
    products hold; it uses the reader's shop callables (`is_type`, `carried`, `uses`)."""

    def _carried_modifier(self, kind: str) -> str | None:
        """For a kind whose head the shop does not carry, the words before the head that name a
        kind it carries, longest first: a shop with no underwear files 保暖内衣 "thermal underwear"
        under its thermals (set K zh-024 filtered on underwear and showed none). A head the shop
        carries keeps its kind ("desk lamp" stays a lamp in a shop of desks and lamps)."""
        words = terms(kind)
        for start in range(len(words) - 1):
            for end in range(len(words) - 1, start, -1):
                run = words[start:end]
                if self.is_type(run) and self.carried(run) and self.uses(run) > 0:
                    return " ".join(run)
        return None

    def _held_sense(self, kind: str, later: list[str]) -> str | None:
        """Of a word's senses, the kind it names most narrowly that the shop's products hold:
        高尔夫球 is "golf; golf ball", and a shop of golf balls holds "golf ball" (set K zh-030 read
        "golf", no kind the interpreter filters golf balls on). A later sense counts only where it
        names the first one's kind more narrowly (its words hold the first's, or its one word is a
        closed compound ending in the first's: 本子 "book; notebook" in a shop of notebooks, set S
        zh-011 and Q d-05 read books)."""
        for sense in later:
            narrower = self._type_in(sense)
            words = terms(narrower or "")
            closed = len(words) == 1 and len(terms(kind)) == 1 and words[0].endswith(terms(kind)[0])
            held = set(terms(kind)) < set(words) or (closed and words != terms(kind))
            if narrower and held and self.carried(words[-1:]) and self.uses(words) > 0:
                return narrower
        # a phrase no product holds, before a later sense some do: that one (below)
        return kind if len(terms(kind)) < 2 or self.uses(terms(kind)) > 0 else None

    def _later_held(self, later: list[str]) -> str | None:
        """The kind of a later sense, as the shop spells it, that the shop carries and its products
        hold, for a word whose first kind is a phrase none holds: 睡衣 "night clothes; pajamas" is
        the shop's pyjamas, not "night clothe" (set AC zq25 filtered on "clothe"; the respelling
        pairs are the interpreter's, `spelling_pairs` in type_resolution.json)."""
        for sense in later:
            for said in dict.fromkeys([sense, *_respelled(sense)]):
                kind = self._type_in(said)
                words = terms(kind or "")
                if kind and self.carried(words[-1:]) and self.uses(words) > 0:
                    return kind
        return None

    def _put_in(self, said: str, unread: list[str]) -> tuple[str, str] | None:
        """(the word, its kind) of what a verb of putting puts ("放首饰的": jewellery), where the
        clause read it as no product (a place word after 放): the thing a holder holds."""
        pieces = self._tokens(said)
        for verb, word, after in zip(pieces, pieces[1:], pieces[2:], strict=False):
            if verb in self.words["inside_verbs"] and word in unread and after == "的":
                kind = self._kind(word)
                return (word, kind) if kind else None
        return None

    def _holds(self, kind: str, word: str) -> bool:
        """Whether a kind holds or carries another (`container_heads`), by its English head or by a
        sense of the Chinese word it was read from (架子 "shelf; frame; stand": a stand)."""
        heads = [terms(kind)[-1:], *(terms(sense)[-1:] for sense in _senses(word))]
        return any(h and singular_of(h[0]) in self.words["container_heads"] for h in heads)

    def _holder(self, held: str, kind: str) -> str:
        """What holds a kind, in the shop's words: the two said together where its products hold
        the phrase ("yoga mat bag"), else the held thing's head before the holder word the shop's
        products hold it with most (挂钥匙的架子: key holder, not "key frame"; 红酒袋: wine bag, and
        "red" is no colour asked for: sets O q19, q05). As said where the shop holds neither."""
        said = f"{held} {kind}"
        if self.uses(terms(said)) > 0:
            return said
        head = terms(held)[-1:]
        found = [
            (self.uses([*head, c]), f"{head[0]} {c}")
            for c in self.words["container_heads"]
            if head and self.carried([c])
        ]
        held_most = max(found, default=(0, said))
        return held_most[1] if held_most[0] > 0 else said


def _respelled(sense: str) -> list[str]:
    """A sense written the other country's way, part by part ("pajamas" -> "pyjamas")."""
    return [sense.replace(said, other) for said, other in SPELLING_PAIRS if said in sense]
