package org.strata.ejb.retrieve;

/** One instance to send: what the C-STORE needs and where its bytes are (tier and object id). */
public record RetrieveItem(String sopClassUid, String sopInstanceUid, String transferSyntaxUid, String objectId,
                           String storageId) {
}
