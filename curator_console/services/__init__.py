"""Use cases: one function per user action. Each takes a unit of work and returns plain results
(``domain.records``), never ORM objects."""
