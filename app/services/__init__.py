"""The domain: pure Python services that take a Session and return plain data (no Qt, no HTTP)."""
