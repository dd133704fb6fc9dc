"""Career Explorer: offline career routes, skill jumps and pay."""

__version__ = "0.1.0"
