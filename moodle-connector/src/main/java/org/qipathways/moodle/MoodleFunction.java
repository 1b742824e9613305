package org.qipathways.moodle;

import java.util.List;
import java.util.Locale;

/**
 * The Moodle web-service functions the connector uses, each with what a repeat of it would do, which
 * decides whether a failed request may be sent again.
 * <pre>{@code
 * MoodleFunction.CORE_USER_CREATE_USERS.wsName();   // "core_user_create_users"
 * MoodleFunction.CORE_USER_CREATE_USERS.kind();     // WRITE: never sent twice
 * MoodleFunction.required();                       // what the token's service must include
 * }</pre>
 * See ws-reference.md for each function's parameters, limits and errors.
 */
public enum MoodleFunction {
    CORE_WEBSERVICE_GET_SITE_INFO(Kind.READ),

    CORE_USER_CREATE_USERS(Kind.WRITE),
    CORE_USER_UPDATE_USERS(Kind.IDEMPOTENT_WRITE),
    CORE_USER_GET_USERS_BY_FIELD(Kind.READ),

    CORE_COURSE_CREATE_CATEGORIES(Kind.WRITE),
    CORE_COURSE_UPDATE_CATEGORIES(Kind.IDEMPOTENT_WRITE),
    CORE_COURSE_GET_CATEGORIES(Kind.READ),
    CORE_COURSE_CREATE_COURSES(Kind.WRITE),
    CORE_COURSE_UPDATE_COURSES(Kind.IDEMPOTENT_WRITE),
    CORE_COURSE_GET_COURSES_BY_FIELD(Kind.READ),
    /** Optional: only when unit courses are made from an admin-prepared template course. */
    CORE_COURSE_DUPLICATE_COURSE(Kind.WRITE),

    CORE_COHORT_CREATE_COHORTS(Kind.WRITE),
    CORE_COHORT_UPDATE_COHORTS(Kind.IDEMPOTENT_WRITE),
    CORE_COHORT_GET_COHORTS(Kind.READ),
    /** A repeated membership is reported as warning 3, not added twice. */
    CORE_COHORT_ADD_COHORT_MEMBERS(Kind.IDEMPOTENT_WRITE),
    /** Removing a non-member is silent. */
    CORE_COHORT_DELETE_COHORT_MEMBERS(Kind.IDEMPOTENT_WRITE),
    CORE_COHORT_GET_COHORT_MEMBERS(Kind.READ),

    /** A repeated enrolment sets the same state again. */
    ENROL_MANUAL_ENROL_USERS(Kind.IDEMPOTENT_WRITE),
    ENROL_MANUAL_UNENROL_USERS(Kind.IDEMPOTENT_WRITE),
    CORE_ENROL_GET_ENROLLED_USERS(Kind.READ),

    CORE_COMPETENCY_CREATE_COMPETENCY_FRAMEWORK(Kind.WRITE),
    CORE_COMPETENCY_READ_COMPETENCY_FRAMEWORK(Kind.READ),
    CORE_COMPETENCY_UPDATE_COMPETENCY_FRAMEWORK(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_LIST_COMPETENCY_FRAMEWORKS(Kind.READ),
    CORE_COMPETENCY_GET_SCALE_VALUES(Kind.READ),
    CORE_COMPETENCY_CREATE_COMPETENCY(Kind.WRITE),
    CORE_COMPETENCY_READ_COMPETENCY(Kind.READ),
    CORE_COMPETENCY_UPDATE_COMPETENCY(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_LIST_COMPETENCIES(Kind.READ),
    /** Setting the parent it already has is an error, so a repeat after success would fail. */
    CORE_COMPETENCY_SET_PARENT_COMPETENCY(Kind.WRITE),
    /** Answers false when the link exists. */
    CORE_COMPETENCY_ADD_COMPETENCY_TO_COURSE(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_COURSE(Kind.WRITE),
    CORE_COMPETENCY_LIST_COURSE_COMPETENCIES(Kind.READ),
    CORE_COMPETENCY_SET_COURSE_COMPETENCY_RULEOUTCOME(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_UPDATE_COURSE_COMPETENCY_SETTINGS(Kind.IDEMPOTENT_WRITE),
    /** Templates have no unique key: a repeat would make a second template. */
    CORE_COMPETENCY_CREATE_TEMPLATE(Kind.WRITE),
    CORE_COMPETENCY_READ_TEMPLATE(Kind.READ),
    CORE_COMPETENCY_UPDATE_TEMPLATE(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_LIST_TEMPLATES(Kind.READ),
    CORE_COMPETENCY_ADD_COMPETENCY_TO_TEMPLATE(Kind.IDEMPOTENT_WRITE),
    CORE_COMPETENCY_REMOVE_COMPETENCY_FROM_TEMPLATE(Kind.WRITE),
    CORE_COMPETENCY_LIST_COMPETENCIES_IN_TEMPLATE(Kind.READ),
    CORE_COMPETENCY_LIST_USER_PLANS(Kind.READ),
    CORE_COMPETENCY_LIST_PLAN_COMPETENCIES(Kind.READ),
    /** A user competency with its evidence; makes an unrated user competency where there is none. */
    TOOL_LP_DATA_FOR_USER_COMPETENCY_SUMMARY(Kind.IDEMPOTENT_WRITE),

    CORE_COMPLETION_GET_COURSE_COMPLETION_STATUS(Kind.READ),
    CORE_COMPLETION_GET_ACTIVITIES_COMPLETION_STATUS(Kind.READ),
    GRADEREPORT_USER_GET_GRADE_ITEMS(Kind.READ),

    /**
     * Several calls in one request. Optional: without it calls go one per request. Declared a write
     * by Moodle; the client retries a bundle only when every call in it may be repeated.
     */
    TOOL_MOBILE_CALL_EXTERNAL_FUNCTIONS(Kind.WRITE);

    /** What sending a request twice would do. */
    public enum Kind {
        /** Changes nothing: always safe to repeat. */
        READ,
        /** Sets a state, so a repeat leaves the same state: safe to repeat. */
        IDEMPOTENT_WRITE,
        /** A repeat could duplicate or fail misleadingly: sent again only if the first attempt never left. */
        WRITE;

        /** Whether a request that may have reached the site can be sent again. */
        public boolean repeatable() {
            return this != WRITE;
        }
    }

    private final Kind kind;
    private final String wsName;

    MoodleFunction(Kind kind) {
        this.kind = kind;
        this.wsName = name().toLowerCase(Locale.ROOT);
    }

    /** The function's name in Moodle, e.g. {@code core_user_create_users}. */
    public String wsName() {
        return wsName;
    }

    /** What a repeat would do. */
    public Kind kind() {
        return kind;
    }

    /**
     * Whether the connector cannot work without it: sync, pull or publish calls it. The list is
     * kept in {@link Doctor}, beside the optional functions and what is lost without them.
     */
    public boolean isRequired() {
        return Doctor.requires(this);
    }

    /** The functions the token's service must include, in Moodle's names, sorted ({@link Doctor#required()}). */
    public static List<String> required() {
        return Doctor.required();
    }

    @Override
    public String toString() {
        return wsName;
    }
}
