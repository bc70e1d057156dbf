package cn.anhuan.hazard;

import java.util.Map;
import java.util.Set;

/** The states of a hazard's closed loop and the actions that leave each one. */
public enum HazardStatus {
    REPORTED, ASSIGNED, SUBMITTED, CLOSED;

    private static final Map<HazardStatus, Set<HazardAction>> LEGAL = Map.of(
            REPORTED, Set.of(HazardAction.ASSIGN, HazardAction.RECTIFY_ON_THE_SPOT),
            ASSIGNED, Set.of(HazardAction.SUBMIT, HazardAction.REQUEST_EXTENSION, HazardAction.DECIDE_EXTENSION),
            SUBMITTED, Set.of(HazardAction.ACCEPT, HazardAction.REJECT),
            CLOSED, Set.of());

    public boolean allows(HazardAction action) {
        return LEGAL.get(this).contains(action);
    }

    public Set<HazardAction> actions() {
        return LEGAL.get(this);
    }
}
