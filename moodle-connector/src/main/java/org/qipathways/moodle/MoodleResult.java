package org.qipathways.moodle;

import java.util.Objects;
import java.util.Optional;

/**
 * The outcome of one call among several ({@link MoodleClient#callAll}): its value, or the exception
 * that call alone met.
 * <pre>{@code
 * for (MoodleResult<CourseCompletion> r : client.callAll(calls)) {
 *     if (r.isSuccess()) { use(r.get()); } else { log.warn(r.error().get().getMessage()); }
 * }
 * }</pre>
 */
public final class MoodleResult<T> {

    private final T value;
    private final MoodleException error;

    private MoodleResult(T value, MoodleException error) {
        this.value = value;
        this.error = error;
    }

    public static <T> MoodleResult<T> success(T value) {
        return new MoodleResult<>(value, null);
    }

    public static <T> MoodleResult<T> failure(MoodleException error) {
        return new MoodleResult<>(null, Objects.requireNonNull(error, "error"));
    }

    public boolean isSuccess() {
        return error == null;
    }

    /** The value; for a failed call, throws its exception. */
    public T get() {
        if (error != null) {
            throw error;
        }
        return value;
    }

    /** The exception of a failed call. */
    public Optional<MoodleException> error() {
        return Optional.ofNullable(error);
    }

    @Override
    public String toString() {
        return error == null ? "MoodleResult[" + value + "]" : "MoodleResult[failed: " + error.getMessage() + "]";
    }
}
