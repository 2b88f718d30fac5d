"""The first-run facts: when the database counts as empty, and how each step of the guided path
follows what the database holds (SQLite and PostgreSQL)."""

from __future__ import annotations

from datetime import datetime, timezone

from curator_console import paths
from curator_console.domain.getting_started import STEPS, GettingStarted
from curator_console.persistence import models as m
from curator_console.persistence.unit_of_work import UnitOfWork
from curator_console.services import collection_objects, connections, demo, live_sessions, store, tour_segments, tours
from curator_console.services import welcome

NOW = datetime(2026, 3, 20, 12, 0, tzinfo=timezone.utc)


def uow(db) -> UnitOfWork:
    return UnitOfWork(db.session_factory)


def done_steps(db) -> list[str]:
    return [step for step, done in welcome.getting_started(uow(db)).steps if done]


def test_a_new_database_is_empty_and_nothing_is_done(any_db_url, open_db):
    db = open_db(any_db_url)
    assert welcome.is_empty(uow(db))
    facts = welcome.getting_started(uow(db))
    assert facts.empty and facts == GettingStarted()
    assert facts.steps == tuple((step, False) for step in STEPS)
    assert facts.next_step == "objects" and facts.done_count == 0


def test_a_connection_alone_leaves_the_database_empty(any_db_url, open_db):
    db = open_db(any_db_url)
    connections.add_connection(uow(db), connections.ConnectionSpec(name="Rehearsal room", platform="simulator"))
    assert welcome.is_empty(uow(db))
    assert welcome.getting_started(uow(db)).empty


def test_each_step_follows_the_database(any_db_url, open_db):
    db = open_db(any_db_url)

    item = collection_objects.create_object(uow(db), "OBJ-1", "Bronze ding")
    assert not welcome.is_empty(uow(db))
    assert done_steps(db) == ["objects"]

    product = store.create_product(uow(db), "SKU-1", "Ding replica")
    assert done_steps(db) == ["objects"]  # a product alone is not linked yet
    store.set_product_objects(uow(db), product.id, [item.id])
    facts = welcome.getting_started(uow(db))
    assert (facts.products, facts.linked_products) == (1, 1)
    assert done_steps(db) == ["objects", "products"]

    tour_id = tours.create_tour(uow(db), "Bronzes at night")
    facts = welcome.getting_started(uow(db))
    assert facts.focus_tour_id == tour_id and facts.written_tours == 0
    assert done_steps(db) == ["objects", "products"]  # a tour without segments is not written yet

    segment_id = tour_segments.add_segment(uow(db), tour_id, title="The ding")
    facts = welcome.getting_started(uow(db))
    assert facts.written_tours == 1 and facts.ready_tour_id is None  # no script: not ready
    assert done_steps(db) == ["objects", "products", "tour"]
    assert facts.next_step == "readiness"

    tour_segments.update_segment_field(uow(db), segment_id, "script", "Good evening. This ding held meat for the ancestors.")
    facts = welcome.getting_started(uow(db))
    assert facts.ready_tour_id == tour_id == facts.focus_tour_id
    assert done_steps(db) == ["objects", "products", "tour", "readiness"]

    live_sessions.start_session(uow(db), tour_id, now=NOW)  # the built-in simulator: a rehearsal
    facts = welcome.getting_started(uow(db))
    assert (facts.sessions, facts.rehearsals) == (1, 1)
    assert done_steps(db) == list(STEPS) and facts.next_step is None and facts.done_count == 5


def test_templates_and_archived_tours_are_not_written_tours(any_db_url, open_db):
    db = open_db(any_db_url)
    template = tours.create_tour(uow(db), "Template")
    tour_segments.add_segment(uow(db), template, title="Opening")
    tours.set_template(uow(db), template, True)
    facts = welcome.getting_started(uow(db))
    assert not facts.empty and facts.templates == 1
    assert facts.written_tours == 0 and facts.focus_tour_id is None


def test_the_demo_museum_is_not_empty_and_has_done_every_step(any_db_url, open_db):
    db = open_db(any_db_url)
    demo.seed_demo(uow(db), paths.resources_dir() / "demo", now=NOW)
    assert not welcome.is_empty(uow(db))
    facts = welcome.getting_started(uow(db))
    assert facts.objects == 60 and facts.linked_products > 0 and facts.templates == 1
    assert facts.sessions == 3
    with uow(db) as u:
        own = [t for t in u.session.query(m.Tour) if not t.is_template]
    assert facts.written_tours == len(own)
    assert facts.done("objects") and facts.done("products") and facts.done("tour") and facts.done("rehearsal")


def test_about_names_the_database_engine_and_its_version(any_db_url, open_db):
    import sqlite3

    from curator_console.services.about import database_backend

    db = open_db(any_db_url)
    name, version = database_backend(db)
    if db.backend == "sqlite":
        assert (name, version) == ("SQLite", sqlite3.sqlite_version)
    else:
        assert name == "PostgreSQL" and version.split(".")[0].isdigit()
