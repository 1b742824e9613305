package org.qipathways.competency.internal;

import static org.qipathways.competency.internal.MoodleCsvRows.SCALE_CONFIGURATION;
import static org.qipathways.competency.internal.MoodleCsvRows.SCALE_VALUES;
import static org.qipathways.competency.internal.MoodleCsvRows.cell;
import static org.qipathways.competency.internal.MoodleCsvRows.phpTrue;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import org.qipathways.competency.ProficiencyLevel;
import org.qipathways.competency.ProficiencyScale;
import org.qipathways.competency.internal.MoodleCsvRows.Row;

/**
 * The proficiency scale on the framework row of a Moodle competency CSV file, for
 * {@link MoodleCsvReader}: its values from "Scale values" (split at commas and trimmed, as
 * {@code grade_scale::load_items} does) and which of them are proficient from Moodle's JSON
 * "Scale configuration", with PHP's truthiness for its flags. Problems go to the reader, which
 * places them at the cell.
 */
final class MoodleCsvScale {

    private static final ObjectMapper JSON = new ObjectMapper();

    private MoodleCsvScale() {
    }

    /**
     * The scale from "Scale values" and "Scale configuration". Moodle keeps no name for it in the
     * file; when it creates the scale on import it names it "Competency scale: <short name>"
     * ({@code get_scale_id}, language string {@code competencyscale}), and so does this.
     */
    static ProficiencyScale scale(Row row, String title, MoodleCsvReader in) {
        String values = in.required(row, SCALE_VALUES, "missing: the framework's scale, its values lowest first,"
                + " separated by commas");
        String config = in.required(row, SCALE_CONFIGURATION, "missing: Moodle's scale configuration (which values"
                + " are proficient)");
        if (values == null || config == null) {
            return null;
        }
        List<String> names = new ArrayList<>();
        for (String v : values.split(",", -1)) {
            names.add(v.strip());
        }
        if (names.stream().anyMatch(String::isEmpty)) {
            in.problem(cell(row, SCALE_VALUES), "'" + values + "' has an empty value; every value of the scale needs a name");
            return null;
        }
        JsonNode parsed;
        try {
            parsed = JSON.readTree(config);
        } catch (JsonProcessingException e) {
            in.problem(cell(row, SCALE_CONFIGURATION), "is not valid JSON: " + e.getOriginalMessage());
            return null;
        }
        if (parsed == null || !parsed.isArray() || parsed.isEmpty() || !parsed.get(0).has("scaleid")) {
            in.problem(cell(row, SCALE_CONFIGURATION), "must be Moodle's JSON list: first {\"scaleid\": ...}, then"
                    + " {\"id\": n, \"scaledefault\": 0|1, \"proficient\": 0|1} for scale value n");
            return null;
        }
        boolean[] proficient = new boolean[names.size()];
        int defaultLevel = 0;
        for (int i = 1; i < parsed.size(); i++) {
            JsonNode item = parsed.get(i);
            int id = item.path("id").asInt(0);
            if (id < 1 || id > names.size()) {
                in.problem(cell(row, SCALE_CONFIGURATION), "entry " + i + " is for scale value " + item.path("id")
                        + ", but the scale has values 1 to " + names.size());
                return null;
            }
            proficient[id - 1] |= truthy(item.path("proficient"));
            if (truthy(item.path("scaledefault")) && defaultLevel == 0) {
                defaultLevel = id;
            }
        }
        int firstProficient = 0;
        for (int i = proficient.length - 1; i >= 0; i--) {
            if (proficient[i]) {
                firstProficient = i + 1;
            }
        }
        if (firstProficient == 0) {
            in.problem(cell(row, SCALE_CONFIGURATION), "marks no scale value as proficient; Moodle requires at least one");
            return null;
        }
        if (defaultLevel != firstProficient) {
            in.repairable(cell(row, SCALE_CONFIGURATION), defaultLevel == 0
                    ? "marks no scale value as the default, which Moodle requires"
                    : "makes '" + names.get(defaultLevel - 1) + "' the default rating, not the first proficient value '"
                            + names.get(firstProficient - 1) + "'",
                    "QI Pathways keeps no default and exports the first proficient value as Moodle's default");
        }
        List<ProficiencyLevel> levels = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            levels.add(new ProficiencyLevel(i + 1, names.get(i), proficient[i]));
        }
        return new ProficiencyScale("Competency scale: " + (title == null ? "" : title), levels);
    }

    /** PHP's truthiness of a decoded JSON value: 0, "0", "", false and null are false. */
    private static boolean truthy(JsonNode v) {
        if (v.isMissingNode() || v.isNull()) {
            return false;
        }
        if (v.isBoolean()) {
            return v.booleanValue();
        }
        if (v.isNumber()) {
            return v.doubleValue() != 0;
        }
        return phpTrue(v.asText());
    }
}
