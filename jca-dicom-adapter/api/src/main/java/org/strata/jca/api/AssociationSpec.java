package org.strata.jca.api;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What an outbound association must offer: the remote AE with our calling AE title and role,
 * and the presentation contexts to propose (PS3.8 9.3.2.2). A pooled association serves a
 * request when its target is equal and it proposed every requested context.
 *
 * @param target   remote AE, calling AE title, role
 * @param contexts presentation contexts, at most {@link #MAX_CONTEXTS}
 */
public record AssociationSpec(RemoteTarget target, List<ProposedContext> contexts) {

    /** PS3.8 9.3.2.2: presentation context ids are the odd numbers 1-255. */
    public static final int MAX_CONTEXTS = 128;

    public static final String IMPLICIT_VR_LE = "1.2.840.10008.1.2";
    public static final String EXPLICIT_VR_LE = "1.2.840.10008.1.2.1";

    /**
     * One presentation context: an abstract syntax and its transfer syntaxes in order of preference.
     */
    public record ProposedContext(String sopClassUid, List<String> transferSyntaxes) {
        public ProposedContext {
            transferSyntaxes = List.copyOf(transferSyntaxes);
        }
    }

    public AssociationSpec {
        contexts = List.copyOf(contexts);
        if (contexts.isEmpty() || contexts.size() > MAX_CONTEXTS) {
            throw new IllegalArgumentException("1 to " + MAX_CONTEXTS + " presentation contexts, not "
                    + contexts.size());
        }
    }

    /** DIMSE-N on one SOP class in Explicit or Implicit VR Little Endian. */
    public static AssociationSpec forNService(RemoteTarget target, String sopClassUid) {
        return new AssociationSpec(target, List.of(new ProposedContext(sopClassUid,
                List.of(EXPLICIT_VR_LE, IMPLICIT_VR_LE))));
    }

    /**
     * C-STORE sub-operations: per SOP class the given transfer syntaxes plus Explicit and Implicit VR
     * Little Endian, and a second context proposing {@code alternatives} (syntaxes the archive can
     * convert to) while two contexts per SOP class fit; empty alternatives propose nothing more.
     */
    public static AssociationSpec forStorage(RemoteTarget target, Map<String, Set<String>> sopClasses,
                                             Set<String> alternatives) {
        boolean alternativesFit = !alternatives.isEmpty() && 2 * sopClasses.size() <= MAX_CONTEXTS;
        List<ProposedContext> contexts = new ArrayList<>();
        sopClasses.forEach((sopClass, syntaxes) -> {
            Set<String> ts = new LinkedHashSet<>(syntaxes);
            ts.add(EXPLICIT_VR_LE);
            ts.add(IMPLICIT_VR_LE);
            contexts.add(new ProposedContext(sopClass, List.copyOf(ts)));
            if (alternativesFit) {
                contexts.add(new ProposedContext(sopClass, List.copyOf(alternatives)));
            }
        });
        return new AssociationSpec(target, contexts);
    }

    /** True when an association proposed for {@code offered} serves this spec. */
    public boolean servedBy(AssociationSpec offered) {
        return target.equals(offered.target()) && offered.contexts().containsAll(contexts);
    }
}
