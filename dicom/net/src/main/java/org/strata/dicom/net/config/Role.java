package org.strata.dicom.net.config;

/** The DIMSE role an application entity takes for a SOP class (PS3.7 D.3.3.4). */
public enum Role {
    SCU,
    SCP
}
