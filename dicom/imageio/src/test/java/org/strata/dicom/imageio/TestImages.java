package org.strata.dicom.imageio;

import java.util.Random;

/** Synthetic frames that exercise every coding path: flat runs, smooth gradients, edges and noise. */
final class TestImages {

    private TestImages() {
    }

    static byte[] frame(ImageDescriptor d, long seed) {
        Random rnd = new Random(seed);
        int bits = d.bitsStored();
        long max = (1L << bits) - 1;
        int rows = d.rows();
        int cols = d.columns();
        int[][] comps = new int[d.samplesPerPixel()][rows * cols];
        for (int c = 0; c < comps.length; c++) {
            long flat = (long) (rnd.nextDouble() * max);
            for (int y = 0; y < rows; y++) {
                for (int x = 0; x < cols; x++) {
                    long v;
                    int band = y * 4 / rows;
                    if (band == 0) {                    // long runs with rare steps
                        if (rnd.nextInt(200) == 0) {
                            flat = (long) (rnd.nextDouble() * max);
                        }
                        v = flat;
                    } else if (band == 1) {             // smooth gradient with a little noise
                        v = (long) ((x + y + c * 7) * (max / (double) (rows + cols + 21))) + rnd.nextInt(3);
                    } else if (band == 2) {             // blocks with sharp edges
                        v = ((x / 5 + y / 3 + c) % 2 == 0) ? max : max / 3;
                        if (bits > 2 && rnd.nextInt(10) == 0) {
                            v ^= 1;
                        }
                    } else {                            // full-range noise
                        v = (long) (rnd.nextDouble() * (max + 1));
                    }
                    comps[c][y * cols + x] = (int) Math.min(max, Math.max(0, v));
                }
            }
        }
        return FrameSamples.fromComponents(comps, d);
    }
}
