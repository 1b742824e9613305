package org.qipathways.moodle;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.qipathways.moodle.ws.SiteInfo;

/**
 * Checks a site and token before any sync: calls {@code core_webservice_get_site_info} and reports
 * the release, the token's user, every function the connector needs that the token's service
 * lacks, and site features that are switched off.
 * <pre>{@code
 * try (MoodleClient client = MoodleClient.create(config)) {
 *     DoctorReport report = Doctor.check(client);
 *     report.lines().forEach(out::println);   // out: where your application writes
 * }
 * }</pre>
 * A site that cannot be reached, or a token it refuses, is a {@link MoodleException}, not a report.
 */
public final class Doctor {

    static final String MISSING_PREFIX = "the token's service lacks ";

    private Doctor() {
    }

    /** The report for the client's site. */
    public static DoctorReport check(MoodleClient client) {
        SiteInfo info = client.siteInfo();
        TreeSet<String> missing = new TreeSet<>(MoodleFunction.required());
        info.functions().forEach(f -> missing.remove(f.name()));
        List<String> problems = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        missing.forEach(f -> problems.add(MISSING_PREFIX + f));
        info.feature("enablecompletion").ifPresent(v -> {
            if (v != 1) {
                problems.add("completion tracking is disabled (enablecompletion=" + v + "): enable it in Site"
                        + " administration > Advanced features, or completions cannot be pulled");
            }
        });
        info.feature("enablecompetencies").ifPresent(v -> {
            if (v != 1) {
                problems.add("competencies are disabled (enablecompetencies=" + v + "): enable them in Site"
                        + " administration > Advanced features, or the framework cannot be pushed");
            }
        });
        info.feature("enablebadges").ifPresent(v -> {
            if (v != 1) {
                notes.add("badges are disabled (enablebadges=" + v + "): Moodle badges cannot follow certification");
            }
        });
        if (Boolean.TRUE.equals(info.userissiteadmin())) {
            notes.add("the token's user is a site administrator: a dedicated integration user with only the"
                    + " capabilities the connector needs is safer");
        }
        return new DoctorReport(info.sitename(), info.siteurl(), info.release(), info.version(), info.username(),
                info.fullname(), info.userid(), MoodleFunction.required().size(), new ArrayList<>(missing),
                info.hasFunction(MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName()), problems, notes);
    }
}
