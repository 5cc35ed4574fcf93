package org.strata.dicom.tools;

import java.io.IOException;
import java.io.PrintStream;
import java.util.List;

import org.strata.dicom.core.json.DicomJsonWriter;

/** {@code json FILE}: prints the data set as DICOM JSON (PS3.18 F); bulk data over 1 KiB as BulkDataURI. */
public final class JsonCommand implements Command {

    @Override
    public String name() {
        return "json";
    }

    @Override
    public String summary() {
        return "json FILE   : print the data set as DICOM JSON (values over 1 KiB as BulkDataURI)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) {
        if (args.size() != 1) {
            err.println("usage: json FILE");
            return 2;
        }
        try {
            StringBuilder sb = new StringBuilder();
            new DicomJsonWriter(sb, new DicomJsonWriter.Options(DicomInputs.BULK_DATA_THRESHOLD))
                    .write(DicomInputs.read(args.get(0)).dataset());
            out.println(sb);
            return 0;
        } catch (IOException | RuntimeException e) {
            err.println("json: " + DicomInputs.describe(args.get(0), e));
            return 1;
        }
    }
}
