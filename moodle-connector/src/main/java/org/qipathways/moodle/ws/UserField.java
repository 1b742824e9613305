package org.qipathways.moodle.ws;

/**
 * Which field {@code core_user_get_users_by_field} searches.
 * <pre>{@code
 * client.getUsersByField(UserField.IDNUMBER, List.of("L0001", "L0002"));
 * }</pre>
 */
public enum UserField {
    ID, IDNUMBER, USERNAME, EMAIL;

    /** The name Moodle expects. */
    public String wsName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
