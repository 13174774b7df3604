"""Votum: live voting for joint sessions of molecular tumor boards."""

__version__ = "0.1.0"
