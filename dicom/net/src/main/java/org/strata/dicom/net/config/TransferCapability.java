package org.strata.dicom.net.config;

import java.util.List;

/**
 * One SOP class an AE supports in one role, with the transfer syntaxes it accepts, in preference
 * order. {@code "*"} as SOP class or as the only transfer syntax matches anything.
 */
public record TransferCapability(String sopClassUid, Role role, List<String> transferSyntaxes) {

    public static final String ANY = "*";

    public TransferCapability {
        transferSyntaxes = List.copyOf(transferSyntaxes);
        if (transferSyntaxes.isEmpty()) {
            throw new IllegalArgumentException("no transfer syntax for " + sopClassUid);
        }
    }

    public boolean matchesSopClass(String uid) {
        return sopClassUid.equals(ANY) || sopClassUid.equals(uid);
    }

    /** @return the first of our transfer syntaxes the proposal contains, or {@code null} */
    public String select(List<String> proposed) {
        for (String ts : transferSyntaxes) {
            if (ts.equals(ANY)) {
                return proposed.isEmpty() ? null : proposed.get(0);
            }
            if (proposed.contains(ts)) {
                return ts;
            }
        }
        return null;
    }
}
