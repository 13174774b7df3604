"""The voting server: FastAPI app factory, voter pages, moderator API, thread runner."""
