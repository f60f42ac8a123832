"""Path finding for probable supply chains, and designation timing, on plain data."""

from __future__ import annotations

import time
from datetime import date
from itertools import count
from uuid import UUID

from forensics_gui.core.chains import (
    Citation,
    LinkFact,
    Listing,
    Party,
    SearchLimits,
    chain_summary,
    designation_timing,
    find_chains,
    link_view,
    party_label,
)

TODAY = date(2025, 6, 1)
HUBS = {"HK", "TR", "AE", "AM", "KZ", "KG", "GE", "UZ"}
_ids = count(1)


def _id() -> UUID:
    return UUID(int=next(_ids))


class Graph:
    """Organizations and links made by name, for readable tests."""

    def __init__(self) -> None:
        self.parties: dict[UUID, Party] = {}
        self.by_name: dict[str, UUID] = {}
        self.links: list[LinkFact] = []

    def org(self, name: str, country: str, *roles: str, listings: tuple[Listing, ...] = ()
            ) -> UUID:
        party = Party(_id(), name, country, roles, listings, country in HUBS)
        self.parties[party.id] = party
        self.by_name[name] = party.id
        return party.id

    def link(self, seller: str, buyer: str, on: str | None = None, status: str = "documented",
             grades: tuple[str, ...] = ("B2",)) -> LinkFact:
        cited = tuple(Citation(_id(), f"source {g}", g[0], int(g[1])) for g in grades)
        link = LinkFact(_id(), self.by_name[seller], self.by_name[buyer], status,
                        date.fromisoformat(on) if on else None, citations=cited)
        self.links.append(link)
        return link

    def chains(self, start: str = "Maker", **options: object) -> object:
        return find_chains(self.by_name[start], self.links, self.parties, today=TODAY,
                           **options)  # type: ignore[arg-type]


def names(chain: object) -> list[str]:
    return [party.name for party in chain.parties]  # type: ignore[attr-defined]


def basic() -> Graph:
    graph = Graph()
    graph.org("Maker", "US", "manufacturer")
    graph.org("Distributor", "DE", "distributor")
    graph.org("Trader", "HK", "trading company")
    graph.org("Importer", "RU", "importer")
    graph.org("Plant", "RU", "end user")
    return graph


# ------------------------------------------------------------------------- ranking
def test_the_weakest_status_ranks_first_even_over_a_shorter_path() -> None:
    graph = basic()
    graph.link("Maker", "Importer", "2022-01-01", "hypothesis", ("A1", "A1"))
    graph.link("Maker", "Distributor", "2022-01-01", "documented")
    graph.link("Distributor", "Trader", "2022-02-01", "documented")
    graph.link("Trader", "Importer", "2022-03-01", "probable")
    found = graph.chains()
    assert [names(c) for c in found.chains] == [
        ["Maker", "Distributor", "Trader", "Importer"], ["Maker", "Importer"]]
    assert [c.weakest_status for c in found.chains] == ["probable", "hypothesis"]


def test_with_equal_status_better_sources_rank_first_then_shorter() -> None:
    graph = basic()
    graph.link("Maker", "Importer", "2022-01-01", "probable", ("F6",))
    graph.link("Maker", "Distributor", "2022-01-01", "probable", ("A1",))
    graph.link("Distributor", "Importer", "2022-02-01", "probable", ("B2", "C3"))
    graph.link("Maker", "Trader", "2022-01-01", "probable", ("A1",))
    graph.link("Trader", "Importer", "2022-02-01", "probable", ("B2",))
    found = graph.chains()
    assert [names(c) for c in found.chains] == [
        ["Maker", "Distributor", "Importer"], ["Maker", "Trader", "Importer"],
        ["Maker", "Importer"]]
    best = found.chains[0]
    assert (best.weakest_points, best.total_points, best.source_count) == (10, 24, 3)
    graph = basic()
    graph.link("Maker", "Importer", "2022-01-01", "probable", ("B2",))
    graph.link("Maker", "Trader", "2022-01-01", "probable", ("B2",))
    graph.link("Trader", "Importer", "2022-02-01", "probable", ("B2",))
    assert [len(c.steps) for c in graph.chains().chains] == [1, 2]


def test_a_chain_lists_the_countries_crossed_and_marks_hubs() -> None:
    graph = basic()
    graph.org("Forwarder", "KZ", "logistics")
    graph.link("Maker", "Distributor", "2022-01-01")
    graph.link("Distributor", "Trader", "2022-02-01")
    graph.link("Trader", "Forwarder", "2022-03-01")
    graph.link("Forwarder", "Importer", "2022-04-01")
    chain = graph.chains().chains[0]
    assert chain.countries == ("US", "DE", "HK", "KZ", "RU")
    assert chain.hubs == ("HK", "KZ")
    assert "US → DE → HK (hub) → KZ (hub) → RU" in chain_summary(chain)
    assert party_label(chain.steps[1].buyer, TODAY) == "Trader (HK, hub)"


def test_chains_go_on_from_an_importer_to_an_end_user() -> None:
    graph = basic()
    graph.link("Maker", "Importer", "2022-01-01", "probable")
    graph.link("Importer", "Plant", None, "hypothesis")
    found = graph.chains()
    assert [names(c) for c in found.chains] == [["Maker", "Importer"],
                                                ["Maker", "Importer", "Plant"]]
    assert found.chains[1].undated_steps == 1


def test_only_russian_importers_and_end_users_end_a_chain() -> None:
    graph = basic()
    graph.org("Russian distributor", "RU", "distributor")
    graph.org("Kazakh importer", "KZ", "importer")
    graph.link("Maker", "Russian distributor", "2022-01-01")
    graph.link("Maker", "Kazakh importer", "2022-01-01")
    found = graph.chains()
    assert found.chains == () and found.paths_found == 0


# ----------------------------------------------------------------------- time order
def test_dates_must_run_forward_along_a_chain() -> None:
    graph = basic()
    graph.link("Maker", "Distributor", "2022-05-01")
    graph.link("Distributor", "Trader", "2022-04-30")  # before the goods arrived
    graph.link("Distributor", "Importer", "2022-05-01")  # the same day is fine
    graph.link("Trader", "Importer", "2022-06-01")
    assert [names(c) for c in graph.chains().chains] == [["Maker", "Distributor", "Importer"]]


def test_undated_links_are_allowed_but_marked_and_do_not_reset_the_clock() -> None:
    graph = basic()
    graph.link("Maker", "Distributor", "2022-05-01")
    graph.link("Distributor", "Trader", None)
    graph.link("Trader", "Importer", "2022-04-01")  # before the last known date
    graph.link("Trader", "Plant", "2022-06-01")
    chains = graph.chains().chains
    assert [names(c) for c in chains] == [["Maker", "Distributor", "Trader", "Plant"]]
    assert chains[0].undated_steps == 1
    assert "1 undated step" in chain_summary(chains[0])


def test_a_period_leaves_out_dated_links_outside_it_and_keeps_undated_ones() -> None:
    graph = basic()
    graph.link("Maker", "Distributor", "2021-01-01")
    graph.link("Maker", "Trader", "2022-03-01")
    graph.link("Trader", "Importer", None)
    graph.link("Distributor", "Importer", "2022-04-01")
    found = graph.chains(period=(date(2022, 1, 1), date(2022, 12, 31)))
    assert [names(c) for c in found.chains] == [["Maker", "Trader", "Importer"]]
    assert found.out_of_period == 1


# ------------------------------------------------------------------ cycles and bounds
def test_cycles_never_loop_and_paths_stay_simple() -> None:
    graph = basic()
    graph.link("Maker", "Distributor", "2022-01-01")
    graph.link("Distributor", "Trader", "2022-01-01")
    graph.link("Trader", "Distributor", "2022-01-01")
    graph.link("Trader", "Maker", "2022-01-01")
    graph.link("Trader", "Importer", "2022-01-01")
    graph.link("Importer", "Trader", "2022-01-01")
    found = graph.chains()
    assert [names(c) for c in found.chains] == [["Maker", "Distributor", "Trader", "Importer"]]
    assert not found.cut_short


def test_links_between_a_company_and_itself_are_ignored() -> None:
    graph = basic()
    graph.link("Maker", "Maker", "2022-01-01")
    graph.link("Maker", "Importer", "2022-02-01")
    graph.link("Importer", "Importer", None)
    found = graph.chains()
    assert found.self_links == 2 and [names(c) for c in found.chains] == [["Maker", "Importer"]]


def test_a_maximum_depth_cuts_long_chains_and_says_so() -> None:
    graph = basic()
    previous = "Maker"
    for number in range(6):
        graph.org(f"Shell {number}", "AE", "trading company")
        graph.link(previous, f"Shell {number}", f"2022-01-0{number + 1}")
        previous = f"Shell {number}"
    graph.link(previous, "Importer", "2022-02-01")
    graph.link("Maker", "Trader", "2022-01-01")
    graph.link("Trader", "Importer", "2022-01-02")
    found = graph.chains(limits=SearchLimits(max_depth=4))
    assert [names(c) for c in found.chains] == [["Maker", "Trader", "Importer"]]
    assert "longer than 4 links" in found.cut_short
    assert len(graph.chains(limits=SearchLimits(max_depth=7)).chains) == 2


def test_a_dense_graph_is_cut_short_quickly_and_keeps_the_best_chains() -> None:
    graph = basic()
    for n in range(40):
        graph.org(f"Trader {n}", ("HK", "TR", "AE")[n % 3], "trading company")
    for a in range(40):
        graph.link("Maker", f"Trader {a}", "2022-01-01", "probable")
        graph.link(f"Trader {a}", "Importer", "2022-06-01", "probable")
        for b in range(40):
            if a != b:
                graph.link(f"Trader {a}", f"Trader {b}", "2022-03-01", "probable")
    started = time.perf_counter()
    found = graph.chains(limits=SearchLimits(max_depth=8, max_steps=50_000, max_chains=25))
    assert time.perf_counter() - started < 5
    assert "stopped after examining 50,000 links" in found.cut_short
    assert len(found.chains) == 25 and found.paths_found > 25
    # Every chain is probable with B2 sources: the 40 direct two-link ones come first.
    assert all(len(c.steps) == 2 for c in found.chains)


def test_no_chain_when_the_maker_sells_to_no_one_on_the_way() -> None:
    graph = basic()
    graph.link("Distributor", "Importer", "2022-01-01")
    found = graph.chains()
    assert found.chains == () and found.links_used == 1 and not found.cut_short


# ---------------------------------------------------------------- designation timing
OFAC = Listing("OFAC", date(2023, 5, 19), programme="RUSSIA-EO14024")


def test_a_party_designated_before_or_after_the_link() -> None:
    party = Party(_id(), "Trader", "HK", listings=(OFAC,))
    before = designation_timing(party, date(2023, 8, 1), TODAY)
    after = designation_timing(party, date(2022, 8, 1), TODAY)
    same_day = designation_timing(party, date(2023, 5, 19), TODAY)
    assert (before.state, before.text) == ("before",
                                           "designated before the link (OFAC 2023-05-19)")
    assert (after.state, after.text) == ("after", "designated after the link (OFAC 2023-05-19)")
    assert same_day.state == "before"


def test_not_designated_undated_link_and_unknown_listing_date() -> None:
    assert designation_timing(Party(_id(), "Clean"), date(2023, 1, 1), TODAY).text == \
        "not designated"
    party = Party(_id(), "Trader", listings=(OFAC,))
    undated = designation_timing(party, None, TODAY)
    assert (undated.state, undated.text) == ("link-undated",
                                             "designated, link undated (OFAC 2023-05-19)")
    unknown = designation_timing(Party(_id(), "X", listings=(Listing("EU"),)), date(2023, 1, 1),
                                 TODAY)
    assert unknown.state == "listing-undated" and "EU" in unknown.text


def test_delisted_designations_are_considered() -> None:
    lifted = Listing("UK", date(2022, 3, 1), date(2023, 3, 1))
    party = Party(_id(), "Trader", listings=(lifted,))
    assert designation_timing(party, date(2022, 6, 1), TODAY).state == "before"
    later = designation_timing(party, date(2023, 6, 1), TODAY)
    assert later.state == "delisted" and "delisted 2023-03-01" in later.text
    assert not party.current_listings(TODAY)
    relisted = Party(_id(), "Trader", listings=(lifted, Listing("UK", date(2024, 1, 1))))
    assert designation_timing(relisted, date(2023, 6, 1), TODAY).state == "after"
    assert designation_timing(Party(_id(), "T", listings=(lifted,)), None, TODAY).text == \
        "delisted, link undated (UK 2022-03-01, delisted 2023-03-01)"


def test_link_views_and_chains_carry_each_partys_timing_and_sanctions() -> None:
    graph = basic()
    trader = graph.by_name["Trader"]
    graph.parties[trader] = Party(trader, "Trader", "HK", ("trading company",), (OFAC,), True)
    graph.link("Maker", "Trader", "2022-01-01")
    graph.link("Trader", "Importer", "2023-06-01")
    chain = graph.chains().chains[0]
    assert [s.buyer_timing.state for s in chain.steps] == ["after", "none"]
    assert chain.steps[1].seller_timing.state == "before"
    assert chain.designated == (trader,) and not chain.in_gap()
    assert party_label(chain.steps[1].seller, TODAY) == "Trader (HK, hub) [designated: OFAC]"
    view = link_view(graph.links[0], graph.parties, TODAY, "part")
    assert view.recorded_for == "part" and view.buyer_timing.state == "after"


def test_a_designated_maker_does_not_take_a_chain_out_of_the_gap() -> None:
    graph = basic()
    maker = graph.by_name["Maker"]
    graph.parties[maker] = Party(maker, "Maker", "RU", ("manufacturer",), (OFAC,))
    graph.link("Maker", "Importer", "2022-01-01")
    chain = graph.chains().chains[0]
    assert chain.designated == (maker,) and chain.in_gap()
