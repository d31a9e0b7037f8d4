"""The error every core service raises for a request it cannot honour.

In a module of its own so the services the library owns (events, taste, recommender) can
raise it without importing the library that owns them.
"""


class LibraryError(Exception):
    """A request the library cannot honour; the message is for the person who asked."""
