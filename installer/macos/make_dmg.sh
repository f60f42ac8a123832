#!/bin/sh
# macOS: the bundle is an application (dist/Forensics.app, made by installer/build_bundle.py
# on a Mac with the project set up); this packs it in a disk image to hand out.
#   .venv/bin/python installer/build_bundle.py && sh installer/macos/make_dmg.sh
# Without a Developer ID signature, Gatekeeper asks users to open it with right-click > Open
# the first time; sign with `codesign --deep --sign "Developer ID Application: ..."` and
# notarise with `xcrun notarytool` where the organisation has an Apple developer account.
set -eu
cd "$(dirname "$0")/../.."
version=$(.venv/bin/python -c "import forensics_gui; print(forensics_gui.__version__)")
hdiutil create -volname "Forensic component database" -srcfolder dist/Forensics.app \
  -ov -format UDZO "dist/forensics-$version-macos.dmg"
echo "dist/forensics-$version-macos.dmg"
