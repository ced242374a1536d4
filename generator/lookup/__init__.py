"""Looking papers up in public services (arXiv, Crossref, Semantic Scholar, GitHub).

Kept free of imports so that `generator.models` can import `generator.lookup.config`.
"""
