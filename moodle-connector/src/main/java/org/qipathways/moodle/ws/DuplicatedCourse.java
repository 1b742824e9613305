package org.qipathways.moodle.ws;

/**
 * What {@code core_course_duplicate_course} answers: the new course's id and short name.
 * <pre>{@code
 * DuplicatedCourse copy = client.duplicateCourse(templateId, "Foundations of QI", "QIP-BSG:BRZ-ELN", categoryId, 1);
 * }</pre>
 */
public record DuplicatedCourse(long id, String shortname) {
}
