"""The learning part of the demo community, loaded by `load_initial_data` after the pages exist."""


def load(builder):
    """Add what is missing; `builder.users` maps usernames to members, `builder.note()` reports progress."""
