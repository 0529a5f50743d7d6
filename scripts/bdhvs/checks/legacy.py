"""Legacy Vietnamese encodings pasted as Unicode: detection and conversion (in-house tables).

Text copied from old Word files typed in TCVN3 (ABC, .VnTime) or VNI-Windows fonts, or
UTF-8 read as Windows-1252, turns into mojibake such as ``Céng hoµ``, ``Coäng hoøa`` or
``Viá»‡t``. No maintained TCVN3/VNI converter exists on PyPI (research notes,
checks-tooling.md §2.2), so the tables live here.

Detectors follow the research notes and are tested to give 0 hits on every syllable of
the Vietnamese dictionary: they only fire on characters that never occur inside a
Vietnamese word.
"""
from __future__ import annotations

import re
import unicodedata

# --- TCVN3 (TCVN 5712:1993 "VN3"): Unicode letter -> the Latin-1 character shown ----------
# From tcvn3.cmap in the hunspell-vi history (checks-tooling.md §2.2).
_TCVN3_PAIRS = (
    "à µ á ¸ ả ¶ ã · ạ ¹ ă ¨ ắ ¾ ằ » ẳ ¼ ẵ ½ ặ Æ â © ấ Ê ầ Ç ẩ È ẫ É ậ Ë đ ® é Ð è Ì ẻ Î ẽ Ï "
    "ẹ Ñ ê ª ế Õ ề Ò ể Ó ễ Ô ệ Ö í Ý ì × ỉ Ø ĩ Ü ị Þ ó ã ò ß ỏ á õ â ọ ä ô « ố è ồ å ổ æ ỗ ç "
    "ộ é ơ ¬ ớ í ờ ê ở ë ỡ ì ợ î ú ó ù ï ủ ñ ũ ò ụ ô ư \u00ad ứ ø ừ õ ử ö ữ ÷ ự ù ý ý ỳ ú ỷ û "
    "ỹ ü ỵ þ Đ § Ă ¡ Â ¢ Ê £ Ô ¤ Ơ ¥ Ư ¦"
).split(" ")
TCVN3_TO_UNICODE = {_TCVN3_PAIRS[i + 1]: _TCVN3_PAIRS[i] for i in range(0, len(_TCVN3_PAIRS), 2)}
# Characters that never occur in Vietnamese words: a strong sign of TCVN3 when glued to a letter.
_TCVN3_STRONG = "µ¸¶·¹¨»¾¼½©®§«¬ª\u00ad¡¢£¤¥¦÷þ"
TCVN3_DETECT = re.compile(rf"(?<=[^\W\d_])[{_TCVN3_STRONG}]|[{_TCVN3_STRONG}](?=[^\W\d_])")

# --- VNI-Windows: ASCII base letter + Latin-1 "carrier" characters ----------------------
_TONES = {"ù": "\u0301", "ø": "\u0300", "û": "\u0309", "õ": "\u0303", "ï": "\u0323"}
_CIRCUMFLEX_TONED = {"â": "", "á": "\u0301", "à": "\u0300", "å": "\u0309", "ã": "\u0303", "ä": "\u0323"}
_BREVE_TONED = {"ê": "", "é": "\u0301", "è": "\u0300", "ú": "\u0309", "ü": "\u0303", "ë": "\u0323"}
_I_TONED = {"í": "\u0301", "ì": "\u0300", "æ": "\u0309", "ó": "\u0303", "ò": "\u0323"}


def _vni_table() -> dict[str, str]:
    table: dict[str, str] = {}

    def add(seq: str, uni: str):
        uni = unicodedata.normalize("NFC", uni)
        table[seq] = uni
        table[seq.upper()] = uni.upper()
        if len(seq) > 1:
            table[seq[0].upper() + seq[1:]] = uni[0].upper() + uni[1:]

    for base in "aeouy":
        for carrier, tone in _TONES.items():
            add(base + carrier, base + tone)
    for base in "aeo":
        for carrier, tone in _CIRCUMFLEX_TONED.items():
            add(base + carrier, base + "\u0302" + tone)
    for carrier, tone in _BREVE_TONED.items():
        add("a" + carrier, "a\u0306" + tone)
    add("ô", "ơ")
    add("ö", "ư")
    for carrier, tone in _TONES.items():
        add("ô" + carrier, "ơ" + tone)
        add("ö" + carrier, "ư" + tone)
    for carrier, tone in _I_TONED.items():
        add(carrier, "i" + tone)
    add("ñ", "đ")
    add("î", "ỵ")  # [inferred] the VNI code for ỵ
    return table


VNI_TO_UNICODE = _vni_table()
_VNI_SEQ = re.compile("|".join(sorted(map(re.escape, VNI_TO_UNICODE), key=len, reverse=True)))
VNI_DETECT = re.compile(r"(?<=[A-Za-z])[øûïåäëüöØÛÏÅÄËÜÖ]|(?<=[aeoAEO])[âÂ]")
VNI_INITIAL_D = re.compile(r"(?<![^\W\d_])[ñÑ](?=[a-zA-Zöô])")

# --- UTF-8 bytes decoded as Windows-1252 ------------------------------------------------
MOJIBAKE_DETECT = re.compile("Ã[\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013"
                             "\u2014\u2018-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122]"
                             "|á[º»]|Ä[‘’\u0090\u0091]|Æ[°¯]|Ä‘|Æ°")

# --- VISCII (RFC 1456) read as Windows-1252/Latin-1 ------------------------------------
# Byte -> Unicode, generated from glibc's charmap /usr/share/i18n/charmaps/VISCII and checked
# against `iconv -f VISCII` (identical for all 256 bytes).
VISCII_DECODE = "\u0000\u0001Ẳ\u0003\u0004ẴẪ\u0007\u0008\u0009\u000a\u000b\u000c\u000d\u000e\u000f\u0010\u0011\u0012\u0013Ỷ\u0015\u0016\u0017\u0018Ỹ\u001a\u001b\u001c\u001dỴ\u001f !\u0022#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\u005c]^_`abcdefghijklmnopqrstuvwxyz{|}~\u007fẠẮẰẶẤẦẨẬẼẸẾỀỂỄỆỐỒỔỖỘỢỚỜỞỊỎỌỈỦŨỤỲÕắằặấầẩậẽẹếềểễệốồổỗỠƠộờởịỰỨỪỬơớƯÀÁÂÃẢĂẳẵÈÉÊẺÌÍĨỳĐứÒÓÔạỷừửÙÚỹỵÝỡưàáâãảăữẫèéêẻìíĩỉđựòóôõỏọụùúũủýợỮ"
assert len(VISCII_DECODE) == 256
_VIET_LATIN1 = set("àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ")


def _byte_of(ch: str) -> int | None:
    try:
        return ch.encode("cp1252")[0]
    except UnicodeEncodeError:
        return ord(ch) if ord(ch) < 256 else None


# Characters that show up for VISCII letters and never inside Vietnamese (or Ede) words.
# Typographic quotes, dashes, the ellipsis, °, «», nbsp and ñ (an Ede letter) are left out:
# they are common in correct text.
_NOT_CARRIERS = set("‘’“”–—…•€™‹›„‚†‡‰ˆ˜ƒ«»°±·©®§¡¿\xa0\xadñÑ") | _VIET_LATIN1
_VISCII_CARRIERS = "".join(sorted(
    ch for ch in {bytes([b]).decode("cp1252", "ignore") or chr(b) for b in range(0x80, 0x100)}
    if ch and VISCII_DECODE[_byte_of(ch)] != ch and VISCII_DECODE[_byte_of(ch)].isalpha() and ch not in _NOT_CARRIERS
    and unicodedata.category(ch)[0] in "LS"
))
VISCII_DETECT = re.compile(f"(?<=[^\\W\\d_])[{re.escape(_VISCII_CARRIERS)}]|[{re.escape(_VISCII_CARRIERS)}](?=[^\\W\\d_])")


def viscii_to_unicode(word: str) -> str:
    out = []
    for ch in word:
        b = _byte_of(ch)
        out.append(VISCII_DECODE[b] if b is not None and b >= 0x80 else ch)
    return unicodedata.normalize("NFC", "".join(out))


# --- Legacy Ede "font hack" (ede-language.md §1.6) ---------------------------------------
EDE_HACK_DETECT = re.compile(
    r"(?<=[A-Za-zơưôâêƠƯÔÂÊ])\\"            # u\ = ŭ, a\ = ă, ơ\ = ơ̆ …
    r"|(?<=[a-z])\^(?=[a-z])"                # m^n = mĭn
    r"|`(?=[a-zôơưâêA-Z])"                   # `u = ñu (inline code is already masked)
    r"|~(?=[a-zA-Zôơư])"                     # ~ = Ñ
    r"|\{(?=[a-zđ])"                         # { = Ƀ (attribute lists are already masked)
    r"|(?<=[aeiouyâêôơưăĕĭŏŭ])#(?=\s)"       # vowel + #
    r"|(?:(?<=[\s(])|^)\](?=[a-zôơư])"       # ] = č at the start of a word
    r"|(?<=[a-z])\](?=[a-z])",
    re.M,
)
# "[" + lowercase letter that does not open a Markdown link ([text](…), [text][ref], [text]{…}).
_EDE_OPEN_BRACKET = re.compile(r"\[(?=[a-zđôơưâê])(?![^\]\n]{0,300}\][(\[{:])")
CARON_DETECT = re.compile("[\u011b\u01d0\u01d2\u01d4\u01ce\u011a\u01cf\u01d1\u01d3\u01cd]|[^cC\\W]\u030c")


def ede_hack_hits(text: str):
    """Offsets of legacy Ede font-hack characters in masked Ede prose."""
    hits = [m.start() for m in EDE_HACK_DETECT.finditer(text)]
    hits += [m.start() for m in _EDE_OPEN_BRACKET.finditer(text)]
    return sorted(set(hits))


# --- conversion ----------------------------------------------------------------------------
_TOKEN = re.compile(r"[^ \t\r\n]+")


def tcvn3_to_unicode(word: str) -> str:
    return unicodedata.normalize("NFC", "".join(TCVN3_TO_UNICODE.get(ch, ch) for ch in word))


def vni_to_unicode(word: str) -> str:
    return unicodedata.normalize("NFC", _VNI_SEQ.sub(lambda m: VNI_TO_UNICODE[m.group()], word))


def _cp1252_bytes(text: str) -> bytes | None:
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1252")
        except UnicodeEncodeError:
            if ord(ch) < 256:
                out.append(ord(ch))
            else:
                return None
    return bytes(out)


def mojibake_to_unicode(word: str) -> str | None:
    raw = _cp1252_bytes(word)
    if raw is None:
        return None
    try:
        fixed = raw.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return unicodedata.normalize("NFC", fixed) if fixed != word else None


_PUNCT = ".,;:!?()\"'“”«»"


def _converter(kind: str):
    return {"tcvn3": (TCVN3_DETECT, tcvn3_to_unicode), "vni": (VNI_DETECT, vni_to_unicode),
            "viscii": (VISCII_DETECT, viscii_to_unicode)}.get(kind, (MOJIBAKE_DETECT, None))


def _token_change(word: str, kind: str) -> str | None:
    """The token converted from ``kind``, or None when it does not change."""
    if kind == "mojibake":
        return mojibake_to_unicode(word) if MOJIBAKE_DETECT.search(word) else None
    _detect, conv = _converter(kind)
    core = word.strip(_PUNCT)
    if not core:
        return None
    new = conv(core)
    return word.replace(core, new) if new != core else None


def _hit(word: str, kind: str) -> bool:
    detect, _conv = _converter(kind)
    return bool(detect.search(word) or (kind == "vni" and VNI_INITIAL_D.search(word)))


def _legacy_near(kinds: list[str], take: list[bool], i: int) -> bool:
    """A token to be converted is the nearest non-neutral token on one side of ``i``."""
    left = next((j for j in range(i - 1, -1, -1) if kinds[j] != "neutral"), None)
    right = next((j for j in range(i + 1, len(kinds)) if kinds[j] != "neutral"), None)
    return any(j is not None and take[j] for j in (left, right))


def _known(word: str, is_word) -> bool:
    """A known word, also in the old tone style (hòa = hoà) that --fix modernises next."""
    from bdhvs.checks import tones

    return is_word(word) or is_word(tones.to_new_style(word))


def convert_line(line: str, kind: str, is_word=None, keep=None, pair_ok=None) -> str:
    """Convert the legacy fragment(s) of one line, never a correct word.

    Each token is
    - UNICODE: it holds a letter no legacy font shows (ạ, ơ, đ…), or ``keep`` protects it
      (Ede words, code, addresses): correct text, never rewritten;
    - NEUTRAL: conversion leaves it as it is (ASCII words, numbers, dashes);
    - STRONG: conversion changes it and it is not a word as written (``C«ng``, ``coù``);
    - AMBIGUOUS: a real word as written that conversion would turn into another word
      (``có`` → TCVN3 ``cú``). It is rewritten only inside a legacy fragment: when the
      nearest non-neutral tokens on BOTH sides are legacy (STRONG), or when it makes a known two-syllable word with its converted
      neighbour (``pair_ok``: ``H¹nh phóc`` → ``Hạnh phúc``, but ``Việt Nam có`` stays).
    A RUN of neighbouring legacy tokens is rewritten only when every token of it decodes to a
    known word (``is_word``); otherwise it stays as written and the check keeps reporting it.
    Without a dictionary only tokens carrying a detector hit are converted."""
    tokens = list(_TOKEN.finditer(line))
    plan: list[str | None] = []
    kinds: list[str] = []
    for m in tokens:
        word = m.group()
        if (keep is not None and keep(m.start(), word)) or (kind != "mojibake" and _cp1252_bytes(word) is None):
            plan.append(None)
            kinds.append("unicode" if word.strip(_PUNCT) else "neutral")
            continue
        new = _token_change(word, kind)
        plan.append(new)
        if new is None:
            kinds.append("neutral")
        elif is_word is not None and _known(word.strip(_PUNCT), is_word) and not _hit(word, kind):
            kinds.append("ambiguous")
        elif kind == "vni" and _token_change(word.replace("Ñ", "").replace("ñ", ""), kind) is None:
            kinds.append("ambiguous")  # only a word-initial Ñ: also the Ede letter (Ñu = "he, she")
        elif not any(ch.isalpha() for ch in word):
            kinds.append("ambiguous")  # a symbol as written (©, °, ±): a legacy letter only inside a fragment
        else:
            kinds.append("strong")
    if is_word is None:
        take = [k == "strong" and _hit(tokens[i].group(), kind) for i, k in enumerate(kinds)]
    else:
        take = [k == "strong" for k in kinds]
        for i, k in enumerate(kinds):
            if k != "ambiguous":
                continue
            left = next((kinds[j] for j in range(i - 1, -1, -1) if kinds[j] != "neutral"), None)
            right = next((kinds[j] for j in range(i + 1, len(kinds)) if kinds[j] != "neutral"), None)
            take[i] = left == "strong" and right == "strong"
        if pair_ok is not None:
            def core(k: int, converted: bool) -> str:
                text = plan[k] if converted and plan[k] is not None else tokens[k].group()
                return text.strip(_PUNCT).lower()

            for _ in range(2):  # a chain of ambiguous syllables next to a fragment
                for i, k in enumerate(kinds):
                    if k != "ambiguous" or take[i]:
                        continue
                    for n in (i - 1, i + 1):
                        if not 0 <= n < len(tokens) or kinds[n] == "unicode":
                            continue
                        a, b = (n, i) if n < i else (i, n)
                        new_pair = (core(a, take[a] or a == i), core(b, take[b] or b == i))
                        old_pair = (core(a, take[a] and a != i), core(b, take[b] and b != i))
                        if take[n] or kinds[n] == "neutral":
                            if pair_ok(new_pair) and not pair_ok(old_pair) and (take[n] or _legacy_near(kinds, take, i)):
                                take[i] = True
                                break
        # A run (legacy tokens with only neutral tokens between them) is all or nothing.
        i = 0
        while i < len(tokens):
            if not take[i]:
                i += 1
                continue
            j, members = i, []
            while j < len(tokens) and (take[j] or kinds[j] == "neutral"):
                if take[j]:
                    members.append(j)
                j += 1
            if not all(_known(plan[k].strip(_PUNCT + "-"), is_word) for k in members):
                for k in members:
                    take[k] = False
            i = j
    out, last = [], 0
    for k, m in enumerate(tokens):
        if take[k]:
            out.append(line[last:m.start()])
            out.append(plan[k])
            last = m.end()
    out.append(line[last:])
    return "".join(out)


KINDS = ("mojibake", "tcvn3", "vni", "viscii")
_DETECTORS = {"mojibake": MOJIBAKE_DETECT, "tcvn3": TCVN3_DETECT, "vni": VNI_DETECT, "viscii": VISCII_DETECT}


def line_is_suspect(line: str, vietnamese: bool = True) -> bool:
    return any(rx.search(line) for rx in _DETECTORS.values()) or (vietnamese and bool(VNI_INITIAL_D.search(line)))


def best_conversion(line: str, is_word, keep=None, pair_ok=None) -> tuple[str, str]:
    """(kind, converted line) of the legacy encoding that turns the most words of ``line``
    into real Vietnamese words. The detectors overlap (a VISCII line also looks like TCVN3),
    so the dictionary decides."""
    def score(text: str) -> int:
        return sum(1 for tok in _TOKEN.findall(text) if is_word(tok.strip(".,;:!?()\"'“”«»-")))

    fired = [kind for kind in KINDS if _DETECTORS[kind].search(line)] or ["vni"]  # else: word-initial ñ (VNI đ)
    best = (fired[0], line, score(line))
    for kind in KINDS:
        converted = convert_line(line, kind, is_word, keep, pair_ok)
        points = score(converted)
        if converted != line and points > best[2]:
            best = (kind, converted, points)
    return best[0], best[1]
