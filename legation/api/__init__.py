"""legation.api: see STYLE.md layout."""
