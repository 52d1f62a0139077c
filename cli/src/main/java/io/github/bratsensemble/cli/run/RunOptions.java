package io.github.bratsensemble.cli.run;

import io.github.bratsensemble.fusionator.FusionMethod;
import io.github.bratsensemble.fusionator.labels.LabelConvention;
import java.nio.file.Path;
import java.util.List;

/**
 * Settings of one {@code run}.
 *
 * @param input one case folder or a folder of case folders
 * @param outputDir the output root; each case gets {@code <outputDir>/<case>/}
 * @param preprocessed whether the inputs are already skull-stripped and in BraTS space
 * @param registry the algorithm registry file
 * @param algorithmIds the algorithms to run, or empty for every enabled one
 * @param fusionMethods the fusion methods; the first one's consensus is the case's consensus
 * @param truthConvention the label convention of ground-truth {@code -seg} files
 * @param jobs cases processed at the same time
 * @param force whether steps recorded as complete are run again
 * @param threads worker threads for preprocessing and native-space mapping, per case
 * @param atlas the atlas T1 for preprocessing, or {@code null} for the cached SRI-24 atlas
 * @param cacheDir the download cache of the atlas and models, or {@code null} for the default one
 * @param offline whether preprocessing must not download
 * @param command the command line as the user typed it, for reports
 * @param toolVersion the brats-ensemble version, for reports and manifests
 */
public record RunOptions(
    Path input,
    Path outputDir,
    boolean preprocessed,
    Path registry,
    List<String> algorithmIds,
    List<FusionMethod> fusionMethods,
    LabelConvention truthConvention,
    int jobs,
    boolean force,
    int threads,
    Path atlas,
    Path cacheDir,
    boolean offline,
    String command,
    String toolVersion) {

  public RunOptions {
    algorithmIds = List.copyOf(algorithmIds);
    fusionMethods = List.copyOf(fusionMethods);
    if (fusionMethods.isEmpty()) {
      throw new IllegalArgumentException("at least one fusion method is required");
    }
    if (jobs < 1) {
      throw new IllegalArgumentException("jobs must be at least 1 but was " + jobs);
    }
  }
}
