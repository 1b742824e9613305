package org.qipathways.moodle;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@link Doctor} found on a site: its release, the token's user, the functions the connector
 * needs that the token's service lacks, and other problems.
 * <pre>{@code
 * DoctorReport r = Doctor.check(client);
 * r.ok();                 // false
 * r.missingFunctions();   // [core_cohort_add_cohort_members]
 * r.lines().forEach(out::println);
 * }</pre>
 *
 * @param siteName the site's name
 * @param siteUrl the site's address as Moodle reports it
 * @param release Moodle's release, e.g. {@code 5.1+ (Build: 20251205)}
 * @param version Moodle's version number, e.g. {@code 2025100600.13}
 * @param username the token's user
 * @param fullname the token's user's full name
 * @param userId the token's user's id
 * @param needed how many functions the connector needs
 * @param missingFunctions needed functions the token's service lacks, sorted
 * @param missingOptional optional functions the token's service lacks, each with what is lost without it
 * @param bundling whether calls can be bundled ({@code tool_mobile_call_external_functions} is in the service)
 * @param problems everything that stops the connector working, missing functions included
 * @param notes what is worth knowing but stops nothing
 */
public record DoctorReport(String siteName, String siteUrl, String release, String version, String username,
        String fullname, long userId, int needed, List<String> missingFunctions, Map<String, String> missingOptional,
        boolean bundling, List<String> problems, List<String> notes) {

    public DoctorReport {
        missingFunctions = List.copyOf(missingFunctions);
        missingOptional = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(missingOptional));
        problems = List.copyOf(problems);
        notes = List.copyOf(notes);
    }

    /** Whether nothing stops the connector working with the site. */
    public boolean ok() {
        return problems.isEmpty();
    }

    /** The report in words, a line each, as {@code qip doctor} prints it. */
    public List<String> lines() {
        List<String> out = new ArrayList<>();
        out.add("Site:      " + siteName + " (" + siteUrl + ")");
        out.add("Moodle:    " + (release == null ? "(release not reported)" : release)
                + (version == null ? "" : ", version " + version));
        out.add("User:      " + fullname + " (" + username + ", id " + userId + ")");
        if (missingFunctions.isEmpty()) {
            out.add("Functions: all " + needed + " functions the connector needs are in the token's service");
        } else {
            out.add("Functions: " + missingFunctions.size() + " of the " + needed + " functions the connector needs "
                    + (missingFunctions.size() == 1 ? "is" : "are") + " missing from the token's service:");
            missingFunctions.forEach(f -> out.add("  - " + f));
            out.add("  Add them to the service in Site administration > Server > Web services > External services.");
        }
        out.add("Bundling:  " + (bundling ? "available (tool_mobile_call_external_functions)"
                : "not available: add tool_mobile_call_external_functions to the service to bundle calls;"
                        + " until then calls go one per request"));
        missingOptional.forEach((f, lost) -> {
            if (!f.equals(MoodleFunction.TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS.wsName())) {
                out.add("Optional:  " + f + " is not in the token's service: " + lost);
            }
        });
        for (String p : problems) {
            if (!p.startsWith(Doctor.MISSING_PREFIX)) {
                out.add("Problem:   " + p);
            }
        }
        notes.forEach(n -> out.add("Note:      " + n));
        out.add(ok() ? "OK: the connector can work with this site."
                : "NOT READY: " + problems.size() + (problems.size() == 1 ? " problem" : " problems") + " to fix.");
        return out;
    }
}
