"""``newsprism serve`` on the command line: where it listens and what it says."""

from __future__ import annotations

import httpx
import pytest
from webserver import Server

from newsprism.cli import main

pytest.importorskip("fastapi", reason='the web app needs the [web] extra: pip install "newsprism[web]"')


def test_serve_prints_the_address_it_listens_on(tmp_path):
    with Server(tmp_path / "news.db") as running:
        assert httpx.get(running.url + "/", timeout=5).status_code == 200
        said = running.log.read_text(encoding="utf-8")
    assert f"at {running.url}/" in said


def test_serve_refuses_a_short_write_token(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "news.db"), "--token", "short"]) == 2
    assert "at least 16 characters" in capsys.readouterr().err


def test_serve_refuses_a_port_out_of_range(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "news.db"), "--port", "70000"]) == 2
    assert "--port must be between 0 and 65535, got 70000" in capsys.readouterr().err


def test_serve_refuses_a_number_of_workers_out_of_range(tmp_path, capsys):
    assert main(["serve", "--db", str(tmp_path / "news.db"), "--workers", "0"]) == 2
    assert "--workers must be between 1 and 32, got 0" in capsys.readouterr().err


def test_serve_with_several_processes_answers_from_each(tmp_path):
    with Server(tmp_path / "news.db", "--workers", "2") as running:
        answers = [httpx.get(running.url + "/", timeout=5).status_code for _ in range(10)]
        said = running.log.read_text(encoding="utf-8")
    assert answers == [200] * 10 and "with 2 processes" in said
