"""kbm-tui: customer relationship care for small shops, in the terminal."""

__version__ = "0.1.0"
