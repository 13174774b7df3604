"""The main window's parts: menus, the pages and their life cycle, file commands, appearance."""
