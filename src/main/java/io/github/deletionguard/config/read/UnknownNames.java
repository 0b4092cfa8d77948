package io.github.deletionguard.config.read;

import io.github.deletionguard.config.ConfigIssues;

import java.util.Collection;
import java.util.Comparator;
import java.util.Optional;

/**
 * Reports a key or field the program does not read, with the known name it most likely means:
 * a misspelt setting must fail loudly, since ignoring it would deploy the default silently.
 */
final class UnknownNames {
    private UnknownNames() {
    }

    /**
     * @param field   the issue's field path
     * @param written the unknown name as written
     * @param known   the names that would be read at that place
     * @param what    "key" or "field", for the message
     */
    static void report(ConfigIssues issues, String field, String written, Collection<String> known, String what) {
        String knownList = String.join(", ", known);
        closest(written, known).ifPresentOrElse(
                meant -> issues.add(field, "is not a known " + what + "; did you mean " + meant + "?",
                        "rename it to " + meant + ", or remove it (known: " + knownList + ")."),
                () -> issues.add(field, "is not a known " + what + ".", "use one of " + knownList + ", or remove it."));
    }

    /** The known name within a few edits of the written one (ignoring case), if there is one. */
    static Optional<String> closest(String written, Collection<String> known) {
        return known.stream()
                .filter(name -> distance(written.toLowerCase(), name.toLowerCase()) <= allowedEdits(name))
                .min(Comparator.comparingInt((String name) -> distance(written.toLowerCase(), name.toLowerCase()))
                        .thenComparing(Comparator.naturalOrder()));
    }

    /** One edit for short names (id, name), up to three for long ones, so unrelated short names are not offered. */
    private static int allowedEdits(String name) {
        return Math.min(3, Math.max(1, name.length() / 3));
    }

    /** Levenshtein distance: insertions, deletions and substitutions. */
    private static int distance(String a, String b) {
        int[] previous = new int[b.length() + 1];
        int[] current = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            previous[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            current[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int substitution = previous[j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1);
                current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
            }
            int[] swap = previous;
            previous = current;
            current = swap;
        }
        return previous[b.length()];
    }
}
