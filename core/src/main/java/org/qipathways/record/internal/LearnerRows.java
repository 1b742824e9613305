package org.qipathways.record.internal;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.qipathways.record.Learner;
import org.qipathways.text.internal.SafeText;

/** Turns rows of {@code learners.csv} into {@link Learner}s; a learner id seen before is a problem. */
public final class LearnerRows implements Table.Mapper<Learner> {

    /** The columns of learners.csv, in the order the writer writes them. */
    public static final List<String> HEADER = List.of("learner_id", "organisation", "staff_group", "band", "team", "region");

    private static final int LEARNER_ID = 0;
    private static final int ORGANISATION = 1;
    private static final int STAFF_GROUP = 2;
    private static final int BAND = 3;
    private static final int TEAM = 4;
    private static final int REGION = 5;

    private static final List<Table.Column> COLUMNS = List.of(
            new Table.Column("learner_id", true),
            new Table.Column("organisation", true),
            new Table.Column("staff_group", false),
            new Table.Column("band", false),
            new Table.Column("team", false),
            new Table.Column("region", false));

    /** Line of each learner id's first row. */
    private final Map<String, Integer> firstLine = new HashMap<>();

    /**
     * One instance of each distinct organisation, staff group, band, team and region: a million
     * learners share a few dozen organisations and regions, so each row keeps references, not copies.
     */
    private final Map<String, String> shared = new HashMap<>();
    /** Beyond this many distinct values a file is odd enough not to share them. */
    private static final int MAX_SHARED = 1 << 20;

    /** The instance of {@code value} kept for every row; {@code null} and blank values as they are. */
    private String share(String value) {
        if (value == null || value.isEmpty()) {
            return value;
        }
        String kept = shared.get(value);
        if (kept != null) {
            return kept;
        }
        if (shared.size() < MAX_SHARED) {
            shared.put(value, value);
        }
        return value;
    }

    @Override
    public List<Table.Column> columns() {
        return COLUMNS;
    }

    @Override
    public String headerRule() {
        return "the header must name learner_id and organisation (and staff_group, band, team, region when known), "
                + "in any order";
    }

    @Override
    public Learner map(Table.Row row) {
        String id = row.get(LEARNER_ID);
        if (id.isEmpty()) {
            row.problem(LEARNER_ID, "is empty; every learner needs an id");
        } else if (!Values.isLearnerId(id)) {
            row.problem(LEARNER_ID, SafeText.quote(id) + " is not a learner id; use " + Values.LEARNER_ID_RULE);
        } else {
            Integer first = firstLine.putIfAbsent(id, row.line());
            if (first != null) {
                row.problem(LEARNER_ID, SafeText.quote(id) + " appears again; it was first on line " + first
                        + ", and each learner has one row");
            }
        }
        String organisation = row.get(ORGANISATION);
        if (organisation.isEmpty()) {
            row.problem(ORGANISATION, "is empty; every learner needs the ODS code of their employing organisation, e.g. RHQ");
        } else if (Values.normaliseOrganisation(organisation) == null) {
            row.problem(ORGANISATION, SafeText.quote(organisation) + " is not an ODS code; " + Values.ORGANISATION_RULE);
        }
        String band = row.get(BAND);
        if (band != null && !band.isEmpty() && Values.normaliseBand(band) == null) {
            row.problem(BAND, SafeText.quote(band) + " is not an Agenda for Change band; " + Values.BAND_RULE);
        }
        if (row.hasProblems()) {
            return null;
        }
        return new Learner(id, share(Values.normaliseOrganisation(organisation)), share(row.get(STAFF_GROUP)),
                share(Values.normaliseBand(band)), share(row.get(TEAM)), share(row.get(REGION)));
    }
}
