; courtapp for Windows: Inno Setup 6 script (built on Windows; see installer/windows/README.md).
;
;   iscc /DAppVersion=0.1.0 installer\windows\courtapp.iss
;
; build.ps1 beside this file reads the version from pyproject.toml, builds the
; PyInstaller bundle (dist\courtapp) and runs iscc.  Output: dist\courtapp-<version>-setup.exe
;
; - Per user or for all users: the set-up asks (or /CURRENTUSER, /ALLUSERS on the
;   command line).  Per user needs no administrator rights.
; - Start-menu entries for the app and the uninstaller; an optional desktop icon.
; - Upgrade in place: the same AppId finds the installed copy; the program folder
;   is replaced (old files removed first), while the user's data is never
;   touched, because none of it lives in the program folder:
;     %LOCALAPPDATA%\courtapp          the local database, this desk's signing key,
;                                       courtapp.toml and pgpass (the set-up's answers)
;     %LOCALAPPDATA%\courtapp\Logs     log files and crash reports
;     %APPDATA%\courtapp\courtapp.ini  the interface settings (language, window)
;   The uninstaller leaves them too: a reinstall finds the desk as it was.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z courtapp.iss (build.ps1 reads pyproject.toml)
#endif
#define AppName "courtapp"
#define Root "..\.."

[Setup]
; Never change the AppId: it is how an upgrade finds the installed copy.
AppId={{6F3C2B7E-9A1D-4C55-8E0B-7D2A4F1C9E31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=courtapp developers
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per user ({localappdata}\Programs) or all users ({commonpf}): asked at start.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
SetupIconFile={#Root}\resources\icons\courtapp.ico
UninstallDisplayIcon={app}\courtapp.exe
UninstallDisplayName={#AppName} {#AppVersion}
OutputDir={#Root}\dist
OutputBaseFilename={#AppName}-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; A running courtapp is closed (and reopened) by the Restart Manager during an upgrade.
CloseApplications=yes
RestartApplications=no
UsePreviousAppDir=yes
UsePreviousPrivileges=yes

[Languages]
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
Name: "en"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
zh_CN.LaunchApp=启动 courtapp
en.LaunchApp=Start courtapp
zh_CN.UninstallApp=卸载 courtapp
en.UninstallApp=Uninstall courtapp

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade starts from a clean program folder: a file of the old version left
; behind (an old migration, an old library) must not be picked up by the new one.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#Root}\dist\courtapp\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{group}\{#AppName}"; Filename: "{app}\courtapp.exe"; WorkingDir: "{userdocs}"
Name: "{group}\{cm:UninstallApp}"; Filename: "{uninstallexe}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\courtapp.exe"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\courtapp.exe"; Description: "{cm:LaunchApp}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only the program folder; the user's data (see the top of this file) stays.
Type: filesandordirs; Name: "{app}\_internal"
