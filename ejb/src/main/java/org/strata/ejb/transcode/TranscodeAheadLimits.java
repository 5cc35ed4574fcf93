package org.strata.ejb.transcode;

/**
 * How far a retrieve transcodes ahead of the instance it sends (issue 9).
 *
 * @param window   how many instances after the one being sent are transcoded ahead (0: none,
 *                 every instance is transcoded while it is sent)
 * @param maxBytes the largest transcoded data set held in memory; larger ones are streamed
 */
public record TranscodeAheadLimits(int window, long maxBytes) {
}
