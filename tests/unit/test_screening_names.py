"""How screening compares names and identifiers: legal forms, transliteration, word order,
identifiers by digits, and the comparison engine's blocking (it must lose no pair)."""

from __future__ import annotations

import random

import pytest
from rapidfuzz import fuzz

from forensics_gui.core.screening import (
    THRESHOLD,
    count_of,
    identifier_key,
    name_key,
    name_variants,
)
from forensics_gui.formats.lists.ofac import remark_identifiers
from forensics_gui.services import screening_engine as engine


@pytest.mark.parametrize("written", [
    "OOO Vektor", "Vektor LLC", "VEKTOR, OOO", "ООО «Вектор»", "Vektor Limited",
    "Obshchestvo s Ogranichennoi Otvetstvennostyu Vektor", "Vektor Co., Ltd.", "AO Vektor",
    "ZAO VEKTOR", "PAO Vektor", "OAO Vektor", "JSC Vektor", "CJSC Vektor", "Vektor GmbH",
    "Vektor AG", "Vektor FZE", "Vektor FZCO", "Vektor FZ-LLC", "Vektor LLP", "TOO Vektor",
    "Vektor SARL", "Vektor S.A.", "Vektor B.V.", "Vektor Sp. z o.o.", "Vektor Ltd. Şti.",
    "Vektor A.Ş.", "Vektor Inc.", "Vektor Corp.", "Vektor Joint Stock Company",
    "Акционерное общество Вектор", "Vektor, Limited Liability Company",
])
def test_legal_forms_are_dropped_wherever_they_stand(written: str) -> None:
    assert name_key(written) == "vektor"


def test_cyrillic_and_latin_spellings_meet() -> None:
    assert name_key("ООО Вектор") == name_key("OOO Vektor")
    assert name_key("ООО «Вектор Компонент»") == name_key("VEKTOR KOMPONENT, OOO")
    assert name_key("ЗАО «Щит-Электрон»") == name_key("SHCHIT ELEKTRON ZAO")
    assert name_key("Спецприбор") == "spetspribor"


def test_word_order_case_accents_and_punctuation_do_not_matter() -> None:
    assert name_key("Komponent Vektor") == name_key("vektor   komponent")
    assert name_key("Anatolia Elektronik Ticaret Ltd. Şti.") == name_key(
        "ANATOLIA ELEKTRONIK TICARET")
    assert name_key("Société Générale d'Électronique S.A.") == "d electronique generale societe"


def test_a_name_that_is_only_a_legal_form_is_not_emptied() -> None:
    assert name_key("OOO") == "ooo"
    assert name_key("Limited Liability Company") == "company liability limited"


def test_words_in_brackets_give_a_second_key() -> None:
    assert name_variants("OOO Vektor Komponent (fictional)") == [
        "fictional komponent vektor", "komponent vektor"]
    assert name_variants("Vektor") == ["vektor"]
    assert name_variants("(fictional)") == ["fictional"]


def test_identifiers_compare_by_digits_within_a_family_of_schemes() -> None:
    assert identifier_key("INN: 7701-234-567") == identifier_key("TAX:7701234567") \
        == "TAX:7701234567"
    assert identifier_key("OGRN:1027700000001") == identifier_key("REG:1027700000001")
    assert identifier_key("INN:7701234567") != identifier_key("OGRN:7701234567")
    assert identifier_key("LEI:253400v1h6art1uq0n98") == "LEI:253400V1H6ART1UQ0N98"
    assert identifier_key("REG:123") is None  # too short to mean anything
    assert identifier_key("7701234567") is None  # no scheme


def test_ofac_remarks_yield_identifiers_and_leave_the_rest() -> None:
    remarks = ("Secondary sanctions risk: See Section 11 of Executive Order 14024.; "
               "Organization Established Date 14 Mar 2019; Tax ID No. 7700000001 (Russia); "
               "Registration Number 1197700000001 (Russia); alt. Registration Number 5000003 "
               "(Russia); Company Number 3000001 (Hong Kong); Legal Entity Number "
               "253400V1H6ART1UQ0N98 (Russia); Additional Sanctions Information - Subject to "
               "Secondary Sanctions.")
    identifiers, countries = remark_identifiers(remarks)
    assert identifiers == ("INN:7700000001", "OGRN:1197700000001", "REG:5000003",
                           "REG:3000001", "LEI:253400V1H6ART1UQ0N98")
    assert countries == ("Russia", "Hong Kong")


def test_counts_read_as_english() -> None:
    assert [count_of(1, "vessel"), count_of(2, "vessel"), count_of(2, "aircraft"),
            count_of(3, "Ownership entity"), count_of(2, "entity without a name")] == [
        "1 vessel", "2 vessels", "2 aircraft", "3 Ownership entities",
        "2 entities without a name"]


# ------------------------------------------------------------------------------ engine
def _party(*names: str, identifiers: tuple[str, ...] = ()) -> engine.Party:
    kinds = ["name"] + ["alias"] * (len(names) - 1)
    return engine.Party(tuple(zip(kinds, names, strict=True)), identifiers)


def test_a_listed_company_is_found_under_another_spelling_and_says_how() -> None:
    orgs = [_party("ООО «Вектор Компонент»"), _party("Steppe Logistics LLP", "Step Log"),
            _party("Harbour Light Bakery")]
    entries = [_party("VEKTOR KOMPONENT, OOO", "VECTOR COMPONENT LLC"),
               _party("STEP LOGISTIX TOO", identifiers=("TAX:7701234567",)),
               _party("HARBOR STAR ELECTRONIC LIMITED")]
    orgs[1] = engine.Party(orgs[1].names, ("INN:7701234567",))
    hits = {(h.org, h.entry): h for h in engine.screen(orgs, entries)}
    assert hits[(0, 0)].score == 100 and hits[(0, 0)].matched_on == "name"
    assert hits[(1, 1)].matched_on == "identifier INN:7701234567"
    assert hits[(1, 1)].score == 100
    assert (2, 2) not in hits  # "harbour light bakery" is not "harbor star electronic"


def test_an_alias_match_names_the_alias() -> None:
    hits = engine.screen([_party("Vector Component LLC")],
                         [_party("VEKTOR KOMPONENT, OOO", "VECTOR COMPONENT LLC")])
    assert [h.matched_on for h in hits] == ["alias: VECTOR COMPONENT LLC"]


def test_a_typo_is_tolerated_but_a_different_name_is_not() -> None:
    entries = [_party("Zeregizox Energomash Rubin JSC")]
    assert engine.screen([_party("Zeregizoks Energomash Rubin")], entries)
    assert not engine.screen([_party("Zeregizox Teplomash Rubin")], entries)


def test_words_common_in_the_list_do_not_make_names_alike() -> None:
    entries = [_party(f"{word} Radioelektronika AO") for word in (
        "Lerazex", "Pobeda", "Zarya", "Vympel", "Kristall", "Signal")]
    found = engine.screen([_party("Dezex Radioelektronika"),
                           _party("Lerazex Radioelektronka")], entries)
    assert [(h.org, h.entry) for h in found] == [(1, 0)]  # a misspelt common word is common


def test_the_length_band_holds_every_length_that_can_reach_the_threshold() -> None:
    for first in range(1, 120):
        low, high = engine.length_band(first, THRESHOLD)
        for second in range(1, 240):
            best_possible = 200 * min(first, second) / (first + second)
            if best_possible >= THRESHOLD:
                assert low <= second <= high, (first, second)


def _random_name(r: random.Random) -> str:
    syllables = [r.choice("bdgklmnprstvz") + r.choice("aeiou") for _ in range(12)]
    words = ["".join(r.sample(syllables, r.randint(1, 4))) for _ in range(r.randint(1, 3))]
    return " ".join([*words, r.choice(("OOO", "LLC", "", "GmbH"))]).strip()


def test_blocking_finds_every_pair_that_comparing_all_pairs_finds() -> None:
    r = random.Random(5)
    entries = [_party(_random_name(r), _random_name(r)) for _ in range(400)]
    orgs = [_party(_random_name(r)) for _ in range(400)]
    # Variants of listed names: typos, reordering, other legal forms.
    for entry in r.sample(entries, 150):
        words = entry.names[0][1].split()
        r.shuffle(words)
        text = " ".join(words)
        at = r.randrange(len(text))
        orgs.append(_party(text[:at] + text[at + 1:] + " Ltd"))
    blocked = {(h.org, h.entry, h.score) for h in engine.screen(orgs, entries)}
    every_pair = {(h.org, h.entry, h.score)
                  for h in engine.screen(orgs, entries, exhaustive=True)}
    assert len(every_pair) > 100
    assert blocked == every_pair


def test_scores_are_rapidfuzz_ratios_of_the_keys() -> None:
    hits = engine.screen([_party("Harbour Star Electronics Ltd")],
                         [_party("HARBOR STAR ELECTRONIC LIMITED")])
    expected = fuzz.ratio(name_key("Harbour Star Electronics Ltd"),
                          name_key("HARBOR STAR ELECTRONIC LIMITED"))
    assert [h.score for h in hits] == [round(expected)]
