package dev.orderflow.cloud.internal.template;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/** Finds a resource's physical id (its Ref) from its logical id or a readable prefix of it. */
public final class PhysicalIdLookup {

    private final PhysicalIds ids;
    private final List<String> logicalIds;

    public PhysicalIdLookup(CfnStack stack) {
        this.ids = stack.ids();
        this.logicalIds = stack.logicalIds();
    }

    /**
     * The Ref of the resource named {@code logicalIdPrefix}, else of the shortest logical id that
     * starts with it (CDK appends a hash to readable ids: the shortest match is the resource
     * itself, not its role or policy).
     */
    public Optional<String> find(String logicalIdPrefix) {
        Optional<String> exact = ids.ref(logicalIdPrefix);
        if (exact.isPresent()) {
            return exact;
        }
        return logicalIds.stream()
                .filter(id -> id.startsWith(logicalIdPrefix))
                .min(Comparator.comparingInt(String::length))
                .flatMap(ids::ref);
    }
}
