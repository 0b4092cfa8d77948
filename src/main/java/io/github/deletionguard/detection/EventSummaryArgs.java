package io.github.deletionguard.detection;

import com.pulumi.aws.Provider;

import java.util.List;

/**
 * @param provider     the security account's provider in its home region
 * @param logGroupArns every log group the summary Automation may query: the ephemeral events,
 *                     and whatever else a rule of the security account summarizes
 */
public record EventSummaryArgs(Provider provider, PreparedSummary summary, List<String> logGroupArns) {
    public EventSummaryArgs {
        logGroupArns = List.copyOf(logGroupArns);
    }
}
