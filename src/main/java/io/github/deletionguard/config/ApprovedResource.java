package io.github.deletionguard.config;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an approved deletion may delete: one KMS key by its ARN, or Secrets Manager secrets by
 * ARN or by a name pattern within one account and region. A key has no name but its id, so a
 * key is always exact; a secret's ARN ends in a hyphen and six random characters that nobody
 * knows before it exists, so a pattern ({@code *}, {@code ?}) may stand for them.
 *
 * @param arn    as written: the exact ARN, or an ARN pattern as IAM's {@code ArnLike} reads it
 * @param kind   whether it is a key or a secret
 * @param region the region in the ARN
 * @param account the account in the ARN
 * @param name   the key id or the secret's name part (with its wildcards)
 */
public record ApprovedResource(String arn, Kind kind, String region, String account, String name) {

    public enum Kind {
        KEY("kms", "key/"),
        SECRET("secretsmanager", "secret:");

        private final String service;
        private final String resourcePrefix;

        Kind(String service, String resourcePrefix) {
            this.service = service;
            this.resourcePrefix = resourcePrefix;
        }
    }

    private static final Pattern ARN = Pattern.compile("arn:aws:(kms|secretsmanager):([a-z0-9-]*):([^:]*):(key/|secret:)(.*)");
    private static final Pattern KEY_ID = Pattern.compile("(?:mrk-[0-9a-f]{32}|[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})");
    /** Secrets Manager appends a hyphen and six random characters to every secret's name. */
    private static final Pattern SECRET_SUFFIX = Pattern.compile(".+-[A-Za-z0-9]{6}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@*?-]{1,512}");

    /** The written text as a key or secret ARN; empty when it is neither (validation says why). */
    public static Optional<ApprovedResource> parse(String written) {
        Matcher arn = ARN.matcher(written);
        if (!arn.matches()) {
            return Optional.empty();
        }
        Kind kind = arn.group(1).equals(Kind.KEY.service) ? Kind.KEY : Kind.SECRET;
        if (!arn.group(4).equals(kind.resourcePrefix)) {
            return Optional.empty();
        }
        return Optional.of(new ApprovedResource(written, kind, arn.group(2), arn.group(3), arn.group(5)));
    }

    public boolean isPattern() {
        return name.contains("*") || name.contains("?");
    }

    /** Whether the name part can be what AWS writes: a key id, or a secret name (with its suffix unless a pattern stands for it). */
    public Optional<String> nameProblem() {
        if (kind == Kind.KEY) {
            return KEY_ID.matcher(name).matches() ? Optional.empty()
                    : Optional.of("'" + name + "' is not a key id: a key is approved by its exact ARN (key/<uuid> or key/mrk-...), never by alias or pattern.");
        }
        if (!SECRET_NAME.matcher(name).matches()) {
            return Optional.of("'" + name + "' is not a secret name.");
        }
        if (name.chars().allMatch(c -> c == '*' || c == '?' || c == '/' || c == '-')) {
            return Optional.of("'" + name + "' would match every secret of the account.");
        }
        if (!isPattern() && !SECRET_SUFFIX.matcher(name).matches()) {
            return Optional.of("'" + name + "' lacks the hyphen and six characters Secrets Manager appends, so it matches no secret.");
        }
        return Optional.empty();
    }
}
