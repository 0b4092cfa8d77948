package io.github.deletionguard.operate.aws;

import io.github.deletionguard.operate.Finding;
import io.github.deletionguard.operate.Place;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.services.sts.model.StsException;

import java.util.Optional;

/** Turns what the SDK throws into a finding that says what went wrong and what to do. */
public final class AwsErrors {
    private AwsErrors() {
    }

    public static Optional<String> errorCode(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return Optional.ofNullable(service.awsErrorDetails().errorCode());
            }
        }
        return Optional.empty();
    }

    public static boolean isCode(Throwable error, String code) {
        return errorCode(error).map(code::equals).orElse(false);
    }

    /** A place the command could not check at all. */
    public static Finding unreachable(String what, Place place, Throwable error) {
        if (rootOfType(error, StsException.class)) {
            return Finding.error(what, place, "cannot assume the access role: " + message(error),
                    "create the access role in the account with a trust policy that admits the caller,"
                            + " or remove the account from the stack's accounts.");
        }
        return Finding.error(what, place, message(error),
                "check the access role's permissions and that the region is enabled in the account, then run again.");
    }

    public static String message(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof AwsServiceException service && service.awsErrorDetails() != null) {
                return service.awsErrorDetails().errorCode() + ": " + service.awsErrorDetails().errorMessage();
            }
        }
        return error.getClass().getSimpleName() + ": " + error.getMessage();
    }

    private static boolean rootOfType(Throwable error, Class<? extends Throwable> type) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return true;
            }
        }
        return false;
    }
}
