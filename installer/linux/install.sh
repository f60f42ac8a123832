#!/bin/sh
# Install the desktop entry and icon of this unpacked bundle for the current user (or, run
# as root, for everyone), so the client appears in the applications menu. Nothing else on
# the system is changed; the bundle carries every library it needs.
set -eu
here=$(cd "$(dirname "$0")" && pwd)
if [ "$(id -u)" = 0 ]; then
  apps=/usr/share/applications; icons=/usr/share/icons/hicolor/256x256/apps; bin=/usr/local/bin
else
  apps="$HOME/.local/share/applications"; icons="$HOME/.local/share/icons/hicolor/256x256/apps"
  bin="$HOME/.local/bin"
fi
mkdir -p "$apps" "$icons" "$bin"
sed "s|@BUNDLE@|$here|g" "$here/forensics.desktop" > "$apps/forensics-gui.desktop"
cp "$here/forensics-gui.png" "$icons/forensics-gui.png"
ln -sf "$here/forensics" "$bin/forensics"
ln -sf "$here/forensics-gui" "$bin/forensics-gui"
command -v update-desktop-database >/dev/null 2>&1 && update-desktop-database "$apps" || true
echo "installed: $apps/forensics-gui.desktop, and forensics / forensics-gui in $bin"
