@echo off
rem Stop tongban starting at login for this Windows user and remove the copy
rem install-autostart.cmd made. The data in %APPDATA%\Tongban is kept.
setlocal
set "DEST=%LOCALAPPDATA%\Programs\Tongban"
reg delete "HKCU\Software\Microsoft\Windows\CurrentVersion\Run" /v Tongban /f >nul 2>&1
taskkill /im tongban.exe /f >nul 2>&1
del /q "%APPDATA%\Microsoft\Windows\Start Menu\Programs\Tongban.lnk" >nul 2>&1
if exist "%DEST%\tongban.exe" del /q "%DEST%\tongban.exe"
if exist "%DEST%\tongban-cli.exe" del /q "%DEST%\tongban-cli.exe"
if exist "%DEST%" rmdir "%DEST%" >nul 2>&1
echo Tongban no longer starts at login and is removed from %DEST%.
echo Its data in %APPDATA%\Tongban is kept.
endlocal
