package org.qipathways.moodle.ws;

import java.util.List;

/**
 * Grades in one course ({@code gradereport_user_get_grade_items}): for every gradable user (or one),
 * each grade item with the raw grade. The course total is the item with {@code itemtype} "course".
 * <pre>{@code
 * client.getGradeItems(12, 0).usergrades().get(0).gradeitems().get(0).graderaw();   // 85.0
 * }</pre>
 */
public record GradeItems(List<UserGrades> usergrades, List<MoodleWarning> warnings) {

    public GradeItems {
        usergrades = usergrades == null ? List.of() : List.copyOf(usergrades);
        warnings = warnings == null ? List.of() : List.copyOf(warnings);
    }

    /** One user's grade items. */
    public record UserGrades(long courseid, long userid, String userfullname, String useridnumber,
            List<Item> gradeitems) {
        public UserGrades {
            gradeitems = gradeitems == null ? List.of() : List.copyOf(gradeitems);
        }
    }

    /** One grade item and the user's grade in it; {@code graderaw} is null when ungraded. */
    public record Item(long id, String itemname, String itemtype, String itemmodule, Long iteminstance,
            String idnumber, Long cmid, Double graderaw, Long gradedategraded, Double grademin, Double grademax) {
    }
}
