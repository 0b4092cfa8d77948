package io.github.deletionguard.config;

import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

/**
 * Checks the security account's critical keys and secrets against each other and against the
 * rest of the configuration. Reports to {@link ConfigIssues} and goes on, like
 * {@link ConfigValidator}.
 */
final class CriticalResourcesValidator {
    private static final String KEYS = StackConfigLoader.NAMESPACE + ":" + CriticalResourcesReader.KEYS;
    private static final String SECRETS = StackConfigLoader.NAMESPACE + ":" + CriticalResourcesReader.SECRETS;
    // KMS: 1-256 characters including "alias/"; "alias/aws/" belongs to AWS managed keys.
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9/_-]{1,250}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern CONFIG_KEY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
    private static final int MIN_WINDOW_DAYS = 7;
    private static final int MAX_WINDOW_DAYS = 30;
    private static final int MIN_ROTATION_DAYS = 90;
    private static final int MAX_ROTATION_DAYS = 2560;
    private static final int MAX_KEY_DESCRIPTION = 8192;
    private static final int MAX_SECRET_DESCRIPTION = 2048;

    private final GuardConfig config;
    private final ConfigIssues issues;
    private final Set<String> organizationAccounts = new HashSet<>();

    private CriticalResourcesValidator(GuardConfig config, ConfigIssues issues) {
        this.config = config;
        this.issues = issues;
        config.accounts().forEach(member -> organizationAccounts.add(member.id()));
        organizationAccounts.add(config.securityAccount().account().id());
        organizationAccounts.add(config.organization().managementAccount().id());
    }

    static void validate(GuardConfig config, ConfigIssues issues) {
        CriticalResourcesValidator validator = new CriticalResourcesValidator(config, issues);
        validator.checkKeys(config.criticalResources().keys());
        validator.checkSecrets(config.criticalResources().secrets());
    }

    private void checkKeys(List<CriticalKeyDefinition> keys) {
        Map<String, Integer> firstByAlias = new HashMap<>();
        for (int i = 0; i < keys.size(); i++) {
            CriticalKeyDefinition key = keys.get(i);
            String path = KEYS + "[" + i + "]";
            checkAlias(path + ".alias", key.alias());
            Integer same = firstByAlias.putIfAbsent(key.alias(), i);
            if (same != null && !key.alias().isEmpty()) {
                issues.add(path + ".alias", "'" + key.aliasName() + "' is already the alias of " + KEYS + "[" + same
                                + "] (with or without the alias/ prefix, it is the same alias).",
                        "give every key its own alias: the alias is the key's identity in the stack.");
            }
            checkDescription(path + ".description", key.description(), MAX_KEY_DESCRIPTION);
            checkWindow(path + ".deletionWindowInDays", key.deletionWindowInDays(),
                    CriticalKeyDefinition.DEFAULT_DELETION_WINDOW_DAYS);
            key.rotationPeriodInDays().filter(days -> days < MIN_ROTATION_DAYS || days > MAX_ROTATION_DAYS)
                    .ifPresent(days -> issues.add(path + ".rotationPeriodInDays", days + " is out of range.",
                            "use " + MIN_ROTATION_DAYS + " to " + MAX_ROTATION_DAYS
                                    + " days, or leave it out for KMS's yearly rotation."));
            checkReplicaRegions(path + ".replicaRegions", key.replicaRegions());
            if (!key.replicaRegions().isEmpty() && !key.multiRegion()) {
                issues.add(path + ".multiRegion", "is false, but replicaRegions lists "
                                + key.replicaRegions() + ": only a multi-Region key can have replicas.",
                        "set multiRegion: true (before the key is first created; KMS cannot change it later).");
            }
            checkPrincipals(path + ".users", key.users(), false);
            checkServices(path + ".viaServices", key.viaServices());
        }
    }

    private void checkSecrets(List<CriticalSecretDefinition> secrets) {
        Map<String, Integer> firstByName = new HashMap<>();
        for (int i = 0; i < secrets.size(); i++) {
            CriticalSecretDefinition secret = secrets.get(i);
            String path = SECRETS + "[" + i + "]";
            if (!secret.name().isEmpty() && !SECRET_NAME.matcher(secret.name()).matches()) {
                issues.add(path + ".name", "'" + secret.name() + "' is not a Secrets Manager secret name.",
                        "use up to 512 letters, digits and /_+=.@- characters.");
            }
            Integer same = firstByName.putIfAbsent(secret.name(), i);
            if (same != null && !secret.name().isEmpty()) {
                issues.add(path + ".name", "'" + secret.name() + "' is already " + SECRETS + "[" + same + "].",
                        "list each secret once.");
            }
            checkDescription(path + ".description", secret.description(), MAX_SECRET_DESCRIPTION);
            checkWindow(path + ".recoveryWindowInDays", secret.recoveryWindowInDays(),
                    CriticalSecretDefinition.DEFAULT_RECOVERY_WINDOW_DAYS);
            checkPrincipals(path + ".readers", secret.readers(), true);
            checkReplicaRegions(path + ".replicaRegions", secret.replicaRegions());
            checkKeyOf(path, secret);
            secret.valueFromSecretConfig().filter(key -> !CONFIG_KEY_NAME.matcher(key).matches())
                    .ifPresent(key -> issues.add(path + ".valueFromSecretConfig", "'" + key + "' is not a config key name.",
                            "name a key of this stack's " + StackConfigLoader.NAMESPACE + " namespace, e.g. paymentsDbPassword."));
        }
    }

    private void checkKeyOf(String path, CriticalSecretDefinition secret) {
        if (secret.keyAlias().isEmpty()) {
            return;
        }
        config.criticalResources().key(secret.keyAlias()).ifPresentOrElse(key -> {
            Set<String> missing = new TreeSet<>(secret.replicaRegions());
            missing.removeAll(key.replicaRegions());
            missing.remove(config.securityAccount().homeRegion());
            if (!missing.isEmpty()) {
                issues.add(path + ".replicaRegions", missing + " have no replica of its key " + key.aliasName()
                                + ", so the replica secret could not be encrypted with it.",
                        "add " + missing + " to the key's replicaRegions (and set multiRegion: true), or drop them here.");
            }
        }, () -> issues.add(path + ".key", "'" + CriticalKeyDefinition.ALIAS_PREFIX + secret.keyAlias()
                        + "' is not the alias of any " + KEYS + " entry.",
                "name one of " + config.criticalResources().keys().stream().map(CriticalKeyDefinition::aliasName).toList()
                        + ", or add the key to " + KEYS + "."));
    }

    private void checkAlias(String path, String alias) {
        if (alias.isEmpty()) {
            return;
        }
        if (!ALIAS.matcher(alias).matches()) {
            issues.add(path, "'" + alias + "' is not a KMS alias name.",
                    "use up to 250 letters, digits, '/', '_' and '-' after the alias/ prefix.");
        } else if (alias.toLowerCase().startsWith("aws/")) {
            issues.add(path, "'alias/" + alias + "' is reserved for keys AWS manages.", "choose an alias outside alias/aws/.");
        }
    }

    private void checkDescription(String path, String description, int maxLength) {
        if (description.length() > maxLength) {
            issues.add(path, "has " + description.length() + " characters.", "shorten it to " + maxLength + " or fewer.");
        }
    }

    private void checkWindow(String path, int days, int defaultDays) {
        if (days < MIN_WINDOW_DAYS || days > MAX_WINDOW_DAYS) {
            issues.add(path, days + " is out of range: AWS accepts " + MIN_WINDOW_DAYS + " to " + MAX_WINDOW_DAYS + " days.",
                    "use " + MIN_WINDOW_DAYS + " to " + MAX_WINDOW_DAYS + "; leave it out for the default " + defaultDays + ".");
        }
    }

    private void checkReplicaRegions(String path, List<String> regions) {
        String home = config.securityAccount().homeRegion();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            String regionPath = path + "[" + i + "]";
            if (!AwsRegions.isCommercial(region)) {
                issues.add(regionPath, "'" + region + "' is not a region code of the commercial aws partition.",
                        "use a code such as eu-west-1.");
            } else if (region.equals(home)) {
                issues.add(regionPath, "'" + region + "' is the security account's home region, where the original is.",
                        "list only other regions as replicas.");
            } else if (!seen.add(region)) {
                issues.add(regionPath, "'" + region + "' is listed twice.", "remove the duplicate.");
            }
        }
    }

    /**
     * Principals come from the organization. The policies deny every listed principal the
     * administration of the key or secret, so the security account itself, the role this
     * program deploys with and its break-glass roles must never be listed: that would lock
     * the administrators out.
     */
    private void checkPrincipals(String path, List<WorkloadPrincipal> principals, boolean required) {
        if (required && principals.isEmpty()) {
            issues.add(path, "is empty: nobody outside the security account could read the secret.",
                    "list the account ids or role ARNs that read it.");
        }
        String securityId = config.securityAccount().account().id();
        Set<String> seen = new HashSet<>();
        for (WorkloadPrincipal principal : principals) {
            String quoted = "'" + principal.written() + "'";
            if (!seen.add(principal.arn())) {
                issues.add(path, quoted + " is listed twice.", "remove the duplicate.");
            } else if (!organizationAccounts.contains(principal.accountId())) {
                issues.add(path, quoted + " is in account " + principal.accountId()
                                + ", which is not one of the organization's configured accounts.",
                        "list only principals of " + StackConfigLoader.NAMESPACE + ":accounts, the security or the management account.");
            } else if (principal.accountId().equals(securityId) && locksOutAdministrators(principal)) {
                issues.add(path, quoted + " administers the security account; as a listed principal it would be"
                                + " denied administering this key or secret, which locks the administrators out.",
                        "list workload roles only; the security account's administrators keep full control anyway.");
            }
        }
    }

    private boolean locksOutAdministrators(WorkloadPrincipal principal) {
        if (principal.isWholeAccount()) {
            return true;
        }
        String role = principal.role().orElseThrow();
        return role.equals("/" + config.organization().accessRoleName())
                || config.organization().breakGlassRoles().stream().anyMatch(breakGlass -> role.equals(breakGlass.path() + breakGlass.name()));
    }

    private void checkServices(String path, List<String> services) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < services.size(); i++) {
            String service = services.get(i);
            if (!SERVICE_NAME.matcher(service).matches()) {
                issues.add(path + "[" + i + "]", "'" + service + "' is not a service name.",
                        "write the service's endpoint prefix only, e.g. s3 or rds: the program adds the region.");
            } else if (!seen.add(service)) {
                issues.add(path + "[" + i + "]", "'" + service + "' is listed twice.", "remove the duplicate.");
            }
        }
    }
}
