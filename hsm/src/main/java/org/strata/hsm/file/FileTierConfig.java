package org.strata.hsm.file;

import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A disk tier: its roots (the file systems, in order) and the policy choosing the root of each
 * new object.
 */
public record FileTierConfig(List<FileRoot> roots, FreeSpacePolicy policy) {

    public FileTierConfig {
        roots = List.copyOf(Objects.requireNonNull(roots, "roots"));
        Objects.requireNonNull(policy, "policy");
        if (roots.isEmpty()) {
            throw new IllegalArgumentException("A disk tier needs at least one root");
        }
        Set<Object> seen = new HashSet<>();
        for (FileRoot r : roots) {
            if (!seen.add(r.path())) {
                throw new IllegalArgumentException("Root listed twice: " + r.path());
            }
        }
    }

    public static FileTierConfig of(FreeSpacePolicy policy, FileRoot... roots) {
        return new FileTierConfig(List.of(roots), policy);
    }
}
