package org.qipathways.record;

/**
 * How many data rows a reader read, accepted and rejected; every run reports these so that nothing
 * is dropped silently. Blank lines and the header row are not rows.
 * <pre>{@code
 * result.counts().toString();   // "read 1200, accepted 1198, rejected 2"
 * }</pre>
 *
 * @param read     data rows read
 * @param accepted rows that were valid
 * @param rejected rows with at least one problem
 */
public record ReadCounts(int read, int accepted, int rejected) {

    public ReadCounts {
        if (read < 0 || accepted < 0 || rejected < 0 || accepted + rejected != read) {
            throw new IllegalArgumentException("counts must be non-negative with accepted + rejected = read: "
                    + read + ", " + accepted + ", " + rejected);
        }
    }

    @Override
    public String toString() {
        return "read " + read + ", accepted " + accepted + ", rejected " + rejected;
    }
}
