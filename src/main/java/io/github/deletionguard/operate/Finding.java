package io.github.deletionguard.operate;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One check in one place. {@code blocking} findings that fail, and every error (a check that
 * could not be made proves nothing), make the command exit non-zero.
 *
 * @param account the account id, or empty for organization-wide checks
 * @param region  the region, or empty for global checks
 * @param fix     what to do about a failure or an error; empty on a pass
 * @param facts   what tooling reads from {@code --json} (days left, latency, dependents)
 */
public record Finding(String check, String account, String region, Outcome outcome, boolean blocking,
                      String detail, Optional<String> fix, Map<String, Object> facts) {

    public Finding {
        facts = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(facts));
    }

    public Finding(String check, String account, String region, Outcome outcome, boolean blocking,
                   String detail, Optional<String> fix) {
        this(check, account, region, outcome, blocking, detail, fix, Map.of());
    }

    public Finding withFacts(Map<String, Object> more) {
        Map<String, Object> merged = new LinkedHashMap<>(facts);
        merged.putAll(more);
        return new Finding(check, account, region, outcome, blocking, detail, fix, merged);
    }

    public static Finding pass(String check, Place place, String detail) {
        return new Finding(check, place.account(), place.region(), Outcome.PASS, false, detail, Optional.empty());
    }

    public static Finding fail(String check, Place place, String detail, String fix) {
        return new Finding(check, place.account(), place.region(), Outcome.FAIL, true, detail, Optional.of(fix));
    }

    /** A failure worth reading that still lets the next step go ahead. */
    public static Finding warn(String check, Place place, String detail, String fix) {
        return new Finding(check, place.account(), place.region(), Outcome.FAIL, false, detail, Optional.of(fix));
    }

    public static Finding error(String check, Place place, String detail, String fix) {
        return new Finding(check, place.account(), place.region(), Outcome.ERROR, true, detail, Optional.of(fix));
    }

    public boolean stopsTheRun() {
        return blocking && outcome != Outcome.PASS;
    }
}
