"""Importing official lists and screening against them, on SQLite and on PostgreSQL.

The sample files under tests/fixtures/lists are in the publishers' own layouts: OFAC's
sdn.csv/alt.csv/add.csv (two monthly versions), the Consolidated Screening List's
consolidated.csv and OpenSanctions-style FollowTheMoney JSON lines. Their entries are
fictional.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from forensics_gui.core.errors import IntegrityRuleError, KnownError, ValidationError
from forensics_gui.core.screening import ListImport, entry_topics
from forensics_gui.services import records, sanctions_lists, screening, stores
from forensics_gui.storage import screening_query as sq

from .support import store_counts

LISTS = Path(__file__).resolve().parents[1] / "fixtures" / "lists"
MAY = [LISTS / "ofac-2024-05" / name for name in ("add.csv", "sdn.csv", "alt.csv")]
JUNE = [LISTS / "ofac-2024-06" / name for name in ("sdn.csv", "alt.csv", "add.csv")]


def _org(store: stores.Store, name: str, **values: Any) -> Any:
    return records.create(store, "org", {"name": name, **values})


def _import(store: stores.Store, paths: list[Path], **options: Any) -> ListImport:
    return sanctions_lists.import_list(store, paths, **options)


def _entries(store: stores.Store, result: ListImport) -> dict[str, Any]:
    with store.reading() as uow:
        return {e.ref: e for e in sq.entries_of(uow, result.list.id)}


def _matches(store: stores.Store) -> dict[tuple[str, str], Any]:
    """{(organization name, entry reference): match}"""
    return {(m.organization_name, m.entry_ref): m
            for m in screening.list_matches(store, limit=1000).rows}


# ------------------------------------------------------------------------- the formats
def test_ofac_files_given_together_make_one_list_version(store: stores.Store) -> None:
    result = _import(store, MAY, published_on="2024-05-01")
    version = result.list
    assert (version.name, version.format, version.list_version) == (
        "OFAC SDN", "ofac-sdn", "2024-05-01")
    assert version.published_on == date(2024, 5, 1)
    assert version.file_name == "add.csv, sdn.csv, alt.csv"
    assert version.sha256 == sanctions_lists.file_digest(sanctions_lists.read_files(MAY[::-1]))
    assert version.entry_count == 4 and result.skipped == {"vessel": 1}
    source = records.get(store, "source", version.source_id)
    assert (source.kind, source.reliability, source.credibility) == ("official list", "A", 1)
    assert source.title == "OFAC SDN, version 2024-05-01"
    vektor = _entries(store, result)["90001"]
    assert vektor.names == ("VECTOR COMPONENT LLC (FICTIONAL)", "VEKTOR-K OOO (FICTIONAL)")
    assert vektor.identifiers == ("INN:7700000001", "OGRN:1197700000001")
    assert vektor.addresses == ("ul. Vymyshlennaya, d. 1, Moscow, 101000, Russia",)
    assert (vektor.authority, vektor.programmes) == ("OFAC", ("RUSSIA-EO14024",))


def test_consolidated_screening_list_maps_each_source_to_its_authority(
        store: stores.Store) -> None:
    result = _import(store, [LISTS / "csl" / "consolidated.csv"], published_on="2024-06-10")
    assert (result.list.name, result.list.format) == ("Consolidated Screening List", "csl")
    assert result.skipped == {"vessel": 1}
    entries = _entries(store, result)
    steppe = entries["EL-5f0c1e9b6f2a4d7e8c3b2a1908f7e6d5c4b3a291"]
    assert (steppe.authority, steppe.listed_on, steppe.programmes) == (
        "BIS", date(2023, 11, 6), ("EAR",))
    assert "СТЕПЬ ЛОДЖИСТИКС (ВЫМЫШЛЕННАЯ)" in steppe.names
    assert entries["SDN-90001"].authority == "OFAC"
    assert entries["SDN-90001"].identifiers == ("INN:7700000001", "OGRN:1197700000001")
    assert entries["MEU-3d4e5f60718293a4b5c6d7e8f901122334455667"].authority == "BIS"


def test_followthemoney_lines_with_flat_and_nested_sanctions(store: stores.Store) -> None:
    result = _import(store, [LISTS / "ftm" / "entities.ftm.json"])
    version = result.list
    assert (version.name, version.format) == ("OpenSanctions fict_sanctions", "ftm")
    assert version.published_on == date(2024, 7, 1)  # the export's newest last_seen
    assert result.skipped == {"Vessel entity": 1, "Ownership entity": 1}
    entries = _entries(store, result)
    vektor, harbour = entries["fict-ru-vektor"], entries["fict-hk-harbour"]
    assert vektor.programmes == ("RUSSIA-EO14024", "EU 833/2014 Annex IV")
    assert (vektor.authority, vektor.listed_on) == ("OFAC", date(2024, 2, 23))
    assert vektor.identifiers == ("INN:7700000001", "OGRN:1197700000001")
    assert (harbour.authority, harbour.programmes, harbour.listed_on) == (
        "BIS", ("Entity List",), date(2023, 11, 6))
    assert entries["fict-person-1"].entity_type == "person"


# ---------------------------------------------------------------------------- screening
def test_organizations_are_found_by_name_alias_and_identifier(store: stores.Store) -> None:
    _org(store, "ООО «Вектор Компонент»", country="RU")
    _org(store, "Northern Instruments Holding (fictional)", identifiers="INN:7800000003")
    _org(store, "Vector-K Trading (fictional)", former_names="Vektor-K OOO (fictional)")
    _org(store, "Harbour Light Bakery (fictional)")
    result = _import(store, MAY)
    found = _matches(store)
    assert found[("ООО «Вектор Компонент»", "90001")].matched_on == "name"
    assert found[("ООО «Вектор Компонент»", "90001")].score == 100
    by_id = found[("Northern Instruments Holding (fictional)", "90003")]
    assert (by_id.score, by_id.matched_on) == (100, "identifier INN:7800000003")
    former = found[("Vector-K Trading (fictional)", "90001")]
    assert former.matched_on == ("alias: VEKTOR-K OOO (FICTIONAL) (our former name: "
                                 "Vektor-K OOO (fictional))")
    assert all(m.state == "candidate" and m.change == "new" for m in found.values())
    assert not any(name.startswith("Harbour Light") for name, _ in found)
    assert result.screening is not None and result.screening.new == len(found) == 3


def test_confirming_makes_a_designation_citing_the_list(store: stores.Store) -> None:
    org = _org(store, "OOO Vektor Komponent (fictional)")
    result = _import(store, MAY, published_on="2024-05-01")
    match = _matches(store)[(org.name, "90001")]
    decision = screening.confirm(store, str(match.id)[-8:], note="INN checked")
    designation = decision.designation
    assert designation is not None
    assert (designation.organization_id, designation.authority, designation.programme) == (
        org.id, "OFAC", "RUSSIA-EO14024")
    assert designation.reference == "90001"
    assert designation.source_id == result.list.source_id
    assert "OFAC SDN 2024-05-01" in designation.notes and "INN checked" in designation.notes
    assert (decision.match.state, decision.match.designation_id) == ("confirmed",
                                                                     designation.id)
    with pytest.raises(IntegrityRuleError, match="confirmed already"):
        screening.confirm(store, match.id)
    with pytest.raises(IntegrityRuleError, match="delete that designation first"):
        screening.reject(store, match.id)


def test_a_newer_version_says_what_is_new_changed_removed_and_unchanged(
        store: stores.Store) -> None:
    for name in ("OOO Vektor Komponent (fictional)", "Harbour Star Electronics Ltd (fictional)",
                 "Severny Pribor (fictional)", "Gulf Bridge Trading FZE (fictional)"):
        _org(store, name)
    _import(store, MAY, published_on="2024-05-01")
    may = _matches(store)
    for ref in ("90001", "90003"):
        match = next(m for (_, r), m in may.items() if r == ref)
        screening.confirm(store, match.id)
    june = _import(store, JUNE, published_on="2024-06-01").screening
    assert june is not None
    assert (june.new, june.changed, june.removed, june.unchanged) == (1, 1, 1, 1)
    found = {ref: m for (_, ref), m in _matches(store).items()}
    assert (found["90006"].change, found["90006"].state) == ("new", "candidate")
    assert (found["90001"].change, found["90001"].state) == ("changed", "confirmed")
    assert (found["90002"].change, found["90002"].state) == ("unchanged", "candidate")
    removed = found["90003"]
    assert (removed.change, removed.state) == ("removed", "confirmed")
    assert records.get(store, "designation", removed.designation_id).reference == "90003"
    assert screening.list_matches(store, change="removed").total == 1
    versions = screening.list_versions(store)
    assert [(v.list.list_version, v.newest) for v in versions] == [("2024-06-01", True),
                                                                   ("2024-05-01", False)]


def test_a_rejection_stands_until_the_entry_changes(store: stores.Store) -> None:
    _org(store, "OOO Vektor Komponent (fictional)")
    _org(store, "Harbour Star Electronics Ltd (fictional)")
    _import(store, MAY, published_on="2024-05-01")
    for match in _matches(store).values():
        screening.reject(store, match.id, note="a different company")
    again = screening.screen(store)
    assert (again.new, again.candidates) == (0, 0)
    june = _import(store, JUNE, published_on="2024-06-01").screening
    assert june is not None and june.reopened == 1
    found = {ref: m for (_, ref), m in _matches(store).items()}
    assert (found["90002"].state, found["90002"].change) == ("rejected", "unchanged")
    assert (found["90001"].state, found["90001"].change) == ("candidate", "changed")
    assert found["90001"].notes == "a different company"


def test_a_candidate_that_no_longer_matches_is_dropped(store: stores.Store) -> None:
    org = _org(store, "Harbour Star Electronics Ltd (fictional)")
    _import(store, MAY)
    records.update(store, "org", org.id, None, {"name": "Quayside Bakery (fictional)"})
    summary = screening.screen(store)
    assert (summary.dropped, summary.candidates) == (1, 0)
    assert _matches(store) == {}


def test_matches_can_be_listed_by_state_and_shown_with_their_entry(store: stores.Store) -> None:
    _org(store, "OOO Vektor Komponent (fictional)")
    _org(store, "Harbour Star Electronics Ltd (fictional)")
    _import(store, MAY)
    harbour = _matches(store)[("Harbour Star Electronics Ltd (fictional)", "90002")]
    screening.reject(store, harbour.id)
    assert [m.entry_ref for m in screening.list_matches(store, state="candidate").rows] == [
        "90001"]
    detail = screening.match_detail(store, harbour.id)
    assert detail.entry is not None and detail.entry.identifiers == ("REG:3000001",)
    with pytest.raises(ValidationError, match="state"):
        screening.list_matches(store, state="maybe")


# ------------------------------------------------------------------------------ refusals
def test_the_same_files_twice_are_refused(store: stores.Store) -> None:
    _import(store, MAY)
    before = store_counts(store)
    with pytest.raises(IntegrityRuleError, match="imported already"):
        _import(store, MAY[::-1])
    with pytest.raises(IntegrityRuleError, match="already has a version"):
        _import(store, JUNE, list_version=screening.list_versions(store)[0].list.list_version)
    assert store_counts(store) == before


def _write(folder: Path, name: str, data: bytes) -> Path:
    path = folder / name
    path.write_bytes(data)
    return path


def _csl_text() -> str:
    return (LISTS / "csl" / "consolidated.csv").read_text(encoding="utf-8")


def _sdn_bytes() -> bytes:
    return (LISTS / "ofac-2024-05" / "sdn.csv").read_bytes()


BAD_FILES = {
    "missing column": ("consolidated.csv", lambda: _csl_text().replace(",name,", ",label,", 1)
                       .encode(), ("line 1", "name", "Consolidated Screening List")),
    "truncated row": ("sdn.csv", lambda: _sdn_bytes().rsplit(b",", 3)[0] + b"\r\n",
                      ("line 5", "12")),
    "cut-off quote": ("sdn.csv", lambda: _sdn_bytes()[:300], ("line 1", "cut off")),
    "UTF-16": ("consolidated.csv", lambda: _csl_text().encode("utf-16"), ("UTF-16",)),
    "Latin-1 text": ("consolidated.csv", lambda: _csl_text().replace(
        "STEPPE LOGISTIKS", "STEPPE LOGISTIKS GÜNEY").encode("latin-1", "replace"),
        ("line 2", "not UTF-8")),
    "binary": ("sdn.csv", lambda: b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)),
               ("binary",)),
    "cut-off JSON line": ("entities.ftm.json", lambda: (LISTS / "ftm" / "entities.ftm.json")
                          .read_bytes()[:1200], ("line 3", "cut off")),
    "not FollowTheMoney": ("entities.json", lambda: b'{"name": "x"}\n', ("FollowTheMoney",)),
    "another format": ("notes.csv", lambda: b"when,what\n2024-01-01,lunch\n",
                       ("line 1", "known layout")),
}


@pytest.mark.parametrize("case", list(BAD_FILES))
def test_bad_files_are_refused_and_nothing_is_imported(store: stores.Store, tmp_path: Path,
                                                       case: str) -> None:
    name, data, words = BAD_FILES[case]
    path = _write(tmp_path, name, data())
    before = store_counts(store)
    with pytest.raises(KnownError) as refused:
        _import(store, [path])
    message = str(refused.value)
    assert message.startswith(f"{name}: ") and "nothing was imported" in message, message
    for word in words:
        assert word in message, message
    assert store_counts(store) == before


def test_ofac_files_without_sdn_csv_are_refused(store: stores.Store) -> None:
    with pytest.raises(ValidationError, match=r"sdn\.csv"):
        _import(store, [MAY[0], MAY[2]])


def test_enormous_files_are_refused_before_reading(store: stores.Store,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from forensics_gui.formats.lists import files as list_files

    monkeypatch.setattr(list_files, "MAX_BYTES", 1000)
    with pytest.raises(ValidationError, match=r"sdn\.csv: is 1\.2 KB; files over 1,000 bytes"):
        _import(store, MAY)
    monkeypatch.setattr(list_files, "MAX_BYTES", 500 * 2**20)
    monkeypatch.setattr(list_files, "MAX_ENTRIES", 3)
    with pytest.raises(ValidationError, match="4 entries; at most 3"):
        _import(store, MAY)
    assert screening.list_versions(store) == []


def test_ofac_files_in_windows_1252_are_read(store: stores.Store, tmp_path: Path) -> None:
    sdn = _sdn_bytes().replace(b"SEVERNY PRIBOR", "SÉVERNY PRIBOR".encode("cp1252"))
    result = _import(store, [_write(tmp_path, "sdn.csv", sdn)])
    assert _entries(store, result)["90003"].name == "SÉVERNY PRIBOR AO (FICTIONAL)"


# ------------------------------------------------------------- entries removed from a list
def test_a_candidate_whose_entry_was_removed_leaves_the_queue_and_is_kept(
        store: stores.Store) -> None:
    severny = _org(store, "Severny Pribor (fictional)")
    _org(store, "Harbour Star Electronics Ltd (fictional)")
    may = _import(store, MAY, published_on="2024-05-01")
    assert may.screening is not None and may.screening.candidates == 2
    june = _import(store, JUNE, published_on="2024-06-01")
    assert june.screening is not None
    assert (june.screening.removed, june.screening.candidates) == (1, 1)
    assert "1 candidate awaiting a decision" in june.screening.describe()
    waiting = screening.list_matches(store, state="candidate")
    assert [m.entry_ref for m in waiting.rows] == ["90002"] and waiting.total == 1
    # Kept, undecided, and shown under what changed: removed from the list.
    (removed,) = screening.list_matches(store, state="candidate", change="removed").rows
    assert (removed.organization_id, removed.state, removed.change) == (
        severny.id, "candidate", "removed")
    detail = screening.match_detail(store, removed.id)
    assert detail.removed_in is not None and detail.removed_in.list_version == "2024-06-01"
    assert detail.entry is not None and detail.entry.ref == "90003"  # as May listed it
    newest = screening.list_versions(store)[0]
    assert (newest.list.list_version, newest.candidates) == ("2024-06-01", 1)
    assert sum(v.candidates for v in screening.list_versions(store)) == 1
    with pytest.raises(IntegrityRuleError, match="removed from OFAC SDN in version 2024-06-01"):
        screening.confirm(store, removed.id)
    again = screening.screen(store)
    assert (again.candidates, again.removed) == (1, 0)
    assert screening.match_detail(store, removed.id).match.change == "removed"


# ------------------------------------------------------- FollowTheMoney: only listed entities
def test_an_entity_the_file_does_not_list_never_becomes_a_candidate(store: stores.Store,
                                                                    tmp_path: Path) -> None:
    """A counterparty carried for context (no sanction topic, no Sanction naming it) is left
    out and counted; the listed ones keep their topics for the analyst."""
    counterparty = {"id": "fict-ae-gulf", "schema": "Company",
                    "properties": {"name": ["Gulf Bridge Trading FZE (fictional)"],
                                   "country": ["ae"]},
                    "datasets": ["fict_sanctions"], "last_seen": "2024-07-01T06:12:40"}
    lines = (LISTS / "ftm" / "entities.ftm.json").read_text(encoding="utf-8")
    path = _write(tmp_path, "entities.ftm.json",
                  (lines + json.dumps(counterparty) + "\n").encode())
    _org(store, "Gulf Bridge Trading FZE (fictional)")
    vektor = _org(store, "OOO Vektor Komponent (fictional)")
    result = _import(store, [path])
    assert result.skipped["entity without a sanction, export control or debarment"] == 1
    assert "fict-ae-gulf" not in _entries(store, result)
    found = _matches(store)
    assert list(found) == [(vektor.name, "fict-ru-vektor")]
    detail = screening.match_detail(store, found[(vektor.name, "fict-ru-vektor")].id)
    assert detail.entry is not None and entry_topics(detail.entry.remarks) == ("sanction",)
