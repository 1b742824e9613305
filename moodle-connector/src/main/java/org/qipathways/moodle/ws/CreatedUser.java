package org.qipathways.moodle.ws;

/**
 * A user {@code core_user_create_users} created.
 * <pre>{@code
 * client.createUsers(List.of(u)).get(0).id();   // 3
 * }</pre>
 */
public record CreatedUser(long id, String username) {
}
