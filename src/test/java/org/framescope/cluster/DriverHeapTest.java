package org.framescope.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class DriverHeapTest {
  @Test
  void readsEveryPauseOfAGcLogAndKeepsThePeaks() {
    List<String> log = List.of(
        "[0.008s][info][gc] Using G1",
        "[3.210s][info][gc] GC(0) Pause Young (Normal) (G1 Evacuation Pause) 51M->8M(1024M) 6.123ms",
        "[9.002s][info][gc] GC(5) Pause Young (Concurrent Start) (G1 Humongous Allocation) "
            + "300M->120M(1024M) 12.301ms",
        "[9.003s][info][gc] GC(6) Concurrent Mark Cycle",
        "[9.500s][info][gc] GC(6) Pause Remark 130M->110M(1024M) 2.010ms",
        "[9.600s][info][gc] GC(6) Pause Cleanup 110M->110M(1024M) 0.101ms",
        "[9.601s][info][gc] GC(6) Concurrent Mark Cycle 598.123ms",
        "[10.00s][info][gc] GC(7) Pause Full (System.gc()) 200M->90M(768M) 40.000ms");
    DriverHeap.GcFigures f = DriverHeap.read(log);
    assertThat(f).isEqualTo(new DriverHeap.GcFigures(5, 1, 300, 120, 90, 1024));
  }

  @Test
  void aLogWithoutPausesReadsAsNone() {
    assertThat(DriverHeap.read(List.of("[0.008s][info][gc] Using G1")))
        .isEqualTo(new DriverHeap.GcFigures(0, 0, 0, 0, 0, 0));
  }
}
