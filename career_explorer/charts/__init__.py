"""Chart functions: domain results in, matplotlib Figures out. No Qt; the GUI, CLI and PDF share them.

Import matplotlib inside the functions, never at module level: it costs ~0.8 s and must stay off
the start-up path.
"""
