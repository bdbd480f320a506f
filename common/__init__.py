"""The base layer: what every stage shares (errors, settings, model loading, text utilities, the
product schema, redaction). It imports nothing else of the project; see the README's Architecture."""
