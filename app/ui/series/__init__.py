"""The round as a series in the desktop: the archive search, the plan, participation."""
