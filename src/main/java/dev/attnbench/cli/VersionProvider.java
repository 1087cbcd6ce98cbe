package dev.attnbench.cli;

import dev.attnbench.report.Environment;
import picocli.CommandLine;

/** {@code --version}: the tool version and the commit it was built from. */
public final class VersionProvider implements CommandLine.IVersionProvider {
  @Override
  public String[] getVersion() {
    return new String[] {
      "attn-bench " + Environment.toolVersion() + " (commit " + Environment.gitCommit() + ")"
    };
  }
}
