package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.LogGroupLocation;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.NotificationEndpoint;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.SecurityAccount;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks the non-e-mail subscribers of the hub topics: a protocol SNS delivers to and the program
 * subscribes, an endpoint of that protocol's form, beside a hub (a queue or function receives the
 * notifications of its own region's hub), and each listed once.
 */
final class NotificationEndpointsValidator {
    /** SQS queue ARN: region, account, queue name (SQS allows 1-80 of these characters). */
    private static final Pattern QUEUE_ARN = Pattern.compile("arn:aws:sqs:([a-z0-9-]+):(\\d{12}):([A-Za-z0-9_-]{1,80}(\\.fifo)?)");
    /** Lambda function ARN, optionally qualified by a version or alias. */
    private static final Pattern FUNCTION_ARN = Pattern.compile(
            "arn:aws:lambda:([a-z0-9-]+):(\\d{12}):function:[A-Za-z0-9_-]{1,64}(:[A-Za-z0-9$_-]{1,128})?");

    private final ConfigIssues issues;
    private final SortedSet<String> hubRegions;
    /** Whether the endpoint being checked had an issue, so that only well-formed ones are compared. */
    private boolean reported;

    private NotificationEndpointsValidator(ConfigIssues issues, SortedSet<String> hubRegions) {
        this.issues = issues;
        this.hubRegions = hubRegions;
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        config.securityAccount().ifPresent(security -> {
            NotificationEndpointsValidator validator = new NotificationEndpointsValidator(issues, hubRegions(config, security));
            List<NotificationEndpoint> endpoints = security.notificationEndpoints();
            String path = qualified("securityAccount.notificationEndpoints");
            List<Optional<NotificationEndpoint>> wellFormed = new ArrayList<>();
            for (int i = 0; i < endpoints.size(); i++) {
                NotificationEndpoint endpoint = endpoints.get(i);
                wellFormed.add(validator.check(path + "[" + i + "]", endpoint) ? Optional.of(endpoint) : Optional.empty());
            }
            Checks.listedOnce(issues, wellFormed, index -> path + "[" + index + "].endpoint",
                    endpoint -> endpoint.protocol() + " " + endpoint.endpoint(), NotificationEndpoint::endpoint,
                    "remove the duplicate: SNS would deliver every notification to it once per entry anyway.");
        });
    }

    /** The regions with a hub topic, as far as the config could be read: the home region and each log group's. */
    private static SortedSet<String> hubRegions(PartialConfig config, SecurityAccount security) {
        SortedSet<String> regions = new TreeSet<>(List.of(security.homeRegion()));
        config.accounts().ifPresent(accounts -> accounts.stream().flatMap(Optional::stream)
                .map(MemberAccount::cloudTrailLogGroup).flatMap(Optional::stream).map(LogGroupLocation::region)
                .forEach(regions::add));
        return regions;
    }

    /** Reports what is wrong with one endpoint; true when nothing is. */
    private boolean check(String path, NotificationEndpoint endpoint) {
        reported = false;
        switch (endpoint.protocol()) {
            case NotificationEndpoint.HTTPS -> checkUrl(path + ".endpoint", endpoint.endpoint());
            case NotificationEndpoint.SQS -> checkQueue(path + ".endpoint", endpoint.endpoint());
            case NotificationEndpoint.LAMBDA -> checkArn(path + ".endpoint", endpoint.endpoint(), FUNCTION_ARN,
                    "a Lambda function ARN", "arn:aws:lambda:<region>:<account>:function:<name>");
            case "email", "email-json" -> report(path + ".protocol", "'" + endpoint.protocol()
                    + "' endpoints are e-mail addresses.", "list the address under " + qualified("securityAccount.notificationEmails") + ".");
            case "http" -> report(path + ".protocol", "plain http would carry every notification unencrypted.",
                    "use an https URL.");
            default -> report(path + ".protocol", "'" + endpoint.protocol() + "' is not a protocol the program subscribes.",
                    "use one of " + String.join(", ", NotificationEndpoint.PROTOCOLS) + ".");
        }
        if (endpoint.rawMessageDelivery() && !endpoint.protocol().equals(NotificationEndpoint.SQS)) {
            report(path + ".rawMessageDelivery", endpoint.protocol().equals(NotificationEndpoint.HTTPS)
                            ? "without SNS's envelope an https endpoint cannot check the signature that proves SNS sent"
                            + " the message, so anyone who learns the URL could post forged notifications."
                            : "SNS delivers raw messages only to sqs, http(s) and Firehose subscribers.",
                    "remove rawMessageDelivery (it is only for sqs).");
        }
        return !reported;
    }

    private void checkUrl(String path, String url) {
        String fix = "write the URL SNS posts to, e.g. https://events.example.com/sns/deletion-guard.";
        try {
            URI uri = new URI(url);
            if (!"https".equals(uri.getScheme()) || uri.getHost() == null || uri.getHost().isEmpty()) {
                report(path, "'" + url + "' is not an https URL with a host.", fix);
            } else if (uri.getUserInfo() != null) {
                report(path, "the URL carries a user name or password, which would sit in the stack file in plain text.",
                        "use a URL without credentials, and let the tool verify SNS's message signature instead.");
            }
        } catch (URISyntaxException e) {
            report(path, "'" + url + "' is not a URL: " + e.getReason() + ".", fix);
        }
    }

    private void checkQueue(String path, String arn) {
        Matcher queue = QUEUE_ARN.matcher(arn);
        if (queue.matches() && queue.group(4) != null) {
            report(path, "'" + arn + "' is a FIFO queue, which only FIFO topics can deliver to; the hub topics are standard.",
                    "subscribe a standard queue.");
            return;
        }
        checkArn(path, arn, QUEUE_ARN, "an SQS queue ARN", "arn:aws:sqs:<region>:<account>:<queue name>");
    }

    /** An ARN of the right form whose region has a hub topic. */
    private void checkArn(String path, String arn, Pattern form, String what, String example) {
        Matcher matcher = form.matcher(arn);
        if (!matcher.matches()) {
            report(path, "'" + arn + "' is not " + what + ".", "write it as " + example + ".");
            return;
        }
        String region = matcher.group(1);
        if (!hubRegions.contains(region)) {
            report(path, "'" + arn + "' is in " + region + ", which has no hub topic; the hubs are in " + hubRegions + ".",
                    "use one in a hub's region: each queue or function receives the notifications of its own region's hub.");
        }
    }

    private void report(String field, String problem, String fix) {
        reported = true;
        issues.add(field, problem, fix);
    }
}
