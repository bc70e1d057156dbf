package cn.anhuan.enterprise;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CreditCodeTests {

    @ParameterizedTest
    @CsvSource({
            "91350200776049653A, OK",
            "91350200776049653a, OK",
            "911410023123456732, OK",
            "91350200776049653B, CHECK_DIGIT",
            "9135020077604965, LENGTH",
            "91350200776049653I, CHARACTER",
            "9135020077604965OA, CHARACTER",
    })
    void checksBothCheckCharacters(String code, CreditCode.Check expected) {
        assertThat(CreditCode.check(code)).isEqualTo(expected);
    }

    @Test
    void anInnerOrganisationCheckMismatchIsFound() {
        String valid = "91350200776049653A";
        String body = valid.substring(0, 16);
        char wrongInner = CreditCode.organisationCheck(body.substring(8)) == '4' ? '5' : '4';
        String tampered = body + wrongInner;
        int sum = 0;
        int[] w = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};
        for (int i = 0; i < 17; i++) {
            sum += CreditCode.CHARSET.indexOf(tampered.charAt(i)) * w[i];
        }
        int c = 31 - sum % 31;
        String code = tampered + CreditCode.CHARSET.charAt(c == 31 ? 0 : c);
        assertThat(CreditCode.check(code)).isEqualTo(CreditCode.Check.ORGANISATION_CHECK);
    }

    @Test
    void completedCodesAreValidAndCarryTheirRegion() {
        String code = CreditCode.complete("9114100212345678");
        assertThat(CreditCode.check(code)).isEqualTo(CreditCode.Check.OK);
        assertThat(CreditCode.regionDigits(code)).isEqualTo("141002");
    }
}
