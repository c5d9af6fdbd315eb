"""Human-readable reports over extractions and the knowledge base (terminal output)."""
