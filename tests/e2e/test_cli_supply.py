"""`forensics links`, `chains`, `gap` and citing a link from a part, end to end as
subprocesses on a copy of the demo store."""

from __future__ import annotations

from pathlib import Path

from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok

STM = "STM32F765VIT6"
HARBOUR = "Harbour Star Electronics Ltd (fictional)"
VEKTOR = "OOO Vektor Komponent (fictional)"
STEPPE = "Steppe Logistics LLP (fictional)"


def test_links_of_a_part_and_an_organization_with_designation_timing(demo_file: Path) -> None:
    part, org, text = cli_all(demo_file, ("links", "part", STM, "--json"),
                              ("links", "org", VEKTOR, "--json"), ("links", "org", VEKTOR))
    listing = ok(part)
    assert listing["total"] == 4 and listing["subject_label"] == f"part {STM}"
    first = listing["links"][0]
    assert first["link"]["shipped_on"] == "2022-08-26"
    assert (first["seller"]["name"], first["seller"]["hub"]) == (HARBOUR, True)
    assert first["seller_timing"]["text"] == "not designated"
    assert listing["links"][-1]["link"]["shipped_on"] is None
    assert ok(org)["total"] == 4
    assert text.code == 0 and f"Supply links of {VEKTOR}: 4" in text.out
    assert f"{HARBOUR} (HK, hub) → {VEKTOR} (RU)" in text.out
    assert "seller not designated; buyer not designated" in text.out


def test_probable_chains_ranked_with_route_and_evidence(demo_file: Path) -> None:
    as_json, text = cli_all(demo_file, ("chains", "part", STM, "--json"), ("chains", "part", STM))
    report = ok(as_json)
    assert report["manufacturer"]["name"] == "STMicroelectronics"
    chains = report["chains"]
    assert [c["weakest_status"] for c in chains] == ["probable", "hypothesis"]
    assert chains[0]["countries"] == ["CH", "DE", "HK", "RU"] and chains[0]["hubs"] == ["HK"]
    assert chains[1]["undated_steps"] == 1
    assert text.code == 0
    assert "#1  probable · 3 links · CH → DE → HK (hub) → RU" in text.out
    assert "Demo record (fictional entities) (F6)" in text.out
    assert "1 undated step" in text.out


def test_a_link_cited_from_a_part_and_a_designation_change_the_chains_and_the_gap(
        demo_file: Path) -> None:
    added = ok(cli(demo_file, "link", "add", "--seller", HARBOUR, "--buyer", STEPPE,
                   "--part-id", STM, "--shipped-on", "2022-09-10", "--status", "documented",
                   "--source", "Demo record (fictional entities)", "--quantity", "50",
                   "--declared-hs-code", "8542.31", "--json"))
    assert added["part_number"] == STM and len(added["source_ids"]) == 1
    ok(cli(demo_file, "link", "add", "--seller", STEPPE, "--buyer", VEKTOR, "--part", STM,
           "--shipped-on", "2022-10-01", "--status", "documented", "--json"))
    ok(cli(demo_file, "designation", "add", "--organization", STEPPE, "--authority", "OFAC",
           "--listed-on", "2023-05-19", "--json"))
    chains = ok(cli(demo_file, "chains", "part", STM, "--json"))["chains"]
    via_steppe = next(c for c in chains if "KZ" in c["countries"])
    assert via_steppe["steps"][-1]["seller_timing"]["text"] == \
        "designated after the link (OFAC 2023-05-19)"
    gap, text = cli_all(demo_file, ("gap", "--json"), ("gap",))
    stm = next(p for p in ok(gap)["parts"] if p["label"] == STM)
    assert all("KZ" not in c["countries"] for c in stm["chains"])
    assert STEPPE not in {o["party"]["name"] for o in ok(gap)["organizations"]}
    assert text.code == 0 and "PARTS WITH CHAINS THROUGH NO DESIGNATED COMPANY" in text.out
    assert f"{HARBOUR} (HK, hub)" in text.out and "on chains of:" in text.out


def test_a_period_and_what_has_no_chain(demo_file: Path) -> None:
    period, lonely, no_chain = cli_all(
        demo_file, ("chains", "part", STM, "--from", "2022-01-01", "--json"),
        ("chains", "part", "Kometa"), ("chains", "part", "TSM0505S", "--to", "2023-06-01"))
    assert period.code == 1 and period.json()["chains"] == []
    assert "1 link dated outside the period left out" in period.json()["notices"]
    assert lonely.code == 1 and "no supply links are recorded for part Kometa" in lonely.err
    assert "Traceback" not in lonely.err
    assert no_chain.code == 1 and "leads from Traco Power to a Russian importer" in no_chain.err


def test_bad_input_is_one_line_naming_what_was_wrong(demo_file: Path) -> None:
    reversed_, unknown, same, kind, bad_source = cli_all(
        demo_file, ("chains", "part", STM, "--from", "2023-01-01", "--to", "2022-01-01"),
        ("links", "part", "NO-SUCH-PART"),
        ("link", "add", "--seller", VEKTOR, "--buyer", VEKTOR, "--part-id", STM),
        ("chains", "org", VEKTOR),
        ("link", "add", "--seller", HARBOUR, "--buyer", VEKTOR, "--source", "No such source"))
    assert_user_error(reversed_, 2, "to:", "before the start of the period")
    assert_user_error(unknown, 3, "NO-SUCH-PART")
    assert_user_error(same, 2, "buyer_id", "same organization")
    assert kind.code == 2 and "invalid choice" in kind.err
    assert_user_error(bad_source, 2, "No such source")
    assert ok(cli(demo_file, "links", "part", STM, "--json"))["total"] == 4
