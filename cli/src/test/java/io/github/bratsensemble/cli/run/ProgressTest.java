package io.github.bratsensemble.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.bratsensemble.segmentor.RunStatus;
import io.github.bratsensemble.segmentor.SegmentationListener;
import io.github.bratsensemble.segmentor.SegmentationRun;
import io.github.bratsensemble.segmentor.gpu.Gpu;
import io.github.bratsensemble.segmentor.schedule.Device;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The three progress modes, fed the events of a small run, with the text they print. */
class ProgressTest {
  private static final Device GPU0 = Device.of(new Gpu(0, "GPU-0", "Simulated", 1L << 30, 0));
  private static final String ESC = "\u001b[";

  /** Feeds one case's events: start, preprocess, two algorithms (one skipped), a failed fusion, end. */
  private static void feed(Progress progress) {
    progress.casesFound(2);
    progress.caseStarted("case-a");
    progress.line("case-a", "started from /in/case-a");
    progress.stepStarted("case-a", "preprocess");
    progress.step("case-a", "preprocess", new StepRecord(StepRecord.OK, 12.34, "cpu", ""));
    progress.stepStarted("case-a", "segment");
    SegmentationListener listener = progress.segmentationListener();
    listener.started("case-a", "isen2018", GPU0);
    listener.finished("case-a", new SegmentationRun("isen2018", RunStatus.OK, Duration.ofSeconds(3), GPU0, "", null,
        false));
    progress.step("case-a", "segment isen2018", new StepRecord(StepRecord.OK, 3, "gpu:0", ""));
    progress.step("case-a", "segment onnx-model", new StepRecord(StepRecord.SKIPPED, 0, "cpu", "no model"));
    progress.step("case-a", "fuse staple", new StepRecord(StepRecord.FAILED, 0.5, "", "no votes"));
    progress.caseFinished("case-a", false);
  }

  private static String run(ProgressMode mode) {
    StringWriter text = new StringWriter();
    Progress progress = new Progress(new PrintWriter(text), mode, 60);
    feed(progress);
    progress.close();
    progress.line(null, "summary -> out/summary.csv");
    progress.caseFinished("case-b", true);
    return text.toString();
  }

  @Test
  void plainModePrintsEveryEvent() {
    assertEquals(String.join(System.lineSeparator(),
        "[case-a] started from /in/case-a",
        "[case-a] preprocess: ok on cpu (12.3 s)",
        "[case-a] segment isen2018: started on gpu:0",
        "[case-a] segment isen2018: ok on gpu:0 (3.0 s)",
        "[case-a] segment onnx-model: skipped on cpu (0.0 s): no model",
        "[case-a] fuse staple: failed (0.5 s): no votes",
        "summary -> out/summary.csv", ""), run(ProgressMode.PLAIN));
  }

  @Test
  void quietModePrintsNothing() {
    assertEquals("", run(ProgressMode.QUIET));
  }

  @Test
  void liveModeRedrawsInPlace() {
    String up2 = "\r" + ESC + "2A" + ESC + "J";
    String up1 = "\r" + ESC + "1A" + ESC + "J";
    String header = "cases: 0/2 done, 0 failed, 1 running, 1 waiting\n";
    String expected = "cases: 0/2 done, 0 failed, 0 running, 2 waiting\n"
        + up1 + header + "  case-a  starting\n"
        + up2 + "[case-a] started from /in/case-a\n" + header + "  case-a  starting\n"
        + up2 + header + "  case-a  preprocess\n"
        + up2 + header + "  case-a  segment\n"
        + up2 + header + "  case-a  segment: isen2018 on gpu:0\n"
        + up2 + header + "  case-a  segment\n"
        + up2 + "[case-a] segment onnx-model: skipped on cpu (0.0 s): no model\n" + header + "  case-a  segment\n"
        + up2 + "[case-a] fuse staple: failed (0.5 s): no votes\n" + header + "  case-a  segment\n"
        + up2 + "cases: 1/2 done, 1 failed, 0 running, 1 waiting\n"
        + up1 + "summary -> out/summary.csv" + System.lineSeparator();
    assertEquals(expected, run(ProgressMode.LIVE));
  }

  @Test
  void rendererShowsDevicesPerCase() {
    ProgressState state = new ProgressState();
    state.casesFound(4);
    state.caseStarted("TCGA-FG-6692");
    state.stepStarted("TCGA-FG-6692", "segment");
    state.algorithmStarted("TCGA-FG-6692", "hd-glio", "gpu:0");
    state.algorithmStarted("TCGA-FG-6692", "region-growing", "cpu");
    state.caseStarted("p7");
    state.stepStarted("p7", "preprocess");
    state.caseStarted("done-ok");
    state.caseFinished("done-ok", true);

    assertEquals(List.of(
        "cases: 1/4 done, 0 failed, 2 running, 1 waiting",
        "  TCGA-FG-6692  segment: hd-glio on gpu:0, region-growing on cpu",
        "  p7            preprocess"), ProgressRenderer.render(state.snapshot(), 100));
  }

  @Test
  void rendererCutsLongLines() {
    ProgressState state = new ProgressState();
    state.casesFound(1);
    state.caseStarted("case-1");
    state.stepStarted("case-1", "segment");
    state.algorithmStarted("case-1", "a-very-long-algorithm-name", "gpu:12");

    assertEquals(List.of("cases: 0/1 done, 0 failed, 1 running,...", "  case-1  segment: a-very-long-algori..."),
        ProgressRenderer.render(state.snapshot(), 40));
  }
}
