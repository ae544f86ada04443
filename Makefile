# Kinerja ASN — the two commands: `make run` and `make test`. Needs only Python >= 3.11 and git.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed-stamp
MANAGE := $(BIN)/python manage.py
DEMO_PEGAWAI ?= 1200
BENCH_SIZE ?= small
export KINERJA_DEV ?= 1

.PHONY: run test check bench setup migrate seed worker clean chromium

$(STAMP): pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "Python >= 3.11 is required")'
	@test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	@touch $(STAMP)

setup: $(STAMP)
	@mkdir -p var
	@bash scripts/ensure-system-libs.sh

migrate: setup
	$(MANAGE) migrate --noinput -v 0

seed: migrate
	$(MANAGE) seed_demo --if-empty --pegawai $(DEMO_PEGAWAI) --seed 2026

run: seed
	$(BIN)/python scripts/run.py

worker: migrate
	$(MANAGE) db_worker

chromium:
	@bash scripts/ensure-chromium.sh

test: setup chromium
	$(BIN)/python -m pytest $(PYTEST_ARGS)

check: setup
	$(BIN)/ruff check src tests bench scripts
	$(BIN)/ruff format --check src tests bench scripts
	$(BIN)/mypy

bench: setup
	$(BIN)/python bench/run.py --size $(BENCH_SIZE)

clean:
	rm -rf var/kinerja.sqlite3* var/static var/bench.json
