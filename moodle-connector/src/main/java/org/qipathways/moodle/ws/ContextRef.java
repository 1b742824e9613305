package org.qipathways.moodle.ws;

/**
 * A Moodle context named the two ways competency functions accept: by context id, or by level and
 * instance ({@code system}/0, {@code coursecat}/category id).
 * <pre>{@code
 * ContextRef.system();
 * ContextRef.category(5);
 * }</pre>
 */
public record ContextRef(Long contextid, String contextlevel, Long instanceid) {

    public static ContextRef system() {
        return new ContextRef(null, "system", 0L);
    }

    public static ContextRef category(long categoryId) {
        return new ContextRef(null, "coursecat", categoryId);
    }

    public static ContextRef id(long contextid) {
        return new ContextRef(contextid, null, null);
    }
}
