"""IP addresses, for `common.redact`: the address a shopper's device connected from names their
line and, with a date, them ("blocked from 103.211.54.18", "request from 2409:4060:2e1a:9b3f::1c
denied"). Python's `ipaddress` decides what is an address (each IPv4 part 0-255 without leading
zeros, IPv6 groups and "::" by RFC 4291/5952); where it stands decides the rest.

A dotted quad is also how a firmware, app or driver's version is written ("firmware 10.2.0.15",
"v2.4.1.0"): after a version's word (redact.yaml: `version_words`) or a "v" it is shop text, and
so is a quad of single digits ("2.4.1.0"), which numbers a release far more often than a host,
unless an address's own word stands before it ("IP 1.2.3.4"; `ip_cues`).
"""

from __future__ import annotations

import ipaddress
import re
from functools import cache

from common.redact_words import cue_words_pattern

IP_TAG = "[IP]"
_IPV4 = re.compile(r"(?<![\w.:])(?P<v>[vV])?(?P<ip>\d{1,3}(?:\.\d{1,3}){3})(?![\w:]|\.\d)")
# hex groups joined by colons, "::" perhaps, an IPv4 tail perhaps ("::ffff:10.0.0.1")
_IPV6 = re.compile(r"(?<![\w:.])(?P<ip>[0-9A-Fa-f]{0,4}(?::[0-9A-Fa-f]{0,4}){2,7}(?:\.\d{1,3}){0,3})(?![\w:])")


@cache
def _before(key: str) -> re.Pattern[str]:
    """An address's word among the three words before it; a version's word anywhere in the
    sentence's 40 characters before it ("firmware update from 10.2.0.15 to 10.3.0.1")."""
    if key == "ip_cues":
        return re.compile(rf"(?:{cue_words_pattern(key)})\W*(?:\w+\W+){{0,2}}$", re.I)
    return re.compile(rf"(?:{cue_words_pattern(key)})(?:(?![.!?]\s)[^\n]){{0,40}}$", re.I)


def _ipv4(m: re.Match[str], text: str) -> bool:
    if m.group("v"):
        return False
    try:
        ipaddress.IPv4Address(m.group("ip"))
    except ValueError:
        return False
    before = text[max(0, m.start() - 40) : m.start()]
    ip, version = _before("ip_cues").search(before), _before("version_words").search(before)
    # the nearer word says which: "router firmware 3.0.12.4" is a version, "firmware … from IP …" an address
    if version and (not ip or version.start() > ip.start()):
        return False
    if ip:
        return True
    return any(len(part) > 1 for part in m.group("ip").split("."))


def _ipv6(m: re.Match[str]) -> bool:
    value = m.group("ip")
    # a clock's "10:30:45" or a ratio is no address: the library wants 8 groups or a "::"
    if len(value) < 6 or not re.search(r"[0-9A-Fa-f]", value):
        return False
    try:
        ipaddress.IPv6Address(value)
    except ValueError:
        return False
    return True


def ip_addresses(text: str) -> str:
    """The text with IPv4 and IPv6 addresses replaced by "[IP]"; versions stay."""
    if "." not in text and "::" not in text and text.count(":") < 3:
        return text
    text = _IPV6.sub(lambda m: IP_TAG if _ipv6(m) else m.group(), text)
    return _IPV4.sub(lambda m: IP_TAG if _ipv4(m, text) else m.group(), text)
