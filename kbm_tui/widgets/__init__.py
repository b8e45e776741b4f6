"""Widgets more than one screen uses."""
