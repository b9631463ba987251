"""Pure rendering: an Atlas in, Markdown pages out. Nothing here imports MkDocs."""
