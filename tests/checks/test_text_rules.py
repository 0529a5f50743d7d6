"""Detector and converter rules on the whole Vietnamese dictionary and on known samples."""
from __future__ import annotations

import unicodedata

import pytest

from bdhvs.checks import data, legacy, tones

pytestmark = pytest.mark.skipif(not data.HUNSPELL_VI.exists(), reason="the dictionary data/spelling/vi_VN.dic is missing")


def dictionary_variants() -> set[str]:
    words = data.load().vi_syllables
    return {v for w in words for v in (w, w.lower(), w.upper(), w.capitalize())}


def test_legacy_detectors_never_fire_on_a_real_syllable():
    variants = dictionary_variants()
    assert len(variants) > 19000
    hits = [w for w in variants if legacy.TCVN3_DETECT.search(w) or legacy.VNI_DETECT.search(w)
            or legacy.MOJIBAKE_DETECT.search(w) or legacy.VISCII_DETECT.search(w) or legacy.VNI_INITIAL_D.search(w) or legacy.CARON_DETECT.search(w)
            or legacy.ede_hack_hits(w)]
    assert hits == []


def test_dictionary_is_new_style_and_conversion_leaves_it_alone():
    words = data.load().vi_syllables
    assert not [w for w in words if tones.is_old_style(w)]
    assert all(tones.to_new_style(w) == w for w in words)
    assert {"hoà", "thuỷ", "khoẻ", "xoá", "tuỳ", "uỷ"} <= words


@pytest.mark.parametrize("old, new", [("hòa", "hoà"), ("Thủy", "Thuỷ"), ("KHỎE", "KHOẺ"), ("tùy", "tuỳ"),
                                      ("Ủy", "Uỷ"), ("họa", "hoạ"), ("xóa", "xoá")])
def test_old_style_to_new_style(old, new):
    assert tones.is_old_style(old) and tones.to_new_style(old) == new
    assert tones.to_new_style(new) == new


@pytest.mark.parametrize("word", ["quý", "hoàng", "toán", "thuyền", "hoà", "của"])
def test_words_that_are_the_same_in_both_styles(word):
    assert not tones.is_old_style(word)


@pytest.mark.parametrize("kind, garbled, clean", [
    ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("tcvn3", "C¨n c\u00adíc c«ng d©n", "Căn cước công dân"),
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("vni", "Xin chaøo caùc baïn", "Xin chào các bạn"),
    ("mojibake", "Viá»‡t Nam Ä‘Äƒng kÃ½", "Việt Nam đăng ký"),
])
def test_legacy_conversion_of_published_samples(kind, garbled, clean):
    syllables = data.load().vi_syllables
    assert legacy.convert_line(garbled, kind, lambda t: t.lower() in syllables) == clean


def test_ede_stacked_breves_are_nfc_and_survive():
    for letter in ("ê\u0306", "ô\u0306", "ơ\u0306", "ư\u0306", "Ê\u0306", "Ư\u0306"):
        assert unicodedata.is_normalized("NFC", letter) and len(letter) == 2


@pytest.mark.parametrize("kind, garbled, clean", [
    ("tcvn3", "Céng hoµ x· héi chñ nghÜa ViÖt Nam", "Cộng hoà xã hội chủ nghĩa Việt Nam"),
    ("vni", "Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam", "Cộng hòa xã hội chủ nghĩa Việt Nam"),
    ("viscii", "Täi Ñng døng trên ði®n thoÕi, r°i ðång nh§p.", "Tải ứng dụng trên điện thoại, rồi đăng nhập."),
    ("mojibake", "Viá»‡t Nam Ä‘Äƒng kÃ½", "Việt Nam đăng ký"),
])
def test_the_dictionary_picks_the_right_legacy_encoding(kind, garbled, clean):
    # The detectors overlap; the conversion that yields the most real words wins.
    syllables = data.load().vi_syllables
    assert legacy.best_conversion(garbled, lambda t: t.lower() in syllables) == (kind, clean)


def test_typographic_quotes_and_ede_letters_are_not_viscii():
    for text in ["“Đăng nhập” — chọn…", "Ñu mâo sang", "40°C, «Tự do»"]:
        assert not legacy.VISCII_DETECT.search(text)
