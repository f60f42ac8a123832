; Inno Setup script: an installer for Windows made from the one-folder bundle.
;   1. on Windows, with the project set up:  .venv\Scripts\python installer\build_bundle.py
;   2. then:  iscc /DAppVersion=1.0.0 installer\windows\forensics.iss
; The installer (dist\forensics-<version>-windows-setup.exe) copies dist\forensics\ to
; Program Files, adds Start menu entries for the desktop client and a command prompt that
; has `forensics` on its path, and an uninstaller. Nothing else is installed: the bundle
; carries Python, Qt and every library.

#ifndef AppVersion
  #define AppVersion "1.0.0"
#endif
#define Root ".." + "\\.."

[Setup]
AppId={{6F1C3F7A-2C0B-4E43-9D1E-6B8F0A1C9E42}
AppName=Forensic component database
AppVersion={#AppVersion}
AppPublisher=Forensic component database project
DefaultDirName={autopf}\Forensic component database
DefaultGroupName=Forensic component database
OutputDir={#Root}\dist
OutputBaseFilename=forensics-{#AppVersion}-windows-setup
SetupIconFile={#Root}\build\bundle\icons\forensics.ico
UninstallDisplayIcon={app}\forensics-gui.exe
Compression=lzma2
SolidCompression=yes
ArchitecturesInstallIn64BitMode=x64compatible
ArchitecturesAllowed=x64compatible
PrivilegesRequiredOverridesAllowed=dialog
WizardStyle=modern

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "uk"; MessagesFile: "compiler:Languages\Ukrainian.isl"

[Files]
Source: "{#Root}\dist\forensics\*"; DestDir: "{app}"; Flags: recursesubdirs createallsubdirs ignoreversion

[Icons]
Name: "{group}\Forensic component database"; Filename: "{app}\forensics-gui.exe"
Name: "{group}\Forensics command line"; Filename: "{cmd}"; Parameters: "/k set PATH={app};%PATH%"; WorkingDir: "{userdocs}"
Name: "{group}\Uninstall"; Filename: "{uninstallexe}"
Name: "{autodesktop}\Forensic component database"; Filename: "{app}\forensics-gui.exe"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Run]
Filename: "{app}\forensics-gui.exe"; Description: "{cm:LaunchProgram,Forensic component database}"; Flags: nowait postinstall skipifsilent
