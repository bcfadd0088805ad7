"""Faults: each leaves the store as it was and tells the person what happened (DomainError)."""

from __future__ import annotations

import hashlib
import sqlite3
import threading
import time

import pytest
from sqlalchemy import event, text

from domain.errors import DomainError
from domain.importers.claims import import_claims
from domain.store import open_store
from tests.integration.shared.faults_support import (
    RestartableServer,
    small_gpkg_store,
    tiny_disk,
    write_claims_csv,
)
from tests.unit.store.conftest import snapshot


def _digest(path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


# --- GeoPackage ---------------------------------------------------------------------------
def test_locked_geopackage_refuses_the_edit_and_works_once_released(tmp_path):
    store = small_gpkg_store(tmp_path / "s.gpkg")
    path = store.location.path
    version = store.claim_version(1)
    store.engine.dispose()
    before = _digest(path)
    other = sqlite3.connect(path, timeout=0)
    other.execute("BEGIN EXCLUSIVE")
    try:
        with pytest.raises(DomainError, match="vergrendeld") as err:
            store.edit_claim(1, version, {"amount": 5000}, "anna")
        assert "niets opgeslagen" in str(err.value)
    finally:
        other.rollback()
        other.close()
    store.engine.dispose()
    assert _digest(path) == before
    assert store.edit_claim(1, version, {"amount": 5000}, "anna") == version + 1
    store.close()


@pytest.mark.parametrize("damage", ["garbage", "truncated"])
def test_corrupt_geopackage_is_refused_with_a_message_and_left_alone(tmp_path, damage):
    path = tmp_path / "s.gpkg"
    small_gpkg_store(path, objects=200, claims=150).close()
    data = path.read_bytes()
    if damage == "garbage":
        path.write_bytes(b"dit is geen geopackage\x00" * 512)
    else:
        path.write_bytes(data[: len(data) // 3])
    before = _digest(path)
    with pytest.raises(DomainError) as err:
        store = open_store(str(path))
        try:
            store.read_object(150)
            store.edit_claim(1, 1, {"amount": 1}, "anna")
        finally:
            store.close()
    assert "beschadigd" in str(err.value) or "geen opslag" in str(err.value)
    assert _digest(path) == before


def test_full_disk_aborts_the_import_and_keeps_the_store(tmp_path):
    with tiny_disk(tmp_path / "disk", "2m") as mounted:
        folder = tmp_path / "disk"
        store = small_gpkg_store(folder / "s.gpkg", objects=20, claims=2)
        if not mounted:  # not root: the same fault through SQLite's page limit
            pages = store.engine.connect().exec_driver_sql("PRAGMA page_count").scalar() + 8
            store.engine.dispose()
            event.listen(
                store.engine,
                "connect",
                lambda c, _r: c.execute(f"PRAGMA max_page_count = {pages}"),
            )
        csv = write_claims_csv(tmp_path / "claims.csv", range(1, 21), rows=60000)
        store.engine.dispose()
        before = _digest(store.location.path)
        with pytest.raises(DomainError, match="vol") as err:
            import_claims(store, csv)
        assert "niets opgeslagen" in str(err.value)
        store.engine.dispose()
        # the next reader rolls SQLite's journal back: byte for byte the store from before
        with store.engine.connect() as conn:
            assert conn.execute(text("SELECT COUNT(*) FROM claims")).scalar_one() == 2
        store.engine.dispose()
        assert _digest(store.location.path) == before
        assert not store.location.path.with_name("s.gpkg-journal").exists()
        store.close()


# --- PostGIS ------------------------------------------------------------------------------
@pytest.mark.postgis
def test_dropped_connection_mid_transaction_writes_nothing_and_store_reconnects(shared_demo):
    owner = shared_demo.owner()
    client = shared_demo.open_as("img")
    with owner.engine.connect() as conn:
        claim_id = conn.execute(text("SELECT MIN(id) FROM claims")).scalar_one()
    version = client.claim_version(claim_id)
    before = snapshot(owner)
    failure: list[BaseException] = []
    holder = owner.engine.connect()
    holder.begin()
    holder.execute(text("SELECT 1 FROM claims WHERE id = :i FOR UPDATE"), {"i": claim_id})

    def edit() -> None:
        try:
            client.edit_claim(claim_id, version, {"amount": 123}, "anna")
        except BaseException as exc:  # noqa: BLE001  (handed to the test thread)
            failure.append(exc)

    worker = threading.Thread(target=edit)
    worker.start()
    try:
        pid = None
        for _ in range(200):
            with owner.engine.connect() as conn:
                pid = conn.execute(
                    text(
                        "SELECT pid FROM pg_stat_activity WHERE usename = 'h_img_user' "
                        "AND wait_event_type = 'Lock'"
                    )
                ).scalar()
            if pid:
                break
            time.sleep(0.05)
        assert pid, "the edit never reached its UPDATE"
        with owner.engine.connect() as conn:
            conn.execute(text("SELECT pg_terminate_backend(:p)"), {"p": pid})
        worker.join(30)
    finally:
        holder.rollback()
        holder.close()
    assert len(failure) == 1 and isinstance(failure[0], DomainError), failure
    assert "verbinding" in str(failure[0]) and "niets opgeslagen" in str(failure[0])
    assert snapshot(owner) == before
    # the same Store works again: the pool replaces the dead connection
    assert client.edit_claim(claim_id, version, {"amount": 123}, "anna") == version + 1
    client.close()
    owner.close()


@pytest.mark.postgis
def test_server_stopped_mid_import_leaves_store_as_before_and_store_reconnects(tmp_path):
    from domain.demo import build_demo

    server = RestartableServer().start()
    try:
        url = server.new_database()
        build_demo(url, objects=300, seed=5)
        store = open_store(url)
        with store.engine.connect() as conn:
            ids = [r[0] for r in conn.execute(text("SELECT id FROM objects ORDER BY id"))]
        csv = write_claims_csv(tmp_path / "claims.csv", ids, rows=150000)
        before = snapshot(store)
        failure: list[BaseException] = []

        def run_import() -> None:
            try:
                import_claims(store, csv)
            except BaseException as exc:  # noqa: BLE001  (handed to the test thread)
                failure.append(exc)

        worker = threading.Thread(target=run_import)
        worker.start()
        watcher = open_store(url)
        writing = False
        for _ in range(600):
            with watcher.engine.connect() as conn:
                writing = bool(
                    conn.execute(
                        text(
                            "SELECT COUNT(*) FROM pg_stat_activity WHERE backend_xid IS NOT NULL "
                            "AND pid <> pg_backend_pid() AND datname = current_database()"
                        )
                    ).scalar()
                )
            if writing or not worker.is_alive():
                break
            time.sleep(0.02)
        watcher.close()
        assert writing, "the import finished before the server could be stopped"
        server.kill()
        worker.join(60)
        assert len(failure) == 1 and isinstance(failure[0], DomainError), failure
        with pytest.raises(DomainError, match="verbinding"):
            store.read_object(ids[0])
        server.restart()
        assert snapshot(store) == before
        assert store.read_object(ids[0]).object_id == ids[0]
        store.close()
    finally:
        server.stop()
