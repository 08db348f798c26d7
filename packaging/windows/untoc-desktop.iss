; Inno Setup 6 script of the Windows installer (not built on the Linux development machine:
; see packaging/README.md and packaging/ci/github-packages.yml).
;
;   pyinstaller --noconfirm --distpath dist --workpath build\pyinstaller packaging\untoc-desktop.spec
;   iscc /DAppVersion=0.1.0 packaging\windows\untoc-desktop.iss
;
; It installs the whole PyInstaller folder dist\untoc-desktop\ (the same files as the Linux
; bundle: packaging/bundle_data.py), the window program untoc-desktop.exe and the console
; command untoc.exe, a Start menu entry, and the .untoc file association (double-click opens a
; draft). Drafts, backups, settings and imported definitions live in the user's folders
; (%LOCALAPPDATA%\untoc_desktop, registry settings), never in {app}: updates and uninstalls keep them.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "UNTOC Desktop"
#define AppExe "untoc-desktop.exe"
#define ProgId "UntocDesktop.Draft"

[Setup]
AppId={{6C1F2A9E-3B7D-4E58-9A41-0D2C7E5B8F13}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=untoc_desktop developers
DefaultDirName={autopf}\UNTOC Desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
OutputDir=..\..\dist
OutputBaseFilename=untoc-desktop_{#AppVersion}_windows-x64-setup
SetupIconFile=untoc-desktop.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ChangesAssociations=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"
Name: "french"; MessagesFile: "compiler:Languages\French.isl"
Name: "spanish"; MessagesFile: "compiler:Languages\Spanish.isl"
Name: "russian"; MessagesFile: "compiler:Languages\Russian.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[Files]
Source: "..\..\dist\untoc-desktop\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Registry]
Root: HKA; Subkey: "Software\Classes\.untoc"; ValueType: string; ValueName: ""; ValueData: "{#ProgId}"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.untoc"; ValueType: string; ValueName: "Content Type"; ValueData: "application/x-untoc-draft"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\.untoc\OpenWithProgids"; ValueType: string; ValueName: "{#ProgId}"; ValueData: ""; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\{#ProgId}"; ValueType: string; ValueName: ""; ValueData: "UNTOC Review Mechanism draft"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\{#ProgId}\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExe},0"
Root: HKA; Subkey: "Software\Classes\{#ProgId}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExe}"" ""%1"""
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExe}\SupportedTypes"; ValueType: string; ValueName: ".untoc"; ValueData: ""; Flags: uninsdeletekey

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
