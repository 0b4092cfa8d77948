package io.github.deletionguard.operate;

/** Where a check runs: an account in a region, an account's global services (region empty), or the organization (both empty). */
public record Place(String account, String region) {

    public static Place organization() {
        return new Place("", "");
    }

    public static Place global(String account) {
        return new Place(account, "");
    }

    @Override
    public String toString() {
        if (account.isEmpty()) {
            return "organization";
        }
        return region.isEmpty() ? account : account + "/" + region;
    }
}
