package io.github.deletionguard.detection;

import io.github.deletionguard.awsapi.EventField;
import io.github.deletionguard.awsapi.ServiceEvent;
import io.github.deletionguard.config.ConfigKeys;
import io.github.deletionguard.config.PipelineRole;
import io.github.deletionguard.documents.AutomationInput;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.naming.ResourceNames;
import io.github.deletionguard.patterns.EventPattern;
import io.github.deletionguard.patterns.PatternLimits;

import java.util.List;
import java.util.Map;

/**
 * The configured pipeline roles' denied calls, kept off the paging alarm: a second metric
 * filter counts them for an alarm that pages nobody, and when that alarm returns from ALARM to
 * OK (the run's last denied call plus one quiet period), a rule on the security account's
 * default bus starts the summary Automation, which sends one notice with the calls of the run.
 * A ceiling alarm pages the hub when they go on for hours: a pipeline run ends, an attacker
 * holding a pipeline role need not.
 *
 * @param automationDefinitionArn the summary document's default version, the rule's target
 * @param inputPaths              what the rule's input transformer reads from the alarm state change
 * @param inputTemplate           the Automation parameters, as the input transformer's template
 */
public record PreparedPipelineRuns(String filterName, String filterPattern, String metricName, String alarmName,
                                   String alarmDescription, String sustainedAlarmName, String sustainedAlarmDescription,
                                   String ruleName, String rulePattern, String automationDefinitionArn, String triggerRoleArn,
                                   Map<String, String> inputPaths, String inputTemplate) {
    /** The alarm's period, the paging alarm's: a run has ended after this long without a denied call. */
    public static final int PERIOD_SECONDS = DeniedCallsCounter.PERIOD_SECONDS;
    /** The ceiling: denied calls in every one of this many consecutive hours page the hub. */
    public static final int SUSTAINED_HOURS = 3;
    /**
     * How far before the alarm entered ALARM the summary looks: the first denied call is in
     * the period whose datapoint raised it, and CloudWatch evaluates that datapoint up to a
     * few minutes after the period ends; two periods cover both.
     */
    public static final int LEAD_MINUTES = 2 * PERIOD_SECONDS / 60;
    public static final String HEADING = "a pipeline run hit the guard";

    public PreparedPipelineRuns {
        inputPaths = Map.copyOf(inputPaths);
    }

    /** The fix named when the pipeline roles outgrow a metric filter pattern. */
    static final String TOO_MANY_ROLES = "list fewer " + ConfigKeys.qualified("pipelineRoles")
            + " (each adds its ARN and about 60 characters): one entry with * as the account covers the role in every account.";

    /** The input transformer variable of the instant the alarm went to ALARM, the run's start. */
    private static final String RUN_STARTED = "runStarted";

    /**
     * The session issuer ARN as the filter pattern matches it: exact, or, for the role in every
     * account, by its end behind a leading wildcard, since CloudWatch Logs has no inner wildcard.
     * A role whose own path ends in {@code :role/<the path>} (IAM allows colons in paths) ends the
     * same way and counts as the pipeline role; the README's threat model says what still pages.
     */
    static String issuerValue(PipelineRole role) {
        return role.inAnyAccount() ? "*" + role.arnSuffix() : role.arn();
    }

    /** @param countedPattern the pipeline roles' metric filter pattern, checked against its limit */
    static PreparedPipelineRuns prepare(ResourceNames names, String countedPattern, List<PipelineRole> roles) {
        String alarm = names.pipelineDeniedCallsAlarm();
        String rule = names.pipelineRunSummaryRule();
        String sustained = names.pipelineDeniedCallsSustainedAlarm();
        String alarmDescription = "Denied deletion attempts of the pipeline roles (" + ConfigKeys.qualified("pipelineRoles")
                + "): pages nobody. When it returns to OK, " + PERIOD_SECONDS / 60 + " minutes after the run's"
                + " last denied call, rule " + rule + " sends one notice with the run's calls to topic " + names.noticeTopic()
                + ". Denied calls in each of " + SUSTAINED_HOURS + " hours raise " + sustained + ", which pages.";
        String sustainedDescription = "Pipeline roles (" + ConfigKeys.qualified("pipelineRoles") + ") were denied deleting"
                + " or disabling guarded keys and secrets in each of the last " + SUSTAINED_HOURS + " hours: no"
                + " pipeline run takes that long, so treat it as an attacker holding a pipeline role. Callers: CloudWatch"
                + " Logs Insights on " + names.deniedCallsLogGroup() + " in " + names.homeRegion() + ": fields @timestamp,"
                + " account, detail.eventName, detail.userIdentity.sessionContext.sessionIssuer.arn | sort @timestamp desc";
        EventPattern runEnded = EventPattern.serviceEvent(ServiceEvent.ALARM_STATE_CHANGE)
                .with(EventField.ALARM_NAME, EventPattern.Match.equalTo(alarm))
                .with(EventField.ALARM_STATE, EventPattern.Match.equalTo("OK"))
                .with(EventField.ALARM_PREVIOUS_STATE, EventPattern.Match.equalTo("ALARM"));
        String parameters = new AutomationInput()
                .put("AutomationAssumeRole", names.summaryAutomationRoleArn())
                .put("LogGroupName", names.deniedCallsLogGroup())
                .put("StartTime", "<" + RUN_STARTED + ">")
                .put("LeadMinutes", Integer.toString(LEAD_MINUTES))
                .put("IssuerArns", roles.stream().map(PipelineRole::arn).toList())
                .put("Subject", names.prefix() + ": " + HEADING)
                .put("Heading", HEADING)
                .put("Hint", "If these deletions were planned, add an approved deletion for each resource and"
                        + " role (" + ConfigKeys.qualified("approvedDeletions") + ", README \"Approved deletions\"), run pulumi up"
                        + " and rerun the pipeline. If not, investigate: who changed the pipeline, and what else its role did.")
                .put("TopicArn", names.noticeTopicArn())
                .render();
        return new PreparedPipelineRuns(alarm, countedPattern, "PipelineDeniedCalls",
                alarm, PreparedForwarding.checkedDescription(alarm, alarmDescription), sustained, PreparedForwarding.checkedDescription(sustained, sustainedDescription),
                rule, PatternLimits.checked(rule, runEnded),
                Arns.automationDefinition(names.homeRegion(), names.securityAccountId(), names.summaryDocument()),
                names.summaryTriggerRoleArn(),
                Map.of(RUN_STARTED, EventField.ALARM_PREVIOUS_STATE_TIME.inputPath()),
                parameters);
    }
}
