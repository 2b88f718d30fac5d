"""One session's review: what it did for the store, in sentences, key figures, charts and tables.

``ReviewDetail.show_result(result, labels)`` shows a ``data.ReviewResult``: the session's facts
(tour, when, order source, baseline), the headline sentences (``review_text.headline_lines`` with
the translated document labels), the key figures in large type, the money problem in plain words
when the orders' currencies cannot be added up (with "Set exchange rate…"), and the tabs: Timeline,
Products (chart and table), Segments (table), Cumulative and Series (with its Same tour / All
sessions toggle). ``set_labels`` (on a language change) says and draws everything again.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import replace
from datetime import tzinfo
from decimal import Decimal

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, Qt, Signal
from PySide6.QtWidgets import (
    QButtonGroup,
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QSizePolicy,
    QSplitter,
    QStackedWidget,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from curator_console.documents import formatting as doc_fmt
from curator_console.documents.labels import with_defaults
from curator_console.documents.review_text import baseline_phrase, headline_lines, lift_cell, lift_sentence, ratio, window_label
from curator_console.domain.review_model import CUSTOM, NEW_SALES, NO_SALES, SeriesPoint, SessionReport
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt
from curator_console.ui.review.charts import ChartPanel
from curator_console.ui.review.data import ReviewResult
from curator_console.ui.review.tables import ProductsModel, SegmentsModel, make_review_table, retranslate_table_actions
from curator_console.ui.sessions_columns import mode_text
from curator_console.ui.workspace import resize_columns

UP = "$up"  # colours of the current palette (appearance.styled fills them in)
DOWN = "$down"
DASH = "—"
SCOPES = ("tour", "museum")

TABS = ("timeline", "products", "segments", "cumulative", "series")
MIN_PRODUCTS_CHART = 300
MIN_SEGMENTS_CHART = 280


def money_whole(value: float, currency: str) -> str:
    """``¥1,373``: an amount in whole currency units, for bar ends and axes."""
    text = fmt.money(Decimal(round(value)), currency)
    return re.sub(re.escape(QLocale().decimalPoint()) + r"\d+", "", text, count=1)


def and_list(items: Sequence[str]) -> str:
    """``CNY, EUR and USD`` in the interface language."""
    if len(items) <= 1:
        return "".join(items)
    head = QCoreApplication.translate("ReviewDetail", ", ", "between the items of a list, e.g. of currencies")
    return fmt.arg(QCoreApplication.translate("ReviewDetail", "%1 and %2", "the last two items of a list"),
                   head.join(items[:-1]), items[-1])


class FigureTile(QFrame):
    """One key figure: the value in large type, what it is under it, and a note (the baseline's)."""

    def __init__(self, key: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(f"figure_{key}")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setProperty("reviewTile", True)
        self.value = QLabel(DASH)
        self.value.setObjectName("figureValue")
        font = self.value.font()
        font.setPointSizeF(font.pointSizeF() * 1.75)
        font.setBold(True)
        self.value.setFont(font)
        self.value.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.caption = QLabel()
        self.caption.setObjectName("figureCaption")
        self.note = QLabel()
        self.note.setObjectName("figureNote")
        self.note.setStyleSheet("color: palette(placeholder-text);")
        small = self.note.font()
        small.setPointSizeF(small.pointSizeF() * 0.92)
        self.note.setFont(small)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(10, 6, 10, 6)
        layout.setSpacing(1)
        layout.addWidget(self.caption)
        layout.addWidget(self.value)
        layout.addWidget(self.note)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    def set(self, value: str, caption: str, note: str = "", color: str = "") -> None:
        self.value.setText(value or DASH)
        appearance.styled(self.value, f"color: {color};" if color else "")
        self.caption.setText(caption)
        self.note.setText(note)
        self.setToolTip(f"{caption}: {value}" + (f" ({note})" if note else ""))


class ReviewDetail(QWidget):
    """See the module docstring. Signals: ``rates_requested`` (Set exchange rate…),
    ``scope_changed(scope)`` (the series toggle), ``tab_changed(name)``."""

    rates_requested = Signal()
    scope_changed = Signal(str)
    tab_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("reviewDetail")
        self.result: ReviewResult | None = None
        self.labels: dict[str, str] = with_defaults(None)
        self.series_points: list[SeriesPoint] | None = None
        self.scope = "tour"
        self._message = ""

        self.stack = QStackedWidget()
        self.message_label = QLabel()
        self.message_label.setObjectName("reviewMessage")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setStyleSheet("color: palette(placeholder-text);")
        self.stack.addWidget(self.message_label)
        self.content = QWidget()
        self.content.setObjectName("reviewContent")
        self.scroll = QScrollArea()
        self.scroll.setObjectName("reviewScroll")
        self.scroll.setWidgetResizable(True)
        self.scroll.setFrameShape(QFrame.Shape.NoFrame)
        self.scroll.setWidget(self.content)
        self.stack.addWidget(self.scroll)

        # --- the session and its headline --------------------------------------------------
        self.title_label = QLabel()
        self.title_label.setObjectName("reviewTitle")
        font = self.title_label.font()
        font.setPointSizeF(font.pointSizeF() * 1.2)
        font.setBold(True)
        self.title_label.setFont(font)
        self.title_label.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Preferred)
        self.title_label.setMinimumWidth(120)
        self.busy_label = QLabel()
        self.busy_label.setObjectName("reviewBusy")
        self.busy_label.setStyleSheet("color: palette(placeholder-text);")
        self.facts_label = QLabel()
        self.facts_label.setObjectName("reviewFacts")
        self.facts_label.setWordWrap(True)
        self.facts_label.setStyleSheet("color: palette(placeholder-text);")
        self.facts_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.headline_labels: list[QLabel] = []
        for n in range(3):
            label = QLabel()
            label.setObjectName(f"reviewHeadline{n}")
            label.setWordWrap(True)
            label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            f = label.font()
            f.setPointSizeF(f.pointSizeF() * (1.18 if n == 0 else 1.06))
            f.setBold(n == 0)
            label.setFont(f)
            self.headline_labels.append(label)

        # --- key figures ---------------------------------------------------------------------
        self.tiles = {key: FigureTile(key) for key in
                      ("revenue", "orders", "units", "lift", "peak", "average", "conversion")}
        self.tile_grid = QGridLayout()
        self.tile_grid.setSpacing(8)
        self._tile_columns = 0
        self._place_tiles(len(self.tiles))

        # --- the money problem ---------------------------------------------------------------
        self.money_banner = QFrame()
        self.money_banner.setObjectName("moneyBanner")
        appearance.styled(
            self.money_banner,
            "#moneyBanner { background: $banner_bg; border: 1px solid $banner_border; border-radius: 4px; }"
            "#moneyBanner QLabel { color: $banner_fg; }")
        self.money_text = QLabel()
        self.money_text.setObjectName("moneyProblem")
        self.money_text.setWordWrap(True)
        self.rates_button = QPushButton()
        self.rates_button.setObjectName("setRatesButton")
        self.rates_button.clicked.connect(self.rates_requested)
        banner = QHBoxLayout(self.money_banner)
        banner.setContentsMargins(10, 6, 10, 6)
        banner.addWidget(self.money_text, 1)
        banner.addWidget(self.rates_button)

        # --- tabs ----------------------------------------------------------------------------
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reviewTabs")
        self.tabs.setDocumentMode(True)
        self.timeline_chart = ChartPanel("timelineChart", "timeline")
        self.products_chart = ChartPanel("productsChart", "products")
        self.cumulative_chart = ChartPanel("cumulativeChart", "cumulative")
        self.segments_chart = ChartPanel("segmentsChart", "segments")
        self.series_chart = ChartPanel("seriesChart", "series")
        self.products = ProductsModel(self)
        self.products_table = make_review_table(self.products, "reviewProductsTable", self)
        self.segments = SegmentsModel(self)
        self.segments_table = make_review_table(self.segments, "reviewSegmentsTable", self)
        self.products_split = QSplitter(Qt.Orientation.Horizontal)
        self.products_split.setObjectName("productsSplitter")
        self.products_split.addWidget(self.products_chart)
        self.products_split.addWidget(self.products_table)
        self.products_split.setStretchFactor(0, 5)
        self.products_split.setStretchFactor(1, 6)
        self.products_split.setChildrenCollapsible(False)
        self.products_table.setMinimumWidth(200)
        self.products_chart.setMinimumWidth(MIN_PRODUCTS_CHART)
        self.segments_split = QSplitter(Qt.Orientation.Horizontal)
        self.segments_split.setObjectName("segmentsSplitter")
        self.segments_split.addWidget(self.segments_table)
        self.segments_split.addWidget(self.segments_chart)
        self.segments_split.setStretchFactor(0, 1)
        self.segments_split.setStretchFactor(1, 1)
        self.segments_split.setChildrenCollapsible(False)
        self.segments_table.setMinimumWidth(200)
        self._split_sized = False

        self.series_tab = QWidget()
        self.same_tour = QRadioButton()
        self.same_tour.setObjectName("seriesSameTour")
        self.all_sessions = QRadioButton()
        self.all_sessions.setObjectName("seriesAllSessions")
        self.same_tour.setChecked(True)
        self.scope_group = QButtonGroup(self)
        self.scope_group.addButton(self.same_tour)
        self.scope_group.addButton(self.all_sessions)
        self.scope_group.buttonToggled.connect(self._scope_toggled)
        self.series_note = QLabel()
        self.series_note.setObjectName("seriesNote")
        self.series_note.setStyleSheet("color: palette(placeholder-text);")
        toggle = QHBoxLayout()
        toggle.setContentsMargins(6, 4, 6, 0)
        toggle.addWidget(self.same_tour)
        toggle.addWidget(self.all_sessions)
        toggle.addSpacing(12)
        toggle.addWidget(self.series_note, 1)
        series_layout = QVBoxLayout(self.series_tab)
        series_layout.setContentsMargins(0, 0, 0, 0)
        series_layout.addLayout(toggle)
        series_layout.addWidget(self.series_chart, 1)

        self.tabs.addTab(self.timeline_chart, "")
        self.tabs.addTab(self.products_split, "")
        self.tabs.addTab(self.segments_split, "")
        self.tabs.addTab(self.cumulative_chart, "")
        self.tabs.addTab(self.series_tab, "")
        self.tabs.currentChanged.connect(lambda i: self.tab_changed.emit(TABS[i]))

        self.top_row = QHBoxLayout()
        self.top_row.addWidget(self.title_label, 1)
        self.top_row.addWidget(self.busy_label)
        self.controls_box = QWidget()  # the page puts its baseline chooser and buttons in it
        self.controls_box.setObjectName("reviewControls")
        self.controls = QHBoxLayout(self.controls_box)
        self.controls.setContentsMargins(8, 0, 0, 0)
        self.controls.setSpacing(6)
        self.top_row.addWidget(self.controls_box)
        self.controls_row = QHBoxLayout()  # where the controls go when the title leaves them no room
        self.controls_row.addStretch(1)
        self._controls_below = False
        layout = QVBoxLayout(self.content)
        layout.setContentsMargins(0, 4, 4, 0)
        layout.setSpacing(4)
        layout.addLayout(self.top_row)
        layout.addLayout(self.controls_row)
        layout.addWidget(self.facts_label)
        layout.addSpacing(2)
        for label in self.headline_labels:
            layout.addWidget(label)
        layout.addSpacing(4)
        layout.addLayout(self.tile_grid)
        layout.addWidget(self.money_banner)
        layout.addWidget(self.tabs, 1)
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        outer.addWidget(self.stack)
        self.money_banner.hide()
        self.retranslate()

    # --- what is shown ----------------------------------------------------------------------
    def show_message(self, text: str) -> None:
        """No report: say why (no session chosen, a session that never started …)."""
        self.result = None
        self.series_points = None
        self._message = text
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)
        for chart in self.charts():
            chart.set_drawer(None)

    def set_busy(self, busy: bool) -> None:
        self.busy_label.setText(self.tr("Working out the figures…") if busy else "")

    def show_result(self, result: ReviewResult, labels: Mapping[str, str]) -> None:
        if self.result is None or self.result.request.session_id != result.request.session_id:
            self.series_points = None
        self.result = result
        self.labels = with_defaults(labels)
        self.stack.setCurrentWidget(self.scroll)
        self._render()
        self._size_splitters()

    def _place_tiles(self, columns: int) -> None:
        """The key figures in one row when there is room, else in two or more."""
        columns = max(2, min(len(self.tiles), columns))
        if columns == self._tile_columns:
            return
        self._tile_columns = columns
        for tile in self.tiles.values():
            self.tile_grid.removeWidget(tile)
        for i, tile in enumerate(self.tiles.values()):
            self.tile_grid.addWidget(tile, i // columns, i % columns)
        for c in range(len(self.tiles)):
            self.tile_grid.setColumnStretch(c, 1 if c < columns else 0)

    def _reflow_tiles(self) -> None:
        widths = [tile.minimumSizeHint().width() for tile in self.tiles.values()]
        room = self.scroll.viewport().width() - 8
        spacing = self.tile_grid.spacing()

        def needed(n: int) -> int:
            columns = [max(widths[c::n]) for c in range(n)]
            return sum(columns) + spacing * (n - 1)

        self._place_tiles(next((n for n in (7, 4, 3) if needed(n) <= room), 2))

    def _reflow_controls(self) -> None:
        """The controls beside the title when both fit, else on a row of their own under it."""
        room = self.scroll.viewport().width() - 8
        title = self.title_label.fontMetrics().horizontalAdvance(self.title_label.text()) + 24
        below = title + self.controls_box.sizeHint().width() + self.busy_label.sizeHint().width() > room
        if below == self._controls_below:
            return
        self._controls_below = below
        if below:
            self.top_row.removeWidget(self.controls_box)
            self.controls_row.addWidget(self.controls_box)
        else:
            self.controls_row.removeWidget(self.controls_box)
            self.top_row.addWidget(self.controls_box)

    def resizeEvent(self, event) -> None:
        super().resizeEvent(event)
        self._reflow_tiles()
        self._reflow_controls()

    def _size_splitters(self) -> None:
        """The products' chart gets the larger share (its bars need the width); once."""
        if self._split_sized:
            return
        self._split_sized = True
        width = max(self.width(), 900)
        self.products_split.setSizes([int(width * 0.58), int(width * 0.42)])
        view = self.segments_table
        header = view.horizontalHeader()
        last = header.count() - 1
        table = (sum(header.sectionSize(c) for c in range(last))
                 + max(header.sectionSizeHint(last), view.sizeHintForColumn(last)) + view.frameWidth() * 2 + 4)
        table = min(max(table, int(width * 0.45)), width - MIN_SEGMENTS_CHART)
        self.segments_split.setSizes([table, width - table])

    def show_series(self, points: list[SeriesPoint] | None) -> None:
        self.series_points = points
        self._draw_series()

    def set_labels(self, labels: Mapping[str, str]) -> None:
        self.labels = with_defaults(labels)
        self.products.set_labels(self.labels)
        self.segments.set_labels(self.labels)
        if self.result is not None:
            self._render()

    def charts(self) -> list[ChartPanel]:
        return [self.timeline_chart, self.products_chart, self.segments_chart, self.cumulative_chart,
                self.series_chart]

    def current_tab(self) -> str:
        return TABS[self.tabs.currentIndex()]

    def show_tab(self, name: str) -> None:
        self.tabs.setCurrentIndex(TABS.index(name))

    def figure_text(self, key: str) -> str:
        return self.tiles[key].value.text()

    def headline(self) -> list[str]:
        return [label.text() for label in self.headline_labels if label.text()]

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.tabs.setTabText(0, self.tr("Timeline"))
        self.tabs.setTabText(1, self.tr("Products"))
        self.tabs.setTabText(2, self.tr("Segments"))
        self.tabs.setTabText(3, self.tr("Cumulative"))
        self.tabs.setTabText(4, self.tr("Series"))
        self.same_tour.setText(self.tr("Same tour"))
        self.all_sessions.setText(self.tr("All sessions"))
        self.products_table.setAccessibleName(self.tr("What each product sold"))
        self.segments_table.setAccessibleName(self.tr("What each segment sold"))
        for view in (self.products_table, self.segments_table):
            retranslate_table_actions(view)
        if self.busy_label.text():
            self.set_busy(True)
        self.products.retranslate()
        self.segments.retranslate()
        # The page calls set_labels with the new document labels, which says everything again.

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)

    def money_reason(self, result: ReviewResult) -> str:
        """Why the revenue cannot be added up, as the end of a sentence ("" when it can)."""
        missing = result.missing_rates
        if not result.report.money_problem:
            return ""
        currencies = and_list(list(result.currencies) or [result.report.currency])
        if not missing:
            return fmt.arg(self.tr("the orders are in %1"), currencies)
        if len(missing) == 1:
            return fmt.arg(self.tr("the orders are in %1, and there is no exchange rate for %2"), currencies,
                           missing[0])
        return fmt.arg(self.tr("the orders are in %1, and there are no exchange rates for %2"), currencies,
                       and_list(list(missing)))

    def display_report(self, result: ReviewResult) -> SessionReport:
        """The report with its money problem said in the interface language (for the headline and
        the exported documents)."""
        reason = self.money_reason(result)
        if not result.report.money_problem:
            return result.report
        return replace(result.report, money_problem=reason)

    def _render(self) -> None:
        result = self.result
        if result is None:
            return
        lb = self.labels
        report = self.display_report(result)
        zone = result.zone
        s = report.session
        self.title_label.setText(s.title or s.tour)
        self._reflow_controls()
        self.facts_label.setText(self._facts(report, zone, result.source))
        lines = headline_lines(report, lb, tz=zone)
        lift = lift_sentence(report, lb, tz=zone)
        for n, label in enumerate(self.headline_labels):
            text = lines[n] if n < len(lines) else ""
            label.setText(text)
            label.setVisible(bool(text))
            color = ""
            if text and text == lift:
                color = self._lift_color(report)
            appearance.styled(label, f"color: {color};" if color else "")
        self._fill_tiles(report)
        self._reflow_tiles()
        self._fill_money(result)
        self.products.set_report(report.products, report.currency, lb)
        self.segments.set_zone(zone)
        self.segments.set_report(report.segments, report.currency, lb)
        for key in ProductsModel.BASELINE_COLUMNS:
            self.products_table.setColumnHidden(self.products.column_index(key), report.baseline is None)
        for view in (self.products_table, self.segments_table):
            if view.model().rowCount():
                resize_columns(view, 320)
        self._draw_charts()

    def _lift_color(self, report: SessionReport) -> str:
        lift = report.lift
        if lift.reason == NEW_SALES or (lift.percent is not None and lift.percent > 0):
            return UP
        if lift.percent is not None and lift.percent < 0:
            return DOWN
        return ""

    def _facts(self, report: SessionReport, zone: tzinfo, source: str) -> str:
        s = report.session
        start, end = s.window.start.astimezone(zone), s.window.end.astimezone(zone)
        end_text = f"{end:%H:%M}" if end.date() == start.date() else f"{end:%Y-%m-%d %H:%M}"
        parts = []
        if s.tour and not (s.title or "").startswith(s.tour):
            parts.append(fmt.arg(self.tr("Tour: %1"), s.tour))
        parts.append(mode_text(s.mode))
        parts.append(f"{start:%Y-%m-%d %H:%M}–{end_text} ({doc_fmt.zone_name(start)})")
        parts.append(fmt.duration(int(round(s.window.seconds))))
        parts.append(fmt.arg(self.tr("orders from “%1”"), source) if source
                     else self.tr("no store orders to count"))
        base = report.baseline
        if base is None:
            parts.append(self.tr("no baseline"))
        else:
            phrase = baseline_phrase(report, self.labels, tz=zone)
            if base.spec.kind != CUSTOM and base.windows:
                windows = "; ".join(window_label(w, zone) for w in base.windows)
                parts.append(fmt.arg(self.tr("compared with %1 (%2)"), phrase, windows))
            else:
                parts.append(fmt.arg(self.tr("compared with %1"), phrase))
        return " · ".join(parts)

    def _fill_tiles(self, report: SessionReport) -> None:
        t = report.totals
        cur = report.currency
        base = report.baseline
        bt = base.totals if base is not None else None
        money = t.revenue is not None

        def baseline_note(text: str) -> str:
            return fmt.arg(self.tr("baseline %1"), text) if bt is not None else ""

        self.tiles["revenue"].set(
            fmt.money(t.revenue, cur) if money else DASH, self.tr("Revenue"),
            baseline_note(fmt.money(bt.revenue, cur)) if bt is not None and bt.revenue is not None
            else ("" if money else self.tr("cannot be added up")))
        self.tiles["orders"].set(fmt.number(t.orders), self.tr("Orders"),
                                 baseline_note(fmt.number(bt.orders)) if bt is not None else "")
        self.tiles["units"].set(fmt.number(t.units), self.tr("Units"),
                                baseline_note(fmt.number(bt.units)) if bt is not None else "")
        lift = report.lift
        if base is None:
            self.tiles["lift"].set(DASH, self.tr("Change in revenue"), self.tr("no baseline chosen"))
        elif lift.reason == NEW_SALES:
            self.tiles["lift"].set(lift_cell(lift, self.labels), self.tr("Change in revenue"),
                                   self.tr("the baseline sold nothing"), UP)
        elif lift.reason == NO_SALES:
            self.tiles["lift"].set(DASH, self.tr("Change in revenue"), self.tr("no sales in either"))
        elif lift.percent is None:
            self.tiles["lift"].set(DASH, self.tr("Change in revenue"),
                                   self.tr("cannot be added up") if not money else "")
        else:
            note = fmt.arg(self.tr("%1× the baseline"), ratio(lift.multiple)) if lift.multiple is not None else ""
            self.tiles["lift"].set(lift_cell(lift, self.labels), self.tr("Change in revenue"), note,
                                   self._lift_color(report))
        self.tiles["peak"].set(fmt.number(report.peak_viewers) if report.peak_viewers is not None else DASH,
                               self.tr("Peak viewers"))
        self.tiles["average"].set(
            fmt.number(int(round(report.avg_viewers))) if report.avg_viewers is not None else DASH,
            self.tr("Average viewers"))
        self.tiles["conversion"].set(ratio(report.conversion_per_1000) if report.conversion_per_1000 is not None
                                     else DASH, self.tr("Orders per 1,000 viewers"), self.tr("at the peak"))

    def _fill_money(self, result: ReviewResult) -> None:
        report = result.report
        if report.money_problem:
            missing = list(result.missing_rates)
            if len(missing) == 1:
                text = fmt.arg(self.tr("Orders, units and viewers are counted as usual. Give the exchange rate for %1 "
                                       "to add up the revenue in %2."), missing[0], report.currency)
            elif missing:
                text = fmt.arg(self.tr("Orders, units and viewers are counted as usual. Give the exchange rates for "
                                       "%1 to add up the revenue in %2."), and_list(missing), report.currency)
            else:
                text = fmt.arg(self.tr("The revenue cannot be added up: %1."), self.money_reason(result))
            self.money_text.setText(text)
            self.rates_button.setText(self.tr("Set exchange rate…") if len(result.missing_rates) <= 1
                                      else self.tr("Set exchange rates…"))
            self.money_banner.show()
            return
        given = dict(result.request.rates)
        used = [c for c in result.other_currencies if c in given]
        if used:
            rates = ", ".join(fmt.arg(self.tr("1 %1 = %2 %3"), c, str(given[c]), report.currency) for c in used)
            self.money_text.setText(fmt.arg(self.tr("Amounts in other currencies are converted at %1."), rates))
            self.rates_button.setText(self.tr("Change exchange rates…"))
            self.money_banner.show()
            return
        self.money_banner.hide()

    # --- charts -----------------------------------------------------------------------------
    def _draw_charts(self) -> None:
        result = self.result
        if result is None:
            return
        report, lb, zone = self.display_report(result), dict(self.labels), result.zone

        def timeline(fig) -> None:
            from curator_console.documents import review_charts as rc

            rc.draw_timeline(fig, rc.SCREEN_AREA, report, lb, zone)

        def products(fig) -> None:
            from curator_console.documents import review_charts as rc

            rc.draw_products(fig, rc.SCREEN_AREA, report, lb)

        def cumulative(fig) -> None:
            from curator_console.documents import review_charts as rc

            rc.draw_cumulative(fig, rc.SCREEN_AREA, report, lb, zone)

        money = report.totals.revenue is not None
        segments_title = (fmt.arg(self.tr("Revenue per segment (%1)"), report.currency) if money
                          else self.tr("Units per segment (the revenue cannot be added up)"))
        currency = report.currency

        def segments(fig) -> None:
            from curator_console.ui.review.charts import draw_segments

            draw_segments(fig, report, segments_title, lambda v: money_whole(v, currency))

        self.timeline_chart.set_drawer(timeline)
        self.products_chart.set_drawer(products)
        self.segments_chart.set_drawer(segments, self.tr("No segments were recorded."))
        self.cumulative_chart.set_drawer(cumulative)
        self._draw_series()

    def _draw_series(self) -> None:
        result = self.result
        if result is None:
            self.series_chart.set_drawer(None)
            return
        points = self.series_points
        if points is None:
            self.series_chart.set_drawer(None, self.tr("Working out the other sessions…"))
            self.series_note.setText("")
            return
        lb, zone = dict(self.labels), result.zone

        def series(fig) -> None:
            from curator_console.documents import review_charts as rc

            rc.draw_series(fig, rc.SCREEN_AREA, points, lb, zone)

        self.series_chart.set_drawer(series)
        self.series_note.setText(fmt.arg(self.tr("%1 sessions"), fmt.number(len(points))) if len(points) != 1
                                 else self.tr("Only this session so far"))

    def _scope_toggled(self, button, checked: bool) -> None:
        if not checked:
            return
        scope = "tour" if button is self.same_tour else "museum"
        if scope != self.scope:
            self.scope = scope
            self.series_points = None
            self._draw_series()
            self.scope_changed.emit(scope)

    def set_scope(self, scope: str) -> None:
        (self.same_tour if scope == "tour" else self.all_sessions).setChecked(True)

