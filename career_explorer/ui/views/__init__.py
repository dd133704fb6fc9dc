"""The main window's views: one page each (Browse, Path, Compare, My plan) and the hooks that extend My plan."""
