package org.strata.dicom.core.xml;

import java.io.IOException;
import java.io.Writer;
import java.util.Base64;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.BulkData;
import org.strata.dicom.core.Fragments;
import org.strata.dicom.core.PersonName;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tags;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.dict.ElementDictionary;

/**
 * Writes the Native DICOM Model of PS3.19 A.1: {@code NativeDicomModel} with one
 * {@code DicomAttribute} (tag, vr, keyword, privateCreator) per element holding numbered
 * {@code Value}, {@code PersonName}, {@code Item}, {@code InlineBinary} or {@code BulkData}.
 */
public final class NativeXmlWriter {

    static final String NS = "http://dicom.nema.org/PS3.19/models/NativeDICOM";
    static final String[] PN_COMPONENTS = {"FamilyName", "GivenName", "MiddleName", "NamePrefix", "NameSuffix"};

    private final long bulkDataThreshold;
    private final ElementDictionary dictionary = ElementDictionary.standard();

    /** @param bulkDataThreshold in-memory binary values longer than this are left out */
    public NativeXmlWriter(long bulkDataThreshold) {
        this.bulkDataThreshold = bulkDataThreshold;
    }

    public void write(Attributes attrs, Writer out) throws IOException {
        try {
            XMLStreamWriter w = XMLOutputFactory.newFactory().createXMLStreamWriter(out);
            w.writeStartDocument("UTF-8", "1.0");
            w.writeStartElement("NativeDicomModel");
            w.writeDefaultNamespace(NS);
            w.writeAttribute("xml:space", "preserve");
            dataset(w, attrs);
            w.writeEndElement();
            w.writeEndDocument();
            w.flush();
        } catch (XMLStreamException e) {
            throw new IOException("XML output failed: " + e.getMessage(), e);
        }
    }

    private void dataset(XMLStreamWriter w, Attributes attrs) throws XMLStreamException, IOException {
        for (int i = 0; i < attrs.size(); i++) {
            int tag = attrs.tagAt(i);
            VR vr = attrs.vrAt(i);
            w.writeStartElement("DicomAttribute");
            w.writeAttribute("tag", Tags.toHex(tag));
            w.writeAttribute("vr", vr.name());
            String keyword = dictionary.keywordOf(tag);
            if (!keyword.isEmpty() && !Tags.isPrivate(tag)) {
                w.writeAttribute("keyword", keyword);
            }
            String creator = attrs.getPrivateCreator(tag);
            if (creator != null && !Tags.isPrivateCreator(tag)) {
                w.writeAttribute("privateCreator", creator);
            }
            value(w, attrs, i, vr);
            w.writeEndElement();
        }
    }

    private void value(XMLStreamWriter w, Attributes attrs, int i, VR vr) throws XMLStreamException, IOException {
        Object value = attrs.valueAt(i);
        if (value instanceof Sequence seq) {
            for (int k = 0; k < seq.size(); k++) {
                w.writeStartElement("Item");
                w.writeAttribute("number", Integer.toString(k + 1));
                dataset(w, seq.get(k));
                w.writeEndElement();
            }
        } else if (value instanceof BulkData bulk) {
            w.writeEmptyElement("BulkData");
            w.writeAttribute("uri", bulk.uri().toString());
        } else if (value instanceof Fragments fragments) {
            if (org.strata.dicom.core.json.DicomJsonWriter.encapsulatedLength(fragments) <= bulkDataThreshold) {
                binary(w, org.strata.dicom.core.json.DicomJsonWriter.encapsulated(fragments));
            }
        } else if (value instanceof byte[] b && (vr.isBulk() || vr == VR.OB)) {
            binary(w, b);
        } else if (value != null) {
            String[] values = attrs.stringsAt(i);
            for (int k = 0; k < values.length; k++) {
                if (vr == VR.PN) {
                    personName(w, k + 1, PersonName.parse(values[k]));
                } else {
                    w.writeStartElement("Value");
                    w.writeAttribute("number", Integer.toString(k + 1));
                    text(w, values[k]);
                    w.writeEndElement();
                }
            }
        }
    }

    /** Character data; CR as a character reference, else XML end-of-line handling turns it into LF. */
    private static void text(XMLStreamWriter w, String s) throws XMLStreamException {
        int start = 0;
        for (int i = s.indexOf('\r'); i >= 0; i = s.indexOf('\r', start)) {
            w.writeCharacters(s.substring(start, i));
            w.writeEntityRef("#13");
            start = i + 1;
        }
        w.writeCharacters(s.substring(start));
    }

    private void binary(XMLStreamWriter w, byte[] b) throws XMLStreamException {
        if (b.length > 0 && b.length <= bulkDataThreshold) {
            w.writeStartElement("InlineBinary");
            w.writeCharacters(Base64.getEncoder().encodeToString(b));
            w.writeEndElement();
        }
    }

    private void personName(XMLStreamWriter w, int number, PersonName pn) throws XMLStreamException {
        w.writeStartElement("PersonName");
        w.writeAttribute("number", Integer.toString(number));
        for (PersonName.Group g : PersonName.Group.values()) {
            String group = pn.group(g);
            if (group.isEmpty()) {
                continue;
            }
            w.writeStartElement(g.name().charAt(0) + g.name().substring(1).toLowerCase(java.util.Locale.ROOT));
            String[] parts = group.split("\\^", -1);
            for (int c = 0; c < parts.length && c < PN_COMPONENTS.length; c++) {
                if (!parts[c].isEmpty()) {
                    w.writeStartElement(PN_COMPONENTS[c]);
                    text(w, parts[c]);
                    w.writeEndElement();
                }
            }
            w.writeEndElement();
        }
        w.writeEndElement();
    }
}
