package dev.attnbench.backend.cuda;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class DriverVersionTest {

  /** The two forms the proprietary and the open kernel modules write, and text without one. */
  @Test
  void theVersionIsReadFromEitherModulesLine() {
    assertEquals(
        Optional.of("580.159.04"),
        DriverVersion.parse(
            "NVRM version: NVIDIA UNIX x86_64 Kernel Module  580.159.04  Tue Jul  8 2025\n"
                + "GCC version:  gcc version 12.2.0 (Debian 12.2.0-14)\n"));
    assertEquals(
        Optional.of("570.86.15"),
        DriverVersion.parse(
            "NVRM version: NVIDIA UNIX Open Kernel Module for x86_64  570.86.15  Release Build"
                + "  (dvs-builder@U16-I3-B03-4-3)  Thu Jan 23 2025\n"));
    assertEquals(
        Optional.of("535.54"),
        DriverVersion.parse("NVRM version: NVIDIA UNIX Kernel Module 535.54"));
    assertEquals(Optional.empty(), DriverVersion.parse("GCC version:  gcc version 12.2.0\n"));
    assertEquals(Optional.empty(), DriverVersion.parse(""));
  }
}
