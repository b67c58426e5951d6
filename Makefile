# The project's verbs. `make demo` and `make test` are the README's two commands: each builds its own
# environment in .venv (pinned by constraints.txt) before it runs.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PYTEST_ARGS ?=

.PHONY: demo test lab expected bench env system-deps clean

demo: $(STAMP)
	$(BIN)/ipasn run params/demo.yaml

test: $(STAMP)
	$(BIN)/python -m pytest -n 3 --dist loadfile --no-loadscope-reorder --nbval \
	  --nbval-sanitize-with tests/notebooks/nbval_sanitize.cfg $(PYTEST_ARGS)

# JupyterLab on notebooks/ (the report notebooks and eksplorasi.ipynb; their defaults use the demo data).
# LAB_ARGS passes more options, e.g. LAB_ARGS="--port 8899 --no-browser".
LAB_ARGS ?=
lab: $(STAMP)
	cd notebooks && ../$(BIN)/jupyter lab $$([ "$$(id -u)" = 0 ] && echo --allow-root) $(LAB_ARGS)

# Re-execute the notebooks on the demo data and store the outputs nbval compares against.
expected: $(STAMP)
	$(BIN)/python tests/notebooks/regenerate.py

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_scoring.py --scale 0.05
	$(BIN)/python benchmarks/bench_batch.py

env: $(STAMP)

# PDF: Debian's Chromium (driven headless by ipasn), WeasyPrint's Pango and HarfBuzz-subset as the
# fallback engine, the DejaVu fonts the reports use, and poppler-utils (pdftotext: the layout tests read
# the PDFs). Install what is missing when we may.
SYSTEM_PACKAGES := chromium libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 fonts-dejavu-core poppler-utils
system-deps:
	@missing=""; \
	for pkg in $(SYSTEM_PACKAGES); do \
	  dpkg-query -W -f '$${Status}' $$pkg 2>/dev/null | grep -q 'install ok installed' || missing="$$missing $$pkg"; \
	done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  elif ldconfig -p | grep -q 'libpangoft2-1.0.so.0'; then \
	    echo "Not installed:$$missing (without chromium, PDFs are made by the slower WeasyPrint)" >&2; \
	  else \
	    echo "Install for PDF output: apt-get install$$missing" >&2; exit 1; \
	  fi; \
	fi

$(STAMP): pyproject.toml constraints.txt | system-deps
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e ".[test,dask]"
	touch $(STAMP)

clean:
	rm -rf $(VENV) reports/* .pytest_cache
