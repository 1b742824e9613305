package org.qipathways.record.internal;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.qipathways.competency.Competency;
import org.qipathways.programme.PriorLearning;
import org.qipathways.programme.Programme;
import org.qipathways.programme.Tier;
import org.qipathways.programme.Unit;
import org.qipathways.programme.UnitKind;
import org.qipathways.record.LearnerEvent;
import org.qipathways.record.LearnerEvent.Decision;
import org.qipathways.record.LearnerEvent.EvidenceStatus;
import org.qipathways.record.LearnerEvent.Type;
import org.qipathways.record.ReadOptions;
import org.qipathways.rules.Role;
import org.qipathways.text.internal.SafeText;

/**
 * Turns rows of {@code events.csv} into {@link LearnerEvent}s, checking each against the programme.
 * Every event refers to the programme's own instance of its code and rows share dates, so a file of
 * millions of events does not hold millions of copies of the same few values.
 */
public final class EventRows implements Table.Mapper<LearnerEvent> {

    /** The columns of events.csv, in the order the writer writes them. */
    public static final List<String> HEADER = List.of("learner_id", "date", "type", "item", "result");

    private static final int LEARNER_ID = 0;
    private static final int DATE = 1;
    private static final int TYPE = 2;
    private static final int ITEM = 3;
    private static final int RESULT = 4;

    private static final List<Table.Column> COLUMNS = List.of(
            new Table.Column("learner_id", true),
            new Table.Column("date", true),
            new Table.Column("type", true),
            new Table.Column("item", true),
            new Table.Column("result", false));

    private static final String TYPES = "completed, assessed, attended, evidence, rated, prior_learning or revoked";
    /** Beyond this many distinct dates a file is odd enough not to cache them. */
    private static final int MAX_CACHED_DATES = 100_000;

    private final Programme programme;
    private final Map<String, Unit> units = new HashMap<>();
    private final Map<String, String> competencies = new HashMap<>();
    private final Map<String, String> priorLearning = new HashMap<>();
    private final Map<String, String> tiers = new HashMap<>();
    private final int maxLevel;
    private String previousLearnerId;
    private final Map<String, LocalDate> dates = new HashMap<>();

    private final LocalDate earliest;
    private final LocalDate latest;

    public EventRows(Programme programme, ReadOptions options) {
        this.programme = programme;
        this.earliest = options.earliestDate();
        this.latest = options.latestDate();
        for (Unit u : programme.units()) {
            units.put(u.code(), u);
        }
        for (Competency c : programme.framework().competencies()) {
            competencies.put(c.code(), c.code());
        }
        for (PriorLearning p : programme.priorLearning()) {
            priorLearning.put(p.code(), p.code());
        }
        for (Tier t : programme.tiers()) {
            tiers.put(t.code(), t.code());
        }
        maxLevel = programme.framework().scale().maxLevel();
    }

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public String headerRule() {
        return "the header must name learner_id, date, type and item (and result when any event has one), in any order";
    }

    @Override
    public LearnerEvent map(Table.Row row) {
        String learnerId = learnerId(row);
        LocalDate date = date(row);
        String typeText = row.get(TYPE);
        Type type = Type.fromId(typeText.toLowerCase(Locale.ROOT));
        if (type == null) {
            row.problem(TYPE, typeText.isEmpty() ? "is empty; use one of " + TYPES
                    : SafeText.quote(typeText) + " is not an event type; use one of " + TYPES);
            return null;
        }
        String item = item(row, type);
        String result = row.get(RESULT);
        String missing = result == null ? "the file has no result column; " : "is empty; ";
        if (result == null) {
            result = "";
        }
        String word = result.toLowerCase(Locale.ROOT);
        Object value = switch (type) {
            case COMPLETED -> {
                if (!result.isEmpty()) {
                    row.problem(RESULT, SafeText.quote(result) + " must be empty; completed takes no result");
                }
                yield null;
            }
            case ASSESSED -> checked(row, result, missing, number(result, 100, 0), "a score",
                    "assessed needs a whole number 0-100");
            case ATTENDED -> checked(row, result, missing, role(word), "a role",
                    "attended needs participant or facilitator");
            case EVIDENCE -> checked(row, result, missing, EvidenceStatus.fromId(word), "an evidence status",
                    "evidence needs submitted, approved or rejected");
            case RATED -> checked(row, result, missing, number(result, maxLevel, 1),
                    "a level of the " + programme.framework().scale().name() + " scale", "rated needs a whole number 1-" + maxLevel);
            case PRIOR_LEARNING -> checked(row, result, missing, Decision.fromId(word), "a decision",
                    "prior_learning needs approved or rejected");
            case REVOKED -> {
                if (result.isEmpty()) {
                    row.problem(RESULT, missing + "revoked needs the reason for the revocation");
                }
                yield result;
            }
        };
        if (row.hasProblems()) {
            return null;
        }
        return switch (type) {
            case COMPLETED -> new LearnerEvent.Completed(learnerId, date, item);
            case ASSESSED -> new LearnerEvent.Assessed(learnerId, date, item, (Integer) value);
            case ATTENDED -> new LearnerEvent.Attended(learnerId, date, item, (Role) value);
            case EVIDENCE -> new LearnerEvent.Evidence(learnerId, date, item, (EvidenceStatus) value);
            case RATED -> new LearnerEvent.Rated(learnerId, date, item, (Integer) value);
            case PRIOR_LEARNING -> new LearnerEvent.PriorLearning(learnerId, date, item, (Decision) value);
            case REVOKED -> new LearnerEvent.Revoked(learnerId, date, item, result);
        };
    }

    /** {@code value}, or {@code null} after reporting that {@code result} is not {@code what}. */
    private static <V> V checked(Table.Row row, String result, String missing, V value, String what, String needs) {
        if (value == null) {
            row.problem(RESULT, (result.isEmpty() ? missing : SafeText.quote(result) + " is not " + what + "; ") + needs);
        }
        return value;
    }

    /** The whole number {@code text} when it is from {@code min} to {@code max}; {@code null} otherwise. */
    private static Integer number(String text, int max, int min) {
        int n = Values.parseSmallNumber(text, max);
        return n >= min ? n : null;   // small Integers are cached, so no allocation per row
    }

    /** The role an attendance can have; {@code null} for anything else, including {@code any}. */
    private static Role role(String word) {
        Role role = Role.fromId(word);
        return role == Role.ANY ? null : role;
    }

    private String learnerId(Table.Row row) {
        String id = row.get(LEARNER_ID);
        if (id.isEmpty()) {
            row.problem(LEARNER_ID, "is empty; every event needs the learner's id");
            return null;
        }
        if (!Values.isLearnerId(id)) {
            row.problem(LEARNER_ID, SafeText.quote(id) + " is not a learner id; use " + Values.LEARNER_ID_RULE);
            return null;
        }
        // Files usually list a learner's events together; reusing the previous row's id then saves a
        // string per event without the cost of a lookup in a map of every learner.
        if (id.equals(previousLearnerId)) {
            return previousLearnerId;
        }
        previousLearnerId = id;
        return id;
    }

    private LocalDate date(Table.Row row) {
        String text = row.get(DATE);
        LocalDate date = dates.get(text);
        if (date != null) {
            return date;
        }
        if (text.isEmpty()) {
            row.problem(DATE, "is empty; every event needs the date it happened, as yyyy-MM-dd");
            return null;
        }
        try {
            date = Values.parseIsoDate(text);
        } catch (DateTimeException e) {
            row.problem(DATE, SafeText.quote(text) + " is not a day of the calendar");
            return null;
        }
        if (date == null) {
            row.problem(DATE, SafeText.quote(text) + " is not a date; write dates as yyyy-MM-dd, e.g. 2025-03-14");
            return null;
        }
        // Only dates in range are cached, so a cached date needs no check.
        if (date.isBefore(earliest)) {
            row.problem(DATE, SafeText.quote(text) + " is before " + earliest + ", the earliest date accepted (earliestDate):"
                    + " correct the date; if it is right, widen the range (ReadOptions.withDateRange;"
                    + " qip: --earliest-date)");
            return null;
        }
        if (date.isAfter(latest)) {
            row.problem(DATE, SafeText.quote(text) + " is after " + latest + ", the latest date accepted (latestDate):"
                    + " correct the date; if it is right, widen the range (ReadOptions.withDateRange;"
                    + " qip: --latest-date)");
            return null;
        }
        if (dates.size() < MAX_CACHED_DATES) {
            dates.put(text, date);
        }
        return date;
    }

    /** The programme's own instance of the item's code, or {@code null} after reporting a problem. */
    private String item(Table.Row row, Type type) {
        String item = row.get(ITEM);
        if (item.isEmpty()) {
            row.problem(ITEM, "is empty; " + type.id() + " needs " + needs(type));
            return null;
        }
        Unit unit = null;
        String code = switch (type) {
            case RATED -> competencies.get(item);
            case PRIOR_LEARNING -> priorLearning.get(item);
            case REVOKED -> tiers.get(item);
            default -> {
                unit = units.get(item);
                yield unit == null ? null : unit.code();
            }
        };
        if (unit != null && !fits(type, unit.kind())) {
            row.problem(ITEM, SafeText.quote(item) + " is " + words(unit.kind()) + ", not " + expected(type)
                    + "; " + type.id() + " needs " + needs(type));
            return null;
        }
        if (code == null) {
            row.problem(ITEM, unknown(item, type));
        }
        return code;
    }

    private String unknown(String item, Type type) {
        String namespace = namespace(type);
        String other = namespaceOf(item);
        if (other != null) {
            return SafeText.quote(item) + " is " + other + ", not " + namespace + "; " + type.id() + " needs " + needs(type);
        }
        String where = type == Type.RATED ? " of framework " + programme.framework().code()
                : " of programme " + programme.code();
        String upper = item.toUpperCase(Locale.ROOT);
        if (!upper.equals(item) && namespace.equals(namespaceOf(upper))) {
            return SafeText.quote(item) + " is not " + namespace + where + " (did you mean " + upper + "?)";
        }
        return SafeText.quote(item) + " is not " + namespace + where + "; " + type.id() + " needs " + needs(type);
    }

    /** Which kind of code {@code item} is, in words, or {@code null} when it is none of the programme's. */
    private String namespaceOf(String item) {
        if (units.containsKey(item)) {
            return "a unit";
        }
        if (competencies.containsKey(item)) {
            return "a competency";
        }
        if (priorLearning.containsKey(item)) {
            return "a prior-learning code";
        }
        if (tiers.containsKey(item)) {
            return "a tier";
        }
        return null;
    }

    private static String namespace(Type type) {
        return switch (type) {
            case RATED -> "a competency";
            case PRIOR_LEARNING -> "a prior-learning code";
            case REVOKED -> "a tier";
            default -> "a unit";
        };
    }

    private static String needs(Type type) {
        return switch (type) {
            case ASSESSED -> "the code of an assessment unit";
            case ATTENDED -> "the code of a workshop or session";
            case EVIDENCE -> "the code of an evidence unit";
            case RATED -> "a competency code";
            case PRIOR_LEARNING -> "a prior-learning code";
            case REVOKED -> "a tier code";
            default -> "a unit code";
        };
    }

    private static boolean fits(Type type, UnitKind kind) {
        return switch (type) {
            case ASSESSED -> kind == UnitKind.ASSESSMENT;
            case ATTENDED -> kind.isAttended();
            case EVIDENCE -> kind == UnitKind.EVIDENCE;
            default -> true;
        };
    }

    private static String expected(Type type) {
        return switch (type) {
            case ASSESSED -> "an assessment";
            case ATTENDED -> "a workshop or session";
            default -> "an evidence unit";
        };
    }

    private static String words(UnitKind kind) {
        return switch (kind) {
            case ONLINE_MODULE -> "an online module";
            case ASSESSMENT -> "an assessment";
            case WORKSHOP -> "a workshop";
            case SESSION -> "a session";
            case EVIDENCE -> "an evidence unit";
        };
    }
}
