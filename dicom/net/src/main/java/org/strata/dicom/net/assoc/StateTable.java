package org.strata.dicom.net.assoc;

import static org.strata.dicom.net.assoc.Action.*;
import static org.strata.dicom.net.assoc.State.*;

import java.util.EnumMap;
import java.util.Map;

/**
 * The state transition table of PS3.8 9.2.3 (Table 9-10): for a state and an event, the action
 * to perform. The action's next state, where it depends on the role or on the outcome, is decided
 * by {@link Association}.
 */
final class StateTable {

    private static final Map<State, Map<Event, Action>> TABLE = new EnumMap<>(State.class);

    static {
        on(Event.Evt1, Sta1, AE_1);
        on(Event.Evt2, Sta4, AE_2);
        onPdu(Event.Evt3, AA_1, AA_8, AA_6);
        on(Event.Evt3, Sta5, AE_3);
        onPdu(Event.Evt4, AA_1, AA_8, AA_6);
        on(Event.Evt4, Sta5, AE_4);
        on(Event.Evt5, Sta1, AE_5);
        onPdu(Event.Evt6, AE_6, AA_8, AA_7);
        on(Event.Evt7, Sta3, AE_7);
        on(Event.Evt8, Sta3, AE_8);
        on(Event.Evt9, Sta6, DT_1);
        on(Event.Evt9, Sta8, AR_7);
        onPdu(Event.Evt10, AA_1, AA_8, AA_6);
        on(Event.Evt10, Sta6, DT_2);
        on(Event.Evt10, Sta7, AR_6);
        on(Event.Evt11, Sta6, AR_1);
        onPdu(Event.Evt12, AA_1, AA_8, AA_6);
        on(Event.Evt12, Sta6, AR_2);
        on(Event.Evt12, Sta7, AR_8);
        onPdu(Event.Evt13, AA_1, AA_8, AA_6);
        on(Event.Evt13, Sta7, AR_3);
        on(Event.Evt13, Sta10, AR_10);
        on(Event.Evt13, Sta11, AR_3);
        on(Event.Evt14, Sta8, AR_4);
        on(Event.Evt14, Sta9, AR_9);
        on(Event.Evt14, Sta12, AR_4);
        on(Event.Evt15, Sta3, AA_1);
        on(Event.Evt15, Sta4, AA_2);
        for (State s : new State[] {Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12}) {
            on(Event.Evt15, s, AA_1);
            on(Event.Evt16, s, AA_3);
            on(Event.Evt17, s, AA_4);
        }
        on(Event.Evt16, Sta2, AA_2);
        on(Event.Evt16, Sta3, AA_3);
        on(Event.Evt16, Sta13, AA_2);
        on(Event.Evt17, Sta2, AA_5);
        on(Event.Evt17, Sta3, AA_4);
        on(Event.Evt17, Sta4, AA_4);
        on(Event.Evt17, Sta13, AR_5);
        on(Event.Evt18, Sta2, AA_2);
        on(Event.Evt18, Sta13, AA_2);
        onPdu(Event.Evt19, AA_1, AA_8, AA_7);
    }

    private StateTable() {
    }

    /** A PDU event: in Sta2 {@code sta2}, in Sta3 and Sta5..Sta12 {@code established}, in Sta13 {@code sta13}. */
    private static void onPdu(Event e, Action sta2, Action established, Action sta13) {
        on(e, Sta2, sta2);
        on(e, Sta3, established);
        for (State s : new State[] {Sta5, Sta6, Sta7, Sta8, Sta9, Sta10, Sta11, Sta12}) {
            on(e, s, established);
        }
        on(e, Sta13, sta13);
    }

    private static void on(Event e, State s, Action a) {
        TABLE.computeIfAbsent(s, k -> new EnumMap<>(Event.class)).put(e, a);
    }

    /** @return the action, or {@code null} where the table has no entry (a local usage error) */
    static Action action(State state, Event event) {
        Map<Event, Action> row = TABLE.get(state);
        return row == null ? null : row.get(event);
    }
}
