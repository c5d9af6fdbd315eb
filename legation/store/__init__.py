"""legation.store: see STYLE.md layout."""
