"""Qt item models over the plain views the services return."""
