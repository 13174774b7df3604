"""The live session: server, notifier bridge, console, countdown, notes and dialogs."""
