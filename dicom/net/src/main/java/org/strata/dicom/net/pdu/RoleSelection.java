package org.strata.dicom.net.pdu;

/**
 * SCP/SCU Role Selection sub-item (PS3.7 D.3.3.4): the roles proposed (RQ) or accepted (AC) for one
 * SOP class.
 */
public record RoleSelection(String sopClassUid, boolean scu, boolean scp) {
}
