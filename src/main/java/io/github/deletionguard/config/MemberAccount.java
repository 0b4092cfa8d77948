package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/** An account the program guards, in each of its regions. */
public record MemberAccount(NamedAccount account, List<String> regions, Optional<LogGroupLocation> cloudTrailLogGroup) {

    public MemberAccount {
        regions = List.copyOf(regions);
    }

    public String id() {
        return account.id();
    }

    public String name() {
        return account.name();
    }

    public boolean hostsLogGroupIn(String region) {
        return cloudTrailLogGroup.map(group -> group.region().equals(region)).orElse(false);
    }
}
