"""Supply links, probable chains, designation timing and the sanctions gap, on SQLite and on
PostgreSQL.

Every test gets a small supply network (`network`) around the case file's part AD22100STZ:
two routes from its maker to a fictional Russian importer, one through a designated trader,
an end user beyond the importer, a link recorded for a finding of the part, a link with no
part, a link for another part, and graded sources.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from typing import Any
from uuid import UUID

import pytest

from forensics_gui.core.chains import SearchLimits
from forensics_gui.core.errors import NotFoundError, ValidationError
from forensics_gui.services import bulk, records, stores
from forensics_gui.services.gap import sanctions_gap
from forensics_gui.services.supply import chains_for, links_for

from .support import CaseFile, store_counts

# (name, country, role)
ORGS = (("Harbour Star Electronics Ltd (fictional)", "HK", "trading company"),
        ("Gulf Bridge Trading FZE (fictional)", "AE", "trading company"),
        ("Steppe Logistics LLP (fictional)", "KZ", "logistics"),
        ("OOO Vektor Komponent (fictional)", "RU", "importer"),
        ("Demo drone plant (fictional)", "RU", "end user"),
        ("Other Maker Inc (fictional)", "US", "manufacturer"))


@dataclass(frozen=True)
class Network:
    case: CaseFile
    orgs: dict[str, UUID]
    finding: Any
    links: dict[str, Any]
    other_part: Any


def _short(name: str) -> str:
    return name.split()[0]


@pytest.fixture
def network(store: stores.Store, case_file: CaseFile) -> Network:
    """Routes for AD22100STZ, made through the services in one transaction."""
    with store.writing() as uow:
        def create(kind: str, values: dict[str, Any]) -> Any:
            return records.create_in(uow, kind, values)

        orgs = {_short(name): create("org", {"name": name, "country": country,
                                             "roles": [role]}).id
                for name, country, role in ORGS}
        orgs |= {"Maker": case_file.maker.id, "Northwind": case_file.distributor.id}
        create("designation", {"organization_id": orgs["Gulf"], "authority": "OFAC",
                               "programme": "RUSSIA-EO14024", "listed_on": "2023-05-19"})
        create("designation", {"organization_id": orgs["Harbour"], "authority": "UK",
                               "listed_on": "2022-03-01", "delisted_on": "2023-03-01"})
        finding = create("finding", {"item_id": case_file.item.id, "part_id": case_file.part.id,
                                     "marking": "AD22100\nSTZ"})
        other_part = create("part", {"part_number": "OTHER-1", "manufacturer_id": orgs["Other"]})
        good, weak = [case_file.source.id], [case_file.other_source.id]  # B2, C6

        def link(name: str, seller: str, buyer: str, on: str | None, status: str,
                 sources: list[UUID], **more: Any) -> Any:
            return name, create("link", {"seller_id": orgs[seller], "buyer_id": orgs[buyer],
                                         "shipped_on": on, "status": status,
                                         "source_ids": sources,
                                         **({"part_id": case_file.part.id} | more)})

        links = dict([
            link("maker-northwind", "Maker", "Northwind", "2021-03-15", "documented", good),
            link("northwind-harbour", "Northwind", "Harbour", "2022-06-02", "probable", good),
            link("harbour-vektor", "Harbour", "OOO", "2022-08-26", "probable", good + weak,
                 part_id=None, finding_id=finding.id),
            link("maker-gulf", "Maker", "Gulf", "2022-11-20", "documented", good),
            link("gulf-steppe", "Gulf", "Steppe", "2023-06-14", "documented", good),
            link("steppe-vektor", "Steppe", "OOO", "2023-07-02", "documented", good),
            link("vektor-plant", "OOO", "Demo", None, "hypothesis", weak),
            link("general", "Harbour", "Steppe", "2022-09-01", "documented", good, part_id=None),
            link("other-part", "Other", "OOO", "2022-01-01", "documented", good,
                 part_id=other_part.id),
        ])
    return Network(case_file, orgs, finding, links, other_part)


def _names(chain: Any) -> list[str]:
    return [_short(p.name) for p in chain.parties]


# -------------------------------------------------------------------------- chains
def test_chains_of_a_part_ranked_with_countries_hubs_and_timing(store: stores.Store,
                                                                 network: Network) -> None:
    report = chains_for(store, "part", "AD22100STZ")
    assert report.manufacturer is not None and report.manufacturer.name == "Analog Devices, Inc."
    assert [_names(c) for c in report.chains] == [
        ["Analog", "Gulf", "Steppe", "OOO"],
        ["Analog", "Northwind", "Harbour", "OOO"],
        # Both end in the hypothesis about the plant; the Harbour route cites more.
        ["Analog", "Northwind", "Harbour", "OOO", "Demo"],
        ["Analog", "Gulf", "Steppe", "OOO", "Demo"]]
    first, second = report.chains[:2]
    assert (first.weakest_status, second.weakest_status) == ("documented", "probable")
    assert first.countries == ("US", "AE", "KZ", "RU") and first.hubs == ("AE", "KZ")
    assert second.countries == ("US", "DE", "HK", "RU") and second.hubs == ("HK",)
    gulf_steppe = first.steps[1]
    assert gulf_steppe.seller_timing.text == "designated before the link (OFAC 2023-05-19)"
    assert first.steps[0].buyer_timing.state == "after"
    harbour = second.steps[1].buyer_timing
    assert (harbour.state, harbour.listing.authority) == ("before", "UK")
    assert second.steps[2].seller_timing.text == \
        "designated before the link (UK 2022-03-01, delisted 2023-03-01)"
    assert [c.grade for c in second.steps[2].link.citations] == ["B2", "C6"]
    assert second.steps[2].recorded_for == "finding"
    assert report.chains[2].undated_steps == 1
    assert report.cut_short == "" and report.notices == ()


def test_links_with_no_part_and_other_parts_links_make_no_chain(store: stores.Store,
                                                                network: Network) -> None:
    report = chains_for(store, "part", network.case.part.id)
    used = {step.link.id for chain in report.chains for step in chain.steps}
    assert network.links["general"].id not in used
    assert report.links_considered == 7
    other = chains_for(store, "part", "OTHER-1")
    # The link to the plant was recorded for AD22100STZ, not for this part.
    assert [_names(c) for c in other.chains] == [["Other", "OOO"]]


def test_a_finding_uses_its_own_links_and_its_parts(store: stores.Store,
                                                    network: Network) -> None:
    report = chains_for(store, "finding", network.finding.id)
    assert report.subject_label.startswith("finding AD22100STZ")
    assert len(report.chains) == 4
    own = next(s for c in report.chains for s in c.steps if s.link.finding_id)
    assert own.recorded_for == "this finding"


def test_a_period_and_the_bounds_are_reported(store: stores.Store, network: Network) -> None:
    report = chains_for(store, "part", "AD22100STZ", period_from="2021-01-01",
                        period_to=date(2022, 12, 31))
    assert [_names(c) for c in report.chains] == [["Analog", "Northwind", "Harbour", "OOO"],
                                                  ["Analog", "Northwind", "Harbour", "OOO",
                                                   "Demo"]]
    assert report.notices == ("2 links dated outside the period left out",)
    empty = chains_for(store, "part", "AD22100STZ", period_to="2021-12-31")
    assert empty.chains == () and "leads from Analog Devices, Inc. to a Russian" in \
        empty.notices[-1]
    short = chains_for(store, "part", "AD22100STZ", limits=SearchLimits(max_depth=3))
    assert len(short.chains) == 2
    assert short.cut_short == "chains longer than 3 links were not followed"


# ---------------------------------------------------------------------------- links
def test_links_of_a_part_a_finding_and_an_organization(store: stores.Store,
                                                       network: Network) -> None:
    of_part = links_for(store, "part", "AD22100STZ")
    assert of_part.total == 7 and of_part.subject_label == "part AD22100STZ"
    dates = [v.link.shipped_on for v in of_part.links]
    assert dates[-1] is None and dates[:-1] == sorted(dates[:-1], reverse=True)
    assert {v.recorded_for for v in of_part.links} == {"part", "finding"}
    of_finding = links_for(store, "finding", network.finding.id)
    assert of_finding.total == 7
    assert [v.recorded_for for v in of_finding.links].count("this finding") == 1
    gulf = links_for(store, "org", "Gulf Bridge Trading FZE (fictional)")
    assert gulf.total == 2
    timing = {(_short(v.seller.name), _short(v.buyer.name)): v for v in gulf.links}
    assert timing[("Analog", "Gulf")].buyer_timing.state == "after"
    assert timing[("Gulf", "Steppe")].seller_timing.state == "before"
    assert timing[("Gulf", "Steppe")].seller.hub
    harbour = links_for(store, "org", network.orgs["Harbour"])
    general = next(v for v in harbour.links if v.link.part_id is None and not v.link.finding_id)
    assert general.recorded_for == "" and general.link.part_number == ""
    limited = links_for(store, "org", network.orgs["OOO"], limit=2)
    assert (limited.total, len(limited.links)) == (4, 2)


def test_a_link_recorded_and_cited_from_a_part(store: stores.Store, network: Network) -> None:
    link = records.create(store, "link", {
        "seller_id": "Harbour Star Electronics Ltd (fictional)", "buyer_id": "OOO Vektor "
        "Komponent (fictional)", "part_id": "AD22100STZ", "shipped_on": "2023-04-01",
        "quantity": "200", "value": "1250.50", "currency": "usd",
        "declared_hs_code": "8542.39", "declared_description": "integrated circuits",
        "status": "probable", "source_ids": [network.case.source.id]})
    listed = {v.link.id: v for v in links_for(store, "part", "AD22100STZ").links}
    shown = listed[link.id].link
    assert (shown.quantity, str(shown.value), shown.currency) == (200, "1250.50", "USD")
    assert shown.declared_hs_code == "854239" and shown.citations[0].grade == "B2"
    assert listed[link.id].seller_timing.state == "delisted"


# -------------------------------------------------------------------------- bad input
def test_bad_data_from_a_bulk_import_is_handled(store: stores.Store, network: Network) -> None:
    part = network.case.part.id
    orgs = network.orgs
    bulk.bulk_create(store, "link", [
        {"seller_id": orgs["OOO"], "buyer_id": orgs["OOO"], "part_id": part,
         "status": "documented"},
        {"seller_id": orgs["Steppe"], "buyer_id": orgs["Gulf"], "part_id": part,
         "shipped_on": "2023-06-20", "status": "documented"},  # a cycle back
        {"seller_id": orgs["OOO"], "buyer_id": orgs["Harbour"], "part_id": part,
         "status": "documented"},
        # Recorded for the finding alone: a bulk import does not fill in the part.
        {"seller_id": orgs["Northwind"], "buyer_id": orgs["OOO"],
         "finding_id": network.finding.id, "shipped_on": "2022-07-01", "status": "documented"}])
    report = chains_for(store, "part", "AD22100STZ")
    assert len(report.chains) == 6
    short = next(c for c in report.chains if _names(c) == ["Analog", "Northwind", "OOO"])
    assert short.steps[1].recorded_for == "finding" and short.weakest_points == 0
    assert "1 link between a company and itself ignored" in report.notices


def test_a_part_without_maker_or_links_and_an_unidentified_finding(
        store: stores.Store, network: Network) -> None:
    records.create(store, "part", {"part_number": "NOMAKER-1"})
    records.create(store, "part", {"part_number": "LONELY-1", "manufacturer_id": "Other Maker "
                                                                                "Inc (fictional)"})
    unidentified = records.create(store, "finding", {"item_id": network.case.item.id,
                                                     "marking": "illegible"})
    no_maker = chains_for(store, "part", "NOMAKER-1")
    assert no_maker.chains == () and "no manufacturer recorded" in no_maker.notices[0]
    lonely = chains_for(store, "part", "LONELY-1")
    assert lonely.notices == ("no supply links are recorded for part LONELY-1",)
    finding = chains_for(store, "finding", unidentified.id)
    assert "is unidentified" in finding.notices[0]
    assert links_for(store, "finding", unidentified.id).notices
    before = store_counts(store)
    with pytest.raises(ValidationError) as refused:
        chains_for(store, "part", "AD22100STZ", period_from="2023-01-01", period_to="2022-01-01")
    assert refused.value.field == "to"
    with pytest.raises(ValidationError, match="not a date"):
        chains_for(store, "part", "AD22100STZ", period_from="last year")
    with pytest.raises(ValidationError, match="kind"):
        chains_for(store, "org", "OOO Vektor Komponent (fictional)")
    with pytest.raises(NotFoundError):
        links_for(store, "part", "NO-SUCH-PART")
    assert store_counts(store) == before


# ------------------------------------------------------------------------------ gap
def test_the_gap_lists_parts_and_companies_through_no_designated_company(
        store: stores.Store, network: Network) -> None:
    gap = sanctions_gap(store)
    assert gap.subjects_examined == 2
    parts = {p.label: p for p in gap.parts}
    assert set(parts) == {"AD22100STZ", "OTHER-1"}
    # The route through Gulf Bridge (designated) is not in the gap; Harbour Star's UK
    # designation was lifted, so its route is.
    assert [_names(c) for c in parts["AD22100STZ"].chains] == [
        ["Analog", "Northwind", "Harbour", "OOO"], ["Analog", "Northwind", "Harbour", "OOO",
                                                    "Demo"]]
    companies = {_short(o.party.name): o for o in gap.organizations}
    assert set(companies) == {"Northwind", "Harbour", "OOO", "Demo"}
    assert companies["OOO"].subjects == ("AD22100STZ", "OTHER-1")
    evidence = {(_short(v.seller.name), _short(v.buyer.name)): v
                for v in companies["Harbour"].links}
    assert [c.grade for c in evidence[("Harbour", "OOO")].link.citations] == ["B2", "C6"]
    records.create(store, "designation", {"organization_id": network.orgs["OOO"],
                                          "authority": "EU", "listed_on": "2024-02-23"})
    assert {p.label for p in sanctions_gap(store).parts} == set()


def test_a_designated_maker_does_not_close_the_gap(store: stores.Store,
                                                   network: Network) -> None:
    records.create(store, "designation", {"organization_id": network.orgs["Other"],
                                          "authority": "BIS", "listed_on": "2022-01-01"})
    records.create(store, "designation", {"organization_id": network.orgs["Gulf"],
                                          "authority": "EU", "listed_on": "2022-01-01",
                                          "delisted_on": "2022-06-01"})
    gap = sanctions_gap(store, period_from="2022-01-01")
    assert "OTHER-1" in {p.label for p in gap.parts}
    assert "Other" not in {_short(o.party.name) for o in gap.organizations}
