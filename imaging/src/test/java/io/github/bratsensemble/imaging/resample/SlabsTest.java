package io.github.bratsensemble.imaging.resample;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class SlabsTest {
  @Test
  void everySliceRunsOnce() {
    AtomicIntegerArray visits = new AtomicIntegerArray(37);
    Slabs.run(37, 3, (start, end) -> {
      for (int z = start; z < end; z++) {
        visits.incrementAndGet(z);
      }
    });
    for (int z = 0; z < 37; z++) {
      assertEquals(1, visits.get(z), "slice " + z);
    }
  }

  @Test
  void slabExceptionIsRethrown() {
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Slabs.run(8, 2, (start, end) -> {
      if (start == 0) {
        throw new IllegalStateException("slab failed");
      }
    }));
    assertEquals("slab failed", e.getMessage());
  }

  @Test
  void zeroThreadsIsRejected() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Slabs.run(8, 0, (s, e2) -> { }));
    assertEquals("thread count must be at least 1 but was 0", e.getMessage());
  }
}
