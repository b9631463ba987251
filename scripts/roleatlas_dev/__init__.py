"""Helpers for the scripts and tests only (fingerprints, synthetic data, running MkDocs and
Chromium); the site's build never imports them."""
