"""Dialogs: About, Welcome, the catalogue import dialogs and those of My plan."""
