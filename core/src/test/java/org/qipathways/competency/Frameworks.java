package org.qipathways.competency;

import java.util.List;

/** Frameworks the competency tests share. */
final class Frameworks {

    static final ProficiencyScale SCALE = new ProficiencyScale("QI proficiency", List.of(
            new ProficiencyLevel(1, "Aware", false),
            new ProficiencyLevel(2, "Practitioner", true),
            new ProficiencyLevel(3, "Leader", true)));

    private Frameworks() {
    }

    /**
     * Two domains with children, listed domains first and a child before its sibling's parent, so
     * that an exporter which reorders the list is caught.
     */
    static CompetencyFramework hierarchical() {
        return new CompetencyFramework("QI-FW-2025", "QI competency framework", "Three-level QI framework", SCALE,
                List.of(
                        new Competency("QI-D-MEAS", "Measurement and variation", null, null),
                        new Competency("QI-D-LEAD", "Leading change", "Leading and spreading improvement", null),
                        new Competency("QI-VAR", "Variation, run and SPC charts",
                                "Uses run charts and SPC to distinguish common from special cause variation", "QI-D-MEAS"),
                        new Competency("QI-COACH", "Coaching improvement", null, "QI-D-LEAD"),
                        new Competency("QI-MEAS", "Measurement for improvement", null, "QI-D-MEAS"),
                        new Competency("QI-SPC-XMR", "XmR charts", null, "QI-VAR")));
    }
}
