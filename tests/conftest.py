"""Shared test setup: make tests/builders.py importable as `builders` in every worker."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
