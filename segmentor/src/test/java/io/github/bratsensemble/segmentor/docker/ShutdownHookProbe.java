package io.github.bratsensemble.segmentor.docker;

import io.github.bratsensemble.segmentor.AlgorithmFactory;
import io.github.bratsensemble.segmentor.Segmentor;
import io.github.bratsensemble.segmentor.registry.AlgorithmDescriptor;
import io.github.bratsensemble.segmentor.staging.CaseDiscovery;
import io.github.bratsensemble.segmentor.staging.CaseInputs;
import java.nio.file.Path;
import java.util.List;

/**
 * A child process for {@link ShutdownRemovalTest}: starts a container that sleeps for ten minutes,
 * prints the run id, and waits to be terminated. Arguments: case folder, output folder.
 */
public final class ShutdownHookProbe {
  private ShutdownHookProbe() {}

  public static void main(String[] args) throws Exception {
    CaseInputs inputs = CaseDiscovery.discover(Path.of(args[0]));
    AlgorithmDescriptor sleeper = DockerTestSupport.reference("sleeper", "gz-b17", "/data", "--mode sleep", 600);
    try (AlgorithmFactory factory = new AlgorithmFactory(Path.of(args[1]), null, line -> { })) {
      System.out.println("run " + factory.runId());
      System.out.flush();
      new Segmentor(List.of(), new Segmentor.Options(1, 1)).run(inputs, factory.createAll(List.of(sleeper)), Path.of(args[1]));
    }
  }
}
