/**
 * Learners' records: {@link org.qipathways.record.LearnerEvent events} and
 * {@link org.qipathways.record.LearnerRecord records}, and the readers and writers of {@code events.csv} and
 * {@code learners.csv}, strict by default with every bad row reported at its file, line and column.
 * <pre>{@code
 * ReadResult<LearnerEvent> events = EventsCsv.read(Path.of("events.csv"), programme, ReadOptions.STRICT);
 * Map<String, LearnerRecord> records = LearnerRecord.group(List.of(), events.rows());
 * }</pre>
 */
package org.qipathways.record;
