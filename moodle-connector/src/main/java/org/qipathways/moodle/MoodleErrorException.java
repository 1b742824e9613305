package org.qipathways.moodle;

import java.util.Map;
import java.util.Optional;

/**
 * Moodle refused the call and said why: its reply (HTTP 200, like every Moodle reply) held
 * {@code exception}, {@code errorcode} and {@code message}. The error codes the connector meets are
 * mapped to subclasses; any other code comes as this class, with the code kept.
 * <pre>{@code
 * catch (DuplicateRecordException e) {
 *     e.errorcode();      // "shortnametaken"
 *     e.moodleMessage();  // "Short name is already used for another course (BRZ-E)"
 * }
 * }</pre>
 *
 * <p>Production sites hide details in {@code debuginfo}, which is only sent when the site's
 * debugging is on: {@link #debugInfo()} is then empty and the message says so.
 */
public class MoodleErrorException extends MoodleException {
    private static final long serialVersionUID = 1L;

    /** Makes the exception for one error code; {@code hint} says what to do. */
    private interface Kind {
        MoodleErrorException make(Reply reply, String hint);
    }

    /** What Moodle said, kept together. */
    record Reply(String function, String exceptionClass, String errorcode, String message, String debugInfo) {
    }

    private static final String DETAIL_HIDDEN = "the site hides the detail while its debugging is off;"
            + " with debugging on, Moodle names the field in debuginfo";

    private static final Map<String, Mapping> MAPPINGS = Map.ofEntries(
            token("invalidtoken", "check the token: it may be mistyped, deleted, or not a web-service token;"
                    + " a request larger than the site's post_max_size also loses the token"),
            access("accessexception", "the function may be missing from the token's service, the token may have"
                    + " expired (Moodle then deletes it: issue a new one), the site may restrict IP addresses, or"
                    + " the service may require a capability the token's user lacks"),
            access("wsaccessuserdeleted", "the token's user has been deleted: issue a token for an active user"),
            access("wsaccessuserunconfirmed", "the token's user is not confirmed: confirm the account"),
            access("wsaccessusersuspended", "the token's user is suspended: reactivate the account"),
            access("wsaccessusernologin", "the token's user has the 'No login' authentication: change it"),
            access("wsaccessuserexpired", "the token's user's password has expired: reset it"),
            access("servicenotavailable", "the web service is disabled or does not exist"),
            access("restrictedcontextexception", "the target is outside the context the token is restricted to"),
            access("requireloginerror", "the token's user cannot enter this course or category: give its role"
                    + " moodle/course:view and moodle/course:viewhiddencourses at system level"),
            access("sitepolicynotagreed", "the token's user has not accepted the site policy: log in once as that"
                    + " user and accept it"),
            access("usernotfullysetup", "the token's user's profile is incomplete: complete it"),
            access("forcepasswordchangenotice", "the token's user must change their password: log in once as that"
                    + " user"),
            access("errorcoursecontextnotvalid", "the token's user cannot work in this course"),
            access("errorcatcontextnotvalid", "the token's user cannot work in this category, or it does not exist"),
            capability("nopermissions"),
            capability("nopermission"),
            parameter("invalidparameter"),
            parameter("errorinvalidparam"),
            parameter("invalidpersistenterror"),
            parameter("criteriaerror"),
            notFound("invalidrecord", "the record does not exist (an unknown web-service function also gives this"
                    + " code: compare the site's release with the function's)"),
            notFound("invalidrecordunknown", "the record does not exist"),
            notFound("invaliduser", "the user does not exist or has been deleted"),
            notFound("invalidcourseid", "the course does not exist"),
            notFound("invalidcoursemodule", "the activity does not exist"),
            notFound("unknowcategory", "the category does not exist"),
            duplicate("shortnametaken"),
            duplicate("courseidnumbertaken"),
            duplicate("categoryidnumbertaken"),
            duplicate("idnumbertaken"),
            Map.entry("sitemaintenance", new Mapping(SiteMaintenanceException::new,
                    "the site is in maintenance mode: try again when it is back")),
            disabled("competenciesarenotenabled", "competencies are disabled on the site: enable them in Site"
                    + " administration > Advanced features"),
            disabled("completionnotenabled", "completion tracking is disabled for the site or the course"),
            disabled("badgesdisabled", "badges are disabled on the site"),
            disabled("enablewsdescription", "web services are disabled on the site"));

    private final String exceptionClass;
    private final String errorcode;
    private final String moodleMessage;
    private final String debugInfo;

    MoodleErrorException(Reply r, String hint) {
        super(r.function(), message(r, hint), null);
        this.exceptionClass = r.exceptionClass();
        this.errorcode = r.errorcode();
        this.moodleMessage = r.message();
        this.debugInfo = r.debugInfo();
    }

    /**
     * The exception for Moodle's error reply to {@code function}: the subclass mapped to
     * {@code errorcode}, or this class. {@code exceptionClass} and {@code debugInfo} may be null
     * (bundled calls report no class; production sites no debug info). The caller has removed the
     * token from the texts.
     */
    public static MoodleErrorException of(String function, String exceptionClass, String errorcode, String message,
            String debugInfo) {
        String code = errorcode == null || errorcode.isEmpty() ? "(no errorcode)" : errorcode;
        Reply r = new Reply(function, exceptionClass, code, message == null ? "" : message, debugInfo);
        Mapping m = MAPPINGS.get(code);
        if (m != null) {
            return m.kind().make(r, m.hint());
        }
        if ("required_capability_exception".equals(exceptionClass)) {
            return new MissingCapabilityException(r, null);
        }
        return new MoodleErrorException(r, null);
    }

    /** The error codes mapped to subclasses, for tests that check each mapping. */
    static java.util.Set<String> mappedCodes() {
        return MAPPINGS.keySet();
    }

    /** Moodle's PHP exception class, e.g. {@code invalid_parameter_exception}; empty for bundled calls. */
    public Optional<String> exceptionClass() {
        return Optional.ofNullable(exceptionClass);
    }

    /** Moodle's error code, e.g. {@code invalidparameter}. */
    public String errorcode() {
        return errorcode;
    }

    /** Moodle's message, in the site's language. */
    public String moodleMessage() {
        return moodleMessage;
    }

    /** Moodle's debug detail, sent only when the site's debugging is on. */
    public Optional<String> debugInfo() {
        return Optional.ofNullable(debugInfo);
    }

    private static String message(Reply r, String hint) {
        StringBuilder m = new StringBuilder();
        m.append(r.function() == null ? "Moodle" : r.function()).append(": Moodle refused the call: ")
                .append(r.errorcode());
        if (!r.message().isEmpty()) {
            m.append(": ").append(r.message());
        }
        if (r.debugInfo() != null && !r.debugInfo().isEmpty()) {
            m.append(" [debuginfo: ").append(r.debugInfo()).append(']');
        }
        if (hint != null) {
            m.append(" (").append(hint).append(')');
        }
        return m.toString();
    }

    private record Mapping(Kind kind, String hint) {
    }

    private static Map.Entry<String, Mapping> token(String code, String hint) {
        return Map.entry(code, new Mapping(InvalidTokenException::new, hint));
    }

    private static Map.Entry<String, Mapping> access(String code, String hint) {
        return Map.entry(code, new Mapping(MoodleAccessException::new, hint));
    }

    private static Map.Entry<String, Mapping> capability(String code) {
        return Map.entry(code, new Mapping(MissingCapabilityException::new,
                "give the token user's role the capability named in the message"));
    }

    private static Map.Entry<String, Mapping> parameter(String code) {
        return Map.entry(code, new Mapping((r, hint) -> new MoodleParameterException(r,
                r.debugInfo() == null || r.debugInfo().isEmpty() ? DETAIL_HIDDEN : null), null));
    }

    private static Map.Entry<String, Mapping> notFound(String code, String hint) {
        return Map.entry(code, new Mapping(RecordNotFoundException::new, hint));
    }

    private static Map.Entry<String, Mapping> duplicate(String code) {
        return Map.entry(code, new Mapping(DuplicateRecordException::new,
                "a record with this identifier already exists: look it up and update it instead"));
    }

    private static Map.Entry<String, Mapping> disabled(String code, String hint) {
        return Map.entry(code, new Mapping(FeatureDisabledException::new, hint));
    }
}
