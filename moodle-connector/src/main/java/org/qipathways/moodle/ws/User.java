package org.qipathways.moodle.ws;

import java.util.List;

/**
 * A user as Moodle describes one; fields the token's user may not see are null (and a user whose
 * searched field is hidden is left out of a search altogether).
 * <pre>{@code
 * User u = client.getUsersByField(UserField.USERNAME, List.of("jdoe")).get(0);
 * u.idnumber();   // "L0001"
 * }</pre>
 */
public record User(long id, String username, String firstname, String lastname, String fullname, String email,
        String idnumber, String institution, String department, String auth, Boolean suspended, Boolean confirmed,
        List<ProfileField> customfields) {

    public User {
        customfields = customfields == null ? List.of() : List.copyOf(customfields);
    }

    /** A profile field's value. */
    public record ProfileField(String type, String value, String name, String shortname) {
    }
}
