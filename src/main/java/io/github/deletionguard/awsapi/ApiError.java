package io.github.deletionguard.awsapi;

/**
 * An error a service answers when something uses a key or secret on its way out: the last
 * warning before data loss. The message names the resource first, so only its end is fixed.
 */
public enum ApiError {
    /** KMS: "arn:aws:kms:…:key/… is pending deletion." */
    KEY_PENDING_DELETION(AwsService.KMS, "KMSInvalidStateException", " is pending deletion."),
    /** KMS: "arn:aws:kms:…:key/… is pending import." once imported key material expired or was deleted. */
    KEY_PENDING_IMPORT(AwsService.KMS, "KMSInvalidStateException", " is pending import."),
    /** Secrets Manager: "You can't perform this operation on the secret because it was marked for deletion." */
    SECRET_MARKED_FOR_DELETION(AwsService.SECRETS_MANAGER, "InvalidRequestException", "because it was marked for deletion.");

    private final AwsService service;
    private final String errorCode;
    private final String messageEnding;

    ApiError(AwsService service, String errorCode, String messageEnding) {
        this.service = service;
        this.errorCode = errorCode;
        this.messageEnding = messageEnding;
    }

    public AwsService service() {
        return service;
    }

    /** CloudTrail's {@code errorCode}. */
    public String errorCode() {
        return errorCode;
    }

    /** How CloudTrail's {@code errorMessage} ends. */
    public String messageEnding() {
        return messageEnding;
    }
}
