"""Reading text written by people: URLs in prose, Markdown structure."""
