@echo off
rem kaoping launcher for Windows (best effort; bin/kaoping is the reference, see the comments there).
rem Runs target\kaoping.jar extracted beside it, with the current folder as the kaoping home, every argument passed
rem through, and exits with kaoping's exit code. Java: KAOPING_JAVA (a java.exe or a JDK folder), else JAVA_HOME,
rem else java on the PATH. On JDK 25+ an AOT cache, on JDK 19-24 an AppCDS archive, beside the extracted application,
rem made by the first "run" or "check" that finds none (JDK 19-24: kept up to date by the JVM itself).
rem KAOPING_OPTS / JAVA_OPTS: extra JVM options (e.g. -Xmx512m). KAOPING_CDS=0: no archive. KAOPING_DEBUG=1: say what is used.
setlocal EnableExtensions EnableDelayedExpansion

set "KP_ROOT=%~dp0.."
for %%i in ("%KP_ROOT%") do set "KP_ROOT=%%~fi"
if not defined KAOPING_JAR set "KAOPING_JAR=%KP_ROOT%\target\kaoping.jar"
if not exist "%KAOPING_JAR%" (
  echo kaoping: %KAOPING_JAR% not found; build it first: mvnw.cmd -B -q package -DskipTests 1>&2
  exit /b 1
)

rem --- java ---
set "KP_JAVA="
if defined KAOPING_JAVA (
  if exist "%KAOPING_JAVA%\bin\java.exe" (set "KP_JAVA=%KAOPING_JAVA%\bin\java.exe") else set "KP_JAVA=%KAOPING_JAVA%"
) else if defined JAVA_HOME (
  set "KP_JAVA=%JAVA_HOME%\bin\java.exe"
) else (
  for %%j in (java.exe) do set "KP_JAVA=%%~$PATH:j"
)
if not defined KP_JAVA (
  echo kaoping: no java found; install JDK 17 or newer, or set JAVA_HOME 1>&2
  exit /b 1
)

rem major version from the JDK's release file, else from java -version
set "KP_VER="
for %%j in ("%KP_JAVA%") do set "KP_REL=%%~dpj..\release"
if exist "%KP_REL%" (
  for /f "tokens=2 delims==" %%v in ('findstr /b "JAVA_VERSION=" "%KP_REL%"') do set "KP_V=%%~v"
) else (
  for /f "tokens=3" %%v in ('"%KP_JAVA%" -version 2^>^&1 ^| findstr /i "version"') do set "KP_V=%%~v"
)
for /f "tokens=1,2 delims=." %%a in ("%KP_V%") do (
  if "%%a"=="1" (set "KP_VER=%%b") else set "KP_VER=%%a"
)
for /f "delims=-+" %%a in ("%KP_VER%") do set "KP_VER=%%a"
if not defined KP_VER set "KP_VER=0"
if defined KAOPING_DEBUG echo kaoping launcher: java %KP_JAVA% (major %KP_VER%) 1>&2

set "KP_OPTS=-XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:ReservedCodeCacheSize=256m %JAVA_OPTS% %KAOPING_OPTS%"

rem --- the extracted application (re-extracted when the jar changes: its time and size are recorded) ---
for %%i in ("%KAOPING_JAR%") do (
  set "KP_JARDIR=%%~dpi"
  set "KP_STAMPVAL=%%~ti %%~zi"
)
if not defined KAOPING_APP_DIR set "KAOPING_APP_DIR=%KP_JARDIR%kaoping-app"
set "KP_APP=%KAOPING_APP_DIR%"
set "KP_OLDSTAMP="
if exist "%KP_APP%\.extracted" set /p KP_OLDSTAMP=<"%KP_APP%\.extracted"
if not "%KP_OLDSTAMP%"=="%KP_STAMPVAL%" (
  if defined KAOPING_DEBUG echo kaoping launcher: extracting %KAOPING_JAR% to %KP_APP% 1>&2
  if exist "%KP_APP%" rmdir /s /q "%KP_APP%"
  "%KP_JAVA%" -Djarmode=tools -jar "%KAOPING_JAR%" extract --destination "%KP_APP%" >nul 2>&1
  if errorlevel 1 goto plain
  >"%KP_APP%\.extracted" echo %KP_STAMPVAL%
)
if not exist "%KP_APP%\kaoping.jar" goto plain

rem Spring AOT bean definitions built into the jar (pom.xml, process-aot)
if not "%KAOPING_SPRING_AOT%"=="0" findstr /m /c:"__ApplicationContextInitializer" "%KP_APP%\kaoping.jar" >nul 2>&1 && set "KP_OPTS=%KP_OPTS% -Dspring.aot.enabled=true"

rem --- class-data archive ---
set "KP_CDS="
if "%KAOPING_CDS%"=="0" goto launch
if %KP_VER% GEQ 25 (
  set "KP_ARCH=%KP_APP%\kaoping-jdk%KP_VER%.aot"
  if exist "!KP_ARCH!" (
    set "KP_CDS=-XX:AOTCache=!KP_ARCH! -Xlog:aot=off -Xlog:cds=off"
  ) else if /i "%~1"=="run" (
    set "KP_CDS=-XX:AOTCacheOutput=!KP_ARCH! -Xlog:aot=off -Xlog:cds=off"
  ) else if /i "%~1"=="check" (
    set "KP_CDS=-XX:AOTCacheOutput=!KP_ARCH! -Xlog:aot=off -Xlog:cds=off"
  )
) else if %KP_VER% GEQ 19 (
  set "KP_CDS=-XX:SharedArchiveFile=%KP_APP%\kaoping-jdk%KP_VER%.jsa -XX:+AutoCreateSharedArchive -Xlog:cds=off -Xlog:cds+dynamic=off"
)
if defined KAOPING_DEBUG echo kaoping launcher: archive options %KP_CDS% 1>&2

:launch
"%KP_JAVA%" %KP_OPTS% %KP_CDS% -jar "%KP_APP%\kaoping.jar" %*
exit /b %ERRORLEVEL%

:plain
"%KP_JAVA%" %KP_OPTS% -jar "%KAOPING_JAR%" %*
exit /b %ERRORLEVEL%
