package io.github.deletionguard.naming;

import java.util.Map;
import java.util.TreeMap;

/**
 * The tags every taggable resource of the program carries, through its provider's default tags.
 * The SCP recognises the program's resources by {@link #MANAGED_BY_TAG} (the tag key is written
 * in the reviewed SCP document as {@code aws:ResourceTag/ManagedBy}).
 */
public final class Tags {
    public static final String MANAGED_BY_TAG = "ManagedBy";
    public static final String MANAGED_BY_VALUE = "deletion-guard";
    public static final String STACK_TAG = "DeletionGuardStack";
    /**
     * Marks the key and secret the {@code drill} command creates to delete on purpose. The SCP's
     * drill carve-out reads it: only the deployer may set it, and only on such resources may the
     * deployer schedule deletions.
     */
    public static final String DRILL_TAG_KEY = "deletion-guard-drill";
    public static final String DRILL_TAG_VALUE = "true";
    /**
     * The drill tag's value on the drill's own key and secret just before its final cleanup deletes
     * them: the remediation document leaves exactly these deleted, so the cleanup is not undone.
     * Only the deployer may set the drill tag, to any value, and the SCP's drill carve-out counts
     * both values as the drill's.
     */
    public static final String DRILL_CLEANUP_VALUE = "cleanup";

    private Tags() {
    }

    public static Map<String, String> forStack(String stackName) {
        return new TreeMap<>(Map.of(MANAGED_BY_TAG, MANAGED_BY_VALUE, STACK_TAG, stackName));
    }
}
