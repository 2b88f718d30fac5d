"""The welcome page: three ways to start (the demo museum, importing a collection, connecting a
platform) above the guided path from an empty database to the first rehearsal.

The page only shows and asks: it emits what the user chose and ``FirstRun`` (``first_run.py``)
does it. ``set_facts`` fills the five steps from a ``GettingStarted``.
"""

from __future__ import annotations

from PySide6.QtCore import QEvent, Qt, Signal
from PySide6.QtWidgets import (
    QFrame,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

from curator_console.domain import getting_started as gs
from curator_console.domain.getting_started import GettingStarted
from curator_console.ui import appearance
from curator_console.ui import formatting as fmt

CONTENT_WIDTH = 980  # the page's column; wider windows centre it


def _scaled(label: QLabel, factor: float, bold: bool = False) -> QLabel:
    font = label.font()
    font.setPointSizeF(font.pointSizeF() * factor)
    font.setBold(bold)
    label.setFont(font)
    return label


class ActionCard(QFrame):
    """One of the three big ways to start: a title, two lines on what it does, a large button."""

    def __init__(self, name: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.title = _scaled(QLabel(), 1.25, bold=True)
        self.title.setWordWrap(True)
        self.text = QLabel()
        self.text.setWordWrap(True)
        self.text.setAlignment(Qt.AlignmentFlag.AlignTop | Qt.AlignmentFlag.AlignLeft)
        self.button = QPushButton()
        self.button.setObjectName(f"{name}Button")
        self.button.setMinimumHeight(self.button.sizeHint().height() + 14)
        font = self.button.font()
        font.setPointSizeF(font.pointSizeF() * 1.1)
        font.setBold(True)
        self.button.setFont(font)
        self.button.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(16, 14, 16, 14)
        layout.setSpacing(8)
        layout.addWidget(self.title)
        layout.addWidget(self.text, 1)
        layout.addWidget(self.button)
        appearance.styled(self, f"QFrame#{name} {{ border: 1px solid $card_border; border-radius: 8px; "
                                "background: palette(base); }")


class StepRow:
    """One line of the guided path: number or tick, title, what to do or what is done, state, button."""

    def __init__(self, step: str, number: int, grid: QGridLayout, row: int) -> None:
        self.step = step
        self.number = number
        self.badge = QLabel(str(number))
        self.badge.setObjectName(f"welcomeStepBadge_{step}")
        self.badge.setAlignment(Qt.AlignmentFlag.AlignCenter)
        size = max(28, self.badge.fontMetrics().height() + 12)
        self.badge.setFixedSize(size, size)
        self.title = _scaled(QLabel(), 1.08, bold=True)
        self.detail = QLabel()
        self.detail.setObjectName(f"welcomeStepDetail_{step}")
        self.detail.setWordWrap(True)
        self.state = QLabel()
        self.state.setObjectName(f"welcomeStepState_{step}")
        self.state.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.button = QPushButton()
        self.button.setObjectName(f"welcomeStepButton_{step}")
        self.done = False
        text = QVBoxLayout()
        text.setSpacing(2)
        text.addWidget(self.title)
        text.addWidget(self.detail)
        grid.addWidget(self.badge, row, 0, Qt.AlignmentFlag.AlignTop)
        grid.addLayout(text, row, 1)
        grid.addWidget(self.state, row, 2, Qt.AlignmentFlag.AlignTop)
        grid.addWidget(self.button, row, 3, Qt.AlignmentFlag.AlignTop)

    def show_state(self, done: bool, is_next: bool, done_text: str, todo_text: str) -> None:
        self.done = done
        radius = self.badge.width() // 2
        if done:
            self.badge.setText("✓")
            appearance.styled(self.badge, f"color: white; background: $ok; border-radius: {radius}px; font-weight: 700;")
            self.state.setText(done_text)
            appearance.styled(self.state, "color: $ok; font-weight: 600;")
        else:
            self.badge.setText(str(self.number))
            if is_next:
                appearance.styled(self.badge, f"color: white; background: $accent; border-radius: {radius}px; "
                                              "font-weight: 700;")
            else:
                appearance.styled(self.badge, f"color: $muted; border: 2px solid $card_border; "
                                              f"border-radius: {radius}px; font-weight: 700;")
            self.state.setText(todo_text)
            appearance.styled(self.state, "color: $accent; font-weight: 600;" if is_next else "color: $muted;")
        self.button.setDefault(is_next)


class WelcomePage(QWidget):
    demo_requested = Signal()
    import_requested = Signal()
    online_import_requested = Signal()
    connect_requested = Signal()
    step_requested = Signal(str)  # one of domain.getting_started.STEPS

    def __init__(self, demo: bool = False, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("welcomePage")
        self.demo = demo
        self.facts: GettingStarted | None = None
        self.busy = False

        self.heading = _scaled(QLabel(), 1.9, bold=True)
        self.heading.setObjectName("welcomeHeading")
        self.heading.setWordWrap(True)
        self.intro = _scaled(QLabel(), 1.08)
        self.intro.setWordWrap(True)

        self.demo_card = ActionCard("welcomeDemo")
        self.demo_card.button.clicked.connect(self.demo_requested)
        self.import_card = ActionCard("welcomeImport")
        self.import_card.button.clicked.connect(self.import_requested)
        self.online_link = QLabel()
        self.online_link.setObjectName("welcomeOnlineLink")
        self.online_link.setTextFormat(Qt.TextFormat.RichText)
        self.online_link.setWordWrap(True)
        self.online_link.linkActivated.connect(lambda _href: self.online_import_requested.emit())
        self.import_card.layout().insertWidget(2, self.online_link)
        self.connect_card = ActionCard("welcomeConnect")
        self.connect_card.button.clicked.connect(self.connect_requested)
        cards = QHBoxLayout()
        cards.setSpacing(14)
        for card in (self.demo_card, self.import_card, self.connect_card):
            cards.addWidget(card, 1)

        self.path_heading = _scaled(QLabel(), 1.35, bold=True)
        self.path_heading.setObjectName("welcomePathHeading")
        self.progress = QLabel()
        self.progress.setObjectName("welcomeProgress")
        path_top = QHBoxLayout()
        path_top.addWidget(self.path_heading, 1)
        path_top.addWidget(self.progress, 0, Qt.AlignmentFlag.AlignBottom)
        self.path_intro = QLabel()
        self.path_intro.setWordWrap(True)
        path_box = QFrame()
        path_box.setObjectName("welcomePath")
        appearance.styled(path_box, "QFrame#welcomePath { border: 1px solid $card_border; border-radius: 8px; "
                                    "background: palette(base); }")
        grid = QGridLayout(path_box)
        grid.setContentsMargins(16, 14, 16, 14)
        grid.setHorizontalSpacing(14)
        grid.setVerticalSpacing(14)
        grid.setColumnStretch(1, 1)
        self.steps: dict[str, StepRow] = {}
        for row, step in enumerate(gs.STEPS):
            line = StepRow(step, row + 1, grid, row)
            line.button.clicked.connect(lambda _checked=False, s=step: self.step_requested.emit(s))
            self.steps[step] = line

        self.note = QLabel()
        self.note.setObjectName("welcomeNote")
        self.note.setWordWrap(True)
        appearance.styled(self.note, "color: $muted;")

        column = QWidget()
        column.setObjectName("welcomeColumn")
        column.setMaximumWidth(CONTENT_WIDTH)
        body = QVBoxLayout(column)
        body.setContentsMargins(8, 18, 8, 18)
        body.setSpacing(12)
        body.addWidget(self.heading)
        body.addWidget(self.intro)
        body.addSpacing(6)
        body.addLayout(cards)
        body.addSpacing(14)
        body.addLayout(path_top)
        body.addWidget(self.path_intro)
        body.addWidget(path_box)
        body.addWidget(self.note)
        body.addStretch(1)
        holder = QWidget()
        centre = QHBoxLayout(holder)
        centre.addStretch(1)
        centre.addWidget(column, 100)
        centre.addStretch(1)
        scroll = QScrollArea()
        scroll.setObjectName("welcomeScroll")
        scroll.setWidgetResizable(True)
        scroll.setFrameShape(QFrame.Shape.NoFrame)
        scroll.setWidget(holder)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(scroll)
        self.retranslate()

    # --- texts ------------------------------------------------------------------------------
    def retranslate(self) -> None:
        self.heading.setText(self.tr("Welcome to Curator Console"))
        self.intro.setText(self.tr(
            "Prepare a live-stream tour around your collection, run it with viewers and sales arriving as "
            "you speak, and see afterwards what it did for the museum shop. Choose how to begin:"))
        self.demo_card.title.setText(self.tr("Look around first"))
        self.import_card.title.setText(self.tr("Start with your collection"))
        self.import_card.text.setText(self.tr(
            "Bring in your objects from a spreadsheet (CSV), a JSON file or a IIIF manifest; the columns are "
            "matched with you before anything is saved."))
        self.import_card.button.setText(self.tr("Import a collection…"))
        self.online_link.setText("<a href='online'>" + self.tr("…or from The Met or the Art Institute of Chicago")
                                 + "</a>")
        self.connect_card.title.setText(self.tr("Go live on your channel"))
        self.connect_card.text.setText(self.tr(
            "Connect YouTube, Twitch, a live-commerce platform, your Shopify store or OBS. Rehearsals need no "
            "connection: they run on the built-in simulator."))
        self.connect_card.button.setText(self.tr("Connect a platform…"))
        self.path_heading.setText(self.tr("Guided path: from an empty database to your first rehearsal"))
        self.path_intro.setText(self.tr(
            "Each step is ticked off as soon as the database holds it. The button beside a step takes you there."))
        titles = {
            gs.OBJECTS: self.tr("Add objects"),
            gs.PRODUCTS: self.tr("Link shop products"),
            gs.TOUR: self.tr("Write a tour"),
            gs.READINESS: self.tr("Check readiness"),
            gs.REHEARSAL: self.tr("Rehearse"),
        }
        for step, line in self.steps.items():
            line.title.setText(fmt.arg(self.tr("%1. %2"), line.number, titles[step]))
        self.note.setText(self.tr(
            "The demo museum keeps a database of its own: your data is never mixed with it, and the next "
            "start opens your own database again. Help → Getting started brings this page back at any time; "
            "Help → User guide explains every step."))
        self._render()

    def set_demo(self, demo: bool) -> None:
        self.demo = demo
        self._render()

    def set_busy(self, busy: bool) -> None:
        """While the demo museum opens: its button says so and the three buttons wait."""
        self.busy = busy
        self._render()

    def set_facts(self, facts: GettingStarted) -> None:
        self.facts = facts
        self._render()

    # --- drawing ------------------------------------------------------------------------------
    def _render(self) -> None:
        if self.busy:
            self.demo_card.button.setText(self.tr("Opening the demo museum…"))
        elif self.demo:
            self.demo_card.button.setText(self.tr("The demo museum is open"))
        else:
            self.demo_card.button.setText(self.tr("Open the demo museum"))
        self.demo_card.text.setText(
            self.tr("You are looking at the demo museum: its objects, shop products, tours, a template and past "
                    "sessions to review.") if self.demo else
            self.tr("A small museum with objects, shop products, two tours, a template and three past sessions "
                    "to review. It has a database of its own."))
        self.demo_card.button.setEnabled(not self.demo and not self.busy)
        for card in (self.import_card, self.connect_card):
            card.button.setEnabled(not self.busy)
        facts = self.facts or GettingStarted()
        next_step = facts.next_step
        self.progress.setText(fmt.arg(self.tr("%1 of %2 done"), facts.done_count, len(gs.STEPS)))
        done_text, todo_text = self.tr("Done"), self.tr("To do")
        for step, line in self.steps.items():
            line.show_state(facts.done(step), step == next_step, done_text, todo_text)
        self._describe(facts)

    def _describe(self, f: GettingStarted) -> None:
        s = self.steps
        # 1. objects
        if f.done(gs.OBJECTS):
            s[gs.OBJECTS].detail.setText(fmt.arg(self.tr("The collection holds %1 objects."), fmt.number(f.objects)))
            s[gs.OBJECTS].button.setText(self.tr("Open the Collection"))
        else:
            s[gs.OBJECTS].detail.setText(self.tr(
                "Import your collection (or open the demo museum to try everything first). Objects carry the "
                "titles, dates, images and image rights your tour talks about."))
            s[gs.OBJECTS].button.setText(self.tr("Import a collection…"))
        # 2. products
        if f.done(gs.PRODUCTS):
            text = fmt.arg(self.tr("%1 of %2 shop products are linked to objects."), fmt.number(f.linked_products),
                           fmt.number(f.products))
        elif f.products:
            text = fmt.arg(self.tr("%1 shop products, none linked to an object yet: in the Store, link each "
                                   "product to the objects it belongs to."), fmt.number(f.products))
        else:
            text = self.tr("In the Store, import the shop's products (a Shopify CSV export works) or add them, "
                           "and link each to the objects it belongs to, so a tour can feature them.")
        s[gs.PRODUCTS].detail.setText(text)
        s[gs.PRODUCTS].button.setText(self.tr("Open the Store"))
        # 3. tour
        if f.done(gs.TOUR):
            s[gs.TOUR].detail.setText(fmt.arg(self.tr("Tours with segments: %1."), fmt.number(f.written_tours)))
            s[gs.TOUR].button.setText(self.tr("Open Tours"))
        else:
            s[gs.TOUR].detail.setText(self.tr(
                "Create a tour in Tours (the arrow beside New tour starts one from a template), then add its "
                "segments: the objects shown, the products featured and what you will say."))
            s[gs.TOUR].button.setText(self.tr("New tour…"))
        # 4. readiness
        if f.done(gs.READINESS):
            text = fmt.arg(self.tr("“%1” is ready to go live."), f.focus_tour_title)
        elif f.written_tours:
            text = fmt.arg(self.tr("The readiness check beside “%1” lists what to fix first: missing scripts, "
                                   "image rights, prices, stock, a tour longer than its slot."), f.focus_tour_title)
        else:
            text = self.tr("Once a tour has segments, its readiness check lists what to fix before going live.")
        s[gs.READINESS].detail.setText(text)
        s[gs.READINESS].button.setText(self.tr("Check readiness"))
        s[gs.READINESS].button.setEnabled(f.focus_tour_id is not None)
        # 5. rehearsal
        if f.done(gs.REHEARSAL):
            text = fmt.arg(self.tr("Sessions so far: %1 (rehearsals: %2). The Review workspace shows what each "
                                   "one did for the shop."), fmt.number(f.sessions), fmt.number(f.rehearsals))
        else:
            text = self.tr("Run the tour on the built-in simulator: a simulated audience and shop react while "
                           "you speak, and nothing goes out to real viewers.")
        s[gs.REHEARSAL].detail.setText(text)
        s[gs.REHEARSAL].button.setText(self.tr("Start a rehearsal…"))
        s[gs.REHEARSAL].button.setEnabled(f.written_tours > 0)
        s[gs.REHEARSAL].button.setToolTip("" if f.written_tours else self.tr("Write a tour with at least one segment first"))
        s[gs.READINESS].button.setToolTip("" if f.focus_tour_id is not None else self.tr("Create a tour first"))

    def changeEvent(self, event: QEvent) -> None:
        if event.type() == QEvent.Type.LanguageChange:
            self.retranslate()
        super().changeEvent(event)
