# Thin wrappers: all setup logic lives in scripts/dev.py (works on Windows too).
# PYTHON: the newest supported python3.x on PATH (3.13, 3.12, 3.11 — what Debian 13,
# Ubuntu 24.04 and Debian 12 ship) that runs, else python3; scripts/dev.py says in one line when
# that Python is not supported. Override: make PYTHON=python3.12 site
SUPPORTED_PYTHONS = python3.13 python3.12 python3.11
PYTHON ?= $(firstword $(foreach p,$(SUPPORTED_PYTHONS),$(shell $(p) -c '' >/dev/null 2>&1 && echo $(p))) python3)
DEV = $(PYTHON) scripts/dev.py

.PHONY: help setup serve site test check bench images handouts bundle translations cms clean
help:    ; @$(DEV) help
setup:   ; $(DEV) setup
serve:   ; $(DEV) serve
site:    ; $(DEV) site
test:    ; $(DEV) test
check:   ; $(DEV) check
bench:   ; $(DEV) bench
images:  ; $(DEV) images
handouts: ; $(DEV) handouts
bundle:  ; $(DEV) bundle
translations: ; $(DEV) translations
cms:     ; $(DEV) cms
clean:   ; rm -rf site site-* .cache
