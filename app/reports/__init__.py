"""Figures, the PDF protocol and result exports, built on the services."""
