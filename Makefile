# Mijnbouwschade Groningen — QGIS plugin and domain model.
# `make demo` and `make test` work on a fresh Debian 12 machine: `setup` installs what is missing.

SHELL := /bin/bash
.DEFAULT_GOAL := help

VENV        := .venv
PY          := $(VENV)/bin/python
SYS_PYTHON  := /usr/bin/python3
VERSION     := $(shell sed -n 's/^version=//p' metadata.txt)
PACKAGE_ZIP := build/img_qgis_plugin-$(VERSION).zip
SUDO        := $(shell [ "$$(id -u)" = "0" ] || echo sudo)
APT_PACKAGES := python3-qgis qgis qgis-providers python3-venv python3-numpy python3-scipy \
	python3-pyproj xvfb xauth unzip libsqlite3-mod-spatialite postgresql postgresql-15-postgis-3 \
	pyqt5-dev-tools qttools5-dev-tools poppler-utils libgeos-dev
SETUP_STAMP := $(VENV)/.setup-done
PYTEST      := $(PY) -m pytest
TS_FILES    := $(wildcard resources/i18n/*.ts)
QM_FILES    := $(TS_FILES:.ts=.qm)

export PYTHONDONTWRITEBYTECODE := 1

.PHONY: help setup demo test test-unit test-qgis test-e2e lint format package deploy bench \
	translations translations-update clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-13s %s\n", $$1, $$2}'

setup: $(SETUP_STAMP) ## install Debian packages that are missing and the .venv (idempotent)

$(SETUP_STAMP): pyproject.toml
	@missing=$$(for p in $(APT_PACKAGES); do dpkg-query -W -f='$${Status}' $$p 2>/dev/null \
		| grep -q 'ok installed' || echo $$p; done); \
	if [ -n "$$missing" ]; then \
		echo "Debian-pakketten installeren: $$missing"; \
		$(SUDO) apt-get update -q && \
		DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends $$missing; \
	fi
	@[ -x $(PY) ] || $(SYS_PYTHON) -m venv --system-site-packages $(VENV)
	@$(PY) -c "import qgis.core" 2>/dev/null || { \
		echo "FOUT: 'import qgis.core' werkt niet in $(VENV). Installeer python3-qgis (Debian) en" \
		     "maak $(VENV) opnieuw met '$(SYS_PYTHON) -m venv --system-site-packages' (make clean setup)."; \
		exit 1; }
	$(PY) -m pip install -q --upgrade pip
	@# shapely must use the GEOS that QGIS itself loads: a wheel's own GEOS clashes inside QGIS
	$(PY) -c "import shapely, subprocess; v = subprocess.check_output(['geos-config', '--version'], text=True).strip(); assert '.'.join(map(str, shapely.geos_version)) == v" 2>/dev/null \
		|| $(PY) -m pip install -q --force-reinstall --no-deps --no-binary shapely 'shapely>=2'
	$(PY) -m pip install -q -e '.[test]'
	@touch $@

translations: setup $(QM_FILES) ## build the .qm translations from resources/i18n/*.ts

resources/i18n/%.qm: resources/i18n/%.ts
	lrelease -silent $< -qm $@

translations-update: ## refresh the .ts from the .py and .ui sources (then translate what is new)
	pylupdate5 -noobsolete $$(find img_qgis_plugin -name '*.py' | sort) ui/*.ui $(foreach ts,$(TS_FILES),-ts $(ts))

lint: setup ## ruff (lint + format check) and flake8-qgis
	$(PY) -m ruff check domain img_qgis_plugin tests
	$(PY) -m ruff format --check domain img_qgis_plugin tests
	# QGS202 is experimental and flags unrelated setValue() calls
	$(PY) -m flake8 --select=QGS --extend-ignore=QGS202 img_qgis_plugin

format: setup ## apply ruff's formatting and safe fixes
	$(PY) -m ruff check --fix domain img_qgis_plugin tests
	$(PY) -m ruff format domain img_qgis_plugin tests

test-unit: setup translations ## domain tests, no QGIS loaded
	$(PYTEST) -p no:pytest_qgis -p no:pytestqt tests/unit

test-qgis: setup translations ## QGIS adapter tests, offscreen
	QT_QPA_PLATFORM=offscreen $(PYTEST) tests/qgis

test-e2e: setup package ## the real QGIS desktop under a virtual display
	$(PYTEST) -p no:pytest_qgis -p no:pytestqt tests/e2e

test: lint test-unit test-qgis test-e2e ## everything CI runs

package: setup translations ## build/img_qgis_plugin-<version>.zip for "Install from ZIP"
	$(PY) tests/tools/package.py --out $(PACKAGE_ZIP)

deploy: package ## install the zip into the default QGIS profile of this user
	$(PY) tests/tools/package.py --deploy $(PACKAGE_ZIP)

DEMO_OBJECTS ?= 20000
demo: package ## open QGIS with the plugin on the demo store (headless: screenshot and exit)
	mkdir -p build/demo
	$(PY) -m domain demo --out build/demo/demo.gpkg --objects $(DEMO_OBJECTS) --seed 7 --json \
		> build/demo/summary.json.tmp && mv build/demo/summary.json.tmp build/demo/summary.json
	$(PY) tests/tools/qgis_desktop.py --zip $(PACKAGE_ZIP) --profile build/demo/profile \
		--code tests/tools/demo_startup.py --out build/demo \
		--env IMG_DEMO_SUMMARY=$(CURDIR)/build/demo/summary.json

bench: setup ## benchmarks → build/bench/results.json and results.md
	$(PY) -m tests.bench.run_all --out build/bench

clean: ## remove build output and the .venv
	rm -rf build $(VENV) *.egg-info $(QM_FILES)
	find . -name __pycache__ -type d -prune -exec rm -rf {} +
