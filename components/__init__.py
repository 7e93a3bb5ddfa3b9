"""Mintlify components: the registry of component specs (filled in by components/_registry)."""
