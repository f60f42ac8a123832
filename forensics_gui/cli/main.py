"""`forensics`: the command line of the forensic store.

Exit codes (`--help` lists them too, from parser.EXIT_CODES): 0 done; 1 nothing found or a
problem found (search, chains, datecode, verify, db check) or another known problem; 2 bad
input; 3 not found; 4 conflict with another user's change; 5 refused by a rule of the store;
6 the store cannot be opened or used; 70 a bug (with a traceback).
"""

from __future__ import annotations

import getpass
import sys
import traceback
from collections.abc import Sequence

from forensics_gui.cli import commands
from forensics_gui.cli.parser import build_parser
from forensics_gui.core.errors import KnownError

EXIT_BUG = 70


def _prompt(where: str) -> str | None:
    if not sys.stdin.isatty():
        return None
    return getpass.getpass(f"Password for {where}: ")


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns (and exits with) its exit code."""
    words = sys.argv[1:] if argv is None else list(argv)
    parser = build_parser(words)
    args = parser.parse_args(words)
    if not getattr(args, "handler", None):
        parser.print_help()
        return 2
    try:
        code = commands.run(args, _prompt)
    except KnownError as error:
        print(f"forensics: error: {error}", file=sys.stderr)
        code = error.exit_code
    except BrokenPipeError:  # output piped into `head` and the like
        sys.stderr.close()
        code = 0
    except KeyboardInterrupt:
        print("forensics: interrupted; nothing more was written", file=sys.stderr)
        code = 130
    except Exception:  # a bug: show everything needed to report it
        print("forensics: internal error (a bug); please report this:", file=sys.stderr)
        traceback.print_exc()
        code = EXIT_BUG
    sys.stdout.flush()
    if argv is None:
        sys.exit(code)
    return code


if __name__ == "__main__":
    main()
