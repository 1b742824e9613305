package org.qipathways.moodle.ws;

import java.util.List;

/**
 * Changes to one user for {@code core_user_update_users}: fields left null keep their value.
 * <pre>{@code
 * UserUpdate.of(42).withEmail("jane.doe@nhs.net").withSuspended(false);
 * }</pre>
 */
public record UserUpdate(long id, String username, String auth, Boolean suspended, String firstname, String lastname,
        String email, String idnumber, String institution, String department, List<CustomField> customfields) {

    public UserUpdate {
        customfields = customfields == null ? null : List.copyOf(customfields);
    }

    /** No change yet to user {@code id}. */
    public static UserUpdate of(long id) {
        return new UserUpdate(id, null, null, null, null, null, null, null, null, null, null);
    }

    public UserUpdate withUsername(String v) {
        return new UserUpdate(id, v, auth, suspended, firstname, lastname, email, idnumber, institution, department, customfields);
    }

    public UserUpdate withSuspended(boolean v) {
        return new UserUpdate(id, username, auth, v, firstname, lastname, email, idnumber, institution, department, customfields);
    }

    public UserUpdate withFirstname(String v) {
        return new UserUpdate(id, username, auth, suspended, v, lastname, email, idnumber, institution, department, customfields);
    }

    public UserUpdate withLastname(String v) {
        return new UserUpdate(id, username, auth, suspended, firstname, v, email, idnumber, institution, department, customfields);
    }

    public UserUpdate withEmail(String v) {
        return new UserUpdate(id, username, auth, suspended, firstname, lastname, v, idnumber, institution, department, customfields);
    }

    public UserUpdate withIdnumber(String v) {
        return new UserUpdate(id, username, auth, suspended, firstname, lastname, email, v, institution, department, customfields);
    }

    public UserUpdate withInstitution(String v) {
        return new UserUpdate(id, username, auth, suspended, firstname, lastname, email, idnumber, v, department, customfields);
    }

    public UserUpdate withDepartment(String v) {
        return new UserUpdate(id, username, auth, suspended, firstname, lastname, email, idnumber, institution, v, customfields);
    }
}
