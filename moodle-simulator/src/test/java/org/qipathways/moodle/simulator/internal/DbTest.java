package org.qipathways.moodle.simulator.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The simulator's lookups by column value stay true while rows are inserted, changed, deleted and rolled back. */
class DbTest {

    private Db db;
    private Db.Table enrolments;

    @BeforeEach
    void setUp() {
        db = new Db();
        enrolments = db.table("user_enrolments");
        enrolments.insert("enrolid", 1L, "userid", 10L);
        enrolments.insert("enrolid", 2L, "userid", 10L);
        enrolments.insert("enrolid", 1L, "userid", 11L);
        // the index exists from here on and must follow every change
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(1L, 2L);
    }

    @Test
    void anInsertAfterTheIndexIsBuiltIsFound() {
        enrolments.insert("enrolid", 3L, "userid", 10L);
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(1L, 2L, 4L);
        assertThat(ids(enrolments.whereEquals("userid", "10"))).as("compared as text").containsExactly(1L, 2L, 4L);
    }

    @Test
    void aChangedValueMovesTheRowAndKeepsIdOrder() {
        enrolments.mustGet(3).put("userid", 10L);
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(1L, 2L, 3L);
        assertThat(enrolments.whereEquals("userid", 11L)).isEmpty();
        enrolments.mustGet(1).put("userid", 11L);
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(2L, 3L);
        assertThat(ids(enrolments.whereEquals("userid", 11L))).containsExactly(1L);
        enrolments.mustGet(2).remove("userid");
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(3L);
        assertThat(ids(enrolments.whereEquals("userid", null))).containsExactly(2L);
    }

    @Test
    void deletedRowsLeaveTheIndex() {
        enrolments.delete(1);
        enrolments.deleteWhere(r -> r.num("enrolid") == 1);
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(2L);
        assertThat(enrolments.whereEquals("userid", 11L)).isEmpty();
    }

    @Test
    void aRolledBackTransactionLeavesTheIndexAsBefore() {
        assertThatThrownBy(() -> db.atomically(() -> {
            enrolments.insert("enrolid", 3L, "userid", 10L);
            enrolments.mustGet(1).put("userid", 12L);
            enrolments.delete(2);
            assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(4L);
            throw new IllegalStateException("fails half way");
        })).hasMessage("fails half way");
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(1L, 2L);
        assertThat(enrolments.whereEquals("userid", 12L)).isEmpty();
        assertThat(enrolments.size()).isEqualTo(3);
    }

    @Test
    void aCommittedTransactionKeepsItsChangesIndexed() {
        db.atomically(() -> {
            enrolments.mustGet(2).put("userid", 11L);
            return null;
        });
        assertThat(ids(enrolments.whereEquals("userid", 11L))).containsExactly(2L, 3L);
        assertThat(ids(enrolments.whereEquals("userid", 10L))).containsExactly(1L);
    }

    private static List<Long> ids(List<Db.Row> rows) {
        return rows.stream().map(Db.Row::id).toList();
    }
}
