"""Chinese shoppers: which of the shop's kinds a kind read from a word is, where the shop names it
otherwise: the vehicle the shopper names beside a vehicle's accessory, and a dictionary phrase the
shop writes without one of its words."""

from __future__ import annotations

import itertools

from common.text import terms


class FitReading:
    """The part of `ChineseReader` (assistant.chinese) that fits a read kind to the shop's kinds;
    it uses the reader's data file (`words`) and shop callables (`carried`)."""

    def _vehicle_kind(self, kind: str, message: str) -> str:
        """A vehicle's accessory read for a car ("车罩": car cover) when the message names another
        vehicle (`vehicles` in the data file: "我那台本田的摩托车…想买个车罩") is that vehicle's,
        where the shop carries it: a bike cover (sets AH zq09 and AG z24 showed car covers)."""
        words = terms(kind)
        table = self.words["vehicles"]
        if len(words) < 2 or words[0] not in table["accessory_of"]:
            return kind
        said = [v for w, v in table["words"].items() if w in message]
        for vehicle in said:
            for name in [vehicle] if isinstance(vehicle, str) else vehicle:
                fitted = [*terms(name), *words[1:]]
                if fitted != words and self.carried(fitted):
                    return " ".join(fitted)
        return kind

    def _carried_within(self, words: list[str]) -> list[str] | None:
        """The longest phrase the shop carries made of a sense's words in order, its head last,
        where the sense's own type is one the shop lacks ("Swiss Army knife": the shop's swiss
        knives, not "army knife", which it does not sell; set AG z16 showed nothing)."""
        for size in range(len(words) - 1, 1, -1):
            for kept in itertools.combinations(range(len(words) - 1), size - 1):
                phrase = [*(words[i] for i in kept), words[-1]]
                if self.carried(phrase):
                    return phrase
        return None
