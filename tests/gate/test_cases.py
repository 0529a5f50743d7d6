"""Every hostile or clumsy input in tests/gate/cases/ goes through `bdhvs check` and
`mkdocs build --strict` as an editor runs them: the finding is reported at its file:line
by both, neither prints a traceback, and nothing of the payload is published."""
from __future__ import annotations

import pytest

import gatekit

CASES = gatekit.load_cases()


@pytest.mark.slow
@pytest.mark.parametrize("case", CASES, ids=[c.id for c in CASES])
def test_case(case, tmp_path):
    out = gatekit.run(case, tmp_path)
    assert not gatekit.tracebacks(out.check_output), out.check_output
    assert not gatekit.tracebacks(out.build_output), out.build_output
    for expected in case.expect + case.check_only:
        assert gatekit.reported(out.check_output, expected), f"check missed {expected}:\n{out.check_output}"
    for expected in case.expect:
        assert gatekit.reported(out.build_output, expected), f"build missed {expected}:\n{out.build_output}"
    if case.build_ok is not None:
        assert (out.build_code == 0) == case.build_ok, out.build_output
    for payload in case.absent + [gatekit.CANARY]:
        assert not out.published(payload), f"published {payload!r} in {out.published(payload)}"
