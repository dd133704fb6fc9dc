"""Importers: read public data sets (O*NET text release, BLS OEWS xlsx) and company frameworks into
catalogue models.

No Qt here; long reads take domain.progress's ``progress(fraction, message)`` and ``cancel() -> bool``.
Import each name from the module that defines it: importing one light module of this package (such as
``framework_layout`` for the CLI's ``--format`` choices) must not load the O*NET and OEWS readers.
"""
