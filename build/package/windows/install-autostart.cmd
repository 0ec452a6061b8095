@echo off
rem Install tongban for this Windows user and start it at every login.
rem Copies tongban.exe and tongban-cli.exe (next to this file) to
rem %LOCALAPPDATA%\Programs\Tongban, adds tongban.exe to HKCU\...\Run (Task
rem Manager > Startup can turn it off) and puts a "Tongban" shortcut in the
rem Start menu. Run it again to update.
rem This file is ASCII on purpose: cmd.exe reads .cmd files in the console's
rem code page, so Chinese text here would come out garbled. See README.txt.
setlocal
set "SRC=%~dp0tongban.exe"
set "DEST=%LOCALAPPDATA%\Programs\Tongban"
if not exist "%SRC%" (
  echo tongban.exe must be in the same folder as this file: %~dp0
  exit /b 1
)
taskkill /im tongban.exe /f >nul 2>&1
if not exist "%DEST%" mkdir "%DEST%"
copy /y "%SRC%" "%DEST%\tongban.exe" >nul
if errorlevel 1 (
  echo Could not copy tongban.exe to %DEST%. Close tongban and run this again.
  exit /b 1
)
if exist "%~dp0tongban-cli.exe" copy /y "%~dp0tongban-cli.exe" "%DEST%\tongban-cli.exe" >nul
reg add "HKCU\Software\Microsoft\Windows\CurrentVersion\Run" /v Tongban /t REG_SZ /d "\"%DEST%\tongban.exe\"" /f >nul
if errorlevel 1 (
  echo Could not add tongban to the programs that start at login.
  exit /b 1
)
powershell -NoProfile -ExecutionPolicy Bypass -Command "$l = (New-Object -ComObject WScript.Shell).CreateShortcut([Environment]::GetFolderPath('Programs') + '\Tongban.lnk'); $l.TargetPath = '%DEST%\tongban.exe'; $l.WorkingDirectory = '%DEST%'; $l.Save()" >nul 2>&1
if errorlevel 1 echo Note: no Start menu shortcut was made; tongban still starts at login.
echo Tongban is installed in %DEST% and starts at every login of %USERNAME%.
echo Turn that off with uninstall-autostart.cmd, or in Task Manager, Startup.
endlocal
