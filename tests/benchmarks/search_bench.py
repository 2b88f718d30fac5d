"""The collection search benchmark (registered in run.py as ``search``).

Builds an N-object collection (default 2,000,000) with Chinese and English text straight into the
app's schema (bare sqlite3, including the search index with the app's own normalised text), then
measures, for a fixed set of rare and very common queries:

- the app: time to the first screenful (50 rows) of ranked results — ``services.collection.search``,
  i.e. tiered index queries plus fetching the rows;
- the baseline: the same queries run directly on the index (``SELECT rowid FROM item_search
  WHERE item_search MATCH ? LIMIT 50``), bare sqlite3;
- the lazy table's page fetch (``rows_by_ids`` of 100 ids) at random scroll positions of the
  whole collection in object-number order.
"""

from __future__ import annotations

import random
import sqlite3
import statistics
import time
from pathlib import Path

# Words with known frequencies: common ones are in about a quarter of all objects.
COMMON_ZH = "瓷"  # in 25 % of titles
COMMON_EN = "porcelain"  # in 25 % of classifications/descriptions
RARE_ZH = "鸾凤和鸣"  # in 0.01 %
RARE_EN = "zitherwood"  # in 0.01 %
QUERIES = ["瓷", "青花", "鸾凤和鸣", "porcelain", "porc", "zitherwood", "lotus vase", "QHM.2003.000123", "清 瓷", "鹤"]

DYNASTIES = ["唐 Tang", "宋 Song", "元 Yuan", "明 Ming", "清 Qing", "民国 Republic"]
SUBJECTS = ["缠枝莲纹", "山水人物纹", "花鸟纹", "云龙纹", "鱼藻纹", "八仙祝寿", "百子图", "芙蓉鲤鱼", "婴戏图", "松鹤延年"]
FORMS = ["瓶", "盘", "碗", "笔筒", "壶", "罐", "扇面", "挂屏", "帐檐", "图轴"]
EN_WORDS = ["vase", "dish", "bowl", "brush", "pot", "jar", "fan", "scroll", "lotus", "landscape", "dragon", "carp",
            "crane", "pine", "silk", "embroidery", "kesi", "lacquer", "jade", "blue", "white", "glaze"]


def build(path: Path, n: int, seed: int = 11) -> None:
    from curator_console.domain.search import document
    from curator_console.persistence.db import open_database, resolve_url

    db = open_database(resolve_url(path, path.parent), backups_dir=path.parent / "backups")
    db.dispose()
    rng = random.Random(seed)
    con = sqlite3.connect(path)
    con.execute("PRAGMA journal_mode=WAL")
    con.execute("PRAGMA synchronous=OFF")
    con.execute("INSERT INTO museum (code, name, alt_name, city, timezone, description, alt_description, version,"
                " created_at, updated_at) VALUES ('B', 'Bench', '', '', 'UTC', '', '', 1, '2026-01-01', '2026-01-01')")
    batch = 20000
    for start in range(0, n, batch):
        items, tags, docs = [], [], []
        for i in range(start, min(n, start + batch)):
            common = i % 4 == 0
            rare = i % 10000 == 7
            title = rng.choice(DYNASTIES).split()[0] + ("青花" if i % 7 == 0 else "") + rng.choice(SUBJECTS) + \
                ("瓷" if common else "") + rng.choice(FORMS) + (RARE_ZH if rare else "")
            alt = " ".join(rng.choice(EN_WORDS) for _ in range(4)).capitalize() + (" zitherwood" if rare else "")
            cls = "Porcelain" if common else rng.choice(["Silk", "Embroidery", "Painting", "Lacquer", "Jade"])
            desc = (f"{title}。" + "".join(rng.choice(SUBJECTS) for _ in range(3)) + "。 "
                    + " ".join(rng.choice(EN_WORDS) for _ in range(25)) + (" porcelain" if common else ""))
            num = f"QHM.{1950 + i % 70}.{i:06d}"
            period = rng.choice(DYNASTIES)
            tag_list = [rng.choice(EN_WORDS), rng.choice(SUBJECTS)]
            item_id = i + 1
            items.append((item_id, num, title, alt, "", "Chinese", period, "", None, None, "", "", cls, "", "", desc,
                          "", "Public domain", "bench", ""))
            tags.extend((item_id, t, k) for k, t in enumerate(dict.fromkeys(tag_list)))
            d = document({"object_number": num, "title": title, "alt_title": alt, "maker": "", "tags": tag_list,
                          "description": desc, "culture": "Chinese", "period": period, "classification": cls})
            docs.append((item_id, d.num, d.title, d.people, d.tags, d.body))
        con.executemany(
            "INSERT INTO collection_item (id, object_number, title, alt_title, maker, culture, period, date_text,"
            " begin_year, end_year, medium, dimensions, classification, credit_line, provenance, description,"
            " alt_description, rights, source, source_ref, museum_id, version, created_at, updated_at)"
            " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,1,1,'2026-01-01','2026-01-01')", items)
        con.executemany("INSERT INTO item_tag (item_id, tag, position) VALUES (?,?,?)", tags)
        con.executemany("INSERT INTO item_search (rowid, num, title, people, tags, body) VALUES (?,?,?,?,?,?)", docs)
        con.commit()
    con.execute("INSERT INTO item_search(item_search) VALUES ('optimize')")
    con.commit()
    con.execute("PRAGMA journal_mode=WAL")
    con.close()


def pct(values: list[float], p: float) -> float:
    values = sorted(values)
    k = min(len(values) - 1, max(0, int(round(p / 100 * (len(values) - 1)))))
    return values[k]


def run(path: Path, n: int, rounds: int) -> dict[str, object]:
    from curator_console.domain.search import fts5_expression, parse_query
    from curator_console.persistence.db import open_database, resolve_url
    from curator_console.persistence.unit_of_work import UnitOfWork
    from curator_console.services import collection

    if not path.exists():
        t0 = time.perf_counter()
        build(path, n)
        print(f"search: built {n:,} objects in {time.perf_counter() - t0:.0f} s ({path.stat().st_size / 2**20:.0f} MB)",
              flush=True)
    db = open_database(resolve_url(path, path.parent), backups_dir=path.parent / "backups")
    uow = lambda: UnitOfWork(db.session_factory)  # noqa: E731
    bare = sqlite3.connect(path)
    app_ms: list[float] = []
    bare_ms: list[float] = []
    per_query: dict[str, tuple[list[float], list[float]]] = {q: ([], []) for q in QUERIES}
    collection.search(uow(), "warm", limit=50)
    for _ in range(rounds):
        for q in QUERIES:
            t0 = time.perf_counter()
            rows = collection.search(uow(), q, limit=50)
            a = (time.perf_counter() - t0) * 1000
            t0 = time.perf_counter()
            bare.execute("SELECT rowid FROM item_search WHERE item_search MATCH ? LIMIT 50",
                         (fts5_expression(parse_query(q)),)).fetchall()
            b = (time.perf_counter() - t0) * 1000
            app_ms.append(a)
            bare_ms.append(b)
            per_query[q][0].append(a)
            per_query[q][1].append(b)
            if not rows:
                raise AssertionError(f"the benchmark query {q!r} found nothing")
    for q, (a, b) in per_query.items():
        print(f"search: {q!r}: app p50={statistics.median(a):.1f} ms  direct p50={statistics.median(b):.1f} ms", flush=True)

    t0 = time.perf_counter()
    ids = collection.result_ids(uow(), "", sort="object_number")
    order_s = time.perf_counter() - t0
    rng = random.Random(5)
    page_ms = []
    for _ in range(200):
        start = rng.randrange(0, max(1, len(ids) - 100))
        t0 = time.perf_counter()
        collection.rows_by_ids(uow(), ids[start:start + 100])
        page_ms.append((time.perf_counter() - t0) * 1000)
    print(f"search: full id order of {len(ids):,} objects in {order_s:.2f} s (background); "
          f"page of 100 p50={statistics.median(page_ms):.1f} ms p95={pct(page_ms, 95):.1f} ms", flush=True)
    bare.close()
    db.dispose()
    return {
        "objects": n, "queries": len(QUERIES),
        "app_p50_ms": f"{statistics.median(app_ms):.1f}", "app_p95_ms": f"{pct(app_ms, 95):.1f}",
        "direct_p50_ms": f"{statistics.median(bare_ms):.1f}", "direct_p95_ms": f"{pct(bare_ms, 95):.1f}",
        "p95_ratio": f"{pct(app_ms, 95) / max(pct(bare_ms, 95), 0.001):.2f}",
        "page_p50_ms": f"{statistics.median(page_ms):.1f}", "page_p95_ms": f"{pct(page_ms, 95):.1f}",
        "page_max_ms": f"{max(page_ms):.1f}", "id_order_s": f"{order_s:.2f}",
    }
