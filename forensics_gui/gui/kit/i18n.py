"""The interface's language: English, Ukrainian, or the system's.

Every text the interface shows passes through `translate(context, text)` with a literal
context (one per module; `lupdate` reads both from the source). Translations live in
`assets/translations/<area>_<language>.ts` (Qt Linguist files, kept in the repository) and are
compiled to `.qm` files beside them (`python3 installer/translations.py`). At start the files of
the chosen language are loaded, with Qt's own translations of its standard dialogs.

What people recorded is never translated: handling markings, part numbers, names, notes.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator

from forensics_gui.core.resources import asset_path

SETTING = "interface/language"
SYSTEM = "system"
# The languages the interface ships in: code -> its own name.
LANGUAGES = {"en": "English", "uk": "Українська"}
_installed: list[QTranslator] = []


def translate(context: str, text: str) -> str:
    """`text` in the interface's language (itself when there is no translation)."""
    return QCoreApplication.translate(context, text)


def chosen(settings: QSettings) -> str:
    """The language setting: 'system' or a code of `LANGUAGES`."""
    value = str(settings.value(SETTING, SYSTEM) or SYSTEM)
    return value if value == SYSTEM or value in LANGUAGES else SYSTEM


def resolve(choice: str, system: QLocale | None = None) -> str:
    """The language to show for a setting: the system's when it is one the interface ships
    in, else English."""
    if choice in LANGUAGES:
        return choice
    for name in (system or QLocale.system()).uiLanguages():
        code = name.replace("_", "-").split("-")[0].lower()
        if code in LANGUAGES:
            return code
    return "en"


def translation_files(language: str) -> list[Path]:
    """The compiled translations of the interface in `language`."""
    folder = asset_path("translations")
    return sorted(folder.glob(f"*_{language}.qm")) if folder.is_dir() else []


def install(app: QCoreApplication, settings: QSettings) -> str:
    """Load the translations of the language the settings choose; returns its code."""
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    language = resolve(chosen(settings))
    if language == "en":
        return language
    files = [*translation_files(language)]
    qt_own = Path(QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath))
    files += [qt_own / f"qtbase_{language}.qm"]
    for path in files:
        translator = QTranslator(app)
        if path.is_file() and translator.load(str(path)):
            app.installTranslator(translator)
            _installed.append(translator)
    return language
