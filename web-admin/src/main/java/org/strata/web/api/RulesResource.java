package org.strata.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.strata.ejb.hsm.PolicyService;
import org.strata.ejb.hsm.RuleAction;
import org.strata.ejb.hsm.RuleDefinition;
import org.strata.ejb.hsm.RuleEvaluator;
import org.strata.ejb.hsm.TierRule;

/**
 * {@code /strata/api/rules}: tiering rules. Ages are ISO-8601 durations ({@code P30D}).
 * {@code POST /strata/api/rules/evaluate} evaluates them now (as the timer does) and returns the
 * ids of the jobs enqueued.
 */
@Path("rules")
@Produces(MediaType.APPLICATION_JSON)
public class RulesResource {

    /** A rule as GET returns it and PUT takes it (id from the path). */
    public record RuleJson(String id, String action, String sourceTier, String targetTier, String storageGroup,
                           String minAgeSinceReceived, String minAgeSinceAccess, String modality, String sourceAe,
                           Long minSizeBytes, Long maxSizeBytes, Boolean deleteLastCopy, Boolean enabled) {

        static RuleJson of(TierRule r) {
            RuleDefinition d = r.definition();
            return new RuleJson(r.getId(), d.action().name(), d.sourceTier(), d.targetTier(), d.storageGroup(),
                    text(d.minAgeSinceReceived()), text(d.minAgeSinceAccess()), d.modality(), d.sourceAe(),
                    d.minSizeBytes(), d.maxSizeBytes(), d.deleteLastCopy(), d.enabled());
        }

        RuleDefinition definition() {
            if (action == null) {
                throw new IllegalArgumentException("a rule needs an action: COPY, MOVE or DELETE");
            }
            RuleAction a;
            try {
                a = RuleAction.valueOf(action.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("action must be COPY, MOVE or DELETE, not " + action);
            }
            return new RuleDefinition(a, sourceTier, targetTier, storageGroup, duration(minAgeSinceReceived),
                    duration(minAgeSinceAccess), modality, sourceAe, minSizeBytes, maxSizeBytes,
                    Boolean.TRUE.equals(deleteLastCopy), !Boolean.FALSE.equals(enabled));
        }

        private static String text(Duration d) {
            return d == null ? null : d.toString();
        }

        private static Duration duration(String s) {
            try {
                return s == null || s.isBlank() ? null : Duration.parse(s.strip());
            } catch (DateTimeParseException e) {
                throw new IllegalArgumentException("not an ISO-8601 duration (e.g. P30D): " + s);
            }
        }
    }

    /** The answer of an evaluation. */
    public record EvaluationJson(List<Long> jobs) {
    }

    @Inject
    PolicyService policies;

    @Inject
    RuleEvaluator evaluator;

    @GET
    public List<RuleJson> list() {
        return policies.rules().stream().map(RuleJson::of).toList();
    }

    @GET
    @Path("{id}")
    public RuleJson get(@PathParam("id") String id) {
        return policies.rule(id).map(RuleJson::of).orElseThrow(() -> new NotFoundException("no rule " + id));
    }

    @PUT
    @Path("{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("id") String id, RuleJson body) {
        if (body == null) {
            throw new IllegalArgumentException("body must be a rule: {\"action\": \"MOVE\", \"sourceTier\": \"online\", ...}");
        }
        boolean created = policies.putRule(id, body.definition());
        return Response.status(created ? Response.Status.CREATED : Response.Status.OK).entity(get(id)).build();
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        if (!policies.deleteRule(id)) {
            throw new NotFoundException("no rule " + id);
        }
        return Response.noContent().build();
    }

    @POST
    @Path("evaluate")
    public EvaluationJson evaluate() {
        return new EvaluationJson(evaluator.evaluate());
    }
}
