# Build the Windows set-up on a Windows machine (see README.md beside this file).
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
# Needs: Python 3.11+ (x64) on PATH, Inno Setup 6 (iscc.exe) on PATH or in its default folder.
$ErrorActionPreference = "Stop"
$root = Resolve-Path "$PSScriptRoot\..\.."
Set-Location $root

python -m venv .venv-win
.\.venv-win\Scripts\python -m pip install --upgrade pip
.\.venv-win\Scripts\python -m pip install -e ".[gui,dist]"
$version = .\.venv-win\Scripts\python -c "import tomllib; print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])"

.\.venv-win\Scripts\pyinstaller --noconfirm --clean --distpath dist --workpath build\pyinstaller installer\courtapp.spec
# The bundle must pass its smoke test before it is packaged.
& dist\courtapp\courtapp-cli.exe --smoke-test
if ($LASTEXITCODE -ne 0) { throw "smoke test failed" }

$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\courtapp.iss
if ($LASTEXITCODE -ne 0) { throw "iscc failed" }
Write-Host "dist\courtapp-$version-setup.exe"
