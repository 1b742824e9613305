package org.qipathways.moodle.ws;

/**
 * A category {@code core_course_create_categories} created.
 * <pre>{@code
 * client.createCategories(List.of(NewCategory.of("QI", 0))).get(0).id();   // 2
 * }</pre>
 */
public record CreatedCategory(long id, String name) {
}
