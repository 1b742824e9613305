package org.qipathways.report;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.qipathways.certification.Certificate;

/**
 * What a progression report is asked for beyond its input: organisation names for the
 * organisation table, one organisation to report on (with the region as comparison), and the
 * certificates on record, with where they came from.
 * <pre>{@code
 * ReportOptions options = ReportOptions.defaults()
 *         .withOrganisationNames(Map.of("RHQ", "Sheffield Teaching Hospitals NHS Foundation Trust"))
 *         .withOrganisation("RHQ")
 *         .withCertificates(Certificates.of("the certificate register register.db", register.certificates("QIP")));
 * ProgressionReport report = ProgressionReport.of(input, Disclosure.NHS_DIGITAL, options);
 * }</pre>
 *
 * @param organisationNames names by ODS code (upper case); organisations without one are shown by code only
 * @param organisation      the ODS code of the one organisation to report on; {@code null} for the whole region
 * @param certificates      the certificates on record; {@code null} when no register was given
 */
public record ReportOptions(Map<String, String> organisationNames, String organisation, Certificates certificates) {

    /**
     * Certificates of the report's programme, and where they were read from.
     *
     * @param source       where they were read from, in words for the reader, e.g. {@code the certificate
     *                     register register.db}; never a password
     * @param certificates the certificates, of any learner: the report counts those of its learners
     */
    public record Certificates(String source, List<Certificate> certificates) {
        public Certificates {
            Objects.requireNonNull(source, "source");
            certificates = List.copyOf(certificates);
        }

        public static Certificates of(String source, List<Certificate> certificates) {
            return new Certificates(source, certificates);
        }
    }

    /**
     * Why one organisation's report refuses exact counts with suppression: its own tables would show the
     * counts that the region's organisation table hides to protect another (secondary suppression).
     */
    public static final String ONE_ORGANISATION_EXACT = "one organisation's report with exact counts (rounding base 1)"
            + " would show its own counts that the region's organisation table hides to protect another organisation's;"
            + " use rounded counts (the default), or no suppression for internal use";

    /** Whether one organisation's report may use {@code d}: not with exact counts under suppression. */
    public static boolean allowsOneOrganisation(Disclosure d) {
        return d.roundingBase() > 1 || d.threshold() == 0;
    }

    public ReportOptions {
        organisationNames = Map.copyOf(organisationNames);
        organisation = organisation == null ? null : organisation.strip().toUpperCase(java.util.Locale.ROOT);
    }

    /** The whole region, organisations by code, no certificates. */
    public static ReportOptions defaults() {
        return new ReportOptions(Map.of(), null, null);
    }

    public ReportOptions withOrganisationNames(Map<String, String> names) {
        return new ReportOptions(names, organisation, certificates);
    }

    public ReportOptions withOrganisation(String code) {
        return new ReportOptions(organisationNames, code, certificates);
    }

    public ReportOptions withCertificates(Certificates certificates) {
        return new ReportOptions(organisationNames, organisation, certificates);
    }
}
