"""legation.web: see STYLE.md layout."""
