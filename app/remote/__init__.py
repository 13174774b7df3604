"""Talking to a hosted voting server: the moderator API client, publish and fetch home."""
