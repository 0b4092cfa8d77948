package io.github.deletionguard.operate.status;

import io.github.deletionguard.alarms.AlarmDefinition;

import io.github.deletionguard.config.PolicyTarget;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.OrganizationPolicy;
import io.github.deletionguard.operate.Place;
import io.github.deletionguard.operate.aws.AccountClients;
import io.github.deletionguard.operate.aws.AwsErrors;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.MetricAlarm;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.eventbridge.model.DescribeRuleResponse;
import software.amazon.awssdk.services.eventbridge.model.RuleState;
import software.amazon.awssdk.services.sns.model.Subscription;
import software.amazon.awssdk.services.ssm.model.AutomationExecutionFilterKey;
import software.amazon.awssdk.services.ssm.model.AutomationExecutionMetadata;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * {@code status <stack>}: whether what {@code pulumi up} deployed still delivers. Read-only;
 * meant to run after every up and on a schedule.
 */
public final class Status {
    static final Duration FAILED_INVOCATIONS_WINDOW = Duration.ofHours(24);
    static final Duration EXECUTIONS_WINDOW = Duration.ofDays(7);
    private static final String EVENTBRIDGE_METRICS = "AWS/Events";

    private final Operation operation;

    public Status(Operation operation) {
        this.operation = operation;
    }

    public List<Finding> run() {
        List<Place> places = new ArrayList<>();
        operation.config().notificationRegions().forEach(region -> places.add(new Place(operation.securityAccountId(), region)));
        places.addAll(operation.guardedAccountRegions().stream().filter(place -> !places.contains(place)).toList());
        places.add(Place.global(operation.managementAccountId()));
        return operation.fanOut().run("status", places, this::checkPlace);
    }

    private List<Finding> checkPlace(Place place) {
        if (place.region().isEmpty()) {
            return policiesAttached(operation.sessions().in(place.account(), operation.homeRegion()), place);
        }
        AccountClients clients = operation.sessions().in(place.account(), place.region());
        clients.reach();
        List<Finding> findings = new ArrayList<>();
        boolean security = place.account().equals(operation.securityAccountId());
        if (security && operation.config().notificationRegions().contains(place.region())) {
            findings.addAll(subscriptions(clients, place));
        }
        if (security && place.region().equals(operation.homeRegion())) {
            operation.notifyRules().forEach(rule -> findings.add(rule(clients, place, rule, Optional.of(operation.names().centralBus()))));
            operation.summaryRules().forEach(rule -> findings.add(rule(clients, place, rule, Optional.empty())));
        }
        operation.config().accounts().stream().filter(member -> member.id().equals(place.account()) && member.hostsLogGroupIn(place.region()))
                .findFirst().ifPresent(member -> findings.addAll(alarms(clients, place)));
        if (isGuarded(place)) {
            findings.add(rule(clients, place, operation.names().forwardingRule(), Optional.empty()));
            if (operation.config().remediation().anyEnabled()) {
                findings.add(rule(clients, place, operation.names().remediationRule(), Optional.empty()));
                findings.add(remediationExecutions(clients, place));
            }
        }
        return findings;
    }

    private boolean isGuarded(Place place) {
        return operation.config().guardedAccounts().stream()
                .anyMatch(member -> member.id().equals(place.account()) && member.regions().contains(place.region()));
    }

    /** The hub of the region and, in the home region, the notices topic: every address must receive both. */
    List<Finding> subscriptions(AccountClients clients, Place place) {
        List<Finding> findings = new ArrayList<>(subscriptions(clients, place, operation.names().hubTopicArn(place.region()), ""));
        if (place.region().equals(operation.homeRegion())) {
            findings.addAll(subscriptions(clients, place, operation.names().noticeTopicArn(), " (notices topic)"));
        }
        return findings;
    }

    /** @param topicLabel what tells the topic apart in a finding's detail, after the address */
    private List<Finding> subscriptions(AccountClients clients, Place place, String topicArn, String topicLabel) {
        String check = "subscription";
        try {
            List<Subscription> subscriptions = clients.sns().listSubscriptionsByTopicPaginator(request -> request.topicArn(topicArn))
                    .subscriptions().stream().toList();
            List<Finding> findings = new ArrayList<>();
            for (String email : operation.config().securityAccount().notificationEmails()) {
                Optional<Subscription> found = subscriptions.stream()
                        .filter(subscription -> subscription.protocol().equals("email") && subscription.endpoint().equalsIgnoreCase(email)).findFirst();
                if (found.isEmpty()) {
                    findings.add(Finding.fail(check, place, email + " is not subscribed to " + topicArn,
                            "run 'pulumi up' again: the stack subscribes every notificationEmails address."));
                } else if (found.get().subscriptionArn().equals("PendingConfirmation")) {
                    findings.add(Finding.fail(check, place, email + " has not confirmed its subscription" + topicLabel + ": nothing reaches it",
                            "open the confirmation mail and confirm with authentication (README: after the first up):"
                                    + " aws sns confirm-subscription --topic-arn " + topicArn + " --token <token> --authenticate-on-unsubscribe true"));
                } else {
                    Map<String, String> attributes = clients.sns().getSubscriptionAttributes(request ->
                            request.subscriptionArn(found.get().subscriptionArn())).attributes();
                    if ("true".equals(attributes.get("ConfirmationWasAuthenticated"))) {
                        findings.add(Finding.pass(check, place, email + " confirmed with authentication" + topicLabel));
                    } else {
                        findings.add(Finding.warn(check, place, email + " confirmed through the mail link" + topicLabel + ": anyone holding one"
                                        + " of its mails can unsubscribe it without credentials",
                                "unsubscribe and subscribe again, then confirm with --authenticate-on-unsubscribe true."));
                    }
                }
            }
            return findings;
        } catch (RuntimeException e) {
            return List.of(Finding.error(check, place, "cannot read " + topicArn + ": " + AwsErrors.message(e),
                    "give the access role sns:ListSubscriptionsByTopic and sns:GetSubscriptionAttributes."));
        }
    }

    List<Finding> alarms(AccountClients clients, Place place) {
        List<String> expected = AlarmDefinition.forMode(operation.config().alarmMode()).stream().map(alarm -> operation.names().alarm(alarm.id())).toList();
        String topicArn = operation.names().hubTopicArn(place.region());
        try {
            Map<String, MetricAlarm> found = clients.cloudWatch().describeAlarms(request -> request.alarmNames(expected))
                    .metricAlarms().stream().collect(Collectors.toMap(MetricAlarm::alarmName, alarm -> alarm));
            List<Finding> findings = new ArrayList<>();
            for (String name : expected) {
                MetricAlarm alarm = found.get(name);
                if (alarm == null) {
                    findings.add(Finding.fail("alarm", place, name + " does not exist", "run 'pulumi up'."));
                } else if (!Boolean.TRUE.equals(alarm.actionsEnabled()) || !alarm.alarmActions().contains(topicArn)) {
                    findings.add(Finding.fail("alarm", place, name + " does not notify " + topicArn + " (actions enabled: "
                            + alarm.actionsEnabled() + ", actions " + alarm.alarmActions() + ")", "run 'pulumi up' to restore its actions."));
                } else if (alarm.stateValue() == StateValue.ALARM) {
                    findings.add(Finding.warn("alarm", place, name + " is in ALARM since " + alarm.stateUpdatedTimestamp()
                                    + ": CloudWatch notifies only on a change, so a new deletion stays silent until it is OK again",
                            "find the cause in CloudTrail, then let it return to OK (or aws cloudwatch set-alarm-state --state-value OK)."));
                } else {
                    findings.add(Finding.pass("alarm", place, name + " is " + alarm.stateValueAsString() + " and notifies the hub"));
                }
            }
            return findings;
        } catch (RuntimeException e) {
            return List.of(Finding.error("alarm", place, "cannot read alarms: " + AwsErrors.message(e),
                    "give the access role cloudwatch:DescribeAlarms."));
        }
    }

    Finding rule(AccountClients clients, Place place, String ruleName, Optional<String> busName) {
        String check = "rule";
        try {
            DescribeRuleResponse rule = clients.events().describeRule(request -> request.name(ruleName).eventBusName(busName.orElse(null)));
            if (rule.state() != RuleState.ENABLED && rule.state() != RuleState.ENABLED_WITH_ALL_CLOUDTRAIL_MANAGEMENT_EVENTS) {
                return Finding.fail(check, place, ruleName + " is " + rule.stateAsString(), "run 'pulumi up' to enable it again, and find out who disabled it.");
            }
            double failed = failedInvocations(clients, ruleName, busName);
            if (failed > 0) {
                return Finding.fail(check, place, ruleName + " is enabled but failed " + (long) failed + " invocations in the last 24 hours",
                        "look at the target's role and the central bus policy (events:PutEvents); run 'pulumi up' to restore them.");
            }
            return Finding.pass(check, place, ruleName + " is enabled, no failed invocations in the last 24 hours");
        } catch (RuntimeException e) {
            if (AwsErrors.isCode(e, "ResourceNotFoundException")) {
                return Finding.fail(check, place, ruleName + " does not exist", "run 'pulumi up'.");
            }
            return Finding.error(check, place, "cannot read rule " + ruleName + ": " + AwsErrors.message(e),
                    "give the access role events:DescribeRule and cloudwatch:GetMetricStatistics.");
        }
    }

    private double failedInvocations(AccountClients clients, String ruleName, Optional<String> busName) {
        Instant now = operation.clock().instant();
        List<software.amazon.awssdk.services.cloudwatch.model.Dimension> dimensions = new ArrayList<>();
        busName.ifPresent(bus -> dimensions.add(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder()
                .name("EventBusName").value(bus).build()));
        dimensions.add(software.amazon.awssdk.services.cloudwatch.model.Dimension.builder().name("RuleName").value(ruleName).build());
        return clients.cloudWatch().getMetricStatistics(request -> request.namespace(EVENTBRIDGE_METRICS).metricName("FailedInvocations")
                        .dimensions(dimensions).startTime(now.minus(FAILED_INVOCATIONS_WINDOW)).endTime(now)
                        .period((int) FAILED_INVOCATIONS_WINDOW.toSeconds()).statistics(Statistic.SUM))
                .datapoints().stream().mapToDouble(Datapoint::sum).sum();
    }

    Finding remediationExecutions(AccountClients clients, Place place) {
        String check = "remediation-executions";
        Instant since = operation.clock().instant().minus(EXECUTIONS_WINDOW);
        try {
            List<AutomationExecutionMetadata> executions = clients.ssm().describeAutomationExecutionsPaginator(request -> request.filters(
                            filter -> filter.key(AutomationExecutionFilterKey.DOCUMENT_NAME_PREFIX).values(operation.names().remediationDocument()),
                            filter -> filter.key(AutomationExecutionFilterKey.START_TIME_AFTER).values(since.toString())))
                    .stream().flatMap(page -> page.automationExecutionMetadataList().stream()).toList();
            Map<String, Long> byStatus = executions.stream().collect(Collectors.groupingBy(
                    AutomationExecutionMetadata::automationExecutionStatusAsString, TreeMap::new, Collectors.counting()));
            List<String> unsuccessful = executions.stream().filter(execution -> !List.of("Success", "InProgress", "Pending", "Waiting")
                    .contains(execution.automationExecutionStatusAsString())).map(AutomationExecutionMetadata::automationExecutionId).toList();
            String detail = executions.size() + " executions in the last 7 days " + byStatus;
            if (!unsuccessful.isEmpty()) {
                return Finding.warn(check, place, detail + "; unsuccessful: " + unsuccessful,
                        "read each with aws ssm get-automation-execution; a key left Disabled or a secret left deleted needs a person now.");
            }
            return Finding.pass(check, place, detail);
        } catch (RuntimeException e) {
            return Finding.error(check, place, "cannot read executions: " + AwsErrors.message(e),
                    "give the access role ssm:DescribeAutomationExecutions.");
        }
    }

    /** Each organization policy the stack attaches, every part of it, is still attached to each of its targets. */
    List<Finding> policiesAttached(AccountClients clients, Place place) {
        List<Finding> findings = new ArrayList<>();
        for (OrganizationPolicy policy : operation.organizationPolicies()) {
            String check = policy.shortName() + "-attached";
            for (PolicyTarget target : policy.targets()) {
                try {
                    List<String> attached = clients.organizations().listPoliciesForTargetPaginator(request -> request.targetId(target.id())
                                    .filter(policy.type())).stream()
                            .flatMap(page -> page.policies().stream()).map(summary -> summary.name()).toList();
                    List<String> missing = policy.names().stream().filter(name -> !attached.contains(name)).toList();
                    findings.add(missing.isEmpty() ? Finding.pass(check, place, String.join(", ", policy.names()) + " attached to " + target.id())
                            : Finding.fail(check, place, policy.typeName() + " " + String.join(", ", missing) + " not attached to " + target.id(),
                            "run 'pulumi up'; if it was detached by hand, find out who did (CloudTrail DetachPolicy in us-east-1)."));
                } catch (RuntimeException e) {
                    findings.add(Finding.error(check, place, "cannot read the " + policy.typeName() + "s of " + target.id() + ": "
                            + AwsErrors.message(e), "give the management account's access role organizations:ListPoliciesForTarget."));
                }
            }
        }
        return findings;
    }
}
