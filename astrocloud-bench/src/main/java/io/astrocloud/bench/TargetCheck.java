package io.astrocloud.bench;

/**
 * One target of issue 8 as the run found it.
 *
 * @param target what was asked
 * @param found  what was measured, in words and numbers
 * @param met    whether the target is met; null when the run could not tell (not measured)
 * @param why    for a missed target, by how much and why, from the run's own numbers; else null
 */
public record TargetCheck(String target, String found, Boolean met, String why) {
    /** A target without an explanation (met, or not measured). */
    public TargetCheck(String target, String found, Boolean met) {
        this(target, found, met, null);
    }

    /** "met", "missed" or "not measured". */
    public String verdict() {
        return met == null ? "not measured" : met ? "met" : "**missed**";
    }
}
