package io.github.deletionguard.operate.drill;

import com.google.gson.JsonParser;
import io.github.deletionguard.alarms.AlarmDefinition;
import io.github.deletionguard.naming.Tags;
import io.github.deletionguard.config.AlarmMode;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.naming.Arns;
import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Operation;
import io.github.deletionguard.operate.Place;
import io.github.deletionguard.operate.aws.AccountClients;
import io.github.deletionguard.operate.aws.AwsErrors;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.kms.KmsClient;
import software.amazon.awssdk.services.kms.model.KeyState;
import software.amazon.awssdk.services.secretsmanager.SecretsManagerClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@code drill <stack> [--account A --region R]}: proves every path reaches the hub topic, with
 * harmless real calls, and measures the latency from the call to the message. The messages are
 * read through a temporary SQS queue subscribed to every hub topic. Whatever the drill creates it
 * removes, also after a failure halfway, and says what it could not remove.
 *
 * <p>The SCP must carve out the drill's own resources: the deployer (and only the deployer) may
 * {@code kms:ScheduleKeyDeletion} and {@code secretsmanager:DeleteSecret} (force included) on
 * resources tagged {@link Tags#Tags.DRILL_TAG_KEY}={@link Tags#Tags.DRILL_TAG_VALUE}, and no one may set that tag
 * ({@code aws:RequestTag}/{@code aws:TagKeys} on {@code TagResource}, {@code CreateKey},
 * {@code CreateSecret}) except the deployer.
 */
public final class Drill {
    /** KMS's shortest pending window: the drill key is gone a week after the drill. */
    static final int KEY_PENDING_DAYS = 7;
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    static final Duration POLL_PAUSE = Duration.ofSeconds(5);
    /** A well-formed key id that exists nowhere: the SCP must deny before KMS looks it up. */
    static final String ABSENT_KEY_ID = "00000000-0000-4000-8000-000000000000";

    private final Operation operation;
    private final Place target;
    private final Deque<CleanupStep> cleanup = new ArrayDeque<>();
    private final List<DrillPath> paths = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private Optional<String> drillKey = Optional.empty();
    private Optional<String> drillSecret = Optional.empty();

    private record CleanupStep(String what, String byHand, Runnable action) {
    }

    /** A call made at {@code calledAt} whose message on the hub topic mentions {@code marker}. */
    private static final class DrillPath {
        final String name;
        final String marker;
        final Instant calledAt;
        Optional<Duration> latency = Optional.empty();

        DrillPath(String name, String marker, Instant calledAt) {
            this.name = name;
            this.marker = marker;
            this.calledAt = calledAt;
        }
    }

    public Drill(Operation operation, Place target) {
        this.operation = operation;
        this.target = target;
    }

    public List<Finding> run() {
        try {
            AccountClients security = operation.sessions().in(operation.securityAccountId(), operation.homeRegion());
            String queueUrl = temporaryQueue(security);
            alarmPaths();
            await(security.sqs(), queueUrl);
            resourcePaths();
            await(security.sqs(), queueUrl);
            remediationResults();
            paths.forEach(path -> findings.add(path.latency
                    .map(latency -> Finding.pass("drill-" + path.name, target, "delivered in " + latency.toMillis() / 1000.0 + " s")
                            .withFacts(Map.of("latencyMs", latency.toMillis())))
                    .orElseGet(() -> Finding.fail("drill-" + path.name, target, "no message on the hub topic within "
                            + DELIVERY_TIMEOUT.toMinutes() + " minutes", "run status; check the rule, alarm action and topic policy of this path."))));
        } catch (RuntimeException e) {
            findings.add(Finding.error("drill", target, "stopped halfway: " + AwsErrors.message(e),
                    "fix the cause and run the drill again; what it created is removed below."));
        } finally {
            cleanUp();
        }
        return findings;
    }

    private String temporaryQueue(AccountClients security) {
        SqsClient sqs = security.sqs();
        String name = "deletion-guard-drill-" + operation.clock().instant().getEpochSecond();
        String queueUrl = sqs.createQueue(request -> request.queueName(name).tags(Map.of(Tags.DRILL_TAG_KEY, Tags.DRILL_TAG_VALUE))).queueUrl();
        cleanup.push(new CleanupStep("queue " + name, "aws sqs delete-queue --queue-url " + queueUrl,
                () -> sqs.deleteQueue(request -> request.queueUrl(queueUrl))));
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        List<String> topics = operation.config().notificationRegions().stream()
                .map(region -> operation.names().hubTopicArn(region)).toList();
        sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                DrillQueuePolicy.render(queueArn, topics))));
        for (String topicArn : topics) {
            String region = topicArn.split(":")[3];
            var sns = operation.sessions().in(operation.securityAccountId(), region).sns();
            String subscription = sns.subscribe(request -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .returnSubscriptionArn(true)).subscriptionArn();
            cleanup.push(new CleanupStep("subscription " + subscription, "aws sns unsubscribe --subscription-arn " + subscription,
                    () -> sns.unsubscribe(request -> request.subscriptionArn(subscription))));
        }
        return queueUrl;
    }

    /** Each alarm where a log group is: SetAlarmState, which the deployer may call, then back to OK. */
    private void alarmPaths() {
        for (MemberAccount member : operation.config().accounts()) {
            member.cloudTrailLogGroup().ifPresent(group -> {
                var cloudWatch = operation.sessions().in(member.id(), group.region()).cloudWatch();
                for (AlarmDefinition alarm : AlarmDefinition.forMode(operation.config().alarmMode())) {
                    String name = operation.names().alarm(alarm.id());
                    cleanup.push(new CleanupStep("alarm " + name + " state", "aws cloudwatch set-alarm-state --alarm-name " + name
                            + " --state-value OK --state-reason drill --region " + group.region(),
                            () -> cloudWatch.setAlarmState(request -> request.alarmName(name).stateValue(StateValue.OK).stateReason("deletion-guard drill over"))));
                    Instant calledAt = operation.clock().instant();
                    cloudWatch.setAlarmState(request -> request.alarmName(name).stateValue(StateValue.ALARM).stateReason("deletion-guard drill"));
                    paths.add(new DrillPath("alarm-" + alarm.id() + "-" + member.name(), Arns.cloudWatchAlarm(group.region(), member.id(), name), calledAt));
                }
            });
        }
    }

    /** A denied deletion, then the drill's own key and secret through deletion and use while pending. */
    private void resourcePaths() {
        AccountClients clients = operation.sessions().in(target.account(), target.region());
        KmsClient kms = clients.kms();
        String absentKey = "arn:aws:kms:" + target.region() + ":" + target.account() + ":key/" + ABSENT_KEY_ID;
        Instant deniedAt = operation.clock().instant();
        try {
            kms.scheduleKeyDeletion(request -> request.keyId(absentKey).pendingWindowInDays(KEY_PENDING_DAYS));
            findings.add(Finding.fail("drill-denied-deletion", target, "ScheduleKeyDeletion was not denied", "attach the SCP (status shows where)."));
        } catch (RuntimeException e) {
            if (AwsErrors.isCode(e, "AccessDeniedException")) {
                findings.add(Finding.pass("drill-denied-deletion", target, "ScheduleKeyDeletion denied by the SCP"));
                if (operation.config().alarmMode() == AlarmMode.ANY_DELETION) {
                    paths.add(new DrillPath("denied-key-deletion", ABSENT_KEY_ID, deniedAt));
                }
            } else {
                findings.add(Finding.fail("drill-denied-deletion", target, "ScheduleKeyDeletion failed with "
                        + AwsErrors.message(e) + " instead of AccessDenied: the SCP does not bind here", "attach the SCP to this account's OU or root."));
            }
        }

        String keyId = kms.createKey(request -> request.description("deletion-guard drill key, deleted by the drill")
                .tags(tag -> tag.tagKey(Tags.DRILL_TAG_KEY).tagValue(Tags.DRILL_TAG_VALUE))).keyMetadata().keyId();
        CleanupStep keyCleanup = new CleanupStep("key " + keyId, "aws kms schedule-key-deletion --key-id " + keyId
                + " --pending-window-in-days " + KEY_PENDING_DAYS + " --region " + target.region(),
                () -> scheduleUnlessPending(kms, keyId));
        cleanup.push(keyCleanup);
        Instant scheduledAt = operation.clock().instant();
        kms.scheduleKeyDeletion(request -> request.keyId(keyId).pendingWindowInDays(KEY_PENDING_DAYS));
        paths.add(new DrillPath("key-deletion", keyId, scheduledAt));
        Instant usedAt = operation.clock().instant();
        expectFailure("KMSInvalidStateException", () -> kms.encrypt(request -> request.keyId(keyId).plaintext(SdkBytes.fromUtf8String("drill"))));
        accessAlarmPath(AlarmDefinition.KMS_KEY_PENDING_DELETION_USE, usedAt);

        SecretsManagerClient secrets = clients.secretsManager();
        String secretName = "deletion-guard-drill-" + operation.clock().instant().getEpochSecond();
        String secretArn = secrets.createSecret(request -> request.name(secretName).secretString("drill")
                .tags(tag -> tag.key(Tags.DRILL_TAG_KEY).value(Tags.DRILL_TAG_VALUE))).arn();
        cleanup.push(new CleanupStep("secret " + secretName, "aws secretsmanager delete-secret --force-delete-without-recovery --secret-id "
                + secretArn + " --region " + target.region(),
                () -> secrets.deleteSecret(request -> request.secretId(secretArn).forceDeleteWithoutRecovery(true))));
        Instant deletedAt = operation.clock().instant();
        secrets.deleteSecret(request -> request.secretId(secretArn).recoveryWindowInDays((long) KEY_PENDING_DAYS));
        paths.add(new DrillPath("secret-deletion", secretName, deletedAt));
        Instant readAt = operation.clock().instant();
        expectFailure("InvalidRequestException", () -> secrets.getSecretValue(request -> request.secretId(secretArn)));
        accessAlarmPath(AlarmDefinition.SECRET_MARKED_FOR_DELETION_ACCESS, readAt);
        drillKey = Optional.of(keyId);
        drillSecret = Optional.of(secretArn);
    }


    /** The access alarms fire only where the target region's events reach a log group. */
    private void accessAlarmPath(AlarmDefinition alarm, Instant calledAt) {
        boolean watched = operation.config().accounts().stream().anyMatch(member -> member.cloudTrailLogGroup().isPresent());
        if (watched) {
            paths.add(new DrillPath("alarm-" + alarm.id() + "-on-drill-resource", operation.names().alarm(alarm.id()), calledAt));
        }
    }

    private void expectFailure(String errorCode, Runnable call) {
        try {
            call.run();
            throw new IllegalStateException("expected " + errorCode + " but the call succeeded");
        } catch (RuntimeException e) {
            if (!AwsErrors.isCode(e, errorCode)) {
                throw e;
            }
        }
    }

    /** Remediation cancels the drill key's deletion and restores the drill secret, where it is on. */
    private void remediationResults() {
        AccountClients clients = operation.sessions().in(target.account(), target.region());
        if (operation.config().remediation().cancelKeyDeletion() && drillKey.isPresent()) {
            KeyState state = clients.kms().describeKey(request -> request.keyId(drillKey.get())).keyMetadata().keyState();
            findings.add(state == KeyState.PENDING_DELETION
                    ? Finding.fail("drill-remediation-key", target, "the drill key is still PendingDeletion", "status shows the remediation rule and executions.")
                    : Finding.pass("drill-remediation-key", target, "remediation cancelled the drill key's deletion (now " + state + ")"));
        }
        if (operation.config().remediation().restoreSecret() && drillSecret.isPresent()) {
            Instant deleted = clients.secretsManager().describeSecret(request -> request.secretId(drillSecret.get())).deletedDate();
            findings.add(deleted != null
                    ? Finding.fail("drill-remediation-secret", target, "the drill secret is still scheduled for deletion", "status shows the remediation rule and executions.")
                    : Finding.pass("drill-remediation-secret", target, "remediation restored the drill secret"));
        }
    }

    private void scheduleUnlessPending(KmsClient kms, String keyId) {
        if (kms.describeKey(request -> request.keyId(keyId)).keyMetadata().keyState() != KeyState.PENDING_DELETION) {
            kms.scheduleKeyDeletion(request -> request.keyId(keyId).pendingWindowInDays(KEY_PENDING_DAYS));
        }
    }

    private void await(SqsClient sqs, String queueUrl) {
        Instant deadline = operation.clock().instant().plus(DELIVERY_TIMEOUT);
        while (paths.stream().anyMatch(path -> path.latency.isEmpty()) && operation.clock().instant().isBefore(deadline)) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(20)
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            for (Message message : messages) {
                Instant sent = Instant.ofEpochMilli(Long.parseLong(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
                String text = JsonParser.parseString(message.body()).getAsJsonObject().get("Message").getAsString();
                paths.stream().filter(path -> path.latency.isEmpty() && text.contains(path.marker)).findFirst()
                        .ifPresent(path -> path.latency = Optional.of(Duration.between(path.calledAt, sent)));
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (messages.isEmpty()) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            operation.sleeper().sleep(POLL_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for messages", e);
        }
    }

    /** Newest first, each step on its own: one that fails does not keep the others from running. */
    private void cleanUp() {
        while (!cleanup.isEmpty()) {
            CleanupStep step = cleanup.pop();
            try {
                step.action().run();
                findings.add(Finding.pass("drill-cleanup", target, "removed " + step.what()));
            } catch (RuntimeException e) {
                findings.add(Finding.fail("drill-cleanup", target, "could not remove " + step.what() + ": " + AwsErrors.message(e),
                        "remove it by hand: " + step.byHand()));
            }
        }
    }

}
