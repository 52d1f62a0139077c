package io.github.bratsensemble.segmentor.staging;

import java.nio.file.Path;

/** A host path bound into a container. */
public record Mount(Path hostPath, String containerPath, boolean readOnly) {}
