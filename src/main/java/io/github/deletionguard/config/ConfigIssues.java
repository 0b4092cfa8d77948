package io.github.deletionguard.config;

import java.util.ArrayList;
import java.util.List;

/** Collects every problem so a user sees all of them in one run, not one per deploy attempt. */
public final class ConfigIssues {
    private final List<ConfigIssue> issues = new ArrayList<>();

    public void add(String field, String problem, String fix) {
        issues.add(new ConfigIssue(field, problem, fix));
    }

    /** Throws when anything was found, naming the stack file the user has to edit. */
    public void throwIfAny(String stackFile) {
        if (!issues.isEmpty()) {
            throw new InvalidConfigException(stackFile, issues);
        }
    }
}
