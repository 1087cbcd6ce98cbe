package dev.attnbench.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.report.Claim.Verdict;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unmeasured rows of one claim fold across N; anything measured, anywhere, keeps its rows. */
class UnmeasuredRowsTest {
  private static final String SPEED = "int8 speedup over fp16";
  private static final String NO_GPU = "no latency measured (no CUDA device)";

  private static Claim unmeasured(String claim, int n, String rest, String paper, String note) {
    return new Claim(claim, "N=" + n + rest, paper, "-", Verdict.NOT_MEASURED, note);
  }

  @Test
  void aClaimUnmeasuredAtEveryNIsOneRowNamingItsLengthsAndThePapersRange() {
    Claim error =
        new Claim(
            "int8 MRE reduction vs fp8", "uniform, D=64", "+82%", "+91%", Verdict.OFF_SETTING, "");
    Claim fastest =
        new Claim(
            "int8 over the fastest FP16", "D=64, B=4", "-", "-", Verdict.NOT_MEASURED, NO_GPU);
    // As ClaimsEvaluator.conditions lists them: the claims interleaved by N.
    List<Claim> run =
        List.of(
            unmeasured(SPEED, 4096, ", D=64, kernel only", "+66%", NO_GPU),
            unmeasured("fp8-native speedup", 4096, ", D=128", "-", NO_GPU),
            error,
            unmeasured(SPEED, 16384, ", D=64, kernel only", "+73%", NO_GPU),
            unmeasured("fp8-native speedup", 16384, ", D=128", "-", NO_GPU),
            fastest);
    assertEquals(
        List.of(
            List.of(
                new Claim(
                    SPEED,
                    "N=[4096, 16384], D=64, kernel only",
                    "+66% … +73%",
                    "-",
                    Verdict.NOT_MEASURED,
                    NO_GPU),
                new Claim(
                    "fp8-native speedup",
                    "N=[4096, 16384], D=128",
                    "-",
                    "-",
                    Verdict.NOT_MEASURED,
                    NO_GPU),
                error,
                fastest)),
        UnmeasuredRows.folded(List.of(run)));
  }

  @Test
  void rowsThatOneRunMeasuredOrThatDifferInTheirReasonKeepOneRowPerN() {
    List<Claim> cpu =
        List.of(
            unmeasured(SPEED, 1024, ", D=64", "+31%", NO_GPU),
            unmeasured(SPEED, 2048, ", D=64", "+52%", NO_GPU));
    List<Claim> gpu =
        List.of(
            new Claim(SPEED, "N=1024, D=64", "+31%", "-3%", Verdict.NOT_REPRODUCED, ""),
            new Claim(SPEED, "N=2048, D=64", "+52%", "-4%", Verdict.NOT_REPRODUCED, ""));
    assertEquals(List.of(cpu, gpu), UnmeasuredRows.folded(List.of(cpu, gpu)));

    List<Claim> reasons =
        List.of(
            unmeasured(SPEED, 1024, ", D=64", "+31%", NO_GPU),
            unmeasured(SPEED, 2048, ", D=64", "+52%", "this run has no int8 timing at this point"));
    assertEquals(List.of(reasons), UnmeasuredRows.folded(List.of(reasons)));
  }

  /** Two runs that both left a claim unmeasured, for the same reason, share the folded row. */
  @Test
  void runsThatAgreeFoldTogether() {
    List<Claim> a =
        List.of(
            unmeasured(SPEED, 1024, ", D=64", "+31%", NO_GPU),
            unmeasured(SPEED, 2048, ", D=64", "+52%", NO_GPU));
    Claim folded =
        new Claim(SPEED, "N=[1024, 2048], D=64", "+31% … +52%", "-", Verdict.NOT_MEASURED, NO_GPU);
    assertEquals(
        List.of(List.of(folded), List.of(folded)),
        UnmeasuredRows.folded(List.of(a, List.copyOf(a))));
  }

  /**
   * A setting that is N alone folds to "N=[…]" with nothing after it; settings that differ beyond N
   * (causal or not) stay apart; a "-" among the paper's figures is no figure, so the folded row
   * shows the figures there are.
   */
  @Test
  void foldingKeepsTheRestOfTheSettingAndSkipsMissingPaperFigures() {
    List<Claim> bare =
        List.of(
            unmeasured(SPEED, 1024, "", "-", NO_GPU), unmeasured(SPEED, 2048, "", "+52%", NO_GPU));
    assertEquals(
        List.of(
            List.of(new Claim(SPEED, "N=[1024, 2048]", "+52%", "-", Verdict.NOT_MEASURED, NO_GPU))),
        UnmeasuredRows.folded(List.of(bare)));

    List<Claim> masks =
        List.of(
            unmeasured(SPEED, 1024, ", causal", "+31%", NO_GPU),
            unmeasured(SPEED, 1024, ", non-causal", "+31%", NO_GPU),
            unmeasured(SPEED, 2048, ", causal", "+52%", NO_GPU));
    assertEquals(
        List.of(
            List.of(
                new Claim(
                    SPEED,
                    "N=[1024, 2048], causal",
                    "+31% … +52%",
                    "-",
                    Verdict.NOT_MEASURED,
                    NO_GPU),
                masks.get(1))),
        UnmeasuredRows.folded(List.of(masks)));
  }
}
