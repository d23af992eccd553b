# bemotande-xblocks: see README.md. `make help` lists the targets.
SHELL := /bin/bash
PYTHON ?= python3.11
VENV ?= .venv
COMPAT_VENV ?= .venv-compat
BENCH_VENV ?= .venv-bench
AXE_VERSION ?= 4.14.1
NODE_DIR := build/node
AXE := $(NODE_DIR)/node_modules/axe-core/axe.min.js
DEBS := chromium ffmpeg espeak-ng fonts-dejavu-core gettext
LAYERS := unit integration olx browser
PYTEST_ARGS ?=
REQS := setup.py requirements/test.txt requirements/xblock6-django52.txt
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help demo test test-main test-compat quality bench course lessons media screenshots system-deps \
        extract_translations compile_translations validate_translations clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

system-deps: ## install Debian's chromium, ffmpeg, espeak-ng, fonts and gettext when missing
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "apt-get install$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

$(VENV)/.installed: $(REQS)
	$(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install -q --upgrade pip
	$(VENV)/bin/pip install -q -r requirements/xblock6-django52.txt -r requirements/test.txt -e .
	touch $@

$(COMPAT_VENV)/.installed: $(REQS) requirements/xblock52-django42.txt
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install -q --upgrade pip
	$(COMPAT_VENV)/bin/pip install -q -r requirements/xblock52-django42.txt -r requirements/test.txt -e .
	touch $@

$(AXE):
	mkdir -p $(NODE_DIR)
	npm install --silent --no-audit --no-fund --prefix $(NODE_DIR) axe-core@$(AXE_VERSION)

media: $(VENV)/.installed ## generate the test clips (build/media/test)
	$(VENV)/bin/python scripts/make_test_media.py

lessons: system-deps $(VENV)/.installed ## regenerate draft lesson videos, captions and lesson/timeline OLX from the manuscripts
	$(VENV)/bin/python scripts/lesson_video.py --all --out course_export/static/video
	$(VENV)/bin/python scripts/sync_lessons.py
	$(VENV)/bin/python scripts/sync_timelines.py

course: $(VENV)/.installed ## build and validate dist/bemotande-course.tar.gz
	$(VENV)/bin/python scripts/build_course.py

demo: system-deps $(VENV)/.installed media course ## serve the blocks and course units in the workbench on 127.0.0.1:8000
	cd scripts && DJANGO_SETTINGS_MODULE=devsite.settings ../$(VENV)/bin/python -m django migrate --run-syncdb -v 0
	@echo "Workbench: http://127.0.0.1:8000/  (Ctrl-C stops it)"
	cd scripts && DJANGO_SETTINGS_MODULE=devsite.settings ../$(VENV)/bin/python -m django runserver --insecure --noreload 127.0.0.1:8000

test: system-deps $(VENV)/.installed $(COMPAT_VENV)/.installed $(AXE) media ## install everything and run every test layer, on both supported Open edX stacks
	$(MAKE) --no-print-directory quality
	$(MAKE) --no-print-directory test-main
	$(MAKE) --no-print-directory test-compat

# Each layer runs on its own so that an empty layer ("no tests ran", exit 5) fails the build.
test-main: ## every layer on XBlock 6 / Django 5.2
	@set -e; for layer in $(LAYERS); do echo "== $$layer (XBlock 6 / Django 5.2)"; \
	  $(VENV)/bin/python -m pytest tests/$$layer $(PYTEST_ARGS); done

test-compat: ## every layer on XBlock 5.2 / Django 4.2
	@set -e; for layer in $(LAYERS); do echo "== $$layer (XBlock 5.2 / Django 4.2)"; \
	  $(COMPAT_VENV)/bin/python -m pytest tests/$$layer $(PYTEST_ARGS); done

SHOTS := video_lesson-dialog-sv video_lesson-recap-sv video_lesson-studio-sv asylum_timeline-lanes-details-sv \
         asylum_timeline-stepper-details-sv asylum_timeline-editor-sv course-lesson-paused
screenshots: ## copy the README screenshots from the last browser test run (build/screenshots) to docs/
	mkdir -p docs/screenshots
	for s in $(SHOTS); do cp build/screenshots/$$s.png docs/screenshots/; done
	$(VENV)/bin/python scripts/shrink_screenshots.py docs/screenshots/*.png

quality: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check xblocks scripts tests benchmarks setup.py

$(BENCH_VENV)/.installed: $(REQS) requirements/bench.txt
	$(PYTHON) -m venv $(BENCH_VENV)
	$(BENCH_VENV)/bin/pip install -q --upgrade pip
	$(BENCH_VENV)/bin/pip install -q -r requirements/xblock6-django52.txt -r requirements/test.txt -r requirements/bench.txt -e .
	touch $@

bench: system-deps $(BENCH_VENV)/.installed $(AXE) media ## measure against DnDv2 and Poll; writes benchmarks/RESULTS.md
	$(BENCH_VENV)/bin/python benchmarks/run.py --out benchmarks/RESULTS.md

extract_translations: $(VENV)/.installed ## update the .po catalogues from the source
	$(VENV)/bin/python scripts/i18n.py extract

compile_translations: $(VENV)/.installed ## compile .po to .mo
	$(VENV)/bin/python scripts/i18n.py compile

validate_translations: $(VENV)/.installed ## every message translated, .mo up to date
	$(VENV)/bin/python scripts/i18n.py check

clean: ## remove venvs and build output
	rm -rf $(VENV) $(COMPAT_VENV) $(BENCH_VENV) build dist var
