package org.qipathways.moodle.ws;

import java.util.List;

/**
 * A user enrolled in a course, with their roles there.
 * <pre>{@code
 * client.getEnrolledUsers(12, List.of(new Option("onlyactive", "1"))).get(0).roles();
 * }</pre>
 */
public record EnrolledUser(long id, String username, String firstname, String lastname, String fullname, String email,
        String idnumber, List<Role> roles) {

    public EnrolledUser {
        roles = roles == null ? List.of() : List.copyOf(roles);
    }

    /** A role the user holds in the course. */
    public record Role(long roleid, String name, String shortname) {
    }
}
