package cn.anhuan.air;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Warning levels proposed for hand-made forecast sequences, under both schemes. */
class WarningSchemeTests {

    @ParameterizedTest(name = "{0} → 2018 {1}, 2017 {2}")
    @CsvSource(delimiter = ';', value = {
            "150 180 190 170;        NONE;   NONE",
            "210 150 150;            NONE;   BLUE",
            "150 210 150;            NONE;   BLUE",
            "210 220 150;            YELLOW; YELLOW",
            "210 220 230 150;        ORANGE; YELLOW",
            "210 320 230 150;        ORANGE; ORANGE",
            "210 220 230 240;        ORANGE; YELLOW",
            "210 320 330 240;        RED;    RED",
            "210 320 230 240 150;    ORANGE; ORANGE",
            "500 150;                RED;    RED",
            "150 201 201 150 201 201; YELLOW; YELLOW",
            "200 200 200;            NONE;   NONE",
    })
    void proposesTheLevelOfTheFirstEpisode(String forecast, String level2018, String level2017) {
        List<Integer> days = Arrays.stream(forecast.trim().split("\\s+")).map(Integer::valueOf).toList();
        assertThat(name(WarningScheme.S2018.propose(days, 0))).isEqualTo(level2018);
        assertThat(name(WarningScheme.S2017.propose(days, 0))).isEqualTo(level2017);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"210 220 150 230 240; 0; YELLOW", "210 220 150 230 240; 1; ORANGE",
            "210 320 150 330 240; 1; RED"})
    void closeEpisodesCanCountAsOne(String forecast, int gap, WarningLevel expected) {
        List<Integer> days = Arrays.stream(forecast.split(" ")).map(Integer::valueOf).toList();
        assertThat(WarningScheme.S2018.propose(days, gap)).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource(delimiter = ';', value = {"150 180 250; true", "150 230; false", "150; false", "180 200; true"})
    void liftingNeedsThirtySixHoursAtOrBelow200(String forecast, boolean allowed) {
        List<Integer> days = Arrays.stream(forecast.split(" ")).map(Integer::valueOf).toList();
        assertThat(WarningScheme.liftingAllowed(days)).isEqualTo(allowed);
    }

    private static String name(WarningLevel level) {
        return level == null ? "NONE" : level.name();
    }

    @Test
    void eachSchemeOffersOnlyTheLevelsItCanProposeLowestFirst() {
        assertThat(WarningScheme.S2018.levels()).containsExactly(WarningLevel.YELLOW, WarningLevel.ORANGE,
                WarningLevel.RED);
        assertThat(WarningScheme.S2017.levels()).containsExactly(WarningLevel.BLUE, WarningLevel.YELLOW,
                WarningLevel.ORANGE, WarningLevel.RED);
        assertThat(WarningScheme.S2017.levels()).contains(WarningScheme.S2017.propose(List.of(210, 150), 0));
    }
}
