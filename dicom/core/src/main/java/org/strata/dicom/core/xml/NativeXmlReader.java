package org.strata.dicom.core.xml;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.json.DicomJsonReader;

/**
 * Reads the Native DICOM Model of PS3.19 A.1. The XML is mapped onto the DICOM JSON Model
 * (PS3.18 F.2, the same information) and decoded by {@link DicomJsonReader}.
 */
public final class NativeXmlReader {

    private NativeXmlReader() {
    }

    public static Attributes read(InputStream in) throws IOException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLConstants.ACCESS_EXTERNAL_DTD, "");
        try {
            XMLStreamReader r = factory.createXMLStreamReader(in);
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip prolog
            }
            if (!r.isStartElement() || !"NativeDicomModel".equals(r.getLocalName())) {
                throw new IOException("not a Native DICOM Model document");
            }
            return DicomJsonReader.fromModel(dataset(r));
        } catch (XMLStreamException | IllegalArgumentException e) {
            throw new IOException("invalid Native DICOM Model: " + e.getMessage(), e);
        }
    }

    /** Reads DicomAttribute children until the end of the current element. */
    private static Map<String, Object> dataset(XMLStreamReader r) throws XMLStreamException {
        Map<String, Object> ds = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String tag = r.getAttributeValue(null, "tag");
            String vr = r.getAttributeValue(null, "vr");
            Map<String, Object> element = new LinkedHashMap<>();
            element.put("vr", vr == null ? "UN" : vr);
            List<Object> values = new ArrayList<>();
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                switch (r.getLocalName()) {
                    case "Item" -> values.add(dataset(r));
                    case "PersonName" -> put(values, number(r), personName(r));
                    case "InlineBinary" -> element.put("InlineBinary", r.getElementText().trim());
                    case "BulkData" -> {
                        element.put("BulkDataURI", r.getAttributeValue(null, "uri"));
                        r.nextTag();
                    }
                    default -> put(values, number(r), r.getElementText());
                }
            }
            if (!values.isEmpty()) {
                element.put("Value", values);
            }
            ds.put(tag, element);
        }
        return ds;
    }

    private static int number(XMLStreamReader r) {
        String n = r.getAttributeValue(null, "number");
        return n == null ? -1 : Integer.parseInt(n);
    }

    private static void put(List<Object> values, int number, Object value) {
        int index = number > 0 ? number - 1 : values.size();
        while (values.size() < index) {
            values.add(null);
        }
        if (index < values.size()) {
            values.set(index, value);
        } else {
            values.add(value);
        }
    }

    private static Map<String, Object> personName(XMLStreamReader r) throws XMLStreamException {
        Map<String, Object> pn = new LinkedHashMap<>();
        while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
            String group = r.getLocalName();
            String[] parts = new String[NativeXmlWriter.PN_COMPONENTS.length];
            while (r.nextTag() == XMLStreamConstants.START_ELEMENT) {
                String name = r.getLocalName();
                String text = r.getElementText();
                for (int c = 0; c < parts.length; c++) {
                    if (NativeXmlWriter.PN_COMPONENTS[c].equals(name)) {
                        parts[c] = text;
                    }
                }
            }
            int last = parts.length - 1;
            while (last >= 0 && parts[last] == null) {
                last--;
            }
            StringBuilder sb = new StringBuilder();
            for (int c = 0; c <= last; c++) {
                sb.append(c > 0 ? "^" : "").append(parts[c] == null ? "" : parts[c]);
            }
            pn.put(group, sb.toString());
        }
        return pn;
    }
}
