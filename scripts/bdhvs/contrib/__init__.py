"""Contribution from a phone without an account: the contributors' pages (guide list
with steps, built here) and the package format that `bdhvs inbox` reads."""
