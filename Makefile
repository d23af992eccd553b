# bemotande-xblocks: see README.md. `make help` lists the targets.
SHELL := /bin/bash
# The Open edX releases sites run (Dec 2026), each a venv built from its lock file (requirements/<stack>.txt):
#   ulmo      Python 3.11, Django 5.2, XBlock 5.2, web-fragments 3.1
#   verawood  Python 3.12, Django 5.2, XBlock 6.1 (current release; the venv `make demo` and `make course` use)
#   willow    Python 3.12, Django 5.2, XBlock 6.3 (ships web_fragments itself: no separate distribution)
STACKS := ulmo verawood willow
PYTHON_ulmo = $(shell scripts/find_python.sh 3.11)
PYTHON_verawood = $(shell scripts/find_python.sh 3.12)
PYTHON_willow = $(PYTHON_verawood)
VENV ?= .venv-verawood
BENCH_VENV ?= .venv-bench
AXE_VERSION ?= 4.14.1
NODE_DIR := build/node
AXE := $(NODE_DIR)/node_modules/axe-core/axe.min.js
DEBS := chromium ffmpeg espeak-ng fonts-dejavu-core gettext
LAYERS := unit integration olx browser
PYTEST_ARGS ?=
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: help demo test $(addprefix test-,$(STACKS)) test-tutor quality bench course lessons media screenshots \
        system-deps upgrade extract_translations compile_translations validate_translations clean

help: ## list the targets
	@grep -E '^[a-zA-Z_-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

system-deps: ## install Debian's chromium, ffmpeg, espeak-ng, fonts and gettext when missing
	@missing=""; for p in $(DEBS); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then echo "apt-get install$$missing"; \
	  $(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq --no-install-recommends $$missing >/dev/null; fi

# A stack's venv: exactly its lock file (--no-deps: the lock is complete), then this package, editable.
.venv-%/.installed: requirements/%.txt setup.py
	@python="$(PYTHON_$*)"; [ -n "$$python" ] || { echo "no Python for stack $*" >&2; exit 1; }; \
	echo "== venv .venv-$* ($$python, requirements/$*.txt)"; \
	rm -rf .venv-$* && "$$python" -m venv .venv-$* && \
	.venv-$*/bin/pip install -q --upgrade pip && \
	.venv-$*/bin/pip install -q --no-deps -r requirements/$*.txt && \
	.venv-$*/bin/pip install -q --no-deps -e .
	touch $@

upgrade: ## recompile every lock file in requirements/ with pip-tools (run on purpose, then commit)
	scripts/compile_requirements.sh

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

test: system-deps $(addsuffix /.installed,$(addprefix .venv-,$(STACKS))) $(AXE) media ## install everything and run every test layer on Ulmo, Verawood and Willow, and the Tutor plugin on Tutor 21 and 22
	@start=$$(date +%s); \
	$(MAKE) --no-print-directory quality && \
	for stack in $(STACKS); do $(MAKE) --no-print-directory test-$$stack || exit 1; done && \
	$(MAKE) --no-print-directory test-tutor && \
	echo "make test: all stacks passed in $$(( $$(date +%s) - start )) s"

# Each layer runs on its own so that an empty layer ("no tests ran", exit 5) fails the build.
# A static pattern rule: make skips implicit-rule search for .PHONY targets, so a plain `test-%:` never ran.
$(addprefix test-,$(STACKS)): test-%: .venv-%/.installed $(AXE) media ## every layer on one stack (test-ulmo, test-verawood, test-willow)
	@set -e; for layer in $(LAYERS); do echo "== $$layer ($*: $$(.venv-$*/bin/python -c 'import sys, django, importlib.metadata as m; print("Python %d.%d, Django %s, XBlock %s" % (*sys.version_info[:2], django.get_version(), m.version("XBlock")))'))"; \
	  BEMOTANDE_STACK=$* .venv-$*/bin/python -m pytest tests/$$layer $(PYTEST_ARGS); done

test-tutor: $(VENV)/.installed ## the Tutor plugin on Tutor 21 and 22 (venvs from requirements/tutor*.txt)
	PYTHON="$(PYTHON_ulmo)" bash scripts/test_tutor.sh

SHOTS := video_lesson-dialog-sv video_lesson-recap-sv video_lesson-studio-sv asylum_timeline-map-details-sv \
         asylum_timeline-stepper-details-sv asylum_timeline-editor-sv course-lesson-paused demo-tour-sv \
         course-unit-self_assessment-comparison
screenshots: ## copy the README screenshots from the last browser test run (build/screenshots) to docs/
	mkdir -p docs/screenshots
	for s in $(SHOTS); do cp build/screenshots/$$s.png docs/screenshots/; done
	$(VENV)/bin/python scripts/shrink_screenshots.py docs/screenshots/*.png

quality: $(VENV)/.installed ## ruff
	$(VENV)/bin/ruff check xblocks scripts tests benchmarks setup.py tutor-contrib-bemotande

# .venv-bench is built by the pattern rule above from requirements/bench.txt (Verawood plus the anchors).
PYTHON_bench = $(PYTHON_verawood)

bench: system-deps $(BENCH_VENV)/.installed $(AXE) media ## measure against DnDv2 and Poll; writes benchmarks/RESULTS.md
	$(BENCH_VENV)/bin/python benchmarks/run.py --out benchmarks/RESULTS.md

extract_translations: $(VENV)/.installed ## update the .po catalogues from the source
	$(VENV)/bin/python scripts/i18n.py extract

compile_translations: $(VENV)/.installed ## compile .po to .mo
	$(VENV)/bin/python scripts/i18n.py compile

validate_translations: $(VENV)/.installed ## every message translated, .mo up to date
	$(VENV)/bin/python scripts/i18n.py check

clean: ## remove venvs and build output
	rm -rf $(addprefix .venv-,$(STACKS)) $(BENCH_VENV) build dist var
