package io.github.deletionguard.config;

/**
 * One problem with the stack configuration: the field path as {@code pulumi config set --path}
 * spells it, what is wrong, and what to write instead.
 */
public record ConfigIssue(String field, String problem, String fix) {

    public String describe() {
        return field + ": " + problem + " Fix: " + fix;
    }
}
