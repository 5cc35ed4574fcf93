package org.strata.ejb.dimse;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJB;
import jakarta.inject.Inject;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import java.io.InputStream;
import org.strata.dicom.core.Attributes;
import org.strata.dicom.core.UID;
import org.strata.ejb.mwl.WorklistService;
import org.strata.ejb.query.FindService;
import org.strata.ejb.retrieve.RetrieveService;
import org.strata.ejb.store.StoreService;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.DicomServiceListener;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.QueryRequest;
import org.strata.jca.api.QueryResponses;
import org.strata.jca.api.RetrieveContext;
import org.strata.jca.api.RetrieveOutcome;
import org.strata.jca.api.RetrieveRequest;
import org.strata.jca.api.StoreRequest;

/**
 * The archive's DICOM endpoint: the resource adapter opens the listener (AE title and port from
 * the system properties {@code strata.dicom.aet} and {@code strata.dicom.port}; with
 * {@code strata.dicom.tls=true} also a DICOM over TLS listener on {@code strata.dicom.tls.port},
 * default 2762, with the PKCS#12 stores {@code strata.dicom.tls.keystore}/{@code .truststore}
 * and their {@code -password}s, e.g. from a properties file given to {@code ./strata run
 * --properties}) and delivers each request here. Bound to the adapter in META-INF/jboss-ejb3.xml.
 */
@MessageDriven(messageListenerInterface = DicomServiceListener.class, activationConfig = {
        @ActivationConfigProperty(propertyName = "aeTitle", propertyValue = "${strata.dicom.aet:STRATA}"),
        @ActivationConfigProperty(propertyName = "port", propertyValue = "${strata.dicom.port:11112}"),
        @ActivationConfigProperty(propertyName = "bindAddress", propertyValue = "${strata.dicom.bind:0.0.0.0}"),
        @ActivationConfigProperty(propertyName = "maxAssociations", propertyValue = "${strata.dicom.max-associations:64}"),
        @ActivationConfigProperty(propertyName = "tls", propertyValue = "${strata.dicom.tls:false}"),
        @ActivationConfigProperty(propertyName = "tlsPort", propertyValue = "${strata.dicom.tls.port:2762}"),
        @ActivationConfigProperty(propertyName = "tlsKeyStore", propertyValue = "${strata.dicom.tls.keystore:}"),
        @ActivationConfigProperty(propertyName = "tlsKeyStorePassword",
                propertyValue = "${strata.dicom.tls.keystore-password:}"),
        @ActivationConfigProperty(propertyName = "tlsTrustStore", propertyValue = "${strata.dicom.tls.truststore:}"),
        @ActivationConfigProperty(propertyName = "tlsTrustStorePassword",
                propertyValue = "${strata.dicom.tls.truststore-password:}"),
        @ActivationConfigProperty(propertyName = "tlsClientAuth", propertyValue = "${strata.dicom.tls.client-auth:NEED}")})
@PermitAll
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DicomServiceMDB implements DicomServiceListener {

    @EJB
    StoreService storeService;

    @EJB
    FindService findService;

    @EJB
    RetrieveService retrieveService;

    @EJB
    WorklistService worklistService;

    @Inject
    NServiceRouter nServices;

    /** PS3.4 A.4: Verification answers success. */
    @Override
    public DimseStatus echo(AssociationInfo association) {
        return DimseStatus.SUCCESS;
    }

    @Override
    public DimseStatus store(AssociationInfo association, StoreRequest request, InputStream dataSet) {
        return storeService.store(association, request, dataSet);
    }

    @Override
    public DimseStatus find(AssociationInfo association, QueryRequest request, Attributes identifier,
                            QueryResponses responses) {
        if (UID.ModalityWorklistInformationModelFind.equals(request.sopClassUid())) {
            return worklistService.find(association, identifier, responses); // PS3.4 K.4.1.3
        }
        return findService.find(association, request, identifier, responses);
    }

    @Override
    public RetrieveOutcome retrieve(AssociationInfo association, RetrieveRequest request, Attributes identifier,
                                    RetrieveContext context) {
        return retrieveService.retrieve(association, request, identifier, context);
    }

    /** DIMSE-N requests, routed by SOP class to the {@link NService} that declares it. */
    @Override
    public NServiceResponse nService(AssociationInfo association, NServiceRequest request, Attributes dataSet) {
        return nServices.route(association, request, dataSet);
    }
}
