"""FollowTheMoney and GraphML exports, read back by the followthemoney library and by
networkx, on SQLite and PostgreSQL."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import networkx as nx
import pytest

from forensics_gui.core.errors import ValidationError
from forensics_gui.formats import ftm
from forensics_gui.services import graph, interchange, records, stores

from .graph_support import Chain, make_chain

TODAY = date(2024, 6, 1)
FEDERAL_REGISTER = "https://www.federalregister.gov/d/2023-12345"


@pytest.fixture(scope="module")
def ftm_model() -> Any:
    """FollowTheMoney's own model (the checks are skipped where the library is missing)."""
    return pytest.importorskip("followthemoney",
                               reason="followthemoney is not installed (Windows)").model


@pytest.fixture
def chain(store: stores.Store) -> Chain:
    """The shared chain, with identifiers, other names, a successor, a cited designation."""
    chain = make_chain(store)
    records.update(store, "org", chain.importer, None, {
        "identifiers": ["INN:7707083893", "INN:1234567890", "OGRN:1027700132195",
                        "KPP:770701001", "LEI:5493001KJTIIGC8Y1R12", "DUNS:123456789"],
        "aliases": ["Vektor", "Vektor  Komponent"], "former_names": ["OOO Vektor Old"],
        "addresses": ["ul. Demo 1\nMoscow"], "website": "vektor.example",
        "notes": "Fictional importer.\nSecond line."})
    records.create(store, "org", {"name": "Old Maker Inc (fictional)", "country": "US",
                                  "roles": ["manufacturer"], "successor_id": chain.maker})
    source = records.create(store, "source", {
        "title": "Entity List additions (fictional)", "kind": "official list",
        "publisher": "BIS", "published_on": "2023-06-01",
        "reference": "https://www.bis.doc.gov/demo", "reliability": "A", "credibility": "1"})
    records.create(store, "designation", {
        "organization_id": chain.importer, "authority": "BIS", "programme": "Entity List",
        "listed_on": "2023-06-01", "reference": FEDERAL_REGISTER, "source_id": source.id})
    return chain


def export_entities(store: stores.Store, path: Path, **scope: Any) -> list[dict[str, Any]]:
    interchange.export_ftm(store, path, today=TODAY, **scope)
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def by_id(entities: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {e["id"]: e for e in entities}


def props(entities: list[dict[str, Any]], kind: str, record_id: Any) -> dict[str, list[str]]:
    return by_id(entities)[ftm.entity_id(kind, record_id)]["properties"]


def assert_valid_followthemoney(entities: list[dict[str, Any]], model: Any) -> None:
    """Every entity as the library reads it: a known schema, every value valid and kept as
    written by FtM's own cleaning, required properties present, every reference resolved to
    an entity of the schema the property expects."""
    known = by_id(entities)
    assert len(known) == len(entities), "entity ids repeat"
    for data in entities:
        schema = model.get(data["schema"])
        assert schema is not None and not schema.abstract, data["schema"]
        schema.validate(data)
        proxy = model.get_proxy(data, cleaned=False)
        for name, values in data["properties"].items():
            assert sorted(proxy.get(name)) == sorted(values), (data["schema"], name, values)
        for name in schema.required:
            assert data["properties"].get(name), (data["schema"], name)
        for prop in proxy.schema.properties.values():
            if prop.type.name != "entity":
                continue
            for target in proxy.get(prop):
                assert target in known, (data["id"], prop.name, target)
                assert model.get(known[target]["schema"]).is_a(prop.range), (prop.name, target)


def test_the_export_is_followthemoney_the_library_accepts(store: stores.Store, chain: Chain,
                                                          tmp_path: Path, ftm_model: Any) -> None:
    entities = export_entities(store, tmp_path / "store.ftm.json")
    assert_valid_followthemoney(entities, ftm_model)
    counts: dict[str, int] = {}
    for entity in entities:
        counts[entity["schema"]] = counts.get(entity["schema"], 0) + 1
    assert counts == {"Company": 5, "Organization": 1, "Sanction": 3, "EconomicActivity": 6,
                      "Article": 2, "Succession": 1}


def test_organizations_keep_their_names_identifiers_and_sanctions(
        store: stores.Store, chain: Chain, tmp_path: Path) -> None:
    entities = export_entities(store, tmp_path / "store.ftm.json")
    importer = props(entities, "org", chain.importer)
    assert importer["name"] == ["OOO Vektor Komponent (fictional)"]
    assert importer["alias"] == ["Vektor", "Vektor Komponent"]
    assert importer["previousName"] == ["OOO Vektor Old"]
    assert importer["country"] == ["ru"] and importer["address"] == ["ul. Demo 1, Moscow"]
    assert importer["website"] == ["http://vektor.example/"]
    assert importer["innCode"] == ["7707083893"] and importer["ogrnCode"] == ["1027700132195"]
    assert importer["kppCode"] == ["770701001"]
    assert importer["leiCode"] == ["5493001KJTIIGC8Y1R12"]
    assert importer["dunsCode"] == ["123456789"]
    assert importer["registrationNumber"] == ["1234567890"]  # an INN whose checksum fails
    assert importer["topics"] == ["export.control"]
    assert props(entities, "org", chain.trader)["topics"] == ["sanction"]
    assert "topics" not in props(entities, "org", chain.distributor)  # delisted
    assert by_id(entities)[ftm.entity_id("org", chain.plant)]["schema"] == "Organization"


def test_designations_become_sanctions_citing_their_source(store: stores.Store, chain: Chain,
                                                           tmp_path: Path) -> None:
    entities = export_entities(store, tmp_path / "store.ftm.json")
    sanctions = [e["properties"] for e in entities if e["schema"] == "Sanction"]
    bis = next(p for p in sanctions if p["entity"] == [ftm.entity_id("org", chain.importer)])
    assert bis["authority"] == ["US Bureau of Industry and Security"]
    assert bis["program"] == ["Entity List"] and bis["startDate"] == ["2023-06-01"]
    assert bis["sourceUrl"] == [FEDERAL_REGISTER, "https://www.bis.doc.gov/demo"]
    article = by_id(entities)[bis["proof"][0]]
    assert article["schema"] == "Article"
    assert article["properties"]["title"] == ["Entity List additions (fictional)"]
    assert article["properties"]["publishedAt"] == ["2023-06-01"]
    eu = next(p for p in sanctions if p["entity"] == [ftm.entity_id("org", chain.distributor)])
    assert (eu["authority"], eu["country"], eu["endDate"]) == (
        ["European Union"], ["eu"], ["2023-03-01"])


def test_links_become_economic_activities_from_seller_to_buyer(
        store: stores.Store, chain: Chain, tmp_path: Path) -> None:
    entities = export_entities(store, tmp_path / "store.ftm.json")
    shipped = props(entities, "link", chain.links["shipped"])
    assert shipped["sender"] == [ftm.entity_id("org", chain.trader)]
    assert shipped["receiver"] == [ftm.entity_id("org", chain.importer)]
    assert shipped["date"] == ["2022-08-26"]
    assert shipped["summary"] == ["Documented supply link: 100 × AD22100STZ "
                                  "(Analog Devices, Inc.)"]
    assert shipped["goodsDescription"] == ["AD22100STZ"]
    assert len(shipped["proof"]) == 1
    assert "date" not in props(entities, "link", chain.links["delivered"])
    old = next(e for e in entities if e["schema"] == "Succession")
    assert old["properties"]["successor"] == [ftm.entity_id("org", chain.maker)]


def test_exporting_twice_gives_the_same_file(store: stores.Store, chain: Chain,
                                             tmp_path: Path) -> None:
    first, second = tmp_path / "a.jsonl", tmp_path / "b.jsonl"
    interchange.export_ftm(store, first, today=TODAY)
    interchange.export_ftm(store, second, today=TODAY)
    assert first.read_bytes() == second.read_bytes()


def test_a_part_s_export_holds_only_its_links_and_their_parties(
        store: stores.Store, chain: Chain, tmp_path: Path, ftm_model: Any) -> None:
    entities = export_entities(store, tmp_path / "part.jsonl", part="ADXL345")
    assert_valid_followthemoney(entities, ftm_model)
    schemas = sorted(e["schema"] for e in entities)
    assert schemas == ["Company", "Company", "EconomicActivity", "Sanction"]
    summary = interchange.export_ftm(store, tmp_path / "p.jsonl", part="ADXL345",
                                     date_from="2024-01-01", include_undated=False)
    assert summary.counts == {}
    assert (tmp_path / "p.jsonl").read_text() == ""


def test_graphml_reads_back_in_networkx_with_every_attribute(
        store: stores.Store, chain: Chain, tmp_path: Path) -> None:
    path = tmp_path / "graph.graphml"
    summary = interchange.export_graphml(store, path, today=TODAY)
    assert summary.counts == {"nodes": 5, "edges": 6}
    read = nx.read_graphml(path)
    shown = graph.supply_graph(store, today=TODAY)
    assert isinstance(read, nx.MultiDiGraph)  # two links between the maker and distributor
    assert set(read.nodes) == {str(n.id) for n in shown.nodes}
    assert {(u, v, k) for u, v, k in read.edges(keys=True)} == {
        (str(e.seller_id), str(e.buyer_id), str(e.id)) for e in shown.edges}
    trader = read.nodes[str(chain.trader)]
    assert {k: trader[k] for k in ("name", "country", "roles", "hub", "hub_name", "sanctions",
                                   "designated", "authorities")} == {
        "name": "Harbour Star Electronics Ltd (fictional)", "country": "HK",
        "roles": "trading company", "hub": True, "hub_name": "Hong Kong",
        "sanctions": "designated", "designated": True, "authorities": "OFAC"}
    assert read.nodes[str(chain.distributor)]["former_authorities"] == "EU"
    edge = read.edges[str(chain.trader), str(chain.importer), str(chain.links["shipped"])]
    assert {k: edge[k] for k in ("status", "date", "part", "quantity", "sources")} == {
        "status": "documented", "date": "2022-08-26", "part": "AD22100STZ", "quantity": 100,
        "sources": 1}
    assert read.graph["description"] == "Supply links"


def test_graphml_of_a_part_and_period(store: stores.Store, chain: Chain,
                                      tmp_path: Path) -> None:
    path = tmp_path / "part.graphml"
    interchange.export_graphml(store, path, part="AD22100STZ", date_from="2022-01-01",
                               date_to="2022-12-31", include_undated=False)
    read = nx.read_graphml(path)
    assert isinstance(read, nx.DiGraph) and not read.is_multigraph()
    assert {read.edges[e]["id"] for e in read.edges} == {
        str(chain.links[k]) for k in ("resold", "shipped", "back")}
    assert read.graph["description"] == ("Supply links of part AD22100STZ, from 2022-01-01 "
                                         "to 2022-12-31")


def test_a_bad_file_name_is_refused_and_nothing_is_written(store: stores.Store, chain: Chain,
                                                           tmp_path: Path) -> None:
    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(ValidationError, match=r"the folder .*missing does not exist"):
        interchange.export_ftm(store, out / "missing" / "x.jsonl")
    with pytest.raises(ValidationError, match="is a folder"):
        interchange.export_graphml(store, out)
    with pytest.raises(ValidationError, match="from: 'soon' is not a date"):
        interchange.export_graphml(store, out / "x.graphml", date_from="soon")
    assert list(out.iterdir()) == []


def test_a_failed_export_leaves_the_previous_file_whole(store: stores.Store, chain: Chain,
                                                        tmp_path: Path,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    out = tmp_path / "out"
    out.mkdir()
    target = out / "store.ftm.json"
    target.write_text("the previous export\n")

    def broken(*_args: Any) -> None:
        raise RuntimeError("the disk went away")

    monkeypatch.setattr(ftm, "link_entity", broken)
    with pytest.raises(RuntimeError):
        interchange.export_ftm(store, target)
    assert target.read_text() == "the previous export\n"
    assert [p.name for p in out.iterdir()] == ["store.ftm.json"]
