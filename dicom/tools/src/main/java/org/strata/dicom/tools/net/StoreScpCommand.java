package org.strata.dicom.tools.net;

import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.strata.dicom.net.NetRuntime;
import org.strata.dicom.net.assoc.AcceptorServices;
import org.strata.dicom.net.assoc.DicomListener;
import org.strata.dicom.net.config.ApplicationEntityConfig;
import org.strata.dicom.net.config.ListenerConfig;
import org.strata.dicom.net.config.Role;
import org.strata.dicom.net.config.TransferCapability;
import org.strata.dicom.net.dimse.DimseChannel;
import org.strata.dicom.net.dimse.DimseServiceRegistry;
import org.strata.dicom.net.service.StorageDirectory;
import org.strata.dicom.tools.Command;

/**
 * {@code storescp -b AET --port N [-o DIR]}: a Storage SCP accepting every SOP class in every transfer
 * syntax, writing Part 10 files; also answers C-ECHO. Runs until interrupted.
 */
public final class StoreScpCommand implements Command {

    /**
     * The maximum P-DATA-TF length announced (PS3.8 D.1) unless {@code --max-pdu} says otherwise:
     * 128 KiB, DCMTK's largest, so a 0.5 MB instance arrives in 4 PDUs instead of the 33 that
     * 16 KiB (DCMTK storescp's default, and the archive listener's) would need.
     */
    static final int DEFAULT_MAX_PDU = 131072;

    @Override
    public String name() {
        return "storescp";
    }

    @Override
    public String summary() {
        return "Storage SCP into a directory: -b AET --port N [--host H] [-o DIR] [--max-associations N] [--max-pdu BYTES, default 131072]"
                + " [--tls-keystore P12 --tls-truststore P12 --tls-password PW]";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws Exception {
        Args a = new Args(args, Set.of());
        String aet = a.get("-b", "STRATA");
        Path dir = Path.of(a.get("-o", "."));
        int max = a.getInt("--max-associations", 64);
        DimseServiceRegistry registry = DimseServiceRegistry.withEcho()
                .register(DimseServiceRegistry.ANY, new StorageDirectory(dir));
        ApplicationEntityConfig ae = ApplicationEntityConfig.of(aet, List.of(
                new TransferCapability(TransferCapability.ANY, Role.SCP, List.of(TransferCapability.ANY))));
        ListenerConfig config = ListenerConfig.of(a.get("--host", "0.0.0.0"), a.getInt("--port", 11112), ae)
                .withTls(Scu.tls(a)).withMaxAssociations(max)
                .withMaxPduLength(a.getInt("--max-pdu", DEFAULT_MAX_PDU));
        try (NetRuntime runtime = new NetRuntime("storescp", 2 * max + 4);
                DicomListener listener = DicomListener.start(config, runtime,
                        AcceptorServices.of(DimseChannel.factory(registry, runtime)))) {
            out.printf("storescp %s listening on port %d, writing to %s%n", aet, listener.port(), dir.toAbsolutePath());
            out.flush();
            try {
                Thread.sleep(Long.MAX_VALUE);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt(); // stop requested: close the listener and return
            }
        }
        return 0;
    }
}
