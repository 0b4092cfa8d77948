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

    /** The account's CloudTrail log group if it is in this region: where its alarms go. */
    public Optional<LogGroupLocation> logGroupIn(String region) {
        return cloudTrailLogGroup.filter(group -> group.region().equals(region));
    }

    public boolean hostsLogGroupIn(String region) {
        return logGroupIn(region).isPresent();
    }
}
