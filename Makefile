# Thin wrappers: all setup logic lives in scripts/dev.py (works on Windows too).
PYTHON ?= python3.11
ifeq (, $(shell command -v $(PYTHON) 2>/dev/null))
PYTHON = python3
endif
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
