"""The plugin's on/off options accept what an editor types in an environment variable."""
from __future__ import annotations

import pytest

from bdhvs.plugin import BdhvsConfig


def validate(value):
    config = BdhvsConfig()
    config.load_dict({"preview": value})
    failed, _ = config.validate()
    return failed, config


@pytest.mark.parametrize("value, expected", [
    (1, True), ("1", True), (True, True), ("true", True), ("yes", True),
    (0, False), ("0", False), (False, False), ("false", False), ("", False),
])
def test_preview_switch_takes_1_0_true_false(value, expected):
    failed, config = validate(value)
    assert not failed
    assert config.preview is expected


def test_a_word_it_cannot_read_is_a_vietnamese_error():
    failed, _ = validate("bật lên")
    assert failed and "viết 1 (bật) hoặc 0 (tắt)" in str(failed[0][1])
