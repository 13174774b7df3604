"""Tests of the voting server: real uvicorn on 127.0.0.1, real SQLite files, real browsers."""
