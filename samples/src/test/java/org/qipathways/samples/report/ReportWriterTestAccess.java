package org.qipathways.samples.report;

/** Lets tests in other packages use {@link ReportWriterTest}'s checks. */
public final class ReportWriterTestAccess {
    private ReportWriterTestAccess() {
    }

    /** See {@link ReportWriterTest#assertOpensOffline}. */
    public static void assertOpensOffline(String html) {
        ReportWriterTest.assertOpensOffline(html);
    }
}
