"""The bundle's command line (PyInstaller runs this file as the program)."""

import sys

from forensics_gui.cli.main import main

sys.exit(main())
