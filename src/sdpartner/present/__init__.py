"""Records as people and scripts read them: words for values, the fields of each listing, the views."""
