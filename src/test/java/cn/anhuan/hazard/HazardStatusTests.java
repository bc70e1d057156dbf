package cn.anhuan.hazard;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Every legal and every illegal transition of the closed loop. */
class HazardStatusTests {

    @ParameterizedTest
    @EnumSource(HazardStatus.class)
    void onlyTheLoopsTransitionsAreLegal(HazardStatus status) {
        Set<HazardAction> legal = switch (status) {
            case REPORTED -> EnumSet.of(HazardAction.ASSIGN, HazardAction.RECTIFY_ON_THE_SPOT);
            case ASSIGNED -> EnumSet.of(HazardAction.SUBMIT, HazardAction.REQUEST_EXTENSION,
                    HazardAction.DECIDE_EXTENSION);
            case SUBMITTED -> EnumSet.of(HazardAction.ACCEPT, HazardAction.REJECT);
            case CLOSED -> EnumSet.noneOf(HazardAction.class);
        };
        for (HazardAction action : HazardAction.values()) {
            assertThat(status.allows(action)).as(status + " " + action).isEqualTo(legal.contains(action));
        }
    }

    @ParameterizedTest
    @EnumSource(HazardAction.class)
    void actionsLeadWhereTheLoopSays(HazardAction action) {
        HazardStatus expected = switch (action) {
            case ASSIGN, REJECT, REQUEST_EXTENSION, DECIDE_EXTENSION -> HazardStatus.ASSIGNED;
            case SUBMIT -> HazardStatus.SUBMITTED;
            case ACCEPT, RECTIFY_ON_THE_SPOT -> HazardStatus.CLOSED;
        };
        assertThat(action.target()).isEqualTo(expected);
        assertThat(HazardAction.ofPath(action.path())).isEqualTo(action);
    }
}
