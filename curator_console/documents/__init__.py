"""Printable documents made from plain records: the run-of-show PDF and the cue cards of a tour.

``layout`` measures, wraps and paginates (pure Python, testable without fonts); ``run_of_show``
and ``cue_cards`` turn a ``TourDetail`` into pages of drawing operations; ``pdf`` writes those
pages with matplotlib. Nothing here knows about Qt or the database, and matplotlib is imported
only when a document is written (it takes about a second to load).
"""
