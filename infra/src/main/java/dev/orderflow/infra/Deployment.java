package dev.orderflow.infra;

import java.util.List;
import java.util.Optional;

/**
 * The stacks one synthesis produces: the single-region stack alone, or one stack per region (the
 * primary first) plus the edge stack in us-east-1.
 *
 * @param regional one stack per region, in the order context {@code regions} gives them
 * @param edge the us-east-1 stack of a multi-region deployment
 */
public record Deployment(List<OrderflowStack> regional, Optional<EdgeStack> edge) {

    public Deployment {
        regional = List.copyOf(regional);
    }

    /** The stack holding the global tables and the user pool (the only one in one region). */
    public OrderflowStack primary() {
        return regional.get(0);
    }

    /**
     * The stack of one region.
     *
     * @throws IllegalArgumentException if no stack serves that region
     */
    public OrderflowStack in(String region) {
        return regional.stream()
                .filter(stack -> region.equals(stack.getRegion()))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no stack in " + region));
    }
}
