"""The preparation editor: conference details, sites, cases and questions."""
