package io.github.deletionguard.config.read;

import io.github.deletionguard.config.BaselineEngine;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.config.StackSetOperationPreferences;

import java.util.List;
import java.util.Optional;

import static io.github.deletionguard.config.read.ConfigNode.allRead;

/** Reads {@code deletion-guard:memberBaseline}; its absence keeps every account on the provider engine. */
final class MemberBaselineReader {
    static final String ENGINE_FIX = "set it to providers (one provider per configured account and region) or"
            + " stacksets (service-managed StackSets over organizationalUnits).";

    private MemberBaselineReader() {
    }

    /** @param defaultRegions the stack-wide regions, which the StackSets take when the section lists none */
    static Optional<MemberBaseline> read(ConfigNode written, Optional<List<String>> defaultRegions) {
        return written.object("write memberBaseline as {engine, organizationalUnits, regions, operationPreferences,"
                + " retainStacksOnAccountRemoval, callAs, delegatedAdministrator}.").flatMap(node -> {
            node.allowOnlyFields("engine", "organizationalUnits", "regions", "operationPreferences",
                    "retainStacksOnAccountRemoval", "callAs", "delegatedAdministrator");
            Optional<BaselineEngine> engine = node.required("engine", ENGINE_FIX, MemberBaselineReader::readEngine);
            Optional<List<String>> units = node.withDefault("organizationalUnits", ConfigNode::texts, List.of());
            Optional<List<String>> regions = node.optional("regions", ConfigNode::texts)
                    .flatMap(own -> own.isPresent() ? own : defaultRegions);
            Optional<StackSetOperationPreferences> preferences = node.withDefault("operationPreferences",
                    MemberBaselineReader::readPreferences, StackSetOperationPreferences.defaults());
            Optional<Boolean> retain = node.withDefault("retainStacksOnAccountRemoval", ConfigNode::bool, false);
            Optional<String> callAs = node.withDefault("callAs", ConfigNode::text, MemberBaseline.SELF);
            Optional<Optional<String>> administrator = node.optional("delegatedAdministrator", ConfigNode::accountId);
            return allRead(engine, units, regions, preferences, retain, callAs, administrator)
                    ? Optional.of(new MemberBaseline(engine.get(), units.get(), regions.get(), preferences.get(),
                    retain.get(), callAs.get(), administrator.get()))
                    : Optional.empty();
        });
    }

    private static Optional<BaselineEngine> readEngine(ConfigNode node) {
        return node.text().flatMap(written -> {
            Optional<BaselineEngine> engine = BaselineEngine.fromConfigValue(written);
            if (engine.isEmpty()) {
                node.reportIssue("'" + written + "' is not an engine.", ENGINE_FIX);
            }
            return engine;
        });
    }

    private static Optional<StackSetOperationPreferences> readPreferences(ConfigNode written) {
        return written.object("write operationPreferences as {regionConcurrencyType, failureTolerancePercentage,"
                + " maxConcurrentPercentage, concurrencyMode}.").flatMap(node -> {
            node.allowOnlyFields("regionConcurrencyType", "failureTolerancePercentage", "maxConcurrentPercentage",
                    "concurrencyMode");
            StackSetOperationPreferences defaults = StackSetOperationPreferences.defaults();
            Optional<String> regionConcurrency = node.withDefault("regionConcurrencyType", ConfigNode::text,
                    defaults.regionConcurrencyType());
            Optional<Integer> failureTolerance = node.withDefault("failureTolerancePercentage", ConfigNode::wholeNumber,
                    defaults.failureTolerancePercentage());
            Optional<Integer> maxConcurrent = node.withDefault("maxConcurrentPercentage", ConfigNode::wholeNumber,
                    defaults.maxConcurrentPercentage());
            Optional<String> mode = node.withDefault("concurrencyMode", ConfigNode::text, defaults.concurrencyMode());
            return allRead(regionConcurrency, failureTolerance, maxConcurrent, mode)
                    ? Optional.of(new StackSetOperationPreferences(regionConcurrency.get(), failureTolerance.get(),
                    maxConcurrent.get(), mode.get()))
                    : Optional.empty();
        });
    }
}
