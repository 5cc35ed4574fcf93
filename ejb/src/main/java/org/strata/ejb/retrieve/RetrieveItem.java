package org.strata.ejb.retrieve;

/** One instance to send: what the C-STORE needs and where its bytes are on the online tier. */
public record RetrieveItem(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String objectId) {
}
