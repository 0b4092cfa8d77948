package io.github.deletionguard.patterns;

import io.github.deletionguard.documents.InvalidPolicyException;

/** EventBridge's and CloudWatch Logs' limits on the patterns the program deploys, checked before anything is registered. */
public final class PatternLimits {
    /**
     * EventBridge quota "Event pattern size": 2,048 characters per rule's pattern by default,
     * adjustable to 4,096 through a quota increase. The default holds until an account raises it.
     */
    public static final int MAX_EVENT_PATTERN_CHARACTERS = 2048;

    /** CloudWatch Logs API reference, PutMetricFilter: filterPattern is at most 1,024 characters. */
    public static final int MAX_FILTER_PATTERN_CHARACTERS = 1024;

    private PatternLimits() {
    }

    /** The rendered pattern, or an error naming the rule, its size and the quota. */
    public static String checked(String ruleName, EventPattern pattern) {
        return checked(ruleName, pattern, "split the rule, or fewer break-glass roles or alarm names in it.");
    }

    /** Same, with the fix that applies to what makes this rule grow. */
    public static String checked(String ruleName, EventPattern pattern, String fix) {
        String rendered = pattern.render();
        if (rendered.length() > MAX_EVENT_PATTERN_CHARACTERS) {
            throw new InvalidPolicyException("the event pattern of rule " + ruleName + " is " + rendered.length()
                    + " characters; EventBridge's quota 'Event pattern size' allows " + MAX_EVENT_PATTERN_CHARACTERS
                    + " by default. Fix: " + fix);
        }
        return rendered;
    }

    /**
     * The rendered filter pattern, or an error naming the metric filter, its size and the limit.
     *
     * @param fix what makes the pattern smaller, naming the config field it grows with
     */
    public static String checked(String filterName, FilterPattern pattern, String fix) {
        String rendered = pattern.render();
        if (rendered.length() > MAX_FILTER_PATTERN_CHARACTERS) {
            throw new InvalidPolicyException("the filter pattern of metric filter " + filterName + " is " + rendered.length()
                    + " characters; CloudWatch Logs (PutMetricFilter) allows " + MAX_FILTER_PATTERN_CHARACTERS + ". Fix: " + fix);
        }
        return rendered;
    }
}
