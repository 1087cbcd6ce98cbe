package dev.attnbench.report;

import dev.attnbench.report.Claim.Verdict;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Folds a claim's rows that differ only in N into one, where every run left them all unmeasured for
 * one reason: without a GPU the speed claims alone were twenty rows of "not measured", one per N
 * and condition, above the error figures a CPU run does have. A row that any run measured stays as
 * it is, so a GPU run's tables and a comparison's measured rows keep one row per N.
 */
final class UnmeasuredRows {
  private static final Pattern N = Pattern.compile("^N=(\\d+)(, |$)");

  private UnmeasuredRows() {}

  /**
   * {@code perSet}'s rows (one list per run, aligned: row i is the same claim and setting in every
   * run) with each such group folded into its first row's place.
   */
  static List<List<Claim>> folded(List<List<Claim>> perSet) {
    int rows = perSet.get(0).size();
    // The groups, by claim and setting without its N, in order of first appearance.
    Map<String, List<Integer>> groups = new LinkedHashMap<>();
    for (int i = 0; i < rows; i++) {
      groups.computeIfAbsent(key(perSet, i), k -> new ArrayList<>()).add(i);
    }
    List<List<Claim>> out = new ArrayList<>();
    for (int s = 0; s < perSet.size(); s++) out.add(new ArrayList<>());
    for (List<Integer> group : groups.values()) {
      for (int s = 0; s < perSet.size(); s++) {
        List<Claim> claims = perSet.get(s);
        out.get(s).add(group.size() == 1 ? claims.get(group.get(0)) : fold(claims, group));
      }
    }
    return out;
  }

  /**
   * Row i's group: its claim and setting with N taken out, where every run left it unmeasured; a
   * key of its own (its index) otherwise. The note is part of the key, in every run, so rows
   * unmeasured for different reasons stay apart.
   */
  private static String key(List<List<Claim>> perSet, int i) {
    StringBuilder key = new StringBuilder();
    for (List<Claim> claims : perSet) {
      Claim c = claims.get(i);
      Matcher n = lengthOf(c);
      if (c.verdict() != Verdict.NOT_MEASURED || n == null) {
        return "row " + i;
      }
      key.append(c.claim())
          .append('\u0000')
          .append(c.setting().substring(n.end()))
          .append('\u0000')
          .append(c.note())
          .append('\u0001');
    }
    return key.toString();
  }

  private static Claim fold(List<Claim> claims, List<Integer> group) {
    List<String> ns = new ArrayList<>();
    List<String> paper = new ArrayList<>();
    for (int i : group) {
      ns.add(lengthOf(claims.get(i)).group(1));
      if (!claims.get(i).paper().equals("-")) paper.add(claims.get(i).paper());
    }
    Claim first = claims.get(group.get(0));
    Matcher n = lengthOf(first);
    // group(2) is the ", " before the rest of the setting, or nothing where N is all of it.
    String setting = "N=" + ns + n.group(2) + first.setting().substring(n.end());
    String paperText =
        paper.isEmpty()
            ? "-"
            : paper.stream().distinct().count() == 1
                ? paper.get(0)
                : paper.get(0) + " … " + paper.get(paper.size() - 1);
    return new Claim(first.claim(), setting, paperText, "-", Verdict.NOT_MEASURED, first.note());
  }

  /** The match of {@code c}'s leading "N=…", or null where its setting does not begin with N. */
  private static Matcher lengthOf(Claim c) {
    Matcher n = N.matcher(c.setting());
    return n.find() ? n : null;
  }
}
