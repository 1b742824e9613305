package org.qipathways.moodle.ws;

import java.util.Objects;

/**
 * A course category for {@code core_course_create_categories}; {@code parent} 0 puts it at the top.
 * <pre>{@code
 * NewCategory.of("QI Pathway", 0).withIdnumber("QIP-BSG");
 * }</pre>
 */
public record NewCategory(String name, Long parent, String idnumber, String description) {

    public NewCategory {
        Objects.requireNonNull(name, "name");
    }

    public static NewCategory of(String name, long parent) {
        return new NewCategory(name, parent, null, null);
    }

    /** A key unique among categories (at most 100 characters), so that a rerun finds the category. */
    public NewCategory withIdnumber(String value) {
        return new NewCategory(name, parent, value, description);
    }

    public NewCategory withDescription(String value) {
        return new NewCategory(name, parent, idnumber, value);
    }
}
