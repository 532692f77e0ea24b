"""Whole-plan exports that write files: SQLite, the calendar, and the safe writing of any output file."""
