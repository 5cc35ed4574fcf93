package org.strata.dicom.tools;

import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintStream;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.strata.dicom.core.xml.NativeXmlWriter;

/** {@code xml FILE}: prints the data set as Native DICOM Model XML (PS3.19); bulk data over 1 KiB by URI. */
public final class XmlCommand implements Command {

    @Override
    public String name() {
        return "xml";
    }

    @Override
    public String summary() {
        return "xml FILE    : print the data set as Native DICOM Model XML (PS3.19)";
    }

    @Override
    public int run(List<String> args, PrintStream out, PrintStream err) throws IOException {
        if (args.size() != 1) {
            err.println("usage: xml FILE");
            return 2;
        }
        StringWriter xml = new StringWriter();
        try {
            new NativeXmlWriter(DicomInputs.BULK_DATA_THRESHOLD).write(DicomInputs.read(args.get(0)).dataset(), xml);
        } catch (IOException | RuntimeException e) {
            err.println("xml: " + DicomInputs.describe(args.get(0), e));
            return 1;
        }
        Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        w.write(xml.toString());
        w.write('\n');
        w.flush();
        return 0;
    }
}
