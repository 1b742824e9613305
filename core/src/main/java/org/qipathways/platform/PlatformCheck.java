package org.qipathways.platform;

import java.util.List;
import java.util.Objects;

/**
 * What {@link LearningPlatform#check()} found: which site and version answered, as which user, and
 * every problem that would stop the connector working there.
 * <pre>{@code
 * PlatformCheck c = platform.check();
 * c.ok();         // false
 * c.problems();   // ["the token's service lacks core_user_create_users", ...]
 * }</pre>
 *
 * @param platform the provider's name, e.g. {@code moodle}
 * @param site the site's address as the platform reports it
 * @param siteName the site's human name
 * @param release the platform's release, e.g. {@code 5.1+ (Build: 20251205)}
 * @param user who the credential signs in as
 * @param problems what must be fixed before the connector can work; empty when all is well
 * @param notes what is worth knowing but does not stop the connector
 */
public record PlatformCheck(String platform, String site, String siteName, String release, String user,
        List<String> problems, List<String> notes) {

    public PlatformCheck {
        Objects.requireNonNull(platform, "platform");
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** True when nothing stops the connector working. */
    public boolean ok() {
        return problems.isEmpty();
    }
}
