package io.github.deletionguard.operate;

/** What one check found: it held, it did not (with the fix), or it could not be checked at all. */
public enum Outcome {
    PASS, FAIL, ERROR
}
