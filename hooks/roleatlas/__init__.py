"""Role Atlas's build package: load and check data/, and render its pages (no MkDocs imports here;
hooks/atlas_hooks.py is the only MkDocs glue)."""
