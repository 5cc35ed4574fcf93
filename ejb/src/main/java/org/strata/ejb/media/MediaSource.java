package org.strata.ejb.media;

/** A stored instance to put on media: its UIDs, stored syntax and object on the online tier. */
public record MediaSource(String studyInstanceUid, String sopClassUid, String sopInstanceUid,
                          String transferSyntaxUid, String objectId, long sizeBytes) {
}
