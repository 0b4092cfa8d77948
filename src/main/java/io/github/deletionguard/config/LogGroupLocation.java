package io.github.deletionguard.config;

/**
 * Where an account's CloudTrail trail delivers to CloudWatch Logs. An organization trail is one
 * log group in one account and region, so exactly one account entry names it.
 */
public record LogGroupLocation(String name, String region) {
}
