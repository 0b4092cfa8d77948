package io.github.deletionguard.operate.drill;

import com.google.gson.JsonParser;
import io.github.deletionguard.alarms.AlarmDefinition;
import io.github.deletionguard.awsapi.ApiError;
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
 * resources tagged {@link Tags#DRILL_TAG_KEY}, and no one may set that tag
 * ({@code aws:RequestTag}/{@code aws:TagKeys} on {@code TagResource}, {@code CreateKey},
 * {@code CreateSecret}) except the deployer.
 *
 * <p>Where remediation is on, the drill proves it: the drill key's deletion is cancelled and the
 * drill secret restored, and each result reaches the hub. Its final cleanup first tags the key
 * and the secret {@link Tags#DRILL_TAG_KEY}={@link Tags#DRILL_CLEANUP_VALUE}, which the remediation document leaves deleted,
 * so the cleanup is not undone. The RCP denies every deletion without recovery, so the secret too
 * goes with the shortest window (7 days), which the SCP allows the deployer alone.
 */
public final class Drill {
    /** KMS's shortest pending window: the drill key is gone a week after the drill. */
    static final int KEY_PENDING_DAYS = 7;
    static final Duration DELIVERY_TIMEOUT = Duration.ofMinutes(10);
    /** Remediation cancels first and decides the key state after; its longest wait is 15 minutes of event history. */
    static final Duration REMEDIATION_TIMEOUT = Duration.ofMinutes(20);
    /**
     * Between polls that brought nothing new (after SQS's own long poll of 20 s): latency is read
     * from each message's SentTimestamp, so a longer pause costs no precision, only fewer calls.
     */
    static final Duration POLL_PAUSE = Duration.ofSeconds(15);
    /** A well-formed key id that exists nowhere: the SCP must deny before KMS looks it up. */
    public static final String ABSENT_KEY_ID = "00000000-0000-4000-8000-000000000000";
    /** The reason the drill gives SetAlarmState; the alarm's message carries it. */
    static final String ALARM_REASON = "deletion-guard drill";
    /** CloudWatch's reason when an alarm fires on its metric, as opposed to the drill's SetAlarmState. */
    static final String THRESHOLD_CROSSED = "Threshold Crossed";

    private final Operation operation;
    private final Place target;
    private final Deque<CleanupStep> cleanup = new ArrayDeque<>();
    private final List<DrillPath> paths = new ArrayList<>();
    private final List<Finding> findings = new ArrayList<>();
    private final List<Finding> cleanupFindings = new ArrayList<>();
    private Optional<String> drillKey = Optional.empty();
    private Optional<String> drillSecret = Optional.empty();
    private boolean stopped;

    private record CleanupStep(String what, String byHand, Runnable action) {
    }

    /** A call made at {@code calledAt} whose message on the hub topic contains every one of {@code markers}. */
    private static final class DrillPath {
        final String name;
        final List<String> markers;
        final Instant calledAt;
        Optional<Duration> latency = Optional.empty();

        DrillPath(String name, Instant calledAt, String... markers) {
            this.name = name;
            this.markers = List.of(markers);
            this.calledAt = calledAt;
        }

        boolean deliveredBy(String message) {
            return latency.isEmpty() && markers.stream().allMatch(message::contains);
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
            List<CleanupStep> alarmsBackToOk = alarmPaths();
            await(security.sqs(), queueUrl);
            // An alarm left in ALARM stays silent on the real use below: back to OK first.
            alarmsBackToOk.forEach(this::cleanNow);
            resourcePaths();
            await(security.sqs(), queueUrl);
            remediationResults();
        } catch (RuntimeException e) {
            stopped = true;
            findings.add(Finding.error("drill", target, "stopped halfway: " + AwsErrors.message(e),
                    "fix the cause and run the drill again; what it created is removed below."));
        } finally {
            reportPaths();
            cleanUp();
        }
        // What was proven, then what was removed.
        List<Finding> report = new ArrayList<>(findings);
        report.addAll(cleanupFindings);
        return report;
    }

    private void reportPaths() {
        List<Finding> delivery = new ArrayList<>();
        for (DrillPath path : paths) {
            delivery.add(path.latency
                    .map(latency -> Finding.pass("drill-" + path.name, target, "delivered in " + latency.toMillis() / 1000.0 + " s")
                            .withFacts(Map.of("latencyMs", latency.toMillis())))
                    .orElseGet(() -> stopped
                            ? Finding.error("drill-" + path.name, target, "not awaited: the drill stopped before its message came",
                            "run the drill again once the cause is fixed.")
                            : Finding.fail("drill-" + path.name, target, "no message on the hub topic within "
                            + DELIVERY_TIMEOUT.toMinutes() + " minutes", "run status; check the rule, alarm action and topic policy of this path.")));
        }
        // Each path right after the denied deletion, before remediation's results.
        int after = (int) findings.stream().filter(finding -> finding.check().equals("drill") || finding.check().equals("drill-denied-deletion")).count();
        findings.addAll(after, delivery);
    }

    private String temporaryQueue(AccountClients security) {
        SqsClient sqs = security.sqs();
        String name = drillName();
        String queueUrl = sqs.createQueue(request -> request.queueName(name).tags(Map.of(Tags.DRILL_TAG_KEY, Tags.DRILL_TAG_VALUE))).queueUrl();
        cleanup.push(new CleanupStep("queue " + name, "aws sqs delete-queue --queue-url " + queueUrl,
                () -> sqs.deleteQueue(request -> request.queueUrl(queueUrl))));
        String queueArn = sqs.getQueueAttributes(request -> request.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        List<String> topics = operation.config().notificationRegions().stream()
                .map(region -> operation.names().hubTopicArn(region)).toList();
        sqs.setQueueAttributes(request -> request.queueUrl(queueUrl).attributes(Map.of(QueueAttributeName.POLICY,
                DrillQueuePolicy.render(queueArn, topics))));
        for (String region : operation.config().notificationRegions()) {
            String topicArn = operation.names().hubTopicArn(region);
            var sns = operation.sessions().in(operation.securityAccountId(), region).sns();
            String subscription = sns.subscribe(request -> request.topicArn(topicArn).protocol("sqs").endpoint(queueArn)
                    .returnSubscriptionArn(true)).subscriptionArn();
            cleanup.push(new CleanupStep("subscription " + subscription, "aws sns unsubscribe --subscription-arn " + subscription
                    + " --region " + region, () -> sns.unsubscribe(request -> request.subscriptionArn(subscription))));
        }
        return queueUrl;
    }

    private String drillName() {
        return "deletion-guard-drill-" + operation.clock().instant().getEpochSecond();
    }

    /**
     * Each alarm where a log group is: SetAlarmState to ALARM, which the deployer may call. Returns
     * the steps that set them back to OK, also kept for the cleanup in case the drill stops first.
     */
    private List<CleanupStep> alarmPaths() {
        List<CleanupStep> backToOk = new ArrayList<>();
        for (MemberAccount member : operation.config().accounts()) {
            member.cloudTrailLogGroup().ifPresent(group -> {
                var cloudWatch = operation.sessions().in(member.id(), group.region()).cloudWatch();
                for (AlarmDefinition alarm : AlarmDefinition.forMode(operation.config().alarmMode())) {
                    String name = operation.names().alarm(alarm.id());
                    CleanupStep ok = new CleanupStep("the ALARM state of " + name + " in " + member.id(), "aws cloudwatch set-alarm-state --alarm-name "
                            + name + " --state-value OK --state-reason 'deletion-guard drill over' --region " + group.region(),
                            () -> cloudWatch.setAlarmState(request -> request.alarmName(name).stateValue(StateValue.OK)
                                    .stateReason("deletion-guard drill over")));
                    cleanup.push(ok);
                    backToOk.add(ok);
                    Instant calledAt = operation.clock().instant();
                    cloudWatch.setAlarmState(request -> request.alarmName(name).stateValue(StateValue.ALARM).stateReason(ALARM_REASON));
                    paths.add(new DrillPath("alarm-" + alarm.id() + "-" + member.name(), calledAt,
                            Arns.cloudWatchAlarm(group.region(), member.id(), name), ALARM_REASON));
                }
            });
        }
        return backToOk;
    }

    /** A denied deletion, then the drill's own key and secret through deletion and use while pending. */
    private void resourcePaths() {
        AccountClients clients = operation.sessions().in(target.account(), target.region());
        deniedDeletion(clients.kms());
        keyPaths(clients.kms());
        secretPaths(clients.secretsManager());
    }

    private void deniedDeletion(KmsClient kms) {
        String absentKey = Arns.kmsKey(target.region(), target.account(), ABSENT_KEY_ID);
        Instant deniedAt = operation.clock().instant();
        try {
            kms.scheduleKeyDeletion(request -> request.keyId(absentKey).pendingWindowInDays(KEY_PENDING_DAYS));
            findings.add(Finding.fail("drill-denied-deletion", target, "ScheduleKeyDeletion was not denied", "attach the SCP (status shows where)."));
        } catch (RuntimeException e) {
            if (AwsErrors.isCode(e, "AccessDeniedException")) {
                findings.add(Finding.pass("drill-denied-deletion", target, "ScheduleKeyDeletion denied by the SCP"));
                if (operation.config().alarmMode() == AlarmMode.ANY_DELETION) {
                    paths.add(new DrillPath("denied-key-deletion", deniedAt, ABSENT_KEY_ID));
                }
            } else {
                findings.add(Finding.fail("drill-denied-deletion", target, "ScheduleKeyDeletion failed with "
                        + AwsErrors.message(e) + " instead of AccessDenied: the SCP does not bind here", "attach the SCP to this account's OU or root."));
            }
        }
    }

    private void keyPaths(KmsClient kms) {
        String keyId = kms.createKey(request -> request.description("deletion-guard drill key, deleted by the drill")
                .tags(tag -> tag.tagKey(Tags.DRILL_TAG_KEY).tagValue(Tags.DRILL_TAG_VALUE))).keyMetadata().keyId();
        drillKey = Optional.of(keyId);
        cleanup.push(new CleanupStep("key " + keyId, "aws kms tag-resource --key-id " + keyId + " --tags TagKey=" + Tags.DRILL_TAG_KEY
                + ",TagValue=" + Tags.DRILL_CLEANUP_VALUE + " --region " + target.region() + " && aws kms schedule-key-deletion --key-id "
                + keyId + " --pending-window-in-days " + KEY_PENDING_DAYS + " --region " + target.region(),
                () -> deleteDrillKey(kms, keyId)));
        Instant scheduledAt = operation.clock().instant();
        kms.scheduleKeyDeletion(request -> request.keyId(keyId).pendingWindowInDays(KEY_PENDING_DAYS));
        paths.add(new DrillPath("key-deletion", scheduledAt, keyId, "ScheduleKeyDeletion"));
        remediationPath(operation.config().remediation().cancelKeyDeletion(), "key", scheduledAt);
        Instant usedAt = operation.clock().instant();
        // Remediation may have cancelled the deletion already, which leaves the key Disabled.
        String refused = expectFailure(List.of(ApiError.KEY_PENDING_DELETION.errorCode(), "DisabledException"),
                () -> kms.encrypt(request -> request.keyId(keyId).plaintext(SdkBytes.fromUtf8String("drill"))));
        if (refused.equals(ApiError.KEY_PENDING_DELETION.errorCode())) {
            paths.add(new DrillPath("key-pending-use", usedAt, keyId, ApiError.KEY_PENDING_DELETION.messageEnding()));
            accessAlarmPath(AlarmDefinition.KMS_KEY_PENDING_DELETION_USE, usedAt);
        }
    }

    private void secretPaths(SecretsManagerClient secrets) {
        String secretName = drillName();
        String secretArn = secrets.createSecret(request -> request.name(secretName).secretString("drill")
                .tags(tag -> tag.key(Tags.DRILL_TAG_KEY).value(Tags.DRILL_TAG_VALUE))).arn();
        drillSecret = Optional.of(secretArn);
        cleanup.push(new CleanupStep("secret " + secretName, "aws secretsmanager tag-resource --secret-id " + secretArn
                + " --tags Key=" + Tags.DRILL_TAG_KEY + ",Value=" + Tags.DRILL_CLEANUP_VALUE + " --region " + target.region()
                + " && aws secretsmanager delete-secret --recovery-window-in-days " + KEY_PENDING_DAYS + " --secret-id " + secretArn
                + " --region " + target.region(),
                () -> deleteDrillSecret(secrets, secretArn)));
        Instant deletedAt = operation.clock().instant();
        secrets.deleteSecret(request -> request.secretId(secretArn).recoveryWindowInDays((long) KEY_PENDING_DAYS));
        paths.add(new DrillPath("secret-deletion", deletedAt, secretName, "scheduled for deletion"));
        remediationPath(operation.config().remediation().restoreSecret(), "secret", deletedAt);
        Instant readAt = operation.clock().instant();
        String refused = expectFailure(List.of(ApiError.SECRET_MARKED_FOR_DELETION.errorCode(), "ResourceNotFoundException"),
                () -> secrets.getSecretValue(request -> request.secretId(secretArn)));
        if (refused.equals(ApiError.SECRET_MARKED_FOR_DELETION.errorCode())) {
            paths.add(new DrillPath("secret-pending-access", readAt, secretName, "marked for deletion"));
            accessAlarmPath(AlarmDefinition.SECRET_MARKED_FOR_DELETION_ACCESS, readAt);
        }
    }

    /** Where remediation undoes this kind of deletion, its result reaches the hub. */
    private void remediationPath(boolean remediated, String kind, Instant calledAt) {
        if (remediated) {
            paths.add(new DrillPath("remediation-result-" + kind, calledAt,
                    "remediation Success in account " + target.account() + " (" + target.region() + ")"));
        }
    }

    /** The access alarms fire only where the target region's events reach a log group. */
    private void accessAlarmPath(AlarmDefinition alarm, Instant calledAt) {
        boolean watched = operation.config().accounts().stream().anyMatch(member -> member.cloudTrailLogGroup().isPresent());
        if (watched) {
            paths.add(new DrillPath("alarm-" + alarm.id() + "-on-drill-resource", calledAt, operation.names().alarm(alarm.id()), THRESHOLD_CROSSED));
        }
    }

    /** The call must fail with one of the codes; returns the code it failed with. */
    private static String expectFailure(List<String> errorCodes, Runnable call) {
        try {
            call.run();
        } catch (RuntimeException e) {
            Optional<String> code = AwsErrors.errorCode(e).filter(errorCodes::contains);
            if (code.isPresent()) {
                return code.get();
            }
            throw e;
        }
        throw new IllegalStateException("expected " + String.join(" or ", errorCodes) + " but the call succeeded");
    }

    /** Remediation cancels the drill key's deletion and restores the drill secret, where it is on. */
    private void remediationResults() {
        AccountClients clients = operation.sessions().in(target.account(), target.region());
        if (operation.config().remediation().cancelKeyDeletion()) {
            drillKey.ifPresent(keyId -> {
                Optional<Duration> undone = waitFor(() -> clients.kms().describeKey(request -> request.keyId(keyId)).keyMetadata()
                        .keyState() != KeyState.PENDING_DELETION);
                findings.add(undone.map(after -> Finding.pass("drill-remediation-key", target, "remediation cancelled the drill key's"
                                + " deletion within " + after.toSeconds() + " s"))
                        .orElseGet(() -> Finding.fail("drill-remediation-key", target, "the drill key is still PendingDeletion after "
                                + REMEDIATION_TIMEOUT.toMinutes() + " minutes", "status shows the remediation rule and executions.")));
            });
        }
        if (operation.config().remediation().restoreSecret()) {
            drillSecret.ifPresent(secretArn -> {
                Optional<Duration> undone = waitFor(() -> clients.secretsManager().describeSecret(request -> request.secretId(secretArn))
                        .deletedDate() == null);
                findings.add(undone.map(after -> Finding.pass("drill-remediation-secret", target, "remediation restored the drill secret"
                                + " within " + after.toSeconds() + " s"))
                        .orElseGet(() -> Finding.fail("drill-remediation-secret", target, "the drill secret is still scheduled for deletion after "
                                + REMEDIATION_TIMEOUT.toMinutes() + " minutes", "status shows the remediation rule and executions.")));
            });
        }
    }

    /** How long until the condition held, polling with pauses, or empty if it did not within the remediation timeout. */
    private Optional<Duration> waitFor(java.util.function.BooleanSupplier condition) {
        Instant start = operation.clock().instant();
        Instant deadline = start.plus(REMEDIATION_TIMEOUT);
        while (!condition.getAsBoolean()) {
            if (!operation.clock().instant().isBefore(deadline)) {
                return Optional.empty();
            }
            pause();
        }
        return Optional.of(Duration.between(start, operation.clock().instant()));
    }

    /** Tagged for the final cleanup first, so that remediation leaves this deletion alone. */
    private void deleteDrillKey(KmsClient kms, String keyId) {
        kms.tagResource(request -> request.keyId(keyId).tags(tag -> tag.tagKey(Tags.DRILL_TAG_KEY).tagValue(Tags.DRILL_CLEANUP_VALUE)));
        if (kms.describeKey(request -> request.keyId(keyId)).keyMetadata().keyState() != KeyState.PENDING_DELETION) {
            kms.scheduleKeyDeletion(request -> request.keyId(keyId).pendingWindowInDays(KEY_PENDING_DAYS));
        }
    }

    private void deleteDrillSecret(SecretsManagerClient secrets, String secretArn) {
        secrets.tagResource(request -> request.secretId(secretArn).tags(tag -> tag.key(Tags.DRILL_TAG_KEY).value(Tags.DRILL_CLEANUP_VALUE)));
        if (secrets.describeSecret(request -> request.secretId(secretArn)).deletedDate() == null) {
            secrets.deleteSecret(request -> request.secretId(secretArn).recoveryWindowInDays((long) KEY_PENDING_DAYS));
        }
    }

    private void await(SqsClient sqs, String queueUrl) {
        Instant deadline = operation.clock().instant().plus(DELIVERY_TIMEOUT);
        while (paths.stream().anyMatch(path -> path.latency.isEmpty()) && operation.clock().instant().isBefore(deadline)) {
            List<Message> messages = sqs.receiveMessage(request -> request.queueUrl(queueUrl).maxNumberOfMessages(10).waitTimeSeconds(20)
                    .messageSystemAttributeNames(MessageSystemAttributeName.SENT_TIMESTAMP)).messages();
            boolean delivered = false;
            for (Message message : messages) {
                Instant sent = Instant.ofEpochMilli(Long.parseLong(message.attributes().get(MessageSystemAttributeName.SENT_TIMESTAMP)));
                String text = JsonParser.parseString(message.body()).getAsJsonObject().get("Message").getAsString();
                Optional<DrillPath> path = paths.stream().filter(candidate -> candidate.deliveredBy(text)).findFirst();
                path.ifPresent(found -> found.latency = Optional.of(Duration.between(found.calledAt, sent)));
                delivered |= path.isPresent();
                sqs.deleteMessage(request -> request.queueUrl(queueUrl).receiptHandle(message.receiptHandle()));
            }
            if (!delivered) {
                pause();
            }
        }
    }

    private void pause() {
        try {
            operation.sleeper().sleep(POLL_PAUSE);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting", e);
        }
    }

    /** Runs one cleanup step now, out of turn, and reports it as the cleanup would. */
    private void cleanNow(CleanupStep step) {
        cleanup.remove(step);
        clean(step);
    }

    /** Newest first, each step on its own: one that fails does not keep the others from running. */
    private void cleanUp() {
        while (!cleanup.isEmpty()) {
            clean(cleanup.pop());
        }
    }

    private void clean(CleanupStep step) {
        try {
            step.action().run();
            cleanupFindings.add(Finding.pass("drill-cleanup", target, "removed " + step.what()));
        } catch (RuntimeException e) {
            cleanupFindings.add(Finding.fail("drill-cleanup", target, "could not remove " + step.what() + ": " + AwsErrors.message(e),
                    "remove it by hand: " + step.byHand()));
        }
    }
}
