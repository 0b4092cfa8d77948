package io.github.deletionguard.testing;

import com.google.gson.JsonObject;
import software.amazon.event.ruler.Machine;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Decides whether EventBridge patterns match an event with AWS's own matcher (Event Ruler), not
 * with our reading of the pattern language. A pattern the matcher cannot compile fails the test.
 */
public final class EventRuleMatcher {
    private EventRuleMatcher() {
    }

    public static boolean matches(String pattern, JsonObject event) {
        return !matching(Map.of("rule", pattern), event).isEmpty();
    }

    /** The names of the patterns that match the event. */
    public static Set<String> matching(Map<String, String> patternsByName, JsonObject event) {
        Machine machine = new Machine();
        patternsByName.forEach((name, pattern) -> {
            try {
                machine.addRule(name, pattern);
            } catch (IOException | RuntimeException e) {
                throw new AssertionError("Event Ruler rejects the pattern of " + name + ": " + pattern, e);
            }
        });
        try {
            return new TreeSet<>(machine.rulesForJSONEvent(event.toString()));
        } catch (Exception e) {
            throw new IllegalStateException("Event Ruler cannot read the event " + event, e);
        }
    }
}
