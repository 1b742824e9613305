package org.qipathways.moodle.ws;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A user for {@code core_user_create_users}. The username must already be what Moodle stores:
 * lower case, of {@code a-z 0-9 _ . @ -} (Moodle refuses anything else rather than cleaning it).
 * <pre>{@code
 * NewUser u = NewUser.of("jdoe", "Jane", "Doe", "jane.doe@nhs.net")
 *         .withIdnumber("L0001")
 *         .withCreatePassword(true);
 * }</pre>
 */
public record NewUser(String username, String auth, String password, Boolean createpassword, String firstname,
        String lastname, String email, String idnumber, String institution, String department,
        List<CustomField> customfields) {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9_.@-]+");

    public NewUser {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(firstname, "firstname");
        Objects.requireNonNull(lastname, "lastname");
        Objects.requireNonNull(email, "email");
        if (!USERNAME.matcher(username).matches()) {
            throw new IllegalArgumentException("Moodle usernames are lower case, of a-z 0-9 _ . @ -; Moodle refuses '"
                    + username + "'" + (USERNAME.matcher(username.toLowerCase(java.util.Locale.ROOT)).matches()
                            ? " (send '" + username.toLowerCase(java.util.Locale.ROOT) + "')" : ""));
        }
        customfields = customfields == null ? null : List.copyOf(customfields);
    }

    /** A manual-authentication user with the four required fields. */
    public static NewUser of(String username, String firstname, String lastname, String email) {
        return new NewUser(username, null, null, null, firstname, lastname, email, null, null, null, null);
    }

    public NewUser withIdnumber(String value) {
        return new NewUser(username, auth, password, createpassword, firstname, lastname, email, value, institution,
                department, customfields);
    }

    public NewUser withAuth(String value) {
        return new NewUser(username, value, password, createpassword, firstname, lastname, email, idnumber, institution,
                department, customfields);
    }

    /** A password, checked by Moodle against the site's password policy. */
    public NewUser withPassword(String value) {
        return new NewUser(username, auth, value, createpassword, firstname, lastname, email, idnumber, institution,
                department, customfields);
    }

    /** Whether Moodle makes a password and e-mails it (needed for manual accounts without a password). */
    public NewUser withCreatePassword(boolean value) {
        return new NewUser(username, auth, password, value, firstname, lastname, email, idnumber, institution,
                department, customfields);
    }

    public NewUser withInstitution(String value) {
        return new NewUser(username, auth, password, createpassword, firstname, lastname, email, idnumber, value,
                department, customfields);
    }

    public NewUser withDepartment(String value) {
        return new NewUser(username, auth, password, createpassword, firstname, lastname, email, idnumber, institution,
                value, customfields);
    }

    public NewUser withCustomField(String shortname, String value) {
        List<CustomField> more = new ArrayList<>(customfields == null ? List.of() : customfields);
        more.add(new CustomField(shortname, value));
        return new NewUser(username, auth, password, createpassword, firstname, lastname, email, idnumber, institution,
                department, more);
    }

    @Override
    public String toString() {
        // never the password
        return "NewUser[username=" + username + ", idnumber=" + idnumber + ", auth=" + auth + "]";
    }
}
