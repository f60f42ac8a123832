"""The supply graph service on SQLite and PostgreSQL: which organizations and links a graph
of a part, a finding, an organization or the whole store holds, within a period; hubs and
sanctions status; empty and oversized graphs."""

from __future__ import annotations

from datetime import date
from typing import Any

import pytest

from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.services import graph, records, stores
from forensics_gui.storage import models as m

from .graph_support import Chain, make_chain

TODAY = date(2024, 6, 1)


@pytest.fixture
def chain(store: stores.Store) -> Chain:
    return make_chain(store)


def edge_ids(shown: Any) -> set[Any]:
    return {e.id for e in shown.edges}


def test_the_graph_of_a_part_holds_its_links_and_their_parties(store: stores.Store,
                                                                chain: Chain) -> None:
    shown = graph.supply_graph(store, part="ad22100-stz", today=TODAY)
    assert shown.title == "part AD22100STZ" and not shown.message and not shown.too_large
    assert edge_ids(shown) == {v for k, v in chain.links.items() if k != "other part"}
    assert [n.name for n in shown.nodes][:2] == ["Analog Devices, Inc.",
                                                 "Northwind Components GmbH (fictional)"]
    assert (shown.undated, shown.self_links) == (1, 0)
    shipped = next(e for e in shown.edges if e.id == chain.links["shipped"])
    assert (shipped.status, shipped.shipped_on, shipped.part_number, shipped.quantity,
            shipped.source_count) == ("documented", date(2022, 8, 26), "AD22100STZ", 100, 1)
    assert shipped.source_titles == ("Customs record (fictional)",)
    assert shown.edges[-1].shipped_on is None  # undated links come last


def test_organizations_carry_role_country_hub_and_sanctions(store: stores.Store,
                                                            chain: Chain) -> None:
    shown = graph.supply_graph(store, today=TODAY)
    trader, distributor = shown.node(chain.trader), shown.node(chain.distributor)
    assert trader is not None and distributor is not None
    assert (trader.country, trader.roles, trader.hub) == ("HK", ("trading company",),
                                                          "Hong Kong")
    assert (trader.sanctions, trader.designated_by) == ("designated", ("OFAC",))
    assert (distributor.sanctions, distributor.formerly_by) == ("formerly", ("EU",))
    assert not distributor.is_hub
    before_listing = graph.supply_graph(store, today=date(2023, 1, 1)).node(chain.trader)
    assert before_listing is not None and before_listing.sanctions == "none"
    still_listed = graph.supply_graph(store, today=date(2022, 6, 1)).node(chain.distributor)
    assert still_listed is not None and still_listed.designated_by == ("EU",)


def test_a_period_keeps_undated_links_unless_told_not_to(store: stores.Store,
                                                         chain: Chain) -> None:
    within = graph.supply_graph(store, part=chain.part, date_from="2022-01-01",
                                date_to=date(2022, 8, 31))
    assert edge_ids(within) == {chain.links[k] for k in ("resold", "shipped", "delivered")}
    dated = graph.supply_graph(store, part=chain.part, date_from="2022-01-01",
                               date_to="2022-08-31", include_undated=False)
    assert edge_ids(dated) == {chain.links["resold"], chain.links["shipped"]}
    assert {n.id for n in dated.nodes} == {chain.distributor, chain.trader, chain.importer}


def test_the_graph_of_an_organization_reaches_a_few_steps_either_way(
        store: stores.Store, chain: Chain) -> None:
    near = graph.supply_graph(store, organization="OOO Vektor Komponent (fictional)", depth=1)
    assert near.title == "OOO Vektor Komponent (fictional)"
    assert edge_ids(near) == {chain.links[k] for k in ("shipped", "delivered", "back")}
    far = graph.supply_graph(store, organization=chain.importer)
    assert chain.maker in {n.id for n in far.nodes}
    alone = records.create(store, "org", {"name": "Unconnected (fictional)"})
    lonely = graph.supply_graph(store, organization=alone.id)
    assert [n.id for n in lonely.nodes] == [alone.id]
    assert lonely.message == "No supply links recorded for Unconnected (fictional)."


def test_the_graph_of_a_finding_holds_its_part_s_links(store: stores.Store,
                                                       chain: Chain) -> None:
    system = records.create(store, "system", {"name": "Kh-101"})
    item = records.create(store, "item", {"system_type_id": system.id, "case_reference": "C-1"})
    finding = records.create(store, "finding", {"item_id": item.id, "part_id": chain.part,
                                                "identification": "part"})
    shown = graph.supply_graph(store, finding=finding.id)
    assert shown.title == "finding AD22100STZ (C-1)"
    assert chain.links["shipped"] in edge_ids(shown)
    assert chain.links["other part"] not in edge_ids(shown)


def test_empty_and_oversized_graphs_say_so(store: stores.Store, chain: Chain) -> None:
    empty = graph.supply_graph(store, part=chain.part, date_from="1990-01-01",
                               date_to="1990-12-31", include_undated=False)
    assert not empty.nodes and not empty.edges
    assert empty.message == ("No supply links recorded for part AD22100STZ from 1990-01-01 "
                             "to 1990-12-31 (undated links left out).")
    large = graph.supply_graph(store, max_nodes=3)
    assert large.too_large and not large.nodes and large.total_nodes == 5
    assert "5 organizations" in large.message and "at most 3" in large.message
    assert "Choose a part or a shorter period" in large.message
    many = graph.supply_graph(store, max_links=2)
    assert many.too_large and "6 supply links" in many.message


def test_a_link_from_a_company_to_itself_is_kept_but_flagged(store: stores.Store,
                                                             chain: Chain) -> None:
    """The services refuse such links now; a store written by hand or by an older version may
    still hold one, and the graph must not break on it."""
    with store.writing() as uow:
        uow.session.add(m.SupplyLinkRow(seller_id=chain.trader, buyer_id=chain.trader,
                                        part_id=chain.part, status="hypothesis",
                                        created_by="test", updated_by="test"))
    shown = graph.supply_graph(store, part=chain.part)
    assert shown.self_links == 1 and len(shown.nodes) == 5


def test_an_empty_store_has_no_graph(store: stores.Store) -> None:
    shown = graph.supply_graph(store)
    assert shown.message == "No supply links recorded in this store."
    assert graph.parts_with_links(store) == []


def test_parts_offered_in_the_filter_are_those_with_links(store: stores.Store,
                                                          chain: Chain) -> None:
    choices = graph.parts_with_links(store)
    assert [(c.part_number, c.manufacturer_name, c.link_count) for c in choices] == [
        ("AD22100STZ", "Analog Devices, Inc.", 5), ("ADXL345", "Analog Devices, Inc.", 1)]
    assert [c.part_number for c in graph.parts_with_links(store, "xl3")] == ["ADXL345"]
    assert graph.parts_with_links(store, "100%_") == []


@pytest.mark.parametrize(("filters", "error", "words"), [
    ({"date_from": "2022-13-01"}, ValidationError, "from: '2022-13-01' is not a date"),
    ({"date_from": "2023-01-01", "date_to": "2022-01-01"}, ValidationError,
     "to: 2022-01-01 is before the start of the period"),
    ({"part": "NO-SUCH-PART"}, NotFoundError, "there is no part 'NO-SUCH-PART'"),
    ({"organization": "Nobody (fictional)"}, NotFoundError, "there is no organization"),
    ({"finding": "not an id"}, ValidationError, "finding: 'not an id' is not a valid id"),
])
def test_bad_filters_are_refused_with_what_was_wrong(store: stores.Store, chain: Chain,
                                                     filters: dict[str, Any], error: type,
                                                     words: str) -> None:
    with pytest.raises(error) as raised:
        graph.supply_graph(store, **filters)
    assert words in str(raised.value)
