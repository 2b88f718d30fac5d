"""The Collection filter bar: period / dynasty, classification, tag and "has image" menus.

Menus are filled from ``services.collection.facets`` (most used values first); ``changed`` fires
when any menu changes, and ``current()`` is the ``CollectionFilter`` they describe.
"""

from __future__ import annotations

from collections.abc import Sequence

from PySide6.QtCore import QEvent, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QSizePolicy, QToolButton, QWidget

from curator_console.domain.search import CollectionFilter


class FilterBar(QWidget):
    changed = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("collectionFilters")
        self.label = QLabel()
        self.period = self._combo("periodFilter")
        self.classification = self._combo("classificationFilter")
        self.tag = self._combo("tagFilter")
        self.image = self._combo("imageFilter")
        self.clear_button = QToolButton()
        self.clear_button.setObjectName("clearFilters")
        self.clear_button.setAutoRaise(True)
        self.clear_button.clicked.connect(self.clear)
        self.clear_button.hide()
        self._values: dict[str, list[str]] = {"period": [], "classification": [], "tag": []}
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(6)
        layout.addWidget(self.label)
        for combo in (self.period, self.classification, self.tag, self.image):
            layout.addWidget(combo)
        layout.addWidget(self.clear_button)
        layout.addStretch(1)
        self.retranslate()

    def _combo(self, name: str) -> QComboBox:
        combo = QComboBox()
        combo.setObjectName(name)
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToContents)
        combo.setMaximumWidth(combo.fontMetrics().horizontalAdvance("M") * 20)
        combo.setMaxVisibleItems(20)
        combo.setSizePolicy(QSizePolicy.Policy.Preferred, QSizePolicy.Policy.Fixed)
        combo.currentIndexChanged.connect(self._changed)
        return combo

    def retranslate(self) -> None:
        self.label.setText(self.tr("Filter:"))
        self._blocked(lambda: self._fill_all())
        self.image.setToolTip(self.tr("Objects with or without images"))
        self.period.setToolTip(self.tr("Culture, period or dynasty"))
        self.classification.setToolTip(self.tr("Classification"))
        self.tag.setToolTip(self.tr("Tag"))
        self.period.setAccessibleName(self.tr("Period or dynasty filter"))
        self.classification.setAccessibleName(self.tr("Classification filter"))
        self.tag.setAccessibleName(self.tr("Tag filter"))
        self.image.setAccessibleName(self.tr("Image filter"))
        self.clear_button.setText(self.tr("Clear filters"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def _blocked(self, fn) -> None:
        combos = (self.period, self.classification, self.tag, self.image)
        for c in combos:
            c.blockSignals(True)
        try:
            fn()
        finally:
            for c in combos:
                c.blockSignals(False)

    def _fill(self, combo: QComboBox, first: str, values: Sequence[str]) -> None:
        current = combo.currentData()
        combo.clear()
        combo.addItem(first, None)
        for v in values:
            combo.addItem(v, v)
        if current is not None:
            i = combo.findData(current)
            if i < 0:  # keep a chosen value the facets no longer list
                combo.addItem(current, current)
                i = combo.count() - 1
            combo.setCurrentIndex(i)

    def _fill_all(self) -> None:
        self._fill(self.period, self.tr("All periods"), self._values["period"])
        self._fill(self.classification, self.tr("All classifications"), self._values["classification"])
        self._fill(self.tag, self.tr("All tags"), self._values["tag"])
        current = self.image.currentData()
        self.image.clear()
        self.image.addItem(self.tr("With or without images"), None)
        self.image.addItem(self.tr("With images"), True)
        self.image.addItem(self.tr("Without images"), False)
        if current is not None:
            self.image.setCurrentIndex(self.image.findData(current))

    def set_facets(self, facets: dict[str, list[str]]) -> None:
        self._values = {k: list(facets.get(k, [])) for k in ("period", "classification", "tag")}
        self._blocked(self._fill_all)

    def current(self) -> CollectionFilter:
        return CollectionFilter(
            period=self.period.currentData() or "",
            classification=self.classification.currentData() or "",
            tag=self.tag.currentData() or "",
            has_image=self.image.currentData(),
        )

    def set_value(self, which: str, value) -> None:
        """Choose a menu entry by its value (``which``: period, classification, tag, image)."""
        combo = {"period": self.period, "classification": self.classification, "tag": self.tag,
                 "image": self.image}[which]
        i = combo.findData(value)
        if i < 0 and value is not None and which != "image":
            combo.addItem(str(value), value)
            i = combo.count() - 1
        combo.setCurrentIndex(max(0, i))

    def clear(self) -> None:
        self._blocked(lambda: [c.setCurrentIndex(0) for c in (self.period, self.classification, self.tag, self.image)])
        self._changed()

    def _changed(self, *_args) -> None:
        self.clear_button.setVisible(not self.current().empty)
        self.changed.emit()
