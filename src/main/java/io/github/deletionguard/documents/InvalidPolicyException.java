package io.github.deletionguard.documents;

/** A policy file cannot be used; the message names the file and, for JSON errors, the position. */
public final class InvalidPolicyException extends RuntimeException {
    public InvalidPolicyException(String message) {
        super(message);
    }
}
