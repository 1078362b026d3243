# Two commands do all the set-up on a fresh machine with Python 3.11:
#   make run    install into .venv and start the bot (token from ENLACE_TELEGRAM__TOKEN)
#   make test   install into .venv and run every test
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test console check lint bench clean

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[test]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/enlace run

console: $(STAMP)
	$(BIN)/enlace console

check: $(STAMP)
	$(BIN)/enlace kb check

test: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/python -m pytest -q

bench: $(STAMP)
	$(BIN)/python bench/retrieval.py

clean:
	rm -rf $(VENV) .pytest_cache build *.egg-info
