package io.astrocloud.wcs;

import java.util.Optional;
import java.util.function.Function;

/**
 * What a header yields: a value, or the reason it yields none (never a guess).
 *
 * @param <T> the value
 */
public sealed interface WcsResult<T> {

    /** A value derived from the header. */
    record Found<T>(T value) implements WcsResult<T> {
    }

    /** No value, and why: which keyword, which value, what is missing or unsupported. */
    record Absent<T>(String why) implements WcsResult<T> {
    }

    /** The value, if found. */
    default Optional<T> toOptional() {
        return this instanceof Found<T> found ? Optional.of(found.value()) : Optional.empty();
    }

    /** The value; a caller that checked first. @throws IllegalStateException with the reason when absent */
    default T orElseThrow() {
        if (this instanceof Found<T> found) {
            return found.value();
        }
        throw new IllegalStateException(((Absent<T>) this).why());
    }

    /** The value mapped, or the same reason. */
    default <R> WcsResult<R> map(Function<T, R> f) {
        if (this instanceof Found<T> found) {
            return new Found<>(f.apply(found.value()));
        }
        return new Absent<>(((Absent<T>) this).why());
    }
}
