package org.strata.dicom.net.assoc;

import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import org.strata.dicom.net.pdu.PDataTf;
import org.strata.dicom.net.pdu.Pdv;

/** An upper layer user for tests: keeps every PDV and hands over each complete message part. */
final class Recorder implements UpperLayerUser {

    final List<Pdv> pdvs = new CopyOnWriteArrayList<>();
    final BlockingQueue<byte[]> parts = new LinkedBlockingQueue<>();
    final BlockingQueue<Association> releaseIndications = new LinkedBlockingQueue<>();
    final BlockingQueue<Association> closes = new LinkedBlockingQueue<>();
    private final ByteArrayOutputStream current = new ByteArrayOutputStream();

    @Override
    public void onPData(Association association, PDataTf pdu) {
        for (Pdv p : pdu.pdvs()) {
            pdvs.add(p);
            current.writeBytes(p.data());
            if (p.last()) {
                parts.add(current.toByteArray());
                current.reset();
            }
        }
    }

    @Override
    public void onReleaseIndication(Association association) {
        releaseIndications.add(association);
    }

    @Override
    public void onClose(Association association) {
        closes.add(association);
    }
}
