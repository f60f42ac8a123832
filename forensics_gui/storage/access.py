"""Who may read and change what on a shared PostgreSQL store, enforced by the database itself.

Every desk officer has a database login and could open psql with it, so the rules live in the
database, not in the application:

- **Owner.** The tables, views, sequences and the functions behind the triggers and policies
  belong to `OWNER`, a role nobody logs in as. Only an owner may switch a trigger off, drop a
  policy or change a table, so no application login can.
- **Groups.** Each login is a member of one of `GROUPS` (viewer, editor, administrator), whose
  rights on each table are `designed`: a viewer reads; an editor adds and changes records
  but removes only what is not evidence (search terms, saved searches, citations, picture
  copies...) and adds to the audit trail without changing it; an administrator may also
  delete (evidence still only inside a purge, see migration 0006), change the handling
  markings and manage logins. Nobody may change or empty the audit trail.
- **Logins** are managed through two functions (`forensics_set_login`,
  `forensics_disable_login`) that administrators may call and that belong to `USER_ADMIN`, a
  role nobody logs in as that may create roles: administrators themselves may not, since a
  role that may create roles may also make itself a member of the owner.
- **Clearance.** Each login is cleared to a handling marking (`login_clearance`; a login with
  none is cleared to the lowest). Row-level security (`POLICIES`, installed by migration
  0011) hides every recovered item marked above it, and with the item its findings, custody
  events, photos (and their pictures), annotations, citations, search terms and audit
  events, whoever asks and however (the application, psql). A row being added or changed
  must be one its writer may see: nobody files a record above their own clearance.
- The functions the triggers and policies call run as the owner (SECURITY DEFINER) with a
  fixed search path, so what they read cannot be swapped by a login's own temporary table.

`install` sets all of this up (a superuser runs it once per store, and again after a schema
upgrade); `problems` reports every part of it that is missing or not as designed, for
`forensics db check`. On SQLite none of this exists: one person owns the file; the markings
are still shown and carried into briefs and exports.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from sqlalchemy.engine import Connection

from forensics_gui.core.errors import StoreRefusedError

OWNER = "forensics_owner"
USER_ADMIN = "forensics_usermgr"
GROUPS = {"viewer": "forensics_viewer", "editor": "forensics_editor",
          "admin": "forensics_admin"}
GROUP_LABELS = {"viewer": "viewer", "editor": "editor", "admin": "administrator"}
OPERATIONS = ("SELECT", "INSERT", "UPDATE", "DELETE", "TRUNCATE")
_READ = frozenset({"SELECT"})
_WRITE = frozenset({"SELECT", "INSERT", "UPDATE"})
_ALL = frozenset({"SELECT", "INSERT", "UPDATE", "DELETE"})
# Tables an editor may remove rows from in ordinary use: none of them is evidence.
EDITOR_REMOVES = frozenset({
    "search_term", "saved_search", "photo_annotation", "photo_derivative", "finding_source",
    "link_source", "screening_match", "exchange_delivered", "exchange_received"})
# Rights that differ from the rule above, table by table: {table: (viewer, editor, admin)}.
_SPECIAL: dict[str, tuple[frozenset[str], frozenset[str], frozenset[str]]] = {
    "audit_event": (_READ, _READ | {"INSERT"}, _READ | {"INSERT"}),
    "audit_chain_head": (_READ, _READ, _READ),
    "alembic_version": (_READ, _READ, _READ),
    "handling_marking": (_READ, _READ, _ALL),
    "purge_permit": (_READ, _READ, _READ | {"INSERT", "DELETE"}),
    "login_clearance": (frozenset(), frozenset(), _READ),
}
# The functions logins may call beyond those of the policies and triggers.
ADMIN_FUNCTIONS = ("forensics_set_login(text, text, text, text)",
                   "forensics_disable_login(text)")
ANYONE_FUNCTIONS = ("forensics_clearance()",)


def designed(table: str) -> dict[str, frozenset[str]]:
    """{group: the operations it may do on `table`}, as designed (the search index's
    partitions as the index: searches read them directly, each under the index's policy)."""
    if table.startswith("search_term_"):
        table = "search_term"
    if table in _SPECIAL:
        viewer, editor, admin = _SPECIAL[table]
    else:
        viewer, admin = _READ, _ALL
        editor = _WRITE | ({"DELETE"} if table in EDITOR_REMOVES else set())
    return {"viewer": viewer, "editor": frozenset(editor), "admin": admin}


# ------------------------------------------------------------------ clearance (migration 0011)

def clearance_functions(schema: str) -> list[str]:
    """The function the policies call: the login's clearance, as a rank (SECURITY DEFINER:
    it reads `login_clearance`, which logins may not; it tells a login its own rank only)."""
    return [f"""CREATE OR REPLACE FUNCTION forensics_clearance() RETURNS integer
        LANGUAGE sql STABLE SECURITY DEFINER SET search_path = {schema}, pg_temp AS $$
          SELECT coalesce(
            (SELECT m.rank FROM login_clearance c JOIN handling_marking m ON m.name = c.marking
              WHERE c.login = session_user),
            (SELECT min(rank) FROM handling_marking))
        $$"""]


# Each policy starts with whether the login is cleared to the highest marking, read once per
# query (an initial plan): then nothing else is evaluated. Otherwise a row is visible when the
# record it hangs off is: the sub-queries read those tables under their own policies, so
# hiding an item hides, in turn, its findings, their photos, the photos' annotations...
_TOP = "(SELECT forensics_clearance() >= max(rank) FROM handling_marking)"
_ITEMS = "SELECT id FROM recovered_item"
_FINDINGS = "SELECT id FROM component_finding"
# The kinds of record the audit trail names that hang off a recovered item.
_ITEM_KINDS = {"item": _ITEMS, "finding": _FINDINGS, "photo": "SELECT id FROM photo",
               "annotation": "SELECT id FROM photo_annotation",
               "custody": "SELECT id FROM custody_event"}
_EVENT_SHOWN = (
    f"{_TOP} OR (record_id IS NULL AND action NOT LIKE 'database %') OR "
    f"(record_id IS NOT NULL AND record_kind NOT IN "
    f"({', '.join(repr(k) for k in _ITEM_KINDS)})) OR record_id IN ("
    + " UNION ALL ".join(_ITEM_KINDS.values()) + ")")
# {table: ((policy, command, USING, WITH CHECK or None), ...)}
POLICIES: dict[str, tuple[tuple[str, str, str, str | None], ...]] = {
    "recovered_item": (("recovered_item_clearance", "ALL",
                        f"{_TOP} OR handling_marking IN (SELECT name FROM handling_marking "
                        "WHERE rank <= forensics_clearance())", None),),
    "component_finding": (("component_finding_clearance", "ALL",
                           f"{_TOP} OR item_id IN ({_ITEMS})", None),),
    "custody_event": (("custody_event_clearance", "ALL", f"{_TOP} OR item_id IN ({_ITEMS})",
                       None),),
    "photo": (("photo_clearance", "ALL",
               f"{_TOP} OR ((item_id IS NULL OR item_id IN ({_ITEMS})) AND "
               f"(finding_id IS NULL OR finding_id IN ({_FINDINGS})))", None),),
    "photo_annotation": (("photo_annotation_clearance", "ALL",
                          f"{_TOP} OR photo_id IN (SELECT id FROM photo)", None),),
    "finding_source": (("finding_source_clearance", "ALL",
                        f"{_TOP} OR finding_id IN ({_FINDINGS})", None),),
    # A picture is shown with a photo the login may see (one no photo shows, only to a login
    # cleared to the highest marking); anyone may store one.
    "photo_blob": (("photo_blob_clearance", "ALL",
                    f"{_TOP} OR sha256 IN (SELECT sha256 FROM photo)", "true"),),
    "photo_derivative": (("photo_derivative_clearance", "ALL",
                          f"{_TOP} OR sha256 IN (SELECT sha256 FROM photo)", "true"),),
    "search_term": (("search_term_clearance", "ALL",
                     f"{_TOP} OR CASE kind WHEN 'item' THEN record_id IN ({_ITEMS}) "
                     f"WHEN 'finding' THEN record_id IN ({_FINDINGS}) ELSE true END", "true"),),
    # The database's own events name rows of every table in bulk: only a login cleared to the
    # highest marking reads them.
    "audit_event": (("audit_event_clearance", "SELECT", _EVENT_SHOWN, None),
                    ("audit_event_append", "INSERT", "", "true")),
}


def policed_tables(connection: Connection) -> dict[str, str]:
    """{table: the table of `POLICIES` whose policies it takes}: those of `POLICIES` present,
    and the partitions of the search index (read directly by searches)."""
    present = set(connection.exec_driver_sql(
        "SELECT c.relname FROM pg_class c WHERE c.relnamespace = "
        "current_schema()::regnamespace AND c.relkind IN ('r', 'p')").scalars())
    found = {t: t for t in POLICIES if t in present}
    found |= {p: "search_term" for p in connection.exec_driver_sql(
        "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid "
        "WHERE i.inhparent = to_regclass('search_term')").scalars()}
    return found


def policy_statements(table: str, like: str | None = None) -> list[str]:
    """Row-level security on `table` with the policies `POLICIES` gives `like` (itself by
    default), named after `table`."""
    statements = [f"ALTER TABLE {table} ENABLE ROW LEVEL SECURITY"]
    for name, command, using, check in POLICIES[like or table]:
        name = name.replace(like, table, 1) if like else name
        statements.append(f"DROP POLICY IF EXISTS {name} ON {table}")
        clause = f" USING ({using})" if using else ""
        clause += f" WITH CHECK ({check})" if check else ""
        statements.append(f"CREATE POLICY {name} ON {table} FOR {command} TO PUBLIC{clause}")
    return statements


# The audit trail's links alone, for checking the chain past events above one's clearance
# (their values stay hidden; their seals are checked by a login cleared to see them).
CHAIN_VIEW = ("CREATE OR REPLACE VIEW audit_chain_link AS "
              "SELECT seq, id, prev_hash, hash FROM audit_event")


# ------------------------------------------------------------------ roles and grants

def _login_functions(schema: str) -> list[str]:
    groups = ", ".join(f"'{k}', '{v}'" for k, v in GROUPS.items())
    all_groups = ", ".join(GROUPS.values())
    all_quoted = ", ".join(f"'{g}'" for g in GROUPS.values())
    check = """
      IF p_login IS NULL OR p_login !~ '^[a-z_][a-z0-9_.-]{0,62}$' THEN
        RAISE EXCEPTION 'a login name is lower-case letters, digits, ".", "-" and "_", '
          'starting with a letter (got %)', quote_literal(coalesce(p_login, ''))
          USING ERRCODE = '22023';
      END IF;
      IF p_login LIKE 'forensics\\_%' OR p_login LIKE 'pg\\_%' THEN
        RAISE EXCEPTION 'the name % is kept for the store''s own roles', p_login
          USING ERRCODE = '42501';
      END IF;
      SELECT r.rolsuper OR r.rolcreaterole OR r.rolbypassrls OR r.rolreplication,
             r.oid IS NOT NULL INTO privileged, known
        FROM (SELECT 1) one LEFT JOIN pg_roles r ON r.rolname = p_login;
      IF privileged THEN
        RAISE EXCEPTION 'the role % is a superuser or may create roles or bypass '
          'row-level security; it is not managed here', p_login USING ERRCODE = '42501';
      END IF;"""
    head = f"SECURITY DEFINER SET search_path = {schema}, pg_temp"
    return [
        f"""CREATE OR REPLACE FUNCTION forensics_set_login(
              p_login text, p_group text, p_clearance text, p_password text)
            RETURNS void LANGUAGE plpgsql {head} AS $$
        DECLARE
          grp text := (jsonb_build_object({groups}))->>p_group;
          privileged boolean;
          known boolean;
          before jsonb;
        BEGIN
          {check}
          IF grp IS NULL THEN
            RAISE EXCEPTION 'the group is viewer, editor or admin (got %)',
              quote_literal(coalesce(p_group, '')) USING ERRCODE = '22023';
          END IF;
          IF NOT EXISTS (SELECT 1 FROM handling_marking WHERE name = p_clearance) THEN
            RAISE EXCEPTION 'the store has no handling marking %',
              quote_literal(coalesce(p_clearance, '')) USING ERRCODE = '22023';
          END IF;
          -- An existing role is taken only when it is a login of this store, or of another
          -- forensic store of this server (a member of one of the groups).
          IF known AND NOT EXISTS (SELECT 1 FROM login_clearance WHERE login = p_login)
             AND NOT EXISTS (SELECT 1 FROM pg_auth_members a
                               JOIN pg_roles g ON g.oid = a.roleid
                               JOIN pg_roles m ON m.oid = a.member
                              WHERE m.rolname = p_login AND g.rolname IN ({all_quoted})) THEN
            RAISE EXCEPTION 'the role % exists but is not a login of the forensic stores',
              p_login USING ERRCODE = '42501';
          END IF;
          SELECT to_jsonb(c) INTO before FROM login_clearance c WHERE login = p_login;
          IF NOT known THEN
            EXECUTE format('CREATE ROLE %I LOGIN INHERIT', p_login);
          ELSE
            EXECUTE format('ALTER ROLE %I LOGIN', p_login);
          END IF;
          IF p_password IS NOT NULL THEN
            EXECUTE format('ALTER ROLE %I PASSWORD %L', p_login, p_password);
          END IF;
          EXECUTE format('REVOKE {all_groups} FROM %I', p_login);
          EXECUTE format('GRANT %I TO %I', grp, p_login);
          INSERT INTO login_clearance (login, grp, marking, can_log_in, changed_by, changed_at)
          VALUES (p_login, p_group, p_clearance, true, session_user, clock_timestamp())
          ON CONFLICT (login) DO UPDATE SET grp = EXCLUDED.grp, marking = EXCLUDED.marking,
            changed_by = EXCLUDED.changed_by, changed_at = EXCLUDED.changed_at,
            can_log_in = true;
          INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, record_id,
                                   old_values, new_values)
          VALUES (gen_random_uuid(), clock_timestamp(), session_user,
                  CASE WHEN before IS NULL THEN 'add login' ELSE 'change login' END, 'login',
                  NULL, coalesce(before, '{{}}'::jsonb) - 'changed_at' - 'changed_by',
                  jsonb_build_object('login', p_login, 'grp', p_group, 'marking', p_clearance,
                                     'password_set', p_password IS NOT NULL));
        END $$""",
        f"""CREATE OR REPLACE FUNCTION forensics_disable_login(p_login text)
            RETURNS void LANGUAGE plpgsql {head} AS $$
        DECLARE
          privileged boolean;
          known boolean;
        BEGIN
          {check}
          IF NOT EXISTS (SELECT 1 FROM login_clearance WHERE login = p_login) THEN
            RAISE EXCEPTION '% is not a login of this store', quote_literal(p_login)
              USING ERRCODE = '22023';
          END IF;
          IF known THEN
            EXECUTE format('ALTER ROLE %I NOLOGIN', p_login);
            EXECUTE format('REVOKE {all_groups} FROM %I', p_login);
          END IF;
          UPDATE login_clearance SET can_log_in = false, changed_by = session_user,
                 changed_at = clock_timestamp() WHERE login = p_login;
          INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, record_id,
                                   old_values, new_values)
          VALUES (gen_random_uuid(), clock_timestamp(), session_user, 'disable login',
                  'login', NULL, '{{}}'::jsonb, jsonb_build_object('login', p_login));
        END $$""",
    ]


@dataclass(frozen=True)
class Installed:
    """What `install` did: the groups made, the tables given to the owner."""
    created_roles: tuple[str, ...]
    tables: int
    functions: int


def _roles_present(connection: Connection) -> set[str]:
    names = [OWNER, USER_ADMIN, *GROUPS.values()]
    return set(connection.exec_driver_sql(
        "SELECT rolname FROM pg_roles WHERE rolname = ANY(%(n)s)", {"n": names}).scalars())


def installed(connection: Connection) -> bool:
    """Whether the store's tables belong to the owner role (`install` was run)."""
    if connection.dialect.name != "postgresql":
        return False
    return bool(connection.exec_driver_sql(
        "SELECT EXISTS (SELECT 1 FROM pg_tables WHERE schemaname = current_schema() "
        "AND tablename = 'audit_event' AND tableowner = %(o)s)", {"o": OWNER}).scalar())


def install(connection: Connection) -> Installed:
    """Create the roles (when missing), give every table, sequence, view and function of the
    store to the owner, and grant each group what `designed` says and nothing more. Run by a
    superuser; safe to run again (after an upgrade, it covers the new tables)."""
    def sql(statement: str, parameters: dict[str, Any] | None = None) -> Any:
        # Statements without parameters are sent as they are ('%' is a placeholder sign
        # only where parameters are given).
        return connection.exec_driver_sql(
            statement if parameters else statement.replace("%", "%%"), parameters or None)

    if not sql("SELECT rolsuper FROM pg_roles WHERE rolname = current_user").scalar():
        raise StoreRefusedError("setting up the roles takes a PostgreSQL superuser (it creates "
                              "roles and gives the tables to the owner role)")
    schema = sql("SELECT current_schema()").scalar()
    present = _roles_present(connection)
    created = []
    for role, extra in ((OWNER, ""), (USER_ADMIN, " CREATEROLE"),
                        *((g, "") for g in GROUPS.values())):
        if role not in present:
            sql(f"CREATE ROLE {role} NOLOGIN{extra}")
            created.append(role)
        sql(f"ALTER ROLE {role} NOLOGIN NOSUPERUSER NOBYPASSRLS NOREPLICATION "
            f"{'CREATEROLE' if role == USER_ADMIN else 'NOCREATEROLE'} NOCREATEDB")
    # Ready for servers where creating roles no longer implies granting any group.
    sql(f"GRANT {', '.join(GROUPS.values())} TO {USER_ADMIN} WITH ADMIN OPTION")
    for statement in clearance_functions(schema):
        sql(statement)
    for table, like in policed_tables(connection).items():
        for statement in policy_statements(table, like):
            sql(statement)
    sql(CHAIN_VIEW)
    relations = sql(
        "SELECT c.relname, c.relkind FROM pg_class c WHERE c.relnamespace = "
        "current_schema()::regnamespace AND c.relkind IN ('r', 'p', 'v', 'S') "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')"
    ).all()
    kinds = {"r": "TABLE", "p": "TABLE", "v": "VIEW", "S": "SEQUENCE"}
    linked = set(sql(  # sequences of a column follow their table
        "SELECT s.relname FROM pg_class s JOIN pg_depend d ON d.objid = s.oid "
        "WHERE s.relkind = 'S' AND d.deptype IN ('a', 'i') AND d.classid = 'pg_class'::regclass"
        " AND s.relnamespace = current_schema()::regnamespace").scalars())
    for name, kind in relations:
        if name not in linked:
            sql(f'ALTER {kinds[kind]} "{name}" OWNER TO {OWNER}')
    functions = _store_functions(connection)
    for signature in functions:
        sql(f"ALTER FUNCTION {signature} OWNER TO {OWNER}")
        sql(f"ALTER FUNCTION {signature} SECURITY DEFINER SET search_path = {schema}, pg_temp")
    for statement in _login_functions(schema):
        sql(statement)
    for signature in ADMIN_FUNCTIONS:
        sql(f"ALTER FUNCTION {signature} OWNER TO {USER_ADMIN}")
        sql(f"REVOKE ALL ON FUNCTION {signature} FROM PUBLIC")
        sql(f"GRANT EXECUTE ON FUNCTION {signature} TO {GROUPS['admin']}")
    # What the login functions touch, as their owner.
    sql(f"GRANT USAGE ON SCHEMA {schema} TO {USER_ADMIN}")
    sql(f"GRANT SELECT ON handling_marking TO {USER_ADMIN}")
    sql(f"GRANT SELECT, INSERT, UPDATE ON login_clearance TO {USER_ADMIN}")
    sql(f"GRANT INSERT ON audit_event TO {USER_ADMIN}")
    everyone = ", ".join(GROUPS.values())
    sql(f"REVOKE CREATE ON SCHEMA {schema} FROM PUBLIC")
    sql(f"GRANT USAGE ON SCHEMA {schema} TO {everyone}")
    for name, kind in relations:
        if kind == "S":
            sql(f'REVOKE ALL ON SEQUENCE "{name}" FROM PUBLIC, {everyone}')
            sql(f'GRANT USAGE, SELECT ON SEQUENCE "{name}" TO {GROUPS["editor"]}, '
                f'{GROUPS["admin"]}')
            continue
        sql(f'REVOKE ALL ON "{name}" FROM PUBLIC, {everyone}')
        if kind == "v":
            sql(f'GRANT SELECT ON "{name}" TO {everyone}')
            continue
        for group, operations in designed(name).items():
            if operations:
                sql(f'GRANT {", ".join(sorted(operations))} ON "{name}" TO {GROUPS[group]}')
    sql("INSERT INTO audit_event (id, occurred_at, actor, action, record_kind, record_id, "
        "old_values, new_values) VALUES (gen_random_uuid(), clock_timestamp(), session_user, "
        "'set up roles', 'store', NULL, '{}'::jsonb, %(v)s::jsonb)",
        {"v": json.dumps({"owner": OWNER, "groups": list(GROUPS.values())})})
    return Installed(tuple(created), len(relations), len(functions))


def _store_functions(connection: Connection) -> list[str]:
    """The store's own functions (triggers and policies), not those of extensions or of
    managing logins: their signatures."""
    return list(connection.exec_driver_sql(
        "SELECT p.oid::regprocedure::text FROM pg_proc p WHERE p.pronamespace = "
        "current_schema()::regnamespace AND p.proname LIKE 'forensics\\_%%' "
        "AND p.proname NOT IN ('forensics_set_login', 'forensics_disable_login') "
        "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e') "
        "ORDER BY 1").scalars())


# ------------------------------------------------------------------ checking

def policy_problems(connection: Connection) -> list[str]:
    """Each table whose row-level security is off, or whose policy is missing."""
    policed = policed_tables(connection)
    enabled = dict(connection.exec_driver_sql(
        "SELECT c.relname, c.relrowsecurity FROM pg_class c WHERE c.relnamespace = "
        "current_schema()::regnamespace AND c.relname = ANY(%(t)s)",
        {"t": list(policed)}).all())
    found = set(connection.exec_driver_sql(
        "SELECT tablename, policyname FROM pg_policies WHERE schemaname = current_schema()"
    ).all())
    problems = []
    for table, like in policed.items():
        if not enabled.get(table):
            problems.append(f"row-level security is off on {table}: records above a login's "
                            "clearance are not hidden")
        for name, *_ in POLICIES[like]:
            name = name.replace(like, table, 1)
            if (table, name) not in found:
                problems.append(f"the policy {name} on {table} is missing: records above a "
                                "login's clearance are not hidden")
    return problems


def problems(connection: Connection) -> list[str]:
    """Everything of the roles' set-up that is missing or not as designed (nothing when the
    roles were never set up: one login then owns the store, as on a laptop)."""
    if connection.dialect.name != "postgresql":
        return []
    found = policy_problems(connection)
    if not installed(connection):
        return found
    sql = connection.exec_driver_sql
    missing = {OWNER, USER_ADMIN, *GROUPS.values()} - _roles_present(connection)
    found += [f"the role {r} is missing" for r in sorted(missing)]
    if missing:
        return found
    for name, why in sql(
            "SELECT r.rolname, concat_ws(', ', CASE WHEN r.rolsuper THEN 'is a superuser' END, "
            "CASE WHEN r.rolbypassrls THEN 'bypasses row-level security' END, "
            "CASE WHEN r.rolcreaterole AND r.rolname <> %(m)s THEN 'may create roles' END, "
            "CASE WHEN r.rolcanlogin AND r.rolname = ANY(%(nl)s) THEN 'can log in' END) "
            "FROM pg_roles r WHERE (r.rolname = ANY(%(all)s) OR EXISTS (SELECT 1 FROM "
            "pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid WHERE a.member = r.oid "
            "AND g.rolname = ANY(%(groups)s))) AND (r.rolsuper OR r.rolbypassrls OR "
            "(r.rolcreaterole AND r.rolname <> %(m)s) OR (r.rolcanlogin AND "
            "r.rolname = ANY(%(nl)s))) ORDER BY 1",
            {"m": USER_ADMIN, "nl": [OWNER, USER_ADMIN, *GROUPS.values()],
             "all": [OWNER, USER_ADMIN, *GROUPS.values()],
             "groups": [OWNER, *GROUPS.values()]}):
        found.append(f"the role {name} {why}: it must not")
    for member in sql(
            "SELECT m.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
            "JOIN pg_roles m ON m.oid = a.member WHERE g.rolname IN (%(o)s, %(u)s) "
            "ORDER BY 1", {"o": OWNER, "u": USER_ADMIN}).scalars():
        found.append(f"{member} is a member of the owner or login-managing role: it could "
                     "switch the guards off")
    for table, owner in sql(
            "SELECT c.relname, pg_get_userbyid(c.relowner) FROM pg_class c "
            "WHERE c.relnamespace = current_schema()::regnamespace "
            "AND c.relkind IN ('r', 'p', 'v', 'S') AND pg_get_userbyid(c.relowner) <> %(o)s "
            "AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid "
            "AND d.deptype = 'e') ORDER BY 1", {"o": OWNER}):
        found.append(f"{table} belongs to {owner}, not to {OWNER}: run `forensics db roles`")
    for signature, owner, definer in sql(
            "SELECT p.oid::regprocedure::text, pg_get_userbyid(p.proowner), p.prosecdef "
            "FROM pg_proc p WHERE p.pronamespace = current_schema()::regnamespace "
            "AND p.proname LIKE 'forensics\\_%%' ORDER BY 1"):
        want = USER_ADMIN if signature.startswith(("forensics_set_login",
                                                   "forensics_disable_login")) else OWNER
        if owner != want or not definer:
            found.append(f"the function {signature} belongs to {owner} or does not run as "
                         f"its owner: run `forensics db roles`")
    found += grant_problems(connection)
    return found


def grant_problems(connection: Connection) -> list[str]:
    """Each right a group has on a table that `designed` does not give it, or lacks."""
    rows = connection.exec_driver_sql(
        "SELECT c.relname, g.rolname, op, has_table_privilege(g.oid, c.oid, op) "
        "FROM pg_class c CROSS JOIN pg_roles g CROSS JOIN unnest(%(ops)s::text[]) op "
        "WHERE c.relnamespace = current_schema()::regnamespace AND c.relkind IN ('r', 'p') "
        "AND g.rolname = ANY(%(g)s) ORDER BY 1, 2",
        {"ops": list(OPERATIONS), "g": list(GROUPS.values())}).all()
    group_of = {v: k for k, v in GROUPS.items()}
    wrong: dict[tuple[str, str], list[str]] = {}
    for table, role, operation, has in rows:
        should = operation in designed(table)[group_of[role]]
        if has != should:
            wrong.setdefault((table, role), []).append(("may " if has else "may not ")
                                                       + operation)
    return [f"{role} on {table}: {', '.join(ops)}, not as designed: run `forensics db roles`"
            for (table, role), ops in sorted(wrong.items())]


# ------------------------------------------------------------------ logins

@dataclass(frozen=True)
class Login:
    login: str
    group: str
    clearance: str
    can_log_in: bool
    changed_by: str
    changed_at: str


def logins(connection: Connection) -> list[Login]:
    """The store's logins with their group and clearance (an administrator's view)."""
    return [Login(*row) for row in connection.exec_driver_sql(
        "SELECT c.login, c.grp, c.marking, c.can_log_in AND coalesce(r.rolcanlogin, false), "
        "c.changed_by, to_char(c.changed_at AT TIME ZONE 'UTC', 'YYYY-MM-DD HH24:MI') "
        "FROM login_clearance c LEFT JOIN pg_roles r ON r.rolname = c.login ORDER BY 1")]


def set_login(connection: Connection, login: str, group: str, clearance: str,
              password: str | None) -> None:
    connection.exec_driver_sql("SELECT forensics_set_login(%(l)s, %(g)s, %(c)s, %(p)s)",
                               {"l": login, "g": group, "c": clearance, "p": password})


def disable_login(connection: Connection, login: str) -> None:
    connection.exec_driver_sql("SELECT forensics_disable_login(%(l)s)", {"l": login})


@dataclass(frozen=True)
class Standing:
    """Who this connection is on the store: its login, group and clearance."""
    login: str
    group: str | None  # None: not a member of the store's groups (an owner, a superuser)
    clearance: str | None  # None: sees everything
    sees_everything: bool


def standing(connection: Connection) -> Standing:
    sql = connection.exec_driver_sql
    login, bypass, groups = sql(
        "SELECT session_user, r.rolsuper OR r.rolbypassrls OR "
        "coalesce(pg_has_role(session_user, c.relowner, 'USAGE'), true), ARRAY(SELECT "
        "g.rolname FROM pg_auth_members a JOIN pg_roles g ON g.oid = a.roleid "
        "WHERE a.member = r.oid) FROM pg_roles r LEFT JOIN pg_class c "
        "ON c.oid = to_regclass('recovered_item') WHERE r.rolname = session_user").one()
    if bypass:  # a superuser, the tables' owner, or an empty database: nothing binds it
        return Standing(login, None, None, True)
    group = next((label for label, role in GROUPS.items() if role in groups), None)
    if not sql("SELECT to_regprocedure('forensics_clearance()') IS NOT NULL").scalar():
        return Standing(login, group, None, True)
    rank = sql("SELECT forensics_clearance()").scalar()
    name, top = sql("SELECT (SELECT name FROM handling_marking WHERE rank = %(r)s), "
                    "%(r)s >= (SELECT max(rank) FROM handling_marking)", {"r": rank}).one()
    return Standing(login, group, name, bool(top))
