package org.qipathways.competency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Any well-formed framework survives CASE and Moodle CSV, whatever its shape and text (or, for
 * Moodle, is refused with the reason when PHP would read a value differently).
 */
class FrameworkExchangePropertyTest {

    @Property(tries = 200)
    void caseRoundTripGivesTheSameFramework(@ForAll("frameworks") CompetencyFramework fw) {
        String json = CaseJson.export(fw, URI.create("https://example.org/case"), Instant.EPOCH);
        if (fw.competencies().isEmpty()) {
            // The scale travels in the rubric's criteria, one per competency: with none, the caller gives it.
            assertThat(CaseJson.parse(json, "p.json", FrameworkImportOptions.STRICT.withScale(fw.scale())).framework())
                    .isEqualTo(fw);
        } else {
            assertThat(CaseJson.parse(json, "p.json")).isEqualTo(fw);
            FrameworkImport strict = CaseJson.parse(json, "p.json", FrameworkImportOptions.STRICT);
            assertThat(strict.framework()).isEqualTo(fw);
            assertThat(strict.codes()).isEmpty();
            assertThat(strict.warnings()).isEmpty();
        }
        assertThat(CaseJson.export(fw, URI.create("https://example.org/case"), Instant.EPOCH)).isEqualTo(json);
    }

    @Property(tries = 200)
    void moodleCsvReadsBackAsTheSameTreeParentsFirst(@ForAll("frameworks") CompetencyFramework fw) throws Exception {
        if (hasEscapingBackslash(fw)) {
            // PHP's fgetcsv would read such a value differently: the export refuses and says why.
            assertThatThrownBy(() -> MoodleCompetencyCsv.export(fw))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("backslash");
            return;
        }
        String csv = MoodleCompetencyCsv.export(fw);
        List<String[]> rows = new ArrayList<>();
        CsvMapper mapper = new CsvMapper().enable(CsvParser.Feature.WRAP_AS_ARRAY);
        try (MappingIterator<String[]> it = mapper.readerFor(String[].class).readValues(csv)) {
            it.forEachRemaining(rows::add);
        }
        assertThat(rows).hasSize(2 + fw.competencies().size()).allSatisfy(r -> assertThat(r).hasSize(14));
        assertThat(rows.get(1)[2]).isEqualTo(fw.title());
        Set<String> seen = new HashSet<>();
        for (String[] r : rows.subList(2, rows.size())) {
            Competency c = fw.competency(r[1]).orElseThrow();
            assertThat(r[0]).isEqualTo(c.parent() == null ? "" : c.parent());
            assertThat(r[0].isEmpty() || seen.contains(r[0])).as("parent before child").isTrue();
            assertThat(r[2]).isEqualTo(c.title());
            assertThat(r[3]).isEqualTo(c.description() == null ? "" : c.description());
            seen.add(r[1]);
        }

        // And our reader of Moodle's format gives the framework back; Moodle's file has no scale name.
        FrameworkImport back = MoodleCompetencyCsv.parse(csv, "fw.csv", FrameworkImportOptions.STRICT);
        assertThat(back.codes()).isEmpty();
        assertThat(back.warnings()).isEmpty();
        CompetencyFramework read = back.framework();
        assertThat(read.code()).isEqualTo(fw.code());
        assertThat(read.title()).isEqualTo(fw.title());
        assertThat(read.description()).isEqualTo(fw.description());
        assertThat(read.scale().levels()).isEqualTo(fw.scale().levels());
        assertThat(read.scale().name()).isEqualTo("Competency scale: " + fw.title());
        assertThat(read.competencies()).containsExactlyInAnyOrderElementsOf(fw.competencies());
    }

    /** Whether a value of the Moodle file would hold a backslash before a quote or at its end. */
    private static boolean hasEscapingBackslash(CompetencyFramework fw) {
        List<String> values = new ArrayList<>(List.of(fw.title(),
                String.join(",", fw.scale().levels().stream().map(ProficiencyLevel::name).toList())));
        if (fw.description() != null) {
            values.add(fw.description());
        }
        for (Competency c : fw.competencies()) {
            values.add(c.title());
            if (c.description() != null) {
                values.add(c.description());
            }
        }
        return values.stream().anyMatch(v -> v.contains("\\\"") || v.endsWith("\\"));
    }

    @Provide
    Arbitrary<CompetencyFramework> frameworks() {
        Arbitrary<String> text = Arbitraries.strings().withCharRange(' ', '~').withChars("éß—’\n\r\t")
                .ofMinLength(1).ofMaxLength(40).filter(s -> !s.isBlank());
        Arbitrary<String> levelName = Arbitraries.strings().withCharRange('A', 'z').withChars(" \"'é")
                .ofMinLength(1).ofMaxLength(15).filter(s -> !s.isBlank() && s.strip().equals(s));
        Arbitrary<List<ProficiencyLevel>> levels = levelName.list().ofMinSize(1).ofMaxSize(6).uniqueElements()
                .flatMap(names -> Arbitraries.integers().between(0, names.size() - 1).map(proficientFrom -> {
                    List<ProficiencyLevel> out = new ArrayList<>();
                    for (int i = 0; i < names.size(); i++) {
                        out.add(new ProficiencyLevel(i + 1, names.get(i), i >= proficientFrom));
                    }
                    return out;
                }));
        Arbitrary<List<String[]>> competencies = Combinators.combine(text, text.injectNull(0.5))
                .as((title, description) -> new String[] {title, description})
                .list().ofMaxSize(15);
        return Combinators.combine(text, text.injectNull(0.3), text, levels, competencies, Arbitraries.longs())
                .as((title, description, scaleName, lvls, cs, seed) -> {
                    Random random = new Random(seed);
                    List<Competency> list = new ArrayList<>();
                    for (int i = 0; i < cs.size(); i++) {
                        String parent = i == 0 || random.nextInt(3) == 0 ? null : "C-" + random.nextInt(i);
                        String desc = cs.get(i)[1];
                        // A description equal to the title is indistinguishable in CASE (see CaseJson).
                        if (desc != null && desc.equals(cs.get(i)[0])) {
                            desc = null;
                        }
                        list.add(new Competency("C-" + i, cs.get(i)[0], desc, parent));
                    }
                    Collections.shuffle(list, random); // children may come before their parents
                    return new CompetencyFramework("FW-" + Math.floorMod(seed, 1000), title, description,
                            new ProficiencyScale(scaleName, lvls), list);
                });
    }
}
