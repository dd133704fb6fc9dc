"""The flat-sheet import wizard: File > Import company framework from a sheet (see wizard.py)."""
