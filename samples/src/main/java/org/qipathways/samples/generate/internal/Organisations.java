package org.qipathways.samples.generate.internal;

import java.util.List;
import java.util.SplittableRandom;
import org.qipathways.samples.generate.internal.Organisation.Kind;

/**
 * The trusts of Yorkshire and the Humber grouped by ICB, with weights close to their headcount
 * (in hundreds), so that a team is drawn from a big teaching hospital far more often than from a
 * small district trust.
 */
final class Organisations {

    static final String WEST_YORKSHIRE = "NHS West Yorkshire ICB";
    static final String HUMBER_NORTH_YORKSHIRE = "NHS Humber and North Yorkshire ICB";
    static final String SOUTH_YORKSHIRE = "NHS South Yorkshire ICB";

    /**
     * Codes and names as seen in ODS-derived data (qi-training-brief.md §4.1). Tees, Esk and Wear
     * Valleys (RX3) is left out because most of it lies in the North East; the ambulance service
     * serves the whole region and is grouped with West Yorkshire, its lead commissioner.
     */
    static final List<Organisation> ALL = List.of(
            new Organisation("RR8", "Leeds Teaching Hospitals NHS Trust", WEST_YORKSHIRE, Kind.ACUTE, 200),
            new Organisation("RAE", "Bradford Teaching Hospitals NHS Foundation Trust", WEST_YORKSHIRE, Kind.ACUTE, 60),
            new Organisation("RCF", "Airedale NHS Foundation Trust", WEST_YORKSHIRE, Kind.ACUTE, 30),
            new Organisation("RWY", "Calderdale and Huddersfield NHS Foundation Trust", WEST_YORKSHIRE, Kind.ACUTE, 60),
            new Organisation("RXF", "Mid Yorkshire Teaching NHS Trust", WEST_YORKSHIRE, Kind.ACUTE, 90),
            new Organisation("RGD", "Leeds and York Partnership NHS Foundation Trust", WEST_YORKSHIRE, Kind.MENTAL_HEALTH, 30),
            new Organisation("RY6", "Leeds Community Healthcare NHS Trust", WEST_YORKSHIRE, Kind.COMMUNITY, 30),
            new Organisation("RXG", "South West Yorkshire Partnership NHS Foundation Trust", WEST_YORKSHIRE, Kind.MENTAL_HEALTH, 45),
            new Organisation("TAD", "Bradford District Care NHS Foundation Trust", WEST_YORKSHIRE, Kind.MENTAL_HEALTH, 30),
            new Organisation("RX8", "Yorkshire Ambulance Service NHS Trust", WEST_YORKSHIRE, Kind.AMBULANCE, 65),
            new Organisation("RCD", "Harrogate and District NHS Foundation Trust", HUMBER_NORTH_YORKSHIRE, Kind.ACUTE, 45),
            new Organisation("RCB", "York and Scarborough Teaching Hospitals NHS Foundation Trust", HUMBER_NORTH_YORKSHIRE, Kind.ACUTE, 100),
            new Organisation("RWA", "Hull University Teaching Hospitals NHS Trust", HUMBER_NORTH_YORKSHIRE, Kind.ACUTE, 100),
            new Organisation("RV9", "Humber Teaching NHS Foundation Trust", HUMBER_NORTH_YORKSHIRE, Kind.MENTAL_HEALTH, 35),
            new Organisation("RJL", "Northern Lincolnshire and Goole NHS Foundation Trust", HUMBER_NORTH_YORKSHIRE, Kind.ACUTE, 70),
            new Organisation("RHQ", "Sheffield Teaching Hospitals NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.ACUTE, 190),
            new Organisation("RFF", "Barnsley Hospital NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.ACUTE, 45),
            new Organisation("RFR", "The Rotherham NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.ACUTE, 50),
            new Organisation("RP5", "Doncaster and Bassetlaw Teaching Hospitals NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.ACUTE, 70),
            new Organisation("TAH", "Sheffield Health and Social Care NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.MENTAL_HEALTH, 25),
            new Organisation("RCU", "Sheffield Children's NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.ACUTE, 35),
            new Organisation("RXE", "Rotherham Doncaster and South Humber NHS Foundation Trust", SOUTH_YORKSHIRE, Kind.MENTAL_HEALTH, 40));

    private static final int TOTAL_WEIGHT = ALL.stream().mapToInt(Organisation::weight).sum();

    private Organisations() {
    }

    /** The index in {@link #ALL} of an organisation drawn with probability proportional to its weight. */
    static int pick(SplittableRandom rng) {
        int r = rng.nextInt(TOTAL_WEIGHT);
        for (int i = 0; i < ALL.size(); i++) {
            r -= ALL.get(i).weight();
            if (r < 0) {
                return i;
            }
        }
        throw new AssertionError("weights do not add up");
    }
}
