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
import org.qipathways.rules.Role;

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

    public EventRows(Programme programme) {
        this.programme = programme;
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
                    : Values.quote(typeText) + " is not an event type; use one of " + TYPES);
            return null;
        }
        String item = item(row, type);
        String result = row.get(RESULT);
        String missing = result == null ? "the file has no result column; " : "is empty; ";
        if (result == null) {
            result = "";
        }
        String lower = result.toLowerCase(Locale.ROOT);
        LearnerEvent event = null;
        switch (type) {
            case COMPLETED:
                if (!result.isEmpty()) {
                    row.problem(RESULT, Values.quote(result) + " must be empty; completed takes no result");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Completed(learnerId, date, item);
                }
                break;
            case ASSESSED: {
                int score = Values.parseSmallNumber(result, 100);
                if (score < 0) {
                    row.problem(RESULT, (result.isEmpty() ? missing : Values.quote(result) + " is not a score; ")
                            + "assessed needs a whole number 0-100");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Assessed(learnerId, date, item, score);
                }
                break;
            }
            case ATTENDED: {
                Role role = Role.fromId(lower);
                if (role == null || role == Role.ANY) {
                    row.problem(RESULT, (result.isEmpty() ? missing : Values.quote(result) + " is not a role; ")
                            + "attended needs participant or facilitator");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Attended(learnerId, date, item, role);
                }
                break;
            }
            case EVIDENCE: {
                EvidenceStatus status = EvidenceStatus.fromId(lower);
                if (status == null) {
                    row.problem(RESULT, (result.isEmpty() ? missing : Values.quote(result) + " is not an evidence status; ")
                            + "evidence needs submitted, approved or rejected");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Evidence(learnerId, date, item, status);
                }
                break;
            }
            case RATED: {
                int level = Values.parseSmallNumber(result, maxLevel);
                if (level < 1) {
                    row.problem(RESULT, (result.isEmpty() ? missing : Values.quote(result) + " is not a level of the "
                            + programme.framework().scale().name() + " scale; ") + "rated needs a whole number 1-" + maxLevel);
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Rated(learnerId, date, item, level);
                }
                break;
            }
            case PRIOR_LEARNING: {
                Decision decision = Decision.fromId(lower);
                if (decision == null) {
                    row.problem(RESULT, (result.isEmpty() ? missing : Values.quote(result) + " is not a decision; ")
                            + "prior_learning needs approved or rejected");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.PriorLearning(learnerId, date, item, decision);
                }
                break;
            }
            case REVOKED:
                if (result.isEmpty()) {
                    row.problem(RESULT, missing + "revoked needs the reason for the revocation");
                } else if (!row.hasProblems()) {
                    event = new LearnerEvent.Revoked(learnerId, date, item, result);
                }
                break;
            default:
                throw new IllegalStateException("unhandled event type " + type);
        }
        return event;
    }

    private String learnerId(Table.Row row) {
        String id = row.get(LEARNER_ID);
        if (id.isEmpty()) {
            row.problem(LEARNER_ID, "is empty; every event needs the learner's id");
            return null;
        }
        if (!Values.isLearnerId(id)) {
            row.problem(LEARNER_ID, Values.quote(id) + " is not a learner id; use " + Values.LEARNER_ID_RULE);
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
            row.problem(DATE, Values.quote(text) + " is not a day of the calendar");
            return null;
        }
        if (date == null) {
            row.problem(DATE, Values.quote(text) + " is not a date; write dates as yyyy-MM-dd, e.g. 2025-03-14");
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
            row.problem(ITEM, Values.quote(item) + " is " + words(unit.kind()) + ", not " + expected(type)
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
            return Values.quote(item) + " is " + other + ", not " + namespace + "; " + type.id() + " needs " + needs(type);
        }
        String where = type == Type.RATED ? " of framework " + programme.framework().code()
                : " of programme " + programme.code();
        String upper = item.toUpperCase(Locale.ROOT);
        if (!upper.equals(item) && namespace.equals(namespaceOf(upper))) {
            return Values.quote(item) + " is not " + namespace + where + " (did you mean " + upper + "?)";
        }
        return Values.quote(item) + " is not " + namespace + where + "; " + type.id() + " needs " + needs(type);
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
