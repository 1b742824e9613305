package org.qipathways.moodle.ws;

/**
 * A course category as {@code core_course_get_categories} lists it; {@code idnumber} and
 * {@code visible} are only sent to category managers.
 * <pre>{@code
 * client.getCategories(List.of(new Criterion("idnumber", "QIP-BSG")), false).get(0).id();
 * }</pre>
 */
public record Category(long id, String name, String idnumber, String description, long parent, Integer sortorder,
        Integer coursecount, Integer visible, Integer depth, String path) {
}
