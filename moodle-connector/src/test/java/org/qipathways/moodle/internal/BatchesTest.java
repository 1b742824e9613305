package org.qipathways.moodle.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Splitting arrays so that no request passes max_input_vars, the size limit or the batch size. */
class BatchesTest {

    /** {@code n} users of exactly {@code vars} form variables each. */
    private static ArrayNode users(int n, int vars) {
        ArrayNode a = Json.MAPPER.createArrayNode();
        for (int i = 0; i < n; i++) {
            ObjectNode u = a.addObject();
            for (int v = 0; v < vars; v++) {
                u.put("f" + v, "x");
            }
        }
        return a;
    }

    private static final long NO_SIZE_LIMIT = Long.MAX_VALUE;

    @Test
    void elementsFillARequestUpToExactlyTheVariableBudget() {
        // 997 variables left after wstoken, wsfunction and moodlewsrestformat; 7 per user: 142 users = 994
        List<Batches.Range> r = Batches.split("users", users(300, 7), new Batches.Limits(997, NO_SIZE_LIMIT, 1000));

        assertThat(r).containsExactly(new Batches.Range(0, 142), new Batches.Range(142, 284), new Batches.Range(284, 300));
    }

    @Test
    void aBudgetMetExactlyIsOneRequestAndOneVariableMoreIsTwo() {
        assertThat(Batches.split("users", users(100, 10), new Batches.Limits(1000, NO_SIZE_LIMIT, 1000)))
                .containsExactly(new Batches.Range(0, 100));
        assertThat(Batches.split("users", users(100, 10), new Batches.Limits(999, NO_SIZE_LIMIT, 1000)))
                .containsExactly(new Batches.Range(0, 99), new Batches.Range(99, 100));
    }

    @Test
    void theBatchSizeCapsElementsPerRequest() {
        assertThat(Batches.split("users", users(250, 1), new Batches.Limits(10_000, NO_SIZE_LIMIT, 100)))
                .containsExactly(new Batches.Range(0, 100), new Batches.Range(100, 200), new Batches.Range(200, 250));
    }

    @Test
    void theSizeLimitSplitsLargeElements() {
        ArrayNode big = Json.MAPPER.createArrayNode();
        for (int i = 0; i < 5; i++) {
            big.addObject().put("description", "x".repeat(400));
        }
        // each element is "users[i][description]=" (encoded) + 400 bytes + "&", a little over 430 bytes
        List<Batches.Range> r = Batches.split("users", big, new Batches.Limits(1000, 1000, 100));

        assertThat(r).containsExactly(new Batches.Range(0, 2), new Batches.Range(2, 4), new Batches.Range(4, 5));
    }

    @Test
    void anElementThatCannotFitAloneIsRefusedNamingTheLimit() {
        assertThatThrownBy(() -> Batches.split("users", users(3, 20), new Batches.Limits(15, NO_SIZE_LIMIT, 100)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("element 0 of users needs 20 form variables, more than the 15 that the site's"
                        + " max_input_vars leaves for it");
    }

    @Test
    void noElementsNoRequests() {
        assertThat(Batches.split("users", users(0, 3), new Batches.Limits(100, NO_SIZE_LIMIT, 100))).isEmpty();
    }
}
