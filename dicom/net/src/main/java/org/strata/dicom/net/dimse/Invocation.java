package org.strata.dicom.net.dimse;

import java.util.concurrent.CompletableFuture;

/** A request sent: its Message ID and presentation context (for C-CANCEL), and the final response. */
public record Invocation(int messageId, int presentationContextId, CompletableFuture<DimseRsp> response) {
}
