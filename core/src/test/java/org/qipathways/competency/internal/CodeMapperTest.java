package org.qipathways.competency.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.qipathways.competency.FrameworkImport.CodeMapping;

class CodeMapperTest {

    private static CodeMapper.Result assign(String... originals) {
        List<CodeMapper.Wanted> wanted = new java.util.ArrayList<>();
        for (int i = 0; i < originals.length; i++) {
            wanted.add(new CodeMapper.Wanted("CFItems[" + i + "].humanCodingScheme", originals[i], "id-" + i));
        }
        return CodeMapper.assign(wanted, "competency");
    }

    @Test
    void keepsCodesThatFitAndMapsTheRestInCapitalsWithAccentsDropped() {
        CodeMapper.Result r = assign("C-MFI", "CCSS.Math.Content.6.RP.A", "Évaluation des risques", "level 1 / part 2");
        assertThat(r.codes()).containsExactly("C-MFI", "CCSS.MATH.CONTENT.6.RP.A", "EVALUATION-DES-RISQUES", "LEVEL-1-PART-2");
        assertThat(r.mappings()).extracting(CodeMapping::original)
                .containsExactly("CCSS.Math.Content.6.RP.A", "Évaluation des risques", "level 1 / part 2");
    }

    @Test
    void aDuplicateKeepsItsStemAndGetsAStableSuffixAndTheFirstKeepsTheCode() {
        CodeMapper.Result r = assign("SNT.1", "SNT.1", "snt.1");
        assertThat(r.codes().get(0)).isEqualTo("SNT.1");
        assertThat(r.codes().get(1)).matches("SNT\\.1-[0-9A-F]{6}");
        assertThat(r.codes().get(2)).matches("SNT\\.1-[0-9A-F]{6}").isNotEqualTo(r.codes().get(1));
        assertThat(r.mappings().get(0).reason()).isEqualTo("also the code of CFItems[0].humanCodingScheme;"
                + " competency codes must be unique");
        assertThat(assign("SNT.1", "SNT.1", "snt.1").codes()).as("the same input, the same codes").isEqualTo(r.codes());
    }

    @Test
    void aCodeTooLongIsCutAndGivenAHashSoTwoLongCodesStayApart() {
        String a = "CCSS.ELA-LITERACY.CCRA.R.1.EXTRA.LONG.PART.ONE";
        String b = "CCSS.ELA-LITERACY.CCRA.R.1.EXTRA.LONG.PART.TWO";
        CodeMapper.Result r = assign(a, b);
        assertThat(r.codes()).allSatisfy(c -> assertThat(c).hasSizeLessThanOrEqualTo(40).startsWith(a.substring(0, 33) + "-"));
        assertThat(r.codes().get(0)).isNotEqualTo(r.codes().get(1));
        assertThat(r.codes()).allSatisfy(c -> assertThat(CodeMapper.fits(c)).isTrue());
    }

    @Test
    void itemsWithoutACodeOrWithNothingUsableGetItemCodes() {
        CodeMapper.Result r = assign(null, "", "学习", "---");
        assertThat(r.codes()).allSatisfy(c -> assertThat(c).matches("ITEM-[0-9A-F]{8}")).doesNotHaveDuplicates();
        assertThat(r.mappings()).extracting(CodeMapping::original).containsExactly(null, null, "学习", "---");
        assertThat(r.mappings().get(0).reason()).startsWith("no code given");
        assertThat(r.mappings().get(2).reason()).startsWith("not a valid code");
    }

    @Test
    void aMappedCodeNeverTakesACodeAnotherItemHasAsWritten() {
        // "ab" would become AB, which the second item has: it gets a suffix instead.
        CodeMapper.Result r = assign("ab", "AB");
        assertThat(r.codes().get(1)).isEqualTo("AB");
        assertThat(r.codes().get(0)).matches("AB-[0-9A-F]{6}");
    }
}
