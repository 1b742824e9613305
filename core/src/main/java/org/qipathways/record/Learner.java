package org.qipathways.record;

import org.qipathways.record.internal.Values;
import org.qipathways.text.internal.SafeText;

/**
 * A learner as described by a row of {@code learners.csv}: who employs them and how analysts group
 * them (staff group, Agenda for Change band, team, region).
 * <pre>{@code
 * Learner l = new Learner("L0001", "RHQ", "Nursing and Midwifery Registered", "6", "T-ED-01", "South Yorkshire");
 * Learner bare = new Learner("L0002", "RR8", null, null, null, null);
 * }</pre>
 * The constructor normalises the organisation to upper case and the band to lower case
 * ({@code 8A} becomes {@code 8a}), and turns blank optional values into {@code null}.
 *
 * @param learnerId    1-64 of {@code A-Za-z0-9._-}
 * @param organisation ODS code of the employing organisation, e.g. {@code RHQ}: 2-10 letters or digits
 * @param staffGroup   ESR staff group; {@code null} when not known
 * @param band         Agenda for Change band, {@code 2}..{@code 9} or {@code 8a}..{@code 8d}; {@code null} when
 *                     none (doctors, very senior managers) or not known
 * @param team         team id; {@code null} when none
 * @param region       ICB or region name; {@code null} when not known
 */
public record Learner(String learnerId, String organisation, String staffGroup, String band, String team,
                      String region) {

    public Learner {
        Values.requireLearnerId(learnerId);
        String ods = Values.normaliseOrganisation(organisation);
        if (ods == null) {
            throw new IllegalArgumentException("organisation " + SafeText.quote(organisation) + " is not an ODS code; "
                    + Values.ORGANISATION_RULE);
        }
        organisation = ods;
        String normalBand = Values.normaliseBand(band);
        if (band != null && !band.isBlank() && normalBand == null) {
            throw new IllegalArgumentException("band " + SafeText.quote(band) + " is not an Agenda for Change band; " + Values.BAND_RULE);
        }
        band = normalBand;
        staffGroup = blankToNull(staffGroup);
        team = blankToNull(team);
        region = blankToNull(region);
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
