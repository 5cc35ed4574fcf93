package org.strata.dicom.tools.corpus;

/**
 * The shape of a synthetic corpus: patients × studies × series × instances, and each instance's image
 * (rows × columns × frames, Bits Stored 8 → 8-bit samples, otherwise 16-bit).
 */
public record CorpusSpec(int patients, int studiesPerPatient, int seriesPerStudy, int instancesPerSeries,
        int rows, int columns, int frames, int bitsStored, long seed) {

    public CorpusSpec {
        if (patients < 1 || studiesPerPatient < 1 || seriesPerStudy < 1 || instancesPerSeries < 1 || rows < 1
                || columns < 1 || frames < 1) {
            throw new IllegalArgumentException("every count and dimension must be at least 1");
        }
        if (bitsStored < 1 || bitsStored > 16) {
            throw new IllegalArgumentException("bits stored must be 1..16, got " + bitsStored);
        }
    }

    /** The default: 1,000 CT instances of 512 × 512 × 12 bits (0.5 MB each). */
    public static CorpusSpec defaults() {
        return new CorpusSpec(10, 5, 4, 5, 512, 512, 1, 12, 7977);
    }

    public int instances() {
        return patients * studiesPerPatient * seriesPerStudy * instancesPerSeries;
    }
}
