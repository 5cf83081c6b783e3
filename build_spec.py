# PyInstaller spec of the Windows build (it builds on Linux too, for CI's self-test):
#
#     uv run pyinstaller --noconfirm --clean DeskBooking.spec
#     uv run python build_spec.py          # the same build
#
# PyInstaller takes only a file named *.spec for a spec; DeskBooking.spec is a stub that runs
# this file. (`pyinstaller build_spec.py` would instead bundle this file as if it were the app's
# script, into dist/build_spec/.)
#
# Result: dist/DeskBooking/ (onedir) with two executables over one shared _internal/ folder:
#   DeskBooking(.exe)        windowed, what the desk's shortcut starts;
#   DeskBooking-debug(.exe)  the same program with a console: tracebacks are visible, and
#                            `DeskBooking-debug --self-test` prints its report there.
# Onedir (not onefile): starts fast and is not unpacked into %TEMP% on every start. No UPX: it
# saves little on Qt and makes antivirus software flag the exe. See docs/WINDOWS_BUILD.md.
#
# Set DESKBOOKING_BUILD_UNTRIMMED=1 to skip the file filter below (to rule it out when a
# build misbehaves); the module excludes still apply.
#
# This file is executed by PyInstaller, which provides Analysis, PYZ, EXE, COLLECT and SPECPATH;
# the imports below are the same objects, so linters and plain `compile()` are happy too.
# Keep it portable: sys.platform checks, os.path joins, no absolute or Linux-only paths.

import os
import re
import shutil
import sys

from PyInstaller.building.api import COLLECT, EXE, PYZ
from PyInstaller.building.build_main import Analysis

ROOT = os.path.abspath(globals().get("SPECPATH") or os.path.dirname(os.path.abspath(__file__)))
APP_NAME = "DeskBooking"
IS_WINDOWS = sys.platform == "win32"
IS_LINUX = sys.platform.startswith("linux")
# Linux only (CI's build): symbols out of libpython and friends, ~30 MB. Never on Windows (no
# strip there; it would damage signed DLLs) nor macOS (code signatures).
STRIP = IS_LINUX and shutil.which("strip") is not None
UNTRIMMED = os.environ.get("DESKBOOKING_BUILD_UNTRIMMED", "").strip() not in ("", "0")

# Python modules never bundled: other Qt bindings, Tk, and the Qt modules the app does not use.
# QtPrintSupport, QtWidgets, QtGui, QtCore, QtNetwork (a single-instance QLocalServer is
# planned) and QtSvg stay. Printing needs its module AND its plugin: without them no printers
# are listed, so it must never appear here (tests/bundle/test_selftest.py checks).
EXCLUDES = [
    "PyQt5",
    "PyQt6",
    "PySide2",
    "tkinter",
    "_tkinter",
    "PySide6.QtQml",
    "PySide6.QtQuick",
    "PySide6.QtQuick3D",
    "PySide6.QtQuickControls2",
    "PySide6.QtQuickTest",
    "PySide6.QtQuickWidgets",
    "PySide6.QtWebEngineCore",
    "PySide6.QtWebEngineWidgets",
    "PySide6.QtWebEngineQuick",
    "PySide6.QtWebChannel",
    "PySide6.QtWebSockets",
    "PySide6.Qt3DCore",
    "PySide6.Qt3DRender",
    "PySide6.Qt3DInput",
    "PySide6.Qt3DLogic",
    "PySide6.Qt3DAnimation",
    "PySide6.Qt3DExtras",
    "PySide6.QtMultimedia",
    "PySide6.QtMultimediaWidgets",
    "PySide6.QtSpatialAudio",
    "PySide6.QtSql",
    "PySide6.QtTest",
    "PySide6.QtBluetooth",
    "PySide6.QtNfc",
    "PySide6.QtPositioning",
    "PySide6.QtLocation",
    "PySide6.QtSensors",
    "PySide6.QtSerialPort",
    "PySide6.QtSerialBus",
    "PySide6.QtCharts",
    "PySide6.QtDataVisualization",
    "PySide6.QtGraphs",
    "PySide6.QtPdf",
    "PySide6.QtPdfWidgets",
    "PySide6.QtDesigner",
    "PySide6.QtHelp",
    "PySide6.QtUiTools",
    "PySide6.QtOpenGL",
    "PySide6.QtOpenGLWidgets",
    "PySide6.QtScxml",
    "PySide6.QtStateMachine",
    "PySide6.QtRemoteObjects",
    "PySide6.QtTextToSpeech",
    "PySide6.QtConcurrent",
    "PySide6.QtXml",
    # Pulled in only by httpx's optional command line tool (httpx falls back when it is absent).
    "pygments",
    "rich",
    # Packaging tools (reached through PyInstaller's setuptools hook), docs data for help().
    "setuptools",
    "pkg_resources",
    "_distutils_hack",
    "distutils",
    "pydoc_data",
    # Development tools that must never reach a desk.
    "pytest",
    "_pytest",
    "pytestqt",
    "hypothesis",
    "trustme",
    "PyInstaller",
]

# Linux only (CI's build), to keep it close to what Windows bundles: the Secret Service keyring
# backend and the ~12 MB of `cryptography` it needs do not exist on Windows (the token goes to
# Windows Credential Manager there); without them a Linux build keeps the token in memory only,
# which the app already handles as "no credential store".
LINUX_EXCLUDES = [
    "secretstorage",
    "jeepney",
    "cryptography",
]

# Collected files dropped after analysis, matched against the bundle path with "/" separators.
# Qt's layout differs per OS (Windows wheels have no "Qt/" level), hence the optional group.
# Each rule was checked with the self-test (tools/build_and_selftest.sh).
DROP_PATTERNS = [
    # Qt's own translations: only Russian qtbase (standard buttons and dialogs) is used.
    r"^PySide6/(Qt/)?translations/(?!qtbase_ru\b)[^/]+$",
    # QML runtime files: the app is pure widgets.
    r"^PySide6/(Qt/)?qml/",
    # Mesa's software OpenGL for Windows (~20 MB): widgets paint with the raster engine.
    r"(^|/)opengl32sw\.dll$",
    # Plugins for Wayland compositors, EGL/KMS consoles, VNC and Qt Quick tooling: a desk runs
    # Windows (qwindows) or, for CI, offscreen/xcb.
    r"^PySide6/(Qt/)?plugins/(wayland-[^/]+|egldeviceintegrations|qmltooling|qmllint"
    r"|designer|sqldrivers|networkinformation)/",
    r"^PySide6/(Qt/)?plugins/platforms/[^/]*(wayland|eglfs|linuxfb|minimalegl|vnc|vkkhrdisplay)",
    # ... and the Linux libraries only those plugins load (Windows has no such files).
    r"^PySide6/(Qt/)?lib/libQt6(WaylandClient|WlShellIntegration|EglFSDeviceIntegration"
    r"|EglFsKmsSupport|OpenGL)\.so",
    # Image formats the app never reads (its pictures are PNG, built into QtGui).
    r"^PySide6/(Qt/)?plugins/imageformats/[^/]*(pdf|tiff|webp|gif|tga|wbmp|icns|jpeg)[^/]*$",
]

# Linux only: the GTK 3 theme plugin (it needs GTK, ~8 MB of libraries once collected; without
# it Qt draws its own Fusion style) and the GL integrations of xcb (widgets paint in software).
LINUX_DROP_PATTERNS = [
    r"^PySide6/Qt/plugins/platformthemes/[^/]*gtk3[^/]*$",
    r"^PySide6/Qt/plugins/xcbglintegrations/",
]


def _version_tuple(text):
    numbers = [int(n) for n in re.findall(r"\d+", text)[:4]]
    return tuple(numbers + [0] * (4 - len(numbers)))


def _app_version():
    """``desktop_app.__version__`` read as text: the spec must not import the app."""
    path = os.path.join(ROOT, "desktop_app", "__init__.py")
    with open(path, encoding="utf-8") as handle:
        match = re.search(r"""^__version__\s*=\s*["']([^"']+)["']""", handle.read(), re.M)
    return match.group(1) if match else "0.0.0"


def _windows_version_info(version):
    """The exe's Properties -> Details tab. PyInstaller ignores ``version=`` off Windows."""
    from PyInstaller.utils.win32 import versioninfo as vi  # needs pefile: Windows only

    numbers = _version_tuple(version)
    dotted = ".".join(str(n) for n in numbers)
    strings = [
        vi.StringStruct("CompanyName", APP_NAME),
        vi.StringStruct("FileDescription", "Запись вне расписания — регистратура"),
        vi.StringStruct("FileVersion", dotted),
        vi.StringStruct("InternalName", APP_NAME),
        vi.StringStruct("LegalCopyright", APP_NAME),
        vi.StringStruct("OriginalFilename", APP_NAME + ".exe"),
        vi.StringStruct("ProductName", APP_NAME),
        vi.StringStruct("ProductVersion", version),
    ]
    return vi.VSVersionInfo(
        ffi=vi.FixedFileInfo(
            filevers=numbers,
            prodvers=numbers,
            mask=0x3F,
            flags=0x0,
            OS=0x40004,
            fileType=0x1,
            subtype=0x0,
            date=(0, 0),
        ),
        kids=[
            # 0x0419 Russian, code page 1200 (UTF-16).
            vi.StringFileInfo([vi.StringTable("041904B0", strings)]),
            vi.VarFileInfo([vi.VarStruct("Translation", [0x0419, 1200])]),
        ],
    )


#: Qt's own translations the app loads (desktop_app/i18n: the Russian UI loads qtbase_ru for
#: context menus, print and file dialogs, standard buttons). PyInstaller's Qt hooks collect Qt's
#: translation folder as well; naming the file here keeps it in the build whatever those hooks
#: do, and DROP_PATTERNS removes every other catalogue. English is Qt's source language: no
#: qtbase_en is needed.
QT_TRANSLATIONS = ["qtbase_ru.qm"]


def _qt_translation_datas():
    """(file, bundle folder) for QT_TRANSLATIONS, from PySide6's folder, found without
    importing Qt: ``PySide6/Qt/translations`` (Linux and macOS wheels) or
    ``PySide6/translations`` (Windows wheels); the bundle keeps the same layout, which is where
    desktop_app.i18n looks (QLibraryInfo, then the bundle's copies)."""
    import importlib.util

    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        print("build_spec: PySide6 not found; Qt's translations are not bundled")
        return []
    package = next(iter(spec.submodule_search_locations))
    found = []
    for sub in (("Qt", "translations"), ("translations",)):
        folder = os.path.join(package, *sub)
        for name in QT_TRANSLATIONS:
            path = os.path.join(folder, name)
            if os.path.isfile(path):
                found.append((path, os.path.join("PySide6", *sub)))
        if found:
            return found
    print(f"build_spec: {', '.join(QT_TRANSLATIONS)} not found under {package}")
    return []


def _datas():
    datas = _qt_translation_datas()
    resources = os.path.join(ROOT, "resources")
    if os.path.isdir(resources):
        for name in sorted(os.listdir(resources)):
            path = os.path.join(resources, name)
            # README screenshots are documentation, not something the app reads.
            if os.path.isfile(path):
                datas.append((path, "resources"))
    i18n = os.path.join(ROOT, "desktop_app", "i18n")
    if os.path.isdir(i18n):
        qm_files = [n for n in os.listdir(i18n) if n.endswith(".qm")]
        if qm_files:
            datas.append((os.path.join(i18n, "*.qm"), os.path.join("desktop_app", "i18n")))
    return datas


def _dest(entry):
    return entry[0].replace("\\", "/")


def _symlink_target(entry):
    """Bundle path a SYMLINK entry points at (its source is relative to the link's folder)."""
    return os.path.normpath(os.path.join(os.path.dirname(entry[0]), entry[1])).replace("\\", "/")


def _linux_orphans(kept, dropped):
    """Linux: shared libraries that only the dropped files linked against (GTK for the GTK
    theme, EGL/Wayland for those plugins, ...). A library some kept file still needs stays,
    and so does everything PyInstaller collected for any other reason."""
    from PyInstaller.depend.bindepend import get_imports

    def closure(paths):
        seen, stack = set(), list(paths)
        while stack:
            path = stack.pop()
            if path in seen:
                continue
            seen.add(path)
            for _name, dep in get_imports(path):
                if dep:
                    stack.append(os.path.realpath(dep))
        return seen

    def sources(entries):
        return {os.path.realpath(e[1]) for e in entries if e[2] in ("BINARY", "EXTENSION")}

    candidates = closure(sources(dropped)) - sources(dropped)
    roots = {path for path in sources(kept) if path not in candidates}
    needed = closure(roots)
    return {
        _dest(e) for e in kept if e[2] == "BINARY" and os.path.realpath(e[1]) in candidates - needed
    }


def _trim(binaries, datas):
    """Drop DROP_PATTERNS (plus, on Linux, what only they needed) and links left dangling."""
    if UNTRIMMED:
        return binaries, datas
    rules = [
        re.compile(pattern) for pattern in DROP_PATTERNS + (LINUX_DROP_PATTERNS if IS_LINUX else [])
    ]
    everything = list(binaries) + list(datas)
    dropped = [e for e in everything if any(rule.search(_dest(e)) for rule in rules)]
    gone = {_dest(e) for e in dropped}
    if IS_LINUX:
        try:
            gone |= _linux_orphans([e for e in everything if _dest(e) not in gone], dropped)
        except Exception as exc:  # a size optimisation must never break the build
            print(f"build_spec: orphan check skipped: {exc!r}")
    # Links into dropped files (e.g. top-level libQt6*.so.6 -> PySide6/Qt/lib/...).
    for entry in everything:
        if entry[2] == "SYMLINK" and _symlink_target(entry) in gone:
            gone.add(_dest(entry))
    result = []
    for label, toc in (("binaries", binaries), ("datas", datas)):
        kept = [e for e in toc if _dest(e) not in gone]
        print(f"build_spec: {label}: dropped {len(toc) - len(kept)} of {len(toc)} files")
        result.append(kept)
    return result[0], result[1]


def _build_as_script():
    """``python build_spec.py``: the same build as ``pyinstaller --noconfirm --clean
    DeskBooking.spec`` — PyInstaller's own entry point on the stub, which runs this file again
    as the spec, with the globals only PyInstaller provides (workpath, DISTPATH, SPECPATH, ...).
    Extra arguments go to PyInstaller (e.g. ``--log-level WARN``)."""
    import PyInstaller.__main__

    stub = os.path.join(ROOT, APP_NAME + ".spec")
    PyInstaller.__main__.run(["--noconfirm", "--clean", *sys.argv[1:], stub])


if __name__ == "__main__" and "SPECPATH" not in globals():
    _build_as_script()
    sys.exit(0)

VERSION = _app_version()
ICON = os.path.join(ROOT, "resources", "app.ico")
ICON = [ICON] if IS_WINDOWS and os.path.isfile(ICON) else None
VERSION_INFO = _windows_version_info(VERSION) if IS_WINDOWS else None

a = Analysis(
    [os.path.join(ROOT, "desktop_app", "__main__.py")],
    pathex=[ROOT],
    binaries=[],
    datas=_datas(),
    hiddenimports=[],
    hookspath=[],
    hooksconfig={},
    runtime_hooks=[],
    excludes=EXCLUDES + (LINUX_EXCLUDES if IS_LINUX else []),
    noarchive=False,
    optimize=0,
)
a.binaries, a.datas = _trim(a.binaries, a.datas)

pyz = PYZ(a.pure)


def _exe(name, console):
    return EXE(
        pyz,
        a.scripts,
        [],
        exclude_binaries=True,
        name=name,
        debug=False,
        bootloader_ignore_signals=False,
        strip=STRIP,
        upx=False,
        console=console,
        disable_windowed_traceback=False,
        icon=ICON,
        version=VERSION_INFO,
    )


exe_windowed = _exe(APP_NAME, console=False)
exe_debug = _exe(APP_NAME + "-debug", console=True)

coll = COLLECT(
    exe_windowed,
    exe_debug,
    a.binaries,
    a.datas,
    strip=STRIP,
    upx=False,
    upx_exclude=[],
    name=APP_NAME,
)
