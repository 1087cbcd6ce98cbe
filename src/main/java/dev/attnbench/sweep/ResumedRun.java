package dev.attnbench.sweep;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.attnbench.InvalidInputException;
import dev.attnbench.method.MmaPath;
import dev.attnbench.report.RunRecord;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The run a {@code --resume} continues, as its run.json recorded it, and what the new run must
 * share with it. Kept rows and new ones go into one table under one run.json, so a resume with
 * another sweep, or latency sampled another way, would put two conditions in one result.
 */
public final class ResumedRun {
  private final Path dir;
  private final Map<String, Object> run;

  /** The flags given with this resume (less where it writes), as run.json's "args" keeps them. */
  private final List<String> given;

  private ResumedRun(Path dir, Map<String, Object> run, List<String> given) {
    this.dir = dir;
    this.run = run;
    this.given = given;
  }

  /**
   * The run.json of {@code dir}, resumed with the flags {@code given} (less where it writes), or a
   * one-line refusal.
   */
  public static ResumedRun of(Path dir, List<String> given) {
    try {
      return new ResumedRun(dir, RunRecord.read(dir), given);
    } catch (IOException e) {
      throw new InvalidInputException(
          "--resume " + dir + ": not a readable run folder (" + e.getMessage() + ")");
    }
  }

  public Path dir() {
    return dir;
  }

  /** The run.json field {@code key} as text, or null where it is missing or null. */
  public String field(String key) {
    Object value = run.get(key);
    return value == null ? null : value.toString();
  }

  /**
   * Gives the new run.json (already holding its own {@code start}) the interrupted run's start, and
   * this resumption after the earlier ones: the rows span every process that ran, and run.json had
   * said the run began when the last resume did, with no word of the interruption. A run that was
   * complete keeps its history and its end as they were: resuming it measures nothing and only
   * writes its report again, so counting that as a resumption (of an interruption nobody saw) would
   * misstate the run.
   */
  public void keepHistory(Map<String, Object> now) {
    Object resumedAt = now.get("start");
    Object start = run.get("start");
    if (start != null) now.put("start", start);
    List<Object> resumptions = new ArrayList<>();
    if (run.get("resumed") instanceof List<?> earlier) resumptions.addAll(earlier);
    if (complete()) {
      // Flags given with the resume only had to match; the run's own stay what it recorded.
      for (String kept : List.of("end", "args")) {
        if (run.get(kept) != null) now.put(kept, run.get(kept));
      }
    } else {
      Map<String, Object> resumption = new LinkedHashMap<>();
      // Null where the process was killed outright (no shutdown hook ran to say when).
      resumption.put("interrupted", run.get("interrupted"));
      resumption.put("resumed", resumedAt);
      resumptions.add(resumption);
    }
    if (!resumptions.isEmpty()) now.put("resumed", resumptions);
  }

  /** Whether the run finished: nothing is left for a resume to measure. */
  public boolean complete() {
    return "complete".equals(run.get("status"));
  }

  /**
   * Refuses to resume where the emulation would follow another instruction path than the rows it
   * keeps (their arithmetic differs: docs/ARITHMETIC.md), so that one table never mixes the two. A
   * run.json that does not say (an older tool's) is taken as it is.
   */
  public void requireMmaPath(MmaPath now) {
    Object was = run.get("mma_path");
    if (was != null && !was.toString().equals(now.id())) {
      throw new InvalidInputException(
          "--resume "
              + dir
              + ": the interrupted run emulated the "
              + was
              + " path, this one would emulate "
              + now.id()
              + "; give --mma-path "
              + was);
    }
  }

  /**
   * Refuses unless the sweep recorded under {@code key} is one of {@code spellings} (the same sweep
   * written in more than one way, such as a default given explicitly), naming the first field that
   * differs.
   */
  public void requireSweep(String key, List<?> spellings) {
    JsonNode was = RunRecord.tree(run.get(key));
    for (Object s : spellings) {
      // Compared as JSON text: a number read back may be an int where the sweep holds a long.
      if (was.toString().equals(RunRecord.tree(s).toString())) {
        return;
      }
    }
    throw new InvalidInputException(
        "--resume "
            + dir
            + ": that folder ran a different sweep ("
            + firstDifference(was, RunRecord.tree(spellings.get(0)))
            + "); "
            + sameFlags("config and flags"));
  }

  /**
   * Refuses unless every field of {@code measurement} (how latency samples are taken) is what the
   * run recorded; a run.json without one (an older tool's) is taken as it is.
   */
  public void requireMeasurement(Map<String, Object> measurement) {
    if (!(run.get("measurement") instanceof Map<?, ?> was)) {
      return;
    }
    // "mode" is l2_flush and blocking_kernel in words: the fields themselves are named instead.
    JsonNode then = RunRecord.tree(was).deepCopy();
    JsonNode now = RunRecord.tree(measurement).deepCopy();
    ((ObjectNode) then).remove("mode");
    ((ObjectNode) now).remove("mode");
    if (!then.toString().equals(now.toString())) {
      throw new InvalidInputException(
          "--resume "
              + dir
              + ": that run timed with "
              + firstDifference(then, now)
              + "; "
              + sameFlags("--input-dist, --seed and sampling flags"));
    }
  }

  /**
   * What to give instead: a run.json that keeps the run's flags ("args", which the command line
   * replays for --resume DIR given alone) offers that, unless they are what this resume ran with
   * (the run's config file then changed since, or the tool).
   */
  private String sameFlags(String what) {
    String same = "give the same " + what + " as the interrupted run";
    return run.get("args") instanceof List<?> recorded && !recorded.equals(given)
        ? same + ", or --resume " + dir + " alone (it takes them from run.json)"
        : same;
  }

  /** "field X, not Y" for the first field of {@code was} whose value {@code now} does not share. */
  static String firstDifference(JsonNode was, JsonNode now) {
    if (was.isObject() && now.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = now.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> field = it.next();
        JsonNode then = was.get(field.getKey());
        if (then == null || !then.toString().equals(field.getValue().toString())) {
          return field.getKey() + " " + text(then) + ", not " + text(field.getValue());
        }
      }
    }
    return text(was) + ", not " + text(now);
  }

  private static String text(JsonNode value) {
    if (value == null || value.isNull() || value.isMissingNode()) return "not given";
    return value.isTextual() ? value.asText() : value.toString();
  }
}
