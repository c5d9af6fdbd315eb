"""legation.batch: see STYLE.md layout."""
