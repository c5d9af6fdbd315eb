"""legation.resolve: see STYLE.md layout."""
