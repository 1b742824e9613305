package org.qipathways.samples.generate.internal;

/**
 * One NHS trust of the synthetic region.
 *
 * @param code   the trust's 3-character ODS code
 * @param name   the trust's name, for readers of this table (not written to the files)
 * @param region the ICB the trust is grouped under, written as {@code region}
 * @param kind   what sort of care it gives, which sets its staff mix
 * @param weight relative headcount: bigger trusts get proportionally more teams
 */
record Organisation(String code, String name, String region, Kind kind, int weight) {

    /** What sort of care a trust gives; its staff mix follows from it. */
    enum Kind { ACUTE, MENTAL_HEALTH, COMMUNITY, AMBULANCE }
}
