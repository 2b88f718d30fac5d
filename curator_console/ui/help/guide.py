"""Help → User guide: ``docs/user-guide.md`` (or the guide in the interface's language) rendered
in a dialog. Images are read relative to the guide's folder (``docs/images/…``) and shrunk to the
reading width; web links open in the browser."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QEvent, QLocale, Qt, QUrl
from PySide6.QtGui import QDesktopServices, QImage, QTextDocument
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QTextBrowser, QVBoxLayout, QWidget

from curator_console import paths
from curator_console.ui import formatting as fmt

MAX_IMAGE_WIDTH = 860  # logical pixels: screenshots are taken at 1440 wide


def current_language() -> str:
    """The interface language now in use (``i18n.apply_language`` sets the default locale)."""
    return "zh_CN" if QLocale().language() == QLocale.Language.Chinese else "en"


class GuideBrowser(QTextBrowser):
    """A text browser whose images come from the guide's folder, no wider than the text."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.folder: Path | None = None

    def loadResource(self, kind: int, url: QUrl):
        if kind == QTextDocument.ResourceType.ImageResource and self.folder is not None:
            path = Path(url.toLocalFile()) if url.isLocalFile() else self.folder / url.toString()
            if path.is_file():
                image = QImage(str(path))
                if not image.isNull():
                    if image.width() > MAX_IMAGE_WIDTH:
                        image = image.scaledToWidth(MAX_IMAGE_WIDTH, Qt.TransformationMode.SmoothTransformation)
                    return image
        return super().loadResource(kind, url)


class UserGuideDialog(QDialog):
    def __init__(self, language: str | None = None, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("userGuideDialog")
        self.language = language or current_language()
        self.path: Path | None = None
        self.browser = GuideBrowser()
        self.browser.setObjectName("userGuideBrowser")
        self.browser.setOpenLinks(False)
        self.browser.anchorClicked.connect(self._link)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(buttons)
        self.resize(MAX_IMAGE_WIDTH + 120, 760)
        self.retranslate()
        self.load(paths.user_guide_path(self.language))

    def retranslate(self) -> None:
        self.setWindowTitle(self.tr("User guide"))
        self.browser.setAccessibleName(self.tr("User guide"))

    def load(self, path: Path) -> None:
        self.path = path
        self.browser.folder = path.parent
        try:
            text = path.read_text(encoding="utf-8")
        except OSError as exc:
            self.browser.setPlainText(fmt.arg(self.tr("The user guide could not be read (%1): %2"), path, exc))
            return
        self.browser.setSearchPaths([str(path.parent)])
        self.browser.document().setBaseUrl(QUrl.fromLocalFile(str(path.parent) + "/"))
        self.browser.setMarkdown(text)

    def _link(self, url: QUrl) -> None:
        if url.scheme() in ("http", "https", "mailto"):
            QDesktopServices.openUrl(url)
        elif url.hasFragment() and not url.path():
            self.browser.scrollToAnchor(url.fragment())
        else:
            target = url if url.isLocalFile() else QUrl.fromLocalFile(str((self.browser.folder or Path()) / url.path()))
            QDesktopServices.openUrl(target)

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
