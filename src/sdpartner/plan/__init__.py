"""The plan as data: the model (records and values), the catalogue of kinds derived from it, and loading."""
