/**
 * The AWS API facts the program relies on, written once: services and their event sources, the
 * calls that delete or disable, the errors that reveal use of a key or secret pending deletion,
 * the service events, and where each fact sits in a CloudTrail record. The metric filters, the
 * EventBridge patterns, the remediation rule and the SCP all read them from here.
 */
package io.github.deletionguard.awsapi;
