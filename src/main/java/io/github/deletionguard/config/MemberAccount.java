package io.github.deletionguard.config;

import java.util.List;
import java.util.Optional;

/**
 * An account of the organization as the stack knows it, with its regions; guarded when the
 * stack's {@link StackScope} selects it. {@code organizationalUnit} is the OU a stack may select by.
 */
public record MemberAccount(NamedAccount account, List<String> regions, Optional<LogGroupLocation> cloudTrailLogGroup,
                            Optional<String> organizationalUnit) {

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
