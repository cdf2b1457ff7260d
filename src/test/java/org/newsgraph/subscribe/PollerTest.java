package org.newsgraph.subscribe;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The polling schedule, on a clock of the test's own: no test waits. */
class PollerTest {

  private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

  /** A clock that the sleeper moves forward, and rounds that take the time the test says. */
  private static final class FakeTime extends Clock {
    Instant now = T0;
    final List<Duration> sleeps = new ArrayList<>();

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public java.time.ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    boolean sleep(Duration d) {
      sleeps.add(d);
      now = now.plus(d);
      return true;
    }
  }

  @Test
  void roundsStartAtAFixedRateAndAnOverrunSkipsTheSlotsItMissed() {
    FakeTime time = new FakeTime();
    List<Instant> starts = new ArrayList<>();
    Duration[] work = {Duration.ofMinutes(2), Duration.ofMinutes(40), Duration.ZERO, Duration.ZERO};
    Poller poller = new Poller(Duration.ofMinutes(15), 4, time, time::sleep, () -> false);
    int ran =
        poller.run(
            n -> {
              starts.add(time.now);
              time.now = time.now.plus(work[n - 1]);
            });
    assertThat(ran).isEqualTo(4);
    assertThat(starts)
        .containsExactly(
            T0, // takes 2 minutes: waits 13
            T0.plus(Duration.ofMinutes(15)), // takes 40: the 08:30 slot is missed
            T0.plus(Duration.ofMinutes(60)),
            T0.plus(Duration.ofMinutes(75)));
    assertThat(time.sleeps)
        .containsExactly(Duration.ofMinutes(13), Duration.ofMinutes(5), Duration.ofMinutes(15));
  }

  @Test
  void aStopDuringTheWaitOrARoundEndsThePolling() {
    FakeTime time = new FakeTime();
    StopSignal stop = new StopSignal();
    List<Integer> rounds = new ArrayList<>();
    Sleeper stoppedAtSecondWait = d -> time.sleeps.size() < 1 && time.sleep(d);
    int ran =
        new Poller(Duration.ofMinutes(1), 0, time, stoppedAtSecondWait, stop::stopped)
            .run(rounds::add);
    assertThat(ran).isEqualTo(2);
    assertThat(rounds).containsExactly(1, 2);

    List<Integer> more = new ArrayList<>();
    int stoppedInRound =
        new Poller(Duration.ofMinutes(1), 0, time, time::sleep, stop::stopped)
            .run(
                n -> {
                  more.add(n);
                  if (n == 3) {
                    stop.stop();
                  }
                });
    assertThat(stoppedInRound).isEqualTo(3);
    assertThat(stop.sleep(Duration.ofHours(1))).isFalse(); // a stopped sleeper does not wait
  }

  @Test
  void durationsAreReadAndWrittenInTheirUnits() {
    assertThat(Durations.parse("--every", "15m")).isEqualTo(Duration.ofMinutes(15));
    assertThat(Durations.parse("--every", "30s")).isEqualTo(Duration.ofSeconds(30));
    assertThat(Durations.parse("--every", "1h")).isEqualTo(Duration.ofHours(1));
    assertThat(Durations.parse("--every", "250ms")).isEqualTo(Duration.ofMillis(250));
    assertThat(Durations.format(Duration.ofSeconds(90))).isEqualTo("90s");
    assertThat(Durations.format(Duration.ofMinutes(120))).isEqualTo("2h");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("--every", "15"))
        .hasMessage("--every must be a duration like 30s, 15m or 1h (units ms, s, m, h, d): 15");
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> Durations.parse("--every", "-1m"))
        .isInstanceOf(org.newsgraph.model.InvalidValueException.class);
  }
}
