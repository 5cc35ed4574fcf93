package org.strata.dicom.imageio.transcode;

import org.strata.dicom.imageio.PixelCodecs;

/**
 * How a data set is transcoded. Build with {@link #builder()}; {@link #DEFAULT} never compresses lossily.
 *
 * @param allowLossy whether a lossy target syntax (JPEG baseline/extended, JPEG-LS near-lossless,
 *        JPEG 2000 lossy-capable) may be used; without it such a target fails with {@link TranscodeException}
 * @param codecs the codec registry (encoding parameters such as JPEG quality live in the codecs)
 */
public record TranscodeOptions(boolean allowLossy, PixelCodecs codecs) {

    public static final TranscodeOptions DEFAULT = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: lossless only, {@link PixelCodecs#defaults()}. */
    public static final class Builder {
        private boolean allowLossy;
        private PixelCodecs codecs = PixelCodecs.defaults();

        public Builder allowLossy(boolean allowLossy) {
            this.allowLossy = allowLossy;
            return this;
        }

        public Builder codecs(PixelCodecs codecs) {
            this.codecs = codecs;
            return this;
        }

        public TranscodeOptions build() {
            return new TranscodeOptions(allowLossy, codecs);
        }
    }
}
