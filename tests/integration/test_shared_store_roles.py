"""A shared PostgreSQL store under many logins: what each group may do, checked by running
every operation on every table as a real login of each group; what a login's clearance
hides, in the application and in psql alike; attacks on the roles and the audit trail; and
`forensics db check` finding the set-up broken."""

from __future__ import annotations

import logging
import uuid
from collections.abc import Iterator
from pathlib import Path

import psycopg
import pytest
from psycopg import errors as pg_errors
from psycopg import sql

from forensics_gui.cli.main import main as cli_main
from forensics_gui.core.errors import NotFoundError, StoreReadOnlyError, StoreRefusedError
from forensics_gui.reports import briefs
from forensics_gui.services import access, audit, photos, records, search, stores
from forensics_gui.services.exchange.export import export_table
from tests import pdf_tools
from tests.shared_store import SharedStore, as_login, shared_store

pytestmark = [pytest.mark.postgres, pytest.mark.slow]

SECRET_ITEMS = ("DEMO-KH-101-001", "DEMO-KALIBR-3M-14-001")
# What the groups may do, written out from the design (not read from the code that grants).
EVIDENCE = ("recovered_item", "custody_event", "component_finding", "photo", "photo_blob",
            "part", "organization", "source", "supply_link", "sanctions_designation")
EDITOR_MAY_REMOVE = {"search_term", "saved_search", "photo_annotation", "photo_derivative",
                     "finding_source", "link_source", "screening_match", "exchange_delivered",
                     "exchange_received"}
OPERATIONS = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")


def expected(group: str, table: str) -> set[str]:
    base = "search_term" if table.startswith("search_term_") else table
    if base == "login_clearance":
        return {"SELECT"} if group == "admin" else set()
    if base in ("audit_event",):
        return {"SELECT"} if group == "viewer" else {"SELECT", "INSERT"}
    if base in ("audit_chain_head", "alembic_version"):
        return {"SELECT"}
    if group == "viewer":
        return {"SELECT"}
    if base == "handling_marking":
        return {"SELECT"} if group == "editor" else {"SELECT", "INSERT", "UPDATE", "DELETE"}
    if base == "purge_permit":
        return {"SELECT"} if group == "editor" else {"SELECT", "INSERT", "DELETE"}
    if group == "editor":
        return {"SELECT", "INSERT", "UPDATE"} | ({"DELETE"} if base in EDITOR_MAY_REMOVE
                                                 else set())
    return {"SELECT", "INSERT", "UPDATE", "DELETE"}


@pytest.fixture(scope="module")
def shared(pg_server_url: str) -> Iterator[SharedStore]:
    with shared_store(pg_server_url, "roles", secret=SECRET_ITEMS) as store:
        yield store


@pytest.fixture
def open_as(shared: SharedStore) -> Iterator[dict[str, stores.Store]]:
    opened = {group: stores.open_existing(url) for group, url in shared.urls.items()}
    opened["owner"] = stores.open_existing(shared.admin_url)
    yield opened
    for store in opened.values():
        store.close()


def _attempt(db: psycopg.Connection, statement: str) -> bool:
    """Whether the database lets the login run `statement` (rolled back either way)."""
    try:
        with db.transaction(force_rollback=True):
            db.execute(statement)
        return True
    except pg_errors.InsufficientPrivilege:
        return False


def _statement(operation: str, table: sql.Identifier, column: sql.Identifier) -> str:
    return {
        "SELECT": sql.SQL("SELECT * FROM {} LIMIT 0").format(table),
        "INSERT": sql.SQL("INSERT INTO {0} SELECT * FROM {0} WHERE false").format(table),
        "UPDATE": sql.SQL("UPDATE {0} SET {1} = {1} WHERE false").format(table, column),
        "DELETE": sql.SQL("DELETE FROM {} WHERE false").format(table),
        "TRUNCATE": sql.SQL("TRUNCATE {}").format(table),
    }[operation].as_string()


def test_every_operation_on_every_table_is_allowed_or_refused_as_designed(
        shared: SharedStore) -> None:
    with psycopg.connect(shared.admin_url) as owner:
        tables = owner.execute(
            "SELECT c.relname, (SELECT a.attname FROM pg_attribute a WHERE a.attrelid = c.oid "
            "AND a.attnum > 0 AND NOT a.attisdropped ORDER BY a.attnum LIMIT 1) "
            "FROM pg_class c WHERE c.relnamespace = 'public'::regnamespace "
            "AND c.relkind IN ('r', 'p') AND NOT EXISTS (SELECT 1 FROM pg_depend d "
            "WHERE d.objid = c.oid AND d.deptype = 'e') ORDER BY 1").fetchall()
    assert len(tables) > 40
    cells = wrong = 0
    mismatches = []
    for group, url in shared.urls.items():
        with psycopg.connect(url) as db:
            for table, column in tables:
                for operation in OPERATIONS:
                    allowed = _attempt(db, _statement(operation, sql.Identifier(table),
                                                      sql.Identifier(column)))
                    cells += 1
                    if allowed != (operation in expected(group, table)):
                        wrong += 1
                        mismatches.append(f"{group} {operation} {table}: "
                                          f"{'allowed' if allowed else 'refused'}")
    print(f"\nrole x table x operation matrix against real logins: {cells - wrong:,} of "
          f"{cells:,} cells as designed ({100 * (cells - wrong) / cells:.1f}%)")
    assert mismatches == []
    assert cells == 3 * len(tables) * len(OPERATIONS)


def test_no_login_or_group_is_a_superuser_or_escapes_the_policies(shared: SharedStore) -> None:
    names = [*shared.logins.values(), "forensics_viewer", "forensics_editor",
             "forensics_admin", "forensics_owner"]
    with psycopg.connect(shared.admin_url) as db:
        flags = db.execute("SELECT rolname, rolsuper, rolbypassrls, rolcreaterole, rolcanlogin "
                           "FROM pg_roles WHERE rolname = ANY(%s)", [names]).fetchall()
    assert len(flags) == len(names)
    for name, superuser, bypass, createrole, can_log_in in flags:
        assert not (superuser or bypass or createrole), name
        assert can_log_in == (name in shared.logins.values()), name


@pytest.mark.parametrize("group, statement, refusal", [
    ("viewer", "UPDATE component_finding SET notes = 'changed'", "permission denied"),
    ("viewer", "INSERT INTO saved_search (id) VALUES (gen_random_uuid())", "permission denied"),
    ("editor", "DELETE FROM recovered_item", "permission denied"),
    ("editor", "DELETE FROM component_finding", "permission denied"),
    ("editor", "UPDATE audit_event SET actor = 'someone else'", "permission denied"),
    ("editor", "DELETE FROM audit_event", "permission denied"),
    ("admin", "UPDATE audit_event SET actor = 'someone else'", "permission denied"),
    ("admin", "TRUNCATE audit_event", "permission denied"),
    ("editor", "ALTER TABLE audit_event DISABLE TRIGGER USER", "must be owner"),
    ("admin", "ALTER TABLE audit_event DISABLE TRIGGER USER", "must be owner"),
    ("admin", "DROP POLICY recovered_item_clearance ON recovered_item", "must be owner"),
    ("editor", "UPDATE handling_marking SET rank = -1 WHERE name = 'SECRET'",
     "permission denied"),
    ("editor", "SET ROLE forensics_owner", "permission denied"),
    ("admin", "SET ROLE forensics_owner", "permission denied"),
    ("admin", "GRANT forensics_owner TO CURRENT_USER", "admin option"),
    ("admin", "CREATE ROLE fx_intruder SUPERUSER", r"permission denied|must be superuser"),
    ("admin", "CREATE ROLE fx_intruder LOGIN", "permission denied"),
    ("editor", "SELECT forensics_set_login('fx_intruder', 'admin', 'SECRET', NULL)",
     "permission denied"),
    ("editor", "INSERT INTO login_clearance VALUES ('fx_bob', 'admin', 'SECRET', true, 'x', "
               "now())", "permission denied"),
    ("admin", "SELECT forensics_set_login('postgres', 'admin', 'SECRET', NULL)",
     "not managed here"),
    ("admin", "SELECT forensics_set_login('forensics_owner', 'admin', 'SECRET', NULL)",
     "kept for the store"),
    ("editor", "UPDATE recovered_item SET handling_marking = 'SECRET' "
               "WHERE case_reference = 'DEMO-LANCET-001'", "row-level security"),
    ("admin", "DELETE FROM recovered_item", "evidence"),
])
def test_attacks_from_psql_are_refused_by_the_database_and_change_nothing(
        shared: SharedStore, group: str, statement: str, refusal: str) -> None:
    with psycopg.connect(shared.admin_url) as owner:
        before = _fingerprint(owner)
    with psycopg.connect(shared.urls[group], autocommit=True) as db, pytest.raises(
            psycopg.Error, match=refusal):
        db.execute(statement)
    with psycopg.connect(shared.admin_url) as owner:
        assert _fingerprint(owner) == before


def _fingerprint(db: psycopg.Connection) -> tuple[object, ...]:
    return db.execute(
        "SELECT (SELECT seq FROM audit_chain_head), (SELECT count(*) FROM recovered_item), "
        "(SELECT count(*) FROM component_finding), (SELECT string_agg(notes, '') FROM "
        "component_finding), (SELECT string_agg(name || rank, ',' ORDER BY rank) FROM "
        "handling_marking), (SELECT string_agg(handling_marking, ',' ORDER BY case_reference) "
        "FROM recovered_item), (SELECT count(*) FROM pg_roles WHERE rolname LIKE 'fx_intr%')"
    ).fetchone()


def test_clearance_hides_records_in_psql(shared: SharedStore) -> None:
    seen = {}
    for group, url in shared.urls.items():
        with psycopg.connect(url) as db:
            seen[group] = db.execute(
                "SELECT (SELECT count(*) FROM recovered_item), "
                "(SELECT count(*) FROM recovered_item WHERE case_reference = ANY(%s)), "
                "(SELECT count(*) FROM component_finding f WHERE NOT EXISTS (SELECT 1 FROM "
                "recovered_item i WHERE i.id = f.item_id)), "
                "(SELECT count(*) FROM search_term_item WHERE text LIKE 'DEMO-K%%')",
                [list(SECRET_ITEMS)]).fetchone()
    assert seen["admin"][0] == 6 and seen["admin"][1] == 2 and seen["admin"][3] > 0
    assert seen["editor"] == (4, 0, 0, 0)  # OFFICIAL: the two SECRET items are gone
    assert seen["viewer"] == (0, 0, 0, 0)  # UNCLASSIFIED: every demo item is OFFICIAL


def test_clearance_hides_records_in_the_application(
        open_as: dict[str, stores.Store], tmp_path: Path) -> None:
    bob, alice = open_as["editor"], open_as["admin"]
    shown = {r.case_reference for r in records.list_records(bob, "item").rows}
    assert shown and not shown & set(SECRET_ITEMS)
    assert set(SECRET_ITEMS) <= {r.case_reference for r in records.list_records(alice, "item").rows}
    assert not [h for h in search.search(bob, "DEMO-KH-101").hits if h.kind == "item"]
    with pytest.raises(NotFoundError):
        records.get(bob, "item", SECRET_ITEMS[0])
    csv = tmp_path / "items.csv"
    export_table(bob, "item", csv)
    assert "DEMO-LANCET-001" in csv.read_text() and "DEMO-KH-101" not in csv.read_text()
    with pytest.raises(NotFoundError):
        briefs.write(bob, "teardown", SECRET_ITEMS[0], tmp_path / "brief.pdf")
    briefs.write(alice, "teardown", SECRET_ITEMS[0], tmp_path / "alice.pdf")
    pdf_tools.require()
    assert SECRET_ITEMS[0] in pdf_tools.words(tmp_path / "alice.pdf")
    standing = access.standing(bob)
    assert (standing.group, standing.clearance, standing.sees_everything) == (
        "editor", "OFFICIAL", False)
    assert "cleared to OFFICIAL" in access.describe(standing)


def test_photos_of_hidden_items_and_their_pictures_are_hidden_too(
        open_as: dict[str, stores.Store]) -> None:
    import io

    from PIL import Image

    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), (200, 10, 10)).save(buffer, "PNG")
    picture = buffer.getvalue()
    alice, bob = open_as["admin"], open_as["editor"]
    secret = records.get(alice, "item", SECRET_ITEMS[1])
    photos.add_photo_bytes(alice, picture, "secret-plate.png", item_id=secret.id)
    assert [p.file_name for p in photos.photos_of(alice, item=secret.id)] == ["secret-plate.png"]
    assert records.count(bob, "photo") == 0
    # The same picture filed by bob on an item he may see: stored once, now shown to him.
    mine = records.get(bob, "item", "DEMO-LANCET-001")
    photos.add_photo_bytes(bob, picture, "same-plate.png", item_id=mine.id)
    [shown] = records.list_records(bob, "photo").rows
    assert shown.file_name == "same-plate.png"
    assert photos.picture(bob, shown, "original") == picture


def test_an_editor_may_not_file_a_record_above_their_clearance_and_the_log_says_so(
        open_as: dict[str, stores.Store], caplog: pytest.LogCaptureFixture) -> None:
    bob = open_as["editor"]
    item = records.get(bob, "item", "DEMO-ORLAN-10-001")
    with caplog.at_level(logging.WARNING), pytest.raises(StoreRefusedError,
                                                          match="above your clearance"):
        records.update(bob, "item", item.id, item.version, {"handling_marking": "SECRET"})
    assert any("refused by the database" in r.getMessage() and "row-level security" in
               r.getMessage() for r in caplog.records)
    assert records.get(bob, "item", item.id).handling_marking == "OFFICIAL"


def test_a_viewer_opens_the_store_read_only_and_an_editor_may_not_delete(
        open_as: dict[str, stores.Store], caplog: pytest.LogCaptureFixture) -> None:
    vera, bob = open_as["viewer"], open_as["editor"]
    assert vera.read_only == "your login is a viewer of this shared store"
    with caplog.at_level(logging.WARNING), pytest.raises(StoreReadOnlyError,
                                                          match="ask an administrator"):
        records.create(vera, "org", {"name": "Fictional Relay Trading FZE", "country": "AE"})
    assert f"refused a write by {vera.actor}, a viewer" in caplog.text
    org = records.create(bob, "org", {"name": "Fictional Relay Trading FZE", "country": "AE"})
    with caplog.at_level(logging.WARNING), pytest.raises(StoreRefusedError,
                                                          match="permission denied"):
        records.delete(bob, "org", org.id)
    assert any("refused by the database" in r.getMessage() and "organization" in
               r.getMessage() for r in caplog.records)
    assert records.get(bob, "org", org.id).name == "Fictional Relay Trading FZE"
    records.delete(open_as["admin"], "org", org.id)


def test_an_editor_does_not_manage_logins_and_an_administrator_does(
        shared: SharedStore, open_as: dict[str, stores.Store]) -> None:
    newcomer = f"fx_nina_{uuid.uuid4().hex[:6]}"
    try:
        with pytest.raises(StoreRefusedError):
            access.set_login(open_as["editor"], newcomer, "viewer", "OFFICIAL")
        access.set_login(open_as["admin"], newcomer, "viewer", "OFFICIAL", "pw-nina")
        listed = {login.login: login for login in access.logins(open_as["admin"])}
        assert listed[newcomer].group == "viewer" and listed[newcomer].clearance == "OFFICIAL"
        assert listed[newcomer].changed_by == shared.logins["admin"]
        nina = stores.open_existing(as_login(shared.admin_url, newcomer))
        try:
            assert len(records.list_records(nina, "item").rows) == 4
        finally:
            nina.close()
        access.disable_login(open_as["admin"], newcomer)
        with pytest.raises(Exception, match=r"not permitted to log in|refused"):
            stores.open_existing(as_login(shared.admin_url, newcomer)).close()
        events = [e for e in audit.history(open_as["admin"], limit=50) if e.record_kind == "login"]
        assert {e.action for e in events} >= {"add login", "disable login"}
        assert all(e.actor == shared.logins["admin"] for e in events
                   if e.new_values.get("login") == newcomer)
    finally:
        with psycopg.connect(shared.admin_url, autocommit=True) as db:
            db.execute(sql.SQL("DROP ROLE IF EXISTS {}").format(sql.Identifier(newcomer)))


def test_the_chain_is_checked_past_events_above_the_clearance(
        open_as: dict[str, stores.Store]) -> None:
    full = audit.verify_chain(open_as["admin"])
    partial = audit.verify_chain(open_as["viewer"])
    assert full.sound and partial.sound, (full.problems, partial.problems)
    assert full.head == partial.head and full.events == partial.events
    assert full.unread == 0 and partial.unread > 0


def test_db_check_reports_a_broken_set_up(shared: SharedStore, open_as: dict[str, stores.Store]
                                          ) -> None:
    owner = open_as["owner"]
    assert stores.check(owner) == []
    breakages = [
        ("ALTER TABLE photo DISABLE ROW LEVEL SECURITY", "row-level security is off on photo",
         "ALTER TABLE photo ENABLE ROW LEVEL SECURITY"),
        ("DROP POLICY search_term_item_clearance ON search_term_item",
         "policy search_term_item_clearance on search_term_item is missing", None),
        ("GRANT DELETE ON recovered_item TO forensics_editor",
         "forensics_editor on recovered_item: may DELETE", None),
        ("REVOKE INSERT ON audit_event FROM forensics_editor",
         "forensics_editor on audit_event: may not INSERT", None),
        ("ALTER TABLE saved_search OWNER TO CURRENT_USER", "saved_search belongs to", None),
        ("ALTER FUNCTION forensics_clearance() SECURITY INVOKER", "forensics_clearance()",
         None),
        (f"GRANT forensics_owner TO {shared.logins['admin']}",
         f"{shared.logins['admin']} is a member of the owner", None),
        ("ALTER ROLE forensics_editor BYPASSRLS", "forensics_editor bypasses row-level", None),
        ("ALTER TABLE recovered_item DISABLE TRIGGER recovered_item_audit_update",
         "recovered_item_audit_update on recovered_item is switched off", None),
    ]
    try:
        with psycopg.connect(shared.admin_url, autocommit=True) as db:
            for statement, _, _ in breakages:
                db.execute(statement)
        problems = "\n".join(stores.check(owner))
        for _, message, _ in breakages:
            assert message in problems
    finally:
        with psycopg.connect(shared.admin_url, autocommit=True) as db:
            db.execute(f"REVOKE forensics_owner FROM {shared.logins['admin']}")
            db.execute("ALTER ROLE forensics_editor NOBYPASSRLS")
            db.execute("ALTER TABLE recovered_item ENABLE TRIGGER recovered_item_audit_update")
        access.set_up_roles(owner)  # puts the rest back as designed
    assert stores.check(owner) == []


def test_the_command_line_sets_up_roles_and_logins(
        shared: SharedStore, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli_main(["db", "roles", "--store", shared.admin_url]) == 0
    assert "each group granted its rights" in capsys.readouterr().out
    assert cli_main(["db", "logins", "--store", shared.urls["admin"]]) == 0
    listed = capsys.readouterr().out
    assert shared.logins["editor"] in listed and "OFFICIAL" in listed
    assert cli_main(["db", "whoami", "--store", shared.urls["viewer"]]) == 0
    assert "viewer, cleared to UNCLASSIFIED" in capsys.readouterr().out
    assert cli_main(["db", "logins", "--store", shared.urls["editor"]]) != 0
    assert "permission denied" in capsys.readouterr().err
    assert cli_main(["db", "check", "--store", shared.admin_url]) == 0


def test_setting_up_roles_takes_a_superuser(open_as: dict[str, stores.Store]) -> None:
    with pytest.raises(Exception, match="superuser"):
        access.set_up_roles(open_as["admin"])
