package io.github.bratsensemble.preprocessor.pipeline;

import io.github.bratsensemble.preprocessor.manifest.Manifest;
import java.nio.file.Path;

/**
 * The outcome of one case.
 *
 * @param folder the finished case folder
 * @param skipped whether the case was already complete and was not processed again
 * @param manifest the case's manifest
 */
public record CaseResult(String caseId, Path folder, boolean skipped, Manifest manifest) {}
