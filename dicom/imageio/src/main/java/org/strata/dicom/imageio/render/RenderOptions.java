package org.strata.dicom.imageio.render;

import org.strata.dicom.imageio.PixelCodecs;

/**
 * What to render: frame (0-based), VOI window ({@code null}: the data set's first VOI LUT, else its
 * first Window Center/Width, else the range of the frame's values), size (longest side in pixels; 0 = as stored).
 */
public record RenderOptions(int frame, Window window, int size, PixelCodecs codecs) {

    public static final RenderOptions DEFAULT = new RenderOptions(0, null, 0, PixelCodecs.defaults());

    public RenderOptions withFrame(int frame) {
        return new RenderOptions(frame, window, size, codecs);
    }

    public RenderOptions withWindow(Window window) {
        return new RenderOptions(frame, window, size, codecs);
    }

    public RenderOptions withSize(int size) {
        return new RenderOptions(frame, window, size, codecs);
    }
}
