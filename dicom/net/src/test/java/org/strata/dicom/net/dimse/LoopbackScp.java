package org.strata.dicom.net.dimse;

import java.io.IOException;
import java.util.List;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.RemoteAe;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.Timeouts;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.pdu.AsyncOpsWindow;
import org.strata.dicom.net.pdu.UserInformation;

/** Test fixture: SCP "STRATA" on 127.0.0.1 serving a registry (every SOP class, Implicit VR LE) and SCUs to it. */
public final class LoopbackScp implements AutoCloseable {

    public static final String IVLE = AssociateRqBuilder.IMPLICIT_VR_LE;

    private final NetRuntime runtime;
    private final DicomListener listener;

    public LoopbackScp(DimseServiceRegistry registry, long maxPduLength, AsyncOpsWindow window) throws IOException {
        runtime = new NetRuntime("loopback-scp", 32);
        ApplicationEntityConfig ae = ApplicationEntityConfig.of("STRATA", List.of(
                new TransferCapability("*", Role.SCP, List.of(IVLE))));
        listener = DicomListener.start(ListenerConfig.of("127.0.0.1", 0, ae).withMaxPduLength(maxPduLength), runtime,
                AcceptorServices.of(DimseChannel.factory(registry, runtime)).withAsyncOpsWindow(window));
    }

    /** An association proposing {@code sopClasses} in Implicit VR LE. */
    public DimseClient open(UserInformation ui, String... sopClasses) throws IOException {
        AssociateRqBuilder rq = new AssociateRqBuilder("TESTSCU", "STRATA");
        for (String sopClass : sopClasses) {
            rq.addContext(sopClass, IVLE);
        }
        return DimseClient.open(runtime, new RemoteAe("STRATA", "127.0.0.1", listener.port()),
                rq.userInformation(ui).build(), Timeouts.DEFAULT, null, new DimseServiceRegistry());
    }

    /** Waits up to {@code millis} until the SCP has finished serving every association; true if it has. */
    public boolean awaitIdle(long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (listener.activeConnections() > 0) {
            if (System.currentTimeMillis() > deadline) {
                return false;
            }
            Thread.sleep(5);
        }
        return true;
    }

    @Override
    public void close() {
        listener.close();
        runtime.close();
    }
}
