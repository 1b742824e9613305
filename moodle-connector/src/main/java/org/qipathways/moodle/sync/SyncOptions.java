package org.qipathways.moodle.sync;

import java.util.Objects;

/**
 * How the programme sync maps a programme onto one Moodle site: what a site administrator set up
 * beforehand (the proficiency scale, the parent category) and how learners' accounts are made.
 * <pre>{@code
 * SyncOptions options = SyncOptions.defaults().withScaleId(4).withAuth("oauth2").withTemplateCourseId(12);
 * }</pre>
 *
 * @param scaleId id of the scale an administrator created for the programme's proficiency scale
 *        (web services cannot create scales); 0 when the programme has no framework to sync
 * @param parentCategoryId the category the programme's category goes under; 0 for the top level
 * @param auth the authentication method of created users, e.g. {@code oauth2} or {@code manual}; no
 *        password is ever sent: with {@code manual}, Moodle mails a generated one and forces a reset
 * @param emailDomain learners.csv has no e-mail addresses, so users get {@code <username>@<domain>}
 *        until single sign-on fills in the real one
 * @param studentRoleId the role learners are enrolled with (Moodle's student role is 5)
 * @param prune whether objects of ours that the programme no longer has are removed (where web
 *        services allow) rather than only reported
 * @param templateCourseId a course an administrator prepared (activities, completion criteria) that
 *        new unit courses are copied from, as web services cannot set completion criteria; 0 for
 *        empty new courses
 */
public record SyncOptions(long scaleId, long parentCategoryId, String auth, String emailDomain, long studentRoleId,
        boolean prune, long templateCourseId) {

    /** The student role of a standard Moodle installation. */
    public static final long STUDENT_ROLE = 5;

    public SyncOptions {
        Objects.requireNonNull(auth, "auth");
        Objects.requireNonNull(emailDomain, "emailDomain");
        if (scaleId < 0 || parentCategoryId < 0 || studentRoleId <= 0 || templateCourseId < 0) {
            throw new IllegalArgumentException("ids are positive: scale " + scaleId + ", parent category "
                    + parentCategoryId + ", student role " + studentRoleId);
        }
        if (!auth.matches("[a-z0-9_]+")) {
            throw new IllegalArgumentException("an authentication method is a plugin name such as manual or oauth2, not '"
                    + auth + "'");
        }
        if (!emailDomain.matches("[A-Za-z0-9.-]+\\.[A-Za-z]{2,}")) {
            throw new IllegalArgumentException("'" + emailDomain + "' is not an e-mail domain");
        }
    }

    /** No scale, the top-level category, manual accounts with forced reset, {@code example.invalid}, students, no pruning. */
    public static SyncOptions defaults() {
        return new SyncOptions(0, 0, "manual", "example.invalid", STUDENT_ROLE, false, 0);
    }

    public SyncOptions withScaleId(long v) {
        return new SyncOptions(v, parentCategoryId, auth, emailDomain, studentRoleId, prune, templateCourseId);
    }

    public SyncOptions withParentCategoryId(long v) {
        return new SyncOptions(scaleId, v, auth, emailDomain, studentRoleId, prune, templateCourseId);
    }

    public SyncOptions withAuth(String v) {
        return new SyncOptions(scaleId, parentCategoryId, v, emailDomain, studentRoleId, prune, templateCourseId);
    }

    public SyncOptions withEmailDomain(String v) {
        return new SyncOptions(scaleId, parentCategoryId, auth, v, studentRoleId, prune, templateCourseId);
    }

    public SyncOptions withStudentRoleId(long v) {
        return new SyncOptions(scaleId, parentCategoryId, auth, emailDomain, v, prune, templateCourseId);
    }

    public SyncOptions withTemplateCourseId(long v) {
        return new SyncOptions(scaleId, parentCategoryId, auth, emailDomain, studentRoleId, prune, v);
    }

    public SyncOptions withPrune(boolean v) {
        return new SyncOptions(scaleId, parentCategoryId, auth, emailDomain, studentRoleId, v, templateCourseId);
    }
}
