package io.github.deletionguard.testing;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * The day every test runs on, so approval dates in the stack files and golden files stay valid
 * whatever the machine's date: the program reads the time only through the clock it is given.
 */
public final class TestClock {
    public static final LocalDate TODAY = LocalDate.of(2026, 12, 2);
    public static final Clock CLOCK = on(TODAY);

    private TestClock() {
    }

    /** A clock fixed in the morning (UTC) of {@code day}. */
    public static Clock on(LocalDate day) {
        return Clock.fixed(Instant.from(day.atTime(9, 30).atOffset(ZoneOffset.UTC)), ZoneOffset.UTC);
    }
}
