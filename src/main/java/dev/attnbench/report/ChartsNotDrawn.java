package dev.attnbench.report;

import java.util.Optional;

/**
 * Charts of a report that were not drawn: why, and, where this Java runtime is at fault (it cannot
 * render fonts), the {@code attn-bench report} command that draws them where one can. A chart that
 * fails for any other reason would fail the same way on another machine, so none is offered then.
 */
record ChartsNotDrawn(String why, Optional<String> redraw) {}
