package io.github.deletionguard.config;

import java.util.List;

/** The stack configuration cannot be deployed; the message lists every issue at once. */
public final class InvalidConfigException extends RuntimeException {
    private final List<ConfigIssue> issues;

    public InvalidConfigException(String stackFile, List<ConfigIssue> issues) {
        super(render(stackFile, issues));
        this.issues = List.copyOf(issues);
    }

    public List<ConfigIssue> issues() {
        return issues;
    }

    private static String render(String stackFile, List<ConfigIssue> issues) {
        StringBuilder message = new StringBuilder()
                .append(stackFile).append(" has ").append(issues.size())
                .append(issues.size() == 1 ? " issue:" : " issues:");
        for (int i = 0; i < issues.size(); i++) {
            message.append('\n').append("  ").append(i + 1).append(". ").append(issues.get(i).describe());
        }
        return message.toString();
    }
}
