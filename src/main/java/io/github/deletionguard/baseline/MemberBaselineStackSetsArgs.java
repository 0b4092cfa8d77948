package io.github.deletionguard.baseline;

import com.pulumi.aws.Provider;
import io.github.deletionguard.config.MemberBaseline;
import io.github.deletionguard.naming.ResourceNames;

/**
 * @param provider  the StackSets' administrator: the management account, or the delegated administrator
 * @param templates the baseline, rendered before anything is registered
 */
public record MemberBaselineStackSetsArgs(Provider provider, ResourceNames names, BaselineTemplates templates,
                                          MemberBaseline baseline) {
}
