package org.strata.dicom.net.config;

import java.util.List;
import java.util.Set;

/**
 * A local application entity as an association acceptor.
 *
 * @param acceptedCallingAeTitles empty = any calling AE title
 * @param maxAssociations         concurrent associations for this AE title; 0 = no limit of its own
 */
public record ApplicationEntityConfig(String aeTitle, List<TransferCapability> transferCapabilities,
        Set<String> acceptedCallingAeTitles, int maxAssociations) {

    public ApplicationEntityConfig {
        if (aeTitle.isBlank() || aeTitle.length() > 16) {
            throw new IllegalArgumentException("AE title must be 1..16 characters: '" + aeTitle + "'");
        }
        transferCapabilities = List.copyOf(transferCapabilities);
        acceptedCallingAeTitles = Set.copyOf(acceptedCallingAeTitles);
    }

    public static ApplicationEntityConfig of(String aeTitle, List<TransferCapability> capabilities) {
        return new ApplicationEntityConfig(aeTitle, capabilities, Set.of(), 0);
    }
}
