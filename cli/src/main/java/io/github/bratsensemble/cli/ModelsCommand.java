package io.github.bratsensemble.cli;

import io.github.bratsensemble.inference.tfjs.TfjsImporter;
import io.github.bratsensemble.inference.tfjs.TfjsModel;
import io.github.bratsensemble.inference.tfjs.TfjsModelReader;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** Model management: {@code models import-tfjs} converts a brainchop TensorFlow.js model to ONNX. */
@Command(
    name = "models",
    mixinStandardHelpOptions = true,
    description = "Manage segmentation and brain-extraction models.",
    subcommands = {ModelsCommand.ImportTfjs.class})
final class ModelsCommand implements Runnable {
  @Spec
  CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a subcommand is required: import-tfjs");
  }

  /** Converts a TensorFlow.js layers model (model.json + weight files) to an ONNX file. */
  @Command(
      name = "import-tfjs",
      mixinStandardHelpOptions = true,
      description = {
          "Convert a TensorFlow.js layers model (a folder with model.json and its .bin weights, as brainchop"
              + " publishes them) to ONNX.",
          "The ONNX input is [N, C, z, y, x] of the conformed volume, as brainchop feeds its models"
              + " transposed; --keep-axes keeps the tfjs axis order [N, C, D, H, W] instead."})
  static final class ImportTfjs implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    VerboseOption verbose;

    @Parameters(index = "0", paramLabel = "DIR", description = "Folder holding model.json, or the model.json file.")
    Path model;

    @Option(names = {"-o", "--output"}, required = true, paramLabel = "MODEL.onnx", description = "ONNX file to write.")
    Path output;

    @Option(names = "--keep-axes", description = "Keep the tfjs spatial axis order instead of reversing it.")
    boolean keepAxes;

    @Override
    public Integer call() throws Exception {
      TfjsModel parsed = TfjsModelReader.read(model);
      TfjsImporter.convert(model, output, !keepAxes);
      PrintWriter out = spec.commandLine().getOut();
      out.printf("wrote %s: %d layers, %d input channel(s), %d output channel(s)%n", output, parsed.layers().size(),
          parsed.inputChannels(), parsed.outputChannels());
      out.flush();
      return ExitCodes.OK;
    }
  }
}
