"""The commands: each declared once (what it takes, what it answers), run by Typer or by the fast path alike."""
