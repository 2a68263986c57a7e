"""The hostile-input corpus (cases.py) and the harness that builds each case in a subprocess (harness.py)."""
