package org.strata.ejb.system;

/**
 * What the console shows about the running archive.
 *
 * @param version        Strata's version
 * @param aeTitle        the archive's DICOM AE title
 * @param dicomPort      the DICOM port
 * @param database       database product and version
 * @param persistenceProvider the JPA provider's entity manager class (EclipseLink's, on a sound install)
 * @param adapterActive  whether the DICOM resource adapter runs
 */
public record SystemInfo(String version, String aeTitle, int dicomPort, String database,
                         String persistenceProvider, boolean adapterActive) {
}
