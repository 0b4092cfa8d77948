package io.github.deletionguard.config;

/** An AWS account as the program names it: the id AWS uses and the short name our logical names use. */
public record NamedAccount(String id, String name) {
}
