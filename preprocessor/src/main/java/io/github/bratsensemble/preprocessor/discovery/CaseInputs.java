package io.github.bratsensemble.preprocessor.discovery;

import java.nio.file.Path;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The four recognised sequences of one case.
 *
 * @param caseId the case name used in output file names (by default the folder name)
 * @param folder the case folder
 * @param sources one source per {@link Sequence}
 */
public record CaseInputs(String caseId, Path folder, Map<Sequence, SequenceSource> sources) {
  public CaseInputs {
    EnumMap<Sequence, SequenceSource> copy = new EnumMap<>(Sequence.class);
    copy.putAll(sources);
    for (Sequence s : Sequence.values()) {
      if (!copy.containsKey(s)) {
        throw new IllegalArgumentException("case " + caseId + " has no " + s + " sequence");
      }
    }
    sources = Collections.unmodifiableMap(copy);
  }

  public SequenceSource source(Sequence sequence) {
    return sources.get(sequence);
  }

  /** Returns the same sequences with {@code sequence} read from another source. */
  public CaseInputs with(SequenceSource replacement) {
    EnumMap<Sequence, SequenceSource> copy = new EnumMap<>(sources);
    copy.put(replacement.sequence(), replacement);
    return new CaseInputs(caseId, folder, copy);
  }
}
