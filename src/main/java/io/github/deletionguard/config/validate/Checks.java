package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssues;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.function.Predicate;

/** Checks that several parts of the config share, each written once. */
final class Checks {
    /** KMS pending windows and Secrets Manager recovery windows both run from 7 to 30 days. */
    private static final int SHORTEST_WINDOW_DAYS = 7;
    private static final int LONGEST_WINDOW_DAYS = 30;

    private Checks() {
    }

    /**
     * Reports every entry whose identity an earlier entry of the same list has already. Empty
     * entries (unreadable, or reported as malformed) take no part, so one mistake is one issue.
     *
     * @param pathOf   the field path of the entry at an index
     * @param identity what makes two entries the same (e.g. an e-mail address in lower case)
     * @param shown    the entry as the message quotes it
     */
    static <T> void listedOnce(ConfigIssues issues, List<Optional<T>> entries, IntFunction<String> pathOf,
                               Function<T, ?> identity, Function<T, String> shown, String fix) {
        Map<Object, Integer> firstIndex = new HashMap<>();
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            entries.get(i).ifPresent(entry -> {
                Integer first = firstIndex.putIfAbsent(identity.apply(entry), index);
                if (first != null) {
                    issues.add(pathOf.apply(index), "'" + shown.apply(entry) + "' is listed twice: it is already "
                            + pathOf.apply(first) + ".", fix);
                }
            });
        }
    }

    /** A list of plain values listed once each; values that fail {@code wellFormed} were reported already. */
    static void listedOnce(ConfigIssues issues, List<String> values, String listPath, Predicate<String> wellFormed) {
        listedOnce(issues, values.stream().map(value -> Optional.of(value).filter(wellFormed)).toList(),
                index -> listPath + "[" + index + "]", Function.identity(), Function.identity(), "remove the duplicate.");
    }

    /**
     * A KMS pending window or Secrets Manager recovery window, which AWS accepts from 7 to 30 days.
     *
     * @param defaultDays what leaving the field out gives, if it may be left out
     */
    static void deletionWindow(ConfigIssues issues, String path, int days, OptionalInt defaultDays) {
        if (days < SHORTEST_WINDOW_DAYS || days > LONGEST_WINDOW_DAYS) {
            issues.add(path, days + " is outside the " + SHORTEST_WINDOW_DAYS + " to " + LONGEST_WINDOW_DAYS
                            + " days KMS and Secrets Manager accept for a deletion window.",
                    "use " + SHORTEST_WINDOW_DAYS + " to " + LONGEST_WINDOW_DAYS + " days"
                            + (defaultDays.isPresent() ? "; leave it out for the default " + defaultDays.getAsInt() : "") + ".");
        }
    }

    /** A region code of the commercial partition, the only one whose ARNs the program writes. */
    static boolean region(ConfigIssues issues, String path, String region) {
        if (AwsRegions.isOtherPartition(region)) {
            issues.add(path, "'" + region + "' is outside the commercial aws partition, which is all this program supports.",
                    "guard GovCloud or China accounts from a separate program build for that partition.");
            return false;
        }
        if (!AwsRegions.isCommercial(region)) {
            issues.add(path, "'" + region + "' is not an AWS region code.", "use a code such as eu-central-1 or us-east-1.");
            return false;
        }
        return true;
    }

    /** Entries with their index, for checks that go through a list in order. */
    static <T> void forEachRead(List<Optional<T>> entries, IndexedCheck<T> check) {
        for (int i = 0; i < entries.size(); i++) {
            int index = i;
            entries.get(i).ifPresent(entry -> check.apply(index, entry));
        }
    }

    @FunctionalInterface
    interface IndexedCheck<T> {
        void apply(int index, T entry);
    }
}
