package org.qipathways.moodle.ws;

import java.util.List;
import java.util.Optional;

/**
 * The site and token user as {@code core_webservice_get_site_info} describes them, including every
 * function of the token's service.
 * <pre>{@code
 * SiteInfo info = client.siteInfo();
 * info.release();                                    // "5.1+ (Build: 20251205)"
 * info.hasFunction("core_user_create_users");        // true
 * info.feature("enablecompetencies");                // Optional[1]
 * }</pre>
 */
public record SiteInfo(String sitename, String siteurl, String username, String firstname, String lastname,
        String fullname, String lang, long userid, Long siteid, String release, String version,
        List<Function> functions, List<Feature> advancedfeatures, Boolean userissiteadmin) {

    public SiteInfo {
        functions = functions == null ? List.of() : List.copyOf(functions);
        advancedfeatures = advancedfeatures == null ? List.of() : List.copyOf(advancedfeatures);
    }

    /** A function of the token's service. */
    public record Function(String name, String version) {
    }

    /** A site feature switch, e.g. {@code enablecompletion = 1}. */
    public record Feature(String name, int value) {
    }

    /** Whether the token's service includes {@code function}. */
    public boolean hasFunction(String function) {
        return functions.stream().anyMatch(f -> f.name().equals(function));
    }

    /** The value of an advanced feature, if the site reports it. */
    public Optional<Integer> feature(String name) {
        return advancedfeatures.stream().filter(f -> f.name().equals(name)).map(Feature::value).findFirst();
    }
}
