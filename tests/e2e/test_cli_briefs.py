"""`forensics brief` end to end as a subprocess on a copy of the demo store: a brief written
with its one-line summary, progress on standard error, bad input refused with exit code 2 and
nothing written, and `--help` that loads nothing heavy."""

from __future__ import annotations

import importlib
import json
import re
import subprocess
import sys
from pathlib import Path

import pytest

from tests import pdf_tools
from tests.e2e.test_cli import assert_user_error, cli, cli_all, ok
from tests.e2e.test_cli_startup import HEAVY, loaded_by

ITEM = "DEMO-SHAHED-136-001"
# Sections that need no analytics (the teardown's charts come from services.analytics).
PLAIN = ("--section", "recovery", "findings", "chains")
WROTE = re.compile(r"^wrote (?P<path>.+) \((?P<pages>\d+) pages, [\d.,]+ (KB|MB), "
                   r"(?P<marking>[A-Z]+)\)$")


def test_a_teardown_brief_is_written_and_summed_up_in_one_line(demo_file: Path,
                                                               tmp_path: Path) -> None:
    target = tmp_path / "briefs" / "teardown.pdf"
    run = cli(demo_file, "brief", "teardown", ITEM, "--out", str(target), *PLAIN,
              "--language", "uk", "--without-hypotheses", "--author", "Analyst Kovalenko")
    assert run.code == 0, str(run)
    found = WROTE.match(run.out.strip())
    assert found and found["path"] == str(target) and found["marking"] == "OFFICIAL", run.out
    assert target.read_bytes().startswith(b"%PDF-")
    assert [p.name for p in target.parent.iterdir()] == ["teardown.pdf"]  # nothing left over
    progress = run.err.splitlines()
    assert progress and all(line.startswith("forensics: ") for line in progress)
    assert any("laying out the pages" in line for line in progress)
    if not pdf_tools.MISSING:
        text = pdf_tools.words(target)
        assert f"Звіт про розбирання: {ITEM}" in text and "Analyst Kovalenko" in text
        assert len(pdf_tools.pages(target)) == int(found["pages"])
        assert "hypothesis-level links left out" in text


def test_json_and_a_read_only_store(demo_file: Path, tmp_path: Path) -> None:
    target = tmp_path / "t.pdf"
    result = ok(cli(demo_file, "--read-only", "brief", "teardown", ITEM, "--out", str(target),
                    *PLAIN, "--json"))
    assert result["path"] == str(target) and result["marking"] == "OFFICIAL"
    assert result["size"] == target.stat().st_size and result["pages"] >= 3


def test_the_whole_teardown_report_with_its_charts(demo_file: Path, tmp_path: Path) -> None:
    analytics = importlib.import_module("forensics_gui.services.analytics")
    if not hasattr(analytics, "dashboard"):
        pytest.skip("the teardown report's charts need services.analytics.dashboard")
    target = tmp_path / "full.pdf"
    run = cli(demo_file, "brief", "teardown", ITEM, "--out", str(target))
    assert run.code == 0 and WROTE.match(run.out.strip()), str(run)


@pytest.mark.parametrize(("args", "words"), [
    (("teardown",), ("reference", "case reference")),
    (("gap", "STM32F765VIT6"), ("reference", "takes no reference")),
    (("teardown", ITEM, "--section", "cover"), ("sections", "no section 'cover'")),
    (("teardown", ITEM, "--dpi", "10"), ("photo_dpi", "72 to 600")),
    (("teardown", ITEM, "--dpi", "many"), ("--dpi", "invalid int")),
    (("teardown", ITEM, "--language", "de"), ("--language", "invalid choice")),
    (("gap", "--from", "2023-13-01"), ("from", "2023-13-01")),
    (("dossier-of", "STM32F765VIT6"), ("KIND", "invalid choice")),
])
def test_bad_input_is_refused_with_exit_code_2_and_nothing_written(
        demo_file: Path, tmp_path: Path, args: tuple[str, ...], words: tuple[str, ...]) -> None:
    target = tmp_path / "out" / "brief.pdf"
    run = cli(demo_file, "brief", *args, "--out", str(target))
    assert_user_error(run, 2, *words)
    assert not target.parent.exists()


def test_a_folder_given_as_the_file_or_an_unknown_record_writes_nothing(
        demo_file: Path, tmp_path: Path) -> None:
    briefs = tmp_path / "briefs"
    briefs.mkdir()
    earlier = briefs / "brief.pdf"
    earlier.write_bytes(b"an earlier brief")
    folder, unknown = cli_all(
        demo_file, ("brief", "teardown", ITEM, "--out", str(briefs)),
        ("brief", "teardown", "NOPE-1", "--out", str(earlier)))
    assert_user_error(folder, 2, "out", "is a folder")
    assert_user_error(unknown, 3, "there is no recovered item 'NOPE-1'")
    assert earlier.read_bytes() == b"an earlier brief"
    assert [p.name for p in briefs.iterdir()] == ["brief.pdf"]


def test_help_lists_brief_and_loads_nothing_heavy() -> None:
    code, heavy, _ = loaded_by()
    assert code is None and heavy == set()
    listed = subprocess.run([sys.executable, "-m", "forensics_gui.cli.main", "--help"],
                            capture_output=True, text=True, timeout=60)
    assert listed.returncode == 0 and re.search(r"^\s+brief\s+write a PDF brief", listed.stdout,
                                                re.M)
    script = ("import json, sys\nfrom forensics_gui.cli.main import main\n"
              "try:\n    main(['brief', '--help'])\nexcept SystemExit as done:\n"
              "    code = done.code\n"
              "print(json.dumps({'code': code, 'loaded': sorted({m.split('.')[0] "
              "for m in sys.modules})}), file=sys.stderr)\n")
    done = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True,
                          timeout=60)
    report = json.loads(done.stderr.strip().splitlines()[-1])
    assert report["code"] == 0 and set(report["loaded"]) & set(HEAVY) == set()
    for words in ("teardown", "dossier", "system", "gap", "--without-hypotheses",
                  "--redact-photo-metadata", "--section", "--author", "--dpi",
                  "sections: recovery, photos, findings"):
        assert words in done.stdout, words
