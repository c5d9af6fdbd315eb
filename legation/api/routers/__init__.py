"""One router per resource of the JSON API, all under ``/api/`` (see ``legation.api.app``)."""
