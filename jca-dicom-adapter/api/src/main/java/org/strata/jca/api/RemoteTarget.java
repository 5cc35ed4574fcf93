package org.strata.jca.api;

/**
 * Where an outbound request goes: a remote AE of the AE table, the AE title we call from, and
 * the role we take for the SOP class.
 *
 * @param callingAeTitle our AE title
 * @param calledAeTitle  the remote AE title
 * @param host           its host
 * @param port           its port
 * @param tls            DICOM over TLS
 * @param role           {@link Role#SCU} for requests we invoke as SCU (N-CREATE of MPPS or IAN);
 *                       {@link Role#SCP} for N-EVENT-REPORT sent by the SCP of a SOP class, proposed
 *                       with SCP/SCU Role Selection (PS3.7 D.3.3.4; PS3.4 J.3.3)
 */
public record RemoteTarget(String callingAeTitle, String calledAeTitle, String host, int port, boolean tls,
                           Role role) {

    /** Our DIMSE role for the SOP class on the association. */
    public enum Role {
        SCU,
        SCP
    }
}
