"""Records as FollowTheMoney entities without the library: identifiers go to the property
FtM has for them only when their check digits hold, values are written as FtM cleans them."""

from __future__ import annotations

from datetime import date
from uuid import UUID

import pytest

from forensics_gui.core.records import Organization, SanctionsDesignation, SupplyLink
from forensics_gui.formats import ftm

ORG = UUID("01900000-0000-7000-8000-000000000001")
OTHER = UUID("01900000-0000-7000-8000-000000000002")


@pytest.mark.parametrize(("value", "valid"), [
    ("7707083893", True), ("7707083894", False), ("500100732259", True),
    ("500100732258", False), ("77070838", False), ("77O7083893", False)])
def test_inn_check_digits(value: str, valid: bool) -> None:
    assert ftm.valid_inn(value) is valid


@pytest.mark.parametrize(("value", "valid"), [
    ("1027700132195", True), ("1027700132196", False), ("304500116000157", True),
    ("0027700132195", False), ("10277001321", False)])
def test_ogrn_check_digit(value: str, valid: bool) -> None:
    assert ftm.valid_ogrn(value) is valid


def test_lei_check_digits() -> None:
    assert ftm.valid_lei("5493001KJTIIGC8Y1R12")
    assert not ftm.valid_lei("5493001KJTIIGC8Y1R13")
    assert not ftm.valid_lei("5493001KJTIIGC8Y1R1")


def test_identifiers_go_to_the_property_for_their_scheme() -> None:
    found = ftm.identifier_properties([
        "INN:7707083893", "inn: 7707083894", "OGRN:1027700132195", "KPP:770701001",
        "SWIFT:DEUTDEFF500", "HRB 12345", "CAGE:" + "9" * 20, "VAT:DE 123456789"])
    assert found == [("innCode", "7707083893"), ("registrationNumber", "7707083894"),
                     ("ogrnCode", "1027700132195"), ("kppCode", "770701001"),
                     ("swiftBic", "DEUTDEFF"), ("registrationNumber", "HRB 12345"),
                     ("registrationNumber", "9" * 20), ("vatCode", "DE 123456789")]
    assert ftm.identifier_properties(["KPP:770701001"], "Organization") == [
        ("registrationNumber", "770701001")]


def test_an_organization_as_a_company() -> None:
    org = Organization(id=ORG, name="  Harbour  Star Ltd ", roles=("trading company",),
                       country="HK", aliases=("HSL", "HSL"), addresses=("1 Demo Rd\nKowloon",),
                       website="harbour.example", identifiers=("CR:1234567",))
    listed = [SanctionsDesignation(id=OTHER, organization_id=ORG, authority="OFAC"),
              SanctionsDesignation(id=OTHER, organization_id=ORG, authority="BIS",
                                   delisted_on=date(2020, 1, 1))]
    entity = ftm.organization_entity(org, listed, date(2024, 1, 1))
    assert entity == {"id": f"forensics-org-{ORG}", "schema": "Company", "properties": {
        "name": ["Harbour Star Ltd"], "alias": ["HSL"], "country": ["hk"],
        "address": ["1 Demo Rd, Kowloon"], "website": ["http://harbour.example/"],
        "classification": ["trading company"], "topics": ["sanction"],
        "registrationNumber": ["1234567"]}}
    plant = Organization(id=ORG, name="Plant", roles=("end user",))
    assert ftm.organization_entity(plant)["schema"] == "Organization"


def test_a_link_says_how_sure_it_is_in_its_summary() -> None:
    link = SupplyLink(id=OTHER, seller_id=ORG, buyer_id=OTHER, status="probable",
                      quantity=400, part_number="STM32F765VIT6", shipped_on=date(2022, 6, 2))
    entity = ftm.link_entity(link, "STMicroelectronics")
    assert entity["schema"] == "EconomicActivity"
    assert entity["properties"]["summary"] == [
        "Probable supply link: 400 × STM32F765VIT6 (STMicroelectronics)"]
    assert ftm.references(entity) == [f"forensics-org-{ORG}", f"forensics-org-{OTHER}"]
