package org.strata.dicom.core.io;

import java.nio.file.Path;
import java.util.function.IntPredicate;

import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;

/**
 * How a data set is parsed. Build with {@link #builder()}.
 *
 * @param stopBefore reading of the top-level data set stops before the first element whose tag
 *        matches (e.g. {@code tag -> tag == Tag.PixelData}); the element is not consumed
 * @param bulkData which values are left in the file as {@link org.strata.dicom.core.BulkData}
 *        (only when {@code bulkDataFile} is set)
 * @param bulkDataFile the file being read, for bulk data references
 * @param maxValueLength largest value length accepted; a longer (corrupt) length fails with
 *        {@link DicomParseException} before anything is allocated
 * @param maxDepth deepest sequence nesting accepted
 */
public record ReadOptions(IntPredicate stopBefore, BulkDataSelector bulkData, Path bulkDataFile, long maxValueLength,
        int maxDepth) {

    /** Chooses the values to keep by reference. */
    @FunctionalInterface
    public interface BulkDataSelector {
        boolean select(int tag, VR vr, long length, int depth);

        /** Top-level pixel data (PS3.3 C.7.6.3), including float/double and encapsulated. */
        BulkDataSelector PIXEL_DATA = (tag, vr, length, depth) -> depth == 0
                && (tag == Tag.PixelData || tag == Tag.FloatPixelData || tag == Tag.DoubleFloatPixelData);
        BulkDataSelector NONE = (tag, vr, length, depth) -> false;

        /** Binary (O*, UN) values longer than {@code threshold} bytes anywhere in the data set. */
        static BulkDataSelector largerThan(long threshold) {
            return (tag, vr, length, depth) -> vr.isBulk() && length > threshold;
        }
    }

    public static final ReadOptions DEFAULT = builder().build();

    public static Builder builder() {
        return new Builder();
    }

    /** Builder with defaults: read everything, no bulk data, 1 GiB value limit, depth 64. */
    public static final class Builder {
        private IntPredicate stopBefore = tag -> false;
        private BulkDataSelector bulkData = BulkDataSelector.NONE;
        private Path bulkDataFile;
        private long maxValueLength = 1L << 30;
        private int maxDepth = 64;

        public Builder stopBefore(IntPredicate stopBefore) {
            this.stopBefore = stopBefore;
            return this;
        }

        /** Stops before (7FE0,0010) Pixel Data. */
        public Builder stopBeforePixelData() {
            return stopBefore(tag -> tag == Tag.PixelData);
        }

        public Builder bulkData(BulkDataSelector bulkData) {
            this.bulkData = bulkData;
            return this;
        }

        public Builder bulkDataFile(Path file) {
            this.bulkDataFile = file;
            return this;
        }

        public Builder maxValueLength(long maxValueLength) {
            this.maxValueLength = maxValueLength;
            return this;
        }

        public Builder maxDepth(int maxDepth) {
            this.maxDepth = maxDepth;
            return this;
        }

        public ReadOptions build() {
            return new ReadOptions(stopBefore, bulkData, bulkDataFile, maxValueLength, maxDepth);
        }
    }

    /** A copy reading bulk data by reference from {@code file}. */
    public ReadOptions withBulkDataFile(Path file) {
        return new ReadOptions(stopBefore, bulkData, file, maxValueLength, maxDepth);
    }
}
