package io.github.deletionguard.detection;

import com.google.gson.JsonObject;
import com.pulumi.aws.cloudwatch.EventRule;
import io.github.deletionguard.alarms.PreparedAlarm;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.GuardConfig;
import io.github.deletionguard.documents.InvalidPolicyException;
import io.github.deletionguard.documents.PolicyFiles;
import io.github.deletionguard.patterns.PatternLimits;
import io.github.deletionguard.plan.PlannedResource;
import io.github.deletionguard.testing.ConfigBuilder;
import io.github.deletionguard.testing.Deployments;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/**
 * The size of every event pattern both stacks deploy, printed as the table the closing note
 * quotes, each within EventBridge's quota; and a configuration whose patterns would not fit is
 * refused with every rule that is too large named at once, before anything is registered.
 */
class PatternSizesTest {

    @Test
    void everyPatternOfBothStacksFitsTheQuota() {
        StringBuilder table = new StringBuilder("| rule | prod | staging |\n| --- | ---: | ---: |\n");
        Map<String, Integer> prod = sizes("prod");
        Map<String, Integer> staging = sizes("staging");
        Map<String, String> rows = new TreeMap<>();
        prod.keySet().forEach(rule -> rows.put(rule, ""));
        staging.keySet().forEach(rule -> rows.put(rule, ""));
        rows.keySet().forEach(rule -> table.append("| ").append(rule).append(" | ")
                .append(Optional.ofNullable(prod.get(rule)).map(String::valueOf).orElse("-")).append(" | ")
                .append(Optional.ofNullable(staging.get(rule)).map(String::valueOf).orElse("-")).append(" |\n"));
        System.out.println("Event pattern sizes (characters; quota " + PatternLimits.MAX_EVENT_PATTERN_CHARACTERS + "):\n" + table);
        List<Map<String, Integer>> stacks = List.of(prod, staging);
        stacks.forEach(sizes -> sizes.forEach((rule, size) ->
                assertTrue(size <= PatternLimits.MAX_EVENT_PATTERN_CHARACTERS, rule + " is " + size)));
        assertTrue(prod.containsKey("deletion-guard-forward-global-events") && staging.containsKey("deletion-guard-forward-global-events"));
    }

    @Test
    void patternsThatWouldNotFitAreRefusedAllAtOnceNamingTheQuotaAndTheFix() {
        List<String> roles = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            roles.add("\"/emergency/responders/BreakGlassResponderNumber" + i + "\"");
        }
        InvalidPolicyException error = assertThrows(InvalidPolicyException.class, () -> PreparedForwarding.prepare(
                ConfigBuilder.sample().edit("organization", organization -> organization.getAsJsonObject()
                        .add("breakGlassRoles", com.google.gson.JsonParser.parseString("[" + String.join(",", roles) + "]")))
                        .load(), PolicyFiles.inProjectRoot(), Optional.empty()));
        assertTrue(error.getMessage().contains("rule deletion-guard-forward-global-events is "), error.getMessage());
        assertTrue(error.getMessage().contains("rule deletion-guard-notify-break-glass-session is "), error.getMessage());
        assertTrue(error.getMessage().contains("'Event pattern size' allows 2048"), error.getMessage());
        assertTrue(error.getMessage().contains("Fix: "), error.getMessage());
        assertEquals(2, error.getMessage().lines().count(), error.getMessage());
    }

    private static Map<String, Integer> sizes(String stack) {
        Map<String, Integer> sizes = new TreeMap<>();
        for (PlannedResource rule : Deployments.ofType(Deployments.ofStackFile(stack), EventRule.class)) {
            if (rule.input("eventPattern") == null) {
                continue; // a schedule
            }
            sizes.merge(rule.input("name"), rule.input("eventPattern").length(), Math::max);
        }
        return sizes;
    }

    /**
     * Every ephemeral account adds its id to the digest's rule and to the paging rules it skips,
     * and to the metric filters of the deletion alarms: how many fit in each mode, printed, and
     * one more is refused naming the rule or filter.
     */
    @Test
    void ephemeralAccountsFitUpToAFigureAndOneMoreIsRefusedNamingTheRule() {
        for (AlarmMode mode : AlarmMode.values()) {
            int rules = fitting(mode, config -> PreparedForwarding.prepare(config, PolicyFiles.inProjectRoot(), Optional.empty()),
                    "rule deletion-guard-log-ephemeral-events is ");
            int filters = fitting(mode, PreparedAlarm::prepareAll, "of metric filter deletion-guard-");
            System.out.println("Ephemeral accounts that fit, " + mode.configValue() + ": " + rules + " (event patterns), "
                    + filters + " (metric filters on a trail's log group)");
            assertTrue(rules >= 40 && filters >= 18, mode + ": " + rules + ", " + filters);
        }
    }

    private static int fitting(AlarmMode mode, Consumer<GuardConfig> prepare, String refusal) {
        int fitting = 0;
        while (true) {
            try {
                prepare.accept(withSandboxes(mode, fitting + 1));
                fitting++;
            } catch (InvalidPolicyException e) {
                assertTrue(e.getMessage().contains(refusal) && e.getMessage().contains("ephemeral"), e.getMessage());
                return fitting;
            }
        }
    }

    private static GuardConfig withSandboxes(AlarmMode mode, int count) {
        return ConfigBuilder.stackFile("staging").alarmMode(mode).edit("accounts", accounts -> {
            for (int i = 1; i < count; i++) {
                JsonObject sandbox = new JsonObject();
                sandbox.addProperty("id", String.format("26%010d", i));
                sandbox.addProperty("name", "sandbox-" + i);
                sandbox.addProperty("organizationalUnit", "ou-st4g-s4ndb0x1");
                accounts.getAsJsonArray().add(sandbox);
            }
        }).load();
    }
}
