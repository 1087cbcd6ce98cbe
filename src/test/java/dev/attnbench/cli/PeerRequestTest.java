package dev.attnbench.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.attnbench.bench.ColdSampling;
import dev.attnbench.bench.L2Flush;
import dev.attnbench.bench.LatencyBench;
import dev.attnbench.bench.StdRelCriterion;
import dev.attnbench.input.LatencyInputs;
import dev.attnbench.sweep.ConfigLoader;
import dev.attnbench.sweep.LatencySweep;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PyTorch peer is timed as our kernels are: the same softmax scale and inputs. Until stop 47
 * the peer got paper.yaml's 1.3 while our kernels ran at 1/sqrt(D).
 */
class PeerRequestTest {

  static final ColdSampling SAMPLING =
      new ColdSampling(StdRelCriterion.of(0.005, Duration.ofSeconds(2)), L2Flush.WRITE, true);

  static String flag(List<String> args, String name) {
    return args.get(args.indexOf(name) + 1);
  }

  @Test
  void thePapersConfigTimesThePeerAtTheScaleAndInputsOfEveryOneOfOurPoints() {
    LatencySweep sweep =
        LatencySweep.resolve(ConfigLoader.load(Path.of("configs/paper.yaml")).latency(), null);
    LatencyInputs inputs = LatencyInputs.parse("uniform(0,1)", 1);
    List<String> args = ReproduceCommand.peerRequest(sweep, SAMPLING, inputs).arguments();
    for (LatencyBench.Point p : sweep.points()) {
      assertEquals(p.softmaxScale(), Double.parseDouble(flag(args, "--softmax-scale")));
    }
    assertEquals("1.3", flag(args, "--softmax-scale"));
    assertEquals("uniform(0,1)", flag(args, "--inputs"));
  }

  @Test
  void withoutAScaleBothTakeOneOverRootDPerHeadDim() {
    LatencySweep sweep =
        new LatencySweep(
            4,
            32,
            List.of(1024),
            List.of(64, 128),
            List.of(false),
            List.of(dev.attnbench.method.Method.FP16),
            List.of(dev.attnbench.bench.Scope.KERNEL),
            null);
    List<String> args =
        ReproduceCommand.peerRequest(sweep, SAMPLING, LatencyInputs.normal(1)).arguments();
    // The script's own default is 1/sqrt(D), as the points' is.
    assertEquals(-1, args.indexOf("--softmax-scale"), args.toString());
    assertEquals(
        List.of(0.125, 1 / Math.sqrt(128)),
        sweep.points().stream().map(LatencyBench.Point::softmaxScale).toList());
  }
}
