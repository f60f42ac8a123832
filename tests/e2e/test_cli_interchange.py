"""`forensics export ftm|graphml` and `forensics graph` end to end, as subprocesses on a copy
of the demo store."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok


@pytest.fixture(scope="module")
def ftm_model() -> Any:
    """FollowTheMoney's own model (the checks are skipped where the library is missing)."""
    return pytest.importorskip("followthemoney",
                               reason="followthemoney is not installed (Windows)").model


def test_export_ftm_writes_entities_the_library_reads(demo_file: Path, tmp_path: Path,
                                                      ftm_model: Any) -> None:
    whole, part = tmp_path / "demo.ftm.json", tmp_path / "stm32.ftm.json"
    everything, only_part = cli_all(demo_file, ("export", "ftm", str(whole)),
                                    ("export", "ftm", str(part), "--part", "STM32F765VIT6",
                                     "--json"))
    assert everything.code == 0, str(everything)
    assert everything.out.startswith(f"wrote 42 entities to {whole} (Article 4, Company 25, ")
    summary = ok(only_part)
    assert summary["counts"] == {"Article": 4, "Company": 4, "EconomicActivity": 4,
                                 "Organization": 1}
    for line in part.read_text(encoding="utf-8").splitlines():
        data = json.loads(line)
        ftm_model.get(data["schema"]).validate(data)
        assert ftm_model.get_proxy(data, cleaned=False).to_dict()["properties"] == \
            data["properties"]


def test_export_graphml_reads_back_in_networkx(demo_file: Path, tmp_path: Path) -> None:
    path = tmp_path / "hs.graphml"
    run = cli(demo_file, "export", "graphml", str(path), "--from", "2022-01-01", "--to",
              "2022-12-31", "--no-undated")
    assert run.code == 0, str(run)
    assert run.out == f"wrote 5 organizations and 3 supply links to {path}\n"
    read = nx.read_graphml(path)
    assert sorted(read.nodes[n]["name"] for n in read.nodes) == [
        "Analog Devices", "Gulf Bridge Trading FZE (fictional)",
        "Harbour Star Electronics Ltd (fictional)", "Northwind Components GmbH (fictional)",
        "OOO Vektor Komponent (fictional)"]
    assert sorted(read.edges[e]["date"] for e in read.edges) == [
        "2022-06-02", "2022-08-26", "2022-11-20"]


def test_graph_prints_companies_and_links(demo_file: Path) -> None:
    text, as_json, empty = cli_all(
        demo_file, ("graph", "--part", "STM32F765VIT6"),
        ("graph", "--organization", "OOO Vektor Komponent (fictional)", "--json"),
        ("graph", "--part", "STM32F765VIT6", "--to", "2000-01-01", "--no-undated"))
    assert text.code == 0, str(text)
    assert "Harbour Star Electronics Ltd (fictional)" in text.out
    assert "hub: Hong Kong" in text.out and "undated     hypothesis" in text.out
    shown = ok(as_json)
    assert shown["title"] == "OOO Vektor Komponent (fictional)"
    assert len(shown["edges"]) == 9 and shown["message"] == ""
    assert empty.code == 0 and empty.out.startswith(
        "No supply links recorded for part STM32F765VIT6 up to 2000-01-01")


def test_bad_input_gives_one_clear_line(demo_file: Path, tmp_path: Path) -> None:
    missing, folder, date, part = cli_all(
        demo_file, ("export", "ftm", str(tmp_path / "no" / "x.json")),
        ("export", "graphml", str(tmp_path)),
        ("export", "graphml", str(tmp_path / "x.graphml"), "--from", "2022-02-30"),
        ("export", "ftm", str(tmp_path / "x.json"), "--part", "NOPE-123"))
    assert_user_error(missing, 2, "the folder", "does not exist")
    assert_user_error(folder, 2, "is a folder")
    assert_user_error(date, 2, "from: '2022-02-30' is not a date")
    assert_user_error(part, 3, "there is no part 'NOPE-123'")
    assert not (tmp_path / "x.graphml").exists() and not (tmp_path / "x.json").exists()
