"""Pydantic models for the catalogue and user data. No I/O lives here."""
