"""The bundle's desktop client (PyInstaller runs this file as the program)."""

import sys

from forensics_gui.gui.app import main

sys.exit(main())
