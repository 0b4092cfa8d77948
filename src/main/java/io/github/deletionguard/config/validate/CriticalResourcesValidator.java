package io.github.deletionguard.config.validate;

import io.github.deletionguard.config.ConfigIssues;
import io.github.deletionguard.config.CriticalKeyDefinition;
import io.github.deletionguard.config.CriticalSecretDefinition;
import io.github.deletionguard.config.MemberAccount;
import io.github.deletionguard.config.Organization;
import io.github.deletionguard.config.PartialConfig;
import io.github.deletionguard.config.SecurityAccount;
import io.github.deletionguard.config.WorkloadPrincipal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;

import static io.github.deletionguard.config.ConfigKeys.qualified;

/**
 * Checks the security account's critical keys and secrets against each other and against the
 * rest of the configuration. Reports to {@link ConfigIssues} and goes on, like
 * {@link ConfigValidator}.
 */
final class CriticalResourcesValidator {
    private static final String KEYS = qualified("criticalKeys");
    private static final String SECRETS = qualified("criticalSecrets");
    // KMS: 1-256 characters including "alias/"; "alias/aws/" belongs to AWS managed keys.
    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9/_-]{1,250}");
    private static final Pattern SECRET_NAME = Pattern.compile("[A-Za-z0-9/_+=.@-]{1,512}");
    private static final Pattern SERVICE_NAME = Pattern.compile("[a-z][a-z0-9-]{1,62}");
    private static final Pattern CONFIG_KEY_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_.-]{0,127}");
    private static final int MIN_ROTATION_DAYS = 90;
    private static final int MAX_ROTATION_DAYS = 2560;
    private static final int MAX_KEY_DESCRIPTION = 8192;
    private static final int MAX_SECRET_DESCRIPTION = 2048;

    private final ConfigIssues issues;
    private final Optional<SecurityAccount> security;
    private final Optional<Organization> organization;
    /** Every account of the organization, when all of them could be read. */
    private final Optional<Set<String>> organizationAccounts;
    private final Optional<List<CriticalKeyDefinition>> keys;

    private CriticalResourcesValidator(PartialConfig config, ConfigIssues issues) {
        this.issues = issues;
        this.security = config.securityAccount();
        this.organization = config.organization();
        this.keys = config.completeCriticalKeys();
        this.organizationAccounts = config.completeAccounts().filter(accounts -> security.isPresent() && organization.isPresent())
                .map(accounts -> {
                    Set<String> ids = new HashSet<>();
                    accounts.stream().map(MemberAccount::id).forEach(ids::add);
                    ids.add(security.get().account().id());
                    ids.add(organization.get().managementAccount().id());
                    return ids;
                });
    }

    static void validate(PartialConfig config, ConfigIssues issues) {
        CriticalResourcesValidator validator = new CriticalResourcesValidator(config, issues);
        config.criticalKeys().ifPresent(validator::checkKeys);
        config.criticalSecrets().ifPresent(validator::checkSecrets);
    }

    private void checkKeys(List<Optional<CriticalKeyDefinition>> keys) {
        Checks.forEachRead(keys, (i, key) -> {
            String path = KEYS + "[" + i + "]";
            checkAlias(path + ".alias", key.alias());
            checkDescription(path + ".description", key.description(), MAX_KEY_DESCRIPTION);
            Checks.deletionWindow(issues, path + ".deletionWindowInDays", key.deletionWindowInDays(),
                    OptionalInt.of(CriticalKeyDefinition.DEFAULT_DELETION_WINDOW_DAYS));
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
        });
        Checks.listedOnce(issues, keys, index -> KEYS + "[" + index + "].alias", CriticalKeyDefinition::alias,
                CriticalKeyDefinition::aliasName,
                "give every key its own alias (with or without the alias/ prefix, it is the same alias):"
                        + " the alias is the key's identity in the stack.");
    }

    private void checkSecrets(List<Optional<CriticalSecretDefinition>> secrets) {
        Checks.forEachRead(secrets, (i, secret) -> {
            String path = SECRETS + "[" + i + "]";
            if (!SECRET_NAME.matcher(secret.name()).matches()) {
                issues.add(path + ".name", "'" + secret.name() + "' is not a Secrets Manager secret name.",
                        "use up to 512 letters, digits and /_+=.@- characters.");
            }
            checkDescription(path + ".description", secret.description(), MAX_SECRET_DESCRIPTION);
            Checks.deletionWindow(issues, path + ".recoveryWindowInDays", secret.recoveryWindowInDays(),
                    OptionalInt.of(CriticalSecretDefinition.DEFAULT_RECOVERY_WINDOW_DAYS));
            checkPrincipals(path + ".readers", secret.readers(), true);
            checkPrincipals(path + ".writers", secret.writers(), false);
            checkReplicaRegions(path + ".replicaRegions", secret.replicaRegions());
            keys.ifPresent(all -> checkKeyOf(path, secret, all));
            secret.valueFromSecretConfig().filter(key -> !CONFIG_KEY_NAME.matcher(key).matches())
                    .ifPresent(key -> issues.add(path + ".valueFromSecretConfig", "'" + key + "' is not a config key name.",
                            "name a key of this stack's config, e.g. paymentsDbPassword."));
        });
        Checks.listedOnce(issues, secrets, index -> SECRETS + "[" + index + "].name", CriticalSecretDefinition::name,
                CriticalSecretDefinition::name, "list each secret once.");
    }

    private void checkKeyOf(String path, CriticalSecretDefinition secret, List<CriticalKeyDefinition> keys) {
        keys.stream().filter(key -> key.alias().equals(secret.keyAlias())).findFirst().ifPresentOrElse(key -> {
            Set<String> missing = new TreeSet<>(secret.replicaRegions());
            missing.removeAll(key.replicaRegions());
            security.ifPresent(account -> missing.remove(account.homeRegion()));
            if (!missing.isEmpty()) {
                issues.add(path + ".replicaRegions", missing + " have no replica of its key " + key.aliasName()
                                + ", so the replica secret could not be encrypted with it.",
                        "add " + missing + " to the key's replicaRegions (and set multiRegion: true), or drop them here.");
            }
        }, () -> issues.add(path + ".key", "'" + CriticalKeyDefinition.ALIAS_PREFIX + secret.keyAlias()
                        + "' is not the alias of any " + KEYS + " entry.",
                "name one of " + keys.stream().map(CriticalKeyDefinition::aliasName).toList()
                        + ", or add the key to " + KEYS + "."));
    }

    private void checkAlias(String path, String alias) {
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

    /** Replicas go to other regions than the security account's home, where the original is. */
    private void checkReplicaRegions(String path, List<String> regions) {
        Optional<String> home = security.map(SecurityAccount::homeRegion);
        for (int i = 0; i < regions.size(); i++) {
            String region = regions.get(i);
            if (Checks.region(issues, path + "[" + i + "]", region) && home.filter(region::equals).isPresent()) {
                issues.add(path + "[" + i + "]", "'" + region + "' is the security account's home region, where the original is.",
                        "list only other regions as replicas.");
            }
        }
        Checks.listedOnce(issues, regions, path, region -> AwsRegions.isCommercial(region) && !home.filter(region::equals).isPresent());
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
        for (int i = 0; i < principals.size(); i++) {
            WorkloadPrincipal principal = principals.get(i);
            String quoted = "'" + principal.written() + "'";
            if (organizationAccounts.filter(ids -> !ids.contains(principal.accountId())).isPresent()) {
                issues.add(path + "[" + i + "]", quoted + " is in account " + principal.accountId()
                                + ", which is not one of the organization's configured accounts.",
                        "list only principals of " + qualified("accounts") + ", the security or the management account.");
            } else if (locksOutAdministrators(principal)) {
                issues.add(path + "[" + i + "]", quoted + " administers the security account; as a listed principal it would be"
                                + " denied administering this key or secret, which locks the administrators out.",
                        "list workload roles only; the security account's administrators keep full control anyway.");
            }
        }
        Checks.listedOnce(issues, principals.stream().map(Optional::of).toList(), index -> path + "[" + index + "]",
                WorkloadPrincipal::arn, WorkloadPrincipal::written, "remove the duplicate.");
    }

    private boolean locksOutAdministrators(WorkloadPrincipal principal) {
        if (security.isEmpty() || organization.isEmpty() || !principal.accountId().equals(security.get().account().id())) {
            return false;
        }
        if (principal.isWholeAccount()) {
            return true;
        }
        String role = principal.role().orElseThrow();
        return role.equals("/" + organization.get().accessRoleName())
                || organization.get().breakGlassRoles().stream().anyMatch(breakGlass -> role.equals(breakGlass.path() + breakGlass.name()));
    }

    private void checkServices(String path, List<String> services) {
        for (int i = 0; i < services.size(); i++) {
            if (!SERVICE_NAME.matcher(services.get(i)).matches()) {
                issues.add(path + "[" + i + "]", "'" + services.get(i) + "' is not a service name.",
                        "write the service's endpoint prefix only, e.g. s3 or rds: the program adds the region.");
            }
        }
        Checks.listedOnce(issues, services, path, SERVICE_NAME.asMatchPredicate());
    }
}
