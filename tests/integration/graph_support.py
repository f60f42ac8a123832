"""A small recorded supply chain shared by the graph and interchange tests."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from forensics_gui.services import records, stores


@dataclass(frozen=True)
class Chain:
    """A small recorded supply chain (ids), see `supply_chain`."""

    maker: Any
    distributor: Any
    trader: Any
    importer: Any
    plant: Any
    part: Any
    other_part: Any
    links: dict[str, Any]


def make_chain(store: stores.Store) -> Chain:
    """Maker (US) → distributor (DE, delisted by the EU) → Hong Kong trader (OFAC) → importer
    (RU) → plant; a cycle back from the importer to the trader, an undated link, and a second
    part sold by the maker to the distributor."""
    with store.writing() as uow:
        def org(name: str, country: str, role: str) -> Any:
            return records.create_in(uow, "org", {"name": name, "country": country,
                                                  "roles": [role]}).id

        maker = org("Analog Devices, Inc.", "US", "manufacturer")
        distributor = org("Northwind Components GmbH (fictional)", "DE", "distributor")
        trader = org("Harbour Star Electronics Ltd (fictional)", "HK", "trading company")
        importer = org("OOO Vektor Komponent (fictional)", "RU", "importer")
        plant = org("Demo plant (fictional)", "RU", "end user")
        part = records.create_in(uow, "part", {"part_number": "AD22100STZ",
                                               "manufacturer_id": maker}).id
        other = records.create_in(uow, "part", {"part_number": "ADXL345",
                                                "manufacturer_id": maker}).id
        source = records.create_in(uow, "source", {"title": "Customs record (fictional)"}).id

        def link(name: str, seller: Any, buyer: Any, when: str | None, status: str,
                 part_id: Any = part, cited: tuple[Any, ...] = ()) -> tuple[str, Any]:
            return name, records.create_in(uow, "link", {
                "seller_id": seller, "buyer_id": buyer, "part_id": part_id, "shipped_on": when,
                "status": status, "quantity": 100, "source_ids": list(cited)}).id

        links = dict((
            link("made", maker, distributor, "2021-03-15", "documented", cited=(source,)),
            link("resold", distributor, trader, "2022-06-02", "probable"),
            link("shipped", trader, importer, "2022-08-26", "documented", cited=(source,)),
            link("delivered", importer, plant, None, "hypothesis"),
            link("back", importer, trader, "2022-10-01", "hypothesis"),
            link("other part", maker, distributor, "2023-01-10", "probable", other),
        ))
        records.create_in(uow, "designation", {"organization_id": trader, "authority": "OFAC",
                                               "listed_on": "2023-05-19"})
        records.create_in(uow, "designation", {"organization_id": distributor,
                                               "authority": "EU", "listed_on": "2022-03-01",
                                               "delisted_on": "2023-03-01"})
    return Chain(maker, distributor, trader, importer, plant, part, other, links)
