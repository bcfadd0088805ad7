"""``imgschade roles``: add a login to a role (password from the environment), show rights."""

from __future__ import annotations

import json

import pytest

from domain.cli import main

pytestmark = pytest.mark.postgis


def test_roles_command_adds_a_municipality_login_and_shows_its_rights(
    shared_demo, capsys, monkeypatch
):
    monkeypatch.setenv("H_TEST_PASSWORD", "geheim-wachtwoord-9")
    code = main(
        [
            "roles",
            shared_demo.url,
            "--add-login",
            "h_cli_gem",
            "--role",
            "gemeente",
            "--municipality",
            shared_demo.municipality,
            "--password-env",
            "H_TEST_PASSWORD",
        ]
    )
    out = capsys.readouterr()
    assert code == 0
    assert "h_cli_gem" in out.out and "gemeente" in out.out
    assert "geheim-wachtwoord-9" not in out.out + out.err
    login_url = shared_demo.url_for("img").replace("h_img_user", "h_cli_gem")
    assert main(["roles", login_url, "--json"]) == 0
    caps = json.loads(capsys.readouterr().out)
    assert caps["role"] == "gemeente" and caps["municipality"] == shared_demo.municipality
    assert caps["see_all_municipalities"] is False and caps["edit_claims"] is True


def test_roles_command_without_the_password_variable_is_refused(shared_demo, capsys):
    code = main(
        [
            "roles",
            shared_demo.url,
            "--add-login",
            "h_cli_x",
            "--role",
            "img",
            "--password-env",
            "H_NOT_SET_ANYWHERE",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2
    assert "H_NOT_SET_ANYWHERE" in err and "--password-env" in err


def test_roles_command_on_a_geopackage_reports_the_owner(tmp_path, capsys):
    from domain.store import create_store

    path = tmp_path / "eigen.gpkg"
    create_store(str(path)).close()
    assert main(["roles", str(path), "--json"]) == 0
    caps = json.loads(capsys.readouterr().out)
    assert caps["role"] == "owner" and caps["read_personal"] is True
