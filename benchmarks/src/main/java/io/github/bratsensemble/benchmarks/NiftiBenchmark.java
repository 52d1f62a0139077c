package io.github.bratsensemble.benchmarks;

import io.github.bratsensemble.imaging.nifti.Nifti;
import io.github.bratsensemble.imaging.nifti.NiftiImage;
import io.github.bratsensemble.imaging.nifti.NiftiWriter;
import io.github.bratsensemble.imaging.nifti.WriteOptions;
import io.github.bratsensemble.imaging.volume.FloatVolume;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;

/**
 * Reads and writes a 240x240x155 int16 {@code .nii.gz}. The file defaults to the BraTS 2023 T1c
 * image of the shared test data; pass {@code -p file=PATH} to use another.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class NiftiBenchmark {
  @Param("../shared/data/brats2023-GLI-00001-000/BraTS-GLI-00001-000-t1c.nii.gz")
  public String file;

  private NiftiImage image;
  private Path output;

  @Setup
  public void load() throws IOException {
    image = Nifti.read(Path.of(file));
    output = Files.createTempFile("nifti-benchmark", ".nii.gz");
  }

  @TearDown
  public void delete() throws IOException {
    Files.deleteIfExists(output);
  }

  /** Raw read: the header and int16 voxels as stored. */
  @Benchmark
  public NiftiImage readInt16() throws IOException {
    return Nifti.read(Path.of(file));
  }

  /** Read and convert to float32 with scaling applied, the counterpart of nibabel's get_fdata(). */
  @Benchmark
  public FloatVolume readAsFloat() throws IOException {
    return Nifti.readFloat(Path.of(file));
  }

  /** Write int16 voxels gzipped, atomically. */
  @Benchmark
  public Path writeInt16Gz() throws IOException {
    NiftiWriter.write(output, image, WriteOptions.defaults());
    return output;
  }
}
