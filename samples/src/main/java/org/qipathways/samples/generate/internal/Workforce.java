package org.qipathways.samples.generate.internal;

import java.util.SplittableRandom;
import org.qipathways.samples.generate.internal.Organisation.Kind;

/**
 * ESR staff groups and Agenda for Change bands in proportions close to the NHS workforce
 * statistics: registered nurses mostly at bands 5-6, healthcare assistants at 2-4, doctors outside
 * Agenda for Change (empty band), and so on. Each staff group also carries how likely its people
 * are to take up QI training at all, so the report's breakdowns are not flat.
 */
final class Workforce {

    static final int MEDICAL = 0;
    static final int STUDENTS = 1;
    static final int NURSING = 2;
    static final int AHP = 3;
    static final int SCIENTIFIC_TECHNICAL = 4;
    static final int HEALTHCARE_SCIENTISTS = 5;
    static final int CLINICAL_SUPPORT = 6;
    static final int ADMIN = 7;
    static final int ESTATES = 8;

    /** The ESR staff group labels (NHS Data Dictionary "STAFF GROUP"), indexed by the constants above. */
    static final String[] STAFF_GROUPS = {
            "Medical and Dental",
            "Students",
            "Nursing and Midwifery Registered",
            "Allied Health Professionals",
            "Additional Professional Scientific and Technical",
            "Healthcare Scientists",
            "Additional Clinical Services",
            "Administrative and Clerical",
            "Estates and Ancillary",
    };

    /** Per staff group, the chance in a thousand that someone engages with QI training at all. */
    static final int[] ENGAGEMENT_PER_MILLE = {450, 300, 620, 640, 580, 560, 520, 480, 280};

    static final String[] BANDS = {"", "2", "3", "4", "5", "6", "7", "8a", "8b", "8c", "8d", "9"};
    /** Index into {@link #BANDS} from which staff are senior enough to be likelier trainers. */
    static final int SENIOR_FROM = 6;

    // Staff mix per kind of trust, in the order of STAFF_GROUPS.
    private static final Weighted ACUTE = Weighted.of(130, 10, 300, 60, 30, 30, 200, 200, 40);
    private static final Weighted MENTAL_HEALTH = Weighted.of(60, 5, 280, 50, 100, 5, 250, 220, 30);
    private static final Weighted COMMUNITY = Weighted.of(30, 5, 320, 160, 40, 10, 200, 215, 20);
    private static final Weighted AMBULANCE = Weighted.of(10, 5, 30, 300, 10, 0, 350, 235, 60);

    // Bands per staff group, in the order of BANDS ("" first: outside Agenda for Change).
    private static final Weighted[] BAND_MIX = {
            /* medical */ Weighted.of(1),
            /* students */ Weighted.of(1),
            /* nursing */ Weighted.of(0, 0, 0, 0, 450, 320, 170, 50, 10),
            /* AHP */ Weighted.of(0, 0, 0, 20, 200, 380, 280, 100, 20),
            /* scientific and technical */ Weighted.of(0, 0, 100, 100, 150, 200, 250, 120, 60, 20),
            /* healthcare scientists */ Weighted.of(0, 0, 0, 100, 150, 250, 300, 150, 50),
            /* clinical support */ Weighted.of(0, 350, 400, 250),
            /* admin */ Weighted.of(0, 120, 300, 240, 120, 80, 70, 40, 15, 8, 4, 3),
            /* estates */ Weighted.of(0, 600, 200, 120, 50, 30),
    };

    private Workforce() {
    }

    static int staffGroup(Kind kind, SplittableRandom rng) {
        Weighted mix;
        if (kind == Kind.MENTAL_HEALTH) {
            mix = MENTAL_HEALTH;
        } else if (kind == Kind.COMMUNITY) {
            mix = COMMUNITY;
        } else if (kind == Kind.AMBULANCE) {
            mix = AMBULANCE;
        } else {
            mix = ACUTE;
        }
        return mix.draw(rng);
    }

    /** An index into {@link #BANDS}. */
    static int band(int staffGroup, SplittableRandom rng) {
        return BAND_MIX[staffGroup].draw(rng);
    }
}
