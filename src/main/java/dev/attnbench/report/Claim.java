package dev.attnbench.report;

/**
 * One line of a claims table: a figure the paper states, the same figure measured by us on the same
 * setting, and what follows.
 *
 * @param claim what is claimed, e.g. "int8 speedup over fp16"
 * @param setting where, e.g. "N=8192, D=64, B=4, H=32, kernel only"
 * @param paper the paper's figure, formatted, or "-" for conditions beyond the paper
 * @param ours our figure, formatted, or "-" when not measured
 * @param verdict reproduced / not reproduced / not measured / measured / not the paper's setting
 * @param note why (the reason a point was not measured, or where a claim fails)
 */
public record Claim(
    String claim, String setting, String paper, String ours, Verdict verdict, String note) {

  public enum Verdict {
    REPRODUCED("reproduced"),
    NOT_REPRODUCED("not reproduced"),
    NOT_MEASURED("not measured"),
    /** A measured condition with no paper figure to hold it against. */
    MEASURED("measured"),
    /**
     * A paper figure measured on a setting that does not cover the paper's (other N, another B or
     * H): a number to read, but no verdict, since the claim is about the paper's setting.
     */
    OFF_SETTING("not the paper's setting");

    private final String text;

    Verdict(String text) {
      this.text = text;
    }

    @Override
    public String toString() {
      return text;
    }
  }
}
