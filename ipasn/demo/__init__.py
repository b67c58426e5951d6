"""Synthetic instansi for demos, tests and benchmarks: arguments and a seed in; raw input files out.

contract.py writes the clean contract's workbook or CSV folder (`make_demo`, `write_demo`, history
sheets in contract_history.py); siasn.py writes SIASN-shaped downloads with the truth behind them
(`make_siasn`, `write_siasn`; tables, people, histories and cells in the siasn_* modules). Both draw
from pools.py and draws.py; years.py derives the contract's instansi over several years (churn). The same
arguments always give the same bytes.
"""
