package org.strata.ejb.query;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.Sequence;
import org.strata.dicom.core.Tag;
import org.strata.dicom.core.VR;
import org.strata.dicom.core.io.DicomReader;
import org.strata.dicom.core.io.TransferSyntax;
import org.strata.ejb.entity.Availability;
import org.strata.ejb.entity.Instance;
import org.strata.ejb.entity.Patient;
import org.strata.ejb.entity.Series;
import org.strata.ejb.entity.Study;
import org.strata.ejb.mwl.WorklistMatcher;

/**
 * Builds the identifier of one C-FIND match (PS3.4 C.4.1.2.1.2): every key of the request,
 * valued from the stored header of the matched entity, plus what the index maintains (counts,
 * Modalities in Study, Instance Availability, Retrieve AE Title).
 */
final class MatchResponse {

    private MatchResponse() {
    }

    static Attributes of(QueryLevel level, Object match, Attributes keys, String retrieveAeTitle) {
        return of(level, match, stored(match), keys, retrieveAeTitle);
    }

    /** The stored header (without bulk data) of a matched entity. */
    static Attributes stored(Object match) {
        return decode(attributesOf(match));
    }

    static Attributes of(QueryLevel level, Object match, Attributes stored, Attributes keys, String retrieveAeTitle) {
        Attributes rsp = new Attributes(keys.size() + 4);
        String charset = stored.getString(Tag.SpecificCharacterSet);
        if (charset != null) {
            rsp.setString(Tag.SpecificCharacterSet, VR.CS, stored.getStrings(Tag.SpecificCharacterSet));
        }
        for (int i = 0; i < keys.size(); i++) {
            int tag = keys.tagAt(i);
            if (tag == Tag.SpecificCharacterSet) {
                continue;
            }
            int j = stored.indexOf(tag);
            if (keys.vrAt(i) == VR.SQ && SequenceMatching.constrains(keys.getSequence(tag))) {
                // PS3.4 C.2.2.2.6: the matching items, with the requested item keys only
                Attributes one = new Attributes(1);
                one.newSequence(tag).add(new Attributes().addAll(keys.getSequence(tag).get(0)));
                Sequence out = rsp.newSequence(tag);
                WorklistMatcher.response(one, stored).getSequence(tag).items().forEach(out::add);
            } else if (j >= 0 && stored.vrAt(j).isText()) {
                // decoded and re-encoded: padding dropped, character set of the response applied
                rsp.setString(tag, stored.vrAt(j), stored.stringsAt(j));
            } else if (j >= 0) {
                rsp.setValue(tag, stored.vrAt(j), stored.valueAt(j));
            } else {
                rsp.setValue(tag, keys.vrAt(i), null);
            }
        }
        rsp.setString(Tag.QueryRetrieveLevel, VR.CS, level.name());
        computed(level, match, keys, rsp, retrieveAeTitle);
        return rsp;
    }

    private static void computed(QueryLevel level, Object match, Attributes keys, Attributes rsp, String aet) {
        if (keys.contains(Tag.RetrieveAETitle)) {
            rsp.setString(Tag.RetrieveAETitle, VR.AE, aet);
        }
        switch (level) {
            case PATIENT -> {
                Patient p = (Patient) match;
                setCount(keys, rsp, Tag.NumberOfPatientRelatedStudies, p.getNumberOfStudies());
            }
            case STUDY -> {
                Study s = (Study) match;
                setCount(keys, rsp, Tag.NumberOfStudyRelatedSeries, s.getNumberOfSeries());
                setCount(keys, rsp, Tag.NumberOfStudyRelatedInstances, s.getNumberOfInstances());
                setCount(keys, rsp, Tag.NumberOfPatientRelatedStudies, s.getPatient().getNumberOfStudies());
                if (keys.contains(Tag.ModalitiesInStudy) && s.getModalitiesInStudy() != null) {
                    rsp.setString(Tag.ModalitiesInStudy, VR.CS, s.getModalitiesInStudy().split("\\\\"));
                }
                availability(keys, rsp, s.getAvailability());
            }
            case SERIES -> {
                Series se = (Series) match;
                setCount(keys, rsp, Tag.NumberOfSeriesRelatedInstances, se.getNumberOfInstances());
                availability(keys, rsp, se.getStudy().getAvailability());
            }
            case IMAGE -> availability(keys, rsp, ((Instance) match).getAvailability());
        }
    }

    private static void setCount(Attributes keys, Attributes rsp, int tag, int count) {
        if (keys.contains(tag)) {
            rsp.setString(tag, VR.IS, Integer.toString(count));
        }
    }

    private static void availability(Attributes keys, Attributes rsp, Availability availability) {
        if (keys.contains(Tag.InstanceAvailability)) {
            rsp.setString(Tag.InstanceAvailability, VR.CS, availability.name());
        }
    }

    private static byte[] attributesOf(Object match) {
        if (match instanceof Patient p) {
            return p.getAttributes();
        } else if (match instanceof Study s) {
            return s.getAttributes();
        } else if (match instanceof Series se) {
            return se.getAttributes();
        }
        return ((Instance) match).getAttributes();
    }

    private static Attributes decode(byte[] blob) {
        if (blob == null) {
            return new Attributes();
        }
        try {
            return DicomReader.read(new ByteArrayInputStream(blob), TransferSyntax.EXPLICIT_VR_LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new UncheckedIOException("stored header cannot be read: " + e.getMessage(), e);
        }
    }
}
