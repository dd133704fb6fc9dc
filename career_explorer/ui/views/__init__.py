"""The main window's views: each a BaseView (Browse, Path, Compare, My plan), and the hooks that extend My plan."""
