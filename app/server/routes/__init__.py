"""Routers, one per resource: voter pages, the site API, the moderator API."""
