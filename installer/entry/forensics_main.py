"""The Linux bundle's one program: the desktop client when started as `forensics-gui` (a
link to it), else the command line."""

import sys
from pathlib import Path

if Path(sys.argv[0]).name.startswith("forensics-gui"):
    from forensics_gui.gui.app import main
else:
    from forensics_gui.cli.main import main

sys.exit(main())
