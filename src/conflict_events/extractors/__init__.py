"""The built-in extractors, one module per concern; each is registered as an entry point."""
