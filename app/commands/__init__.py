"""The subcommands of ``python main.py``: one module per command, on top of every layer.

``app.cli`` only parses the command line and dispatches here; the helpers every command
shares (one-line errors, opening the database, naming a conference) are in ``common``.
"""
