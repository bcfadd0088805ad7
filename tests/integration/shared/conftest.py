"""Shared-use tests: a demo store on the real PostGIS server with one login per product role."""

from __future__ import annotations

import pytest
from sqlalchemy import text

from domain.demo import build_demo
from domain.store import open_store
from domain.store.roles import add_login
from tests.support.postgis_server import postgis_server  # noqa: F401  (session fixture)

#: login per role; the gemeente login is mapped to the municipality with most demo objects
LOGINS = {
    "img": "h_img_user",
    "ncg": "h_ncg_user",
    "taskforce": "h_taskforce_user",
    "gemeente": "h_gemeente_user",
    "planner": "h_planner_user",
}


class SharedDemo:
    def __init__(self, server, url: str, municipality: str) -> None:
        self.server = server
        self.url = url
        self.municipality = municipality
        self.database = url.rsplit("/", 1)[1]

    def url_for(self, role: str) -> str:
        return f"postgresql://{LOGINS[role]}@127.0.0.1:{self.server.port}/{self.database}"

    def open_as(self, role: str):
        return open_store(self.url_for(role))

    def owner(self):
        return open_store(self.url)


@pytest.fixture(scope="module")
def shared_demo(postgis_server):  # noqa: F811
    url = postgis_server.new_database()
    build_demo(url, objects=400, seed=11)
    owner = open_store(url)
    try:
        with owner.engine.connect() as conn:
            municipality = conn.execute(
                text(
                    "SELECT o.municipality FROM objects o JOIN handoffs h ON h.object_id = o.id "
                    "GROUP BY o.municipality ORDER BY COUNT(*) DESC, o.municipality LIMIT 1"
                )
            ).scalar_one()
        for role, login in LOGINS.items():
            add_login(
                owner.engine,
                login,
                role,
                password="s3cret-" + role,
                municipality=municipality if role == "gemeente" else None,
            )
    finally:
        owner.close()
    return SharedDemo(postgis_server, url, municipality)
