package org.strata.jca;

import jakarta.resource.spi.endpoint.MessageEndpoint;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;
import org.strata.dicom.core.Attributes;
import org.strata.jca.api.AssociationInfo;
import org.strata.jca.api.DicomServiceListener;
import org.strata.jca.api.DimseStatus;
import org.strata.jca.api.NServiceRequest;
import org.strata.jca.api.NServiceResponse;
import org.strata.jca.api.QueryRequest;
import org.strata.jca.api.QueryResponses;
import org.strata.jca.api.RetrieveContext;
import org.strata.jca.api.RetrieveOutcome;
import org.strata.jca.api.RetrieveRequest;
import org.strata.jca.api.StoreRequest;

/** A message endpoint that records what the adapter delivers and answers as told. */
final class RecordingEndpoint implements MessageEndpoint, DicomServiceListener {

    record Delivered(AssociationInfo association, NServiceRequest request, Attributes dataSet) {
    }

    final List<Delivered> nRequests = new CopyOnWriteArrayList<>();
    final List<String> findModels = new CopyOnWriteArrayList<>();
    volatile Function<NServiceRequest, NServiceResponse> answer = rq -> NServiceResponse.SUCCESS;

    @Override
    public NServiceResponse nService(AssociationInfo association, NServiceRequest request, Attributes dataSet) {
        nRequests.add(new Delivered(association, request, dataSet));
        return answer.apply(request);
    }

    @Override
    public DimseStatus find(AssociationInfo association, QueryRequest request, Attributes identifier,
                            QueryResponses responses) {
        findModels.add(request.sopClassUid());
        return DimseStatus.SUCCESS;
    }

    @Override
    public DimseStatus echo(AssociationInfo association) {
        return DimseStatus.SUCCESS;
    }

    @Override
    public DimseStatus store(AssociationInfo association, StoreRequest request, InputStream dataSet) {
        return DimseStatus.of(0xA700, "not in this test");
    }

    @Override
    public RetrieveOutcome retrieve(AssociationInfo association, RetrieveRequest request, Attributes identifier,
                                    RetrieveContext context) {
        return RetrieveOutcome.refused(DimseStatus.of(0xA700, "not in this test"));
    }

    @Override
    public void beforeDelivery(Method method) {
    }

    @Override
    public void afterDelivery() {
    }

    @Override
    public void release() {
    }
}
