package org.qipathways.samples.cli;

import org.qipathways.moodle.sync.SyncOptions;
import picocli.CommandLine.Option;

/**
 * How {@code qip sync} maps the programme and learners onto a Moodle site: the proficiency scale,
 * where categories and courses go, how new users sign in. Only sync writes these objects, so only its
 * usage lists them; {@code pull} and {@code publish} take {@link MoodleSiteOptions} alone.
 * <pre>{@code
 * @Mixin MoodleSiteOptions site;
 * @Mixin MoodleSyncOptions mapping;
 * SyncOptions options = mapping.syncOptions();
 * }</pre>
 */
final class MoodleSyncOptions {

    @Option(names = "--scale-id", paramLabel = "ID",
            description = "Id of the scale a site administrator made for the programme's proficiency scale"
                    + " (Site administration > Grades > Scales; web services cannot make scales)."
                    + " Needed the first time; later runs reuse the framework's.")
    long scaleId;

    @Option(names = "--parent-category", paramLabel = "ID", defaultValue = "0",
            description = "The course category the programme's category goes under. Default: the top level.")
    long parentCategory;

    @Option(names = "--template-course", paramLabel = "ID", defaultValue = "0",
            description = "A course an administrator prepared (activities, completion criteria): new unit courses are"
                    + " copies of it (core_course_duplicate_course must then be in the token's service). Default: empty"
                    + " new courses.")
    long templateCourse;

    @Option(names = "--auth", paramLabel = "METHOD", defaultValue = "manual",
            description = "Authentication method of new users, e.g. oauth2, saml2 or manual (default). No password"
                    + " is ever sent: with manual, Moodle mails one and forces a change at first login.")
    String auth;

    @Option(names = "--email-domain", paramLabel = "DOMAIN", defaultValue = "example.invalid",
            description = "learners.csv has no e-mail addresses: new users get <username>@DOMAIN until single"
                    + " sign-on fills in the real one. Default: ${DEFAULT-VALUE}.")
    String emailDomain;

    SyncOptions syncOptions() {
        try {
            return new SyncOptions(scaleId, parentCategory, auth, emailDomain, SyncOptions.STUDENT_ROLE, false,
                    templateCourse);
        } catch (IllegalArgumentException e) {
            throw QipException.badInput(e.getMessage(), e);
        }
    }
}
