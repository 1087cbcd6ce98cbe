package dev.attnbench.report;

/**
 * Charts of a report that were not drawn: why, and the {@code attn-bench report} command that draws
 * them where the Java runtime can.
 */
record ChartsNotDrawn(String why, String redraw) {}
