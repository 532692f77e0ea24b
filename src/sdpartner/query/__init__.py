"""Questions asked of a plan: records by name, links, filters, search, status, differences. Nothing here prints."""
