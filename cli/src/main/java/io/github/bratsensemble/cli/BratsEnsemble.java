package io.github.bratsensemble.cli;

import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code brats-ensemble} command: consensus brain-tumour segmentation from several algorithms. */
@Command(
    name = "brats-ensemble",
    mixinStandardHelpOptions = true,
    versionProvider = VersionProvider.class,
    description = "Consensus brain-tumour segmentation from several algorithms.",
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
        "0:success",
        "1:processing error (message on stderr)",
        "2:usage error"},
    subcommands = {
        CommandLine.HelpCommand.class,
        InfoCommand.class,
        ConvertCommand.class,
        FuseCommand.class,
        EvaluateCommand.class,
        RunCommand.class,
        ModelsCommand.class,
        BrainExtractCommand.class, TissueCommand.class,
        RegisterCommand.class, ApplyTransformCommand.class,
        PreprocessCommand.class, ToNativeCommand.class,
        SegmentCommand.class, AlgorithmsCommand.class, GpusCommand.class,
        PhantomCommand.class,
        DemoCommand.class,
    })
public final class BratsEnsemble implements Runnable {

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  public static void main(String[] args) {
    System.exit(newCommandLine().execute(args));
  }

  /** Creates the command line with the project's exit codes and error handling. */
  public static CommandLine newCommandLine() {
    CommandLine commandLine = new CommandLine(new BratsEnsemble());
    commandLine.setExecutionExceptionHandler(new ErrorHandler());
    commandLine.setExitCodeExceptionMapper(new ErrorHandler());
    commandLine.setParameterExceptionHandler(BratsEnsemble::reportUsageError);
    return commandLine;
  }

  /** Prints a usage error as its message, any spelling suggestions and a pointer to the command's help. */
  private static int reportUsageError(CommandLine.ParameterException e, String[] args) {
    CommandLine command = e.getCommandLine();
    PrintWriter err = command.getErr();
    err.println(e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("Run '" + command.getCommandSpec().qualifiedName() + " --help' for the options.");
    err.flush();
    return ExitCodes.USAGE_ERROR;
  }
}
