"""Measuring the built site as a reader's phone gets it: page weight (compressed bytes,
requests, third parties), HTML validity (Nu Html Checker), Lighthouse. Used by the tests
(tests/a11y/) and by `bdhvs bench`."""
